"""What the query commands print: results rendered as tables, CSV, TSV or W3C JSON, IRIs
shortened for display, notes on why a named query found nothing, and remote answers.

Kept apart from `query.py` so that `g60kg --help` does not import rdflib's result machinery.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rdflib import URIRef
from rdflib.query import Result

from ..kg import KnowledgeGraph
from ..rdf.namespaces import G60, PREFIXES
from ..rdf.store import DEFAULT_BACKEND
from ..sparql.named import bind_params, get_query
from ..sparql.results import choose_language, format_rows, records, to_sparql_json

__all__ = ["compact", "no_data_notes", "remote_result", "render"]


def no_data_notes(kg: KnowledgeGraph, bound: dict[str, Any], lang: str) -> list[str]:
    """Why a named query found nothing: what the graph holds for each place or class asked."""
    from ..queries.coverage import place_coverage
    from ..queries.lookup import label

    notes = []
    for param, term in bound.items():
        if not isinstance(term, URIRef):
            continue
        if kg.query("ASK { ?x a ?class }", {"class": term}).askAnswer is False and str(
            term
        ).startswith(str(G60)):
            notes.append(f"no data: the graph holds no entity of class {label(kg, term, lang)}")
            continue
        if kg.query("ASK { ?p a g60:Place }", {"p": term}).askAnswer:
            cov = place_coverage(kg, term)
            notes.append(
                f"no data: the graph holds no such facts for {label(kg, term, lang)} "
                f"({param}); it has {cov.entities} entities there from {cov.sources} sources, "
                f"latest fact {cov.latest or 'none'}. Coverage per city: g60kg stats --coverage"
            )
    return notes


def compact(value: Any) -> Any:
    """Shorten an IRI for display with the longest project prefix that fits (display only:
    a local part with `/` is not a valid SPARQL CURIE)."""
    if isinstance(value, str) and value.startswith(("http://", "https://")):
        for prefix, base in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if value.startswith(base) and len(value) > len(base):
                return f"{prefix}:{value[len(base) :]}"
    return value


def render(result: Result, fmt: str, lang: str) -> str:
    """Render a query result: W3C JSON, or label columns folded into `lang` for text formats.

    CONSTRUCT and DESCRIBE results are printed as Turtle whatever the format.
    """
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        assert result.graph is not None
        return result.graph.serialize(format="turtle")
    if fmt == "json":
        return json.dumps(to_sparql_json(result), ensure_ascii=False, indent=2)
    if result.type == "ASK":
        return "true" if result.askAnswer else "false"
    found = choose_language(records(result), lang)
    columns = list(found[0]) if found else [str(v) for v in result.vars or []]
    if fmt == "table":
        columns = [c for c in columns if not c.endswith("_lang")]
        found = [{k: compact(v) for k, v in row.items()} for row in found]
        count = f"\n({len(found)} row{'s' if len(found) != 1 else ''})"
        return format_rows(found, columns, "table") + count
    return format_rows(found, columns, fmt)


def remote_result(
    load_graph: Callable[[Path | None, str], KnowledgeGraph],
    endpoint: str,
    text: str | None,
    file: Path | None,
    name: str | None,
    params: dict[str, str],
    lang: str,
    source: Path | None,
) -> Result:
    """Run the query on `endpoint`: checked like a local query, parameters bound as terms."""
    from ..sparql.remote import as_rdflib_result, pyoxigraph_term, query_endpoint
    from ..sparql.safety import check_query

    bindings: dict[str, Any] = {}
    if name is not None:
        query = get_query(name)
        sparql = query.text
        if params:  # names of entities are resolved against the local graph
            bindings = bind_params(load_graph(source, DEFAULT_BACKEND), query, params, lang)
    else:
        sparql = file.read_text(encoding="utf-8") if file is not None else str(text)
    prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    sparql = prologue + sparql
    check_query(sparql)
    terms = {k: pyoxigraph_term(v) for k, v in bindings.items()}
    return as_rdflib_result(query_endpoint(endpoint, sparql, terms))

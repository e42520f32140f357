"""What the query commands print: results rendered as tables, CSV, TSV or W3C JSON, IRIs
shortened for display, notes on why a named query found nothing, and remote answers.

Kept apart from `query.py` so that `g60kg --help` does not import rdflib's result machinery.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from rdflib import URIRef
from rdflib.query import Result

from ..kg import KnowledgeGraph
from ..rdf.namespaces import G60, PREFIXES
from ..rdf.store import DEFAULT_BACKEND
from ..sparql.named import bind_params, get_query
from ..sparql.results import choose_language, format_rows, records, to_sparql_json
from ..sparql.tables import text_table

__all__ = ["compact", "no_data_notes", "people_table", "remote_result", "render"]


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


def render(
    result: Result,
    fmt: str,
    lang: str,
    *,
    kg: KnowledgeGraph | None = None,
    given: Collection[str] = (),
    iris: bool = False,
) -> str:
    """Render a query result: W3C JSON, CSV and TSV with full values (label columns folded into
    `lang`), or a table for people (see `people_table`) fitted to the terminal.

    CONSTRUCT and DESCRIBE results are printed as Turtle whatever the format.
    """
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        assert result.graph is not None
        return result.graph.serialize(format="turtle")
    if fmt == "json":
        return json.dumps(to_sparql_json(result), ensure_ascii=False, indent=2)
    if result.type == "ASK":
        return "true" if result.askAnswer else "false"
    names = [str(v) for v in result.vars or []]
    if fmt == "table":
        columns, cells = people_table(records(result), names, lang, kg, given, iris)
        count = f"\n({len(cells)} row{'s' if len(cells) != 1 else ''})"
        return text_table(columns, cells, shutil.get_terminal_size().columns) + count
    found = choose_language(records(result), lang)
    columns = list(found[0]) if found else list(choose_language([dict.fromkeys(names)])[0])
    return format_rows(found, columns, fmt)


_BOUNDS = ("_min", "_max", "_value")
_QUANTITY_PARTS = (*_BOUNDS, "_qualifier", "_text")


def _part_of(name: str, stem: str) -> bool:
    return name.startswith(stem) and name[len(stem) :] in _QUANTITY_PARTS


def _plan(names: list[str], given: Collection[str]) -> list[tuple[str, str, str]]:
    """The columns of a table for people, from the query's projection alone: (header, kind,
    variable). Bound parameters are left out (the same on every row); `<x>_zh`/`<x>_en` fold
    into `x` (kind `label`); `<x>_min/_max/_value/_qualifier/_text` fold into one `quantity`
    column `x`; the rest are `value`s.

    >>> _plan(["place", "company", "company_zh", "company_en", "n_min", "n_text"], ["place"])
    [('company', 'label', 'company'), ('n', 'quantity', 'n')]
    """
    stems = {
        n[:-5] for n in names if n.endswith("_text") and any(n[:-5] + b in names for b in _BOUNDS)
    }
    plan: list[tuple[str, str, str]] = []
    for name in names:
        base, tail = name[:-3], name[-3:]
        stem = next((s for s in stems if _part_of(name, s)), None)
        if name in given or (tail in ("_zh", "_en") and base in names):
            continue
        if stem is not None:
            column = (stem, "quantity", stem)
        elif tail in ("_zh", "_en") or f"{name}_zh" in names or f"{name}_en" in names:
            column = (base, "label", base) if tail in ("_zh", "_en") else (name, "label", name)
        else:
            column = (name, "value", name)
        if column not in plan:
            plan.append(column)
    return plan


def _is_iri(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://"))


def _shown(value: Any, kg: KnowledgeGraph | None, lang: str, iris: bool, name: Any = None) -> str:
    """A value for people: an IRI by its label (`name`, or its label in the graph), followed
    by the IRI in short with `iris`; anything else as text."""
    if not _is_iri(value):
        return str(name or ("" if value is None else value))
    if name is None and kg is not None:
        from ..queries.lookup import label

        name = label(kg, value, lang)
    if name is None:
        return str(compact(value))
    return f"{name} <{compact(value)}>" if iris else str(name)


def people_table(
    found: list[dict[str, Any]],
    names: list[str],
    lang: str,
    kg: KnowledgeGraph | None = None,
    given: Collection[str] = (),
    iris: bool = False,
) -> tuple[list[str], list[list[str]]]:
    """Columns (from the projection, see `_plan`) and cells of a table for people: labels in
    `lang`, each followed by its IRI in short only with `iris`, quantities in words (see
    `queries.quantity`)."""
    from ..queries.quantity import format_quantity

    plan = _plan(names, given)
    cells = []
    for row in found:
        line = []
        for _, kind, var in plan:
            if kind == "quantity":
                low, high, exact = (row.get(var + b) for b in _BOUNDS)
                line.append(format_quantity(low, high, exact, wording=row.get(var + "_text")))
            elif kind == "label":
                picked = [row.get(f"{var}_{x}") for x in (lang, "zh", "en")]
                name = next((x for x in picked if x), None)
                line.append(_shown(row.get(var), kg, lang, iris, name))
            else:
                line.append(_shown(row.get(var), kg, lang, iris))
        cells.append(line)
    return [header for header, _, _ in plan], cells


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

"""The query commands of the `g60kg` CLI: query, queries, find, describe, path.

Errors go to stderr with a non-zero exit code: 2 for a SPARQL syntax error (with line and
column), 1 for everything else (unknown query or parameter, no such entity, ambiguous name,
refused query).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import click
from rdflib import URIRef
from rdflib.query import Result

from ..errors import QuerySyntaxError
from ..kg import KnowledgeGraph, load
from ..queries.analyst import describe, find, path
from ..rdf.namespaces import G60, PREFIXES
from ..rdf.store import BACKENDS, DEFAULT_BACKEND
from ..sparql.named import bind_params, get_query, named_queries, run_named
from ..sparql.remote import as_rdflib_result, pyoxigraph_term, query_endpoint
from ..sparql.results import choose_language, format_rows, records, to_sparql_json
from ..sparql.safety import check_query

__all__ = ["describe_command", "find_command", "path_command", "queries_command", "query_command"]

FORMATS = ("table", "csv", "tsv", "json")
_LANG = click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Label language.",
)
_BACKEND = click.option(
    "--backend",
    type=click.Choice(BACKENDS),
    default=DEFAULT_BACKEND,
    show_default=True,
    help="Store backend.",
)
_SOURCE = click.option(
    "--source",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="Data folder, build folder, N-Quads file or Oxigraph store (default: the project's data).",
)


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


def load_graph(source: Path | None, backend: str) -> KnowledgeGraph:
    """Load the graph for a command (tests replace this to reuse one loaded graph)."""
    return load(source, backend=backend)  # type: ignore[arg-type]


def _compact(value: Any) -> Any:
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
        found = [{k: _compact(v) for k, v in row.items()} for row in found]
        count = f"\n({len(found)} row{'s' if len(found) != 1 else ''})"
        return format_rows(found, columns, "table") + count
    return format_rows(found, columns, fmt)


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{pair!r} is not key=value", param_hint="--param")
        params[key.strip()] = value.strip()
    return params


def _remote(
    endpoint: str,
    text: str | None,
    file: Path | None,
    name: str | None,
    pairs: tuple[str, ...],
    lang: str,
    source: Path | None,
) -> Result:
    """Run the query on `endpoint`: checked like a local query, parameters bound as terms."""
    bindings: dict[str, Any] = {}
    if name is not None:
        query = get_query(name)
        sparql = query.text
        if pairs:  # names of entities are resolved against the local graph
            bindings = bind_params(load_graph(source, DEFAULT_BACKEND), query, _params(pairs), lang)
    else:
        sparql = file.read_text(encoding="utf-8") if file is not None else str(text)
    prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    sparql = prologue + sparql
    check_query(sparql)
    terms = {k: pyoxigraph_term(v) for k, v in bindings.items()}
    return as_rdflib_result(query_endpoint(endpoint, sparql, terms))


@click.command("query")
@click.argument("text", required=False)
@click.option(
    "-f",
    "--file",
    "file",
    type=click.Path(exists=True, path_type=Path),
    help="Read SPARQL from a .rq file.",
)
@click.option("--name", help="Run a named query (see `g60kg queries`).")
@click.option(
    "--param",
    "pairs",
    multiple=True,
    metavar="KEY=VALUE",
    help="Parameter of a named query; repeatable.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="json is the W3C SPARQL 1.1 results format.")  # fmt: skip
@click.option(
    "--endpoint",
    default=None,
    metavar="URL",
    help="Run on a remote SPARQL 1.1 endpoint instead of the embedded store.",
)
@_LANG
@_BACKEND
@_SOURCE
def query_command(
    text: str | None,
    file: Path | None,
    name: str | None,
    pairs: tuple[str, ...],
    fmt: str,
    lang: str,
    backend: str,
    source: Path | None,
    endpoint: str | None,
) -> None:
    """Run SPARQL given inline, from a file (-f) or by name (--name) with --param KEY=VALUE.

    A parameter value may be an IRI, a CURIE (id:adm-310117, g60:Place, industry:ai) or the
    name of an entity. Updates, SERVICE and FROM are refused.

    \b
    Examples:
      g60kg query --name plan-components --param programme=三区两翼 --lang en
      g60kg query 'SELECT ?city WHERE { id:E0002 g60:memberCity ?city }' --format csv
      g60kg query -f my.rq --format json
      g60kg query --name corridor-cities --endpoint http://127.0.0.1:8890/sparql
    """
    given = [x for x in (text, file, name) if x is not None]
    if len(given) != 1:
        raise click.UsageError("give exactly one of: inline TEXT, -f FILE or --name NAME")
    if pairs and name is None:
        raise click.UsageError("--param applies only to a named query (--name)")
    if name is not None:
        get_query(name)  # unknown names fail before the graph is loaded
    if endpoint is not None:
        click.echo(render(_remote(endpoint, text, file, name, pairs, lang, source), fmt, lang))
        return
    kg = load_graph(source, backend)
    try:
        if name is not None:
            bound = bind_params(kg, get_query(name), _params(pairs), lang)
            result = run_named(kg, name, bound, lang)
        else:
            sparql = file.read_text(encoding="utf-8") if file is not None else str(text)
            result = kg.query(sparql)
    except QuerySyntaxError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(render(result, fmt, lang))
    if name is not None and not len(result):
        for note in no_data_notes(kg, bound, lang):
            click.echo(note, err=True)


@click.command("queries")
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Title language.",
)
def queries_command(lang: str) -> None:
    """List the named queries with their titles and parameters.

    Example: g60kg queries --lang en
    """
    for query in named_queries().values():
        title = query.title_zh if lang == "zh" else query.title_en
        params = ", ".join(f"{p}{'?' if p in query.optional else ''}" for p in query.params)
        click.echo(f"{query.name:<22} {title}" + (f"  [{params}]" if params else ""))


@click.command("find")
@click.argument("name")
@_LANG
@_BACKEND
@_SOURCE
def find_command(name: str, lang: str, backend: str, source: Path | None) -> None:
    """Print the IRI and labels of the entity named NAME (label, alias, English or pinyin).

    Example: g60kg find 洞泾
    """
    kg = load_graph(source, backend)
    iri = find(kg, name, lang)
    info = describe(kg, iri, lang)
    click.echo(f"{iri}\t{info['labels']['zh']}\t{info['labels']['en']}\t{', '.join(info['types'])}")


@click.command("describe")
@click.argument("name")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@_LANG
@_BACKEND
@_SOURCE
def describe_command(name: str, fmt: str, lang: str, backend: str, source: Path | None) -> None:
    """Print everything said about an entity, each statement with its evidence.

    Example: g60kg describe 李谦 --lang en
    """
    info = describe(load_graph(source, backend), name, lang)
    if fmt == "json":
        click.echo(json.dumps(info, ensure_ascii=False, indent=2, default=str))
        return
    echo = _echo_visible
    echo(f"{info['label']}  <{info['iri']}>  ({', '.join(info['types'])})")
    for fact in info["facts"]:
        arrow = "→" if fact["direction"] == "out" else "←"
        echo(f"  {arrow} {fact['predicate_label']}: {fact['value_label']}")
        for span in fact["evidence"]:
            where = f"{_compact(span['source'])} [{span['start']}:{span['end']}]"
            echo(f"      “{span['quote']}” — {where}")
        for reference in fact["references"]:
            echo(f"      cites {_compact(reference)}")


_INVISIBLE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def _echo_visible(line: str) -> None:
    r"""Print a line with control, surrogate and bidi characters escaped (\x1b, \u202e).

    >>> _echo_visible("洞泾\x1b[31m\u202e镇")
    洞泾\x1b[31m\u202e镇
    """
    click.echo(_INVISIBLE.sub(lambda m: m.group().encode("unicode_escape").decode(), line))


@click.command("path")
@click.argument("source_name", metavar="FROM")
@click.argument("target_name", metavar="TO")
@_LANG
@_BACKEND
@_SOURCE
def path_command(
    source_name: str, target_name: str, lang: str, backend: str, source: Path | None
) -> None:
    """Print a shortest labelled chain of relations between two entities.

    Example: g60kg path 洞泾镇 上海市
    """
    steps = path(load_graph(source, backend), source_name, target_name, lang)
    if not steps:
        click.echo("(the same entity)")
        return
    line = steps[0]["from_label"]
    for step in steps:
        arrow = f" —{step['relation']}→ " if step["forward"] else f" ←{step['relation']}— "
        line += arrow + step["to_label"]
    click.echo(line)

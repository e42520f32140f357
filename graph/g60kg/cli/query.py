"""The query commands of the `g60kg` CLI: query, queries, find, describe, path.

Errors go to stderr with a non-zero exit code: 2 for a SPARQL syntax error (with line and
column), 1 for everything else (unknown query or parameter, no such entity, ambiguous name,
refused query, a query the engine aborts on: these commands run the engine in a child process,
see `g60kg.contain`).
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..contain import contained_engine
from ..errors import EngineAborted, QuerySyntaxError
from .options import BACKEND_OPTION, IRIS_OPTION, LANG_OPTION, SOURCE_OPTION

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph

__all__ = ["describe_command", "find_command", "path_command", "queries_command", "query_command"]

FORMATS = ("table", "csv", "tsv", "json")
_LANG, _BACKEND, _SOURCE = LANG_OPTION, BACKEND_OPTION, SOURCE_OPTION


def load_graph(source: Path | None, backend: str) -> KnowledgeGraph:
    """Load the graph for a command (tests replace this to reuse one loaded graph)."""
    from ..kg import load

    return load(source, backend=backend)  # type: ignore[arg-type]


# What to do when the engine aborts on a query a user wrote, and on one of the package's own.
_OWN_QUERY_FIX = (
    "order by STR(?x), or by values of one kind, or drop the ORDER BY; or run it with "
    "--backend memory"
)
_DATA_FIX = "run it with --backend memory, or give the values of each property one kind"


@contextlib.contextmanager
def _contained(fix: str) -> Iterator[None]:
    """Run the engine in a child process; its abort becomes one error line ending in ``fix``."""
    with contained_engine():
        try:
            yield
        except EngineAborted as exc:
            raise EngineAborted(f"{exc}. Fix: {fix}") from None


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{pair!r} is not key=value", param_hint="--param")
        params[key.strip()] = value.strip()
    return params


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
@IRIS_OPTION
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
    iris: bool,
) -> None:
    """Run SPARQL given inline, from a file (-f) or by name (--name) with --param KEY=VALUE.

    A parameter value may be an IRI, a CURIE (id:adm-310117, g60:Place, industry:ai), the name
    of an entity, or for classes and code lists a bare name or label (class=Company,
    status=实质落地); `g60kg queries NAME` lists what each parameter takes. Tables show labels
    (IRIs with --iris) fitted to the terminal; csv, tsv and json keep full values. Updates,
    SERVICE and FROM are refused.

    \b
    Examples:
      g60kg query --name plan-components --param programme=三区两翼 --lang en
      g60kg query 'SELECT ?city WHERE { id:E0002 g60:memberCity ?city }' --format csv
      g60kg query -f my.rq --format json
      g60kg query --name corridor-cities --endpoint http://127.0.0.1:8890/sparql
    """
    from ..sparql.named import bind_params, get_query, run_named
    from .answers import no_data_notes, remote_result, render

    given = [x for x in (text, file, name) if x is not None]
    if len(given) != 1:
        raise click.UsageError("give exactly one of: inline TEXT, -f FILE or --name NAME")
    if pairs and name is None:
        raise click.UsageError("--param applies only to a named query (--name)")
    if name is not None:
        get_query(name)  # unknown names fail before the graph is loaded
    if endpoint is not None:
        answer = remote_result(load_graph, endpoint, text, file, name, _params(pairs), lang, source)
        click.echo(render(answer, fmt, lang, given=_params(pairs), iris=iris))
        return
    kg = load_graph(source, backend)
    with _contained(_DATA_FIX if name is not None else _OWN_QUERY_FIX):
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
        table = render(result, fmt, lang, kg=kg, given=_params(pairs), iris=iris)
        notes = no_data_notes(kg, bound, lang) if name is not None and not len(result) else []
    click.echo(table)
    for note in notes:
        click.echo(note, err=True)


@click.command("queries")
@click.argument("name", required=False)
@_LANG
@_BACKEND
@_SOURCE
def queries_command(name: str | None, lang: str, backend: str, source: Path | None) -> None:
    """List the named queries with their titles and parameters; with NAME, what each parameter
    of that query takes and, for classes and code lists, every valid value.

    Example: g60kg queries investments-in-place --lang en
    """
    from ..sparql.named import get_query, named_queries

    if name is not None:
        from .entities import query_help

        click.echo(query_help(load_graph(source, backend), get_query(name), lang))
        return
    for query in named_queries().values():
        title = query.title_zh if lang == "zh" else query.title_en
        params = ", ".join(f"{p}{'?' if p in query.optional else ''}" for p in query.params)
        click.echo(f"{query.name:<22} {title}" + (f"  [{params}]" if params else ""))


@click.command("find")
@click.argument("name")
@click.option(
    "--one",
    is_flag=True,
    help="For scripts: print IRI, labels and types of the one match (tab-separated), or fail "
    "(exit 1) listing the candidates when the name does not pick exactly one.",
)
@IRIS_OPTION
@_LANG
@_BACKEND
@_SOURCE
def find_command(
    name: str, one: bool, iris: bool, lang: str, backend: str, source: Path | None
) -> None:
    """List the entities and facts named NAME (label, alias, English or pinyin), best first.

    \b
    Examples:
      g60kg find 人工智能
      g60kg find 洞泾镇 --one
    """
    from ..queries.lookup import find, find_all, label

    kg = load_graph(source, backend)
    with _contained(_DATA_FIX):
        if one:
            from ..queries.analyst import types_of

            iri = find(kg, name, lang)
            names = "\t".join(label(kg, iri, code) for code in ("zh", "en"))
            found = f"{iri}\t{names}\t{', '.join(types_of(kg, iri))}"
        else:
            from .entities import find_table

            found = find_table(kg, find_all(kg, name, lang), lang, iris)
    click.echo(found)


@click.command("describe")
@click.argument("name")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@IRIS_OPTION
@_LANG
@_BACKEND
@_SOURCE
def describe_command(
    name: str, fmt: str, iris: bool, lang: str, backend: str, source: Path | None
) -> None:
    """Print everything said about an entity or fact, amounts with their bounds, and the
    evidence: each quote once, numbered, referred to by number from the statements it supports.

    NAME is anything `find` finds: a label, alias or pinyin of an entity, the label of a fact
    (as `query --name timeline` prints it), a CURIE or an IRI.

    Example: g60kg describe 李谦 --lang en
    """
    from ..queries.analyst import describe

    kg = load_graph(source, backend)
    with _contained(_DATA_FIX):
        info = describe(kg, name, lang)
    if fmt == "json":
        click.echo(json.dumps(info, ensure_ascii=False, indent=2, default=str))
        return
    from .entities import describe_lines

    for line in describe_lines(info, lang, iris):
        click.echo(line)


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
    from ..queries.analyst import path

    kg = load_graph(source, backend)
    with _contained(_DATA_FIX):
        steps = path(kg, source_name, target_name, lang)
    if not steps:
        click.echo("(the same entity)")
        return
    line = steps[0]["from_label"]
    for step in steps:
        arrow = f" —{step['relation']}→ " if step["forward"] else f" ←{step['relation']}— "
        line += arrow + step["to_label"]
    click.echo(line)

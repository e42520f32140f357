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
from typing import TYPE_CHECKING

import click

from ..errors import QuerySyntaxError
from .options import BACKEND_OPTION, LANG_OPTION, SOURCE_OPTION

if TYPE_CHECKING:
    from ..kg import KnowledgeGraph

__all__ = ["describe_command", "find_command", "path_command", "queries_command", "query_command"]

FORMATS = ("table", "csv", "tsv", "json")
_LANG, _BACKEND, _SOURCE = LANG_OPTION, BACKEND_OPTION, SOURCE_OPTION


def load_graph(source: Path | None, backend: str) -> KnowledgeGraph:
    """Load the graph for a command (tests replace this to reuse one loaded graph)."""
    from ..kg import load

    return load(source, backend=backend)  # type: ignore[arg-type]


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
        click.echo(render(answer, fmt, lang))
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
    from ..sparql.named import named_queries

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
    from ..queries.analyst import find, types_of
    from ..queries.lookup import label

    kg = load_graph(source, backend)
    iri = find(kg, name, lang)
    names = "\t".join(label(kg, iri, code) for code in ("zh", "en"))
    click.echo(f"{iri}\t{names}\t{', '.join(types_of(kg, iri))}")


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
    from ..queries.analyst import describe
    from .answers import compact

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
            where = f"{compact(span['source'])} [{span['start']}:{span['end']}]"
            echo(f"      “{span['quote']}” — {where}")
        for reference in fact["references"]:
            echo(f"      cites {compact(reference)}")


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
    from ..queries.analyst import path

    steps = path(load_graph(source, backend), source_name, target_name, lang)
    if not steps:
        click.echo("(the same entity)")
        return
    line = steps[0]["from_label"]
    for step in steps:
        arrow = f" —{step['relation']}→ " if step["forward"] else f" ←{step['relation']}— "
        line += arrow + step["to_label"]
    click.echo(line)

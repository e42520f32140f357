"""The `g60kg` command line."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from ..errors import G60Error
from ..project import require_project
from .cleanexit import terminated_cleanly
from .options import DATA_OPTION, LANG_OPTION

__all__ = ["main"]


class _Group(click.Group):
    """Report our own errors as one clear message on stderr, exit code 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            with terminated_cleanly():
                return super().invoke(ctx)
        except G60Error as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)


@click.group(cls=_Group)
@click.version_option(package_name="g60kg")
def main() -> None:
    """g60kg: the G60 corridor knowledge graph (build, check, query, view)."""


@main.command("build")
@DATA_OPTION
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Build folder (default: build/ beside the data folder).",
)
def build_command(data_dir: Path | None, out_dir: Path | None) -> None:
    """Build the RDF dataset (TriG and N-Quads) from data/.

    Example: g60kg build --out build/
    """
    from ..rdf.build import build

    started = time.perf_counter()
    project = require_project(data_dir)
    click.echo(f"building from {project.data_dir}", err=True)
    result = build(project.data_dir, out_dir)
    for path in result.files:
        click.echo(f"wrote {path}")
    steps = ", ".join(f"{k} {v:.2f}s" for k, v in result.timings.items())
    click.echo(f"built {result.quads} quads in {time.perf_counter() - started:.2f}s ({steps})")


@main.command("validate")
@DATA_OPTION
def validate_command(data_dir: Path | None) -> None:
    """Run every check (records, evidence, SHACL, SPARQL checks) without writing anything.

    Example: g60kg validate
    """
    from ..rdf.build import compile_checked

    started = time.perf_counter()
    ds = compile_checked(require_project(data_dir).data_dir)
    quads = sum(1 for _ in ds.quads((None, None, None, None)))
    click.echo(f"valid: {quads} quads checked in {time.perf_counter() - started:.2f}s")


@main.command("stats")
@DATA_OPTION
@click.option(
    "--coverage",
    is_flag=True,
    help="Per member of the corridor: entities by class, sources, the latest fact's date.",
)
@LANG_OPTION
def stats_command(data_dir: Path | None, coverage: bool, lang: str) -> None:
    """Print counts per class, per named graph and per source, or coverage per member city.

    Example: g60kg stats --coverage --lang en
    """
    from ..kg import load

    graph = load(require_project(data_dir).data_dir)
    if coverage:
        from ..queries.coverage import corridor_coverage, format_coverage

        click.echo(format_coverage(corridor_coverage(graph), lang))
        return
    from ..queries.stats import dataset_stats, format_stats

    click.echo(format_stats(dataset_stats(graph.rdf)))


@main.command("mint-iris")
@DATA_OPTION
def mint_iris_command(data_dir: Path | None) -> None:
    """Give every new entity (written without `iri:`) its persistent IRI, in place.

    Serials come from the block of the entity's area folder (docs/curation.md); administrative
    units with a division_code get adm-<code>.

    Example: g60kg mint-iris
    """
    from ..records.mint import mint_iris

    folder = require_project(data_dir).data_dir
    minted = mint_iris(folder)
    for m in minted:
        click.echo(f"{m.file}:{m.line}: {m.id} -> {m.iri}")
    click.echo(f"minted {len(minted)} IRIs in {folder}")


@main.command("locate")
@DATA_OPTION
@click.argument("source")
@click.argument("quote")
def locate_command(data_dir: Path | None, source: str, quote: str) -> None:
    """Print the offsets of QUOTE in SOURCE, for writing evidence by hand.

    Example: g60kg locate dongjing-ai-town 洞泾镇党委副书记
    """
    from ..records.evidence import locate
    from ..records.read import read_data

    data = read_data(require_project(data_dir).data_dir)
    if source not in data.sources:
        raise click.BadParameter(f"no source '{source}'; known: {', '.join(sorted(data.sources))}")
    spans = locate(data.sources[source].text, quote)
    if not spans:
        raise click.ClickException(f"{quote!r} does not occur in {source}")
    for start, end in spans:
        click.echo(f'{{quote: "{quote}", start: {start}, end: {end}}}')


def _register() -> None:
    """Attach the commands that live in their own modules."""
    from .ask import ask_command
    from .evaluate_qa import evaluate_qa_command
    from .extract import evaluate_command, extract_command, ingest_command
    from .query import (
        describe_command,
        find_command,
        path_command,
        queries_command,
        query_command,
    )
    from .serve import push_command, serve_command
    from .view import export_command, viz_command

    for command in (
        query_command, queries_command, find_command, describe_command, path_command,
        viz_command, export_command, serve_command, push_command,
        extract_command, ingest_command, evaluate_command, ask_command, evaluate_qa_command,
    ):  # fmt: skip
        main.add_command(command)


_register()

"""CLI commands that share the graph over HTTP: `g60kg serve` and `g60kg push`."""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..rdf.freshness import NQUADS_NAME

DEFAULT_MEMORY_MB = 3072  # as g60kg.serve.workers, not imported here to keep the CLI quick

__all__ = ["push_command", "serve_command"]


def _dataset(dataset: Path | None) -> Path:
    """The N-Quads file to serve or push: the one given, else the project's up-to-date build
    (outside a project, the dataset shipped with g60kg)."""
    if dataset is not None:
        return dataset / NQUADS_NAME if dataset.is_dir() else dataset
    from ..kg import default_source

    return default_source()


@click.command("serve")
@click.option(
    "--dataset",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="N-Quads file or build folder (default: build/g60kg.nq, built if missing).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=7878, show_default=True, help="Port to listen on.")
@click.option(
    "--timeout",
    "timeout_s",
    type=float,
    default=30.0,
    show_default=True,
    help="Seconds a query may run before it is stopped.",
)
@click.option(
    "--max-rows",
    type=int,
    default=10_000,
    show_default=True,
    help="Most rows (or triples) one answer may carry.",
)
@click.option("--allow-update", is_flag=True, help="Accept SPARQL updates (refused by default).")
@click.option("--workers", type=int, default=None, help="Query worker processes (default: CPUs).")
@click.option(
    "--memory-mb",
    type=int,
    default=DEFAULT_MEMORY_MB,
    show_default=True,
    help="Address space each query worker may use; a query past it answers 503.",
)
@click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Keep the loaded store here and reuse it when the data is unchanged.",
)
def serve_command(
    dataset: Path | None,
    host: str,
    port: int,
    timeout_s: float,
    max_rows: int,
    allow_update: bool,
    workers: int | None,
    store_dir: Path | None,
    memory_mb: int,
) -> None:
    """Serve the graph as a read-only SPARQL 1.1 endpoint with a query page.

    Example: g60kg serve --port 7878   (then open http://127.0.0.1:7878/)
    """
    from ..project import ontology_dir
    from ..serve import serve

    serve(_dataset(dataset), host=host, port=port, queries_dir=ontology_dir() / "queries",
          timeout_s=timeout_s, max_rows=max_rows, allow_update=allow_update, workers=workers,
          store_dir=store_dir, memory_mb=memory_mb)  # fmt: skip


@click.command("push")
@click.argument("url")
@click.option(
    "--dataset",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="N-Quads or TriG file, or build folder (default: build/g60kg.nq).",
)
@click.option(
    "--protocol",
    type=click.Choice(["graph-store", "update"]),
    default="graph-store",
    show_default=True,
    help="SPARQL 1.1 Graph Store protocol or Update endpoint.",
)
@click.option(
    "--graph-param",
    default="graph",
    show_default=True,
    help="Query parameter naming the graph (Virtuoso also takes graph-uri).",
)
@click.option("--user", default=None, help="User name; the password comes from G60KG_PASSWORD.")
@click.option("--digest", is_flag=True, help="Use HTTP digest authentication (Virtuoso).")
def push_command(
    url: str, dataset: Path | None, protocol: str, graph_param: str, user: str | None, digest: bool
) -> None:
    """Load the dataset into an external SPARQL store, one named graph at a time.

    Each graph is replaced, so pushing again never duplicates data.

    Example: g60kg push http://127.0.0.1:8890/sparql-graph-crud-auth --user dba --digest
    """
    from ..sparql.bounded import redact
    from ..sparql.remote import push

    auth = (user, os.environ.get("G60KG_PASSWORD", "")) if user else None
    counts = push(_dataset(dataset), url, protocol=protocol, graph_param=graph_param,  # type: ignore[arg-type]
                  auth=auth, digest=digest)  # fmt: skip
    for graph, triples in sorted(counts.items()):
        click.echo(f"{triples:>8} triples  {graph or '(default graph)'}")
    click.echo(f"pushed {sum(counts.values())} triples in {len(counts)} graphs to {redact(url)}")

"""CLI commands that draw or export the graph: `g60kg viz` and `g60kg export`."""

from __future__ import annotations

import time
from pathlib import Path

import click

from ..views.formats import FORMATS, RDF_FORMATS
from .options import LANG_OPTION, SOURCE_OPTION

__all__ = ["export_command", "refuse_build_files", "viz_command"]


@click.command("viz")
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="File to write (.html, .png or .svg).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "png", "svg"]),
    default=None,
    help="Output format (default: from the file suffix).",
)
@click.option("--focus", default=None, help="Entity (label or IRI) to centre an ego graph on.")
@click.option(
    "--depth", type=int, default=None, help="Links from the focus to include (default 1)."
)
@click.option("--types", default=None, help="Comma-separated classes to keep, e.g. Company,Town.")
@click.option(
    "--concepts/--no-concepts",
    default=None,
    help="Show code-list concepts (区, 人工智能…). Default: hidden in the whole graph "
    "(the page's legend can show them), shown around a --focus.",
)
@LANG_OPTION
@click.option(
    "--map",
    "as_map",
    is_flag=True,
    help="Place units and sites at their administrative centroids (offline gazetteer).",
)
@SOURCE_OPTION
def viz_command(
    out: Path,
    fmt: str | None,
    focus: str | None,
    depth: int | None,
    types: str | None,
    concepts: bool | None,
    lang: str,
    as_map: bool,
    source: Path | None,
) -> None:
    """Draw the graph: a self-contained interactive HTML page or a PNG/SVG picture.

    Example: g60kg viz --out build/dongjing.html --focus 洞泾镇 --depth 2 --lang en

    Example: g60kg viz --map --out build/corridor-map.png --lang en

    A picture of more than 60 entities is an overview: grouped by member city, naming the
    members and the most linked entities that fit without covering each other.
    """
    from ..kg import load
    from ..viz import write_html, write_image

    started = time.perf_counter()
    kg = load(source)
    if focus is not None:  # the resolver of find, describe and path (labels, aliases, pinyin)
        from ..queries.lookup import resolve

        focus = str(resolve(kg, focus, lang))
    G = kg.nx
    if as_map:
        from ..viz.geo import map_graph

        G = map_graph(G)
    chosen = fmt or out.suffix.lstrip(".").lower()
    type_list = [t.strip() for t in types.split(",")] if types else None
    options = {
        "lang": lang,
        "focus": focus,
        "depth": depth,
        "types": type_list,
        "concepts": concepts,
    }
    if chosen == "html":
        written = write_html(G, out, **options)  # type: ignore[arg-type]
    elif chosen in ("png", "svg"):
        written = write_image(G, out, chosen, **options)  # type: ignore[arg-type]
    else:
        raise click.BadParameter(f"cannot tell the format of {out}; use --format html|png|svg")
    size = written.stat().st_size
    click.echo(f"wrote {written} ({size:,} bytes) in {time.perf_counter() - started:.2f}s")


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    required=True,
    help="turtle, trig, nquads, jsonld (the RDF dataset) or graphml, gexf, csv (the network).",
)
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path),
    required=True,
    help="File to write (a folder for csv: nodes.csv and edges.csv).",
)
@LANG_OPTION
@SOURCE_OPTION
def export_command(fmt: str, out: Path, lang: str, source: Path | None) -> None:
    """Export the dataset or its network for other tools (Gephi, Cytoscape, triple stores).

    The build's own files (build/g60kg.trig, .nq, .json and the kept store) and the dataset
    read with --source are never overwritten: `g60kg build` writes those.

    Example: g60kg export --format graphml --out build/g60kg.graphml
    """
    from ..kg import load
    from ..views.export import export

    refuse_build_files(out, source)
    kg = load(source)
    written = export(kg.rdf if fmt in RDF_FORMATS else kg.nx, fmt, out, lang=lang)
    for path in written:
        click.echo(f"wrote {path} ({path.stat().st_size:,} bytes)")


def refuse_build_files(out: Path, source: Path | None) -> None:
    """Refuse to export over a file of a build (a folder holding the build's manifest, or the
    project's build/) or over the dataset being read; nothing is written."""
    from ..errors import OutputError
    from ..project import find_project
    from ..rdf.freshness import MANIFEST_NAME, NQUADS_NAME, TRIG_NAME

    target = out.expanduser().resolve()
    store = Path(NQUADS_NAME).with_suffix(".oxigraph").name
    folders = [p for p in (target.parent, target.parent.parent) if (p / MANIFEST_NAME).is_file()]
    project = find_project()
    if project is not None:
        folders.append(project.build_dir.resolve())
    owned = {f / name for f in folders for name in (NQUADS_NAME, TRIG_NAME, MANIFEST_NAME, store)}
    inside_store = any(p.name == store and p.parent in folders for p in target.parents)
    if target in owned or inside_store:
        raise OutputError(
            f"{out} is a file of the build in {target.parent}, written by `g60kg build` and read "
            "by every command; export to another file, e.g. "
            f"--out {out.with_name('export' + out.suffix)}"
        )
    if source is not None and source.expanduser().resolve() == target:
        raise OutputError(f"{out} is the dataset being read (--source); export to another file")

"""Check a compiled dataset: SHACL Core shapes, then cross-node SPARQL checks.

`shacl_problems` + `sparql_problems` check one in-memory union graph with pyshacl and rdflib,
as the build does. `scalable_problems` finds the same problems with SPARQL alone (the shapes
compiled by `g60kg.rdf.shapes`), so on an Oxigraph-backed dataset it stays fast at millions of
quads.
"""

from __future__ import annotations

from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Dataset, Graph, Namespace
from rdflib.namespace import RDF

from .ontology import ontology_dir
from .shapes import shape_problems

__all__ = [
    "check_queries",
    "scalable_problems",
    "shacl_problems",
    "sparql_problems",
    "union_graph",
]

SH = Namespace("http://www.w3.org/ns/shacl#")


def union_graph(ds: Dataset) -> Graph:
    """All named graphs of the dataset merged into one graph."""
    union = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def shacl_problems(data: Graph, shapes_path: Path | None = None) -> list[str]:
    """One readable line per SHACL violation (empty when the data conforms)."""
    shapes = Graph().parse(shapes_path or ontology_dir() / "shapes.ttl", format="turtle")
    conforms, report, _ = shacl_validate(data, shacl_graph=shapes, advanced=False, inference="none")
    if conforms:
        return []
    lines = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        lines.append(f"SHACL: {focus}" + (f" {path}" if path else "") + f": {message}")
    return sorted(lines)


def check_queries(folder: Path | None = None) -> dict[str, str]:
    """The cross-node checks: name → SPARQL text of a query that must return no rows."""
    folder = folder or ontology_dir() / "checks"
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.rq"))}


def sparql_problems(data: Graph, folder: Path | None = None) -> list[str]:
    """One line per row returned by any cross-node check (of `folder`, default the ontology's)."""
    lines = []
    for name, query in check_queries(folder).items():
        for row in data.query(query):
            values = ", ".join(str(v) for v in row)  # type: ignore[union-attr]
            lines.append(f"check {name}: {values}")
    return lines


def scalable_problems(
    data: Graph, shapes_path: Path | None = None, checks: Path | None = None
) -> list[str]:
    """What `shacl_problems` and `sparql_problems` report, found by SPARQL queries alone.

    Meant for a union-default dataset on Oxigraph (`g60kg.load()`), where every query runs
    natively; see `g60kg.rdf.shapes` for the two ways it reads literals differently from pyshacl.

    >>> from g60kg import load
    >>> scalable_problems(load().rdf)
    []
    """
    return shape_problems(data, shapes_path) + sparql_problems(data, checks)

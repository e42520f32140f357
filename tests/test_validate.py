"""Validation: the SPARQL-only path finds what pyshacl finds, on the store we ship by default."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from g60kg.errors import G60Error
from g60kg.rdf.build import compile_checked, default_data_dir, serialize_nquads
from g60kg.rdf.namespaces import CLAIM, G60, ID, OA, SCHEMA
from g60kg.rdf.shapes import compile_shapes
from g60kg.rdf.store import dataset_from_nquads
from g60kg.rdf.validate import scalable_problems, shacl_problems, sparql_problems, union_graph
from rdflib import RDFS, Dataset, Graph, Literal

DONGJING = ID["adm-310117106"]
LANDED = CLAIM["dongjing-ai-town/investment-landed"]


def focus_and_path(lines: list[str]) -> set[str]:
    """`SHACL: <focus> [<path>]: <message>` → `<focus> [<path>]` (messages may differ)."""
    return {line.split(": ")[1] for line in lines if line.startswith("SHACL: ")}


def broken(data: Path) -> Dataset:
    """The seed graph's dataset with one mistake of each kind the shapes catch."""
    ds = compile_checked(data)
    graph = next(g for g in ds.graphs() if str(g.identifier).endswith("/entities"))
    source = next(g for g in ds.graphs() if str(g.identifier).endswith("/dongjing-ai-town"))
    graph.remove((DONGJING, RDFS.label, Literal("Dongjing Town", lang="en")))
    graph.add((DONGJING, RDFS.label, Literal("Dongjing", lang="fr")))
    graph.add((DONGJING, G60.divisionCode, Literal("31a")))
    source.remove((LANDED, G60.destination, None))
    source.add((LANDED, G60.confidence, Literal(Decimal(2))))
    source.remove((LANDED + "/amount", G60.unit, None))
    source.set((LANDED + "/amount", SCHEMA.currency, Literal("USD")))
    span = LANDED + "/evidence/1"
    source.set((span, OA.start, Literal("69")))
    for claim in list(source.subjects(G60.evidence, None))[:1]:
        source.remove((claim, G60.evidence, None))
    for event in list(ds.subjects(G60.date, None))[:1]:
        ds.remove((event, G60.date, None, None))
    return ds


def test_the_real_graph_has_no_problems_on_either_store() -> None:
    ds = compile_checked(default_data_dir())
    assert scalable_problems(ds) == []
    assert scalable_problems(dataset_from_nquads(serialize_nquads(ds), "oxigraph")) == []


@pytest.mark.parametrize("backend", ["memory", "oxigraph"])
def test_sparql_shapes_find_what_pyshacl_finds(backend: str, seed_dir: Path) -> None:
    ds = broken(seed_dir)
    expected = shacl_problems(union_graph(ds))
    found = scalable_problems(dataset_from_nquads(serialize_nquads(ds), backend))  # type: ignore[arg-type]
    assert len(expected) >= 10
    assert focus_and_path(found) == focus_and_path(expected)
    assert f"SHACL: {LANDED}/amount {G60.unit}: a quantity has a unit" in found


def test_oxigraph_integer_datatypes_are_not_violations(seed_dir: Path) -> None:
    """Oxigraph stores xsd:nonNegativeInteger as xsd:integer; pyshacl then rejects offsets."""
    on_oxigraph = dataset_from_nquads(serialize_nquads(compile_checked(seed_dir)))
    assert any("nonNegativeInteger" in line for line in shacl_problems(union_graph(on_oxigraph)))
    assert scalable_problems(on_oxigraph) == []


def test_the_cross_node_checks_run_on_the_store(seed_dir: Path) -> None:
    ds = dataset_from_nquads(serialize_nquads(compile_checked(seed_dir)))
    town = ID["adm-310117"]
    ds.add((town, G60.directlyWithin, DONGJING))
    assert any("containment-cycle" in line for line in sparql_problems(ds))


def test_an_untranslated_constraint_is_refused() -> None:
    shapes = Graph().parse(
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:s> a sh:NodeShape ; sh:targetClass <urn:C> ; sh:closed true .""",
        format="turtle",
    )
    with pytest.raises(G60Error, match="shacl#closed"):
        compile_shapes(shapes)

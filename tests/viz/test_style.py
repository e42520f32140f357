"""Every class of entity in the ontology has its own look."""

from __future__ import annotations

from pathlib import Path

from g60kg.viz.style import node_size, style_of
from rdflib import Graph, Namespace
from rdflib.namespace import OWL, RDF

G60 = Namespace("https://w3id.org/g60kg/ontology#")
ONTOLOGY = Path(__file__).parents[2] / "ontology" / "g60.ttl"
# Classes of the provenance layer, never drawn as entities.
NOT_DRAWN = {"Claim", "Doubt", "EvidenceSpan", "SourceDocument", "ReferenceSource"}


def test_every_entity_class_has_a_style() -> None:
    ontology = Graph().parse(ONTOLOGY, format="turtle")
    classes = {str(c)[len(str(G60)) :] for c in ontology.subjects(RDF.type, OWL.Class)}
    classes = {c for c in classes if c and c.isidentifier()} - NOT_DRAWN
    grey = style_of(["NoSuchClass"])
    assert sorted(c for c in classes if style_of([c]) == grey) == []


def test_the_most_specific_styled_class_wins() -> None:
    assert style_of(["Company", "Organization"]) == style_of(["Company"])
    assert style_of(["NewKindOfTown", "Town"]) == style_of(["Town"])
    assert style_of(["Company"]).marker == "D"


def test_size_grows_with_degree_and_is_capped() -> None:
    sizes = [node_size(d) for d in range(0, 500, 7)]
    assert sizes == sorted(sizes) and sizes[-1] == 50.0

"""The ontology and code lists: they parse, and every term has both labels and a definition."""

from __future__ import annotations

from g60kg.rdf.namespaces import G60, VOCAB
from g60kg.rdf.ontology import load_ontology, ontology_dir
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS


def labels(graph: Graph, term: URIRef, lang: str) -> list[Literal]:
    return [
        o for o in graph.objects(term, RDFS.label) if isinstance(o, Literal) and o.language == lang
    ]


def test_every_term_has_zh_and_en_labels_and_a_definition() -> None:
    graph = Graph().parse(ontology_dir() / "g60.ttl")
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    terms = {s for k in kinds for s in graph.subjects(RDF.type, k) if str(s).startswith(str(G60))}
    assert len(terms) > 100
    for term in terms:
        assert isinstance(term, URIRef)
        assert labels(graph, term, "zh"), f"{term} has no @zh label"
        assert labels(graph, term, "en"), f"{term} has no @en label"
        definition = graph.value(term, SKOS.definition)
        assert isinstance(definition, Literal) and definition.language == "en", term


def test_every_concept_has_both_labels_and_a_scheme() -> None:
    graph = Graph().parse(ontology_dir() / "vocab.ttl")
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert VOCAB["qualifier/more-than"] in concepts
    for concept in concepts:
        assert isinstance(concept, URIRef)
        assert labels(graph, concept, "zh") and labels(graph, concept, "en"), concept
        assert graph.value(concept, SKOS.inScheme) is not None


def test_containment_is_declared_transitive() -> None:
    onto = load_ontology()
    assert (G60.within, RDF.type, OWL.TransitiveProperty) in onto.graph
    assert (G60.directlyWithin, RDFS.subPropertyOf, G60.within) in onto.graph


def test_aligned_to_standard_vocabularies() -> None:
    onto = load_ontology()
    supers = {str(c) for c in onto.superclasses("PostHolding")}
    assert "http://www.w3.org/ns/org#Membership" in supers
    assert "https://schema.org/Corporation" in {str(c) for c in onto.superclasses("Company")}
    assert "http://schema.org/" not in (ontology_dir() / "g60.ttl").read_text(encoding="utf-8")

"""The ontology and code lists as data: which classes, properties and concepts exist."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from ..project import ontology_dir
from .namespaces import G60, SCHEMA, VOCAB

__all__ = ["Ontology", "PropertyKind", "load_ontology", "ontology_dir"]

PropertyKind = str  # "entity" | "quantity" | "literal"

QUANTITY_RANGES = {SCHEMA.QuantitativeValue, SCHEMA.MonetaryAmount}


@dataclass(frozen=True)
class Ontology:
    """The terms g60kg knows: classes, properties with their kind and range, concepts."""

    graph: Graph
    classes: frozenset[str]
    fact_classes: frozenset[str]
    properties: dict[str, tuple[PropertyKind, URIRef | None]]
    concepts: frozenset[URIRef]

    def concept(self, code: str) -> URIRef | None:
        """The IRI of a `scheme:code` concept, or None if no such concept exists.

        >>> load_ontology().concept("investment-status:landed")
        rdflib.term.URIRef('https://w3id.org/g60kg/vocab/investment-status/landed')
        """
        scheme, _, local = code.partition(":")
        iri = VOCAB[f"{scheme}/{local}"]
        return iri if local and iri in self.concepts else None

    def superclasses(self, local: str) -> list[URIRef]:
        """All superclasses (transitively) of a g60 class, the class first."""
        start = G60[local]
        return [
            c
            for c in self.graph.transitive_objects(start, RDFS.subClassOf)
            if isinstance(c, URIRef)
        ]


def _local(iri: URIRef) -> str | None:
    text = str(iri)
    return text[len(str(G60)) :] if text.startswith(str(G60)) else None


@cache
def load_ontology(folder: Path | None = None) -> Ontology:
    """Parse `g60.ttl` and `vocab.ttl` once and index their terms.

    >>> onto = load_ontology()
    >>> "Town" in onto.classes, onto.properties["directlyWithin"][0]
    (True, 'entity')
    """
    folder = folder or ontology_dir()
    graph = Graph()
    graph.parse(folder / "g60.ttl", format="turtle")
    graph.parse(folder / "vocab.ttl", format="turtle")
    classes = {
        local
        for c in graph.subjects(RDF.type, OWL.Class)
        if isinstance(c, URIRef) and (local := _local(c))
    }
    facts = {
        c for c in classes if G60.Fact in set(graph.transitive_objects(G60[c], RDFS.subClassOf))
    }
    properties: dict[str, tuple[PropertyKind, URIRef | None]] = {}
    for kind_class, kind in ((OWL.ObjectProperty, "entity"), (OWL.DatatypeProperty, "literal")):
        for prop in graph.subjects(RDF.type, kind_class):
            local = _local(prop) if isinstance(prop, URIRef) else None
            if not local:
                continue
            rng = graph.value(prop, RDFS.range)
            rng_iri = rng if isinstance(rng, URIRef) else None
            properties[local] = ("quantity" if rng_iri in QUANTITY_RANGES else kind, rng_iri)
    concepts = frozenset(c for c in graph.subjects(RDF.type, SKOS.Concept) if isinstance(c, URIRef))
    return Ontology(graph, frozenset(classes), frozenset(facts), properties, concepts)

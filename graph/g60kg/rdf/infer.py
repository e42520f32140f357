"""Materialise the closures users query without reasoning: containment and class membership."""

from __future__ import annotations

import networkx as nx
from rdflib import RDF, RDFS, Dataset, URIRef

from .namespaces import G60, INFERRED_GRAPH, ONTOLOGY_GRAPH

__all__ = ["add_inferences"]


def add_inferences(ds: Dataset) -> int:
    """Add `g60:within` (transitive closure of `g60:directlyWithin`) and every superclass type
    of each typed node into the inferred graph; return how many triples were added.

    Containment is a DAG walk (linear in its size), not a general OWL reasoner: the two
    closures users need, at a cost that stays flat as the graph grows.
    """
    inferred = ds.graph(INFERRED_GRAPH)
    containment = nx.DiGraph()
    containment.add_edges_from(
        (s, o) for s, _, o, _ in ds.quads((None, G60.directlyWithin, None, None))
    )
    for place in containment.nodes:
        for ancestor in nx.descendants(containment, place):
            inferred.add((place, G60.within, ancestor))
    onto = ds.graph(ONTOLOGY_GRAPH)
    supers: dict[URIRef, set[URIRef]] = {}
    typed = {(s, o) for s, _, o, g in ds.quads((None, RDF.type, None, None)) if g != ONTOLOGY_GRAPH}
    for node, cls in typed:
        if not isinstance(cls, URIRef):
            continue
        if cls not in supers:
            found = onto.transitive_objects(cls, RDFS.subClassOf)
            supers[cls] = {c for c in found if isinstance(c, URIRef) and c != cls}
        for sup in supers[cls]:
            if (node, sup) not in typed:
                inferred.add((node, RDF.type, sup))
    return len(inferred)

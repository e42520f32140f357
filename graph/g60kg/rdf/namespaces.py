"""The IRIs of g60kg: one base, kept in one place.

The prefixes are plain strings; the rdflib `Namespace`s and graph names are made on first use,
so code that needs only the prefixes (a command answering from the store) never imports rdflib.

>>> ID["adm-310117"]
rdflib.term.URIRef('https://w3id.org/g60kg/id/adm-310117')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rdflib import Namespace, URIRef

    G60: Namespace
    ID: Namespace
    CLAIM: Namespace
    SOURCE: Namespace
    VOCAB: Namespace
    GRAPH: Namespace
    SCHEMA: Namespace
    OA: Namespace
    QB: Namespace
    CV: Namespace
    ONTOLOGY_GRAPH: URIRef
    ENTITIES_GRAPH: URIRef
    REFERENCE_GRAPH: URIRef  # only for a reference statement that cites nothing
    INFERRED_GRAPH: URIRef

__all__ = [
    "BASE",
    "CLAIM",
    "CV",
    "ENTITIES_GRAPH",
    "G60",
    "GRAPH",
    "ID",
    "INFERRED_GRAPH",
    "OA",
    "ONTOLOGY_GRAPH",
    "PREFIXES",
    "QB",
    "REFERENCE_GRAPH",
    "SCHEMA",
    "SOURCE",
    "VOCAB",
    "reference_graph",
    "source_graph",
]

BASE = "https://w3id.org/g60kg/"
_NAMESPACES = {
    "G60": BASE + "ontology#",
    "ID": BASE + "id/",
    "CLAIM": BASE + "claim/",
    "SOURCE": BASE + "source/",
    "VOCAB": BASE + "vocab/",
    "GRAPH": BASE + "graph/",
    "SCHEMA": "https://schema.org/",
    "OA": "http://www.w3.org/ns/oa#",
    "QB": "http://purl.org/linked-data/cube#",
    "CV": "http://data.europa.eu/m8g/",
}
_GRAPHS = {
    "ONTOLOGY_GRAPH": "ontology",
    "ENTITIES_GRAPH": "entities",
    "REFERENCE_GRAPH": "reference",
    "INFERRED_GRAPH": "inferred",
}


def __getattr__(name: str) -> Any:
    """The rdflib terms of this module, made (and kept) on first use."""
    if name not in _NAMESPACES and name not in _GRAPHS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from rdflib import Namespace, URIRef

    if name in _NAMESPACES:
        value: Any = Namespace(_NAMESPACES[name])
    else:
        value = URIRef(_NAMESPACES["GRAPH"] + _GRAPHS[name])
    globals()[name] = value
    return value


PREFIXES: dict[str, str] = {
    **{name.lower(): iri for name, iri in _NAMESPACES.items()},
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def source_graph(source_id: str) -> URIRef:
    """Return the named graph IRI of one source document.

    >>> str(source_graph("dongjing-ai-town"))
    'https://w3id.org/g60kg/graph/source/dongjing-ai-town'
    """
    from rdflib import URIRef

    return URIRef(_NAMESPACES["GRAPH"] + "source/" + source_id)


def reference_graph(reference_id: str) -> URIRef:
    """Return the named graph IRI of one reference source: who said a fact shows in `GRAPH ?g`.

    >>> str(reference_graph("admin-divisions"))
    'https://w3id.org/g60kg/graph/reference/admin-divisions'
    """
    from rdflib import URIRef

    return URIRef(_NAMESPACES["GRAPH"] + "reference/" + reference_id)

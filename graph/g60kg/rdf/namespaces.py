"""The IRIs of g60kg: one base, kept in one place."""

from rdflib import Namespace, URIRef

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
G60 = Namespace(BASE + "ontology#")
ID = Namespace(BASE + "id/")
CLAIM = Namespace(BASE + "claim/")
SOURCE = Namespace(BASE + "source/")
VOCAB = Namespace(BASE + "vocab/")
GRAPH = Namespace(BASE + "graph/")

SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
QB = Namespace("http://purl.org/linked-data/cube#")
CV = Namespace("http://data.europa.eu/m8g/")

ONTOLOGY_GRAPH = GRAPH["ontology"]
ENTITIES_GRAPH = GRAPH["entities"]
REFERENCE_GRAPH = GRAPH["reference"]  # only for a reference statement that cites nothing
INFERRED_GRAPH = GRAPH["inferred"]

PREFIXES: dict[str, str] = {
    "g60": str(G60),
    "id": str(ID),
    "claim": str(CLAIM),
    "source": str(SOURCE),
    "vocab": str(VOCAB),
    "graph": str(GRAPH),
    "schema": str(SCHEMA),
    "oa": str(OA),
    "qb": str(QB),
    "cv": str(CV),
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
    return GRAPH["source/" + source_id]


def reference_graph(reference_id: str) -> URIRef:
    """Return the named graph IRI of one reference source: who said a fact shows in `GRAPH ?g`.

    >>> str(reference_graph("admin-divisions"))
    'https://w3id.org/g60kg/graph/reference/admin-divisions'
    """
    return GRAPH["reference/" + reference_id]

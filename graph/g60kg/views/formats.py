"""The export formats by name (kept apart from `export` so the command line lists them without
importing networkx or rdflib's serializers).

>>> FORMATS
('turtle', 'trig', 'nquads', 'jsonld', 'graphml', 'gexf', 'csv')
"""

from __future__ import annotations

__all__ = ["FORMATS", "GRAPH_FORMATS", "RDF_FORMATS"]

RDF_FORMATS: dict[str, str] = {
    "turtle": "turtle",
    "trig": "trig",
    "nquads": "nquads",
    "jsonld": "json-ld",
}
"""Our format name → rdflib's. Turtle has no named graphs: it gets the union of all graphs."""

GRAPH_FORMATS = ("graphml", "gexf", "csv")
FORMATS = (*RDF_FORMATS, *GRAPH_FORMATS)

"""Content negotiation: pick the result format a client asked for in its Accept header.

Example:

>>> choose("text/csv;q=0.5, application/sparql-results+json", "SELECT")
'application/sparql-results+json'
>>> choose("text/turtle", "ASK") is None
True
"""

from __future__ import annotations

__all__ = ["MEDIA_TYPES", "choose"]

# The first media type of each list is the default for */*; aliases map to the canonical type.
MEDIA_TYPES: dict[str, dict[str, str]] = {
    "results": {
        "application/sparql-results+json": "application/sparql-results+json",
        "application/sparql-results+xml": "application/sparql-results+xml",
        "text/csv": "text/csv",
        "text/tab-separated-values": "text/tab-separated-values",
        "application/json": "application/sparql-results+json",
        "application/xml": "application/sparql-results+xml",
        "text/xml": "application/sparql-results+xml",
    },
    "graph": {
        "text/turtle": "text/turtle",
        "application/n-triples": "application/n-triples",
        "application/ld+json": "application/ld+json",
        "application/rdf+xml": "application/rdf+xml",
        "application/x-turtle": "text/turtle",
        "text/plain": "application/n-triples",
        "application/json": "application/ld+json",
    },
}


def _ranges(accept: str) -> list[tuple[float, int, str]]:
    """Media ranges with their quality, most wanted first (stable for equal q)."""
    ranges = []
    for order, part in enumerate(accept.split(",")):
        media, *params = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media:
            ranges.append((-quality, order, media.lower()))
    return [(-q, order, media) for q, order, media in sorted(ranges) if q < 0]


def choose(accept: str | None, form: str) -> str | None:
    """The canonical media type to answer a query of ``form`` with, or None if none fits.

    ``form`` is SELECT, ASK, CONSTRUCT or DESCRIBE. No Accept header means the default.
    """
    table = MEDIA_TYPES["results" if form in ("SELECT", "ASK") else "graph"]
    default = next(iter(table))
    if not accept or not accept.strip():
        return default
    for _, _, media in _ranges(accept):
        if media in table:
            return table[media]
        if media == "*/*":
            return default
        if media.endswith("/*"):
            kind = media[:-1]
            match = next((name for name in table if name.startswith(kind)), None)
            if match is not None:
                return table[match]
    return None

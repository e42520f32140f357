"""How much the graph knows about each member of the corridor, so that "no rows" can say why.

An entity counts for a place when it is the place, lies in it at any depth (`directlyWithin`,
`partOf`), or is located, settled or held there. A claim counts when it is about such an entity
(its subject, or any participant of an n-ary fact). The latest fact's date is the greatest ISO date
among those claims' dates (event dates, issue dates, foundings, reference periods, attestations).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from rdflib import URIRef

from ..kg import KnowledgeGraph
from ..names import local_name
from ..sparql.results import format_rows

__all__ = ["Coverage", "corridor_coverage", "format_coverage", "place_coverage"]

MEMBERS_PATTERN = "?corridor a g60:Corridor ; g60:memberCity ?place ."
IN_PLACE = "(g60:directlyWithin|g60:partOf|g60:locatedIn|g60:settledIn|g60:heldIn)*"

_ENTITIES = f"""
SELECT ?place ?class (COUNT(DISTINCT ?e) AS ?n) WHERE {{
  ?e {IN_PLACE} ?place .
  GRAPH graph:entities {{ ?e a ?class }}
}} GROUP BY ?place ?class
"""

_CLAIMS = f"""
SELECT ?place (COUNT(DISTINCT ?source) AS ?sources) (MAX(COALESCE(STR(?when), "")) AS ?latest)
WHERE {{
  ?e {IN_PLACE} ?place .
  {{ ?claim rdf:subject ?e }} UNION {{ ?claim a g60:Fact ; ?role ?e }}
  ?claim prov:wasDerivedFrom ?source .
  OPTIONAL {{
    ?claim (g60:date|g60:when|g60:founded|g60:refPeriod|g60:attestedOn|rdf:object) ?when .
    FILTER(datatype(?when) IN (xsd:date, xsd:gYear, xsd:gYearMonth))
  }}
}} GROUP BY ?place
"""

_MEMBERS = f"""
SELECT ?place ?zh ?en WHERE {{
  {MEMBERS_PATTERN}
  OPTIONAL {{ ?place rdfs:label ?zh FILTER(langMatches(lang(?zh), "zh")) }}
  OPTIONAL {{ ?place rdfs:label ?en FILTER(langMatches(lang(?en), "en")) }}
}}
"""


@dataclass
class Coverage:
    """What the graph holds about one place."""

    place: str
    label_zh: str
    label_en: str
    classes: dict[str, int] = field(default_factory=dict)
    sources: int = 0
    latest: str | None = None

    @property
    def entities(self) -> int:
        """Entities tied to the place, the place itself included."""
        return sum(self.classes.values())


def _rows(kg: KnowledgeGraph, sparql: str, place: URIRef | None) -> list[Any]:
    """Rows of `sparql` for one place (bound as a term), or for every member of the corridor."""
    if place is not None:
        return list(kg.query(sparql, {"place": place}))
    return list(kg.query(sparql.replace("WHERE {", "WHERE { " + MEMBERS_PATTERN, 1)))


def _coverage(
    kg: KnowledgeGraph, places: dict[str, tuple[str, str]], place: URIRef | None = None
) -> list[Coverage]:
    found = {iri: Coverage(iri, zh, en) for iri, (zh, en) in places.items()}
    classes: dict[str, dict[str, int]] = defaultdict(dict)
    for row in _rows(kg, _ENTITIES, place):
        classes[str(row.place)][local_name(str(row["class"]))] = int(row.n)
    for iri, counts in classes.items():
        found[iri].classes = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    for row in _rows(kg, _CLAIMS, place):
        cov = found[str(row.place)]
        cov.sources = int(row.sources)
        cov.latest = str(row.latest) if row.latest else None
    return list(found.values())


def corridor_coverage(kg: KnowledgeGraph) -> list[Coverage]:
    """Coverage of every member of the corridor, in the order of their labels.

    >>> from g60kg import load
    >>> rows = corridor_coverage(load())
    >>> len(rows), all(row.entities >= 1 for row in rows)
    (9, True)
    """
    rows: list[Any] = list(kg.query(_MEMBERS))
    members = {str(row.place): (str(row.zh or ""), str(row.en or "")) for row in rows}
    return sorted(_coverage(kg, members), key=lambda c: c.label_en)


def place_coverage(kg: KnowledgeGraph, place: URIRef) -> Coverage:
    """Coverage of one place (any place, not only a member)."""
    return _coverage(kg, {str(place): ("", "")}, place)[0]


def format_coverage(rows: list[Coverage], lang: str = "zh", top: int = 6) -> str:
    """A text table: per place, its entities by class, sources and the latest fact's date."""
    table = []
    for cov in rows:
        shown = ", ".join(f"{cls} {n}" for cls, n in list(cov.classes.items())[:top])
        more = len(cov.classes) - top
        table.append(
            {
                "place": cov.label_zh if lang == "zh" else cov.label_en,
                "entities": cov.entities,
                "sources": cov.sources,
                "latest": cov.latest or "-",
                "by class": shown + (f", +{more} more" if more > 0 else ""),
            }
        )
    return format_rows(table, ["place", "entities", "sources", "latest", "by class"])

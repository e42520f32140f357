"""The benchmark's query library: a small built-in set plus the named queries of the project.

Named queries are read from `ontology/queries/*.rq` when that folder exists, so the library
grows by itself once the named queries are merged.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["AGGREGATE", "builtin_queries", "library", "named_queries"]

PREFIXES = """PREFIX g60: <https://w3id.org/g60kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
"""

AGGREGATE = "builtin:invested-per-province"


def builtin_queries(sample_label_zh: str) -> dict[str, str]:
    """Name → SPARQL text of the built-in queries; `sample_label_zh` is a label to look up."""
    return {
        # a grouped SUM over a 2-hop join: investment → destination town → province
        AGGREGATE: PREFIXES
        + """SELECT ?province (SUM(?yuan) AS ?total) (COUNT(?inv) AS ?investments) WHERE {
  ?inv a g60:Investment ; g60:destination ?place ; g60:amount ?amount .
  ?amount schema:value|schema:minValue ?yuan .
  ?place g60:within ?province .
  ?province a g60:ProvinceLevelUnit .
} GROUP BY ?province ORDER BY DESC(?total)""",
        # the same sum, walking the asserted containment instead of the materialised closure
        "builtin:invested-per-province-path": PREFIXES
        + """SELECT ?province (SUM(?yuan) AS ?total) WHERE {
  ?inv a g60:Investment ; g60:destination ?place ; g60:amount ?amount .
  ?amount schema:value|schema:minValue ?yuan .
  ?place g60:directlyWithin+ ?province .
  ?province a g60:ProvinceLevelUnit .
} GROUP BY ?province ORDER BY DESC(?total)""",
        "builtin:containment-count": PREFIXES
        + """SELECT (COUNT(*) AS ?pairs) WHERE { ?place g60:directlyWithin+ ?ancestor }""",
        "builtin:label-lookup": PREFIXES
        + f"""SELECT ?entity ?en WHERE {{
  ?entity rdfs:label "{sample_label_zh}"@zh ; rdfs:label ?en .
  FILTER (LANG(?en) = "en")
}}""",
    }


def named_queries(folder: Path) -> dict[str, str]:
    """Name → SPARQL text of every `*.rq` file in `folder` (empty if the folder is missing)."""
    if not folder.is_dir():
        return {}
    return {f"named:{p.stem}": p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.rq"))}


def library(root: Path, sample_label_zh: str) -> dict[str, str]:
    """The whole library: built-in queries, then the project's named queries."""
    return {
        **builtin_queries(sample_label_zh),
        **named_queries(root / "ontology" / "queries"),
    }

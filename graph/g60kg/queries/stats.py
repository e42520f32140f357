"""Counts that say what is in a dataset: per class, per named graph, per source."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rdflib import RDF, Dataset, URIRef
from rdflib.namespace import PROV

from ..rdf.namespaces import G60, GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH

__all__ = ["Stats", "dataset_stats", "format_stats"]


@dataclass(frozen=True)
class Stats:
    """Counts of a dataset."""

    quads: int
    per_graph: dict[str, int]
    per_class: dict[str, int]
    claims_per_source: dict[str, int]


def _short(iri: URIRef | str, base: str) -> str:
    return str(iri).removeprefix(base)


def dataset_stats(ds: Dataset) -> Stats:
    """Count quads per named graph, asserted entities and facts per g60 class, claims per source.

    >>> stats = dataset_stats(kg.rdf)
    >>> stats.per_class["Company"], stats.per_class["Investment"]
    (5, 3)
    """
    per_graph: Counter[str] = Counter()
    per_class: Counter[str] = Counter()
    claims: Counter[str] = Counter()
    for _, p, o, g in ds.quads((None, None, None, None)):
        graph_name = _short(str(g), str(GRAPH))
        per_graph[graph_name] += 1
        if g in (INFERRED_GRAPH, ONTOLOGY_GRAPH):
            continue
        if p == RDF.type and isinstance(o, URIRef) and str(o).startswith(str(G60)):
            per_class[_short(o, str(G60))] += 1
        if p == PROV.wasDerivedFrom:
            claims[_short(str(o), "https://w3id.org/g60kg/source/")] += 1
    return Stats(
        sum(per_graph.values()),
        dict(sorted(per_graph.items())),
        dict(sorted(per_class.items())),
        dict(sorted(claims.items())),
    )


def format_stats(stats: Stats) -> str:
    """A plain-text report of the counts."""
    lines = [f"quads: {stats.quads}", "", "per named graph:"]
    lines += [f"  {name:<32} {count:>7}" for name, count in stats.per_graph.items()]
    lines += ["", "per class (asserted):"]
    lines += [f"  {name:<32} {count:>7}" for name, count in stats.per_class.items()]
    lines += ["", "claims per source:"]
    lines += [f"  {name:<32} {count:>7}" for name, count in stats.claims_per_source.items()]
    return "\n".join(lines)

"""networkx views of the dataset: entities as nodes, relations as keyed edges with evidence.

One pass over the quads builds plain dicts; nodes are IRIs (never literals), literal values
become node attributes, and quantity nodes fold into the attributes of their owner.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx
from rdflib import RDF, RDFS, Dataset, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from .namespaces import CLAIM, G60, ID, OA, ONTOLOGY_GRAPH, SCHEMA, VOCAB

__all__ = ["Evidence", "simple_digraph", "to_networkx"]

Evidence = dict[str, Any]

# Fact classes collapsed into one direct edge: (from property, to property, label property).
COLLAPSE = {
    G60.Investment: (G60.investor, G60.destination, "investsIn"),
    G60.PostHolding: (G60.holder, G60.organization, "holdsPostIn"),
}
FACT_TYPES: set[Node] = {G60.Investment, G60.PostHolding, G60.Observation, G60.Component}
SKIP_PREDICATES = {
    RDF.type, RDFS.label, SKOS.prefLabel, SKOS.altLabel, G60.evidence, G60.mentionedIn,
    G60.curatorNote, G60.confidence, G60.dateResolution, RDF.subject, RDF.predicate, RDF.object,
    G60.within,
}  # fmt: skip
QUANTITY_PARTS = {
    SCHEMA.value: "=", SCHEMA.minValue: "≥", SCHEMA.maxValue: "≤",
}  # fmt: skip


def _local(iri: Node) -> str:
    text = str(iri)
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[1]
    return text


class _Index:
    """Everything the view needs, gathered in one pass over the quads."""

    def __init__(self, ds: Dataset) -> None:
        self.types: dict[Node, list[Node]] = defaultdict(list)
        self.labels: dict[Node, dict[str, str]] = defaultdict(dict)
        self.out: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)
        self.onto_labels: dict[Node, dict[str, str]] = defaultdict(dict)
        self.reified: dict[tuple[Node, Node, Node], Node] = {}
        self.parts: dict[Node, dict[Node, Node]] = defaultdict(dict)
        self.superclasses: dict[Node, set[Node]] = defaultdict(set)
        for s, p, o, g in ds.quads((None, None, None, None)):
            if g == ONTOLOGY_GRAPH:
                if p == RDFS.label and isinstance(o, Literal) and o.language:
                    self.onto_labels[s][o.language] = str(o)
                    if str(s).startswith(str(VOCAB)):
                        self.labels[s].setdefault(o.language, str(o))
                elif p == RDFS.subClassOf:
                    self.superclasses[s].add(o)
                elif p == RDF.type and str(s).startswith(str(VOCAB)):
                    self.types[s].append(o)
                continue
            if p == RDF.type:
                if o not in self.types[s]:
                    self.types[s].append(o)
            elif p == RDFS.label and isinstance(o, Literal) and o.language:
                self.labels[s].setdefault(o.language, str(o))
            elif p in (RDF.subject, RDF.predicate, RDF.object):
                self.parts[s][p] = o
            else:
                self.out[s].append((p, o))
        for claim, parts in self.parts.items():
            if len(parts) == 3:
                key = (parts[RDF.subject], parts[RDF.predicate], parts[RDF.object])
                self.reified[key] = claim

    def evidence(self, claim: Node) -> list[Evidence]:
        found = []
        for p, span in self.out.get(claim, ()):
            if p != G60.evidence:
                continue
            values = dict(self.out.get(span, ()))
            source = values.get(OA.hasSource, URIRef(""))
            found.append(
                {
                    "quote": str(values.get(OA.exact, "")),
                    "start": int(values[OA.start]) if OA.start in values else None,  # type: ignore[call-overload]
                    "end": int(values[OA.end]) if OA.end in values else None,  # type: ignore[call-overload]
                    "source": str(source),
                    "source_title": self.labels.get(source, {}).get("zh", _local(source)),
                }
            )
        return found

    def is_node(self, term: Node) -> bool:
        text = str(term)
        if not isinstance(term, URIRef) or not self.types.get(term):
            return False
        if text.startswith(str(ID)):
            return "/mention/" not in text
        if text.startswith(str(CLAIM)):
            return bool(set(self.types[term]) & FACT_TYPES)
        return text.startswith(str(VOCAB)) and SKOS.Concept in self.types[term]

    def primary_type(self, node: Node) -> tuple[list[str], str]:
        own = [t for t in self.types[node] if str(t).startswith(str(G60))] or self.types[node]
        # most specific first: a type that is a superclass of another own type comes later
        ranked = sorted(own, key=lambda t: (any(t in self.superclasses[o] for o in own), str(t)))
        names = [_local(t) for t in ranked]
        if not names or names == ["Claim"]:
            return ["Concept"], "Concept"
        names = [n for n in names if n not in ("Claim", "Fact")] or names
        return names, names[0]

    def quantity_text(self, node: Node) -> str:
        values = dict(self.out.get(node, ()))
        parts = [f"{sym} {values[p]}" for p, sym in QUANTITY_PARTS.items() if p in values]
        unit = values.get(G60.unit)
        surface = values.get(G60.surfaceForm)
        return f"{surface} ({' '.join(parts)} {_local(unit) if unit else ''})".replace(" )", ")")


def _label(index: _Index, node: Node, lang: str) -> str:
    labels = index.labels.get(node, {})
    return labels.get(lang) or labels.get("zh") or labels.get("en") or _local(node)


def _edge_attrs(index: _Index, s: Node, p: Node, o: Node, fact: Node | None) -> dict[str, Any]:
    names = index.onto_labels.get(p, {})
    claim = fact if fact is not None else index.reified.get((s, p, o))
    return {
        "predicate": str(p),
        "label_zh": names.get("zh", _local(p)),
        "label_en": names.get("en", _local(p)),
        "evidence": index.evidence(claim) if claim is not None else [],
    }


def _add_nodes(G: nx.MultiDiGraph, index: _Index, nodes: Iterable[Node]) -> None:
    for node in nodes:
        types, primary = index.primary_type(node)
        attrs: dict[str, str] = {}
        for p, o in index.out.get(node, ()):
            if isinstance(o, Literal) and p not in SKIP_PREDICATES:
                attrs.setdefault(_local(p), str(o))
            elif G60.surfaceForm in dict(index.out.get(o, ())):
                attrs[_local(p)] = index.quantity_text(o)
        G.add_node(
            str(node),
            label_zh=_label(index, node, "zh"),
            label_en=_label(index, node, "en"),
            types=types,
            type=primary,
            attrs=attrs,
            evidence=index.evidence(node) if str(node).startswith(str(CLAIM)) else [],
        )


def to_networkx(ds: Dataset, *, collapse_facts: bool = False) -> nx.MultiDiGraph:
    """A MultiDiGraph of the dataset's entities; the dataset is not modified.

    Nodes are entity IRIs (plus n-ary fact nodes unless `collapse_facts`) with `label_zh`,
    `label_en`, `types`, `type`, `attrs` (literal values) and `evidence`. Edges are keyed by the
    predicate's local name and carry `predicate`, `label_zh`, `label_en` and `evidence`.

    >>> from g60kg import load
    >>> G = to_networkx(load().rdf)
    >>> dongjing = "https://w3id.org/g60kg/id/adm-310117106"
    >>> G.nodes[dongjing]["label_en"], G.has_edge(dongjing, "https://w3id.org/g60kg/id/adm-310117")
    ('Dongjing Town', True)
    """
    index = _Index(ds)
    things = [s for s in index.types if index.is_node(s) and not str(s).startswith(str(VOCAB))]
    pointed_to = {o for s in things for p, o in index.out.get(s, ()) if p not in SKIP_PREDICATES}
    pointed_to |= {
        item for s in things for p, o in index.out.get(s, ()) if p == G60.hasComponent
        for q, item in index.out.get(o, ()) if q == G60.item
    }  # fmt: skip
    concepts = sorted(
        (o for o in pointed_to if str(o).startswith(str(VOCAB)) and index.is_node(o)), key=str
    )
    nodes = [*things, *concepts]
    node_set = set(nodes)
    G = nx.MultiDiGraph()
    collapsed: set[Node] = set()
    if collapse_facts:
        collapsed = {n for n in nodes if set(index.types[n]) & FACT_TYPES}
    G.graph["class_labels"] = {
        _local(c): dict(names)
        for c, names in index.onto_labels.items()
        if str(c).startswith(str(G60))
    }
    _add_nodes(G, index, [n for n in nodes if n not in collapsed])
    for s in nodes:
        if s in collapsed:
            continue
        for p, o in index.out.get(s, ()):
            if o in node_set and o not in collapsed and p not in SKIP_PREDICATES:
                fact = s if str(s).startswith(str(CLAIM)) else None
                G.add_edge(str(s), str(o), key=_local(p), **_edge_attrs(index, s, p, o, fact))
            elif p == G60.hasComponent and o in collapsed:
                item = dict(index.out.get(o, ())).get(G60.item)
                if item in node_set:
                    G.add_edge(str(s), str(item), key="hasComponent",
                               **_edge_attrs(index, s, p, o, o))  # fmt: skip
    for fact in collapsed:
        rule = next(
            (COLLAPSE[t] for t in index.types[fact] if isinstance(t, URIRef) and t in COLLAPSE),
            None,
        )
        if rule is None:
            continue
        values: dict[Node, list[Node]] = defaultdict(list)
        for p, o in index.out.get(fact, ()):
            values[p].append(o)
        for a in values.get(rule[0], []):
            for b in values.get(rule[1], []):
                attrs = _edge_attrs(index, a, G60[rule[2]], b, fact)
                attrs.update(label_zh=_label(index, fact, "zh"), label_en=_label(index, fact, "en"))
                G.add_edge(str(a), str(b), key=rule[2], fact=str(fact), **attrs)
    return G


def simple_digraph(G: nx.MultiDiGraph) -> nx.DiGraph:
    """Project a MultiDiGraph onto a DiGraph; parallel edges merge, keeping their keys.

    >>> M = nx.MultiDiGraph([("a", "b", "p"), ("a", "b", "q")])
    >>> sorted(simple_digraph(M).edges["a", "b"]["keys"])
    ['p', 'q']
    """
    D = nx.DiGraph()
    D.add_nodes_from(G.nodes(data=True))
    for a, b, key in G.edges(keys=True):
        if D.has_edge(a, b):
            D.edges[a, b]["keys"].append(key)
        else:
            D.add_edge(a, b, keys=[key])
    return D

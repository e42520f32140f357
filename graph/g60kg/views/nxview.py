"""networkx views of the dataset: entities as nodes, relations as keyed edges with evidence.

One pass over the quads builds plain dicts; nodes are IRIs (never literals), literal values
become node attributes, and quantity nodes fold into the attributes of their owner. The pass
reads pyoxigraph terms straight from the Oxigraph store (converting every term to rdflib would
cost several times more than the whole view), so it stays within seconds at a million quads.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import networkx as nx
import pyoxigraph as ox
from rdflib import RDF, RDFS, BNode, Dataset, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node as RdflibNode

from ..names import local_name, pick_label
from ..rdf.namespaces import CLAIM, G60, ID, OA, ONTOLOGY_GRAPH, SCHEMA, VOCAB
from ..rdf.store import oxigraph_store

__all__ = ["Evidence", "simple_digraph", "to_networkx"]

Evidence = dict[str, Any]
Node = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | ox.DefaultGraph


def _ox(iri: URIRef) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


TYPE, LABEL, SUBCLASS = _ox(RDF.type), _ox(RDFS.label), _ox(RDFS.subClassOf)
PARTS = (_ox(RDF.subject), _ox(RDF.predicate), _ox(RDF.object))
EVIDENCE, HAS_COMPONENT, ITEM = _ox(G60.evidence), _ox(G60.hasComponent), _ox(G60.item)
UNIT, SURFACE_FORM, CONCEPT = _ox(G60.unit), _ox(G60.surfaceForm), _ox(SKOS.Concept)
EXACT, START, END, HAS_SOURCE = _ox(OA.exact), _ox(OA.start), _ox(OA.end), _ox(OA.hasSource)
ONTOLOGY = _ox(ONTOLOGY_GRAPH)
G60_TEXT, ID_TEXT, CLAIM_TEXT, VOCAB_TEXT = str(G60), str(ID), str(CLAIM), str(VOCAB)

# Fact classes collapsed into one direct edge: (from property, to property, label property).
COLLAPSE: dict[Node, tuple[Node, Node, str]] = {
    _ox(G60.Investment): (_ox(G60.investor), _ox(G60.destination), "investsIn"),
    _ox(G60.PostHolding): (_ox(G60.holder), _ox(G60.organization), "holdsPostIn"),
}
FACT_TYPES = {_ox(G60[name]) for name in ("Investment", "PostHolding", "Observation", "Component")}
SKIP_PREDICATES = {
    _ox(p) for p in (
        RDF.type, RDFS.label, SKOS.prefLabel, SKOS.altLabel, G60.evidence, G60.mentionedIn,
        G60.curatorNote, G60.confidence, G60.dateResolution, RDF.subject, RDF.predicate,
        RDF.object, G60.within,
    )
}  # fmt: skip
# How the index uses each predicate; `unread` ones are never part of the view, so skipped.
ROLES = {
    TYPE: "type",
    LABEL: "label",
    **dict.fromkeys(PARTS, "part"),
    **dict.fromkeys(
        (_ox(p) for p in (SKOS.prefLabel, SKOS.altLabel, OA.prefix, OA.suffix, G60.within,
                          G60.curatorNote, G60.confidence, G60.dateResolution, G60.mentionedIn)),
        "unread",
    ),
}  # fmt: skip
QUANTITY_PARTS = {
    _ox(SCHEMA.value): "=", _ox(SCHEMA.minValue): "≥", _ox(SCHEMA.maxValue): "≤",
}  # fmt: skip


def _to_ox(term: RdflibNode) -> Node:
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        datatype = ox.NamedNode(str(term.datatype)) if term.datatype else None
        return ox.Literal(str(term), datatype=datatype)
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    return ox.NamedNode(str(term))


def _store(ds: Dataset) -> ox.Store:
    """The dataset's Oxigraph store, or a copy of another store's quads in a new one."""
    store = oxigraph_store(ds)
    if store is None:
        store = ox.Store()
        store.extend(
            ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o), _to_ox(getattr(g, "identifier", g)))  # type: ignore[arg-type]
            for s, p, o, g in ds.quads((None, None, None, None))
        )
    return store


def _text(term: Node | None) -> str:
    """The IRI, blank node id or lexical form of a term."""
    return str(getattr(term, "value", ""))


@lru_cache(maxsize=4096)
def _local(iri: Node) -> str:
    return local_name(_text(iri))


class _Index:
    """Everything the view needs, gathered in one pass over the quads."""

    def __init__(self, ds: Dataset) -> None:
        self.types: dict[Node, list[Node]] = defaultdict(list)
        self.labels: dict[Node, dict[str, str]] = defaultdict(dict)
        self.out: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)
        self.onto_labels: dict[Node, dict[str, str]] = defaultdict(dict)
        self.reified: dict[tuple[Node, Node, Node], list[Node]] = defaultdict(list)
        self.parts: dict[Node, dict[Node, Node]] = defaultdict(dict)
        self.superclasses: dict[Node, set[Node]] = defaultdict(set)
        self.ranked: dict[tuple[Node, ...], tuple[list[str], str]] = {}
        store = _store(ds)
        for graph in [ox.DefaultGraph(), *store.named_graphs()]:
            quads = store.quads_for_pattern(None, None, None, graph)
            if graph == ONTOLOGY:
                self._add_ontology(quads)
            else:
                self._add_data(quads)
        for claim, parts in self.parts.items():
            if len(parts) == 3:
                key = (parts[PARTS[0]], parts[PARTS[1]], parts[PARTS[2]])
                self.reified[key].append(claim)

    def _add_ontology(self, quads: Iterable[ox.Quad]) -> None:
        for s, p, o, _ in quads:
            if p == LABEL and isinstance(o, ox.Literal) and o.language:
                self.onto_labels[s][o.language] = o.value
                if _text(s).startswith(VOCAB_TEXT):
                    self.labels[s].setdefault(o.language, o.value)
            elif p == SUBCLASS:
                self.superclasses[s].add(o)
            elif p == TYPE and _text(s).startswith(VOCAB_TEXT):
                self.types[s].append(o)

    def _add_data(self, quads: Iterable[ox.Quad]) -> None:
        # one dict lookup per quad picks its use: this loop is most of the view's time
        types, labels, parts, out = self.types, self.labels, self.parts, self.out
        for s, p, o, _ in quads:
            role = ROLES.get(p)
            if role is None:
                out[s].append((p, o))
            elif role == "type":
                if o not in types[s]:
                    types[s].append(o)
            elif role == "label" and isinstance(o, ox.Literal) and o.language:
                labels[s].setdefault(o.language, o.value)
            elif role == "part":
                parts[s][p] = o

    def evidence(self, claim: Node) -> list[Evidence]:
        found = []
        for p, span in self.out.get(claim, ()):
            if p != EVIDENCE:
                continue
            values = dict(self.out.get(span, ()))
            source = values.get(HAS_SOURCE)
            found.append(
                {
                    "quote": _text(values.get(EXACT)),
                    "start": int(_text(values[START])) if START in values else None,
                    "end": int(_text(values[END])) if END in values else None,
                    "source": _text(source),
                    "source_title": self.labels.get(source, {}).get("zh", _local(source))
                    if source is not None
                    else "",
                }
            )
        return sorted(found, key=_span_order)

    def is_node(self, term: Node) -> bool:
        if not isinstance(term, ox.NamedNode) or not self.types.get(term):
            return False
        text = term.value
        if text.startswith(ID_TEXT):
            return "/mention/" not in text
        if text.startswith(CLAIM_TEXT):
            return bool(set(self.types[term]) & FACT_TYPES)
        return text.startswith(VOCAB_TEXT) and CONCEPT in self.types[term]

    def primary_type(self, node: Node) -> tuple[list[str], str]:
        types = tuple(self.types[node])
        if types not in self.ranked:
            self.ranked[types] = self._rank(types)
        names, primary = self.ranked[types]
        return list(names), primary

    def _rank(self, types: tuple[Node, ...]) -> tuple[list[str], str]:
        own = [t for t in types if _text(t).startswith(G60_TEXT)] or list(types)
        # most specific first: a type that is a superclass of another own type comes later
        ranked = sorted(own, key=lambda t: (any(t in self.superclasses[o] for o in own), _text(t)))
        names = [_local(t) for t in ranked]
        if not names or names == ["Claim"]:
            return ["Concept"], "Concept"
        names = [n for n in names if n not in ("Claim", "Fact")] or names
        return names, names[0]

    def quantity_text(self, node: Node) -> str:
        values = dict(self.out.get(node, ()))
        parts = [f"{sym} {_text(values[p])}" for p, sym in QUANTITY_PARTS.items() if p in values]
        unit = values.get(UNIT)
        surface = _text(values.get(SURFACE_FORM))
        return f"{surface} ({' '.join(parts)} {_local(unit) if unit else ''})".replace(" )", ")")


def _span_order(span: Evidence) -> tuple[str, int, int, str]:
    return (span["source"], span["start"] or 0, span["end"] or 0, span["quote"])


def _label(index: _Index, node: Node, lang: str) -> str:
    labels = index.labels.get(node, {})
    return pick_label(labels, lang) or _local(node)


def _edge_attrs(index: _Index, s: Node, p: Node, o: Node, fact: Node | None) -> dict[str, Any]:
    names = index.onto_labels.get(p, {})
    claims = [fact] if fact is not None else index.reified.get((s, p, o), [])
    evidence = [span for claim in claims for span in index.evidence(claim)]
    return {
        "predicate": _text(p),
        "label_zh": names.get("zh", _local(p)),
        "label_en": names.get("en", _local(p)),
        "evidence": sorted(evidence, key=_span_order),
    }


def _add_nodes(G: nx.MultiDiGraph, index: _Index, nodes: Iterable[Node]) -> None:
    for node in nodes:
        types, primary = index.primary_type(node)
        # of several values the smallest literal (and a quantity over any literal) becomes the
        # attribute, so the view does not depend on the order the store keeps
        literals: dict[str, tuple[str, str]] = {}
        quantities: dict[str, tuple[str, str, Node]] = {}
        for p, o in index.out.get(node, ()):
            if isinstance(o, ox.Literal):
                if p not in SKIP_PREDICATES:
                    name, key = _local(p), (_text(p), o.value)
                    literals[name] = min(literals.get(name, key), key)
            elif SURFACE_FORM in dict(index.out.get(o, ())):
                name, ranked = _local(p), (_text(p), _text(o), o)
                if name not in quantities or ranked[:2] > quantities[name][:2]:
                    quantities[name] = ranked
        attrs = {name: value for name, (_, value) in literals.items()}
        attrs.update((name, index.quantity_text(o)) for name, (_, _, o) in quantities.items())
        G.add_node(
            _text(node),
            label_zh=_label(index, node, "zh"),
            label_en=_label(index, node, "en"),
            types=types,
            type=primary,
            attrs=attrs,
            evidence=index.evidence(node) if _text(node).startswith(CLAIM_TEXT) else [],
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
    with _gc_paused():
        return _build(ds, collapse_facts)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: the index allocates millions of small tuples and
    dicts, and collections triggered by those allocations rescan them all again and again (a
    third of the view's time at 1e6 quads). Nothing built here needs collecting early."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _build(ds: Dataset, collapse_facts: bool) -> nx.MultiDiGraph:
    index = _Index(ds)
    things = sorted(
        (s for s in index.types if index.is_node(s) and not _text(s).startswith(VOCAB_TEXT)),
        key=_text,
    )
    pointed_to = {o for s in things for p, o in index.out.get(s, ()) if p not in SKIP_PREDICATES}
    pointed_to |= {
        item for s in things for p, o in index.out.get(s, ()) if p == HAS_COMPONENT
        for q, item in index.out.get(o, ()) if q == ITEM
    }  # fmt: skip
    concepts = sorted(
        (o for o in pointed_to if _text(o).startswith(VOCAB_TEXT) and index.is_node(o)), key=_text
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
        if _text(c).startswith(G60_TEXT)
    }
    _add_nodes(G, index, [n for n in nodes if n not in collapsed])
    for s in nodes:
        if s in collapsed:
            continue
        for p, o in index.out.get(s, ()):
            if o in node_set and o not in collapsed and p not in SKIP_PREDICATES:
                fact = s if _text(s).startswith(CLAIM_TEXT) else None
                G.add_edge(_text(s), _text(o), key=_local(p), **_edge_attrs(index, s, p, o, fact))
            elif p == HAS_COMPONENT and o in collapsed:
                item = dict(index.out.get(o, ())).get(ITEM)
                if item is not None and item in node_set:
                    G.add_edge(_text(s), _text(item), key="hasComponent",
                               **_edge_attrs(index, s, p, o, o))  # fmt: skip
    for fact in (n for n in nodes if n in collapsed):
        rule = next((COLLAPSE[t] for t in index.types[fact] if t in COLLAPSE), None)
        if rule is None:
            continue
        values: dict[Node, list[Node]] = defaultdict(list)
        for p, o in index.out.get(fact, ()):
            values[p].append(o)
        for a in values.get(rule[0], []):
            for b in values.get(rule[1], []):
                attrs = _edge_attrs(index, a, _ox(G60[rule[2]]), b, fact)
                attrs.update(label_zh=_label(index, fact, "zh"), label_en=_label(index, fact, "en"))
                if G.has_edge(_text(a), _text(b), key=rule[2]):  # several facts say the same link
                    seen = G.edges[_text(a), _text(b), rule[2]]
                    attrs["evidence"] = sorted(
                        seen["evidence"] + attrs["evidence"], key=_span_order
                    )
                    attrs.update({k: seen[k] for k in ("fact", "label_zh", "label_en")})
                    G.add_edge(_text(a), _text(b), key=rule[2], **attrs)
                    continue
                G.add_edge(_text(a), _text(b), key=rule[2], fact=_text(fact), **attrs)
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

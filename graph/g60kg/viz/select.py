"""Choose the part of the graph to show: an entity's neighbourhood, or the nodes of some classes.

Works on the networkx view of g60kg (`kg.nx`): a `MultiDiGraph` whose nodes are entity IRIs with
`label_zh`, `label_en`, `type` and `types` attributes. Nothing here changes the graph it is given.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import networkx as nx

from g60kg.errors import UnknownEntityError, UnknownTypeError
from g60kg.names import local_name, matching

__all__ = [
    "CONCEPT",
    "UnknownEntityError",
    "UnknownTypeError",
    "resolve_entity",
    "select",
    "shows_concepts",
    "valid_types",
]

CONCEPT = "Concept"
"""The class of code-list terms (skos:Concept: 区, 人工智能, 实质落地…) in the networkx view."""


def _names(G: nx.MultiDiGraph, node: str) -> list[str]:
    data = G.nodes[node]
    named = (data.get("label_zh"), data.get("label_en"), *data.get("aliases", ()))
    return [n for n in (*named, local_name(node), node) if n]


def resolve_entity(G: nx.MultiDiGraph, name: str) -> str:
    """Return the node of `G` named `name`: its IRI, IRI local name, a label or an alias,
    matched by the rule of `g60kg find` (`g60kg.names.matching`: exact, then ignoring width,
    case, tone marks, brackets and spaces, then a part of a name).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("https://w3id.org/g60kg/id/adm-310117106", label_zh="洞泾镇")
    >>> resolve_entity(G, "洞泾镇")
    'https://w3id.org/g60kg/id/adm-310117106'
    >>> resolve_entity(G, "洞 泾")
    'https://w3id.org/g60kg/id/adm-310117106'
    >>> resolve_entity(G, "松江")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    g60kg.errors.UnknownEntityError: no entity is named '松江'; the closest labels: none near it ...
    """
    matches = matching({str(n): _names(G, n) for n in G}, name.strip())
    if len(matches) == 1:
        return str(matches[0])
    if matches:
        listed = ", ".join(f"{G.nodes[m].get('label_zh', '')} <{m}>" for m in matches)
        raise UnknownEntityError(f"{name!r} names several entities: {listed}; give the IRI")
    labels = sorted({x for n in G for x in _names(G, n)[:2]})
    close = difflib.get_close_matches(name.strip(), labels, n=5, cutoff=0.3)
    hint = ", ".join(close) if close else "none near it (is it in the graph?)"
    raise UnknownEntityError(f"no entity is named {name!r}; the closest labels: {hint}")


def _types(G: nx.MultiDiGraph, node: str) -> list[str]:
    data = G.nodes[node]
    return list(data.get("types") or [data.get("type")])


def valid_types(G: nx.MultiDiGraph) -> list[str]:
    """Return the sorted class names that some node of `G` belongs to."""
    found: set[str] = set()
    for _, data in G.nodes(data=True):
        found.update(data.get("types") or [])
        if data.get("type"):
            found.add(data["type"])
    return sorted(found)


def _check_types(G: nx.MultiDiGraph, types: Iterable[str]) -> set[str]:
    wanted = set(types)
    valid = valid_types(G)
    unknown = sorted(wanted.difference(valid))
    if unknown:
        raise UnknownTypeError(
            f"unknown type{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}; "
            f"the valid types: {', '.join(valid)}"
        )
    return wanted


def shows_concepts(concepts: bool | None, focus: str | None, types: Iterable[str] | None) -> bool:
    """Whether a view shows code-list concepts: as asked, else only around a focus entity or
    when `types` names them (the whole graph hides them: they link unrelated entities).

    >>> shows_concepts(None, None, None), shows_concepts(None, "洞泾镇", None)
    (False, True)
    >>> shows_concepts(None, None, ["Concept"]), shows_concepts(True, None, None)
    (True, True)
    """
    if concepts is not None:
        return concepts
    return focus is not None or CONCEPT in set(types or ())


def select(
    G: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    depth: int | None = None,
    types: Iterable[str] | None = None,
    concepts: bool = True,
) -> nx.MultiDiGraph:
    """Return a copy of the part of `G` to show, as a `MultiDiGraph`.

    Parameters
    ----------
    focus : an entity (IRI, local name or label); keep only the nodes within `depth` links of it,
        following links in both directions.
    depth : how many links from `focus` (default 1); only with `focus`.
    types : keep only the nodes of these classes (a node's `types` include its superclasses);
        the focus itself is always kept.
    concepts : False leaves out code-list concepts (class `Concept`) other than the focus.

    Raises
    ------
    UnknownEntityError, UnknownTypeError, ValueError (a depth without a focus, or below 0).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", label_zh="甲", label_en="A", type="Town", types=["Town"])
    >>> G.add_node("b", label_zh="乙", label_en="B", type="Company", types=["Company"])
    >>> G.add_node("c", label_zh="丙", label_en="C", type="Company", types=["Company"])
    >>> G.add_edge("b", "a", key="locatedIn")
    'locatedIn'
    >>> sorted(select(G, focus="甲"))
    ['a', 'b']
    >>> sorted(select(G, types=["Company"]))
    ['b', 'c']
    >>> G.add_node("k", label_zh="区", type="Concept", types=["Concept"])
    >>> sorted(select(G, concepts=False))
    ['a', 'b', 'c']
    """
    if depth is not None and focus is None:
        raise ValueError("depth needs a focus entity")
    if depth is not None and depth < 0:
        raise ValueError(f"depth must be 0 or more, not {depth}")
    wanted = _check_types(G, types) if types is not None else None
    center = resolve_entity(G, focus) if focus is not None else None

    keep: Iterable[str] = G.nodes
    if center is not None:
        radius = 1 if depth is None else depth
        keep = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), center, radius)
    if wanted is not None:
        keep = [
            n
            for n in keep
            if n == center
            or wanted.intersection(G.nodes[n].get("types") or [G.nodes[n].get("type")])
        ]
    if not concepts:
        keep = [n for n in keep if n == center or G.nodes[n].get("type") != CONCEPT]
    return canonical(G.subgraph(keep))


def canonical(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with nodes and edges in sorted order, so layout and output never depend on the
    order the store happened to give them in.

    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("b", "a", key="p")
    'p'
    >>> list(canonical(G))
    ['a', 'b']
    """
    if not G.is_multigraph():
        G = nx.MultiDiGraph(G)
    ordered = nx.MultiDiGraph()
    ordered.graph.update(G.graph)
    ordered.add_nodes_from(sorted(G.nodes(data=True), key=lambda item: str(item[0])))
    ordered.add_edges_from(
        sorted(G.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    )
    return ordered

"""An overview layout that groups the graph by member city of the corridor.

Each entity gets a home: the member it lies in (following `directlyWithin`, `locatedIn`,
`settledIn` and `heldIn` upwards), else the member most of its linked entities belong to; entities
of the whole corridor or of no member (provinces, the corridor itself, code-list concepts) form a
group in the middle. The members sit on a ring in the order of their compass bearing from the
corridor's centre (from the offline gazetteer, so Hefei is west and Songjiang east), each group a
sunflower disc around its member: the member at its centre, then its places, sites and the rest,
the most linked first. Nodes never overlap and the same graph always gets the same positions.
"""

from __future__ import annotations

import math
from collections import Counter

import networkx as nx

from g60kg.errors import GazetteerError
from g60kg.viz.geo import PLACING, division_centroids

__all__ = ["CENTRE", "home_groups", "place_layout"]

CENTRE = ""
"""The group of entities that belong to no single member (drawn in the middle)."""
MEMBER_RELATION = "memberCity"
HUBS = {"Corridor", "Region", "Province", "Municipality", "ProvinceLevelUnit", "Concept"}
"""Entities that tie many members together: they pass no member on to their neighbours."""
PLACE_KINDS = ("AdministrativeUnit", "Place")
SITE_KINDS = ("Site",)
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def _types(G: nx.MultiDiGraph, node: str) -> set[str]:
    data = G.nodes[node]
    return set(data.get("types") or [data.get("type") or ""])


def members(G: nx.MultiDiGraph) -> list[str]:
    """The corridor's members in `G` (targets of `memberCity`), sorted by IRI."""
    return sorted({str(v) for _, v, k in G.edges(keys=True) if k == MEMBER_RELATION})


def _placed_in(G: nx.MultiDiGraph, node: str, homes: set[str]) -> str | None:
    seen = {node}
    current: str | None = node
    while current is not None and current not in homes:
        parents = sorted(
            str(v) for _, v, k in G.out_edges(current, keys=True) if k in PLACING and v not in seen
        )
        current = parents[0] if parents else None
        if current is not None:
            seen.add(current)
    return current


def home_groups(G: nx.MultiDiGraph) -> dict[str, str]:
    """Map every node of `G` to its member (a node) or to `CENTRE`.

    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("corridor", "hz", key="memberCity")
    'memberCity'
    >>> G.add_edge("park", "hz", key="locatedIn")
    'locatedIn'
    >>> G.add_edge("firm", "park", key="settledIn")
    'settledIn'
    >>> G.nodes["corridor"]["type"] = "Corridor"
    >>> sorted(home_groups(G).items())
    [('corridor', ''), ('firm', 'hz'), ('hz', 'hz'), ('park', 'hz')]
    """
    found = members(G)
    homes: dict[str, str] = {m: m for m in found}
    order = {m: i for i, m in enumerate(found)}
    for node in sorted(G.nodes):
        if node not in homes and not _types(G, node) & HUBS:
            home = _placed_in(G, node, set(found))
            if home is not None:
                homes[node] = home
    undirected = G.to_undirected(as_view=True)
    while True:  # the rest take the member most of their neighbours have, in rounds
        chosen: dict[str, str] = {}
        for node in sorted(G.nodes):
            if node in homes or _types(G, node) & HUBS:
                continue
            votes = Counter(homes[n] for n in undirected[node] if n in homes)
            if votes:
                chosen[node] = min(votes, key=lambda m: (-votes[m], order[m]))
        if not chosen:
            break
        homes.update(chosen)
    return {str(node): homes.get(node, CENTRE) for node in G.nodes}


def _bearing_order(G: nx.MultiDiGraph, found: list[str]) -> list[str]:
    """Members clockwise from north by their gazetteer centroid; by IRI without one."""
    try:
        table = division_centroids()
    except GazetteerError:
        return found
    points = {}
    for m in found:
        code = str((G.nodes[m].get("attrs") or {}).get("divisionCode") or "")[:6]
        if code in table:
            points[m] = table[code]
    if len(points) != len(found):
        return found
    lon0 = sum(p[0] for p in points.values()) / len(points)
    lat0 = sum(p[1] for p in points.values()) / len(points)
    shrink = math.cos(math.radians(lat0))

    def bearing(m: str) -> float:
        lon, lat = points[m]
        return math.atan2((lon - lon0) * shrink, lat - lat0) % (2 * math.pi)

    return sorted(found, key=lambda m: (bearing(m), m))


def _rank(G: nx.MultiDiGraph, node: str, home: str) -> tuple[int, int, str]:
    types = _types(G, node)
    kind = (
        0
        if node == home
        else 1
        if types & set(PLACE_KINDS)
        else 2
        if types & set(SITE_KINDS)
        else 3
    )
    return kind, -G.degree(node), node


def _disc(
    nodes: list[str], centre: tuple[float, float], spacing: float
) -> dict[str, tuple[float, float]]:
    """Sunflower positions: the first node in the middle, the others evenly around it."""
    x0, y0 = centre
    placed = {}
    for i, node in enumerate(nodes):
        radius = spacing * math.sqrt(i)
        placed[node] = (
            x0 + radius * math.cos(i * GOLDEN_ANGLE),
            y0 + radius * math.sin(i * GOLDEN_ANGLE),
        )
    return placed


def place_layout(
    G: nx.MultiDiGraph, *, spacing: float = 1.0, gap: float = 4.0
) -> tuple[dict[str, tuple[float, float]], dict[str, str]] | None:
    """Positions grouped by member, and each node's group; None when `G` has no members.

    `spacing` is the distance between neighbouring nodes of a group, `gap` the free space
    between two groups (in the same units).
    """
    found = members(G)
    if not found:
        return None
    groups = home_groups(G)
    ring = _bearing_order(G, found)
    by_group: dict[str, list[str]] = {g: [] for g in [CENTRE, *ring]}
    for node, group in groups.items():
        by_group[group].append(node)
    radius = {g: spacing * math.sqrt(max(len(nodes), 1)) + spacing for g, nodes in by_group.items()}
    k = len(ring)
    step = 2 * math.pi / k
    needed = max(radius[CENTRE] + max(radius[m] for m in ring) + gap, 0.0)
    if k > 1:
        for a, b in zip(ring, ring[1:] + ring[:1], strict=True):
            needed = max(needed, (radius[a] + radius[b] + gap) / (2 * math.sin(step / 2)))
    pos: dict[str, tuple[float, float]] = {}
    for i, member in enumerate(ring):
        angle = math.pi / 2 - i * step  # clockwise from the top, as a compass
        centre = (needed * math.cos(angle), needed * math.sin(angle))
        nodes = sorted(by_group[member], key=lambda n: _rank(G, n, member))
        pos.update(_disc(nodes, centre, spacing))
    middle = sorted(by_group[CENTRE], key=lambda n: (-G.degree(n), n))
    pos.update(_disc(middle, (0.0, 0.0), spacing))
    return {str(n): pos[str(n)] for n in G.nodes}, groups

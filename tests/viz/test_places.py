"""The overview layout: each entity in the group of its member city, groups apart, stable."""

from __future__ import annotations

import math

import networkx as nx
from g60kg import KnowledgeGraph
from g60kg.viz.places import CENTRE, home_groups, members, place_layout
from g60kg.viz.select import canonical, select

ID = "https://w3id.org/g60kg/id/"
SONGJIANG, HEFEI = ID + "adm-310117", ID + "adm-340100"


def test_places_and_what_lies_in_them_go_to_their_member(kg: KnowledgeGraph) -> None:
    G = select(kg.nx, concepts=False)
    groups = home_groups(G)
    assert len(members(G)) == 9
    assert groups[ID + "adm-310117106"] == SONGJIANG  # 洞泾镇, directly within 松江区
    assert groups[HEFEI] == HEFEI
    corridor = next(n for n, t in G.nodes(data="type") if t == "Corridor")
    assert groups[corridor] == CENTRE  # the corridor belongs to all of them
    in_songjiang = [n for n, g in groups.items() if g == SONGJIANG]
    assert len(in_songjiang) > len(G) / 2  # the seed is mostly about Dongjing


def test_a_graph_without_members_has_no_grouped_layout() -> None:
    assert place_layout(nx.MultiDiGraph([("a", "b", "locatedIn")])) is None


def test_groups_do_not_overlap_and_nodes_keep_apart(kg: KnowledgeGraph) -> None:
    G = select(kg.nx, concepts=False)
    pos, groups = place_layout(G, spacing=1.0)  # type: ignore[misc]
    assert set(pos) == set(G)
    points = sorted(pos.values())
    closest = min(math.dist(a, b) for i, a in enumerate(points) for b in points[i + 1 : i + 40])
    assert closest > 0.5
    centres = {m: pos[m] for m in members(G)} | {CENTRE: (0.0, 0.0)}
    reach = {
        g: max(math.dist(centres[g], pos[n]) for n, h in groups.items() if h == g)
        for g in centres
        if any(h == g for h in groups.values())
    }
    for a in reach:
        for b in reach:
            if a < b:
                assert math.dist(centres[a], centres[b]) > reach[a] + reach[b]


def test_same_positions_whatever_the_order_of_the_graph(kg: KnowledgeGraph) -> None:
    G = select(kg.nx, concepts=False)
    backwards = nx.MultiDiGraph()
    backwards.graph.update(G.graph)
    backwards.add_nodes_from(reversed(list(G.nodes(data=True))))
    backwards.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    assert place_layout(backwards) == place_layout(canonical(backwards)) == place_layout(G)


def test_members_sit_by_compass_bearing(kg: KnowledgeGraph) -> None:
    pos, _ = place_layout(select(kg.nx, concepts=False))  # type: ignore[misc]
    assert pos[HEFEI][0] < 0 < pos[SONGJIANG][0]  # Hefei to the west, Songjiang to the east

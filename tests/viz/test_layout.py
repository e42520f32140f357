"""The precomputed layout: deterministic, spread out, and linked nodes closer than strangers."""

from __future__ import annotations

import math

import networkx as nx
from g60kg.viz.layout import spread_layout


def test_same_seed_same_layout_and_no_overlaps() -> None:
    G = nx.connected_caveman_graph(20, 10)
    pos = spread_layout(G)
    assert pos == spread_layout(G)
    assert spread_layout(G, seed=1) != pos
    points = sorted(pos.values())
    assert len(set(points)) == len(points)
    assert all(math.isfinite(c) for p in points for c in p)


def test_links_pull_together() -> None:
    G = nx.connected_caveman_graph(20, 10)
    pos = spread_layout(G)

    def dist(u: int, v: int) -> float:
        return math.dist(pos[u], pos[v])

    linked = sum(dist(u, v) for u, v in G.edges()) / G.number_of_edges()
    strangers = sum(dist(u, (u * 37 + 101) % len(G)) for u in G) / len(G)
    assert linked * 3 < strangers


def test_empty_and_single() -> None:
    assert spread_layout(nx.Graph()) == {}
    assert list(spread_layout(nx.path_graph(1))) == [0]

"""Choosing what to show: focus and depth, types, and the errors that name what would fit."""

from __future__ import annotations

import networkx as nx
import pytest
from g60kg.viz.select import (
    UnknownEntityError,
    UnknownTypeError,
    resolve_entity,
    select,
    valid_types,
)

ID = "https://w3id.org/g60kg/id/"


def test_resolve_by_iri_local_name_and_labels(graph: nx.MultiDiGraph) -> None:
    dongjing = ID + "adm-310117106"
    for name in (dongjing, "adm-310117106", "洞泾镇", "dongjing town", " Dongjing Town "):
        assert resolve_entity(graph, name) == dongjing


def test_same_label_twice_asks_for_the_iri(graph: nx.MultiDiGraph) -> None:
    graph.add_node(ID + "E9999", label_zh="洞泾镇", label_en="Dongjing (another)", type="Town")
    with pytest.raises(UnknownEntityError, match=r"several entities.*give the IRI"):
        resolve_entity(graph, "洞泾镇")


def test_depth(graph: nx.MultiDiGraph) -> None:
    assert list(select(graph, focus="洞泾镇", depth=0)) == [ID + "adm-310117106"]
    one = select(graph, focus="洞泾镇")
    two = select(graph, focus="洞泾镇", depth=2)
    assert set(one) < set(two)
    assert ID + "E0004" in two and ID + "E0004" not in one  # an investor of an investment
    with pytest.raises(ValueError, match="depth needs a focus"):
        select(graph, depth=2)
    with pytest.raises(ValueError, match="0 or more"):
        select(graph, focus="洞泾镇", depth=-1)


def test_types_match_superclasses_and_keep_the_focus(graph: nx.MultiDiGraph) -> None:
    places = select(graph, types=["AdministrativeUnit"])
    assert {graph.nodes[n]["type"] for n in places} == {"District", "Town"}
    events = select(graph, focus="洞泾镇", types=["Event"])
    assert {graph.nodes[n]["type"] for n in events} == {"Town", "Conference", "Summit"}
    assert "Event" in valid_types(graph) and "Nothing" not in valid_types(graph)
    with pytest.raises(UnknownTypeError, match="unknown types Nope, Town2"):
        select(graph, types=["Town2", "Nope", "Town"])


def test_the_selection_is_a_copy(graph: nx.MultiDiGraph) -> None:
    part = select(graph, focus="洞泾镇")
    part.nodes[ID + "adm-310117106"]["label_zh"] = "changed"
    part.add_node("new")
    assert graph.nodes[ID + "adm-310117106"]["label_zh"] == "洞泾镇"
    assert "new" not in graph

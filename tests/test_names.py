"""One rule for names: local names, labels, and which entity a typed name means (the same for
`find`, `describe`, `path` and `viz --focus`)."""

from __future__ import annotations

import pytest
from g60kg.kg import KnowledgeGraph
from g60kg.names import label_of, local_name, matching, pick_label
from g60kg.queries.lookup import find
from g60kg.viz.select import resolve_entity


@pytest.mark.parametrize(
    ("iri", "local"),
    [
        ("https://w3id.org/g60kg/id/adm-310117106", "adm-310117106"),
        ("https://w3id.org/g60kg/ontology#Town", "Town"),
        ("https://w3id.org/g60kg/graph/source/", "source"),
        ("urn:x", "urn:x"),
    ],
)
def test_local_name(iri: str, local: str) -> None:
    assert local_name(iri) == local


def test_the_two_label_pickers_agree() -> None:
    labels = {"zh": "洞泾镇", "en": "Dongjing Town"}
    data = {f"label_{k}": v for k, v in labels.items()}
    for lang in ("zh", "en"):
        assert pick_label(labels, lang) == label_of(data, lang, "x")
    assert label_of({"label_zh": "洞泾镇"}, "en", "x") == pick_label({"zh": "洞泾镇"}, "en")


def test_matching_goes_from_exact_to_part_of_a_name() -> None:
    names = {"a": ["洞泾镇", "Dongjing Town"], "b": ["洞泾人工智能小镇"]}
    assert matching(names, "洞泾镇") == ["a"]
    assert matching(names, "dongjing  TOWN") == ["a"]
    assert matching(names, "洞泾") == ["a", "b"]
    assert matching(names, "松江") == []


@pytest.mark.parametrize("name", ["李 谦", "李谦", "Li Qian", "洞泾镇", "songjiang district"])
def test_find_and_the_view_resolve_names_alike(kg: KnowledgeGraph, name: str) -> None:
    assert resolve_entity(kg.nx, name) == find(kg, name)

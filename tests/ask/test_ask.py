"""`g60kg ask`: plain questions answered from the graph, each answer with its evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from g60kg.ask import ask, reply_json
from g60kg.ask.spot import spot
from g60kg.cli import main
from g60kg.kg import KnowledgeGraph
from g60kg.project import DATA_ENV


def labels(kg: KnowledgeGraph, question: str) -> list[str]:
    return [a.label for a in ask(kg, question).answers]


def test_where_answers_with_the_quoted_evidence(kg: KnowledgeGraph) -> None:
    reply = ask(kg, "洞泾镇位于哪个区？")
    assert [a.label for a in reply.answers] == ["松江区"]
    assert reply.answers[0].label_en == "Songjiang District"
    quotes = [e["quote"] for e in reply.answers[0].evidence]
    assert "在松江区洞泾镇集体亮相" in quotes


@pytest.mark.parametrize(
    "question",
    ["洞泾镇在哪里", "洞泾鎮位於哪個區？", "Where is Dongjing Town?", "Where is dongjing zhen?"],
)
def test_simplified_traditional_english_and_pinyin_find_the_same_town(
    kg: KnowledgeGraph, question: str
) -> None:
    assert "松江区" in labels(kg, question)


def test_members_of_the_corridor_are_the_nine(kg: KnowledgeGraph) -> None:
    found = labels(kg, "长三角G60科创走廊包括哪些城市？")
    assert {
        "松江区",
        "嘉兴市",
        "杭州市",
        "金华市",
        "苏州市",
        "湖州市",
        "宣城市",
        "芜湖市",
        "合肥市",
    } <= set(found)


def test_components_keep_the_order_the_source_gives(kg: KnowledgeGraph) -> None:
    found = labels(kg, "“三区两翼”包括哪些部分？")
    assert found[:3] == ["长三角一体化战略实践区", "在线新经济实践区", "AI场景深度应用实践区"]


def test_who_holds_a_post_and_what_post_a_person_holds(kg: KnowledgeGraph) -> None:
    assert labels(kg, "洞泾镇镇长是谁？") == ["李子"]
    assert {"松江区区长", "松江区区委副书记"} <= set(labels(kg, "李谦担任什么职务"))


def test_amounts_keep_the_source_wording_and_bound(kg: KnowledgeGraph) -> None:
    reply = ask(kg, "洞泾的投资金额是多少")
    values = [a.value or "" for a in reply.answers]
    assert any(v.startswith("超百亿") and "≥ 10,000,000,000 CNY" in v for v in values)
    assert any(v.startswith("近百亿") and "≤ 10,000,000,000 CNY" in v for v in values)


def test_a_sub_event_is_dated_by_its_parent_with_evidence(kg: KnowledgeGraph) -> None:
    reply = ask(kg, "优图创新基地揭牌成立是哪一天")
    assert [a.label for a in reply.answers] == ["2020-11-18"]
    assert reply.answers[0].evidence


def test_a_fact_the_graph_does_not_hold_is_not_invented(kg: KnowledgeGraph) -> None:
    reply = ask(kg, "洞泾镇的GDP增速是多少")
    assert reply.answers == []
    assert reply.message and "没有" in reply.message


def test_a_question_it_cannot_read_lists_what_it_understands(kg: KnowledgeGraph) -> None:
    reply = ask(kg, "今天天气怎么样")
    assert reply.answers == [] and reply.message and "洞泾镇位于哪个区" in reply.message


def test_generic_words_are_not_read_as_names(kg: KnowledgeGraph) -> None:
    assert [m.text for m in spot(kg, "洞泾有哪些园区载体？")] == ["洞泾"]


def test_json_reply_has_the_documented_shape(kg: KnowledgeGraph) -> None:
    doc = reply_json(ask(kg, "Where is Dongjing Town?"))
    assert set(doc) >= {"question", "interpretation", "sparql", "answers"}
    first = doc["answers"][0]
    assert set(first) >= {"label", "label_en", "value", "iri", "evidence"}
    assert "?x" in doc["sparql"] and doc["bindings"]["x"].endswith("adm-310117106")


def test_cli_prints_answers_evidence_and_with_explain_the_sparql(
    seed_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_ENV, str(seed_dir))  # the seed graph's project, built once
    result = CliRunner().invoke(main, ["ask", "洞泾镇位于哪个区？", "--explain"])
    assert result.exit_code == 0, result.output
    assert "1. 松江区 (Songjiang District)" in result.output
    assert "“在松江区洞泾镇集体亮相”" in result.output
    assert (
        "SPARQL:" in result.output
        and "bound ?x = <https://w3id.org/g60kg/id/adm-310117106>" in result.output
    )
    as_json = CliRunner().invoke(main, ["ask", "Where is Dongjing Town?", "--format", "json"])
    assert json.loads(as_json.output)["answers"][0]["label_en"] == "Songjiang District"


def test_evaluate_qa_prints_accuracy_per_type() -> None:
    result = CliRunner().invoke(main, ["evaluate-qa", "data/eval/qa/dev.yaml"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["type", "dev"]
    assert any(line.startswith("where ") for line in lines)
    assert any(line.startswith("invented answers") for line in lines)

"""What a question asks: members and parts however they are asked, "when" by what happened,
"who is", months, and the kinds of figure a "how much" question names (seed graph)."""

from __future__ import annotations

import pytest
from g60kg.ask import ask
from g60kg.ask.intents import content_words
from g60kg.kg import KnowledgeGraph

NINE = {"松江区", "嘉兴市", "杭州市", "金华市", "苏州市", "湖州市", "宣城市", "芜湖市", "合肥市"}


def labels(kg: KnowledgeGraph, question: str) -> list[str]:
    return [a.label for a in ask(kg, question).answers]


@pytest.mark.parametrize(
    "question", ["“三区两翼”是哪几个部分", "三区两翼是什么", "三區兩翼指的是什麼"]
)
def test_which_n_and_what_is_ask_for_the_parts(kg: KnowledgeGraph, question: str) -> None:
    assert labels(kg, question)[:3] == [
        "长三角一体化战略实践区",
        "在线新经济实践区",
        "AI场景深度应用实践区",
    ]


def test_the_provinces_a_corridor_spans_are_its_parts_of_that_class(kg: KnowledgeGraph) -> None:
    reply = ask(kg, "长三角G60科创走廊涉及哪些省份")
    assert {a.label for a in reply.answers} == {"上海市", "江苏省", "浙江省", "安徽省"}
    assert all(a.evidence for a in reply.answers)


@pytest.mark.parametrize(
    "question",
    [
        "哪些城市加入了G60科创走廊",
        "G60科创走廊九城市是哪些",
        "Which cities make up the G60 corridor?",
    ],
)
def test_questions_naming_what_they_want_first_list_the_members(
    kg: KnowledgeGraph, question: str
) -> None:
    assert set(labels(kg, question)) == NINE


def test_what_lies_in_a_place_asked_the_other_way_round(kg: KnowledgeGraph) -> None:
    assert labels(kg, "哪些企业位于洞泾镇") == ["科大智能"]
    assert labels(kg, "Which districts does Shanghai have?") == ["松江区"]
    # "Which district is X in" is still a "where" question
    assert labels(kg, "Which district is Dongjing in?") == ["松江区"]


def test_when_answers_the_date_of_what_the_question_names(kg: KnowledgeGraph) -> None:
    reply = ask(kg, "优图创新基地什么时候揭牌")
    assert [a.label for a in reply.answers] == ["2020-11-18"]
    assert reply.answers[0].note and "优图创新基地揭牌成立" in reply.answers[0].note
    assert reply.answers[0].evidence


def test_when_and_released_is_not_read_as_who_issued(kg: KnowledgeGraph) -> None:
    reply = ask(kg, "G60科创走廊总体发展规划3.0版什么时候发布")
    assert "2018-06" in [a.label for a in reply.answers]


@pytest.mark.parametrize("question", ["李谦是谁", "Who is Li Qian?"])
def test_who_is_a_person_lists_the_posts(kg: KnowledgeGraph, question: str) -> None:
    assert {"松江区区长", "松江区区委副书记"} <= set(labels(kg, question))


def test_a_month_narrows_what_happened(kg: KnowledgeGraph) -> None:
    assert "企业签约仪式" in labels(kg, "2020年11月有哪些活动")
    reply = ask(kg, "2020年10月有哪些活动")
    assert reply.answers == []
    assert reply.message == "图谱中没有此类事实（不作推测）。"


def test_an_investment_question_gets_investments_not_fiscal_revenue(kg: KnowledgeGraph) -> None:
    values = [a.value or "" for a in ask(kg, "洞泾实质落地投资金额多少").answers]
    assert values and all("百亿" in v for v in values)


def test_a_figure_nobody_holds_is_not_answered_with_another(kg: KnowledgeGraph) -> None:
    reply = ask(kg, "洞泾有多少个国家级创新平台")
    assert reply.answers == [] and reply.message and "没有" in reply.message


def test_figure_words_longest_first_and_counts_of_any_unit() -> None:
    assert content_words("算力规模是多少") == ("computing-capacity|pflops|eflops",)
    assert content_words("有多少个国家级创新平台") == ("platform-count|platform",)
    assert "investment-total|amount|deal-value" in content_words("投资金额多少")
    counts = content_words("有多少家成员")
    assert len(counts) == 2 and "unit" in counts[0].split("|") and counts[1] == "member-count"


@pytest.mark.parametrize(
    "question", ["李谦是哪个区的区长", "李谦在哪里任职", "What is Li Qian's position?"]
)
def test_a_person_asked_about_by_post_or_workplace_gets_the_posts(
    kg: KnowledgeGraph, question: str
) -> None:
    assert "松江区区长" in labels(kg, question)


def test_a_place_asked_for_its_holders_of_a_post_gets_people(kg: KnowledgeGraph) -> None:
    reply = ask(kg, "松江区有哪些区长")
    assert [a.label for a in reply.answers] == ["李谦"]
    assert reply.answers[0].evidence


def test_an_english_name_the_graph_knows_only_the_start_of_is_not_answered(
    kg: KnowledgeGraph,
) -> None:
    reply = ask(kg, "Where is the Dongjing Quantum Valley?")
    assert reply.answers == []
    assert reply.message and "no entity named 'Dongjing Quantum Valley'" in reply.message
    assert labels(kg, "Where is Dongjing Town?")[0] == "松江区"


@pytest.mark.parametrize(
    "question", ["松江区的领导有哪些？", "Who are the officials of Songjiang?"]
)
def test_the_leaders_of_a_place_are_the_people_holding_posts_there(
    kg: KnowledgeGraph, question: str
) -> None:
    reply = ask(kg, question)
    assert "李谦" in labels(kg, question) or "Li Qian" in labels(kg, question)
    assert all(a.evidence for a in reply.answers)


def test_people_in_a_word_like_ai_do_not_ask_for_leaders(kg: KnowledgeGraph) -> None:
    assert "李谦" not in labels(kg, "松江区有哪些人工智能企业")

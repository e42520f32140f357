"""Phrasings analysts use, on the corridor's real data: a counted word in front of a figure word
(项目总投资, 企业营收), shares of the nation's population or firms, a place's own slogan, member units."""

from __future__ import annotations

from pathlib import Path

import pytest
from g60kg.ask import ask
from g60kg.ask.intents import content_words
from g60kg.ask.spot import spot
from g60kg.kg import KnowledgeGraph, load


@pytest.fixture(scope="module")
def full(full_build: Path) -> KnowledgeGraph:
    return load(full_build)


def values(kg: KnowledgeGraph, question: str) -> list[str]:
    return [a.value or "" for a in ask(kg, question).answers]


def labels(kg: KnowledgeGraph, question: str) -> list[str]:
    return [a.label for a in ask(kg, question).answers]


def test_a_counted_word_before_a_figure_word_names_what_is_measured() -> None:
    assert content_words("项目总投资多少") == ("investment-total|amount|deal-value",)
    assert content_words("规上企业营收是多少") == ("revenue",)
    assert len(content_words("有多少家企业")) == 2  # a count is still a count


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("长三角·平湖润泽国际信息港项目总投资多少", "总投资130亿元"),
        ("安徽人工智能规上企业营收是多少", "营收1673.9亿元"),
        ("G60九城市人口占全国的比重是多少", "全国约1/28的人口"),
    ],
)
def test_figures_asked_with_what_they_measure(
    full: KnowledgeGraph, question: str, value: str
) -> None:
    assert any(v.startswith(value) for v in values(full, question))


def test_a_share_of_the_population_is_not_a_share_of_gdp(full: KnowledgeGraph) -> None:
    answers = ask(full, "G60九城市人口占全国的比重是多少").answers
    assert answers and all("人口" in a.label for a in answers)


def test_a_places_own_slogan_is_what_has_the_parts(full: KnowledgeGraph) -> None:
    found = labels(full, "芜湖“六个之城”分别是什么")
    assert {"枢纽之城", "汽车之城"} <= set(found) and "鸠江区" not in found


def test_member_units_are_members_of_any_kind(full: KnowledgeGraph) -> None:
    assert {"金华市", "芜湖市"} <= set(labels(full, "长三角G60科创走廊联席会议的成员单位"))


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("芜湖数据中心集群在建机架有多少", "在建机架数突破10万架"),
        ("横溪飞天谷智能设备制造产业园总投资", "10亿元"),
        ("中国声谷2020年入驻企业有多少户", "入驻企业达1024户"),
        ("杭州视觉智能相关规模企业有多少", "844社"),
        (
            "What is the planned computing power of the Fenhu Intelligent Computing Center?",
            "规划算力达1.5万PFLOPS",
        ),
    ],
)
def test_racks_households_firms_above_a_size_and_computing_power(
    full: KnowledgeGraph, question: str, value: str
) -> None:
    assert any(v.startswith(value) for v in values(full, question))


@pytest.mark.parametrize(
    ("question", "who"),
    [
        ("2026奇瑞汽车AI之夜是谁举办的", "奇瑞汽车股份有限公司"),
        ("认知智能国家重点实验室的依托单位是哪家", "科大讯飞股份有限公司"),
        ("沪嘉杭G60科创走廊战略合作协议由哪些城市签署", "杭州市"),
    ],
)
def test_who_held_built_on_or_signed(full: KnowledgeGraph, question: str, who: str) -> None:
    assert who in labels(full, question)


def test_events_held_in_a_place_are_not_asked_who_held_them(full: KnowledgeGraph) -> None:
    reply = ask(full, "芜湖举办过哪些活动")
    assert "芜湖市内" in reply.interpretation and "2023中国机器人产业发展大会" in [
        a.label for a in reply.answers
    ]


def test_a_name_is_found_without_its_bracketed_end(full: KnowledgeGraph) -> None:
    assert any(v.startswith("500亩") for v in values(full, "义乌人工智能产业园占地多少"))
    assert labels(full, "加快发展数字经济行动方案是谁印发的") == ["安徽省人民政府办公厅"]


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("列出合肥的实验室", "认知智能国家重点实验室"),
        ("金华有哪些开发区", "浙江金华经济技术开发区"),
        ("德清有哪些高新区", "湖州莫干山高新技术产业开发区"),
        ("湖州南太湖新区是哪里批准设立的", "浙江省人民政府"),
    ],
)
def test_lists_development_zones_and_which_authority(
    full: KnowledgeGraph, question: str, found: str
) -> None:
    assert found in labels(full, question)


def test_the_scale_of_a_revenue_is_the_revenue(full: KnowledgeGraph) -> None:
    assert any(v.startswith("78.8亿元") for v in values(full, "金华人工智能核心产业营收规模"))


def test_an_english_district_without_district(full: KnowledgeGraph) -> None:
    reply = ask(full, "What research institutes are there in Xiaoshan?")
    assert "ZJU-Hangzhou Global Scientific and Technological Innovation Center" in [
        a.label_en for a in reply.answers
    ]
    assert [m.text for m in spot(full, "What is in Dream?")] == []  # towns keep their Town


def test_he_nian_zhuguan_and_projects(full: KnowledgeGraph) -> None:
    assert "2019-04-30" in [a.label for a in ask(full, "湖州南太湖新区何年获批设立").answers]
    assert labels(full, "三山经济开发区的主管单位") == ["三山经济开发区管理委员会"]
    question = "How many projects were signed at the Second Jinhua Development Conference?"
    assert any(v.startswith("金华共签约项目534个") for v in values(full, question))


def test_who_invested_in_a_place_or_site(full: KnowledgeGraph) -> None:
    assert labels(full, "中联芜湖新型算力产业园的投资方是谁") == ["中联数据集团"]
    reply = ask(full, "哪些企业投资了洞泾")
    assert "中铁上海投资有限公司" in [a.label for a in reply.answers]
    assert all(a.evidence for a in reply.answers)
    assert labels(full, "谁投资了墨甲机器人") == []


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("松江区的R&D投入强度", "目前已超过6.79%"),
        ("What is Songjiang's R&D intensity?", "目前已超过6.79%"),
        ("苏州算力产业规模", "算力产业规模达2000亿元"),
        ("How big is Suzhou's computing industry?", "算力产业规模达2000亿元"),
    ],
)
def test_rd_intensity_and_the_scale_of_an_industry(
    full: KnowledgeGraph, question: str, value: str
) -> None:
    assert any(v.startswith(value) for v in values(full, question))


def test_counts_of_parks_and_intelligent_computing(full: KnowledgeGraph) -> None:
    assert any(
        v.startswith("5个以上") for v in values(full, "湖州计划建设多少个人工智能特色产业园")
    )
    assert any(v.startswith("900PFlops") for v in values(full, "东阳市2027年智算规模目标是多少"))


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("坐落在云栖小镇的高校", "西湖大学"),
        ("Are there any labs in Hefei?", "认知智能国家重点实验室"),
        ("中国声谷的运营商", "安徽省信息产业投资控股有限公司"),
        ("长三角G60科创走廊人工智能产业联盟成立多久了", "2019-05-15"),
    ],
)
def test_conversational_wording(full: KnowledgeGraph, question: str, found: str) -> None:
    assert found in labels(full, question)


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("Who constructed the Wuhu Intelligent Computing Center?", "芜湖市人民政府"),
        ("科大智能机器人产业园的运营企业", "科大智能"),
        ("极智嘉合肥庐江生产基地是哪家公司建的", "极智嘉"),
        ("啥时候成立的长三角G60科创走廊ESG发展联盟", "2024-11-09"),
    ],
)
def test_builders_operators_and_colloquial_when(
    full: KnowledgeGraph, question: str, found: str
) -> None:
    assert found in labels(full, question)


def test_a_target_is_answered_with_targets_only(full: KnowledgeGraph) -> None:
    assert any(
        v.startswith("超5500亿元") for v in values(full, "杭州2026年人工智能核心产业营收目标")
    )
    assert values(full, "中国声谷“十四五”营收目标") == []  # its revenues are no target


def test_a_figure_about_another_industry_is_no_answer(full: KnowledgeGraph) -> None:
    assert values(full, "芜湖机器人产业产值目标是多少") == []
    found = values(full, "芜湖机器人产业产值是多少")
    assert found and any(v.startswith("实现产值172.09亿元") for v in found)
    assert all("机器人" in a.label for a in ask(full, "芜湖机器人产业产值是多少").answers)

"""Kinds of question on the corridor's real data (the seed graph holds no alliances, approvals
or signings): counts of members with the graph's caveat and the sourced figure, the bodies
something is a member of, "位于X的…", what happened in a month, "when" by what happened."""

from __future__ import annotations

from pathlib import Path

import pytest
from g60kg.ask import ask
from g60kg.kg import KnowledgeGraph, load


@pytest.fixture(scope="module")
def full(full_build: Path) -> KnowledgeGraph:
    return load(full_build)


def labels(kg: KnowledgeGraph, question: str) -> list[str]:
    return [a.label for a in ask(kg, question).answers]


def test_a_count_of_members_counts_the_graphs_list_and_says_so(full: KnowledgeGraph) -> None:
    reply = ask(full, "松江区有几个镇")
    count, *towns = reply.answers
    assert count.label == f"图谱所载{len(towns)}个" and "未必完整" in (count.note or "")
    assert {a.label for a in towns} == {"洞泾镇", "佘山镇", "泗泾镇"}
    assert all(a.evidence for a in towns)


def test_a_count_of_members_gives_the_sourced_figure_beside_the_list(full: KnowledgeGraph) -> None:
    reply = ask(full, "合肥市5G智能网联汽车产业联盟有几家成员")
    figure, count = reply.answers[:2]
    assert figure.value and figure.value.startswith("14家成员单位") and figure.evidence
    assert count.label == "图谱所载10个"


def test_the_members_of_a_body_are_counted_without_its_office(full: KnowledgeGraph) -> None:
    assert labels(full, "長三角G60科創走廊聯席會議有幾個成員")[0] == "图谱所载9个"
    assert ask(full, "How many members does the G60 Corridor Joint Conference have?").answers[
        0
    ].label_en == ("9 in the graph")


@pytest.mark.parametrize("question", ["科大智能是哪个联盟的成员", "科大智能加入了哪些联盟"])
def test_the_bodies_something_is_a_member_of(full: KnowledgeGraph, question: str) -> None:
    reply = ask(full, question)
    assert [a.label for a in reply.answers] == ["长三角G60科创走廊人工智能产业联盟"]
    assert reply.answers[0].evidence


@pytest.mark.parametrize(
    "question",
    [
        "位于吴中区的企业有哪些",
        "位於吳中區的企業有哪些",
        "Which companies are in Wuzhong District?",
    ],
)
def test_what_lies_in_a_place_named_after_wei_yu(full: KnowledgeGraph, question: str) -> None:
    assert "追觅科技" in labels(full, question)


def test_which_district_is_still_a_where_question(full: KnowledgeGraph) -> None:
    assert labels(full, "Which district is Dongjing in?") == ["松江区"]


def test_what_happened_in_a_month_includes_approvals(full: KnowledgeGraph) -> None:
    reply = ask(full, "2019年11月发生了什么")
    zone = next(a for a in reply.answers if a.label == "德清国家新一代人工智能创新发展试验区")
    assert zone.note and "2019-11-02" in zone.note and zone.evidence
    assert labels(full, "2031年有哪些活动") == []


@pytest.mark.parametrize(
    ("question", "date"),
    [
        ("长三角(宣城)产业合作区何时获批", "2024-01"),
        ("腾讯长三角人工智能超算中心什么时候签约", "2020-03-31"),
        ("DeepSeek was founded in which year?", "2023-07"),
    ],
)
def test_when_by_what_happened(full: KnowledgeGraph, question: str, date: str) -> None:
    assert labels(full, question) == [date]


def test_a_question_word_is_not_read_as_an_unknown_name(full: KnowledgeGraph) -> None:
    assert labels(full, "腾讯优图实验室隶属于哪家公司") == ["腾讯"]
    assert "江淮汽车" in labels(full, "合肥5G智能网联汽车产业联盟成员都有谁")


@pytest.mark.parametrize(
    "question", ["2020年洞泾镇有哪些活动", "What events were held in Dongjing in 2020?"]
)
def test_events_in_a_year_about_a_place(full: KnowledgeGraph, question: str) -> None:
    reply = ask(full, question)
    assert "首届长三角G60人工智能产业洞泾峰会" in [a.label for a in reply.answers]
    assert all(a.note and a.note.startswith("2020") for a in reply.answers)


def test_figure_and_list_wording(full: KnowledgeGraph) -> None:
    assert "合肥市" in labels(full, "长三角G60科创走廊九城市名单")
    values = [a.value or "" for a in ask(full, "零跑新能源汽车第二工厂的投资额").answers]
    assert any(v.startswith("40億元") for v in values)
    reply = ask(full, "What is the planned area of Ganyao Robot Town?")
    assert (reply.answers[0].value or "").startswith("规划面积3.74平方公里")
    assert labels(full, "G60科创云廊的开发商是谁")[0] == "上海临港经济发展(集团)有限公司"


@pytest.mark.parametrize(
    ("question", "member"),
    [
        ("Which cities are in the Yangtze River Delta G60 Sci-Tech Innovation Corridor?", "合肥市"),
        ("Who are the members of the G60 Corridor AI Industry Alliance?", "科大智能"),
        ("What are the Three Zones and Two Wings?", "在线新经济实践区"),
        ("松江六大产业集群是什么", "人工智能产业生态圈"),
        (
            "苏州国家新一代人工智能创新发展试验区包括哪些区域",
            "苏州国家新一代人工智能创新发展试验区核心先导区",
        ),
    ],
)
def test_english_written_several_ways_and_names_after_a_place(
    full: KnowledgeGraph, question: str, member: str
) -> None:
    assert member in labels(full, question)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who hosted the 2018 Apsara Conference?", "阿里云"),
        ("Who chairs the G60 Corridor AI Industry Alliance?", "科大智能"),
        ("科大硅谷的运营机构", "科大硅谷服务平台有限公司"),
        ("合肥国家新一代人工智能创新发展试验区是谁批的", "中华人民共和国科学技术部"),
    ],
)
def test_who_by_role_words_english_hosts_and_role_nouns(
    full: KnowledgeGraph, question: str, expected: str
) -> None:
    assert expected in labels(full, question)


def test_english_figure_words(full: KnowledgeGraph) -> None:
    reply = ask(full, "What is the total investment of the Wuhu Data Center Cluster?")
    assert any((a.value or "").startswith("总投资额超2700亿元") for a in reply.answers)
    reply = ask(full, "How many enterprises has China Speech Valley attracted?")
    assert any((a.value or "").startswith("入园企业突破2400家") for a in reply.answers)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Tell me the research institutes in Jiaxing.", "浙江大学嘉兴研究院"),
        ("What is located in Deqing Geographic Information Town?", "千寻位置"),
        ("杭州有哪些人工智能小镇", "梦想小镇"),
        ("Which data centers are in Wuhu?", "中国电信芜湖集群大数据中心"),
    ],
)
def test_what_lies_in_a_place_however_asked(
    full: KnowledgeGraph, question: str, expected: str
) -> None:
    assert expected in labels(full, question)


def test_g60_alone_is_the_corridor(full: KnowledgeGraph) -> None:
    assert "合肥市" in labels(full, "Which cities are part of G60?")
    reply = ask(full, "G60量子联盟有哪些成员")
    assert reply.answers == [] and reply.message and "G60量子联盟" in reply.message


def test_an_english_name_asked_with_words_left_out(full: KnowledgeGraph) -> None:
    reply = ask(full, "Who is the operator of the Wuhu Intelligent Computing Center?")
    assert [a.label for a in reply.answers] == ["中国电信安徽公司"]
    assert labels(full, "Who runs the Wuhu Quantum Computing Center?") == []
    # two words as written are not enough to stand for a longer name
    assert labels(full, "When was Hangzhou's AI pilot zone approved?") == []


def test_the_corridors_full_and_short_names_open_names_alike(full: KnowledgeGraph) -> None:
    where = labels(full, "长三角G60科创走廊联席会议办公室设在哪里")
    assert where[:2] == ["临港松江科技城", "松江区"]  # the science city, then its district
    assert labels(full, "长三角G60科创走廊联席会议由谁主持") == ["松江区"]


def test_who_took_part_in_an_event(full: KnowledgeGraph) -> None:
    reply = ask(full, "哪些城市参加了G60科创走廊第一次联席会议")
    assert {"宣城市", "杭州市"} <= {a.label for a in reply.answers}
    assert all(a.evidence for a in reply.answers)


@pytest.mark.parametrize(
    "question",
    ["何淳宽是做什么的", "What does He Chunkuan do?", "Which posts has He Chunkuan held?"],
)
def test_what_a_person_does(full: KnowledgeGraph, question: str) -> None:
    assert "宣城市市长" in labels(full, question)


def test_an_english_plan_name_is_the_plan_not_its_release(full: KnowledgeGraph) -> None:
    reply = ask(full, "Who issued the G60 Corridor Master Development Plan 3.0?")
    assert {"嘉兴市", "湖州市"} <= {a.label for a in reply.answers}

"""A post's body named by its kind alone is the body of that kind named before it."""

from __future__ import annotations

from g60kg.extract import extract


def posts_and_bodies(text: str) -> tuple[list[str], list[str]]:
    found = extract(text.encode(), source_id="demo", nlp="")
    posts = [e["zh"] for e in found.entities if e["type"] == "Post"]
    bodies = [e["zh"] for e in found.entities if e["type"] in ("Company", "IndustryAlliance")]
    return posts, bodies


def test_the_company_a_report_is_about_holds_its_bare_posts() -> None:
    text = "杭州智联数算科技有限公司成立于2023年。该公司总经理邵悦初说，这样做能帮小企业。"
    assert posts_and_bodies(text) == (
        ["杭州智联数算科技有限公司总经理"],
        ["杭州智联数算科技有限公司"],
    )


def test_an_alliance_named_by_its_kind_is_the_alliance_named_before() -> None:
    text = "长三角人工智能产业链联盟在合肥成立。联盟理事长刘庆峰致辞。"
    assert posts_and_bodies(text) == (
        ["长三角人工智能产业链联盟理事长"],
        ["长三角人工智能产业链联盟"],
    )


def test_a_bare_kind_with_nothing_of_its_kind_before_it_stays_as_written() -> None:
    posts, _ = posts_and_bodies("大会在合肥举行。联盟理事长刘庆峰致辞。")
    assert posts == ["联盟理事长"]


def test_a_party_department_after_a_committee_title_is_that_committees() -> None:
    posts, _ = posts_and_bodies("金华市委常委、统战部部长胡敏出席。")
    assert posts == ["金华市委常委", "金华市委统战部部长"]

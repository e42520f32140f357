"""Query helpers answer the article's questions, the same on every backend."""

from __future__ import annotations

import pytest
from g60kg import queries
from g60kg.errors import AmbiguousEntity, EntityNotFound, NoPath
from g60kg.kg import KnowledgeGraph
from g60kg.queries.lookup import find, label, pick_label

ID = "https://w3id.org/g60kg/id/"
DONGJING, SONGJIANG, SHANGHAI = ID + "adm-310117106", ID + "adm-310117", ID + "adm-310000"


def test_find_by_label_alias_english_and_pinyin(any_kg: KnowledgeGraph) -> None:
    for name in ("洞泾镇", "洞泾", "Dongjing Town", "dongjing", "dòng jīng zhèn", "dong jing zhen"):
        assert find(any_kg, name) == DONGJING, name
    assert find(any_kg, "北京联东投资（集团）有限公司") == ID + "E0021"  # full-width brackets


def test_find_refuses_to_pick_among_several(any_kg: KnowledgeGraph) -> None:
    with pytest.raises(AmbiguousEntity) as caught:
        find(any_kg, "洞泾人工智能")
    iris = [iri for iri, _ in caught.value.candidates]
    assert ID + "E0010" in iris and ID + "E0012" in iris
    assert "洞泾人工智能小镇" in str(caught.value)


def test_find_nothing_names_the_closest_labels(any_kg: KnowledgeGraph) -> None:
    with pytest.raises(EntityNotFound, match="no entity named '洞京镇'; closest: 洞泾镇"):
        find(any_kg, "洞京镇")


def test_labels_follow_the_language_with_fallback(any_kg: KnowledgeGraph) -> None:
    assert label(any_kg, DONGJING, "en") == "Dongjing Town"
    assert label(any_kg, DONGJING) == "洞泾镇"
    assert label(any_kg, "https://w3id.org/g60kg/source/dongjing-ai-town", "en").startswith(
        "40余家"
    )
    assert label(any_kg, ID + "no-such-thing", "en") == "no-such-thing"
    assert pick_label({"ZH-Latn-pinyin": "x"}, "zh") == "x"


def test_companies_named_at_the_conference(any_kg: KnowledgeGraph) -> None:
    found = queries.in_place(any_kg, "洞泾镇")["companies"]
    investors = [c["company_label"] for c in found if c["relation"].endswith("#investor")]
    assert investors == [
        "安徽省投资集团控股有限公司",
        "北京联东投资(集团)有限公司",
        "中铁上海投资有限公司",
        "上海嘉宏投资咨询有限公司",
    ]


def test_sites_and_places_include_sub_places(any_kg: KnowledgeGraph) -> None:
    found = queries.in_place(any_kg, "上海市", lang="en")
    assert {p["sub_label"] for p in found["places"]} >= {"Songjiang District", "Dongjing Town"}
    assert "Dongjing Artificial Intelligence Town" in {s["site_label"] for s in found["sites"]}


def test_landed_and_intended_investment_with_honest_totals(any_kg: KnowledgeGraph) -> None:
    found = queries.investments(any_kg, "松江区")
    by_status = {i["status"].rsplit("/", 1)[1]: i for i in found["investments"]}
    landed, intended = by_status["landed"], by_status["intended"]
    assert (
        landed["amount_min"],
        landed["amount_text"],
        landed["count_min"],
        landed["count_text"],
    ) == (
        10_000_000_000,
        "超百亿",
        20,
        "20余家",
    )
    assert (
        intended["amount_max"],
        intended["amount_text"],
        intended["count_value"],
        intended["count_text"],
    ) == (
        10_000_000_000,
        "近百亿",
        20,
        "20家",
    )
    amount = found["totals"]["amount"]
    assert (
        amount["at_least"] == 10_000_000_000 and amount["at_most"] is None and not amount["exact"]
    )
    assert sorted(amount["wording"]) == ["超百亿", "近百亿"]
    assert found["totals"]["companies"]["at_least"] == 40  # matches the stated 40余家


def test_investments_by_status(any_kg: KnowledgeGraph) -> None:
    found = queries.investments(any_kg, "洞泾镇", status="investment-status:intended")
    assert [i["amount_text"] for i in found["investments"]] == ["近百亿"]
    assert found["totals"]["amount"] == {
        "at_least": 0,
        "at_most": 10_000_000_000,
        "exact": False,
        "wording": ["近百亿"],
        "items": 1,
    }


def test_five_components_of_sanqu_liangyi_in_order(any_kg: KnowledgeGraph) -> None:
    found = queries.components(any_kg, "三区两翼", lang="en")
    assert [c["position"] for c in found] == [1, 2, 3, 4, 5]
    assert [c["component_label"] for c in found] == [
        "Yangtze River Delta Integration Strategy Practice Zone",
        "Online New Economy Practice Zone",
        "AI Scenario Deep Application Practice Zone",
        "Artificial intelligence",
        "Online new economy",
    ]
    assert [c["role_label"] for c in found] == ["Zone", "Zone", "Zone", "Wing", "Wing"]


def test_nine_corridor_cities_and_provinces(any_kg: KnowledgeGraph) -> None:
    found = {c["city_label"]: c["province_label"] for c in queries.corridor_cities(any_kg)}
    assert found == {
        "松江区": "上海市",
        "嘉兴市": "浙江省",
        "杭州市": "浙江省",
        "金华市": "浙江省",
        "湖州市": "浙江省",
        "苏州市": "江苏省",
        "宣城市": "安徽省",
        "芜湖市": "安徽省",
        "合肥市": "安徽省",
    }


def test_path_dongjing_songjiang_shanghai(any_kg: KnowledgeGraph) -> None:
    steps = queries.path(any_kg, "洞泾镇", "上海市", lang="en")
    assert [s["from_label"] for s in steps] + [steps[-1]["to_label"]] == [
        "Dongjing Town",
        "Songjiang District",
        "Shanghai",
    ]
    assert {s["relation"] for s in steps} == {"directly within"}
    back = queries.path(any_kg, "上海市", "洞泾镇")
    assert [s["forward"] for s in back] == [False, False]


def test_path_between_unconnected_entities(any_kg: KnowledgeGraph) -> None:
    with pytest.raises(NoPath):
        queries.path(any_kg, "洞泾镇", "https://w3id.org/g60kg/id/nowhere")


def test_who_holds_which_post(any_kg: KnowledgeGraph) -> None:
    held = {(p["person_label"], p["post_label"]) for p in queries.posts(any_kg, "松江区")}
    assert held == {
        ("李谦", "松江区区委副书记"),
        ("李谦", "松江区区长"),
        ("李子", "洞泾镇党委副书记"),
        ("李子", "洞泾镇镇长"),
    }
    body = queries.posts(any_kg, "松江区区委")
    assert [(p["person_label"], p["title"]) for p in body] == [("李谦", "区委副书记")]


def test_timeline_in_order(any_kg: KnowledgeGraph) -> None:
    found = queries.timeline(any_kg, lang="en")
    whens = [str(e["when"]) for e in found]
    assert whens == sorted(whens)
    dated = {e["thing_label"]: str(e["when"]) for e in found}
    assert dated["Release of the G60 Corridor Master Development Plan 3.0"] == "2018-06"
    assert dated["First Yangtze River Delta G60 AI Industry Dongjing Summit"] == "2020-11-18"


def test_evidence_quote_of_a_chosen_fact(any_kg: KnowledgeGraph) -> None:
    found = queries.evidence(any_kg, "科大智能", "g60:settledIn", "洞泾镇")
    assert [(e["quote"], e["start"], e["end"]) for e in found] == [
        (
            "随着科大智能为代表的一批优质企业入驻、开工、投产,洞泾镇作为松江区产业经济重要承载区",
            1519,
            1561,
        )
    ]
    assert found[0]["source"] == "https://w3id.org/g60kg/source/dongjing-ai-town"
    reference = queries.evidence(any_kg, "松江区", "g60:directlyWithin")
    assert [(e["quote"], e["source"]) for e in reference] == [
        (None, "https://w3id.org/g60kg/source/admin-divisions")
    ]


def test_describe_lists_facts_with_evidence(any_kg: KnowledgeGraph) -> None:
    info = queries.describe(any_kg, "李子", lang="en")
    assert info["labels"] == {"zh": "李子", "en": "Li Zi"} and info["types"] == ["Person"]
    holdings = [f for f in info["facts"] if f["predicate"].endswith("#holder")]
    assert {f["value_label"] for f in holdings} == {
        "Li Zi, Deputy Secretary of the Dongjing Town Party Committee",
        "Li Zi, Mayor of Dongjing Town",
    }
    assert all(f["evidence"][0]["quote"] == "洞泾镇党委副书记、镇长李子表示" for f in holdings)


def test_describe_of_a_place_includes_reference_claims(any_kg: KnowledgeGraph) -> None:
    facts = queries.describe(any_kg, "松江区")["facts"]
    within = [
        f for f in facts if f["direction"] == "out" and f["predicate"].endswith("#directlyWithin")
    ]
    assert within and within[0]["references"] == ["https://w3id.org/g60kg/source/admin-divisions"]


def test_neighbours_to_depth(any_kg: KnowledgeGraph) -> None:
    near = {n["label"] for n in queries.neighbours(any_kg, "李谦")}
    assert {"松江区区委", "松江区人民政府"} <= near
    far = queries.neighbours(any_kg, "李谦", depth=2)
    assert {n["label"] for n in far} > near and max(n["distance"] for n in far) == 2


def test_evidence_of_an_n_ary_fact_itself(any_kg: KnowledgeGraph) -> None:
    found = queries.evidence(
        any_kg, "https://w3id.org/g60kg/claim/dongjing-ai-town/investment-intended"
    )
    assert [(e["quote"], e["start"]) for e in found] == [
        ("20家企业意向落地,意向投资金额近百亿", 88),
        ("松江东北部产业重镇洞泾迎来了实质落地、意向落地企业40余家", 173),
    ]

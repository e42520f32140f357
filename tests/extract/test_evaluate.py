from pathlib import Path

import pytest
from extract_helpers import EVAL, as_data, gold, run
from g60kg.extract.curated_agreement import agreement
from g60kg.extract.errors import GoldError
from g60kg.extract.evaluate import evaluate, load_gold
from g60kg.extract.score_report import totals
from g60kg.extract.scores import prf


def test_seed_meets_its_targets() -> None:
    score = evaluate(gold("dongjing-ai-town"), as_data(run("dongjing-ai-town")))
    precision, recall, _ = score.entities()
    assert recall >= 0.95
    assert precision >= 0.9
    assert score.relations()[2] >= 0.7


def test_noisy_article_yields_nothing_from_its_adverts() -> None:
    score = evaluate(gold("g60-weekly-noisy"), as_data(run("g60-weekly-noisy")))
    assert score.furniture_leaks == []


def test_misses_and_false_positives_are_listed() -> None:
    data = as_data(run("dongjing-signing"))
    data["entities"] = [e for e in data["entities"] if e["zh"] != "李子"]
    data["entities"].append({"id": "x", "zh": "虚构公司", "type": "Company"})
    score = evaluate(gold("dongjing-signing"), data)
    assert "entity person: 李子" in score.misses
    assert "entity org: 虚构公司" in score.false_positives


def test_prf_edge_cases() -> None:
    assert prf(0, 0, 0) == (1.0, 1.0, 1.0)
    assert prf(0, 3, 0) == (0.0, 1.0, 0.0)


def test_malformed_gold_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"article": "x.txt"}', encoding="utf-8")
    with pytest.raises(GoldError, match="entities"):
        load_gold(bad)
    assert (EVAL / "gold").is_dir()


def test_agreement_with_curated_statements_by_handle() -> None:
    curated = {
        "statements": [
            {
                "id": "a",
                "subject": "dongjing",
                "predicate": "directlyWithin",
                "object": "songjiang",
            },
            {"id": "b", "subject": "g60", "predicate": "proposedBy", "object": "songjiang"},
        ]
    }
    proposed = {
        "statements": [
            {
                "id": "x",
                "subject": "dongjing",
                "predicate": "directlyWithin",
                "object": "songjiang",
            },
            {"id": "y", "subject": "dongjing", "predicate": "heldIn", "object": "songjiang"},
        ]
    }
    scores, missed, extra = agreement(proposed, curated)
    assert scores == (0.5, 0.5, 0.5)
    assert missed == ["('g60', 'proposedBy', 'songjiang')"]
    assert extra == ["('dongjing', 'heldIn', 'songjiang')"]


def _gold(**extra: object) -> dict[str, object]:
    return {"article": "x.txt", "entities": [], "relations": [], **extra}


def test_figures_are_recalled_by_value_and_unit() -> None:
    gold_data = _gold(
        figures=[
            {"text": "约236亩", "value": 236, "unit": "measure-unit:mu"},
            {"text": "16栋", "value": 16, "unit": "栋"},
            {"text": "28名", "value": 28, "unit": "count-unit:person"},
        ]
    )
    predicted = {
        "figures": [
            {"text": "约236亩", "value": 236, "unit": "measure-unit:mu"},
            {"text": "16个", "value": 16, "unit": "count-unit:unit"},
        ]
    }
    score = evaluate(gold_data, predicted)
    assert (score.figure_tp, score.figure_pred, score.figure_gold) == (1, 2, 3)
    assert "figure: 16栋 (16.0 building)" in score.misses


def test_dates_are_recalled_by_iso_value_once_each() -> None:
    gold_data = _gold(
        dates=[{"text": "6月6日", "iso": "2020-06-06"}, {"text": "同日", "iso": "2020-06-06"}]
    )
    score = evaluate(gold_data, {"dates": [{"text": "6月6日", "iso": "2020-06-06"}]})
    assert (score.date_tp, score.date_gold) == (1, 2)


def test_new_ontology_classes_are_scored_in_their_groups() -> None:
    gold_data = _gold(
        entities=[
            {"zh": "浙江大学", "type": "University"},
            {"zh": "之江实验室", "type": "Laboratory"},
            {"zh": "智算中心", "type": "ComputingCentre"},
            {"zh": "开工仪式", "type": "Groundbreaking"},
        ]
    )
    predicted = {
        "entities": [
            {"id": "a", "zh": "浙江大学", "type": "ResearchInstitute"},
            {"id": "b", "zh": "之江实验室", "type": "Laboratory"},
            {"id": "c", "zh": "智算中心", "type": "PilotZone"},
            {"id": "d", "zh": "开工仪式", "type": "Opening"},
        ]
    }
    score = evaluate(gold_data, predicted)
    assert score.entity_tp == {"org": 2, "site": 1, "event": 1}


def test_furniture_leaks_are_counted_in_the_totals() -> None:
    gold_data = _gold(furniture_must_not_yield=["广告科技公司"])
    score = evaluate(
        gold_data, {"entities": [{"id": "a", "zh": "广告科技公司", "type": "Company"}]}
    )
    assert score.furniture_leaks == ["广告科技公司"]
    text = totals([("x", True, score)])
    assert "furniture leaks: 1 entities from 1 furniture names" in text
    assert len(text.splitlines()) == 12


def test_a_month_or_a_founding_year_matches_the_golds_one_date_predicate() -> None:
    gold = {
        "entities": [
            {"zh": "某方案", "type": "PolicyDocument"},
            {"zh": "某公司", "type": "Company"},
        ],
        "relations": [["某方案", "date", "2024-12"], ["某公司", "date", "2016"]],
    }
    found = {
        "entities": [
            {"id": "D", "zh": "某方案", "type": "PolicyDocument"},
            {"id": "C", "zh": "某公司", "type": "Company"},
        ],
        "statements": [
            {"subject": "D", "predicate": "when", "value": "2024-12"},
            {"subject": "C", "predicate": "founded", "value": "2016"},
        ],
    }
    assert evaluate(gold, found).relations() == (1.0, 1.0, 1.0)


def test_gold_classes_outside_the_ontology_are_read_by_meaning() -> None:
    gold_data = _gold(
        entities=[
            {"zh": "德清县", "type": "County"},
            {"zh": "科技城项目三方合作协议签约仪式", "type": "SigningEvent"},
        ]
    )
    predicted = {
        "entities": [
            {"id": "a", "zh": "德清县", "type": "District"},
            {"id": "b", "zh": "科技城项目三方合作协议签约仪式", "type": "SigningCeremony"},
        ]
    }
    assert evaluate(gold_data, predicted).entities() == (1.0, 1.0, 1.0)


def test_every_gold_class_of_the_evaluation_folders_has_a_group() -> None:
    from g60kg.extract.evaluate import gold_group

    unknown = {
        (path.parent.parent.name, item["type"])
        for path in EVAL.glob("**/gold/*.json")
        for item in load_gold(path)["entities"]
        if gold_group(item["type"]) == "other"
    }
    assert not unknown, f"gold classes without a group: {sorted(unknown)}"


def test_a_count_is_recalled_by_its_unit_or_by_what_it_counts() -> None:
    gold_data = _gold(
        figures=[
            {"text": "23个", "value": 23, "unit": "count-unit:project"},
            {"text": "5个", "value": 5, "unit": "count-unit:unit"},
            {"text": "7个", "value": 7, "unit": "count-unit:city"},
        ]
    )
    counts = {"zh": "产业项目", "unit": "count-unit:project"}
    predicted = {
        "figures": [
            {"text": "23个", "value": 23, "unit": "count-unit:unit", "counted": counts},
            {"text": "5个", "value": 5, "unit": "count-unit:unit", "counted": counts},
            {"text": "7个", "value": 7, "unit": "count-unit:unit", "counted": counts},
        ]
    }
    score = evaluate(gold_data, predicted)
    assert (score.figure_tp, score.figure_gold) == (2, 3)
    assert "figure: 7个 (7.0 city)" in score.misses


def test_item_is_the_generic_count_unit() -> None:
    gold_data = _gold(figures=[{"text": "十件大事", "value": 10, "unit": "count-unit:item"}])
    predicted = {"figures": [{"text": "十件", "value": 10, "unit": "count-unit:unit"}]}
    assert evaluate(gold_data, predicted).figure_tp == 1


def test_a_share_is_recalled_in_per_cent_within_a_writers_rounding() -> None:
    gold_data = _gold(
        figures=[
            {"text": "1/28", "value": 0.0357, "unit": "fraction"},
            {"text": "两成左右", "value": 20, "unit": "percent"},
            {"text": "1/3", "value": 0.3, "unit": "fraction"},
        ]
    )
    predicted = {
        "figures": [
            {"text": "1/28", "value": 0.035714, "unit": "fraction"},
            {"text": "两成左右", "value": 0.2, "unit": "fraction"},
            {"text": "1/3", "value": 0.333333, "unit": "fraction"},
        ]
    }
    score = evaluate(gold_data, predicted)
    assert (score.figure_tp, score.figure_gold) == (2, 3)


def test_a_position_is_recalled_as_a_rank_or_by_its_measure_word() -> None:
    gold_data = _gold(
        figures=[
            {"text": "第34位", "value": 34, "unit": "count-unit:rank"},
            {"text": "第5位", "value": 5, "unit": "count-unit:person"},
        ]
    )
    rank = {"unit": "count-unit:rank", "word_unit": "count-unit:person"}
    predicted = {
        "figures": [{"text": "第34位", "value": 34, **rank}, {"text": "第5位", "value": 5, **rank}]
    }
    assert evaluate(gold_data, predicted).figure_tp == 2


def test_organisation_is_one_unit_in_either_spelling() -> None:
    gold_data = _gold(
        figures=[{"text": "70家单位", "value": 70, "unit": "count-unit:organization"}]
    )
    predicted = {"figures": [{"text": "70家", "value": 70, "unit": "count-unit:organisation"}]}
    assert evaluate(gold_data, predicted).figure_tp == 1


def test_a_posts_body_is_read_by_its_gold_name_when_written_by_an_alias() -> None:
    gold_data = _gold(
        entities=[
            {"zh": "三山经济开发区", "type": "PlannedZone", "aliases": ["三山经开区"]},
            {"zh": "孙跃文", "type": "Person"},
        ],
        relations=[
            ["孙跃文", "holdsPost", "三山经济开发区党工委书记"],
            ["孙跃文", "holdsPost", "三山经济开发区管委会主任"],
        ],
    )
    predicted = {
        "entities": [
            {"id": "a", "zh": "三山经开区", "type": "PlannedZone"},
            {"id": "p", "zh": "孙跃文", "type": "Person"},
            {"id": "t", "zh": "三山经开区党工委书记", "type": "Post", "implied": True},
        ],
        "statements": [
            {
                "fact": "PostHolding",
                "properties": {"holder": "p", "post": "t", "postTitle": {"zh": "书记"}},
            },
            {
                "fact": "PostHolding",
                "properties": {"holder": "p", "postTitle": {"zh": "三山经开区管委会副主任"}},
            },
        ],
    }
    score = evaluate(gold_data, predicted)
    assert (score.relation_tp, score.relation_pred, score.relation_gold) == (1, 2, 2)

from pathlib import Path

import pytest
from extract_helpers import EVAL, as_data, gold, run
from g60kg.extract.errors import GoldError
from g60kg.extract.evaluate import agreement, evaluate, load_gold, prf


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

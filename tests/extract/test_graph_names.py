"""The graph's names as a lexicon: found on word boundaries, generic names left alone, and an
evaluation that leaves an article's own sources out."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from g60kg.cli import main
from g60kg.extract import GazetteerRecord, extract
from g60kg.extract.graph_names import gold_urls, known_entities, leave_sources_out

ARTICLE = "2020年6月6日，思必驰在苏州工业园区与奇点汽车签约，共建人工智能小镇。\n"


def _data(root: Path) -> Path:
    """A data folder with two companies: one known from the article's own report only, one
    from another report too."""
    data = root / "data"
    (data / "entities").mkdir(parents=True)
    (data / "sources" / "references").mkdir(parents=True)
    (data / "statements").mkdir(parents=True)
    (data / "sources" / "references" / "r.yaml").write_text(
        "references:\n"
        "  - {id: own, url: 'https://www.example.com/own.html'}\n"
        "  - {id: other, url: 'http://other.example.org/a'}\n",
        encoding="utf-8",
    )
    (data / "entities" / "companies.yaml").write_text(
        "entities:\n"
        "  - {id: aispeech, iri: E1, type: Company, zh: 思必驰科技股份有限公司,"
        " aliases: [{zh: 思必驰}], cites: [own]}\n"
        "  - {id: singulato, iri: E2, type: Company, zh: 奇点汽车, cites: [own, other]}\n"
        "  - {id: town, iri: E3, type: FeatureTown, zh: 人工智能小镇, cites: [other]}\n",
        encoding="utf-8",
    )
    return data


def _names(result: object) -> list[str]:
    return [e["zh"] for e in result.entities]  # type: ignore[attr-defined]


def test_known_names_are_found_but_generic_ones_are_not(tmp_path: Path) -> None:
    records = [k.record for k in known_entities(_data(tmp_path))]
    without = _names(extract(ARTICLE.encode(), source_id="a", nlp=""))
    found = _names(extract(ARTICLE.encode(), source_id="a", nlp="", gazetteer=records))
    assert "思必驰" not in without and "奇点汽车" not in without
    assert "思必驰" in found and "奇点汽车" in found
    assert "人工智能小镇" not in found  # a generic name the graph has is not a mention


def test_a_name_inside_a_longer_word_is_not_found() -> None:
    record = GazetteerRecord("qr", "E9", "Company", ("奇瑞",))
    text = "奇瑞汽车产业园开园。".encode()
    assert "奇瑞" not in _names(extract(text, source_id="a", nlp="", gazetteer=[record]))


def test_leave_source_out_drops_only_entities_known_from_the_article_alone(
    tmp_path: Path,
) -> None:
    known = known_entities(_data(tmp_path))
    urls = gold_urls({"sources": ["https://example.com/own.html/ (the report)"]})
    assert [r.handle for r in leave_sources_out(known, urls)] == ["singulato", "town"]


def test_evaluate_says_what_the_graph_names_did(tmp_path: Path) -> None:
    data = _data(tmp_path)
    root = tmp_path / "eval"
    (root / "articles").mkdir(parents=True)
    (root / "gold").mkdir()
    (root / "articles" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    gold = {
        "article": "a.txt",
        "published": "2020-06-09",
        "entities": [
            {"zh": "思必驰", "type": "Company"},
            {"zh": "奇点汽车", "type": "Company"},
            {"zh": "苏州工业园区", "type": "IndustrialPark"},
        ],
        "relations": [],
        "sources": ["https://www.example.com/own.html"],
    }
    (root / "gold" / "a.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    args = ["evaluate", "--all", str(root), "--totals", "--nlp", "", "--data", str(data)]
    runner = CliRunner()
    out = runner.invoke(main, [*args, "--graph-names", "leave-source-out"])
    assert out.exit_code == 0, out.output
    assert "1 of 1 gold files list source URLs; 1 entity exclusions" in out.stderr
    plain = runner.invoke(main, [*args, "--graph-names", "plain"])
    fair_row = next(line for line in out.stdout.splitlines() if line.startswith("entities"))
    plain_row = next(line for line in plain.stdout.splitlines() if line.startswith("entities"))
    assert fair_row.split()[4] == "2" and plain_row.split()[4] == "3"  # matched: 思必驰 left out


def test_a_company_named_in_full_is_found_again_by_its_short_name() -> None:
    text = "上海珑睿信息科技有限公司承担建设和运维。据悉，珑睿还将在洞泾建设研发中心。"
    found = extract(text.encode(), source_id="a", nlp="")
    rows = [(e["zh"], [a["zh"] for a in e.get("aliases", [])]) for e in found.entities]
    assert ("上海珑睿信息科技有限公司", ["珑睿"]) in rows


def test_full_width_digits_and_letters_read_as_ascii() -> None:
    found = extract(
        "２０２０年６月６日，长三角Ｇ６０科创走廊在松江区揭牌。".encode(), source_id="a", nlp=""
    )
    assert [(d["text"], d["iso"]) for d in found.dates] == [("２０２０年６月６日", "2020-06-06")]

"""`g60kg.ingest`: reviewed candidates into data/, validated like a build, all or nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from g60kg.errors import G60Error, InputErrors
from g60kg.extract import Candidates, extract, gazetteer_from_entity_files
from g60kg.ingest.apply import ingest
from g60kg.rdf.build import default_data_dir
from g60kg.records.read import read_data
from g60kg.records.yamlio import read_yaml

FIXTURES = Path(__file__).parent / "fixtures"
INGEST = FIXTURES / "ingest"
ARTICLES = default_data_dir() / "eval" / "articles"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def extracted(data: Path, article: str, out: Path, **meta: str) -> Path:
    """Candidates for one evaluation article, with the registry of `data`, ambiguity resolved as
    a curator would (each ambiguous row has one candidate: link it)."""
    raw = (ARTICLES / article).read_bytes()
    gazetteer = gazetteer_from_entity_files(sorted((data / "entities").glob("*.yaml")))
    result = extract(raw, source_id=out.stem, gazetteer=gazetteer, **meta)
    result.meta["file"] = str(ARTICLES / article)
    result.meta["sha256"] = hashlib.sha256(raw).hexdigest()
    out.write_text(
        result.to_yaml().replace("status: ambiguous", "status: linked"), encoding="utf-8"
    )
    return out


def test_a_reviewed_file_adds_its_source_new_entities_and_statements(seed_copy: Path) -> None:
    report = ingest(INGEST / "good.yaml", seed_copy)
    assert report.new_entities == ["dongjing-park"] and report.linked_entities == ["dongjing"]
    assert (seed_copy / "sources" / "fixture-park.txt").read_bytes() == (
        INGEST / "article.txt"
    ).read_bytes()
    entities = read_yaml(seed_copy / "entities" / "from-fixture-park.yaml")["entities"]
    assert [e["id"] for e in entities] == ["dongjing-park"]
    assert not {"link", "confidence", "implied"} & set(entities[0])
    data = read_data(seed_copy)
    serials = [
        int(e.iri[1:])
        for e in data.entities.values()
        if e.iri[:1] == "E" and e.iri[1:].isdigit() and e.id != "dongjing-park"
    ]
    assert entities[0]["iri"] == f"E{max(serials) + 1:04d}"  # the next free number
    assert data.entities["dongjing-park"].zh == "洞泾智能制造创新园"
    assert [s.id for s in data.statements if s.source == "fixture-park"] == [
        "park-located-in-dongjing"
    ]
    assert data.sources["fixture-park"].publisher_en == "Test fixture"


def test_ingesting_the_same_file_twice_changes_nothing(seed_copy: Path) -> None:
    ingest(INGEST / "good.yaml", seed_copy)
    before = snapshot(seed_copy)
    report = ingest(INGEST / "good.yaml", seed_copy)
    assert report.unchanged and not report.written
    assert snapshot(seed_copy) == before


def test_an_edited_file_does_not_overwrite_an_ingested_source(
    seed_copy: Path, tmp_path: Path
) -> None:
    ingest(INGEST / "good.yaml", seed_copy)
    before = snapshot(seed_copy)
    edited = tmp_path / "good.yaml"
    text = (
        (INGEST / "good.yaml")
        .read_text(encoding="utf-8")
        .replace("confidence: 0.8", "confidence: 0.7")
    )
    edited.write_text(
        text.replace("file: article.txt", f"file: {INGEST / 'article.txt'}"), encoding="utf-8"
    )
    with pytest.raises(G60Error, match="already in data/ and this ingest would change"):
        ingest(edited, seed_copy)
    assert snapshot(seed_copy) == before


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("wrong-offset", 32, "is not in source 'fixture-park' at 24:39"),
        ("dangling", 28, "dangling reference: no entity with id 'dongjing-town'"),
        ("bad-yaml", 30, "YAML syntax error"),
        ("duplicate", 19, "new entity 'songjiang-qu' (松江區) duplicates 'songjiang' (松江区"),
        ("ambiguous", 19, "is ambiguous: it may be dongjing (洞泾镇), ai-town (洞泾人工智能小镇)"),
    ],
)
def test_a_bad_file_is_refused_with_file_and_line_and_data_untouched(
    seed_copy: Path, name: str, line: int, message: str
) -> None:
    before = snapshot(seed_copy)
    with pytest.raises(G60Error) as caught:
        ingest(INGEST / f"{name}.yaml", seed_copy)
    assert f"{name}.yaml:{line}: " in str(caught.value)
    assert message in str(caught.value)
    assert snapshot(seed_copy) == before


def test_a_near_identical_spelling_is_a_duplicate_unless_the_curator_says_otherwise(
    seed_copy: Path, tmp_path: Path
) -> None:
    text = (INGEST / "good.yaml").read_text(encoding="utf-8")
    text = text.replace("file: article.txt", f"file: {INGEST / 'article.txt'}")
    text = text.replace(
        "type: IndustrialPark\n  zh: 洞泾智能制造创新园",
        "type: IndustrialBase\n  zh: 长三角G60科创走廊洞泾人工智能基地",
    )
    near = tmp_path / "near.yaml"
    near.write_text(text, encoding="utf-8")
    with pytest.raises(
        InputErrors,
        match=r"duplicates 'ai-base' \(长三角G60科创走廊洞泾人工智能产业基地, .*places.yaml:\d+\): a near-identical label",
    ):
        ingest(near, seed_copy)
    near.write_text(
        text.replace("link: {status: new}", "link: {status: new, distinct_from: [ai-base]}"),
        encoding="utf-8",
    )
    assert ingest(near, seed_copy).new_entities == ["dongjing-park"]


@pytest.mark.parametrize(
    ("article", "message"), [("empty.txt", "the file is empty"), ("binary.bin", "binary")]
)
def test_an_unreadable_article_is_refused(seed_copy: Path, article: str, message: str) -> None:
    before = snapshot(seed_copy)
    with pytest.raises(G60Error, match=message):
        ingest(INGEST / "good.yaml", seed_copy, FIXTURES / "extract" / article)
    assert snapshot(seed_copy) == before


def test_a_source_id_of_another_document_is_refused(seed_copy: Path, tmp_path: Path) -> None:
    text = (
        (INGEST / "good.yaml")
        .read_text(encoding="utf-8")
        .replace("fixture-park", "dongjing-ai-town")
    )
    clash = tmp_path / "clash.yaml"
    clash.write_text(
        text.replace("file: article.txt", f"file: {INGEST / 'article.txt'}"), encoding="utf-8"
    )
    with pytest.raises(
        G60Error, match="source id 'dongjing-ai-town' is already used by another document"
    ):
        ingest(clash, seed_copy)


@pytest.mark.parametrize(
    ("article", "encoding", "language"),
    [
        ("dongjing-signing.gb18030.txt", "gb18030", "zh-Hans"),
        ("dongjing-event-hant.big5.txt", "big5", "zh-Hant"),
        ("dongjing-briefing-noisy.txt", "utf-8-sig", "zh-Hans"),
    ],
)
def test_a_source_keeps_its_original_bytes_and_records_its_encoding(
    seed_copy: Path, tmp_path: Path, article: str, encoding: str, language: str
) -> None:
    candidates = extracted(
        seed_copy, article, tmp_path / "new-source.yaml", title="标题", published="2020-11-18"
    )
    ingest(candidates, seed_copy)
    raw = (ARTICLES / article).read_bytes()
    assert (seed_copy / "sources" / "new-source.txt").read_bytes() == raw
    meta = read_yaml(seed_copy / "sources" / "new-source.yaml")
    assert (meta["encoding"], meta["language"]) == (encoding, language)
    assert read_data(seed_copy).sources["new-source"].text == raw.decode(encoding)


def test_the_reader_decodes_a_source_with_its_recorded_encoding(seed_copy: Path) -> None:
    text = "松江區洞涇鎮人工智慧小鎮"
    (seed_copy / "sources" / "big5-note.txt").write_bytes(text.encode("big5"))
    meta = "id: big5-note\ntitle: 洞泾\nencoding: big5\n"
    (seed_copy / "sources" / "big5-note.yaml").write_text(meta, encoding="utf-8")
    assert read_data(seed_copy).sources["big5-note"].text == text
    (seed_copy / "sources" / "big5-note.yaml").write_text(
        meta.replace("big5\n", "utf-8\n"), encoding="utf-8"
    )
    with pytest.raises(InputErrors, match=r"big5-note\.txt is not utf-8 text"):
        read_data(seed_copy)
    (seed_copy / "sources" / "big5-note.yaml").write_text(
        meta.replace("big5\n", "latin-1\n"), encoding="utf-8"
    )
    with pytest.raises(InputErrors, match="unknown source encoding 'latin-1'"):
        read_data(seed_copy)


def _written(result: Candidates, article: Path, out: Path) -> Path:
    """The candidates file of `article` as extract writes it, with the article's checksum."""
    result.meta["file"] = str(article)
    result.meta["sha256"] = hashlib.sha256(article.read_bytes()).hexdigest()
    out.write_text(result.to_yaml(), encoding="utf-8")
    return out


def _raw_candidates(data: Path, article: str, out: Path) -> Path:
    """Candidates as extract writes them (ambiguous links left as they are)."""
    raw = (ARTICLES / article).read_bytes()
    gazetteer = gazetteer_from_entity_files(sorted((data / "entities").glob("*.yaml")))
    result = extract(raw, source_id=out.stem, gazetteer=gazetteer)
    return _written(result, ARTICLES / article, out)


def test_accept_suggestions_links_each_ambiguous_entity_and_says_so(
    seed_copy: Path, tmp_path: Path
) -> None:
    candidates = _raw_candidates(seed_copy, "mayor-speech.txt", tmp_path / "mayor-x.yaml")
    assert "status: ambiguous" in candidates.read_text(encoding="utf-8")
    with pytest.raises(InputErrors, match="ambiguous"):
        ingest(candidates, seed_copy)
    report = ingest(candidates, seed_copy, accept_suggestions=True)
    assert any("ambiguous 'liqian' (李谦) → linked to li-qian" in d for d in report.decisions)
    assert "li-qian" in report.linked_entities
    assert report.summary().startswith("decided: ")


def test_extracted_candidates_ingest_without_edits_even_with_bare_titles(
    seed_copy: Path, tmp_path: Path
) -> None:
    article = tmp_path / "bare.txt"
    article.write_text(
        "星海中心开工\n6月6日，市长张三出席开工仪式，星海人工智能算力中心在嘉兴市南湖区开工。\n",
        encoding="utf-8",
    )
    gazetteer = gazetteer_from_entity_files(sorted((seed_copy / "entities").glob("*.yaml")))
    result = extract(article.read_bytes(), source_id="bare-x", gazetteer=gazetteer)
    assert [r["fact"] for r in result.review if "fact" in r] == ["PostHolding"]
    assert any(r.get("type") == "Groundbreaking" for r in result.review)  # no year: no date
    out = _written(result, article, tmp_path / "bare-x.yaml")
    report = ingest(out, seed_copy, accept_suggestions=True)
    assert report.statements == len(result.statements) > 0


def test_two_names_that_romanise_alike_are_two_entities_and_ingest_says_so(
    seed_copy: Path, tmp_path: Path
) -> None:
    article = tmp_path / "alike.txt"
    article.write_text(
        "两家企业落户芜湖\n易泰科技有限公司与宜泰科技有限公司分别落户芜湖市鸠江区。\n",
        encoding="utf-8",
    )
    result = extract(article.read_bytes(), source_id="alike-x", nlp="")
    english = {
        e["zh"]: e["en"]
        for e in result.entities
        if e["zh"] in ("易泰科技有限公司", "宜泰科技有限公司")
    }
    assert len(english) == 2 and len(set(english.values())) == 1  # one pinyin placeholder
    out = _written(result, article, tmp_path / "alike-x.yaml")
    report = ingest(out, seed_copy, accept_suggestions=True)
    assert any("shares only its English label" in d for d in report.decisions)
    data = read_data(seed_copy)  # builds: the two are distinct, not a duplicate
    assert {e.zh for e in data.entities.values()} >= set(english)

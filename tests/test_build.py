"""The build: real data conforms, output is reproducible and atomic, bad input loses nothing."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from g60kg.cli import main
from g60kg.errors import InputErrors
from g60kg.rdf.build import NQUADS_NAME, TRIG_NAME, ValidationFailed, build, default_data_dir
from g60kg.rdf.freshness import MANIFEST_NAME, read_manifest
from rdflib import Dataset

STATEMENTS = "statements/dongjing-ai-town.yaml"


def edit(data: Path, rel: str, old: str, new: str) -> None:
    path = data / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture edit: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_build_writes_reproducible_trig_and_nquads(tmp_path: Path) -> None:
    first = build(out_dir=tmp_path / "a")
    second = build(out_dir=tmp_path / "b")
    for name in (NQUADS_NAME, TRIG_NAME):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    reread = Dataset()
    reread.parse(tmp_path / "a" / TRIG_NAME, format="trig")
    assert sum(1 for _ in reread.quads()) == sum(1 for _ in first.dataset.quads())
    names = (MANIFEST_NAME, NQUADS_NAME, TRIG_NAME)
    assert first.files == sorted(tmp_path / "a" / n for n in names)
    assert read_manifest(tmp_path / "a")["quads"] == str(sum(1 for _ in first.dataset.quads()))
    assert second.timings["validate"] > 0


def test_one_named_graph_per_source_document(tmp_path: Path) -> None:
    ds = build(out_dir=tmp_path).dataset
    names = {str(g.identifier) for g in ds.graphs()}
    assert "https://w3id.org/g60kg/graph/source/dongjing-ai-town" in names
    assert "https://w3id.org/g60kg/graph/reference/admin-divisions" in names
    assert "https://w3id.org/g60kg/graph/reference/hzrb-2018-06-02" in names


def test_cli_build_prints_counts(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert re.search(r"built \d+ quads", result.output)


def test_cli_stats_shows_classes_and_sources(seed_dir: Path) -> None:
    result = CliRunner().invoke(main, ["stats", "--data", str(seed_dir)])
    assert result.exit_code == 0, result.output
    assert re.search(r"Company\s+5", result.output)
    assert re.search(r"dongjing-ai-town\s+\d+", result.output)


def test_cli_validate_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = default_data_dir()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["validate", "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert "valid:" in result.output
    assert list(tmp_path.iterdir()) == []


def bad_build(data: Path, out: Path) -> str:
    """Run the CLI build on broken data; return stderr after checking nothing was touched."""
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    result = CliRunner().invoke(main, ["build", "--data", str(data), "--out", str(out)])
    assert result.exit_code == 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    return result.stderr


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    build(out_dir=folder)
    return folder


def test_wrong_offset_fails_and_names_the_right_one(data_copy: Path, out: Path) -> None:
    edit(data_copy, STATEMENTS, "start: 636, end: 647", "start: 637, end: 648")
    err = bad_build(data_copy, out)
    assert "statements/dongjing-ai-town.yaml:14" in err
    assert "is not in source 'dongjing-ai-town' at 637:648" in err
    assert "start: 636, end: 647" in err


def test_changed_quote_shows_nearest_match(data_copy: Path, out: Path) -> None:
    edit(data_copy, STATEMENTS, '"在松江区洞泾镇集体亮相"', '"在松江区洞泾镇集体出现"')
    err = bad_build(data_copy, out)
    assert "nearest text is '在松江区洞泾镇集体亮相'" in err


def test_missing_id(data_copy: Path, out: Path) -> None:
    edit(data_copy, STATEMENTS, "  - id: dongjing-within-songjiang\n", "  - subject_note: x\n")
    err = bad_build(data_copy, out)
    assert "missing 'id'" in err and "dongjing-ai-town.yaml:" in err


def test_duplicate_id(data_copy: Path, out: Path) -> None:
    edit(
        data_copy,
        STATEMENTS,
        "id: dongjing-northeast-industrial-town",
        "id: dongjing-within-songjiang",
    )
    err = bad_build(data_copy, out)
    assert "duplicate statement id 'dongjing-within-songjiang'" in err
    assert "first defined at" in err


def test_duplicate_entity_iri(data_copy: Path, out: Path) -> None:
    edit(data_copy, "entities/organisations.yaml", "iri: E0021", "iri: E0020")
    assert "duplicate iri 'E0020'" in bad_build(data_copy, out)


def test_dangling_reference(data_copy: Path, out: Path) -> None:
    edit(data_copy, STATEMENTS, "    object: songjiang\n", "    object: songjang\n")
    err = bad_build(data_copy, out)
    assert "dangling reference: no entity with id 'songjang'" in err


def test_unknown_class(data_copy: Path, out: Path) -> None:
    edit(data_copy, "entities/organisations.yaml", "type: Company", "type: Compnay")
    assert "unknown class 'Compnay'" in bad_build(data_copy, out)


def test_unknown_property(data_copy: Path, out: Path) -> None:
    edit(data_copy, STATEMENTS, "predicate: directlyWithin", "predicate: locatedWithin")
    err = bad_build(data_copy, out)
    assert "unknown property 'locatedWithin'" in err


def test_malformed_date(data_copy: Path, out: Path) -> None:
    edit(data_copy, STATEMENTS, "value: 2020-11-18", "value: 2020-11-31x")
    assert "malformed date '2020-11-31x'" in bad_build(data_copy, out)


def test_malformed_amount(data_copy: Path, out: Path) -> None:
    edit(
        data_copy,
        STATEMENTS,
        "amount: {min: 10000000000, qualifier: more-than",
        "amount: {value: 10000000000, qualifier: more-than",
    )
    err = bad_build(data_copy, out)
    assert "qualifier 'more-than' needs exactly `min:`" in err


def test_amount_text_must_be_quoted(data_copy: Path, out: Path) -> None:
    edit(data_copy, STATEMENTS, "text: 超百亿", "text: 超千亿")
    assert "amount text '超千亿' does not occur" in bad_build(data_copy, out)


def test_label_missing_a_language(data_copy: Path, out: Path) -> None:
    edit(data_copy, "entities/organisations.yaml", "    en: Li Qian\n", "")
    err = bad_build(data_copy, out)
    assert "label missing a language: no 'en' label" in err
    assert "organisations.yaml:" in err


def test_yaml_syntax_error_names_the_line(data_copy: Path, out: Path) -> None:
    edit(
        data_copy,
        STATEMENTS,
        "    predicate: characterisation\n",
        "    predicate: [characterisation\n",
    )
    err = bad_build(data_copy, out)
    assert "YAML syntax error" in err and "dongjing-ai-town.yaml:" in err


def test_changed_source_text_is_refused(data_copy: Path, out: Path) -> None:
    path = data_copy / "sources/dongjing-ai-town.txt"
    path.write_bytes(path.read_bytes().replace("李谦".encode(), "李倩".encode()))
    err = bad_build(data_copy, out)
    assert "sources are kept byte for byte" in err


def test_statement_without_evidence(data_copy: Path, out: Path) -> None:
    edit(
        data_copy,
        STATEMENTS,
        '    evidence: {quote: "在松江区洞泾镇集体亮相", start: 636, end: 647}\n',
        "",
    )
    assert "statement 'dongjing-within-songjiang' has no evidence" in bad_build(data_copy, out)


def test_event_later_than_report_fails_validation(data_copy: Path) -> None:
    edit(
        data_copy,
        STATEMENTS,
        "    value: 2020-11-18\n    date_resolution: year-from-text\n",
        "    value: 2022-11-18\n    date_resolution: year-from-text\n",
    )
    with pytest.raises(ValidationFailed, match="event-after-report"):
        build(data_copy, data_copy.parent / "out2")
    assert not (data_copy.parent / "out2").exists()


def test_errors_are_collected_not_first_only(data_copy: Path) -> None:
    edit(data_copy, "entities/organisations.yaml", "type: Company", "type: Compnay")
    edit(data_copy, STATEMENTS, "predicate: directlyWithin", "predicate: locatedWithin")
    with pytest.raises(InputErrors) as info:
        build(data_copy, data_copy.parent / "out3")
    assert len(info.value.problems) >= 2


def test_trig_and_nquads_hold_the_same_quads(tmp_path: Path) -> None:
    build(out_dir=tmp_path)
    trig, nquads = Dataset(), Dataset()
    trig.parse(tmp_path / TRIG_NAME, format="trig")
    nquads.parse(tmp_path / NQUADS_NAME, format="nquads")
    lines = [sorted(ds.serialize(format="nquads").splitlines()) for ds in (trig, nquads)]
    assert lines[0] == lines[1]


def test_large_datasets_validate_inside_oxigraph(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.modules["g60kg.rdf.build"], "PYSHACL_LIMIT", 0)
    edit(
        data_copy,
        STATEMENTS,
        "    value: 2020-11-18\n    date_resolution: year-from-text\n",
        "    value: 2022-11-18\n    date_resolution: year-from-text\n",
    )
    with pytest.raises(ValidationFailed, match="event-after-report"):
        build(data_copy, data_copy.parent / "out4")

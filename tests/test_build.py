"""The build: real data conforms, output is reproducible and atomic, bad input loses nothing."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from g60kg.cli import main
from g60kg.errors import InputErrors
from g60kg.rdf.build import NQUADS_NAME, TRIG_NAME, BuildResult, ValidationFailed, build
from g60kg.rdf.freshness import MANIFEST_NAME, read_manifest
from pyoxigraph import RdfFormat
from rdflib import Dataset

STATEMENTS = "statements/dongjing-ai-town.yaml"


def edit(data: Path, rel: str, old: str, new: str) -> None:
    path = data / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture edit: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    """One more build of the whole data/ in a folder of its own, beside the session's."""
    folder = tmp_path_factory.mktemp("fresh")
    return folder, build(out_dir=folder)


def test_build_writes_reproducible_trig_and_nquads(
    fresh: tuple[Path, BuildResult], full_build: Path
) -> None:
    folder, first = fresh
    for name in (NQUADS_NAME, TRIG_NAME):
        assert (folder / name).read_bytes() == (full_build / name).read_bytes()
    reread = Dataset()
    reread.parse(folder / TRIG_NAME, format="trig")
    assert sum(1 for _ in reread.quads()) == sum(1 for _ in first.dataset.quads())
    names = (MANIFEST_NAME, NQUADS_NAME, TRIG_NAME)
    assert first.files == sorted(folder / n for n in names)
    assert read_manifest(folder)["quads"] == str(sum(1 for _ in first.dataset.quads()))
    assert first.timings["validate"] > 0


def test_one_named_graph_per_source_document(fresh: tuple[Path, BuildResult]) -> None:
    names = {str(g.identifier) for g in fresh[1].dataset.graphs()}
    assert "https://w3id.org/g60kg/graph/source/dongjing-ai-town" in names
    assert "https://w3id.org/g60kg/graph/reference/admin-divisions" in names
    assert "https://w3id.org/g60kg/graph/reference/hzrb-2018-06-02" in names


def test_cli_build_prints_counts(seed_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "--data", str(seed_dir), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert re.search(r"built \d+ quads", result.output)


def test_cli_stats_shows_classes_and_sources(seed_dir: Path) -> None:
    result = CliRunner().invoke(main, ["stats", "--data", str(seed_dir)])
    assert result.exit_code == 0, result.output
    assert re.search(r"Company\s+5", result.output)
    assert re.search(r"dongjing-ai-town\s+\d+", result.output)


def test_cli_validate_writes_nothing(
    seed_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["validate", "--data", str(seed_dir)])
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


@pytest.fixture(scope="module")
def seed_build(seed_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seed-build")
    build(seed_dir, folder)
    return folder


@pytest.fixture
def out(seed_build: Path, tmp_path: Path) -> Path:
    """A previous build that a failed build must leave as it was."""
    folder = tmp_path / "out"
    shutil.copytree(seed_build, folder)
    return folder


def test_wrong_offset_fails_and_names_the_right_one(seed_copy: Path, out: Path) -> None:
    edit(seed_copy, STATEMENTS, "start: 636, end: 647", "start: 637, end: 648")
    err = bad_build(seed_copy, out)
    assert "statements/dongjing-ai-town.yaml:14" in err
    assert "is not in source 'dongjing-ai-town' at 637:648" in err
    assert "start: 636, end: 647" in err


def test_changed_quote_shows_nearest_match(seed_copy: Path, out: Path) -> None:
    edit(seed_copy, STATEMENTS, '"在松江区洞泾镇集体亮相"', '"在松江区洞泾镇集体出现"')
    err = bad_build(seed_copy, out)
    assert "nearest text is '在松江区洞泾镇集体亮相'" in err


def test_missing_id(seed_copy: Path, out: Path) -> None:
    edit(seed_copy, STATEMENTS, "  - id: dongjing-within-songjiang\n", "  - subject_note: x\n")
    err = bad_build(seed_copy, out)
    assert "missing 'id'" in err and "dongjing-ai-town.yaml:" in err


def test_duplicate_id(seed_copy: Path, out: Path) -> None:
    edit(
        seed_copy,
        STATEMENTS,
        "id: dongjing-northeast-industrial-town",
        "id: dongjing-within-songjiang",
    )
    err = bad_build(seed_copy, out)
    assert "duplicate statement id 'dongjing-within-songjiang'" in err
    assert "first defined at" in err


def test_duplicate_entity_iri(seed_copy: Path, out: Path) -> None:
    edit(seed_copy, "entities/organisations.yaml", "iri: E0021", "iri: E0020")
    assert "duplicate iri 'E0020'" in bad_build(seed_copy, out)


def test_dangling_reference(seed_copy: Path, out: Path) -> None:
    edit(seed_copy, STATEMENTS, "    object: songjiang\n", "    object: songjang\n")
    err = bad_build(seed_copy, out)
    assert "dangling reference: no entity with id 'songjang'" in err


def test_unknown_class(seed_copy: Path, out: Path) -> None:
    edit(seed_copy, "entities/organisations.yaml", "type: Company", "type: Compnay")
    assert "unknown class 'Compnay'" in bad_build(seed_copy, out)


def test_unknown_property(seed_copy: Path, out: Path) -> None:
    edit(seed_copy, STATEMENTS, "predicate: directlyWithin", "predicate: locatedWithin")
    err = bad_build(seed_copy, out)
    assert "unknown property 'locatedWithin'" in err


def test_malformed_date(seed_copy: Path, out: Path) -> None:
    edit(seed_copy, STATEMENTS, "value: 2020-11-18", "value: 2020-11-31x")
    assert "malformed date '2020-11-31x'" in bad_build(seed_copy, out)


def test_malformed_amount(seed_copy: Path, out: Path) -> None:
    edit(
        seed_copy,
        STATEMENTS,
        "amount: {min: 10000000000, qualifier: more-than",
        "amount: {value: 10000000000, qualifier: more-than",
    )
    err = bad_build(seed_copy, out)
    assert "qualifier 'more-than' needs exactly `min:`" in err


def test_amount_text_must_be_quoted(seed_copy: Path, out: Path) -> None:
    edit(seed_copy, STATEMENTS, "text: 超百亿", "text: 超千亿")
    assert "amount text '超千亿' does not occur" in bad_build(seed_copy, out)


def test_label_missing_a_language(seed_copy: Path, out: Path) -> None:
    edit(seed_copy, "entities/organisations.yaml", "    en: Li Qian\n", "")
    err = bad_build(seed_copy, out)
    assert "label missing a language: no 'en' label" in err
    assert "organisations.yaml:" in err


def test_yaml_syntax_error_names_the_line(seed_copy: Path, out: Path) -> None:
    edit(
        seed_copy,
        STATEMENTS,
        "    predicate: characterisation\n",
        "    predicate: [characterisation\n",
    )
    err = bad_build(seed_copy, out)
    assert "YAML syntax error" in err and "dongjing-ai-town.yaml:" in err


def test_changed_source_text_is_refused(seed_copy: Path, out: Path) -> None:
    path = seed_copy / "sources/dongjing-ai-town.txt"
    path.write_bytes(path.read_bytes().replace("李谦".encode(), "李倩".encode()))
    err = bad_build(seed_copy, out)
    assert "sources are kept byte for byte" in err


def test_statement_without_evidence(seed_copy: Path, out: Path) -> None:
    edit(
        seed_copy,
        STATEMENTS,
        '    evidence: {quote: "在松江区洞泾镇集体亮相", start: 636, end: 647}\n',
        "",
    )
    assert "statement 'dongjing-within-songjiang' has no evidence" in bad_build(seed_copy, out)


def test_event_later_than_report_fails_validation(seed_copy: Path) -> None:
    edit(
        seed_copy,
        STATEMENTS,
        "    value: 2020-11-18\n    date_resolution: year-from-text\n",
        "    value: 2022-11-18\n    date_resolution: year-from-text\n",
    )
    with pytest.raises(ValidationFailed, match="event-after-report"):
        build(seed_copy, seed_copy.parent / "out2")
    assert not (seed_copy.parent / "out2").exists()


def test_errors_are_collected_not_first_only(seed_copy: Path) -> None:
    edit(seed_copy, "entities/organisations.yaml", "type: Company", "type: Compnay")
    edit(seed_copy, STATEMENTS, "predicate: directlyWithin", "predicate: locatedWithin")
    with pytest.raises(InputErrors) as info:
        build(seed_copy, seed_copy.parent / "out3")
    assert len(info.value.problems) >= 2


def test_trig_and_nquads_hold_the_same_quads(full_build: Path) -> None:
    """Read with Oxigraph (the TriG is read with rdflib in the reproducibility test)."""
    trig, nquads = (
        sorted(str(quad) for quad in pyoxigraph.parse(path=full_build / name, format=fmt))
        for name, fmt in ((TRIG_NAME, RdfFormat.TRIG), (NQUADS_NAME, RdfFormat.N_QUADS))
    )
    assert len(trig) > 10_000
    assert trig == nquads


def test_large_datasets_validate_inside_oxigraph(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.modules["g60kg.rdf.build"], "PYSHACL_LIMIT", 0)
    edit(
        seed_copy,
        STATEMENTS,
        "    value: 2020-11-18\n    date_resolution: year-from-text\n",
        "    value: 2022-11-18\n    date_resolution: year-from-text\n",
    )
    with pytest.raises(ValidationFailed, match="event-after-report"):
        build(seed_copy, seed_copy.parent / "out4")

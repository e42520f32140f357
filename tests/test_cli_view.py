"""`g60kg viz` and `g60kg export` as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from g60kg.cli import main
from g60kg.kg import KnowledgeGraph
from g60kg.project import DATA_ENV


@pytest.fixture(autouse=True)
def _on_the_seed_graph(seed_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands run on the seed graph's project (built once per session)."""
    monkeypatch.setenv(DATA_ENV, str(seed_dir))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_viz_writes_a_focused_page(tmp_path: Path) -> None:
    code, out, _ = run(
        "viz", "--out", str(tmp_path / "d.html"), "--focus", "洞泾镇", "--lang", "en"
    )
    assert code == 0 and "wrote" in out
    assert "Dongjing Town" in (tmp_path / "d.html").read_text(encoding="utf-8")


def test_viz_unknown_focus_lists_closest_labels(tmp_path: Path) -> None:
    code, _, err = run("viz", "--out", str(tmp_path / "x.html"), "--focus", "洞井镇")
    assert code == 1 and "洞泾镇" in err
    assert not (tmp_path / "x.html").exists()


def test_viz_unknown_type_lists_valid_types(tmp_path: Path) -> None:
    code, _, err = run("viz", "--out", str(tmp_path / "x.html"), "--types", "Compny")
    assert code == 1 and "Company" in err


def test_viz_creates_a_missing_folder_and_refuses_a_file_in_the_way(tmp_path: Path) -> None:
    code, out, _ = run("viz", "--out", str(tmp_path / "new" / "x.html"))
    assert code == 0 and f"wrote {tmp_path / 'new' / 'x.html'}" in out
    (tmp_path / "file").write_text("", encoding="utf-8")
    code, _, err = run("viz", "--out", str(tmp_path / "file" / "x.html"))
    assert code == 1 and "is a file, not a folder" in err


def test_export_csv_and_turtle(tmp_path: Path) -> None:
    code, _, _ = run("export", "--format", "csv", "--out", str(tmp_path / "csv"))
    assert code == 0
    assert {p.name for p in (tmp_path / "csv").iterdir()} == {"nodes.csv", "edges.csv"}
    code, _, _ = run("export", "--format", "turtle", "--out", str(tmp_path / "g.ttl"))
    assert code == 0 and "洞泾镇" in (tmp_path / "g.ttl").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["g60kg.trig", "g60kg.nq", "g60kg.json"])
def test_export_refuses_to_overwrite_the_build(
    kg: KnowledgeGraph, seed_dir: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    build = seed_dir.parent / "build"
    before = {p.name: p.read_bytes() for p in build.iterdir() if p.is_file()}
    monkeypatch.chdir(seed_dir.parent)
    source = ("--source", str(seed_dir))
    code, out, err = run("export", "--format", "trig", "--out", f"build/{name}", *source)
    assert code == 1 and out == ""
    assert f"build/{name} is a file of the build in {build}" in err
    assert "export to another file, e.g. --out build/export." in err
    assert {p.name: p.read_bytes() for p in build.iterdir() if p.is_file()} == before


def test_export_refuses_the_dataset_it_reads(kg: KnowledgeGraph, tmp_path: Path) -> None:
    dataset = tmp_path / "copy.nq"
    dataset.write_bytes(b"")
    code, _, err = run(
        "export", "--format", "nquads", "--out", str(dataset), "--source", str(dataset)
    )
    assert code == 1 and "is the dataset being read" in err and dataset.read_bytes() == b""

"""Where commands read and write: the project around the working directory, `--data` or
`G60KG_DATA`, never the installed package's folder; a build is reused while it is fresh."""

from __future__ import annotations

import shutil
from pathlib import Path

import g60kg
import pytest
from click.testing import CliRunner
from g60kg.cli import main
from g60kg.project import DATA_ENV, ProjectNotFound, find_project, require_project
from g60kg.rdf.freshness import MANIFEST_NAME, NQUADS_NAME

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def project(seed_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A second copy of the project (the seed graph's data, ontology, pyproject) with no
    build yet."""
    monkeypatch.delenv(DATA_ENV, raising=False)
    root = tmp_path / "copy"
    shutil.copytree(seed_dir, root / "data")
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


def test_the_project_is_found_from_a_subfolder(project: Path) -> None:
    inner = project / "data" / "sources"
    found = find_project(start=inner)
    assert found is not None and found.data_dir == project / "data"
    assert found.build_dir == project / "build"
    assert found.ontology_dir == project / "ontology"


def test_data_option_and_environment_name_the_project(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert require_project(project / "data").root == project
    monkeypatch.setenv(DATA_ENV, str(project / "data"))
    assert require_project().root == project


def test_no_project_is_an_error_that_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(DATA_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ProjectNotFound, match="--data DIR"):
        require_project()
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert f"set {DATA_ENV}" in result.output and "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_build_in_another_copy_writes_into_that_copy(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def stamps() -> dict[str, int]:
        folder = ROOT / "build"
        return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} if folder.is_dir() else {}

    before = stamps()
    monkeypatch.chdir(project / "data")
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert f"building from {project / 'data'}" in result.output
    assert (project / "build" / NQUADS_NAME).is_file()
    assert f"wrote {project / 'build' / NQUADS_NAME}" in result.output
    assert stamps() == before  # the checkout g60kg runs from is left alone


def test_load_reuses_a_fresh_build_and_rebuilds_a_stale_one(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project)
    first = g60kg.load()
    assert "no build yet" in capsys.readouterr().err
    assert (project / "build" / MANIFEST_NAME).is_file()

    again = g60kg.load()
    assert capsys.readouterr().err == ""
    assert again.quad_count() == first.quad_count()

    (project / "data" / "entities" / "places.yaml").touch()  # same contents: still fresh
    g60kg.load()
    assert capsys.readouterr().err == ""

    places = project / "data" / "entities" / "places.yaml"
    places.write_text(places.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    g60kg.load()
    assert "changed" in capsys.readouterr().err

"""New entities get their IRI from a command, never typed by hand."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from g60kg.cli import main

DATA = Path(__file__).resolve().parents[1] / "data"

NEW = """entities:
  # two sites a curator has just written
  - id: test-park
    type: IndustrialPark
    zh: 测试产业园
    en: Test Industrial Park
    cites: [admin-divisions]
  - id: test-county
    type: District
    zh: 测试县
    en: Test County
    division_code: "349901"
    cites: [admin-divisions]
"""


def test_missing_iri_is_refused_with_the_command_that_fixes_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("eval"))
    (data / "entities" / "hefei").mkdir(exist_ok=True)
    path = data / "entities" / "hefei" / "test-sites.yaml"
    path.write_text(NEW, encoding="utf-8")
    runner = CliRunner()
    refused = runner.invoke(main, ["validate", "--data", str(data)])
    assert refused.exit_code == 1
    assert "entity 'test-park' has no 'iri'" in refused.output
    assert "g60kg mint-iris" in refused.output

    minted = runner.invoke(main, ["mint-iris", "--data", str(data)])
    assert minted.exit_code == 0, minted.output
    assert "test-park -> E5" in minted.output and "test-county -> adm-349901" in minted.output
    text = path.read_text(encoding="utf-8")
    assert "# two sites a curator has just written" in text  # comments stay
    assert "    iri: adm-349901\n" in text

    again = runner.invoke(main, ["mint-iris", "--data", str(data)])
    assert "minted 0 IRIs" in again.output and path.read_text(encoding="utf-8") == text
    assert runner.invoke(main, ["validate", "--data", str(data)]).exit_code == 0


def test_a_division_code_already_in_the_graph_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("eval"))
    path = data / "entities" / "hefei" / "test-sites.yaml"
    path.write_text(NEW.replace("349901", "341881"), encoding="utf-8")
    result = CliRunner().invoke(main, ["mint-iris", "--data", str(data)])
    assert result.exit_code == 1
    assert "division code 341881 is already the iri of an entity at" in result.output
    assert "xuancheng" in result.output
    assert "iri:" not in path.read_text(encoding="utf-8")  # nothing half-minted


def test_a_retired_iri_is_never_minted_again(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("eval"))
    path = data / "entities" / "hefei" / "test-sites.yaml"
    path.write_text(NEW, encoding="utf-8")
    retired = data / "retired-iris.yaml"
    before = retired.read_text(encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(main, ["mint-iris", "--data", str(data)])
    serial = first.output.split("test-park -> ")[1].split()[0]
    # the serial the park got is withdrawn; a curator writes the park again without an iri
    retired.write_text(
        before + f"  - {{iri: {serial}, id: test-park, retired: 2026-12-08, reason: a test}}\n",
        encoding="utf-8",
    )
    path.write_text(NEW, encoding="utf-8")
    again = runner.invoke(main, ["mint-iris", "--data", str(data)])
    assert again.exit_code == 0, again.output
    assert "test-park -> E5" in again.output and f"test-park -> {serial}" not in again.output


def test_an_entity_carrying_a_retired_iri_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("eval"))
    path = data / "entities" / "hefei" / "test-sites.yaml"
    path.write_text(NEW.replace("  - id: test-park\n", "  - id: test-park\n    iri: E5199\n"))
    result = CliRunner().invoke(main, ["validate", "--data", str(data)])
    assert result.exit_code == 1
    assert "iri 'E5199' is retired (" in result.output and "retired-iris.yaml:" in result.output
    assert "g60kg mint-iris" in result.output

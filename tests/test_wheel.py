"""The built wheel, installed in a fresh virtual environment in an empty folder, answers from
the dataset and ontology it ships (no checkout, no `data/` at hand)."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{' '.join(args)}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """(bin folder of a fresh venv with the wheel installed, an empty folder, environment)."""
    dist = tmp_path_factory.mktemp("dist")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "G60KG_DATA")}
    _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(dist), str(ROOT)],
        ROOT, env,
    )  # fmt: skip
    wheel = next(dist.glob("g60kg-*.whl"))
    target = tmp_path_factory.mktemp("venv")
    venv.create(target, with_pip=True)
    bin_dir = target / "bin"
    _run([str(bin_dir / "pip"), "install", "-q", str(wheel)], target, env)
    empty = tmp_path_factory.mktemp("empty")
    return bin_dir, empty, env


def test_find_answers_from_the_shipped_graph(installed: tuple[Path, Path, dict[str, str]]) -> None:
    bin_dir, empty, env = installed
    out = _run([str(bin_dir / "g60kg"), "find", "洞泾", "--one"], empty, env)
    assert out.split("\t")[:3] == [
        "https://w3id.org/g60kg/id/adm-310117106",
        "洞泾镇",
        "Dongjing Town",
    ]
    assert list(empty.iterdir()) == []  # nothing written where the user stands


def test_load_gives_the_shipped_graph(installed: tuple[Path, Path, dict[str, str]]) -> None:
    bin_dir, empty, env = installed
    code = "import g60kg; print(len(g60kg.load().rdf))"
    count = int(_run([str(bin_dir / "python"), "-c", code], empty, env))
    assert count > 1000
    where = "import g60kg; print(g60kg.__file__)"
    assert str(ROOT) not in _run([str(bin_dir / "python"), "-c", where], empty, env)


def test_named_queries_ship_with_the_package(installed: tuple[Path, Path, dict[str, str]]) -> None:
    bin_dir, empty, env = installed
    out = _run([str(bin_dir / "g60kg"), "query", "--name", "corridor-cities"], empty, env)
    assert "rows)" in out and "芜湖市" in out and "合肥市" in out

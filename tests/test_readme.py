"""The README as a new user follows it: one line activates the environment, then every example
is `g60kg …` with a command the CLI has; the notebooks open with one command."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

from g60kg.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _shell_lines() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", README, flags=re.DOTALL)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_one_line_activates_the_environment_and_examples_use_g60kg() -> None:
    lines = _shell_lines()
    assert ". .venv/bin/activate" in lines
    assert ".venv/bin/g60kg" not in README and ".venv/bin/pytest" not in README
    commands = [line.split()[1] for line in lines if line.startswith("g60kg ")]
    assert len(commands) >= 10
    assert sorted(set(commands) - set(main.commands)) == []  # type: ignore[attr-defined]


def test_every_command_of_the_table_exists() -> None:
    table = re.findall(r"^\| `g60kg ([a-z-]+)", README, flags=re.MULTILINE)
    assert len(table) >= 12
    assert sorted(set(table) - set(main.commands)) == []  # type: ignore[attr-defined]


def test_the_notebooks_open_with_one_command() -> None:
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    assert any(requirement.startswith("jupyterlab") for requirement in extras["notebook"])
    planned = subprocess.run(
        ["make", "-n", "-W", "pyproject.toml", "notebooks"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "pip install --quiet -e '.[notebook]'" in planned
    assert "jupyter lab --ServerApp.ip=127.0.0.1 --notebook-dir=notebooks" in planned
    assert "`make notebooks`" in README and "jupyter lab notebooks/" in README

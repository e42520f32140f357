"""The same graph gives the same bytes in every view format, whatever order its quads come in.

Two processes render the fixture, one from its quads as written and one from them reversed
(a store may hand quads back in any order; the views must not show it).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATASET = ROOT / "tests" / "fixtures" / "corridor.nq"
OUTPUTS = {
    "view.html": ["viz", "--format", "html"],
    "view.svg": ["viz", "--format", "svg"],
    "view.png": ["viz", "--format", "png"],
    "focus.html": [
        "viz",
        "--format",
        "html",
        "--focus",
        "https://w3id.org/g60kg/id/adm-310117",
        "--depth",
        "1",
    ],
    "net.graphml": ["export", "--format", "graphml"],
    "net.gexf": ["export", "--format", "gexf"],
}


def _render(folder: Path, dataset: Path) -> dict[str, bytes]:
    folder.mkdir()
    calls = [
        [*args, "--out", str(folder / name), "--source", str(dataset)]
        for name, args in OUTPUTS.items()
    ]
    code = (
        "import sys; from g60kg.cli import main\n"
        f"for args in {calls!r}:\n"
        "    main(args, standalone_mode=False)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "graph")}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()
    return {name: (folder / name).read_bytes() for name in OUTPUTS}


def test_two_runs_write_identical_bytes(tmp_path: Path) -> None:
    reversed_quads = tmp_path / "reversed.nq"
    lines = DATASET.read_text(encoding="utf-8").splitlines(keepends=True)
    reversed_quads.write_text("".join(reversed(lines)), encoding="utf-8")
    first = _render(tmp_path / "one", DATASET)
    second = _render(tmp_path / "two", reversed_quads)
    assert all(first.values())
    assert [name for name in OUTPUTS if first[name] != second[name]] == []

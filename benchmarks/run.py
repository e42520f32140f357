"""Run the corridor-scale benchmarks and write the dated results table.

    python benchmarks/run.py --sizes 1e4,1e5,1e6

For each size it generates the dataset (once; kept in benchmarks/out/), then runs every cell
(kind x backend) `--runs` times, each in a fresh process (benchmarks/cell.py), keeps the raw
measurements in benchmarks/out/raw/ and writes benchmarks/results/<date>-scale.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from generate import generate, parse_size
from report import CELLS, render, size_name

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SLOW_RUN_S = 300.0  # a run slower than this is not repeated


def cell_runs(
    kind: str, backend: str, nquads: Path, runs: int, timeout: float, package: Path
) -> list[Any]:
    """Run one cell `runs` times in fresh processes; stop early if unavailable or slow."""
    found: list[Any] = []
    env_path = str(package)
    for _ in range(runs):
        started = time.perf_counter()
        try:
            done = subprocess.run(
                [sys.executable, str(HERE / "cell.py"), kind, backend, str(nquads)],
                capture_output=True, text=True, timeout=timeout,
                env={**os.environ, "PYTHONPATH": env_path},
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            found.append({"error": f"timed out after {timeout:.0f} s"})
            break
        lines = done.stdout.strip().splitlines()
        if done.returncode != 0 or not lines:
            found.append({"error": (done.stderr.strip().splitlines() or ["no output"])[-1]})
            break
        result = json.loads(lines[-1])
        found.append(result)
        if "unavailable" in result or time.perf_counter() - started > SLOW_RUN_S:
            break
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1e4,1e5,1e6", help="comma-separated quad counts")
    parser.add_argument("--runs", type=int, default=3, help="runs per cell (medians are shown)")
    parser.add_argument("--only", default="", help="comma-separated cell names to run")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per run")
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--results", type=Path, default=HERE / "results")
    parser.add_argument("--render-only", action="store_true", help="tabulate existing raw data")
    parser.add_argument(
        "--commit", help="measure the package as of this git commit (e.g. before a change)"
    )
    parser.add_argument("--suffix", default="", help="appended to the raw cell names, e.g. before")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="g60kg-bench-") as tmp:
        package = ROOT / "graph"
        if args.commit:
            archive = subprocess.run(
                ["git", "-C", str(ROOT), "archive", args.commit, "graph"],
                capture_output=True, check=True,
            )  # fmt: skip
            subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
            package = Path(tmp) / "graph"
        _run(args, package)


def _run(args: argparse.Namespace, package: Path) -> None:
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    only = {s for s in args.only.split(",") if s}
    raw_dir = args.out / "raw"
    raw_dir.mkdir(parents=True, exist_ok=True)
    for size in [] if args.render_only else sizes:
        nquads = args.out / f"corridor-{size_name(size)}.nq"
        if not nquads.is_file() or not nquads.with_suffix(".json").is_file():
            print(f"generating {nquads.name} …", flush=True)
            generate(size, nquads)
        for name, (kind, backend) in CELLS.items():
            if only and name not in only:
                continue
            print(
                f"{nquads.name}: {name}{args.suffix and '-' + args.suffix} …", end=" ", flush=True
            )
            runs = cell_runs(kind, backend, nquads, args.runs, args.timeout, package)
            suffix = f"-{args.suffix}" if args.suffix else ""
            (raw_dir / f"{nquads.stem}-{name}{suffix}.json").write_text(
                json.dumps(runs, ensure_ascii=False, indent=1), encoding="utf-8"
            )
            print(_summary(runs), flush=True)
    text = render(raw_dir, sizes)
    print(text)
    args.results.mkdir(parents=True, exist_ok=True)
    target = args.results / f"{datetime.date.today().isoformat()}-scale.md"
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")


def _summary(runs: list[Any]) -> str:
    last = runs[-1] if runs else {}
    for key in ("unavailable", "error"):
        if key in last:
            return f"{key}: {last[key]}"
    return f"{len(runs)} run(s)"


if __name__ == "__main__":
    main()

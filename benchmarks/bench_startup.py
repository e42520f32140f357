"""Time to a first answer: `import g60kg`, `g60kg --help`, `g60kg find 洞泾` and
`g60kg query --name corridor-cities`, each in a fresh process, for this checkout and a baseline
checkout side by side.

Each command runs `--runs` times, the two checkouts interleaved so that load on the machine
hits both alike; the table gives medians (and the fastest run) in seconds of wall clock, and the
median CPU time (user + system) of the process, which other work on a shared machine disturbs
far less. Both run with this
environment's interpreter and the checkout's `graph/` first on `PYTHONPATH`, in the checkout's
folder (so each finds its own `data/`). One warm-up run per command comes first: answers are
measured on an up-to-date build, as a user meets them after the first command.

    python benchmarks/bench_startup.py --baseline ../g60kg-main --runs 9 \\
        --out benchmarks/results/startup.md
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

COMMANDS: dict[str, list[str]] = {
    "import g60kg": ["-c", "import g60kg"],
    "g60kg --help": ["-m", "g60kg", "--help"],
    "g60kg find 洞泾": ["-m", "g60kg", "find", "洞泾"],
    "g60kg query --name corridor-cities": ["-m", "g60kg", "query", "--name", "corridor-cities"],
}


Run = tuple[float, float]  # wall-clock seconds, CPU seconds


def run_once(checkout: Path, args: list[str]) -> Run:
    """Wall-clock and CPU seconds of one fresh process running `args` in `checkout`."""
    env = dict(os.environ, PYTHONPATH=str(checkout / "graph"))
    env.pop("G60KG_DATA", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *args], cwd=checkout, env=env, capture_output=True, check=False
    )
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        raise SystemExit(f"{checkout}: {' '.join(args)} failed:\n{done.stderr.decode()}")
    return seconds, cpu


def measure(checkouts: dict[str, Path], runs: int) -> dict[str, dict[str, list[Run]]]:
    """command → checkout label → (wall, CPU) seconds of each run."""
    times: dict[str, dict[str, list[Run]]] = {}
    for name, args in COMMANDS.items():
        times[name] = {label: [] for label in checkouts}
        for checkout in checkouts.values():
            run_once(checkout, args)  # warm-up: builds when stale, fills the OS file cache
        for _ in range(runs):
            for label, checkout in checkouts.items():
                times[name][label].append(run_once(checkout, args))
    return times


def table(times: dict[str, dict[str, list[Run]]], labels: list[str], runs: int) -> str:
    """A Markdown table: wall median (fastest) and CPU median per checkout; baseline / this."""
    head = " | ".join(f"{label} wall median (min) | {label} CPU" for label in labels)
    lines = [
        f"| command | {head} | speed-up (wall) |",
        "|---|" + "---|" * (2 * len(labels) + 1),
    ]
    for name, by_label in times.items():
        cells = []
        for found in by_label.values():
            wall, cpu = [w for w, _ in found], [c for _, c in found]
            cells.append(f"{statistics.median(wall):.3f} ({min(wall):.3f}) | ")
            cells[-1] += f"{statistics.median(cpu):.3f}"
        medians = [statistics.median(w for w, _ in found) for found in by_label.values()]
        ratio = medians[0] / medians[-1] if medians[-1] else float("nan")
        lines.append(f"| `{name}` | " + " | ".join(cells) + f" | {ratio:.1f}x |")
    lines.append("")
    lines.append(f"Seconds, {runs} runs per command and checkout, interleaved.")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, required=True, help="A checkout to compare.")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", type=Path, default=None, help="Also write the table here.")
    options = parser.parse_args()
    checkouts = {"baseline": options.baseline.resolve(), "this": ROOT}
    text = table(measure(checkouts, options.runs), list(checkouts), options.runs)
    print(text)
    if options.out is not None:
        options.out.parent.mkdir(parents=True, exist_ok=True)
        options.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

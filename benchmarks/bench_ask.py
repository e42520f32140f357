"""How fast `ask` answers: `kg.ask` on a loaded graph (every dev question, median and p90 in
milliseconds), and `g60kg ask` as a fresh process on an up-to-date build (median seconds).

    python benchmarks/bench_ask.py --runs 7 --out benchmarks/results/ask.md
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COLD = [
    "洞泾镇位于哪个区？",
    "合肥有哪些人工智能产业基地",
    "What are the members of the G60 corridor?",
]


def in_process(repeats: int) -> list[float]:
    """Milliseconds per question, every dev question `repeats` times after one warm-up pass."""
    import g60kg
    from g60kg.records.yamlio import read_yaml

    kg = g60kg.load()
    questions = [q["q"] for q in read_yaml(ROOT / "data/eval/qa/dev.yaml")["questions"]]
    for question in questions:
        kg.ask(question)
    times = []
    for _ in range(repeats):
        for question in questions:
            started = time.perf_counter()
            kg.ask(question)
            times.append((time.perf_counter() - started) * 1000)
    return times


def cold(runs: int) -> dict[str, float]:
    """Median wall seconds of `python -m g60kg ask Q` in a fresh process, per question."""
    subprocess.run([sys.executable, "-m", "g60kg", "ask", COLD[0]], cwd=ROOT, capture_output=True)
    out = {}
    for question in COLD:
        seconds = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "g60kg", "ask", question], cwd=ROOT, capture_output=True
            )
            seconds.append(time.perf_counter() - started)
        out[question] = statistics.median(seconds)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    times = sorted(in_process(args.runs))
    p90 = times[int(len(times) * 0.9)]
    lines = [
        f"kg.ask on a loaded graph: median {statistics.median(times):.1f} ms, p90 {p90:.1f} ms "
        f"({len(times)} answers)",
        "",
        "| cold `g60kg ask` | median seconds |",
        "|---|---|",
    ]
    lines += [f"| {q} | {s:.2f} |" for q, s in cold(args.runs).items()]
    text = "\n".join(lines)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""Time to a first answer on a large build: parsing `g60kg.nq` again versus reopening the
read-only Oxigraph store `g60kg.load()` keeps beside a large build.

A build folder (`g60kg.nq` with its manifest `g60kg.json`) is made from a generated dataset;
then, each in a fresh process, (a) the N-Quads are parsed into an in-memory store and (b)
`g60kg.load(folder)` answers the same query, which on the first call writes the kept store
and afterwards reopens it. Medians of `--runs` runs, wall clock and CPU seconds.

    python benchmarks/generate.py 1e6 --out benchmarks/out/corridor-1e6.nq
    python benchmarks/bench_kept_store.py benchmarks/out/corridor-1e6.nq --runs 5 \\
        --out benchmarks/results/kept-store.md
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/g60kg/ontology#Company> }"
PARSE = f"""
import pyoxigraph as ox, sys
store = ox.Store()
store.load(path=sys.argv[1], format=ox.RdfFormat.N_QUADS)
print(list(store.query({QUERY!r}, use_default_graph_as_union=True))[0][0].value)
"""
KEPT = f"""
import g60kg, sys
kg = g60kg.load(sys.argv[1])
print(list(kg.store.query({QUERY!r}, use_default_graph_as_union=True))[0][0].value)
"""


def timed(code: str, arg: Path) -> tuple[float, float, str]:
    """Wall and CPU seconds of a fresh interpreter running `code` on `arg`, and its output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, str(arg)], capture_output=True, text=True, check=True
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("nquads", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=None)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "build"
        folder.mkdir()
        shutil.copyfile(options.nquads, folder / "g60kg.nq")
        (folder / "g60kg.json").write_text(json.dumps({"note": "benchmark"}), encoding="utf-8")
        first = timed(KEPT, folder)
        rows = {"parse g60kg.nq": [timed(PARSE, folder / "g60kg.nq")]}
        rows["load(), kept store"] = [timed(KEPT, folder)]
        for _ in range(options.runs - 1):
            rows["parse g60kg.nq"].append(timed(PARSE, folder / "g60kg.nq"))
            rows["load(), kept store"].append(timed(KEPT, folder))
    size = options.nquads.stat().st_size / 1e6
    lines = [
        f"Dataset: {options.nquads.name} ({size:.0f} MB). First `load()` (writes the kept "
        f"store): {first[0]:.1f} s wall.",
        "",
        "| first answer | wall median (min) | CPU median | answer |",
        "|---|---|---|---|",
    ]
    for name, found in rows.items():
        wall = [w for w, _, _ in found]
        cpu = statistics.median(c for _, c, _ in found)
        lines.append(
            f"| {name} | {statistics.median(wall):.2f} ({min(wall):.2f}) | {cpu:.2f} "
            f"| {found[0][2]} |"
        )
    lines += ["", f"Seconds, {options.runs} fresh processes each, on {os.cpu_count()} CPUs."]
    text = "\n".join(lines)
    print(text)
    if options.out is not None:
        options.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

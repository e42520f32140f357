"""Benchmark: time extraction of about 10,000 characters of corridor news (not a test).

The text is the evaluation articles joined until it reaches 10,000 characters. The first run
loads jieba's dictionary (and the LAC model) and is reported apart; the target (< 2 s) is for
the median of the warm runs. Rules only, rules with the default analysers, and both with the
graph's names (the registry `g60kg extract` reads) are timed apart.

Run: PYTHONPATH=graph python benchmarks/bench_extract.py [runs]
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from g60kg.extract import GazetteerRecord, extract, gazetteer_from_entity_files
from g60kg.extract.decode import decode_article
from g60kg.extract.nlp import DEFAULT, available

ROOT = Path(__file__).resolve().parents[1]
TARGET_CHARS = 10_000
TARGET_SECONDS = 2.0


def corpus() -> bytes:
    """About 10,000 characters of article text, UTF-8."""
    texts = [
        decode_article(path.read_bytes()).text
        for path in sorted((ROOT / "data" / "eval" / "articles").glob("*.txt"))
    ]
    joined = ""
    while len(joined) < TARGET_CHARS:
        joined += "\n\n".join(texts) + "\n\n"
    return joined[:TARGET_CHARS].encode("utf-8")


def measure(
    data: bytes, runs: int, nlp: str, gazetteer: Sequence[GazetteerRecord] = ()
) -> tuple[float, list[float]]:
    """The first run's time and the warm runs' times with the analysers ``nlp``."""
    started = time.perf_counter()
    extract(data, source_id="bench", nlp=nlp, gazetteer=gazetteer)
    cold = time.perf_counter() - started
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        extract(data, source_id="bench", nlp=nlp, gazetteer=gazetteer)
        timings.append(time.perf_counter() - started)
    return cold, timings


def main(runs: int = 7) -> int:
    data = corpus()
    print(f"characters: {len(data.decode('utf-8'))}")
    baseline = None
    # the graph's names, as `g60kg extract` uses them (the registry of data/entities)
    names = gazetteer_from_entity_files(sorted((ROOT / "data" / "entities").rglob("*.yaml")))
    for nlp, gazetteer in (("", ()), (DEFAULT, ()), (DEFAULT, names)):
        if nlp and not available(nlp):
            print(f"analysers {nlp!r}: not installed, skipped")
            continue
        cold, timings = measure(data, runs, nlp, gazetteer)
        median = statistics.median(timings)
        baseline = baseline or median
        name = f"rules + {nlp}" if nlp else "rules only"
        name += f" + the graph's names ({len(gazetteer)} entities)" if gazetteer else ""
        print(f"== {name}")
        print(f"first run (loads dictionaries and models): {cold:.3f} s")
        spread = f"min {min(timings):.3f}, max {max(timings):.3f}"
        print(f"median of {runs} warm runs: {median:.3f} s ({spread}); {median / baseline:.2f}x")
        print(f"target < {TARGET_SECONDS} s: {'met' if median < TARGET_SECONDS else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 7))

"""Benchmark: time extraction of about 10,000 characters of corridor news (not a test).

The text is the evaluation articles joined until it reaches 10,000 characters. The first run
loads jieba's dictionary and is reported apart; the target (< 2 s) is for the median of the
warm runs.

Run: PYTHONPATH=graph python benchmarks/bench_extract.py [runs]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from g60kg.extract import extract
from g60kg.extract.decode import decode_article

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


def main(runs: int = 7) -> int:
    data = corpus()
    started = time.perf_counter()
    extract(data, source_id="bench")
    cold = time.perf_counter() - started
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        extract(data, source_id="bench")
        timings.append(time.perf_counter() - started)
    median = statistics.median(timings)
    print(f"characters: {len(data.decode('utf-8'))}")
    print(f"first run (loads the jieba dictionary): {cold:.3f} s")
    spread = f"min {min(timings):.3f}, max {max(timings):.3f}"
    print(f"median of {runs} warm runs: {median:.3f} s ({spread})")
    print(f"target < {TARGET_SECONDS} s: {'met' if median < TARGET_SECONDS else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 7))

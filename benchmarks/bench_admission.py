"""Benchmark: cheap queries while clients loop pathological ones on `g60kg serve` (not a test).

Starts the endpoint on 127.0.0.1 over the test fixture (two general workers, the reserved
one), then for ``seconds`` runs four clients, each looping one pathological request (a
five-way cross product, a query doubling a string 27 times, a 1 MB body of ``{``, a sorted
two-way cross product), and one client looping a cheap ``ASK``. Reports the cheap query's
latency (median, p99, max) and status counts for every client, and the peak memory of any
worker. Bounded: the run lasts ``seconds`` (default 30) plus at most one timeout.

Run: PYTHONPATH=graph python benchmarks/bench_admission.py [seconds] [--before]
(``--before`` gives every query the same lane, as before admission: no reserved worker.)
"""

from __future__ import annotations

import json
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
DATASET = ROOT / "tests" / "fixtures" / "corridor.nq"
DOUBLING = "".join(f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1}) " for i in range(27))
PATHOLOGICAL = {
    "cross-product": "SELECT (COUNT(*) AS ?n) WHERE "
    "{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }",
    "doubling": f"SELECT (STRLEN(?x27) AS ?n) WHERE {{ BIND('ab' AS ?x0) {DOUBLING} }}",
    "1MB-of-braces": "{" * 999_000,
    "sorted-cross": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i",
}
CHEAP = "ASK { ?s ?p ?o }"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(port: int, before: bool) -> subprocess.Popen[bytes]:
    reserved = "0" if before else "1"
    code = (
        "import g60kg.serve.workers as w; from g60kg.serve import serve; "
        f"w.WorkerPool.__init__.__kwdefaults__['reserved'] = {reserved}; "
        f"serve({str(DATASET)!r}, port={port}, workers=2, timeout_s=10.0)"
    )
    process = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)
    url = f"http://127.0.0.1:{port}/sparql"
    for _ in range(600):
        try:
            httpx.get(url, params={"query": CHEAP}, timeout=2)
            return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the endpoint did not start")


def worker_peak_mb(parent: int) -> float:
    """The largest resident set among the server's children, in MB (from /proc)."""
    listing = subprocess.run(["ps", "-o", "rss=", "--ppid", str(parent)], capture_output=True)
    sizes = [int(value) for value in listing.stdout.split()]
    return max(sizes, default=0) / 1024


def main(seconds: float = 30.0, before: bool = False) -> int:
    port = free_port()
    url = f"http://127.0.0.1:{port}/sparql"
    process = start(port, before)
    stop = time.monotonic() + seconds
    statuses: dict[str, Counter[int]] = {name: Counter() for name in [*PATHOLOGICAL, "cheap"]}
    latencies: list[float] = []
    peak = [0.0]

    def loop(name: str, text: str) -> None:
        with httpx.Client(timeout=60) as client:
            while time.monotonic() < stop:
                started = time.perf_counter()
                answer = client.post(
                    url, content=text.encode(), headers={"Content-Type": "application/sparql-query"}
                )
                statuses[name][answer.status_code] += 1
                if name == "cheap":
                    latencies.append(time.perf_counter() - started)

    def sample() -> None:
        while time.monotonic() < stop:
            peak[0] = max(peak[0], worker_peak_mb(process.pid))
            time.sleep(0.2)

    threads = [threading.Thread(target=loop, args=item) for item in PATHOLOGICAL.items()]
    threads.append(threading.Thread(target=loop, args=("cheap", CHEAP)))
    threads.append(threading.Thread(target=sample))
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        process.terminate()
        process.wait(30)
    ordered = sorted(latencies)
    report = {
        "mode": "before (no reserved worker)" if before else "admission (reserved worker)",
        "seconds": seconds,
        "cheap_queries": len(ordered),
        "cheap_p50_ms": round(statistics.median(ordered) * 1000, 1),
        "cheap_p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 1),
        "cheap_max_ms": round(ordered[-1] * 1000, 1),
        "statuses": {name: dict(counts) for name, counts in statuses.items()},
        "worker_peak_rss_mb": round(peak[0], 1),
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    sys.exit(main(float(arguments[0]) if arguments else 30.0, "--before" in sys.argv))

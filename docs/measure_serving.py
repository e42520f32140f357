"""Measure the two ways to serve SPARQL that docs/serving.md compares.

Run: PYTHONPATH=graph python docs/measure_serving.py [QUADS]
Starts `oxigraph serve-read-only` (PyPI `oxigraph`) and `g60kg.serve` on a generated
corridor-shaped dataset and prints time to ready, memory, latencies, throughput, slow-query
isolation, timeout enforcement and whether SERVICE reaches the network.
"""

from __future__ import annotations

import http.server
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

LOOKUP = (
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
    "SELECT ?l WHERE { <https://w3id.org/g60kg/id/E#####> skos:prefLabel ?l }"
)
GROUPED = (
    "PREFIX g60: <https://w3id.org/g60kg/ontology#> SELECT ?town (SUM(?a) AS ?total) "
    "WHERE { ?c g60:locatedIn ?town . ?i g60:investor ?c ; g60:amount ?a } GROUP BY ?town"
)


def lookup(n: int) -> str:
    return LOOKUP.replace("#####", f"{n:05d}")


SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def generate(path: Path, quads: int) -> None:
    g60, ident = "https://w3id.org/g60kg/ontology#", "https://w3id.org/g60kg/id/"
    label = "http://www.w3.org/2004/02/skos/core#prefLabel"
    with path.open("w", encoding="utf-8") as out:
        written, n = 0, 0
        while written < quads:
            graph = f"<https://w3id.org/g60kg/graph/source/s{n % 500}>"
            company, town = f"<{ident}E{n:05d}>", f"<{ident}town{n % 300}>"
            out.write(f'{company} <{label}> "企业{n}号科技有限公司"@zh {graph} .\n')
            out.write(f'{company} <{label}> "Company {n}"@en {graph} .\n')
            out.write(f"{company} <{g60}locatedIn> {town} {graph} .\n")
            inv = f"<{ident}inv{n}>"
            out.write(f"{inv} <{g60}investor> {company} {graph} .\n")
            amount = f'"{n * 1000}"^^<http://www.w3.org/2001/XMLSchema#integer>'
            out.write(f"{inv} <{g60}amount> {amount} {graph} .\n")
            written, n = written + 5, n + 1


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_up(url: str, started: float) -> float:
    while True:
        try:
            httpx.get(url, params={"query": "ASK {}"}, timeout=1)
            return time.perf_counter() - started
        except httpx.TransportError:
            time.sleep(0.05)


def rss_mb(pid: int) -> float:
    out = subprocess.run(
        ["ps", "-o", "rss=", "--ppid", str(pid), "-p", str(pid)],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    return sum(int(x) for x in out.split()) / 1024


CLIENT = httpx.Client(limits=httpx.Limits(max_connections=16))


def ask(url: str, query: str, timeout: float = 60) -> tuple[float, int]:
    """Seconds to answer and HTTP status (0: no answer within ``timeout``)."""
    started = time.perf_counter()
    try:
        response = CLIENT.post(
            url,
            data={"query": query},
            timeout=timeout,
            headers={"Accept": "application/sparql-results+json"},
        )
    except httpx.TimeoutException:
        return time.perf_counter() - started, 0
    return time.perf_counter() - started, response.status_code


def measure(name: str, url: str, pid: int, started: float) -> None:
    ready = wait_up(url, started)
    lookups = sorted(ask(url, lookup(n))[0] for n in range(300))
    grouped = sorted(ask(url, GROUPED)[0] for _ in range(7))
    with ThreadPoolExecutor(8) as pool:
        t0 = time.perf_counter()
        done = sum(1 for _ in pool.map(lambda n: ask(url, lookup(n)), range(2000)))
        throughput = done / (time.perf_counter() - t0)
        slow = pool.submit(ask, url, SLOW, 20)
        time.sleep(0.3)
        during = statistics.median(ask(url, lookup(n))[0] for n in range(20))
        slow_time, slow_status = slow.result()
    print(
        f"| {name} | {ready:.2f} s | {rss_mb(pid):.0f} MB | {lookups[150] * 1000:.1f} ms "
        f"| {lookups[285] * 1000:.1f} ms | {grouped[3] * 1000:.0f} ms | {throughput:.0f}/s "
        f"| {during * 1000:.1f} ms | {slow_status or 'no answer'} after {slow_time:.1f} s |"
    )


def service_fetches(url: str) -> bool:
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(500)
            self.end_headers()

        do_POST = do_GET

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    ask(url, f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}")
    server.shutdown()
    return bool(hits)


def main() -> None:
    quads = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    work = Path(tempfile.mkdtemp())
    data = work / "corridor.nq"
    generate(data, quads)
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    print(f"{quads} quads, {os.cpu_count()} CPUs, timeout 3 s")
    print(
        "| server | ready | RSS | lookup p50 | lookup p95 | grouped p50 | 8 clients "
        "| lookup during slow | slow query |"
    )
    print("|---|---|---|---|---|---|---|---|---|")

    port = free_port()
    started = time.perf_counter()
    subprocess.run(
        [oxigraph, "load", "--location", str(work / "ox"), "--file", str(data)],
        check=True,
        capture_output=True,
    )
    proc = subprocess.Popen(
        [
            oxigraph,
            "serve-read-only",
            "--location",
            str(work / "ox"),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
            "--timeout-s",
            "3",
        ],
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        measure("oxigraph serve-read-only", url, proc.pid, started)
        oxigraph_fetches = service_fetches(url)
    finally:
        proc.terminate()
        proc.wait()

    port = free_port()
    started = time.perf_counter()
    code = (
        f"from g60kg.serve import serve; serve({str(data)!r}, port={port}, timeout_s=3, workers=2)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        measure("g60kg.serve (ASGI + 2 workers)", url, proc.pid, started)
        ours_fetches = service_fetches(url)
    finally:
        proc.terminate()
        proc.wait()
    print(f"SERVICE reaches the network: oxigraph {oxigraph_fetches}, g60kg.serve {ours_fetches}")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()

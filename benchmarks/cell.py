"""One measurement in a fresh process: `run.py` calls this once per cell and run.

    python benchmarks/cell.py KIND BACKEND NQUADS

prints one JSON object on its last line. Running each cell in its own process makes the peak
resident memory (`ru_maxrss`) that of this cell alone.
"""

from __future__ import annotations

import importlib
import json
import resource
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from engines import (
    RssSampler,
    Server,
    g60kg_serve,
    g60kg_serve_available,
    oxigraph_server,
    sparql_json,
    sparql_select,
    virtuoso,
    virtuoso_available,
)
from g60kg.rdf.store import Backend, dataset_from_nquads
from queries import library

__all__ = ["EMBEDDED", "SERVERS", "VIZ", "main"]

ROOT = Path(__file__).resolve().parents[1]
EMBEDDED: dict[str, Backend] = {"rdflib-memory": "memory", "oxigraph-embedded": "oxigraph"}
ServerStarter = Callable[[Path, RssSampler], AbstractContextManager[Server]]
# name → (how to start it, why it is unavailable or None); add a server with one line here.
SERVERS: dict[str, tuple[ServerStarter, Callable[[], str | None]]] = {
    "oxigraph-server": (oxigraph_server, lambda: None),
    "g60kg-serve": (
        g60kg_serve,
        lambda: None if g60kg_serve_available() else "`g60kg serve` not merged yet",
    ),
    "virtuoso": (virtuoso, virtuoso_available),
}
# The HTML view (branch viz): module and function called as fn(networkx graph, output path).
VIZ = ("g60kg.viz", "write_html")
REPEATS, MIN_REPEATS, QUERY_BUDGET_S = 5, 3, 30.0
CHECKS_BUDGET_S = 300.0  # the rdflib SPARQL checks grow faster than linearly; stop them here


def _out_of_budget(signum: int, frame: object) -> None:
    raise TimeoutError


def peak_rss_mb() -> float:
    """The peak resident memory of this process so far, in MB (1e6 bytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6


def _meta(nquads: Path) -> dict[str, Any]:
    return dict(json.loads(nquads.with_suffix(".json").read_text(encoding="utf-8")))


def time_queries(run: Callable[[str], int], queries: dict[str, str]) -> dict[str, Any]:
    """Each query once to warm up, then timed up to REPEATS times (fewer if slow)."""
    found: dict[str, Any] = {}
    for name, text in queries.items():
        try:
            rows = run(text)
            times: list[float] = []
            cpu_times: list[float] = []
            while len(times) < REPEATS and (
                len(times) < MIN_REPEATS or sum(times) < QUERY_BUDGET_S
            ):
                started, cpu = time.perf_counter(), time.process_time()
                run(text)
                times.append(time.perf_counter() - started)
                cpu_times.append(time.process_time() - cpu)
            found[name] = {"times": times, "cpu_times": cpu_times, "rows": rows}
        except Exception as exc:  # a failing query is a result to report, not a crash
            found[name] = {"error": f"{type(exc).__name__}: {str(exc)[:300]}"}
    return found


def embedded_cell(backend: str, nquads: Path) -> dict[str, Any]:
    started, cpu = time.perf_counter(), time.process_time()
    ds = dataset_from_nquads(nquads, EMBEDDED[backend])
    load, load_cpu = time.perf_counter() - started, time.process_time() - cpu
    quads = sum(1 for _ in ds.quads((None, None, None, None)))
    load_rss = peak_rss_mb()

    def run(text: str) -> int:
        return len(list(ds.query(text)))

    queries = time_queries(run, library(ROOT, _meta(nquads)["sample_label_zh"]))
    return {"load_s": load, "load_cpu_s": load_cpu, "quads": quads, "load_rss_mb": load_rss,
            "peak_rss_mb": peak_rss_mb(), "queries": queries}  # fmt: skip


def server_cell(backend: str, nquads: Path) -> dict[str, Any]:
    start, unavailable = SERVERS[backend]
    why = unavailable()
    if why:
        return {"unavailable": why}
    with RssSampler() as sampler, start(nquads, sampler) as server:
        load_rss = sampler.peak / 1e6
        endpoint = server.endpoint
        count = (
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
            'FILTER (STRSTARTS(STR(?g), "https://w3id.org/g60kg/")) }'
        )
        quads = int(sparql_json(endpoint, count)["results"]["bindings"][0]["n"]["value"])
        queries = time_queries(
            lambda text: sparql_select(endpoint, text),
            library(ROOT, _meta(nquads)["sample_label_zh"]),
        )
        return {"load_s": server.load_seconds, "quads": quads, "load_rss_mb": load_rss,
                "peak_rss_mb": sampler.peak / 1e6, "queries": queries,
                "notes": server.notes}  # fmt: skip


def networkx_cell(nquads: Path) -> dict[str, Any]:
    from g60kg.views.nxview import to_networkx

    ds = dataset_from_nquads(nquads, "oxigraph")
    before = peak_rss_mb()
    started, cpu = time.perf_counter(), time.process_time()
    G = to_networkx(ds)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    return {"nx_s": seconds, "nx_cpu_s": cpu_seconds, "nodes": G.number_of_nodes(),
            "edges": G.number_of_edges(), "load_rss_mb": before,
            "peak_rss_mb": peak_rss_mb()}  # fmt: skip


def viz_cell(nquads: Path) -> dict[str, Any]:
    module_name, function = VIZ
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return {"unavailable": f"{module_name} not merged yet"}
    if not hasattr(module, function):
        return {"unavailable": f"{module_name}.{function} not found"}
    from g60kg.views.nxview import to_networkx

    G = to_networkx(dataset_from_nquads(nquads, "oxigraph"))
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        getattr(module, function)(G, Path(tmp) / "graph.html")
        return {"viz_s": time.perf_counter() - started, "peak_rss_mb": peak_rss_mb()}


def validate_cell(backend: str, nquads: Path) -> dict[str, Any]:
    """pyshacl + SPARQL checks on rdflib as the build runs them, or the same checks as SPARQL
    on Oxigraph (`g60kg.rdf.validate.scalable_problems`, timed in its two parts)."""
    from g60kg.rdf import validate
    from g60kg.rdf.shapes import shape_problems

    if backend == "pyshacl":
        started = time.perf_counter()
        ds = dataset_from_nquads(nquads, "memory")
        load = time.perf_counter() - started
        started = time.perf_counter()
        union = validate.union_graph(ds)
        shacl = validate.shacl_problems(union)
        shacl_s = time.perf_counter() - started
        started = time.perf_counter()
        signal.signal(signal.SIGALRM, _out_of_budget)
        signal.alarm(int(CHECKS_BUDGET_S))
        try:
            sparql = validate.sparql_problems(union)
        except TimeoutError:
            return {"load_s": load, "shacl_s": shacl_s, "sparql_over_s": CHECKS_BUDGET_S,
                    "peak_rss_mb": peak_rss_mb()}  # fmt: skip
        finally:
            signal.alarm(0)
        sparql_s = time.perf_counter() - started
        return {"load_s": load, "shacl_s": shacl_s, "sparql_s": sparql_s,
                "validate_s": shacl_s + sparql_s, "problems": len(shacl) + len(sparql),
                "peak_rss_mb": peak_rss_mb()}  # fmt: skip
    started = time.perf_counter()
    ds = dataset_from_nquads(nquads, "oxigraph")
    load = time.perf_counter() - started
    started = time.perf_counter()
    shapes = shape_problems(ds)
    shapes_s = time.perf_counter() - started
    started = time.perf_counter()
    checks = validate.sparql_problems(ds)
    checks_s = time.perf_counter() - started
    return {"load_s": load, "shacl_s": shapes_s, "sparql_s": checks_s,
            "validate_s": shapes_s + checks_s, "problems": len(shapes) + len(checks),
            "peak_rss_mb": peak_rss_mb()}  # fmt: skip


def measure(kind: str, backend: str, nquads: Path) -> dict[str, Any]:
    """The measurements of one cell: `kind` is load-query, networkx, viz or validate."""
    if kind == "load-query" and backend in EMBEDDED:
        return embedded_cell(backend, nquads)
    if kind == "load-query":
        return server_cell(backend, nquads)
    if kind == "networkx":
        return networkx_cell(nquads)
    if kind == "viz":
        return viz_cell(nquads)
    if kind == "validate":
        return validate_cell(backend, nquads)
    raise SystemExit(f"unknown cell kind {kind!r}")


def main(argv: list[str]) -> None:
    kind, backend, nquads = argv
    print(json.dumps(measure(kind, backend, Path(nquads)), ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])

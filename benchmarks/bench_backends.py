"""Benchmark the store backends on the same work: load, then query; print medians as Markdown.

Not a test. Run from the project root:

    PYTHONPATH=graph python benchmarks/bench_backends.py [--triples 1000000] [--repeat 3]

For each backend (store.BACKENDS) it loads the same N-Quads bytes (the real graph, then a
simple synthetic graph of about --triples triples from benchmarks/simple_graph.py) and runs
the same queries through KnowledgeGraph.query, checking both backends return the same number
of rows. It prints the median seconds per backend and the ratio oxigraph/memory (below 1
means Oxigraph is faster).
"""

from __future__ import annotations

import argparse
import gc
import platform
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

import pyoxigraph
import rdflib
from g60kg.kg import KnowledgeGraph
from g60kg.rdf.build import compile_checked, default_data_dir, serialize_nquads
from g60kg.rdf.store import BACKENDS, dataset_from_nquads
from g60kg.sparql.named import get_query
from rdflib import Literal, URIRef

sys.path.insert(0, str(Path(__file__).resolve().parent))
from simple_graph import ID, simple_nquads

Query = tuple[str, str, dict[str, object]]

REAL_QUERIES: list[Query] = [
    ("named: corridor-cities", get_query("corridor-cities").text, {}),
    (
        "named: investments-in-place (上海市)",
        get_query("investments-in-place").text,
        {"place": URIRef("https://w3id.org/g60kg/id/adm-310000")},
    ),
    ("named: timeline", get_query("timeline").text, {}),
    (
        "label lookup (bound literal)",
        "SELECT ?s ?l WHERE { ?s rdfs:label ?l }",
        {"l": Literal("洞泾镇", lang="zh")},
    ),
]
SYNTHETIC_QUERIES: list[Query] = [
    (
        "label lookup (bound literal)",
        "SELECT ?s ?l WHERE { ?s rdfs:label ?l }",
        {"l": Literal("镇3-4-5-6", lang="zh")},
    ),
    (
        "towns in a province (directlyWithin+)",
        "SELECT ?province (COUNT(DISTINCT ?town) AS ?n) WHERE {"
        " ?town g60:directlyWithin+ ?province . ?town a g60:Town } GROUP BY ?province",
        {"province": URIRef(ID + "adm-p1")},
    ),
    (
        "grouped SUM of amounts by status",
        "SELECT ?status (SUM(?v) AS ?total) (COUNT(?i) AS ?n) WHERE {"
        " ?i a g60:Investment ; g60:investmentStatus ?status ; g60:amount ?a ."
        " ?a schema:minValue ?v } GROUP BY ?status ORDER BY ?status",
        {},
    ),
    (
        "companies settled in one city's towns",
        "SELECT ?city (COUNT(?c) AS ?n) WHERE {"
        " ?c g60:settledIn ?town . ?town g60:directlyWithin/g60:directlyWithin ?city }"
        " GROUP BY ?city",
        {"city": URIRef(ID + "adm-p0c3")},
    ),
    (
        "same, patterns in the other order",
        "SELECT ?city (COUNT(?c) AS ?n) WHERE {"
        " ?town g60:directlyWithin/g60:directlyWithin ?city . ?c g60:settledIn ?town }"
        " GROUP BY ?city",
        {"city": URIRef(ID + "adm-p0c3")},
    ),
]


def median_time(action: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def bench_backend(
    backend: str, nquads: bytes, queries: list[Query], repeat: int
) -> tuple[list[float], list[int]]:
    """Median load time, then median time of each query; and each query's row count."""
    load_seconds, ds = median_time(lambda: dataset_from_nquads(nquads, backend), repeat)  # type: ignore[arg-type]
    kg = KnowledgeGraph(ds, backend)  # type: ignore[arg-type]
    seconds, counts = [load_seconds], []
    for _, text, bindings in queries:
        taken, result = median_time(
            lambda t=text, b=bindings: list(kg.query(t, b)),  # type: ignore[misc]
            max(repeat, 5),
        )
        seconds.append(taken)
        counts.append(len(result))  # type: ignore[arg-type]
    return seconds, counts


def bench(
    name: str, nquads: bytes, queries: list[Query], repeat: int
) -> list[tuple[str, dict[str, float]]]:
    labels = [f"{name}: load"] + [f"{name}: {label}" for label, _, _ in queries]
    rows: list[tuple[str, dict[str, float]]] = [(label, {}) for label in labels]
    answers: dict[str, list[int]] = {}
    for backend in BACKENDS:
        seconds, answers[backend] = bench_backend(backend, nquads, queries, repeat)
        for (_, cell), taken in zip(rows, seconds, strict=True):
            cell[backend] = taken
        gc.collect()
    if len({tuple(a) for a in answers.values()}) != 1:
        raise SystemExit(f"backends disagree on row counts: {answers}")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    real = serialize_nquads(compile_checked(default_data_dir()))
    synthetic = simple_nquads(args.triples)
    results = bench(f"real ({len(real.splitlines())} quads)", real, REAL_QUERIES, args.repeat)
    size = f"synthetic ({len(synthetic.splitlines())} quads)"
    results += bench(size, synthetic, SYNTHETIC_QUERIES, args.repeat)
    print(f"# Backend benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n")
    print(
        f"Python {platform.python_version()}, rdflib {rdflib.__version__}, pyoxigraph "
        f"{pyoxigraph.__version__}, oxrdflib {version('oxrdflib')}, "
        f"{platform.machine()}; medians of {args.repeat} loads and at least 5 query runs.\n"
    )
    print("| work | oxigraph (s) | memory (s) | oxigraph/memory |")
    print("|---|---:|---:|---:|")
    for label, seconds in results:
        ox, mem = seconds["oxigraph"], seconds["memory"]
        print(f"| {label} | {ox:.4f} | {mem:.4f} | {ox / mem:.3f} |")


if __name__ == "__main__":
    main()

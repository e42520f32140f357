"""Turn the raw measurements of benchmarks/out/raw/ into the markdown results table."""

from __future__ import annotations

import datetime
import json
import os
import platform
import statistics
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

from queries import AGGREGATE

__all__ = ["CELLS", "TARGETS", "render", "size_name"]

# cell name → (kind, backend) as cell.py takes them; a new backend or view is one line here.
CELLS: dict[str, tuple[str, str]] = {
    "rdflib-memory": ("load-query", "rdflib-memory"),
    "oxigraph-embedded": ("load-query", "oxigraph-embedded"),
    "oxigraph-server": ("load-query", "oxigraph-server"),
    "g60kg-serve": ("load-query", "g60kg-serve"),
    "virtuoso": ("load-query", "virtuoso"),
    "networkx": ("networkx", "oxigraph-embedded"),
    "viz": ("viz", "oxigraph-embedded"),
    "validate-pyshacl": ("validate", "pyshacl"),
    "validate-scalable": ("validate", "scalable"),
}
BACKENDS = [name for name, (kind, _) in CELLS.items() if kind == "load-query"]
EMBEDDED_CELLS = {"rdflib-memory", "oxigraph-embedded"}
BASELINE = "rdflib-memory"
DEFAULT = "oxigraph-embedded"
# Targets for the embedded default at 1e6 quads: (what, cell, key, limit, unit).
TARGETS = [
    ("load", DEFAULT, "load_s", 3.0, "s"),
    ("peak memory", DEFAULT, "peak_rss_mb", 600.0, "MB"),
    ("grouped aggregate p50", DEFAULT, "aggregate_p50", 0.25, "s"),
    ("networkx view", "networkx", "nx_s", 5.0, "s"),
]


def size_name(size: int) -> str:
    """`1e6` for 1000000.

    >>> size_name(1_000_000), size_name(250_000)
    ('1e6', '2.5e5')
    """
    mantissa, exponent = f"{size:.1e}".split("e")
    return f"{mantissa.removesuffix('.0')}e{int(exponent)}"


def _stem(size: int) -> str:
    return f"corridor-{size_name(size)}"


def _runs(raw: Path, size: int, cell: str) -> list[dict[str, Any]]:
    path = raw / f"{_stem(size)}-{cell}.json"
    return list(json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else []


def _problem(runs: list[dict[str, Any]]) -> str | None:
    if not runs:
        return "not run"
    last = runs[-1]
    if "unavailable" in last:
        return f"n/a ({last['unavailable']})"
    if "error" in last and len(runs) == 1:
        return f"error: {last['error']}"
    return None


def _median(runs: list[dict[str, Any]], key: str) -> float | None:
    values = [r[key] for r in runs if isinstance(r.get(key), int | float)]
    return statistics.median(values) if values else None


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile: the smallest value with at least q% of values at or below it.

    >>> percentile([1.0, 2.0, 3.0, 4.0], 50), percentile([1.0, 2.0, 3.0, 4.0], 95)
    (2.0, 4.0)
    """
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


def query_times(runs: list[dict[str, Any]], key: str = "times") -> dict[str, list[float] | str]:
    """Query name → every timed execution across runs (or the error it gave); `key` is
    `times` (wall clock) or `cpu_times` (CPU time of the process, embedded stores only)."""
    found: dict[str, list[float] | str] = {}
    for run in runs:
        for name, result in run.get("queries", {}).items():
            if "error" in result:
                found[name] = result["error"]
            else:
                times = found.setdefault(name, [])
                if isinstance(times, list):
                    times.extend(result.get(key, []))
    return found


def _fmt(value: float | None, unit: str = "s") -> str:
    if value is None:
        return "–"
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "MB":
        return f"{value:,.0f} MB"
    if unit == "x":
        return f"{value:.2g}×" if value < 10 else f"{value:,.0f}×"
    return f"{value:,.0f}"


def _metrics(runs: list[dict[str, Any]], cpu: bool = True) -> dict[str, float | None]:
    """Medians and percentiles of a load-query cell; `cpu` False for servers (the CPU time
    their cell records is the HTTP client's, not the server's)."""
    times = query_times(runs)
    pooled = [t for v in times.values() if isinstance(v, list) for t in v]
    aggregate = times.get(AGGREGATE)
    aggregate_cpu = query_times(runs, "cpu_times").get(AGGREGATE) if cpu else None
    quads = _median(runs, "quads")
    load = _median(runs, "load_s")
    return {
        "load_s": load,
        "quads": quads,
        "rate": quads / load if quads and load else None,
        "peak_rss_mb": _median(runs, "peak_rss_mb"),
        "aggregate_p50": percentile(aggregate, 50) if isinstance(aggregate, list) else None,
        "aggregate_cpu_p50": percentile(aggregate_cpu, 50)
        if isinstance(aggregate_cpu, list) and aggregate_cpu
        else None,
        "load_cpu_s": _median(runs, "load_cpu_s"),
        "library_p50": percentile(pooled, 50) if pooled else None,
        "library_p95": percentile(pooled, 95) if pooled else None,
    }


def _with_cpu(wall: float | None, cpu: float | None) -> str:
    return _fmt(wall) + (f" (CPU {_fmt(cpu)})" if cpu is not None else "")


def _ratio(base: float | None, value: float | None) -> float | None:
    return base / value if base and value else None


def _backend_table(raw: Path, sizes: list[int]) -> list[str]:
    lines = [
        "| size | backend | runs | load | triples/s | peak RSS | aggregate p50 | "
        "library p50 | library p95 | load speed-up | aggregate speed-up | memory ratio |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for size in sizes:
        base = _metrics(_runs(raw, size, BASELINE))
        for backend in BACKENDS:
            runs = _runs(raw, size, backend)
            problem = _problem(runs)
            if problem:
                lines.append(f"| {size_name(size)} | {backend} | – | {problem} |" + " |" * 8)
                continue
            m = _metrics(runs, cpu=backend in EMBEDDED_CELLS)
            memory = (
                m["peak_rss_mb"] / base["peak_rss_mb"]
                if m["peak_rss_mb"] and base["peak_rss_mb"]
                else None
            )
            lines.append(
                f"| {size_name(size)} | {backend} | {len(runs)} | "
                f"{_with_cpu(m['load_s'], m['load_cpu_s'])} | "
                f"{_fmt(m['rate'], 'n')} | {_fmt(m['peak_rss_mb'], 'MB')} | "
                f"{_with_cpu(m['aggregate_p50'], m['aggregate_cpu_p50'])} | "
                f"{_fmt(m['library_p50'])} | "
                f"{_fmt(m['library_p95'])} | {_fmt(_ratio(base['load_s'], m['load_s']), 'x')} | "
                f"{_fmt(_ratio(base['aggregate_p50'], m['aggregate_p50']), 'x')} | "
                f"{_fmt(memory, 'x')} |"
            )
    return lines


def _query_table(raw: Path, sizes: list[int]) -> list[str]:
    names: list[str] = []
    rows: list[str] = []
    for size in sizes:
        for backend in BACKENDS:
            runs = _runs(raw, size, backend)
            if _problem(runs):
                continue
            answers = {n: r.get("rows") for n, r in runs[-1].get("queries", {}).items()}
            for name, times in query_times(runs).items():
                if name not in names:
                    names.append(name)
                if isinstance(times, str):
                    cell = f"error: {times[:120]}"
                    rows.append(f"| {size_name(size)} | {backend} | `{name}` | {cell} | | | |")
                else:
                    p50, p95 = _fmt(percentile(times, 50)), _fmt(percentile(times, 95))
                    rows.append(
                        f"| {size_name(size)} | {backend} | `{name}` | {p50} | {p95} | "
                        f"{len(times)} | {answers.get(name, '–')} |"
                    )
    header = [
        "| size | backend | query | p50 | p95 | timed runs | rows |",
        "|---|---|---|---|---|---|---|",
    ]
    return header + rows


def _view_table(raw: Path, sizes: list[int]) -> list[str]:
    lines = [
        "| size | networkx view (`to_networkx`) | before (rdflib terms) | nodes | edges | "
        "peak RSS | viz build |",
        "|---|---|---|---|---|---|---|",
    ]
    for size in sizes:
        nx_runs, viz_runs = _runs(raw, size, "networkx"), _runs(raw, size, "viz")
        before = _runs(raw, size, "networkx-before")
        nx_text = _problem(nx_runs) or _with_cpu(
            _median(nx_runs, "nx_s"), _median(nx_runs, "nx_cpu_s")
        )
        before_text = _problem(before) or _with_cpu(
            _median(before, "nx_s"), _median(before, "nx_cpu_s")
        )
        viz_text = _problem(viz_runs) or _fmt(_median(viz_runs, "viz_s"))
        lines.append(
            f"| {size_name(size)} | {nx_text} | {before_text} | "
            f"{_fmt(_median(nx_runs, 'nodes'), 'n')} | "
            f"{_fmt(_median(nx_runs, 'edges'), 'n')} | "
            f"{_fmt(_median(nx_runs, 'peak_rss_mb'), 'MB')} | {viz_text} |"
        )
    return lines


def _validation_table(raw: Path, sizes: list[int]) -> list[str]:
    lines = [
        "| size | path | runs | load | SHACL shapes | SPARQL checks | validate total | "
        "per 1e5 quads | problems | peak RSS |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for size in sizes:
        for cell, label in (
            ("validate-pyshacl", "pyshacl + rdflib (build today)"),
            ("validate-scalable", "`scalable_problems` (Oxigraph)"),
        ):
            runs = _runs(raw, size, cell)
            problem = _problem(runs)
            if problem:
                lines.append(f"| {size_name(size)} | {label} | – | {problem} |" + " |" * 6)
                continue
            total = _median(runs, "validate_s")
            per = total / size * 1e5 if total else None
            over = _median(runs, "sparql_over_s")
            checks = f"> {_fmt(over)} (stopped)" if over else _fmt(_median(runs, "sparql_s"))
            total_text = _fmt(total)
            if over:
                total_text = "> " + _fmt((_median(runs, "shacl_s") or 0) + over)
            lines.append(
                f"| {size_name(size)} | {label} | {len(runs)} | {_fmt(_median(runs, 'load_s'))} | "
                f"{_fmt(_median(runs, 'shacl_s'))} | {checks} | {total_text} | "
                f"{_fmt(per)} | {_fmt(_median(runs, 'problems'), 'n')} | "
                f"{_fmt(_median(runs, 'peak_rss_mb'), 'MB')} |"
            )
    return lines


def _targets(raw: Path, sizes: list[int]) -> list[str]:
    size = 1_000_000
    if size not in sizes:
        return ["Targets apply at 1e6 quads, which this run did not include."]
    lines = [
        "| target (embedded default, 1e6) | limit | measured (median) | CPU time | met |",
        "|---|---|---|---|---|",
    ]
    for what, cell, key, limit, unit in TARGETS:
        runs = _runs(raw, size, cell)
        values = _metrics(runs) if cell in BACKENDS else {key: _median(runs, key)}
        if cell not in BACKENDS:
            values[key.replace("_s", "_cpu_s")] = _median(runs, key.replace("_s", "_cpu_s"))
        value = values.get(key)
        cpu = values.get(key.replace("_s", "_cpu_s").replace("_p50", "_cpu_p50"))
        met = "–" if value is None else ("yes" if value <= limit else "**no**")
        cpu_text = _fmt(cpu, unit) if unit == "s" and cpu is not None else "–"
        lines.append(
            f"| {what} | ≤ {_fmt(limit, unit)} | {_fmt(value, unit)} | {cpu_text} | {met} |"
        )
    return lines


def machine() -> list[str]:
    """A description of the machine and the software versions."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    kib = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    versions = []
    for package in ("rdflib", "pyoxigraph", "oxrdflib", "oxigraph", "pyshacl", "networkx"):
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} (not installed)")
    try:
        virtuoso = subprocess.run(
            ["virtuoso-t", "-?"], capture_output=True, text=True, timeout=10
        ).stderr.splitlines()[1]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        virtuoso = "Virtuoso not installed"
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores (nproc); memory {kib / 2**20:.1f} GiB",
        f"- {platform.system()} {platform.release()}; Python {platform.python_version()}",
        f"- {', '.join(versions)}; {virtuoso.strip()}",
        f"- load average when the table was written: {load} (the machine is shared, so "
        "timings carry noise from other work)",
    ]


def render(raw: Path, sizes: list[int]) -> str:
    """The whole results page."""
    today = datetime.date.today().isoformat()
    parts = [
        f"# g60kg at corridor scale — {today}",
        "",
        "Generated by `python benchmarks/run.py` (see benchmarks/README.md for what each column "
        "means). Medians over runs, each run in a fresh process; ratios are against rdflib "
        "memory measured in the same run (speed-up > 1 is faster, memory ratio < 1 is smaller).",
        "",
        "## Machine",
        "",
        *machine(),
        "",
        "## Targets",
        "",
        *_targets(raw, sizes),
        "",
        "## Load and query, per backend",
        "",
        *_backend_table(raw, sizes),
        "",
        "## Views",
        "",
        *_view_table(raw, sizes),
        "",
        "## Validation",
        "",
        *_validation_table(raw, sizes),
        "",
        "## Every query",
        "",
        *_query_table(raw, sizes),
        "",
    ]
    return "\n".join(parts)

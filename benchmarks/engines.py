"""SPARQL servers the benchmark starts on 127.0.0.1, loads, queries over HTTP and stops.

Each server is started by process id and stopped by that id; nothing else is touched.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

__all__ = [
    "RssSampler",
    "Server",
    "free_port",
    "g60kg_serve",
    "oxigraph_server",
    "sparql_json",
    "sparql_select",
    "virtuoso",
]

OXIGRAPH = Path(sys.executable).with_name("oxigraph")
VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RssSampler:
    """Samples the resident memory of a set of processes (and their children) in a thread."""

    def __init__(self, interval: float = 0.05) -> None:
        self.pids: set[int] = set()
        self.peak = 0
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0
            for pid in list(self.pids):
                try:
                    proc = psutil.Process(pid)
                    total += proc.memory_info().rss
                    total += sum(c.memory_info().rss for c in proc.children(recursive=True))
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)
            self._stop.wait(self._interval)


@dataclass
class Server:
    """A started server: its query URL and how loading went."""

    endpoint: str
    load_seconds: float
    process: subprocess.Popen[bytes]
    notes: list[str] = field(default_factory=list)


def _wait_http(url: str, process: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with code {process.returncode} before answering")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"no answer from {url} within {timeout:.0f} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _run_sampled(command: list[str], sampler: RssSampler, **kwargs: object) -> float:
    """Run a loading command to completion, sampling its memory; return seconds taken."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, **kwargs)  # type: ignore[call-overload]
    sampler.pids.add(process.pid)
    output, _ = process.communicate()
    sampler.pids.discard(process.pid)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"{command[0]} failed ({process.returncode}): {output[-2000:]!r}")
    return seconds


@contextmanager
def oxigraph_server(nquads: Path, sampler: RssSampler) -> Iterator[Server]:
    """`oxigraph load` into a fresh folder, then `oxigraph serve-read-only` over it."""
    with tempfile.TemporaryDirectory(prefix="g60kg-oxigraph-") as tmp:
        load = _run_sampled(
            [str(OXIGRAPH), "load", "--location", tmp, "--file", str(nquads)], sampler
        )
        port = free_port()
        process = subprocess.Popen(
            [str(OXIGRAPH), "serve-read-only", "--location", tmp, "--union-default-graph",
             "--bind", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        sampler.pids.add(process.pid)
        try:
            _wait_http(f"http://127.0.0.1:{port}/", process)
            yield Server(f"http://127.0.0.1:{port}/query", load, process)
        finally:
            _stop(process)


def g60kg_serve_available() -> bool:
    """Whether the package has the `serve` command yet (branch serve)."""
    from g60kg.cli import main

    return "serve" in getattr(main, "commands", {})


@contextmanager
def g60kg_serve(nquads: Path, sampler: RssSampler) -> Iterator[Server]:
    """The project's own `g60kg serve` over the N-Quads file; loading is part of start-up."""
    port = free_port()
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "g60kg", "serve", "--host", "127.0.0.1", "--port", str(port),
         "--dataset", str(nquads)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    sampler.pids.add(process.pid)
    try:
        _wait_http(f"http://127.0.0.1:{port}/", process, timeout=1800)
        yield Server(f"http://127.0.0.1:{port}/sparql", time.perf_counter() - started, process,
                     ["load = start-up until the first HTTP answer"])  # fmt: skip
    finally:
        _stop(process)


def _virtuoso_ini(folder: Path, sql_port: int, http_port: int, data_dir: Path) -> Path:
    lines = []
    section = ""
    for line in VIRTUOSO_INI.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("["):
            section = stripped
        key = stripped.split("=", 1)[0].strip() if "=" in stripped else ""
        value = None
        if key in ("DatabaseFile", "ErrorLogFile", "LockFile", "TransactionFile",
                   "xa_persistent_file"):  # fmt: skip
            name = Path(stripped.split("=", 1)[1].strip()).name
            value = str(folder / name)
        elif key == "ServerPort":
            value = f"127.0.0.1:{sql_port if section == '[Parameters]' else http_port}"
        elif key == "DirsAllowed":
            value = f"., {data_dir}, /usr/share/virtuoso-opensource-7/vad"
        elif key == "NumberOfBuffers":
            value = "340000"
        elif key == "MaxDirtyBuffers":
            value = "250000"
        elif key == "ResultSetMaxRows":
            value = "1000000"
        elif key in ("MaxQueryExecutionTime", "MaxQueryCostEstimationTime"):
            value = "0"
        lines.append(f"{key} = {value}" if value is not None else line)
    ini = folder / "virtuoso.ini"
    ini.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ini


def _isql(sql_port: int, statements: str, sampler: RssSampler) -> float:
    return _run_sampled(
        ["isql-vt", f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={statements}"], sampler
    )


def virtuoso_available() -> str | None:
    """None when Virtuoso can run here, else why not."""
    if shutil.which("virtuoso-t") is None or shutil.which("isql-vt") is None:
        return "virtuoso-t/isql-vt not installed (apt-get install virtuoso-opensource)"
    if not VIRTUOSO_INI.is_file():
        return f"{VIRTUOSO_INI} missing"
    return None


@contextmanager
def virtuoso(nquads: Path, sampler: RssSampler) -> Iterator[Server]:
    """A private Virtuoso on 127.0.0.1, bulk-loaded with `ld_dir` + `rdf_loader_run`."""
    with tempfile.TemporaryDirectory(prefix="g60kg-virtuoso-") as tmp:
        folder = Path(tmp)
        data_dir = folder / "data"
        data_dir.mkdir()
        if os.stat(nquads).st_dev == os.stat(data_dir).st_dev:
            os.link(nquads, data_dir / "data.nq")
        else:
            shutil.copy(nquads, data_dir / "data.nq")
        sql_port, http_port = free_port(), free_port()
        ini = _virtuoso_ini(folder, sql_port, http_port, data_dir)
        process = subprocess.Popen(
            ["virtuoso-t", "+configfile", str(ini), "+foreground"],
            cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        sampler.pids.add(process.pid)
        try:
            _wait_http(f"http://127.0.0.1:{http_port}/sparql", process)
            load = _isql(
                sql_port,
                f"ld_dir('{data_dir}', 'data.nq', 'urn:g60kg:default'); "
                "rdf_loader_run(); checkpoint;",
                sampler,
            )
            yield Server(f"http://127.0.0.1:{http_port}/sparql", load, process,
                         ["load = ld_dir + rdf_loader_run + checkpoint"])  # fmt: skip
        finally:
            _stop(process)


def sparql_json(endpoint: str, query: str, timeout: float = 600) -> dict[str, Any]:
    """POST a query and return its JSON results."""
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(
        endpoint,
        data=body,
        headers={
            "Accept": "application/sparql-results+json",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return dict(json.loads(response.read()))
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().replace("\n", " ")
        raise RuntimeError(f"HTTP {exc.code}: {detail[:300]}") from None


def sparql_select(endpoint: str, query: str, timeout: float = 600) -> int:
    """POST a query, read the JSON results; return how many rows came back."""
    results = sparql_json(endpoint, query, timeout)
    if "boolean" in results:
        return 1
    return len(results["results"]["bindings"])

"""No query reaches the network: every known bypass, on `g60kg serve` and `g60kg query`.

A listener on 127.0.0.1 counts every connection; each text below tries to make the engine
connect to it (SERVICE in queries, LOAD in updates) by hiding the keyword from a lexer.
Both walls are tested apart too: the query check alone, and the empty network namespace
alone (the engine called directly, no check at all).
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from g60kg.cli import main
from g60kg.cli import query as cli_query
from g60kg.contain import contained_engine
from g60kg.kg import KnowledgeGraph, load
from g60kg.netwall import network_isolated, run_offline
from g60kg.queryguard import reaches_network
from pyoxigraph import Store

from .conftest import DATASET, PYTHON, ROOT, Running, free_port, start_endpoint

# {u}: the listener's URL. Each one is a query Oxigraph would run (or fail to parse).
QUERIES = [
    "SELECT * WHERE {{ #\rSERVICE <{u}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ # x\r\nSERVICE <{u}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ BIND((1<'x>') AS ?z) SERVICE <{u}> {{ ?s ?p ?o }} #'\n}}",
    'SELECT * WHERE {{ BIND((1<"x>") AS ?z) SERVICE <{u}> {{ ?s ?p ?o }} #"\n}}',
    "SELECT * WHERE {{ FILTER(1<'>') SERVICE <{u}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p <x:a'> . SERVICE <{u}> {{ ?s ?p ?o }} #'\n}}",
    "SELECT * WHERE {{ \\u0053ERVICE <{u}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ #\\u000d\nSERVICE <{u}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE <{u}\\u000d> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE <{u}?x=\\u0027> {{ ?s ?p ?o }} }}",
    "select * where {{ sErViCe silent <{u}> {{ ?s ?p ?o }} }}",
    "ASK {{ {{ {{ OPTIONAL {{ SERVICE SILENT <{u}> {{ ?s ?p ?o }} }} }} }} }}",
    "SELECT * {{ {{ SELECT * {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }} }}",
    "PREFIX r: <{u}> SELECT * WHERE {{ SERVICE r: {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ BIND(<{u}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ VALUES ?e {{ <{u}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
    'SELECT * WHERE {{ ?s ?p """ \' "" """ . SERVICE <{u}> {{ ?s ?p ?o }} }}',
    "SELECT * WHERE {{ ?s ?p ''' '' \\''' ''' . SERVICE <{u}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p ' \\' ' . SERVICE <{u}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{\tSERVICE\r<{u}>\r{{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p ?o MINUS {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ FILTER EXISTS {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }}",
    "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }}",
    "DESCRIBE ?s WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }}",
    "SELECT * FROM <{u}> WHERE {{ ?s ?p ?o }}",
    "SELECT * FROM NAMED <{u}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
]
UPDATES = [
    "LOAD <{u}>",
    "# x\rLOAD <{u}>",
    "LOAD SILENT <{u}> INTO GRAPH <urn:x:g>",
    "CLEAR SILENT GRAPH <urn:x:g> ; #\rLOAD <{u}>",
    "INSERT {{ GRAPH <urn:x:g> {{ ?s ?p ?o }} }} WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }}",
    "INSERT {{ GRAPH <urn:x:g> {{ ?s ?p ?o }} }} WHERE {{ #\rSERVICE <{u}> {{ ?s ?p ?o }} }}",
    "\\u004cOAD <{u}>",
    "INSERT DATA {{ <urn:x:a> <urn:x:b> 'x>' }} ; #'\rLOAD <{u}>",
]


class Listener:
    """A TCP server on 127.0.0.1 that counts the connections it accepts."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"
        self.connections = 0
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.stopped.set()
        self.thread.join(5)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    found = Listener()
    yield found
    found.close()


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    running = start_endpoint(
        tmp_path_factory.mktemp("writable"), allow_update=True, timeout_s=5.0, workers=1
    )
    yield running
    running.stop()


def test_every_bypass_is_refused_by_the_check(listener: Listener) -> None:
    for template in QUERIES[:-2] + UPDATES:  # FROM names a graph; Oxigraph never fetches it
        assert reaches_network(template.format(u=listener.url)), template


def test_the_endpoint_never_connects(writable: Running, listener: Listener) -> None:
    sparql = f"{writable.url}/sparql"
    for template in QUERIES:
        text = template.format(u=listener.url)
        assert httpx.post(sparql, data={"query": text}, timeout=30).status_code >= 400
        assert httpx.get(sparql, params={"query": text}, timeout=30).status_code >= 400
        direct = httpx.post(
            sparql,
            content=text.encode(),
            headers={"Content-Type": "application/sparql-query"},
            timeout=30,
        )
        assert direct.status_code >= 400
    for template in UPDATES:
        answer = httpx.post(sparql, data={"update": template.format(u=listener.url)}, timeout=30)
        assert answer.status_code >= 400, (template, answer.text)
    assert listener.connections == 0


def test_errors_do_not_tell_whether_a_port_is_open(writable: Running, listener: Listener) -> None:
    closed = f"http://127.0.0.1:{free_port()}/sparql"
    for template in (QUERIES[0], QUERIES[2], UPDATES[1]):
        kind = "update" if "LOAD" in template else "query"
        answers = [
            httpx.post(f"{writable.url}/sparql", data={kind: template.format(u=u)}, timeout=30)
            for u in (listener.url, closed)
        ]
        assert answers[0].status_code == answers[1].status_code
        assert answers[0].text.replace(listener.url, "") == answers[1].text.replace(closed, "")
    assert listener.connections == 0


def test_workers_have_no_network_even_without_the_check(listener: Listener) -> None:
    """The second wall alone: the engine, asked directly, cannot connect from offline."""
    if not network_isolated():
        pytest.skip("this machine allows no network namespaces (neither root nor userns)")
    text = QUERIES[0].format(u=listener.url).replace("#\r", "")

    def run() -> str:
        try:
            list(Store().query(text))  # type: ignore[arg-type]
        except OSError as error:
            return str(error)
        return "answered"

    assert "unreachable" in run_offline(run).lower()
    assert listener.connections == 0


@pytest.mark.parametrize("backend", ["oxigraph", "memory"])
def test_the_python_api_queries_offline(listener: Listener, backend: str) -> None:
    """Even past the check (the engine called on the offline thread), no connection."""
    if not network_isolated():
        pytest.skip("this machine allows no network namespaces (neither root nor userns)")
    kg = load(DATASET, backend=backend)  # type: ignore[arg-type]
    text = f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"

    def run() -> None:
        # each engine reports the failed connection its own way
        with contextlib.suppress(Exception):
            kg.rdf.query(text).bindings  # noqa: B018

    run_offline(run)
    assert listener.connections == 0


def test_the_query_command_never_connects(
    monkeypatch: pytest.MonkeyPatch, listener: Listener, any_kg: KnowledgeGraph
) -> None:
    monkeypatch.setattr(cli_query, "load_graph", lambda source, backend: any_kg)
    runner = CliRunner()
    for template in QUERIES:
        result = runner.invoke(main, ["query", template.format(u=listener.url)])
        assert result.exit_code != 0, template
        assert "Traceback" not in result.output
    assert listener.connections == 0


def test_the_installed_query_command_never_connects(listener: Listener, tmp_path: Path) -> None:
    for template in (QUERIES[0], QUERIES[2], QUERIES[6]):
        done = subprocess.run(
            [
                PYTHON,
                "-m",
                "g60kg",
                "query",
                "--source",
                str(DATASET),
                template.format(u=listener.url),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
            env={"PYTHONPATH": str(ROOT / "graph"), "PATH": "/usr/bin:/bin"},
        )
        assert done.returncode != 0 and "Traceback" not in done.stderr, done.stderr
    assert listener.connections == 0


def test_the_engines_child_process_has_no_network(listener: Listener) -> None:
    """The query commands run the engine in a forked child (`g60kg.contain`): offline too."""
    if not network_isolated():
        pytest.skip("this machine allows no network namespaces (neither root nor userns)")
    kg = load(DATASET)
    text = f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"
    with contained_engine(), pytest.raises(OSError, match=r"(?i)unreachable"):
        kg.query(text, check=False)  # past the check: only the wall stands
    assert listener.connections == 0

"""`g60kg serve` and `g60kg query --endpoint` as a user runs them: a real server on 127.0.0.1."""

from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from g60kg.cli import main

G60KG = shutil.which("g60kg", path=str(Path(sys.executable).parent)) or "g60kg"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def ask(endpoint: str, query: str) -> dict:  # type: ignore[type-arg]
    url = endpoint + "?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        answer: dict = json.load(response)  # type: ignore[type-arg]
        return answer


@pytest.fixture(scope="module")
def endpoint(full_build: Path) -> Iterator[str]:
    folder = full_build
    port = free_port()
    process = subprocess.Popen(
        [G60KG, "serve", "--dataset", str(folder), "--port", str(port), "--workers", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/sparql"
    deadline = time.monotonic() + 60
    while True:
        try:
            ask(url, "ASK {}")
            break
        except OSError:
            assert process.poll() is None, process.stdout.read()  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "the server did not answer within 60 s"
            time.sleep(0.3)
    yield url
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=15) is not None


def test_serve_answers_with_both_labels(endpoint: str) -> None:
    query = (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?l WHERE { <https://w3id.org/g60kg/id/adm-310117106> rdfs:label ?l }"
    )
    labels = {b["l"]["value"] for b in ask(endpoint, query)["results"]["bindings"]}
    assert labels == {"洞泾镇", "Dongjing Town"}


@pytest.mark.parametrize(
    "args",
    [
        ["--name", "corridor-cities"],
        ["--name", "posts", "--param", "of=松江区"],
        ["--name", "investments-in-place", "--param", "place=洞泾镇"],
        ["SELECT ?c WHERE { ?c a g60:Company } ORDER BY ?c"],
    ],
    ids=["corridor-cities", "posts", "investments", "inline"],
)
def test_query_endpoint_gives_the_embedded_answers(endpoint: str, args: list[str]) -> None:
    runner = CliRunner()
    embedded = runner.invoke(main, ["query", *args, "--format", "csv"])
    remote = runner.invoke(main, ["query", *args, "--format", "csv", "--endpoint", endpoint])
    assert embedded.exit_code == 0 and remote.exit_code == 0, remote.stderr
    assert sorted(remote.stdout.splitlines()) == sorted(embedded.stdout.splitlines())
    assert len(embedded.stdout.splitlines()) > 1


def test_query_endpoint_refuses_updates_before_sending(endpoint: str) -> None:
    result = CliRunner().invoke(
        main, ["query", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "--endpoint", endpoint]
    )
    assert result.exit_code != 0 and "refused" in result.stderr.lower()


def test_unreachable_endpoint_is_named() -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    result = CliRunner().invoke(main, ["query", "ASK {}", "--endpoint", url])
    assert result.exit_code == 1 and url in result.stderr


def test_a_taken_port_is_a_clear_error_and_nothing_is_served() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [G60KG, "serve", "--port", str(port)], capture_output=True, text=True, timeout=120
        )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"error: cannot serve on 127.0.0.1:{port}: the port is already in use (another server, "
        "perhaps an earlier g60kg serve); stop it or choose another --port"
    )
    assert "serving" not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_the_address_is_printed_once_the_port_accepts_connections() -> None:
    dataset = Path(__file__).parent / "fixtures" / "corridor.nq"
    port = free_port()
    process = subprocess.Popen(
        [G60KG, "serve", "--dataset", str(dataset), "--port", str(port), "--workers", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        line = process.stdout.readline()  # type: ignore[union-attr]
        assert line.startswith(f"serving {dataset} (") and line.endswith(
            f" on http://127.0.0.1:{port}/\n"
        )
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            pass  # accepted at once: the line came after the port was bound
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=15)

"""Real servers on 127.0.0.1 for the serving tests, and one way to compare their answers.

Every server is started by a fixture on free ports and stopped by its process id afterwards.
A missing binary skips its tests, except in CI (``CI=true``), where it fails them.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from g60kg.serve.examples import read_examples
from g60kg.sparql.text import bind_values
from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QuerySolutions,
    RdfFormat,
    Store,
    Triple,
)

ROOT = Path(__file__).resolve().parents[2]
DATASET = ROOT / "tests" / "fixtures" / "corridor.nq"
QUERIES = ROOT / "tests" / "fixtures" / "queries"
ID = "https://w3id.org/g60kg/id/"
PARAMS = {
    "towns-within": {"place": NamedNode(ID + "adm-310117")},
    "has-landed-investment": {"place": NamedNode(ID + "adm-310117106")},
}
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANG = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def require_binary(name: str) -> str:
    """The binary's path; skip when missing, but fail in CI, which must have it."""
    found = shutil.which(name) or shutil.which(name, path=str(Path(PYTHON).parent))
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail(f"{name} is missing in CI: run `make system-deps` / install the test extra")
    pytest.skip(f"{name} is not installed")


@dataclass
class Running:
    """A server process and the base URL it answers on."""

    process: subprocess.Popen[bytes]
    url: str
    log: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def launch(command: list[str], log: Path) -> subprocess.Popen[bytes]:
    """Start ``command`` with the package importable and temporary files under ``log``'s folder."""
    temporary = log.parent / "tmp"
    temporary.mkdir(exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "graph"), "TMPDIR": str(temporary)}
    with log.open("wb") as out:
        return subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, cwd=log.parent, env=env
        )


def start(command: list[str], url: str, log: Path, ready: str, timeout_s: float = 60) -> Running:
    """Start ``command`` and wait until GET ``ready`` answers any HTTP status."""
    process = launch(command, log)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{command[0]} exited with {process.returncode}:\n{log.read_text()}")
        try:
            httpx.get(ready, timeout=2)
            return Running(process, url, log)
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    process.wait()
    pytest.fail(f"{command[0]} did not answer on {ready} within {timeout_s} s")


def endpoint_command(
    port: int, dataset: Path = DATASET, queries: Path = QUERIES, **options: Any
) -> list[str]:
    """The command running our endpoint over ``dataset`` in its own Python process."""
    arguments = ", ".join(f"{key}={value!r}" for key, value in options.items())
    code = (
        "from g60kg.serve import serve; "
        f"serve({str(dataset)!r}, port={port}, queries_dir={str(queries)!r}, {arguments})"
    )
    return [PYTHON, "-c", code]


def start_endpoint(folder: Path, **options: Any) -> Running:
    """Our endpoint over the fixture dataset, answering; its temporary files go to folder/tmp."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    ready = f"{url}/sparql?query=ASK%7B%7D"
    return start(endpoint_command(port, **options), url, folder / "serve.log", ready)


@pytest.fixture(scope="session")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The endpoint with a 1.5 s timeout and a 30-row cap, shared by the session."""
    running = start_endpoint(
        tmp_path_factory.mktemp("endpoint"), timeout_s=1.5, max_rows=30, workers=2
    )
    yield running.url
    running.stop()


@pytest.fixture(scope="session")
def ask_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The endpoint over the project's built dataset and named queries, as `g60kg serve` runs
    it: for questions (``/ask``) and the page's examples."""
    from g60kg.kg import default_source

    folder = tmp_path_factory.mktemp("ask")
    running = start_endpoint(
        folder, dataset=default_source(), queries=ROOT / "ontology" / "queries", workers=2
    )
    yield running.url
    running.stop()


@pytest.fixture(scope="module")
def ask_writable_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The same with updates allowed: questions are answered from a copy of the dataset."""
    from g60kg.kg import default_source

    folder = tmp_path_factory.mktemp("ask-writable")
    running = start_endpoint(folder, dataset=default_source(), workers=2, allow_update=True)
    yield running.url
    running.stop()


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A read-write in-memory `oxigraph serve` shared by the session; its base URL."""
    running = start_oxigraph(tmp_path_factory.mktemp("oxigraph"))
    yield running.url
    running.stop()


def virtuoso_ini(folder: Path, sql_port: int, http_port: int) -> Path:
    """A private copy of the packaged virtuoso.ini: ports on 127.0.0.1, database in ``folder``."""
    packaged = Path("/etc/virtuoso-opensource-7/virtuoso.ini").read_text(encoding="utf-8")
    text = packaged.replace("/var/lib/virtuoso-opensource-7/db", str(folder))
    ports = iter([sql_port, http_port])
    text = re.sub(
        r"^ServerPort\s*=.*$",
        lambda _: f"ServerPort = 127.0.0.1:{next(ports)}",
        text,
        count=2,
        flags=re.MULTILINE,
    )
    path = folder / "virtuoso.ini"
    path.write_text(text, encoding="utf-8")
    return path


def start_virtuoso(folder: Path) -> Running:
    """Virtuoso Open Source 7 on free 127.0.0.1 ports with a fresh database in ``folder``."""
    binary = require_binary("virtuoso-t")
    http_port = free_port()
    ini = virtuoso_ini(folder, free_port(), http_port)
    url = f"http://127.0.0.1:{http_port}"
    command = [binary, "+configfile", str(ini), "+foreground"]
    return start(command, url, folder / "console.log", f"{url}/sparql?query=ASK%7B%7D", 90)


def start_oxigraph(folder: Path) -> Running:
    """A read-write in-memory `oxigraph serve` whose default graph is the union of all."""
    binary = require_binary("oxigraph")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [binary, "serve", "--bind", f"127.0.0.1:{port}", "--union-default-graph"]
    return start(command, url, folder / "oxigraph.log", url)


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Virtuoso with a fresh database, shared by the session; its base URL."""
    running = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    yield running.url
    running.stop()


@pytest.fixture(scope="module")
def fresh_virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Virtuoso of the test module's own, so its data does not meet other modules' data."""
    running = start_virtuoso(tmp_path_factory.mktemp("virtuoso-module"))
    yield running.url
    running.stop()


@pytest.fixture(scope="module")
def fresh_oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An Oxigraph server of the test module's own."""
    running = start_oxigraph(tmp_path_factory.mktemp("oxigraph-module"))
    yield running.url
    running.stop()


VIRTUOSO_OWN = ("http://www.openlinksw.com/", "http://localhost:8890/", "http://www.w3.org/ns/ldp#")
XSD = "http://www.w3.org/2001/XMLSchema#"


def virtuoso_normalised(answer: Any) -> Any:
    """Virtuoso's answer with its documented differences taken out (see docs/serving.md).

    1. Its default graph also holds its own system graphs: rows naming them are dropped.
    2. A large xsd:integer (10000000000) comes back as an xsd:decimal with the same digits;
       so integral decimals count as integers, on both sides.
    Language tags, decimals and doubles come back in the same (lower-case, canonical) form.
    """
    if answer[0] == "ask":
        return answer

    def term(canon: tuple[str, ...]) -> tuple[str, ...]:
        if canon[0] == "literal" and canon[3] == XSD + "decimal" and canon[1].isdigit():
            return (*canon[:3], XSD + "integer")
        return canon

    rows = [
        tuple(term(canon) for canon in row)
        for row in answer[-1]
        if not any(canon[0] == "uri" and canon[1].startswith(VIRTUOSO_OWN) for canon in row)
    ]
    return (*answer[:-1], sorted(rows))


# Canonical answers: every client's result becomes the same plain, sortable value.

Canon = tuple[str, ...]


def canon_ox(term: NamedNode | BlankNode | Literal | Triple | None) -> Canon:
    if term is None:
        return ("unbound",)
    if isinstance(term, NamedNode):
        return ("uri", term.value)
    if isinstance(term, BlankNode):
        return ("bnode",)
    if isinstance(term, Triple):
        return (
            "triple",
            *canon_ox(term.subject),
            *canon_ox(term.predicate),
            *canon_ox(term.object),
        )
    return ("literal", term.value, term.language or "", term.datatype.value)


def canon_json(term: dict[str, str] | None) -> Canon:
    if term is None:
        return ("unbound",)
    kind = term["type"]
    if kind == "uri":
        return ("uri", term["value"])
    if kind == "bnode":
        return ("bnode",)
    language = term.get("xml:lang", "").lower()
    datatype = RDF_LANG if language else term.get("datatype", XSD + "string")
    return ("literal", term["value"], language, datatype)


def canon_rdflib(term: Any) -> Canon:
    from rdflib import BNode, URIRef
    from rdflib import Literal as RdflibLiteral

    if term is None:
        return ("unbound",)
    if isinstance(term, URIRef):
        return ("uri", str(term))
    if isinstance(term, BNode):
        return ("bnode",)
    assert isinstance(term, RdflibLiteral)
    language = (term.language or "").lower()
    datatype = RDF_LANG if language else str(term.datatype or XSD + "string")
    return ("literal", str(term), language, datatype)


Answer = tuple[Any, ...]


def answer_ox(result: QuerySolutions | QueryBoolean | Any) -> Answer:
    """A pyoxigraph result (solutions, boolean, or triples) as a canonical answer."""
    if isinstance(result, QueryBoolean):
        return ("ask", bool(result))
    if isinstance(result, QuerySolutions):
        names = [variable.value for variable in result.variables]
        rows = sorted(tuple(canon_ox(row[name]) for name in names) for row in result)
        return ("select", tuple(names), rows)
    return ("graph", sorted(tuple(canon_ox(part) for part in t) for t in result))


def answer_json(document: dict[str, Any]) -> Answer:
    """A SPARQL 1.1 JSON results document as a canonical answer."""
    if "boolean" in document:
        return ("ask", document["boolean"])
    names = document["head"]["vars"]
    rows = sorted(
        tuple(canon_json(binding.get(name)) for name in names)
        for binding in document["results"]["bindings"]
    )
    return ("select", tuple(names), rows)


def answer_graph(body: bytes, rdf_format: RdfFormat) -> Answer:
    return (
        "graph",
        sorted(tuple(canon_ox(part) for part in q.triple) for q in parse(body, rdf_format)),
    )


def parse(body: bytes, rdf_format: RdfFormat) -> Any:
    from pyoxigraph import parse as ox_parse

    return ox_parse(body, format=rdf_format)


def sample_queries() -> dict[str, str]:
    """Every sample named query, with its parameters bound."""
    return {
        example.name: bind_values(example.text, PARAMS.get(example.name, {}))
        for example in read_examples(QUERIES)
    }


@pytest.fixture(scope="session")
def samples() -> dict[str, str]:
    return sample_queries()


@pytest.fixture(scope="session")
def embedded(samples: dict[str, str]) -> dict[str, Answer]:
    """The embedded store's answer to each sample query (default graph: union of all)."""
    store = Store()
    store.bulk_load(path=DATASET, format=RdfFormat.N_QUADS)
    return {
        name: answer_ox(store.query(text, use_default_graph_as_union=True))
        for name, text in samples.items()
    }


@pytest.fixture(scope="session")
def answers() -> dict[str, Callable[..., Answer]]:
    """The converters, for test modules (which cannot import this conftest)."""
    return {
        "ox": answer_ox,
        "json": answer_json,
        "graph": answer_graph,
        "rdflib_term": canon_rdflib,
        "virtuoso": virtuoso_normalised,
    }

"""Push the dataset into real external stores and run the sample queries there.

Oxigraph's server and Virtuoso Open Source 7 must give the embedded answers, up to the
differences normalised in ``virtuoso_normalised`` (each one documented in docs/serving.md).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from g60kg.sparql.remote import RemoteError, push, query_endpoint
from pyoxigraph import Literal, NamedNode, QuerySolutions, RdfFormat, parse, serialize

from .conftest import DATASET, PARAMS, QUERIES

G60 = "https://w3id.org/g60kg/"
COUNT_QUADS = (
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), '%s')) }"
)


def remote_answers(url: str, answers: dict[str, Callable[..., Any]], **auth: Any) -> dict[str, Any]:
    """Each sample query run through query_endpoint, bound with its parameters."""
    from g60kg.serve.examples import read_examples

    return {
        example.name: answers["ox"](
            query_endpoint(url, example.text, PARAMS.get(example.name), **auth)
        )
        for example in read_examples(QUERIES)
    }


def quad_count(url: str) -> int:
    result = query_endpoint(url, COUNT_QUADS % G60)
    return int(next(iter(result))["n"].value)  # type: ignore[call-overload]


def test_push_to_oxigraph_is_idempotent_and_gives_the_embedded_answers(
    oxigraph_server: str, embedded: dict[str, Any], answers: dict[str, Callable[..., Any]]
) -> None:
    pushed = push(DATASET, f"{oxigraph_server}/store")
    assert sum(pushed.values()) == 42 and len(pushed) == 5
    assert pushed[f"{G60}graph/entities"] == 23
    assert quad_count(f"{oxigraph_server}/query") == 42
    push(DATASET, f"{oxigraph_server}/store", batch_triples=4)  # a retry, in small batches
    assert quad_count(f"{oxigraph_server}/query") == 42
    assert remote_answers(f"{oxigraph_server}/query", answers) == embedded


def test_push_over_the_update_protocol_is_idempotent(oxigraph_server: str) -> None:
    for _ in range(2):
        push(DATASET, f"{oxigraph_server}/update", protocol="update", batch_triples=10)
        assert quad_count(f"{oxigraph_server}/query") == 42


def test_query_endpoint_binds_parameters_as_terms(endpoint: str) -> None:
    query = "SELECT ?zh WHERE { ?town <http://www.w3.org/2004/02/skos/core#prefLabel> ?zh }"
    town = NamedNode("https://w3id.org/g60kg/id/adm-310117106")
    result = query_endpoint(f"{endpoint}/sparql", query, {"town": town})
    assert isinstance(result, QuerySolutions)
    assert {row["zh"].value for row in result} == {"洞泾镇", "Dongjing Town"}
    hostile = Literal('洞泾镇"@zh } } ; DROP ALL ; SELECT * WHERE { #', language="zh")
    result = query_endpoint(f"{endpoint}/sparql", query, {"zh": hostile})
    assert isinstance(result, QuerySolutions) and list(result) == []
    with pytest.raises(ValueError):
        NamedNode("https://w3id.org/g60kg/id/x> } ; DROP ALL ; #")


def test_unreachable_or_failing_endpoints_are_named(endpoint: str) -> None:
    with socket_closed_port() as dead:
        with pytest.raises(RemoteError, match=f"cannot reach http://127.0.0.1:{dead}/store"):
            push(DATASET, f"http://127.0.0.1:{dead}/store", timeout_s=2)
        with pytest.raises(RemoteError, match=f"127.0.0.1:{dead}"):
            query_endpoint(f"http://127.0.0.1:{dead}/sparql", "ASK {}", timeout_s=2)
    with pytest.raises(RemoteError, match=f"{endpoint}/sparql answered 403"):
        push(DATASET, f"{endpoint}/sparql", protocol="update")
    with pytest.raises(RemoteError, match="answered 400"):
        query_endpoint(f"{endpoint}/sparql", "SELECT * WHERE { ?s ?p }")


class socket_closed_port:
    """A port nothing listens on, for as long as the block runs."""

    def __enter__(self) -> int:
        import socket

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        return int(self.sock.getsockname()[1])

    def __exit__(self, *exc: object) -> None:
        self.sock.close()


def test_virtuoso_takes_the_push_twice_and_gives_the_embedded_answers(
    virtuoso: str, embedded: dict[str, Any], answers: dict[str, Callable[..., Any]]
) -> None:
    crud = f"{virtuoso}/sparql-graph-crud-auth"
    options: dict[str, Any] = {"auth": ("dba", "dba"), "digest": True}
    pushed = push(DATASET, crud, **options)
    assert sum(pushed.values()) == 42
    assert quad_count(f"{virtuoso}/sparql") == 42
    push(DATASET, crud, batch_triples=4, **options)
    assert quad_count(f"{virtuoso}/sparql") == 42
    got = remote_answers(f"{virtuoso}/sparql", answers)
    for name, expected in embedded.items():
        assert answers["virtuoso"](got[name]) == answers["virtuoso"](expected), name
    anonymous = httpx.post(f"{virtuoso}/sparql", data={"query": "CLEAR ALL"}, timeout=30)
    assert anonymous.status_code == 500 and "SECURITY" in anonymous.text
    assert quad_count(f"{virtuoso}/sparql") == 42


def test_virtuoso_also_takes_its_own_graph_parameter_name(virtuoso: str) -> None:
    crud = f"{virtuoso}/sparql-graph-crud-auth"
    push(DATASET, crud, auth=("dba", "dba"), digest=True, graph_param="graph-uri")
    assert quad_count(f"{virtuoso}/sparql") == 42
    with pytest.raises(RemoteError, match="answered 401"):
        push(DATASET, crud, auth=("dba", "wrong"), digest=True)


def test_push_reads_trig_too(oxigraph_server: str, tmp_path: Path) -> None:
    trig = tmp_path / "corridor.trig"
    quads = parse(path=DATASET, format=RdfFormat.N_QUADS)
    trig.write_bytes(serialize(quads, format=RdfFormat.TRIG) or b"")
    assert sum(push(trig, f"{oxigraph_server}/store").values()) == 42
    assert quad_count(f"{oxigraph_server}/query") == 42
    with pytest.raises(ValueError, match="not N-Quads or TriG"):
        push(tmp_path / "corridor.ttl", f"{oxigraph_server}/store")

"""The endpoint over plain HTTP: every result format, the query page, and every refusal."""

from __future__ import annotations

import http.server
import json
import re
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from pyoxigraph import QueryResultsFormat, RdfFormat, parse_query_results

RESULTS = {
    "application/sparql-results+json": None,
    "application/sparql-results+xml": QueryResultsFormat.XML,
    "text/tab-separated-values": QueryResultsFormat.TSV,
}
GRAPHS = {
    "text/turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "application/ld+json": RdfFormat.JSON_LD,
}
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }"


def post_query(url: str, query: str, accept: str = "", **kwargs: Any) -> httpx.Response:
    headers = {"Accept": accept} if accept else {}
    return httpx.post(f"{url}/sparql", data={"query": query}, headers=headers, timeout=30, **kwargs)


def test_every_results_format_gives_the_embedded_answer(
    endpoint: str,
    samples: dict[str, str],
    embedded: dict[str, Any],
    answers: dict[str, Callable[..., Any]],
) -> None:
    for name, query in samples.items():
        expected = embedded[name]
        if expected[0] == "graph":
            for media_type, rdf_format in GRAPHS.items():
                response = post_query(endpoint, query, media_type)
                assert response.status_code == 200, response.text
                assert response.headers["content-type"].startswith(media_type)
                assert answers["graph"](response.content, rdf_format) == expected, media_type
            continue
        for media_type, results_format in RESULTS.items():
            response = post_query(endpoint, query, media_type)
            assert response.status_code == 200, response.text
            assert response.headers["content-type"].startswith(media_type)
            if results_format is None:
                got = answers["json"](response.json())
            else:
                got = answers["ox"](parse_query_results(response.content, format=results_format))
            assert got == expected, (name, media_type)


def test_csv_has_the_header_and_one_line_per_row(
    endpoint: str, samples: dict[str, str], embedded: dict[str, Any]
) -> None:
    response = post_query(endpoint, samples["towns-within"], "text/csv")
    assert response.headers["content-type"].startswith("text/csv")
    lines = response.text.strip().splitlines()
    assert lines[0].split(",") == ["town", "zh", "en"]
    assert len(lines) - 1 == len(embedded["towns-within"][2])
    assert "佘山镇" in response.text


def test_get_and_direct_post_and_default_format(endpoint: str, samples: dict[str, str]) -> None:
    query = samples["graph-sizes"]
    by_get = httpx.get(f"{endpoint}/sparql", params={"query": query}, timeout=30)
    direct = httpx.post(
        f"{endpoint}/sparql",
        content=query.encode("utf-8"),
        headers={"Content-Type": "application/sparql-query", "Accept": "*/*"},
        timeout=30,
    )
    assert by_get.status_code == direct.status_code == 200
    assert by_get.headers["content-type"].startswith("application/sparql-results+json")
    assert by_get.json() == direct.json()


def test_results_past_the_cap_are_cut_and_flagged(endpoint: str) -> None:
    response = post_query(endpoint, "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert response.status_code == 200
    assert len(response.json()["results"]["bindings"]) == 30
    assert response.headers["X-SPARQL-MaxRows"] == "30"
    small = post_query(endpoint, "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 5")
    assert "X-SPARQL-MaxRows" not in small.headers


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "SELEC * WHERE { ?s ?p ?o }",
            "line 1, column 1: expected SELECT, CONSTRUCT, ASK or DESCRIBE, found 'SELEC'",
        ),
        ("SELECT * WHERE { ?s ?p }", "at line 1, column 25: expected LATERAL or SERVICE"),
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "SERVICE"),
        ("SELECT * FROM <http://example.org/remote.ttl> WHERE { ?s ?p ?o }", "remote.ttl"),
        ("PREFIX x: <http://example.org/> SELECT * FROM NAMED x:g { ?s ?p ?o }", "example.org/g"),
    ],
)
def test_malformed_or_fetching_queries_are_400(endpoint: str, query: str, message: str) -> None:
    response = post_query(endpoint, query)
    assert response.status_code == 400
    assert message in response.text


def test_the_prefixes_of_the_command_line_are_declared(endpoint: str) -> None:
    response = post_query(endpoint, "SELECT ?c WHERE { ?c a g60:Company }")
    assert response.status_code == 200, response.text
    companies = [b["c"]["value"] for b in response.json()["results"]["bindings"]]
    assert companies == ["https://w3id.org/g60kg/id/E0001"]
    named = "SELECT (COUNT(*) AS ?n) FROM graph:entities WHERE { ?s ?p ?o }"
    assert post_query(endpoint, named).json()["results"]["bindings"][0]["n"]["value"] == "23"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "SELECT ?c WHERE {\n  ?c a foo:Company }",
            "SPARQL syntax error at line 2, column 8: unknown prefix foo: (declared: claim:, ",
        ),
        (
            "SELECT ?c WHERE { ?c a g60:Company",
            "SPARQL syntax error at line 1, column 35: expected ',', '.', ';', '{', '{|', '}', …,"
            " found the end of the query",
        ),
    ],
)
def test_a_syntax_error_is_one_short_line(endpoint: str, query: str, message: str) -> None:
    response = post_query(endpoint, query)
    assert response.status_code == 400
    assert response.text.startswith(message)
    assert "\n" not in response.text and len(response.text) < 300
    assert "\\u{" not in response.text and "..=" not in response.text  # no grammar dump


def test_protocol_misuse_is_refused(endpoint: str) -> None:
    sparql = f"{endpoint}/sparql"
    assert httpx.get(sparql, timeout=10).status_code == 400  # no query at all
    both = {"query": "ASK {}", "update": "CLEAR ALL"}
    assert httpx.post(sparql, data=both, timeout=10).status_code == 400
    assert httpx.get(sparql, params={"update": "CLEAR ALL"}, timeout=10).status_code == 400
    remote = {"query": "ASK {}", "default-graph-uri": "http://example.org/g"}
    assert httpx.get(sparql, params=remote, timeout=10).status_code == 400
    odd = httpx.post(sparql, content=b"ASK {}", headers={"Content-Type": "text/plain"})
    assert odd.status_code == 415


def test_updates_are_forbidden_by_default(endpoint: str) -> None:
    update = "INSERT DATA { GRAPH <https://w3id.org/g60kg/graph/entities> { <a:a> <a:b> 1 } }"
    form = httpx.post(f"{endpoint}/sparql", data={"update": update}, timeout=10)
    direct = httpx.post(
        f"{endpoint}/sparql",
        content=update.encode(),
        headers={"Content-Type": "application/sparql-update"},
        timeout=10,
    )
    assert form.status_code == direct.status_code == 403
    assert post_query(endpoint, "ASK { <a:a> ?p ?o }").json()["boolean"] is False


@pytest.mark.parametrize(
    ("query", "accept"),
    [
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 1", "text/turtle"),
        ("ASK { ?s ?p ?o }", "image/png"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "application/sparql-results+json"),
    ],
)
def test_unsupported_accept_is_406(endpoint: str, query: str, accept: str) -> None:
    assert post_query(endpoint, query, accept).status_code == 406


def test_oversized_body_is_413(endpoint: str) -> None:
    padding = "#" + "x" * 1_100_000 + "\nASK {}"
    direct = httpx.post(
        f"{endpoint}/sparql",
        content=padding.encode(),
        headers={"Content-Type": "application/sparql-query"},
        timeout=30,
    )
    assert direct.status_code == 413


def test_a_query_past_the_timeout_fails_and_others_keep_being_answered(endpoint: str) -> None:
    slow: dict[str, Any] = {}

    def run_slow() -> None:
        slow["response"] = post_query(endpoint, SLOW)

    thread = threading.Thread(target=run_slow)
    thread.start()
    time.sleep(0.3)
    during = post_query(endpoint, "ASK { ?s ?p ?o }")
    # the cheap query is answered while the slow one is still running (order, not a stopwatch)
    assert during.status_code == 200 and "response" not in slow
    thread.join()
    assert slow["response"].status_code == 503
    assert "timed out" in slow["response"].text
    for _ in range(3):
        assert post_query(endpoint, "ASK { ?s ?p ?o }").json()["boolean"] is True


def test_query_page_assets_are_local_and_offer_the_named_queries(
    endpoint: str, samples: dict[str, str]
) -> None:
    page = httpx.get(f"{endpoint}/", timeout=10)
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert assets and all(asset.startswith("/static/") for asset in assets)
    for asset in assets:
        content = httpx.get(f"{endpoint}{asset}", timeout=10)
        assert content.status_code == 200
        assert not re.search(r"https?://", content.text), asset
    examples = httpx.get(f"{endpoint}/examples.json", timeout=10).json()
    assert sorted(e["name"] for e in examples) == sorted(samples)
    towns = next(e for e in examples if e["name"] == "towns-within")
    assert towns["title_zh"] == "某地直接下辖的镇"
    assert towns["params"] == {"place": "IRI of a place"}
    assert json.loads(json.dumps(towns))["text"].startswith("#+ name: towns-within")


def test_from_and_graph_parameters_select_graphs_of_the_dataset(endpoint: str) -> None:
    entities = "https://w3id.org/g60kg/graph/entities"
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

    def number(response: httpx.Response) -> int:
        assert response.status_code == 200, response.text
        return int(response.json()["results"]["bindings"][0]["n"]["value"])

    assert number(post_query(endpoint, count)) == 42  # default graph: the union of all
    with_from = count.replace("WHERE", f"FROM <{entities}> WHERE")
    assert number(post_query(endpoint, with_from)) == 23
    params = {"query": count, "default-graph-uri": entities}
    assert number(httpx.get(f"{endpoint}/sparql", params=params, timeout=10)) == 23
    named = {
        "query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }",
        "named-graph-uri": entities,
    }
    assert number(httpx.get(f"{endpoint}/sparql", params=named, timeout=10)) == 23


def test_graph_results_past_the_cap_are_cut_too(endpoint: str) -> None:
    response = post_query(endpoint, "CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples")
    assert response.status_code == 200
    assert len(response.text.strip().splitlines()) == 30
    assert response.headers["X-SPARQL-MaxRows"] == "30"


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        "ASK {{ {{ SELECT ?s WHERE {{ ?s ?p ?o .SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
        "PREFIX r: <{url}> SELECT * WHERE {{ SERVICE r: {{ ?s ?p ?o }} }}",
    ],
)
def test_service_never_reaches_the_network(endpoint: str, template: str) -> None:
    hits: list[str] = []

    class Listener(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(500)
            self.end_headers()

        do_POST = do_GET

        def log_message(self, *args: object) -> None:
            pass

    listener = http.server.HTTPServer(("127.0.0.1", 0), Listener)
    threading.Thread(target=listener.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{listener.server_address[1]}/sparql"
        response = post_query(endpoint, template.format(url=url))
        assert response.status_code == 400
    finally:
        listener.shutdown()
        listener.server_close()
    assert hits == []

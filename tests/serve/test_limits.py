"""Bounded resources: memory per worker, admission, slow and idle clients, Host, CSRF, HEAD."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import httpx
import pytest

from .conftest import Running, start_endpoint

CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }"
DOUBLING = "".join(f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1}) " for i in range(27))
HUNGRY = f"SELECT (STRLEN(?x27) AS ?n) WHERE {{ BIND('ab' AS ?x0) {DOUBLING} }}"
ASK = "ASK { ?s ?p ?o }"
INSERT = "INSERT DATA { GRAPH <https://w3id.org/g60kg/graph/entities> { <urn:x:a> <urn:x:b> 1 } }"


@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    """One general worker, the reserved one, an 800 MB ceiling and short client timeouts."""
    running = start_endpoint(
        tmp_path_factory.mktemp("limited"),
        timeout_s=10.0,
        workers=1,
        memory_mb=800,
        header_timeout_s=1.0,
        max_connections=20,
        allow_update=True,
    )
    yield running
    running.stop()


def ask(url: str, **kwargs: object) -> httpx.Response:
    return httpx.get(f"{url}/sparql", params={"query": ASK}, timeout=30, **kwargs)  # type: ignore[arg-type]


def test_a_query_past_the_memory_ceiling_is_503_and_the_worker_replaced(limited: Running) -> None:
    answer = httpx.post(f"{limited.url}/sparql", data={"query": HUNGRY}, timeout=60)
    assert answer.status_code == 503 and "800 MB" in answer.text
    for _ in range(3):
        assert ask(limited.url).json()["boolean"] is True


def test_cheap_queries_answer_while_clients_loop_expensive_ones(limited: Running) -> None:
    stop = threading.Event()
    statuses: list[int] = []

    def expensive() -> None:
        for _ in range(2):  # bounded: each client loops at most twice
            if stop.is_set():
                return
            statuses.append(
                httpx.post(f"{limited.url}/sparql", data={"query": CROSS}, timeout=60).status_code
            )

    clients = [threading.Thread(target=expensive) for _ in range(3)]
    for client in clients:
        client.start()
    try:
        answers = [ask(limited.url) for _ in range(12)]
        cheap = [answer.status_code for answer in answers]
    finally:
        stop.set()
        for client in clients:
            client.join(120)
    assert cheap == [200] * 12, [answer.text for answer in answers]
    assert statuses and set(statuses) <= {200, 503}


def test_head_does_not_run_the_query(limited: Running) -> None:
    answer = httpx.head(f"{limited.url}/sparql", params={"query": CROSS}, timeout=10)
    assert answer.status_code == 405 and answer.headers["allow"] == "GET, POST"


@pytest.mark.parametrize(
    "request_line",
    [
        b"GET /sparql?query=ASK%20%7B%7D%FF HTTP/1.1",
        b"GET /sparql?query=ASK%20%7B%7D\xff HTTP/1.1",
    ],
)
def test_query_strings_that_are_not_utf8_are_400(limited: Running, request_line: bytes) -> None:
    host, port = limited.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(request_line + b"\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        reply = sock.recv(4096)
    assert reply.startswith(b"HTTP/1.1 400"), reply


def test_form_bodies_that_are_not_utf8_are_400(limited: Running) -> None:
    answer = httpx.post(
        f"{limited.url}/sparql",
        content=b"query=ASK%20%7B%7D%C3%28",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        timeout=10,
    )
    assert answer.status_code == 400 and "UTF-8" in answer.text


def test_a_client_too_slow_to_send_headers_is_disconnected(limited: Running) -> None:
    host, port = limited.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127")
        assert sock.recv(4096) == b""  # closed by the server, not by our 30 s timeout


def test_a_body_that_never_completes_is_408(limited: Running) -> None:
    host, port = limited.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(
            b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query"
            b"\r\nContent-Length: 100\r\n\r\nASK {"
        )
        assert sock.recv(4096).startswith(b"HTTP/1.1 408")


def test_connections_past_the_cap_are_closed_and_service_resumes(limited: Running) -> None:
    host, port = limited.url.removeprefix("http://").split(":")
    idle = [socket.create_connection((host, int(port)), timeout=30) for _ in range(30)]
    try:
        closed = 0
        for sock in idle:  # every idle connection ends: past the cap at once, others after 1 s
            if sock.recv(1) == b"":
                closed += 1
        assert closed == 30
    finally:
        for sock in idle:
            sock.close()
    assert ask(limited.url).status_code == 200


def test_a_host_naming_another_site_is_refused(limited: Running) -> None:
    assert ask(limited.url, headers={"Host": "rebound.example:7878"}).status_code == 421
    assert ask(limited.url, headers={"Host": "localhost"}).status_code == 200


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://attacker.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
    ],
)
def test_cross_site_updates_are_refused(limited: Running, headers: dict[str, str]) -> None:
    answer = httpx.post(f"{limited.url}/sparql", data={"update": INSERT}, headers=headers)
    assert answer.status_code == 403
    probe = "ASK { <urn:x:a> <urn:x:b> 1 }"
    found = httpx.get(f"{limited.url}/sparql", params={"query": probe}, timeout=10)
    assert found.json()["boolean"] is False


def test_same_origin_updates_still_work(limited: Running) -> None:
    origin = {"Origin": limited.url, "Sec-Fetch-Site": "same-origin"}
    update = INSERT.replace("urn:x:a", "urn:x:same")
    answer = httpx.post(f"{limited.url}/sparql", data={"update": update}, headers=origin)
    assert answer.status_code == 204


BRACES = "SELECT * WHERE " + "{" * 999_000
SORTED_CROSS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?c ?f"


def test_a_sorted_cross_product_is_503_and_the_worker_replaced(limited: Running) -> None:
    """Whichever comes first on this machine (the engine's abort, the memory ceiling or the 10 s
    limit), the client gets a 503 that says why, and the next queries are answered."""
    answer = httpx.post(f"{limited.url}/sparql", data={"query": SORTED_CROSS}, timeout=60)
    assert answer.status_code == 503, answer.text
    reasons = ("worker", "800 MB", "timed out after 10 s")
    assert any(why in answer.text for why in reasons), answer.text
    assert "Traceback" not in answer.text
    for _ in range(3):
        assert ask(limited.url).json()["boolean"] is True


def test_cheap_queries_answer_while_clients_post_a_megabyte_of_braces(limited: Running) -> None:
    """The text is read in a worker, not on the event loop: cheap queries still answer."""
    statuses: list[int] = []

    def hostile() -> None:
        for _ in range(2):  # bounded: each client posts twice
            answer = httpx.post(
                f"{limited.url}/sparql",
                content=BRACES.encode(),
                headers={"Content-Type": "application/sparql-query"},
                timeout=60,
            )
            statuses.append(answer.status_code)

    clients = [threading.Thread(target=hostile) for _ in range(3)]
    for client in clients:
        client.start()
    try:
        cheap = [ask(limited.url).status_code for _ in range(12)]
    finally:
        for client in clients:
            client.join(120)
    assert cheap == [200] * 12
    assert len(statuses) == 6 and set(statuses) <= {400, 503}

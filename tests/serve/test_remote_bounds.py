"""push and remote queries end in time, read bounded bodies and never print credentials."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from g60kg.cli import main
from g60kg.sparql.remote import RemoteError, push, query_endpoint

from .conftest import DATASET, free_port

SECRET, TOKEN = "s3cret-pw", "tok-98765"


class Handler(http.server.BaseHTTPRequestHandler):
    mode = "ok"

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        if self.mode == "drip":
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            for _ in range(60):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(1)
            return
        if self.mode in ("huge-error", "huge-results"):
            self.send_response(500 if self.mode == "huge-error" else 200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            chunk = b'{"x": "' + b"y" * 65_536
            for _ in range(2_000):  # up to 128 MB, far past any cap
                try:
                    self.wfile.write(chunk)
                except OSError:
                    return
            return
        if self.mode == "refuse":
            self.send_response(401)
            self.end_headers()
            self.wfile.write(f"bad token {TOKEN} for password {SECRET}".encode())
            return
        self.send_response(204)
        self.end_headers()

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server(request: pytest.FixtureRequest) -> Iterator[str]:
    handler = type("H", (Handler,), {"mode": request.param})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("server", ["drip"], indirect=True)
def test_a_server_sending_a_byte_a_second_cannot_hold_a_query(server: str) -> None:
    with pytest.raises(RemoteError, match="deadline"):
        query_endpoint(f"{server}/sparql", "ASK {}", timeout_s=3)


@pytest.mark.parametrize("server", ["drip"], indirect=True)
def test_a_push_has_an_overall_deadline(server: str) -> None:
    with pytest.raises(RemoteError, match="deadline"):
        push(DATASET, f"{server}/store", timeout_s=30, deadline_s=3)


@pytest.mark.parametrize("server", ["huge-error"], indirect=True)
def test_an_endless_error_body_is_cut(server: str) -> None:
    with pytest.raises(RemoteError) as caught:
        push(DATASET, f"{server}/store", deadline_s=60)
    assert "answered 500" in str(caught.value) and len(str(caught.value)) < 1_000


@pytest.mark.parametrize("server", ["huge-results"], indirect=True)
def test_results_past_the_byte_cap_are_refused(server: str) -> None:
    with pytest.raises(RemoteError, match="more than 100000 bytes"):
        query_endpoint(f"{server}/sparql", "ASK {}", max_bytes=100_000, timeout_s=60)


@pytest.mark.parametrize("server", ["refuse"], indirect=True)
def test_credentials_never_appear_in_messages(server: str) -> None:
    url = server.replace("://", f"://dba:{SECRET}@") + f"/sparql?token={TOKEN}"
    for call in (
        lambda: query_endpoint(url, "ASK {}", auth=("dba", SECRET)),
        lambda: push(DATASET, url, auth=("dba", SECRET)),
        lambda: query_endpoint(url.replace(server.split(":")[-1], str(free_port())), "ASK {}"),
    ):
        with pytest.raises(RemoteError) as caught:
            call()
        assert SECRET not in str(caught.value) and TOKEN not in str(caught.value)


@pytest.mark.parametrize("server", ["ok", "refuse"], indirect=True)
def test_the_push_command_prints_no_credentials(server: str) -> None:
    url = server.replace("://", f"://dba:{SECRET}@") + f"/store?token={TOKEN}"
    result = CliRunner().invoke(main, ["push", url, "--dataset", str(DATASET)])
    assert SECRET not in result.output and TOKEN not in result.output
    assert "Traceback" not in result.output

"""A cross-site form in a real browser cannot update a writable endpoint (CSRF).

The attacking page is served from another origin on 127.0.0.1 (another port: same site,
another origin, as a page on a LAN host would be); it posts an update form to
`g60kg serve --allow-update`. The update must be refused and the triple never stored.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from .conftest import Running, start_endpoint

TRIPLE = "<urn:x:csrf> <urn:x:b> 1"
UPDATE = f"INSERT DATA {{ GRAPH <https://w3id.org/g60kg/graph/entities> {{ {TRIPLE} }} }}"


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    running = start_endpoint(tmp_path_factory.mktemp("csrf"), allow_update=True, workers=1)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def attacker(writable: Running) -> Iterator[str]:
    page = (
        f'<form id="f" method="POST" action="{writable.url}/sparql">'
        f'<input type="hidden" name="update" value="{UPDATE.replace(chr(34), "&quot;")}">'
        "</form><script>document.getElementById('f').submit()</script>"
    ).encode()

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def test_a_cross_site_form_cannot_update(context: Any, writable: Running, attacker: str) -> None:
    browser_page = context.new_page()
    try:
        with browser_page.expect_navigation(url=f"{writable.url}/sparql", timeout=30_000):
            browser_page.goto(attacker)
        shown = browser_page.content()
    finally:
        browser_page.close()
    assert "updates from pages of other sites are refused" in shown
    probe = f"ASK {{ {TRIPLE} }}"
    found = httpx.get(f"{writable.url}/sparql", params={"query": probe}, timeout=10)
    assert found.json()["boolean"] is False


def test_the_same_update_without_a_browser_works(writable: Running, tmp_path: Path) -> None:
    """Control: the refusal above is the cross-site check, not a broken update."""
    answer = httpx.post(f"{writable.url}/sparql", data={"update": UPDATE}, timeout=30)
    assert answer.status_code == 204
    probe = f"ASK {{ {TRIPLE} }}"
    found = httpx.get(f"{writable.url}/sparql", params={"query": probe}, timeout=10)
    assert found.json()["boolean"] is True

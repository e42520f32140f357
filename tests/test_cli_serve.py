"""`g60kg serve` as a user starts it: a real process on 127.0.0.1, stopped by SIGTERM."""

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
from pathlib import Path

from g60kg.build import build


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def test_serve_answers_then_stops_on_sigterm(tmp_path: Path) -> None:
    build(out_dir=tmp_path)
    port = free_port()
    g60kg = shutil.which("g60kg", path=str(Path(sys.executable).parent)) or "g60kg"
    process = subprocess.Popen(
        [g60kg, "serve", "--dataset", str(tmp_path), "--port", str(port), "--workers", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        query = "SELECT ?l WHERE { <https://w3id.org/g60kg/id/adm-310117106> rdfs:label ?l }"
        url = f"http://127.0.0.1:{port}/sparql?" + urllib.parse.urlencode(
            {"query": "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> " + query}
        )
        request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(request, timeout=5) as response:
                    answer = json.load(response)
                break
            except OSError:
                assert process.poll() is None, process.stdout.read()  # type: ignore[union-attr]
                assert time.monotonic() < deadline, "the server did not answer within 60 s"
                time.sleep(0.3)
        labels = {b["l"]["value"] for b in answer["results"]["bindings"]}
        assert labels == {"洞泾镇", "Dongjing Town"}
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) is not None

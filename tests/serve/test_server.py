"""The server process: SIGTERM stops it promptly (workers included); updates when enabled."""

from __future__ import annotations

import signal
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from g60kg.serve import load_store, serve

from .conftest import DATASET, endpoint_command, free_port, launch, start_endpoint

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }"
ENTITIES = "https://w3id.org/g60kg/graph/entities"


def children(pid: int) -> list[int]:
    listing = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True)
    return [int(line) for line in listing.stdout.split()]


def is_running(pid: int) -> bool:
    """True unless the process is gone or a zombie (dead, waiting to be reaped)."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return status.rsplit(")", 1)[1].split()[0] != "Z"


def test_sigterm_stops_the_server_promptly_during_a_slow_query(tmp_path: Path) -> None:
    running = start_endpoint(tmp_path, timeout_s=60.0, workers=2)
    workers = children(running.process.pid)
    assert len(workers) >= 2
    slow: dict[str, Any] = {}

    def run_slow() -> None:
        try:
            slow["status"] = httpx.post(
                f"{running.url}/sparql", data={"query": SLOW}, timeout=30
            ).status_code
        except httpx.HTTPError as error:
            slow["error"] = error

    thread = threading.Thread(target=run_slow)
    thread.start()
    time.sleep(0.5)
    running.process.send_signal(signal.SIGTERM)
    running.process.wait(10)  # raises if the server waited for the slow query (up to 30 s)
    thread.join(10)
    assert "status" not in slow or slow["status"] != 200
    time.sleep(0.2)
    alive = [pid for pid in workers if is_running(pid)]
    assert not alive, f"worker processes left running: {alive}"
    assert list((tmp_path / "tmp").glob("g60kg-serve-*")) == []


def test_sigterm_during_a_long_load_stops_at_once_and_leaves_no_store(tmp_path: Path) -> None:
    big = tmp_path / "big.nq"
    with big.open("w", encoding="utf-8") as out:
        for n in range(300_000):
            graph = f"<https://w3id.org/g60kg/graph/source/s{n % 50}>"
            out.write(f'<https://w3id.org/g60kg/id/E{n}> <urn:x:label> "企业{n}"@zh {graph} .\n')
    process = launch(endpoint_command(free_port(), dataset=big), tmp_path / "serve.log")
    stores = tmp_path / "tmp"
    deadline = time.monotonic() + 10
    while not list(stores.glob("g60kg-serve-*/*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    assert process.poll() is None, "the load finished too soon to test stopping it"
    process.send_signal(signal.SIGTERM)
    process.wait(10)  # raises if the load ran on to its end
    assert list(stores.glob("g60kg-serve-*")) == []


def test_updates_change_the_served_copy_when_enabled(tmp_path: Path) -> None:
    running = start_endpoint(tmp_path, allow_update=True, workers=2)
    sparql = f"{running.url}/sparql"
    try:
        update = f'INSERT DATA {{ GRAPH <{ENTITIES}> {{ <urn:x:new> <urn:x:label> "新企业"@zh }} }}'
        response = httpx.post(sparql, data={"update": update}, timeout=30)
        assert response.status_code == 204, response.text
        for _ in range(4):  # every worker, old or renewed, sees the change
            ask = httpx.get(sparql, params={"query": 'ASK { ?s ?p "新企业"@zh }'}, timeout=30)
            assert ask.json()["boolean"] is True
        loading = httpx.post(sparql, data={"update": "LOAD <http://127.0.0.1:9/x.ttl>"})
        assert loading.status_code == 400
        bad = httpx.post(sparql, data={"update": "INSERT DATA { oops }"}, timeout=30)
        assert bad.status_code == 400 and "error at" in bad.text
    finally:
        running.stop()


def test_a_missing_dataset_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no dataset at"):
        load_store(tmp_path / "missing.nq", str(tmp_path / "store"))


def test_a_kept_store_is_reused_for_the_same_dataset_only(tmp_path: Path) -> None:
    folder = str(tmp_path / "store")
    assert load_store(DATASET, folder)[2] is False
    assert load_store(DATASET, folder) == (42, load_store(DATASET, folder)[1], True)
    changed = tmp_path / "changed.nq"
    extra = '<urn:x:a> <urn:x:b> "新" <https://w3id.org/g60kg/graph/entities> .\n'
    changed.write_text(DATASET.read_text(encoding="utf-8") + extra, encoding="utf-8")
    size, _, reused = load_store(changed, folder)
    assert (size, reused) == (43, False)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ValueError, match="neither empty nor a g60kg store"):
        load_store(DATASET, str(tmp_path / "other"))
    assert (tmp_path / "other" / "notes.txt").exists()
    with pytest.raises(ValueError, match="not with allow_update"):
        serve(DATASET, store_dir=folder, allow_update=True)


def test_a_second_run_serves_the_kept_store(tmp_path: Path) -> None:
    folder = str(tmp_path / "store")
    for how in ("loaded", "reused the store"):
        running = start_endpoint(tmp_path, store_dir=folder)
        try:
            ask = httpx.get(f"{running.url}/sparql", params={"query": "ASK { ?s ?p ?o }"})
            assert ask.json()["boolean"] is True
        finally:
            running.stop()
        assert how in running.log.read_text(encoding="utf-8")
    assert Path(folder, "g60kg-dataset.sha256").is_file()


def test_example_headers_with_several_parameters(tmp_path: Path) -> None:
    from g60kg.serve.examples import read_examples

    (tmp_path / "b.rq").write_text(
        "#+ params: place=IRI of a place; year=a year, as 2024\nASK {}\n", encoding="utf-8"
    )
    (tmp_path / "a.rq").write_text("ASK {}\n", encoding="utf-8")
    first, second = read_examples(tmp_path)
    assert (first.name, first.params, first.title_zh) == ("a", {}, "")
    assert second.params == {"place": "IRI of a place", "year": "a year, as 2024"}
    assert read_examples(tmp_path / "missing") == []

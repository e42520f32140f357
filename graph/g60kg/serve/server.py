"""Run the endpoint: load a dataset into a private on-disk store, then serve it over HTTP.

Example (blocks until SIGINT or SIGTERM):

>>> serve("build/g60kg.nq", queries_dir=Path("ontology/queries"))  # doctest: +SKIP
serving build/g60kg.nq (12345 quads, 9 graphs) on http://127.0.0.1:7878/
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import uvicorn
from pyoxigraph import RdfFormat, Store

from g60kg.serve.app import create_app
from g60kg.serve.examples import read_examples

__all__ = ["load_store", "serve"]


def load_store(dataset_path: Path, store_dir: str) -> tuple[int, frozenset[str]]:
    """Bulk-load an N-Quads or TriG file into a new store; return its size and graph names."""
    if not dataset_path.is_file():
        raise FileNotFoundError(f"no dataset at {dataset_path}")
    rdf_format = RdfFormat.from_extension(dataset_path.suffix.lstrip("."))
    if rdf_format is None or not rdf_format.supports_datasets:
        raise ValueError(f"{dataset_path} is not N-Quads or TriG (.nq, .trig)")
    store = Store(store_dir)
    store.bulk_load(path=dataset_path, format=rdf_format)
    store.flush()
    graphs = frozenset(graph.value for graph in store.named_graphs())
    size = len(store)
    del store  # releases the store's lock so the workers can open it
    return size, graphs


def serve(
    dataset_path: Path | str,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    queries_dir: Path | str | None = None,
    timeout_s: float = 30.0,
    max_rows: int = 10_000,
    allow_update: bool = False,
    workers: int | None = None,
    max_body_bytes: int = 1_000_000,
) -> None:
    """Serve the dataset as a SPARQL 1.1 Protocol endpoint until SIGINT or SIGTERM.

    Queries run in ``workers`` processes (default: one per CPU, at least two); each query is
    stopped after ``timeout_s`` seconds and cut to ``max_rows`` rows. Updates answer 403
    unless ``allow_update``; they change the private copy only, never ``dataset_path``.
    """
    dataset = Path(dataset_path)
    with _stopped_by_signals(), tempfile.TemporaryDirectory(prefix="g60kg-serve-") as store_dir:
        size, graphs = _load_in_child(dataset, store_dir)
        app = create_app(
            store_dir,
            graphs=graphs,
            examples=read_examples(Path(queries_dir) if queries_dir else None),
            timeout_s=timeout_s,
            max_rows=max_rows,
            allow_update=allow_update,
            workers=workers or max(2, os.cpu_count() or 2),
            max_body_bytes=max_body_bytes,
        )
        print(f"serving {dataset} ({size} quads, {len(graphs)} graphs) on http://{host}:{port}/")
        config = uvicorn.Config(
            app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=1
        )
        uvicorn.Server(config).run()


def _load_in_child(dataset: Path, store_dir: str) -> tuple[int, frozenset[str]]:
    """load_store in a child process, so a signal can stop a long load at once."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(load_store, (dataset, store_dir))


class _Stop(Exception):
    """SIGINT or SIGTERM arrived: leave, removing the private store on the way."""


def _raise_stop(signum: int, frame: FrameType | None) -> None:
    raise _Stop(signum)


@contextlib.contextmanager
def _stopped_by_signals() -> Iterator[None]:
    """Turn SIGINT/SIGTERM into a normal return, so temporary files are removed.

    While serving, uvicorn handles both signals with a graceful shutdown, then raises the
    signal again; this handler (and the load before it) turn that into leaving quietly.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach only the main thread; uvicorn then leaves them alone too
        return
    previous = {sig: signal.signal(sig, _raise_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    except _Stop:
        pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)

"""Run the endpoint: load a dataset into a private on-disk store, then serve it over HTTP.

Example (blocks until SIGINT or SIGTERM):

>>> serve("build/g60kg.nq", queries_dir=Path("ontology/queries"))  # doctest: +SKIP
serving build/g60kg.nq (12345 quads, 9 graphs, loaded) on http://127.0.0.1:7878/

The port is taken before the dataset is loaded, and the line above is printed only once the
server accepts connections: a port in use is a `G60Error` and nothing is served.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import multiprocessing
import os
import re
import signal
import socket
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import uvicorn
from pyoxigraph import Store

from g60kg.errors import G60Error
from g60kg.rdf.namespaces import PREFIXES
from g60kg.rdf.store import dataset_format, load_dataset_file
from g60kg.serve.app import create_app
from g60kg.serve.examples import Example, bind_examples, read_examples
from g60kg.serve.guards import GuardedH11Protocol, raise_file_limit
from g60kg.serve.workers import DEFAULT_MEMORY_MB

__all__ = ["load_store", "serve"]


_MARKER = "g60kg-dataset.sha256"
# The files an Oxigraph (RocksDB) store consists of: the only ones a reload may delete.
_STORE_FILE = re.compile(
    r"(CURRENT|IDENTITY|LOCK|LOG(\.old\.\d+)?|MANIFEST-\d+|OPTIONS-\d+|\d+\.(sst|log|blob))"
)


def _clear_store(folder: Path) -> None:
    """Delete a stale store of ours; refuse if the folder holds anything else."""
    others = sorted(
        p.name for p in folder.iterdir() if p.name != _MARKER and not _STORE_FILE.fullmatch(p.name)
    )
    if others:
        raise ValueError(
            f"{folder} holds a g60kg store and other files ({', '.join(others[:5])}); "
            "not touching it: move those files or choose another --store folder"
        )
    (folder / _MARKER).unlink()
    for path in folder.iterdir():
        path.unlink()


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as data:
        while chunk := data.read(1 << 20):
            sha.update(chunk)
    return sha.hexdigest()


def load_store(dataset_path: Path, store_dir: str) -> tuple[int, frozenset[str], bool]:
    """Load an N-Quads or TriG file into the store in ``store_dir``, unless it already holds it.

    Returns the store's size, its graph names, and whether an earlier load was reused. A
    folder is reused when its marker names the dataset's SHA-256; one that is neither empty
    nor a g60kg store is refused, never overwritten.
    """
    dataset_format(dataset_path)
    folder = Path(store_dir)
    marker = folder / _MARKER
    digest = _digest(dataset_path)
    reused = marker.is_file() and marker.read_text(encoding="utf-8") == digest
    if reused:
        store = Store.read_only(store_dir)
    else:
        if marker.is_file():
            _clear_store(folder)
        elif folder.is_dir() and any(folder.iterdir()):
            raise ValueError(f"{folder} is neither empty nor a g60kg store; not touching it")
        store = Store(store_dir)
        load_dataset_file(store, dataset_path)
        store.flush()
    graphs = frozenset(graph.value for graph in store.named_graphs())
    size = len(store)
    del store  # releases the store's lock so the workers can open it
    if not reused:
        marker.write_text(digest, encoding="utf-8")
    return size, graphs, reused


@contextlib.contextmanager
def _store_folder(store_dir: Path | str | None) -> Iterator[str]:
    """The given folder (kept), or a temporary one removed afterwards."""
    if store_dir is not None:
        Path(store_dir).mkdir(parents=True, exist_ok=True)
        yield str(store_dir)
        return
    with tempfile.TemporaryDirectory(prefix="g60kg-serve-") as temporary:
        yield temporary


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
    store_dir: Path | str | None = None,
    memory_mb: int | None = DEFAULT_MEMORY_MB,
    max_connections: int = 1000,
    header_timeout_s: float = 10.0,
) -> None:
    """Serve the dataset as a SPARQL 1.1 Protocol endpoint until SIGINT or SIGTERM.

    Queries run in ``workers`` processes (default: one per CPU, at least two); each query is
    stopped after ``timeout_s`` seconds and cut to ``max_rows`` rows. Updates answer 403
    unless ``allow_update``; they change the private copy only, never ``dataset_path``.

    The dataset is loaded into a temporary store removed on exit, or into ``store_dir``,
    which is kept and reused by the next run over the same dataset bytes (not combinable
    with ``allow_update``, which would change it).

    Each worker may use ``memory_mb`` of address space; at most ``max_connections`` are
    open, each sending its request headers within ``header_timeout_s`` and its body within
    ``timeout_s``; requests whose Host header names another site are refused.
    """
    dataset = Path(dataset_path)
    if store_dir is not None and allow_update:
        raise ValueError("store_dir keeps a reusable copy of the dataset: not with allow_update")
    listening = _listen(host, port)  # before the load: a taken port fails at once
    with (
        contextlib.closing(listening),
        _stopped_by_signals(),
        _store_folder(store_dir) as folder,
    ):
        size, graphs, reused = _load_in_child(dataset, folder)
        app = create_app(
            folder,
            graphs=graphs,
            examples=_examples(folder, Path(queries_dir) if queries_dir else None),
            timeout_s=timeout_s,
            max_rows=max_rows,
            allow_update=allow_update,
            workers=workers or max(2, os.cpu_count() or 2),
            max_body_bytes=max_body_bytes,
            memory_mb=memory_mb,
            bound_host=host,
            dataset=dataset,
        )
        how = f"reused the store in {folder}" if reused else "loaded"
        url = f"http://{host}:{listening.getsockname()[1]}/"
        raise_file_limit()
        protocol = type(
            "Protocol",
            (GuardedH11Protocol,),
            {"header_timeout_s": header_timeout_s, "max_connections": max_connections},
        )
        config = uvicorn.Config(
            app,
            host=host,
            port=port,
            log_level="warning",
            timeout_graceful_shutdown=1,
            http=protocol,
            limit_concurrency=max_connections,
            timeout_keep_alive=5,
            h11_max_incomplete_event_size=16 * 1024,
        )
        server = _AnnouncingServer(config)
        server.announcement = f"serving {dataset} ({size} quads, {len(graphs)} graphs, {how})"
        server.announcement += f" on {url}"
        server.run(sockets=[listening])


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port``; a G60Error saying why when the port cannot be had."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listening = socket.socket(family, socket.SOCK_STREAM)
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listening.bind((host, port))
    except OSError as error:
        listening.close()
        if error.errno == errno.EADDRINUSE:
            raise G60Error(
                f"cannot serve on {host}:{port}: the port is already in use (another server, "
                "perhaps an earlier g60kg serve); stop it or choose another --port"
            ) from None
        raise G60Error(f"cannot serve on {host}:{port}: {error.strerror or error}") from None
    return listening


class _AnnouncingServer(uvicorn.Server):
    """Says where it serves once the port accepts connections, not before."""

    announcement = ""

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            print(self.announcement, flush=True)


def _examples(store_dir: str, queries_dir: Path | None) -> list[Example]:
    """The named queries of ``queries_dir``, their example parameters bound in the store."""
    examples = read_examples(queries_dir)
    if not examples:
        return examples
    store = Store.read_only(store_dir)
    try:
        return bind_examples(examples, store, PREFIXES)
    finally:
        del store  # let go of the store before the workers open it


def _load_in_child(dataset: Path, store_dir: str) -> tuple[int, frozenset[str], bool]:
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

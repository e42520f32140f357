"""A pool of worker processes that run SPARQL over one on-disk Oxigraph store.

pyoxigraph cannot cancel a running query, so each query runs in a worker process that opens
the store read-only; a query past its timeout gets its worker killed and replaced, and the
other workers keep answering. Updates, when allowed, go to one writer process; readers opened
before an update are replaced so later queries see it.

Example (in an event loop; ``store_dir`` holds a store written by ``pyoxigraph.Store``):

>>> async def ask(store_dir: str) -> Answer:  # doctest: +SKIP
...     pool = WorkerPool(store_dir, size=2, timeout_s=5.0)
...     await pool.start()
...     try:
...         return await pool.run(Job("query", "ASK { ?s ?p ?o }", "application/json"))
...     finally:
...         await pool.close()
"""

from __future__ import annotations

import asyncio
import multiprocessing
import signal
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Literal

from pyoxigraph import BlankNode, DefaultGraph, NamedNode, QueryBoolean, QuerySolutions, Store

from g60kg.serve.negotiate import choose
from g60kg.serve.results import encode

__all__ = ["Answer", "Job", "WorkerPool"]

_CONTEXT = multiprocessing.get_context("spawn")


@dataclass(frozen=True)
class Job:
    """One SPARQL operation, as the HTTP layer hands it to a worker."""

    kind: Literal["query", "update"]
    text: str
    accept: str = ""
    max_rows: int = 10_000
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    union_default: bool = True


@dataclass(frozen=True)
class Answer:
    """What to send back: HTTP status, media type, body, and whether rows were cut."""

    status: int
    media_type: str
    body: bytes
    truncated: bool = False


def _error(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", message.encode("utf-8"))


def _query(store: Store, job: Job) -> Answer:
    default: list[NamedNode | BlankNode | DefaultGraph] | None = None
    named: list[NamedNode | BlankNode] | None = None
    if job.default_graphs:
        default = [NamedNode(iri) for iri in job.default_graphs]
    if job.named_graphs:
        named = [NamedNode(iri) for iri in job.named_graphs]
    union = job.union_default and default is None and named is None
    result = store.query(
        job.text, use_default_graph_as_union=union, default_graph=default, named_graphs=named
    )
    form = "SELECT" if isinstance(result, QuerySolutions | QueryBoolean) else "CONSTRUCT"
    media_type = choose(job.accept, form)
    if media_type is None:
        return _error(406, f"cannot answer this {form} query as {job.accept}")
    body, truncated = encode(result, media_type, job.max_rows)
    return Answer(200, f"{media_type}; charset=utf-8", body, truncated)


def _run(store: Store, job: Job) -> Answer:
    try:
        if job.kind == "update":
            store.update(job.text)
            store.flush()
            return Answer(204, "text/plain", b"")
        return _query(store, job)
    except SyntaxError as error:
        return _error(400, f"SPARQL syntax error: {error}")
    except (OSError, ValueError, RuntimeError) as error:
        return _error(500, f"query failed: {error}")


def _work(conn: Connection, store_dir: str, writable: bool) -> None:
    """Worker process main loop: open the store, then answer jobs until the pipe closes."""
    # Ctrl-C reaches the whole process group; the parent decides when workers stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    store = Store(store_dir) if writable else Store.read_only(store_dir)
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(_run(store, job))


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection
    generation: int


async def _readable(conn: Connection, timeout_s: float | None) -> None:
    loop = asyncio.get_running_loop()
    ready: asyncio.Future[None] = loop.create_future()

    def wake() -> None:
        if not ready.done():
            ready.set_result(None)

    loop.add_reader(conn.fileno(), wake)
    try:
        await asyncio.wait_for(ready, timeout_s)
    finally:
        loop.remove_reader(conn.fileno())


class WorkerPool:
    """Worker processes over the store in ``store_dir``, with a per-operation timeout."""

    def __init__(
        self, store_dir: str, *, size: int, timeout_s: float, allow_update: bool = False
    ) -> None:
        if size < 1:
            raise ValueError(f"a pool needs at least one worker, not {size}")
        self.store_dir = store_dir
        self.size = size
        self.timeout_s = timeout_s
        self.allow_update = allow_update
        self._generation = 0
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._writer: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()
        self._spawning: set[asyncio.Task[None]] = set()

    async def _spawn(self, writable: bool = False) -> None:
        parent, child = _CONTEXT.Pipe()
        process = _CONTEXT.Process(
            target=_work, args=(child, self.store_dir, writable), daemon=True
        )
        process.start()
        child.close()
        worker = _Worker(process, parent, self._generation)
        self._all.add(worker)
        try:
            await _readable(parent, 60.0)
            parent.recv()
        except BaseException:
            self._kill(worker)
            raise
        await (self._writer if writable else self._idle).put(worker)

    def _respawn(self, writable: bool) -> None:
        task = asyncio.create_task(self._spawn(writable))
        self._spawning.add(task)
        task.add_done_callback(self._spawning.discard)

    def _kill(self, worker: _Worker) -> None:
        self._all.discard(worker)
        worker.process.kill()
        worker.process.join(1.0)
        worker.conn.close()

    async def start(self) -> None:
        """Start the workers (and the writer when updates are allowed); return when ready."""
        spawns = [self._spawn() for _ in range(self.size)]
        if self.allow_update:
            spawns.append(self._spawn(writable=True))
        await asyncio.gather(*spawns)

    async def run(self, job: Job) -> Answer:
        """Run one job; past the timeout the worker is killed and a 503 answer returned."""
        writable = job.kind == "update"
        if writable and not self.allow_update:
            return _error(403, "updates are not allowed on this endpoint")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout_s
        try:
            worker = await asyncio.wait_for(self._acquire(writable), self.timeout_s)
        except TimeoutError:
            return _error(503, f"all workers stayed busy for {self.timeout_s:g} s; retry later")
        try:
            worker.conn.send(job)
            await _readable(worker.conn, max(deadline - loop.time(), 0.0))
            answer: Answer = worker.conn.recv()
        except BaseException as error:
            self._kill(worker)
            self._respawn(writable)
            if isinstance(error, TimeoutError):
                return _error(503, f"query timed out after {self.timeout_s:g} s")
            if isinstance(error, EOFError | OSError):
                return _error(500, f"the worker running the query died: {error!r}")
            raise
        self._release(worker, writable)
        if writable and answer.status < 300:
            self._renew_readers()
        return answer

    async def _acquire(self, writable: bool) -> _Worker:
        """An idle worker; a reader that may predate the last update is replaced first."""
        if writable:
            return await self._writer.get()
        while (worker := await self._idle.get()).generation != self._generation:
            self._kill(worker)
            self._respawn(False)
        return worker

    def _release(self, worker: _Worker, writable: bool) -> None:
        if writable or worker.generation == self._generation:
            (self._writer if writable else self._idle).put_nowait(worker)
        else:
            self._kill(worker)
            self._respawn(False)

    def _renew_readers(self) -> None:
        self._generation += 1
        while not self._idle.empty():
            self._kill(self._idle.get_nowait())
            self._respawn(False)

    async def close(self) -> None:
        """Stop every worker at once."""
        for task in list(self._spawning):
            task.cancel()
        for worker in list(self._all):
            self._kill(worker)

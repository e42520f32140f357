"""A pool of worker processes that run SPARQL over one on-disk Oxigraph store.

pyoxigraph cannot cancel a running query, so each query runs in a worker process that opens
the store read-only; a query past its timeout gets its worker killed and replaced, and the
other workers keep answering. Updates, when allowed, go to one writer process; readers opened
before an update are replaced so later queries see it.

Every worker first leaves the network (`g60kg.netwall`) and caps its own memory
(``RLIMIT_AS``); it reads the query's shape itself (`g60kg.queryguard`), so a large or
hostile text costs a worker's time, never the event loop's. A query past the memory ceiling
gets a 503 and its worker is replaced.

Admission keeps cheap queries answering while long ones run: besides the ``size`` general
workers, a reserved worker takes only queries not known to be slow, for at most
``cheap_s`` seconds; a query that takes longer there is remembered as slow and finishes in
the general pool within its own timeout. Queries remembered as slow never use the reserved
worker, so clients looping expensive queries can fill the general pool, not starve the rest.

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
import contextlib
import hashlib
import multiprocessing
import os
from collections import OrderedDict
from collections.abc import Coroutine
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Literal

from g60kg.serve.execute import work
from g60kg.serve.jobs import Answer, Job, error_answer, stopped_message

__all__ = ["DEFAULT_MEMORY_MB", "Answer", "Job", "WorkerPool"]

_CONTEXT = multiprocessing.get_context("spawn")
# Two general workers, the reserved one and a writer at 3 GiB each stay well inside 24 GB.
DEFAULT_MEMORY_MB = 3072
_Lane = Literal["general", "reserved", "writer", "standby"]


def _cpu_seconds(worker: _Worker) -> float:
    """CPU time the worker process has used so far (0 where /proc cannot tell)."""
    try:
        fields = Path(f"/proc/{worker.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _set_nice(worker: _Worker, value: int) -> None:
    """Lower (or restore, where allowed) a worker's CPU priority to niceness ``value``."""
    if worker.process.pid is not None:
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, worker.process.pid, value)


def _own_nice() -> int:
    """This process's niceness: workers start with it, known-slow queries run 10 above it."""
    try:
        return os.getpriority(os.PRIO_PROCESS, 0)
    except OSError:
        return 0


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection
    generation: int
    lane: _Lane


async def _readable(conn: Connection, timeout_s: float | None) -> None:
    loop = asyncio.get_running_loop()
    ready: asyncio.Future[None] = loop.create_future()

    def wake() -> None:
        if not ready.done():
            ready.set_result(None)

    descriptor = conn.fileno()  # kept: the connection may be closed while we wait
    loop.add_reader(descriptor, wake)
    try:
        await asyncio.wait_for(ready, timeout_s)
    finally:
        loop.remove_reader(descriptor)


class WorkerPool:
    """Worker processes over the store in ``store_dir``, with a per-operation timeout."""

    def __init__(
        self,
        store_dir: str,
        *,
        size: int,
        timeout_s: float,
        allow_update: bool = False,
        memory_mb: int | None = DEFAULT_MEMORY_MB,
        cheap_s: float = 0.5,
        reserved: int = 1,
        standby: int = 2,
    ) -> None:
        if size < 1:
            raise ValueError(f"a pool needs at least one worker, not {size}")
        self.store_dir = store_dir
        self.size = size
        self.timeout_s = timeout_s
        self.allow_update = allow_update
        self.memory_mb = memory_mb
        self.cheap_s = min(cheap_s, timeout_s)
        self.reserved = reserved
        self.standby = standby
        self._generation = 0
        self._idle: dict[_Lane, list[_Worker]] = {"general": [], "reserved": []}
        self._ready = asyncio.Condition()
        self._writer: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()
        self._spawning: set[asyncio.Task[None]] = set()
        self._slow: OrderedDict[str, None] = OrderedDict()
        self._standby: list[_Worker] = []
        self._missing: dict[_Lane, int] = {"general": 0, "reserved": 0}
        self._nice = _own_nice()  # relative: a server started under `nice` keeps the gap

    async def _spawn(self, lane: _Lane) -> None:
        parent, child = _CONTEXT.Pipe()
        process = _CONTEXT.Process(
            target=work,
            args=(child, self.store_dir, lane == "writer", self.memory_mb),
            daemon=True,
        )
        process.start()
        child.close()
        worker = _Worker(process, parent, self._generation, lane)
        self._all.add(worker)
        try:
            await _readable(parent, 60.0)
            parent.recv()
        except BaseException:
            self._kill(worker)
            raise
        await self._put(worker)

    async def _put(self, worker: _Worker) -> None:
        if worker.lane == "standby":  # a fresh reader fills the emptiest lane first
            needy: tuple[_Lane, ...] = ("reserved", "general")
            lane = next((n for n in needy if self._missing[n]), None)
            if lane is None:
                self._standby.append(worker)
                return
            self._missing[lane] -= 1
            worker.lane = lane
        if worker.lane == "writer":
            self._writer.put_nowait(worker)
            return
        async with self._ready:
            self._idle[worker.lane].append(worker)
            self._ready.notify_all()

    def _respawn(self, lane: _Lane) -> None:
        self._background(self._spawn(lane))

    def _kill(self, worker: _Worker) -> None:
        self._all.discard(worker)
        worker.process.kill()
        worker.process.join(1.0)
        worker.conn.close()

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker; a reader's place goes to the standby if ready, else the next ready.

        Readers are always started as standby: whichever is ready first takes the place most
        needed (the reserved lane before the general one), so no lane waits for one spawn.
        """
        self._kill(worker)
        if worker.lane in ("writer", "standby"):
            self._respawn(worker.lane)
            return
        while self._standby and self._standby[-1].generation != self._generation:
            self._kill(self._standby.pop())
            self._respawn("standby")
        if self._standby:
            standby = self._standby.pop()
            standby.lane = worker.lane
            self._background(self._put(standby))
        else:
            self._missing[worker.lane] += 1
        self._respawn("standby")

    def _background(self, work: Coroutine[None, None, None]) -> None:
        task = asyncio.create_task(work)
        self._spawning.add(task)
        task.add_done_callback(self._spawning.discard)

    async def start(self) -> None:
        """Start the workers (and the writer when updates are allowed); return when ready."""
        general: list[_Lane] = ["general"]
        reserved: list[_Lane] = ["reserved"]
        standby: list[_Lane] = ["standby"]
        lanes = general * self.size + reserved * self.reserved + standby * self.standby
        if self.allow_update:
            lanes.append("writer")
        await asyncio.gather(*(self._spawn(lane) for lane in lanes))

    async def run(self, job: Job) -> Answer:
        """Run one job; past the timeout the worker is killed and a 503 answer returned."""
        if job.kind == "update" and not self.allow_update:
            return error_answer(403, "updates are not allowed on this endpoint")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout_s
        key = hashlib.sha256(job.text.encode("utf-8", "surrogatepass")).hexdigest()
        may_reserve = job.kind == "query"
        while True:
            try:
                worker = await asyncio.wait_for(
                    self._acquire(job.kind == "update", may_reserve, key),
                    max(deadline - loop.time(), 0.0),
                )
            except TimeoutError:
                return error_answer(
                    503, f"all workers stayed busy for {self.timeout_s:g} s; retry later"
                )
            until = deadline
            if worker.lane == "reserved":
                until = min(deadline, loop.time() + self.cheap_s)
            elif key in self._slow:
                _set_nice(worker, min(self._nice + 10, 19))  # known slow: others go first
            answer, cpu_s = await self._attempt(worker, job, until)
            # Slow: stopped past its budget, its worker died, or it finished having used much
            # CPU itself (time spent waiting for a worker or a busy CPU does not count).
            costly = answer is None or answer.retire or cpu_s >= self.cheap_s / 2
            if costly and job.kind == "query":
                self._remember_slow(key)
            if answer is not None:
                break
            if worker.lane != "reserved" or loop.time() >= deadline:
                return error_answer(503, f"query timed out after {self.timeout_s:g} s")
            may_reserve = False  # too slow for the reserved worker: finish in the pool
        if job.kind == "update" and answer.status < 300:
            self._renew_readers()
        return answer

    async def _attempt(
        self, worker: _Worker, job: Job, until: float
    ) -> tuple[Answer | None, float]:
        """The worker's answer (None past ``until``: the worker is replaced) and CPU seconds."""
        loop = asyncio.get_running_loop()
        before = _cpu_seconds(worker)
        try:
            worker.conn.send(job)
            await _readable(worker.conn, max(until - loop.time(), 0.0))
            answer: Answer = worker.conn.recv()
        except BaseException as error:
            used = _cpu_seconds(worker) - before
            self._replace(worker)
            if isinstance(error, TimeoutError):
                return None, used
            if isinstance(error, EOFError | OSError):
                return error_answer(503, stopped_message(self.memory_mb), retire=True), used
            raise
        used = _cpu_seconds(worker) - before
        if answer.retire:
            self._replace(worker)
        else:
            _set_nice(worker, self._nice)
            await self._release(worker)
        return answer, used

    def _remember_slow(self, key: str) -> None:
        self._slow[key] = None
        self._slow.move_to_end(key)
        while len(self._slow) > 4096:
            self._slow.popitem(last=False)

    async def _acquire(self, writable: bool, may_reserve: bool, key: str) -> _Worker:
        """An idle worker; a reader that may predate the last update is replaced first.

        The reserved worker is offered only to a query not known to be slow, checked again
        each time a worker frees up (another client may just have found it slow).
        """
        if writable:
            return await self._writer.get()

        def available() -> bool:
            reserved = may_reserve and key not in self._slow and self._idle["reserved"]
            return bool(self._idle["general"] or reserved)

        async with self._ready:
            while True:
                await self._ready.wait_for(available)
                lane: _Lane = "general" if self._idle["general"] else "reserved"
                worker = self._idle[lane].pop()
                if worker.generation == self._generation:
                    return worker
                self._replace(worker)

    async def _release(self, worker: _Worker) -> None:
        if worker.lane == "writer" or worker.generation == self._generation:
            await self._put(worker)
        else:
            self._replace(worker)

    def _renew_readers(self) -> None:
        self._generation += 1
        for lane in ("general", "reserved"):
            idle, self._idle[lane] = self._idle[lane], []
            for worker in idle:
                self._replace(worker)

    async def close(self) -> None:
        """Stop every worker at once."""
        for task in list(self._spawning):
            task.cancel()
        for worker in list(self._all):
            self._kill(worker)

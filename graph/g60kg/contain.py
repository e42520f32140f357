"""Run the query engine in a forked child, so that its abort becomes one error message.

pyoxigraph is built to abort on a Rust panic: the whole process stops (SIGABRT, exit 134)
and Rust writes its message to stderr, with a stack when ``RUST_BACKTRACE`` is set. No Python
code can catch that. pyoxigraph 0.5.13 panics on some ORDER BY over values of mixed kinds:
numbers compare by value among themselves but by their text with dates, so the sort finds no
total order (``10000000000 < 2020-11-18 < 300 < 10000000000``).

Within `contained_engine()` (the query commands of the CLI enter it), `run_contained` hands
work on a store to a child process: forked at the first call for that store (the loaded store
comes along, copy on write), its stderr going nowhere, it answers every later call of the
block over a socket pair and is stopped when the block ends. One fork per command, however many
queries it runs (``describe`` runs dozens). A child that dies is `EngineAborted`; the caller
has printed nothing by then, so nothing partial is left. Outside the block (the Python API,
`g60kg serve`, whose workers are child processes already) the work runs in the process.

The child holds the store as it was when forked: within the block the store must not change.

>>> with contained_engine():
...     run_contained(pow, 6, 2), run_contained(pow, 6, 3)  # one child answers both
(36, 216)
>>> with contained_engine():
...     run_contained(divmod, 1, 0)
Traceback (most recent call last):
...
ZeroDivisionError: integer division or modulo by zero
>>> import os, signal
>>> def abort(store: object, signum: int) -> None:
...     os.kill(os.getpid(), signum)
>>> with contained_engine():
...     run_contained(abort, None, signal.SIGABRT)
Traceback (most recent call last):
...
g60kg.errors.EngineAborted: the query engine (pyoxigraph) stopped on a query (signal 6, SIGABRT)...
"""

from __future__ import annotations

import contextlib
import ctypes
import faulthandler
import os
import pickle
import signal
import socket
import struct
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from .errors import EngineAborted

__all__ = ["contained_engine", "run_contained"]

_S = TypeVar("_S")
_R = TypeVar("_R")
_T = TypeVar("_T")
_PR_SET_PDEATHSIG = 1

_ABORTED = (
    "the query engine (pyoxigraph) stopped on a query ({how}); nothing was printed. "
    "It does so on some ORDER BY over values of mixed kinds, such as numbers with dates"
)


_LENGTH = struct.Struct("!Q")


@dataclass
class _Child:
    pid: int
    conn: socket.socket
    kept: tuple[object, object]  # function and target, alive so that their ids stay theirs
    stopped: bool = False


_depth = 0
_children: dict[tuple[int, int], _Child] = {}


@contextlib.contextmanager
def contained_engine() -> Iterator[None]:
    """Within this block, `run_contained` works in child processes; they stop at its end."""
    global _depth
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if _depth == 0:
            for key in list(_children):
                _stop(_children.pop(key))


def run_contained(function: Callable[[_S, _R], _T], target: _S, request: _R) -> _T:
    """``function(target, request)``; inside `contained_engine`, in the child kept for them.

    The request, the answer and any exception cross processes, so they must pickle. Raises
    `EngineAborted` when the child dies (the engine's abort).
    """
    if _depth == 0:
        return function(target, request)
    key = (id(function), id(target))
    child = _children.get(key) or _fork(function, target)
    _children[key] = child
    try:
        _send(child.conn, request)
        failed, value = _receive(child.conn)
    except (EOFError, OSError):
        _children.pop(key, None)
        raise EngineAborted(_ABORTED.format(how=_stop(child))) from None
    if failed:
        raise value
    return cast(_T, value)


def _fork(function: Callable[[Any, Any], object], target: object) -> _Child:
    ours, theirs = socket.socketpair()
    parent = os.getpid()
    with warnings.catch_warnings():
        # Python 3.12 warns of forking with threads: ours wait meanwhile (the main thread for
        # this answer), and the child only runs the engine and answers.
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        try:
            ours.close()
            for other in _children.values():
                other.conn.close()  # so each other child sees the parent's end close
            _serve(function, target, theirs, parent)
        finally:
            os._exit(0)
    theirs.close()
    return _Child(pid, ours, (function, target))


def _send(conn: socket.socket, value: object) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    conn.sendall(_LENGTH.pack(len(data)) + data)


def _receive(conn: socket.socket) -> Any:
    """The next value sent; EOFError when the other end has closed."""
    (length,) = _LENGTH.unpack(_exactly(conn, _LENGTH.size))
    return pickle.loads(_exactly(conn, length))


def _exactly(conn: socket.socket, size: int) -> bytes:
    data = bytearray()
    while len(data) < size:
        chunk = conn.recv(min(size - len(data), 1 << 20))
        if not chunk:
            raise EOFError("the other end closed")
        data += chunk
    return bytes(data)


def _serve(
    function: Callable[[Any, Any], object], target: object, conn: socket.socket, parent: int
) -> None:
    """The child: answer requests until the parent closes its end."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    faulthandler.disable()  # its report of the abort would reach stderr (pytest enables it)
    with open(os.devnull, "wb") as devnull:
        os.dup2(devnull.fileno(), 2)  # Rust's panic message and stack go nowhere
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)  # when the forking thread ends
    if os.getppid() != parent:
        return
    while True:
        try:
            request = _receive(conn)
        except (EOFError, OSError):
            return
        try:
            answer: tuple[bool, object] = (False, function(target, request))
            _send(conn, answer)
        except Exception as error:  # every failure is the caller's to raise
            _send(conn, (True, _portable(error)))


def _portable(error: Exception) -> Exception:
    """The exception itself when it survives pickling, else a RuntimeError naming it."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


def _stop(child: _Child) -> str:
    """Stop the child (at once: it holds nothing to save) and say how it ended."""
    if child.stopped:
        return "it ended"
    child.stopped = True
    child.conn.close()
    with contextlib.suppress(OSError):
        os.kill(child.pid, signal.SIGKILL)
    try:
        _, status = os.waitpid(child.pid, 0)
    except ChildProcessError:
        return "it ended"
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) != signal.SIGKILL:
        number = os.WTERMSIG(status)
        return f"signal {number}, {signal.Signals(number).name}"
    if os.WIFEXITED(status):
        return f"exit status {os.WEXITSTATUS(status)}"
    return "it ended"

"""Run SPARQL where no network exists: a private, empty Linux network namespace.

The second wall behind `g60kg.queryguard`: it does not depend on reading the query at all. A
thread (or a whole worker process, when called first thing) that calls `isolate_network`
moves into a new network namespace with no interface up, so every connection it or its
later threads try fails at once with "network is unreachable", whatever the address or port.

Linux namespaces belong to threads, so `run_offline` runs a function on one long-lived thread
that isolated itself, leaving the caller's own network alone. Isolation needs root
(CAP_SYS_ADMIN) or unprivileged user namespaces; without either a warning is logged and the
first wall stands alone.

>>> run_offline(lambda: 1 + 1)
2
>>> import socket
>>> def reach() -> str:
...     with socket.socket() as sock:
...         try:
...             sock.connect(("127.0.0.1", 9))
...         except OSError as error:
...             return error.__class__.__name__
...     return "connected"
>>> run_offline(reach) in (("OSError",) if network_isolated() else ("ConnectionRefusedError",))
True
"""

from __future__ import annotations

import ctypes
import errno
import logging
import os
import socket
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

__all__ = ["isolate_network", "network_isolated", "run_offline"]

_CLONE_NEWNET = 0x40000000
_CLONE_NEWUSER = 0x10000000
_LOG = logging.getLogger("g60kg.netwall")
_T = TypeVar("_T")
_executor: ThreadPoolExecutor | None = None
_lock = threading.Lock()
_isolated = False


def _unshare(flags: int) -> int:
    """0 on success, else the errno of unshare(2)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        result = libc.unshare(ctypes.c_int(flags))
    except (OSError, AttributeError):
        return errno.ENOSYS
    return 0 if result == 0 else ctypes.get_errno()


def _unreachable() -> bool:
    """True when this thread cannot even reach 127.0.0.1 (no interface is up)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("127.0.0.1", 9))
        except OSError as error:
            return error.errno in (errno.ENETUNREACH, errno.EADDRNOTAVAIL)
    return False


def isolate_network() -> bool:
    """Move the calling thread (and threads it starts later) into an empty network namespace.

    Returns whether it worked; on failure a warning says the query guard stands alone.
    """
    unshared = _unshare(_CLONE_NEWNET) == 0 or _unshare(_CLONE_NEWUSER | _CLONE_NEWNET) == 0
    if unshared and _unreachable():
        return True
    _LOG.warning(
        "g60kg could not isolate queries from the network (process %d): needs root or "
        "unprivileged user namespaces; SERVICE and LOAD stay refused by the query check",
        os.getpid(),
    )
    return False


def _start() -> None:
    global _isolated
    _isolated = isolate_network()


def _runner() -> ThreadPoolExecutor:
    global _executor
    with _lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(
                1, thread_name_prefix="g60kg-offline", initializer=_start
            )
        return _executor


def run_offline(function: Callable[[], _T]) -> _T:
    """Call ``function`` on the offline thread and return (or raise) what it does."""
    if threading.current_thread().name.startswith("g60kg-offline"):
        return function()  # already offline; waiting on our own thread would never end
    return _runner().submit(function).result()


def network_isolated() -> bool:
    """Whether the offline thread of `run_offline` really has no network."""
    run_offline(lambda: None)
    return _isolated

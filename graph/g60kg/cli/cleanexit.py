"""SIGTERM ends a command like Ctrl-C does: ``finally`` blocks run, temporary files go.

Python's default for SIGTERM is to die at once, leaving staged outputs (``.g60kg.nq.*``) and
staging folders (``g60kg-ingest-*``) behind. Inside `terminated_cleanly` the signal raises
``SystemExit(143)`` instead, so every context manager and ``finally`` unwinds first.

>>> with terminated_cleanly():
...     pass
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

__all__ = ["terminated_cleanly"]


def _exit(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def terminated_cleanly() -> Iterator[None]:
    """Within this block, SIGTERM unwinds the stack (exit status 143) instead of killing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _exit)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)

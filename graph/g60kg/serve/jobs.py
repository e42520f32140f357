"""What the HTTP layer and the worker processes hand each other: a `Job` to run and the
`Answer` to send back (both cross the process boundary, so they are plain frozen data).

>>> error_answer(400, "no").status, error_answer(400, "no").body
(400, b'no')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Answer", "Job", "error_answer", "memory_message", "stopped_message"]


@dataclass(frozen=True)
class Job:
    """One SPARQL operation, as the HTTP layer hands it to a worker."""

    kind: Literal["query", "update"]
    text: str
    accept: str = ""
    max_rows: int = 10_000
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    """What to send back: HTTP status, media type, body, and whether rows were cut."""

    status: int
    media_type: str
    body: bytes
    truncated: bool = False
    retire: bool = False


def error_answer(status: int, message: str, retire: bool = False) -> Answer:
    """A plain-text answer saying what went wrong; `retire` asks for the worker's replacement."""
    return Answer(status, "text/plain; charset=utf-8", message.encode("utf-8"), retire=retire)


def memory_message(memory_mb: int | None) -> str:
    """What a client is told when its query needed more memory than a worker may use."""
    ceiling = f"the {memory_mb} MB" if memory_mb else "the"
    return (
        f"the query needed more than {ceiling} memory a query may use; its worker was "
        "replaced. Narrow the query (LIMIT, fewer variables, no large cross product)"
    )


def stopped_message(memory_mb: int | None) -> str:
    """What a client is told when its query stopped the worker process itself.

    Past the memory ceiling the engine aborts its process; pyoxigraph 0.5.13 also aborts on
    some ORDER BY over mixed terms (its sort finds no total order). Neither can be told apart
    from outside, so the message names both.
    """
    ceiling = f"the {memory_mb} MB" if memory_mb else "the"
    return (
        f"the query stopped its worker: it needed more than {ceiling} memory a query may use, "
        "or the engine failed on it (it does on some ORDER BY over mixed values); the worker "
        "was replaced. Narrow the query (LIMIT, fewer variables, no large cross product)"
    )

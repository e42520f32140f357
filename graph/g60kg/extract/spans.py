"""Character spans: half-open ``[start, end)`` ranges of code points into the article text.

Examples
--------
>>> inside(Span(2, 4), [Span(0, 10)])
True
>>> inside(Span(8, 12), [Span(0, 10)])
True
>>> inside(Span(10, 12), [Span(0, 10)])
False
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

__all__ = ["Span", "inside"]


class Span(NamedTuple):
    """A half-open range of code points ``[start, end)``."""

    start: int
    end: int


def inside(span: Span, regions: Iterable[Span]) -> bool:
    """True when ``span`` overlaps any of ``regions``."""
    return any(span.start < r.end and r.start < span.end for r in regions)

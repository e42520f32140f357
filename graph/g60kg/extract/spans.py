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

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from itertools import accumulate
from typing import NamedTuple

__all__ = ["Span", "SpanIndex", "inside", "occurrences"]


class Span(NamedTuple):
    """A half-open range of code points ``[start, end)``."""

    start: int
    end: int


class SpanIndex:
    """Regions sorted once, so asking whether a span overlaps one costs O(log n), not O(n).

    >>> index = SpanIndex([Span(20, 30), Span(0, 10)])
    >>> index.overlaps(Span(8, 12)), index.overlaps(Span(10, 20)), index.overlaps(Span(25, 26))
    (True, False, True)
    """

    def __init__(self, regions: Iterable[Span]) -> None:
        ordered = sorted(regions)
        self._starts = [r.start for r in ordered]
        self._ends = list(accumulate((r.end for r in ordered), max))

    def overlaps(self, span: Span) -> bool:
        before = bisect_left(self._starts, span.end)  # regions starting before the span ends
        return before > 0 and self._ends[before - 1] > span.start


def inside(span: Span, regions: Iterable[Span] | SpanIndex) -> bool:
    """True when ``span`` overlaps any of ``regions``."""
    if isinstance(regions, SpanIndex):
        return regions.overlaps(span)
    return any(span.start < r.end and r.start < span.end for r in regions)


def occurrences(text: str, word: str) -> Iterator[int]:
    """Where ``word`` starts in ``text``, left to right without overlaps (as ``re.finditer`` of
    the escaped word, without building a pattern per word).

    >>> list(occurrences("长三角、长三角长三角", "长三角"))
    [0, 4, 7]
    """
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + len(word))

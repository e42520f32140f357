"""Prove that every quoted span is in its source at its offsets."""

from __future__ import annotations

from difflib import SequenceMatcher

from ..errors import Problem
from .read import Span

__all__ = ["check_span", "locate", "nearest_match"]


def locate(text: str, quote: str) -> list[tuple[int, int]]:
    """All `(start, end)` code-point offsets where `quote` occurs in `text`.

    >>> locate("松江区洞泾镇, 洞泾镇", "洞泾镇")
    [(3, 6), (8, 11)]
    """
    found, start = [], text.find(quote)
    while quote and start != -1:
        found.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return found


def nearest_match(text: str, quote: str, near: int = 0) -> tuple[int, int, str]:
    """The span of `text` most like `quote` (exact occurrences first, closest to `near`).

    >>> nearest_match("在松江区洞泾镇集体亮相", "洞泾镇集体出现")
    (4, 11, '洞泾镇集体亮相')
    """
    exact = locate(text, quote)
    if exact:
        start, end = min(exact, key=lambda se: abs(se[0] - near))
        return start, end, text[start:end]
    block = SequenceMatcher(None, text, quote, autojunk=False).find_longest_match()
    start = max(0, block.a - block.b)
    end = min(len(text), start + len(quote))
    return start, end, text[start:end]


def check_span(span: Span, text: str) -> Problem | None:
    """A problem if `text[span.start:span.end] != span.quote`, naming the nearest match."""
    if 0 <= span.start <= span.end <= len(text) and text[span.start : span.end] == span.quote:
        return None
    found = text[span.start : span.end] if 0 <= span.start < len(text) else ""
    start, end, nearest = nearest_match(text, span.quote, span.start)
    exact = nearest == span.quote
    hint = (
        f"the quote is at start: {start}, end: {end}"
        if exact
        else f"the nearest text is {nearest!r} at start: {start}, end: {end}; copy the quote "
        "exactly from the source"
    )
    return span.where.problem(
        f"quote {span.quote!r} is not in source '{span.source}' at {span.start}:{span.end} "
        f"(the text there is {found!r})",
        hint,
    )

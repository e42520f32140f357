"""Split text into sentences with offsets.

A sentence ends at 。！？!?； or at a line break; an ellipsis (……) ends one too. Leading and
trailing blanks are left out of the span.

Examples
--------
>>> text = "洞泾镇位于松江区。峰会举行！\\n■企业签约仪式"
>>> [text[s:e] for s, e in split_sentences(text)]
['洞泾镇位于松江区。', '峰会举行！', '■企业签约仪式']
"""

from __future__ import annotations

import re

from g60kg.extract.spans import Span

__all__ = ["split_sentences"]

_END = re.compile(r"[。！？!?；;]+[”」』\"]?|…{2,}|\n")


MAX_SENTENCE = 1_000


def split_sentences(text: str) -> list[Span]:
    """Return the sentence spans of ``text`` in order; every span holds some non-blank text.

    A run of text without an end mark is cut every ``MAX_SENTENCE`` characters (after a comma
    where there is one), so no rule ever works on an unbounded sentence.

    >>> [e - s for s, e in split_sentences("松江" * 1_200)]
    [1000, 1000, 400]
    """
    spans: list[Span] = []
    start = 0
    for match in _END.finditer(text):
        end = match.start() if match.group() == "\n" else match.end()
        _add(text, start, end, spans)
        start = match.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[Span]) -> None:
    while end - start > MAX_SENTENCE:
        comma = max(text.rfind(mark, start, start + MAX_SENTENCE) for mark in "，,、")
        cut = comma + 1 if comma > start else start + MAX_SENTENCE
        _trimmed(text, start, cut, spans)
        start = cut
    _trimmed(text, start, end, spans)


def _trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append(Span(start, end))

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


def split_sentences(text: str) -> list[Span]:
    """Return the sentence spans of ``text`` in order; every span holds some non-blank text."""
    spans: list[Span] = []
    start = 0
    for match in _END.finditer(text):
        end = match.start() if match.group() == "\n" else match.end()
        _add(text, start, end, spans)
        start = match.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append(Span(start, end))

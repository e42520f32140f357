"""Spot spans that look cut off, recorded as doubts instead of read as facts.

A body line that reads as prose (it holds a comma or a full stop) but does not end as a
sentence ends was probably truncated when the page was made: the last words are the doubt. The
first line (the headline) is left alone: headlines carry no final stop.

Examples
--------
>>> text = "标题\\n是什么让企业亮相？在采访中，答案就在现常\\n下一段。"
>>> [(d["quote"], d["start"]) for d in find_doubts(text, [])]
[('答案就在现常', 17)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from g60kg.extract.spans import Span, inside

__all__ = ["find_doubts"]

_PROSE = re.compile(r"[，,。；;]")
_ENDS = tuple('。！？!?；;”」』"…)）:：')
_TAIL = re.compile(r"[^，,。；;！？!?、\s]{2,12}$")


def find_doubts(text: str, furniture: Sequence[Span]) -> list[dict[str, Any]]:
    """Return doubts (``id``, ``quote``, ``start``, ``end``, ``note``) for cut-off lines."""
    doubts = []
    start = 0
    headline = True
    for line in text.split("\n"):
        if headline and line.strip():
            headline = False
            start += len(line) + 1
            continue
        end = start + len(line.rstrip())
        body = line.rstrip()
        prose = _PROSE.search(body) is not None
        if prose and body and not body.endswith(_ENDS) and not inside(Span(start, end), furniture):
            tail = _TAIL.search(body)
            if tail:
                span = Span(start + tail.start(), start + tail.end())
                doubts.append(
                    {
                        "id": f"cut-off-{span.start}",
                        "quote": text[span.start : span.end],
                        "start": span.start,
                        "end": span.end,
                        "note": "The line stops without ending its sentence: possibly cut off "
                        "or garbled. Nothing is read from it; check the source.",
                    }
                )
        start += len(line) + 1
    return doubts

"""The day each post holding is attested on: the source says the person held the post then.

A holding takes the last full date written before it in its sentence (2023年6月15日，…市长宁波出席),
else the article's own day (its first full date, else the page date). A holding the text places
in the past (时任, 曾任, 原, 前任) takes no date from the article's day: the report does not
attest it on that day.

Examples
--------
>>> from g60kg.extract.spans import Span
>>> text = "6月16日，市长宁波出席。"
>>> day = DateMention(Span(0, 5), "2023-06-16", "from-page-date", "发布时间")
>>> row = {"fact": "PostHolding", "properties": {"postTitle": {"zh": "市长"}},
...        "evidence": {"start": 6, "end": 10}}
>>> attest_holdings([row], text, [], day)[0]["properties"]["attestedOn"]
'2023-06-16'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from g60kg.extract.dates import DateMention

__all__ = ["attest_holdings"]

_PAST = re.compile(r"(?:时任|曾任|原|前任)$")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
# the vocabulary's date-resolution codes for the resolutions the date finder writes
_RESOLUTION = {"from-dateline": "year-from-text", "page-date": "from-page-date"}


def attest_holdings(
    rows: list[dict[str, Any]], text: str, dates: Sequence[DateMention], day: DateMention | None
) -> list[dict[str, Any]]:
    """``rows`` with ``attestedOn`` (and ``date_resolution``) on each post holding that has none."""
    days = sorted((d for d in dates if len(d.value) == 10), key=lambda d: d.span.start)
    out = []
    for row in rows:
        properties = row.get("properties") or {}
        if row.get("fact") != "PostHolding" or "attestedOn" in properties:
            out.append(row)
            continue
        start = int(row["evidence"]["start"])
        when = _written_before(text, days, start)
        if when is None and not _PAST.search(text[max(0, start - 2) : start]):
            when = day if day is not None and len(day.value) == 10 else None
        if when is None:
            out.append(row)
            continue
        resolution = _RESOLUTION.get(when.resolution, when.resolution)
        dated = {**properties, "attestedOn": when.value}
        out.append({**row, "properties": dated, "date_resolution": resolution})
    return out


def _written_before(text: str, days: Sequence[DateMention], start: int) -> DateMention | None:
    """The last full date before ``start`` in the same sentence."""
    before = [d for d in days if d.span.end <= start]
    if not before or _SENTENCE_END.search(text, before[-1].span.end, start):
        return None
    return before[-1]

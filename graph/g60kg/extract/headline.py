"""Propose an article's headline and page date from the article itself.

The headline is the first line of the body that reads like one: not furniture, at most 60
characters, not ending a sentence (。！？), not a dateline or a date. The page date is, in order,
a date on a metadata line (发布时间：2021-06-01, 来源：某报 2020-11-19, 发布日期：2023年5月10日,
2021年11月10日 10:30 来源：某报),
a line that is only a date, or the dateline (新华社上海6月7日电) when its year is known. The
caller's ``--title`` and ``--published`` win over both.

Examples
--------
>>> text = "首页 | 新闻 | 科技 | 园区\\n星海算力中心开工\\n发布时间：2020-06-07 10:20\\n正文。"
>>> from g60kg.extract.furniture import find_furniture
>>> propose_title(text, find_furniture(text))
'星海算力中心开工'
>>> propose_published(text, find_furniture(text), [])
('2020-06-07', 'the page date line 发布时间：2020-06-07')
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from g60kg.extract.dates import DateMention
from g60kg.extract.spans import Span, inside

__all__ = ["propose_published", "propose_title"]

_MAX_TITLE = 60
_DATE = r"((?:19|20)\d{2})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日)"
_META_DATE = re.compile(r"(发布时间|发布日期|时间|日期|来源|发表于|更新时间)[^\n]{0,30}?" + _DATE)
_DATE_LINE = re.compile(r"^\s*" + _DATE + r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
# 2021年11月10日 10:30　来源：解放日报: a date that opens a metadata line
_DATE_FIRST = re.compile(
    r"^\s*"
    + _DATE
    + r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+(?:来源|作者|编辑|记者|浏览|阅读|字号|【)"
)
_NOT_TITLE = re.compile(
    r"[。！？]\s*$|^\s*(本报讯|新华社|中新网|记者|通讯员|来源|作者|编者按)|电\s*$"
)
_FIRST_LINES = 8


def propose_title(text: str, furniture: Sequence[Span]) -> str | None:
    """The first body line that reads like a headline, stripped, or None."""
    start = 0
    for number, line in enumerate(text.split("\n")):
        span = Span(start, start + len(line))
        start = span.end + 1
        if number >= _FIRST_LINES:
            break
        stripped = line.strip().lstrip("\ufeff").strip()
        if not stripped or inside(span, furniture) or _DATE_LINE.match(stripped):
            continue
        if len(stripped) > _MAX_TITLE or _NOT_TITLE.search(stripped):
            return None
        return stripped
    return None


def propose_published(
    text: str, furniture: Sequence[Span], dates: Sequence[DateMention]
) -> tuple[str, str] | None:
    """The page date (ISO) and how it was found, or None."""
    lines = text.split("\n")[:_FIRST_LINES] + text.split("\n")[-_FIRST_LINES:]
    for line in lines:
        match = _META_DATE.search(line) or _DATE_LINE.match(line) or _DATE_FIRST.match(line)
        if match:
            return _iso(match), f"the page date line {match.group().strip()}"
    wires = [d for d in dates if d.clue.startswith("dateline") and len(d.value) == 10]
    if wires:
        return wires[0].value, f"the dateline ({wires[0].clue})"
    return None


def _iso(match: re.Match[str]) -> str:
    year, *rest = [g for g in match.groups() if g is not None and g.isdigit()][-3:]
    month, day = (int(x) for x in rest)
    return f"{year}-{month:02d}-{day:02d}"

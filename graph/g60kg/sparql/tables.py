"""Text tables for people: columns aligned by display width (CJK characters take two), fitted
to a width by narrowing the widest columns; a cell too long for its column wraps onto a second
line and ends in "…" when even that is too short.

>>> quote = "二十余家企业实质落地,投资金额超百亿元人民币"
>>> print(text_table(["name", "quote"], [["洞泾镇", quote]], width=24))
name    quote
------  ----------------
洞泾镇  二十余家企业实质
        落地,投资金额超…
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

__all__ = ["display_width", "shorten", "text_table", "wrap"]

GAP = 2
MIN_WIDTH = 8
MAX_LINES = 2
WORD_LIMIT = 16
_SPACES = re.compile(r"\s+")
_BOUND = re.compile(r"([≥≤]) ")


def display_width(text: str) -> int:
    """Columns `text` takes on a terminal: CJK and full-width characters take two.

    >>> display_width("松江区 A")
    8
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def shorten(text: str, width: int) -> str:
    """`text` on one line, cut to `width` columns with "…" when longer.

    >>> shorten("区长李谦出席大会并发表讲话", 10)
    '区长李谦…'
    >>> shorten("a  b\\nc", 10)
    'a b c'
    """
    text = _SPACES.sub(" ", text).strip()
    if display_width(text) <= width:
        return text
    out, used = "", 0
    for char in text:
        step = display_width(char)
        if used + step > width - 1:
            break
        out, used = out + char, used + step
    return out + "…"


def wrap(text: str, width: int, lines: int = MAX_LINES) -> list[str]:
    """`text` on at most `lines` lines of `width` columns, broken at a space in the last two
    thirds of a line, else between characters; the last line ends in "…" when text is left.

    >>> wrap("Dongjing Artificial Intelligence Town", 16)
    ['Dongjing', 'Artificial Inte…']
    >>> wrap("洞泾人工智能小镇", 8)
    ['洞泾人工', '智能小镇']
    """
    text = _SPACES.sub(" ", text).strip()
    out: list[str] = []
    while text and len(out) < lines - 1 and display_width(text) > width:
        cut, used = 0, 0
        while used + display_width(text[cut]) <= width:
            used += display_width(text[cut])
            cut += 1
        space = text.rfind(" ", 0, cut + 1)
        if space > cut // 3:
            cut = space
        out.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return [*out, shorten(text, width)] if text or not out else out


def _fitted(natural: list[int], words: list[int], width: int | None) -> list[int]:
    """Column widths within `width` (gaps included): the widest shrink first, none below
    `MIN_WIDTH` or its longest word (see `_word`), nor above its natural width; when even that
    is too wide, lines stay longer."""
    if width is None:
        return natural
    room = width - GAP * (len(natural) - 1)
    if sum(natural) <= room:
        return natural
    floors = [min(n, max(MIN_WIDTH, w)) for n, w in zip(natural, words, strict=True)]
    low, high = MIN_WIDTH, max(natural)
    while low < high:  # the largest cap under which everything fits
        cap = (low + high + 1) // 2
        if sum(max(f, min(n, cap)) for n, f in zip(natural, floors, strict=True)) <= room:
            low = cap
        else:
            high = cap - 1
    return [max(f, min(n, low)) for n, f in zip(natural, floors, strict=True)]


def _word(text: str) -> int:
    """The longest word without CJK characters (a figure with its bound such as "≥ 20,000", a
    name), up to `WORD_LIMIT`: a column is not made narrower, so that figures stay whole.

    >>> _word("≥ 10,000,000,000 (超百亿)"), _word("洞泾镇")
    (16, 0)
    """
    words = _BOUND.sub(r"\1", text).split()
    runs = [display_width(w) + 1 for w in words if display_width(w) == len(w)]
    return min(max(runs, default=0), WORD_LIMIT)


def text_table(
    columns: Sequence[str], cells: Sequence[Sequence[str]], width: int | None = None
) -> str:
    """An aligned table with a header and a rule; with `width`, fitted to it (see `_fitted`)."""
    rows = [[_SPACES.sub(" ", c).strip() for c in row] for row in cells]
    natural = [
        max([display_width(c)] + [display_width(row[i]) for row in rows])
        for i, c in enumerate(columns)
    ]
    words = [max([_word(c)] + [_word(row[i]) for row in rows]) for i, c in enumerate(columns)]
    widths = _fitted(natural, words, width)
    lines = [_pad([shorten(c, w) for c, w in zip(columns, widths, strict=True)], widths)]
    lines.append(_pad(["-" * w for w in widths], widths))
    for row in rows:
        wrapped = [wrap(c, w) for c, w in zip(row, widths, strict=True)]
        for i in range(max((len(w) for w in wrapped), default=1)):
            lines.append(_pad([w[i] if i < len(w) else "" for w in wrapped], widths))
    return "\n".join(line.rstrip() for line in lines)


def _pad(cells: Sequence[str], widths: Sequence[int]) -> str:
    return (" " * GAP).join(
        c + " " * (w - display_width(c)) for c, w in zip(cells, widths, strict=True)
    )

"""Positions, not counts: a rank (第34位, 前7位, 排名第七) and an ordinal (第五届, 第65次, 第3个,
首个). Each is a figure whose unit is ``count-unit:rank`` or ``ordinal``; where its measure word
has a count unit of its own (位: people, 个: the generic count), that unit is kept beside it as
``word_unit``, as some writers record 第5位 by its measure word.

Examples
--------
>>> [(q.data["text"], q.data["value"], q.data["unit"]) for q in find_ordinals(
...     "排名第34位，连续两年位列全省第七，第五届大会是首个此类活动")]
[('第34位', 34, 'count-unit:rank'), ('第七', 7, 'count-unit:rank'), ('第五届', 5, 'ordinal'), \
('首个', 1, 'ordinal')]
"""

from __future__ import annotations

import re
from decimal import Decimal

from g60kg.extract.quantities import Quantity, number
from g60kg.extract.spans import Span

__all__ = ["find_ordinals"]

_NUMBER = r"(?P<num>\d{1,4}|[一二三四五六七八九十百]{1,4})"
_RANK_WORD = r"(?P<rank_word>位|名)"
_ORDINAL_WORD = r"(?P<ordinal_word>届|次|个|台|批|期)"
_ORDINAL = re.compile(
    rf"(?:第{_NUMBER}(?:{_RANK_WORD}|{_ORDINAL_WORD})"
    rf"|前(?P<top>\d{{1,3}}|[一二三四五六七八九十]{{1,3}})(?P<top_word>位|名)"
    rf"|(?<=排名|位列|位居|排在|名列)(?:全国|全省|全市|全球|世界)?第(?P<bare>\d{{1,3}}|[一二三四五六七八九十]{{1,3}})"
    rf"(?![\d一二三四五六七八九十百千万亿届次个台批期位名年天月])"
    rf"|首(?P<first>个|届|批|台))"
)
_WORD_UNITS = {"位": "count-unit:person", "名": "count-unit:person", "个": "count-unit:unit"}
_WORD_UNITS["台"] = "count-unit:unit"


def find_ordinals(text: str, offset: int = 0) -> list[Quantity]:
    """The ranks and ordinals of ``text``; spans shifted by ``offset``."""
    found = []
    for match in _ORDINAL.finditer(text):
        raw = match.group("num") or match.group("top") or match.group("bare")
        position = number(raw) if raw else Decimal(1)
        if position is None or position < 1:
            continue
        word = match.group("rank_word") or match.group("top_word") or ""
        word = word or match.group("ordinal_word") or match.group("first") or ""
        rank = bool(match.group("rank_word") or match.group("top") or match.group("bare"))
        start = match.start()
        if match.group("bare"):
            start = text.index("第", start)
        data = {
            "value": int(position),
            "qualifier": "exact",
            "text": text[start : match.end()],
            "unit": "count-unit:rank" if rank else "ordinal",
        }
        if word in _WORD_UNITS:
            data["word_unit"] = _WORD_UNITS[word]
        found.append(Quantity(Span(start + offset, match.end() + offset), "ordinal", data))
    return found

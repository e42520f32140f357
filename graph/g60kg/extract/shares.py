"""Shares of a whole written as fractions: 1/28, 三分之一, 万分之一, 两成 (tenths), 一半, with the
approximate wording kept as the qualifier (约1/28, 近1/7, 超过两成, 三分之一以上). The value is
the share as a number (1/7 → 0.142857), the unit ``fraction``.

Examples
--------
>>> [(q.data["text"], q.data.get("value") or q.data.get("min") or q.data.get("max"))
...  for q in find_shares("以全国约1/28的人口，占比超过两成，不足万分之一的土地")]
[('约1/28', 0.035714), ('超过两成', 0.2), ('不足万分之一', 0.0001)]
"""

from __future__ import annotations

import re
from decimal import Decimal

from g60kg.extract.quantities import Quantity, number
from g60kg.extract.spans import Span

__all__ = ["find_shares"]

_PRE = r"(?P<pre>超过|超|逾|将近|接近|近|约|大约|不足|不到)?"
_TAIL = r"(?P<tail>以上|左右|多)?"
_NUMERAL = "[一二三四五六七八九十两百千万]"
_SHARE = re.compile(
    _PRE
    + r"(?:(?<![\d./])(?P<num>\d{1,3})/(?P<den>\d{1,4})(?![\d./])"
    + rf"|(?P<den_zh>{_NUMERAL}+)分之(?P<num_zh>{_NUMERAL}+)"
    + r"|(?P<tenths>[一二三四五六七八九两])成(?![为立本功果绩员长交型熟不])"
    + r"|(?P<half>一半)"
    + r")"
    + _TAIL
)
_DIGITS = 6  # a share is kept to six decimal places (1/7 → 0.142857)


def find_shares(text: str, offset: int = 0) -> list[Quantity]:
    """The shares of ``text``; spans shifted by ``offset``."""
    found = []
    for match in _SHARE.finditer(text):
        share = _value(match)
        if share is None or not 0 < share < 1:
            continue
        pre, tail = match.group("pre"), match.group("tail")
        if pre in ("超过", "超", "逾") or tail in ("以上", "多"):
            qualifier, key = "more-than", "min"
        elif pre in ("将近", "接近", "近"):
            qualifier, key = "nearly", "max"
        elif pre in ("不足", "不到"):
            qualifier, key = "less-than", "max"
        elif pre in ("约", "大约") or tail == "左右":
            qualifier, key = "about", "value"
        else:
            qualifier, key = "exact", "value"
        value = float(round(share, _DIGITS))
        data = {key: value, "qualifier": qualifier, "text": match.group(), "unit": "fraction"}
        span = Span(match.start() + offset, match.end() + offset)
        found.append(Quantity(span, "share", data))
    return found


def _value(match: re.Match[str]) -> Decimal | None:
    numerator: Decimal | None
    denominator: Decimal | None
    if match.group("num"):
        numerator, denominator = Decimal(match.group("num")), Decimal(match.group("den"))
    elif match.group("half"):
        return Decimal("0.5")
    elif match.group("tenths"):
        numerator, denominator = number(match.group("tenths")), Decimal(10)
    else:
        numerator, denominator = number(match.group("num_zh")), number(match.group("den_zh"))
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator

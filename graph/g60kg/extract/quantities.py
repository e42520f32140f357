"""Find and normalise quantities: amounts of money, counts of companies, businesses or people,
areas, percentages and year-on-year growth (kind ``growth``: a percentage after 同比增长 etc.).

Each quantity becomes a dict in the quantity shape of the data format: ``min`` (more than:
超, 逾, 余, 多, 以上), ``max`` (nearly: 近, 将近), or ``value`` (about: 约, 左右; or exact), a
``qualifier``, the source wording in ``text``, and ``currency: CNY`` or a ``unit``. Amounts are in
yuan.

Examples
--------
>>> [q.data for q in find_quantities("投资金额超百亿，意向投资金额近百亿")]
... # doctest: +NORMALIZE_WHITESPACE
[{'min': 10000000000, 'qualifier': 'more-than', 'text': '超百亿', 'currency': 'CNY'},
 {'max': 10000000000, 'qualifier': 'nearly', 'text': '近百亿', 'currency': 'CNY'}]
>>> [q.data for q in find_quantities("20余家企业，同比增长3.71%")]
... # doctest: +NORMALIZE_WHITESPACE
[{'min': 20, 'qualifier': 'more-than', 'text': '20余家', 'unit': 'count-unit:company'},
 {'value': 3.71, 'qualifier': 'exact', 'text': '3.71%', 'unit': 'percent'}]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import cn2an

from g60kg.extract.spans import Span

__all__ = ["KM2", "Quantity", "find_quantities"]

KM2 = "km2"
_SCALES = {
    "万亿": Decimal(10) ** 12,
    "千亿": Decimal(10) ** 11,
    "百亿": Decimal(10) ** 10,
    "十亿": Decimal(10) ** 9,
    "亿": Decimal(10) ** 8,
    "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6,
    "十万": Decimal(10) ** 5,
    "万": Decimal(10) ** 4,
}
_UNITS = {"家": "count-unit:company", "户": "count-unit:business", "人": "count-unit:person"}
_PRE = r"(?P<pre>超过|超|逾|将近|接近|近|约|大约|共|累计)?"
_NUM = r"(?P<num>\d+(?:\.\d+)?|[一二三四五六七八九十两]+(?:点[一二三四五六七八九零〇]+)?|数|几)?"
_SCALE = r"(?P<scale>万亿|千亿|百亿|十亿|亿|千万|百万|十万|万)?"
_POST = r"(?P<post>余|多)?"
_TAIL = r"(?P<tail>以上|左右)?"
_QUANTITY = re.compile(
    _PRE
    + r"(?:(?P<pct>\d+(?:\.\d+)?)\s*[%％]|"
    + _NUM
    + _SCALE
    + _POST
    + r"(?P<unit>元|家|户|万人|人|平方公里)?)"
    + _TAIL
)
_GROWTH = re.compile(r"(同比|比上年|较上年)?(增长|增加|提高|下降|减少)了?$")


@dataclass(frozen=True)
class Quantity:
    """A quantity found in text: where it is, what kind, and its data-format dict."""

    span: Span
    kind: str
    data: dict[str, Any] = field(hash=False)


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Return the quantities in ``text``; spans are shifted by ``offset``."""
    found: list[Quantity] = []
    for match in _QUANTITY.finditer(text):
        quantity = _read(match, text, offset)
        if quantity is not None:
            found.append(quantity)
    return found


def _read(match: re.Match[str], text: str, offset: int) -> Quantity | None:
    groups = match.groupdict()
    if groups["pct"] is not None:
        number = Decimal(groups["pct"])
        data = _shaped(number, groups, match.group(), "about" if groups["tail"] else None)
        data["unit"] = "percent"
        sign = _GROWTH.search(text[max(0, match.start() - 8) : match.start()])
        if sign is None:
            return Quantity(_span(match, offset), "percent", data)
        if sign.group(2) in ("下降", "减少"):
            _negate(data)
        return Quantity(_span(match, offset), "growth", data)
    unit, scale, num = groups["unit"], groups["scale"], groups["num"]
    if unit is None and scale is None:
        return None
    if num is None and scale is None:
        return None
    if num is None and unit in ("家", "户", "人"):
        return None
    several = num in ("数", "几")
    base = Decimal(1) if (num is None or several) else _number(num)
    if base is None:
        return None
    multiplier = _SCALES[scale] if scale else Decimal(1)
    if unit == "万人":
        multiplier *= _SCALES["万"]
    data = _shaped(base * multiplier, groups, match.group(), None)
    if several:
        data = {
            "min": _plain(2 * multiplier),
            "max": _plain(9 * multiplier),
            "qualifier": "several-tens",
            "text": match.group(),
        }
    if unit in ("家", "户", "人", "万人"):
        data["unit"] = _UNITS[unit[-1]]
        return Quantity(_span(match, offset), "count", data)
    if unit == "平方公里":
        data["unit"] = KM2
        return Quantity(_span(match, offset), "area", data)
    if scale is None and unit is None:
        return None
    data["currency"] = "CNY"
    return Quantity(_span(match, offset), "amount", data)


def _shaped(
    number: Decimal, groups: dict[str, Any], text: str, forced: str | None
) -> dict[str, Any]:
    qualifier = forced or _qualifier(groups.get("pre"), groups.get("post"), groups.get("tail"))
    key = {"more-than": "min", "nearly": "max"}.get(qualifier, "value")
    return {key: _plain(number), "qualifier": qualifier, "text": text}


def _qualifier(pre: str | None, post: str | None, tail: str | None) -> str:
    if pre in ("超过", "超", "逾") or post in ("余", "多") or tail == "以上":
        return "more-than"
    if pre in ("将近", "接近", "近"):
        return "nearly"
    if pre in ("约", "大约") or tail == "左右":
        return "about"
    return "exact"


def _number(raw: str) -> Decimal | None:
    if raw[0].isdigit():
        return Decimal(raw)
    try:
        return Decimal(str(cn2an.cn2an(raw, "smart")))
    except ValueError:
        return None


def _plain(number: Decimal) -> int | float:
    return int(number) if number == number.to_integral_value() else float(number)


def _negate(data: dict[str, Any]) -> None:
    for key in ("value", "min", "max"):
        if key in data:
            data[key] = -data[key]


def _span(match: re.Match[str], offset: int) -> Span:
    return Span(match.start() + offset, match.end() + offset)

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
>>> [q.data["text"] for q in find_quantities("16栋、约4万个、28名干部、8个月、236亩、1.5万平方米")]
['16栋', '约4万个', '28名', '8个月', '236亩', '1.5万平方米']
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

__all__ = ["COUNT_UNITS", "KM2", "MEASURE_UNITS", "Quantity", "find_quantities", "negate", "number"]

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
# measure words (counts) and measures, longest first in the pattern; see ontology/vocab.ttl
COUNT_UNITS = {
    "个项目": "count-unit:project",
    "个平台": "count-unit:platform",
    "个机架": "count-unit:rack",
    "台服务器": "count-unit:server",
    "座城市": "count-unit:city",
    "个城市": "count-unit:city",
    "个月": "count-unit:month",
    "个多月": "count-unit:month",
    "周年": "count-unit:year",
    "岁": "count-unit:year",
    "年": "count-unit:year",
    "栋": "count-unit:building",
    "幢": "count-unit:building",
    "名": "count-unit:person",
    "位": "count-unit:person",
    "天": "count-unit:day",
    "场": "count-unit:event",
    "个": "count-unit:unit",
    "项": "count-unit:project",
    "台": "count-unit:unit",
    "辆": "count-unit:vehicle",
    "套": "count-unit:unit",
    "条": "count-unit:unit",
    "架": "count-unit:rack",
    "座": "count-unit:unit",
    "支": "count-unit:unit",
    "颗": "count-unit:unit",
}
MEASURE_UNITS = {
    "个百分点": "measure-unit:percentage-point",
    "百分点": "measure-unit:percentage-point",
    "千瓦": "measure-unit:kilowatt",
    "kW": "measure-unit:kilowatt",
    "毫秒": "measure-unit:millisecond",
    "ms": "measure-unit:millisecond",
    "分钟": "measure-unit:minute",
    "小时": "measure-unit:hour",
    "吨": "measure-unit:tonne",
    "米": "measure-unit:metre",
    "平方米": "measure-unit:square-metre",
    "㎡": "measure-unit:square-metre",
    "平方千米": "measure-unit:square-kilometre",
    "公顷": "measure-unit:hectare",
    "公里": "measure-unit:kilometre",
    "千米": "measure-unit:kilometre",
    "亩": "measure-unit:mu",
    "PFlops": "measure-unit:pflops",
    "PFLOPS": "measure-unit:pflops",
    "EFlops": "measure-unit:eflops",
    "EFLOPS": "measure-unit:eflops",
    "P": "measure-unit:pflops",
    "E": "measure-unit:eflops",
}
_MEASURED = "|".join(
    re.escape(u) for u in sorted(COUNT_UNITS | MEASURE_UNITS, key=len, reverse=True)
)
# a bare 个, 位, 名 or 天 after a Chinese numeral is mostly a word (一个, 两位, 今天), not a count
_WORDY = frozenset(
    {"个", "位", "名", "天", "台", "套", "项", "场", "年", "条", "座", "支", "P", "E"}
)
_WORDY_BELOW = 3  # 四天, 五年, 三个以上 are counts; 一个, 两位, 一年一度 mostly words
_NUMERALS = "0123456789〇零一二三四五六七八九十两百千"
_POSITION_WORDS = frozenset({"位", "名", "个", "台"})
_PRE = r"(?P<pre>超过|超|逾|将近|接近|近|约|大约|共|累计|不足|不到)?"
_NUM = (
    r"(?P<num>\d+(?:\.\d+)?|[一二三四五六七八九十两百千]+(?:点[一二三四五六七八九零〇]+)?|数|几)?"
)
_SCALE = r"(?P<scale>万亿|千亿|百亿|十亿|亿|千万|百万|十万|万)?"
_POST = r"(?P<post>余|多)?"
_TAIL = r"(?P<tail>以上|左右)?"
_QUANTITY = re.compile(
    _PRE
    + r"(?:(?P<pct>\d+(?:\.\d+)?)\s*[%％]|"
    + _NUM
    + r"(?P<post0>余|多)?"  # 20余万: 余 before the scale
    + _SCALE
    + _POST
    + r"(?P<unit>美元|元|家|户|万人|人|平方公里|"
    + _MEASURED
    + r")?)"
    + _TAIL
    + r"(?![A-Za-z])"
)
_POPULATION = re.compile(r"人口(?:总量|规模|数)?(?:约|达到?|为|有|超过|近|逾)?[：:]?$")
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
    groups["post"] = groups["post"] or groups.pop("post0")
    if groups["pct"] is not None:
        percent = Decimal(groups["pct"])
        data = _shaped(percent, groups, match.group(), "about" if groups["tail"] else None)
        data["unit"] = "percent"
        sign = _GROWTH.search(text[max(0, match.start() - 8) : match.start()])
        if sign is None:
            return Quantity(_span(match, offset), "percent", data)
        if sign.group(2) in ("下降", "减少"):
            negate(data)
        return Quantity(_span(match, offset), "growth", data)
    unit, scale, num = groups["unit"], groups["scale"], groups["num"]
    if unit is None and scale is None:
        return None
    if num is None and scale is None:
        return None
    if num is None and unit in ("家", "户", "人"):
        return None
    if unit in COUNT_UNITS or unit in MEASURE_UNITS:
        return _measured(match, groups, offset, text)
    several = num in ("数", "几")
    base = Decimal(1) if (num is None or several) else number(num)
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
    if unit is None and _POPULATION.search(text, max(0, match.start() - 8), match.start()):
        data["unit"] = _UNITS["人"]  # 人口25万, 常住人口20余万: people, not yuan
        return Quantity(_span(match, offset), "count", data)
    if unit == "平方公里":
        data["unit"] = KM2
        return Quantity(_span(match, offset), "area", data)
    if scale is None and unit is None:
        return None
    if unit == "美元":
        # 4750万美元: dollars, listed as a figure; the graph's amounts are in yuan, so no fact
        # takes it (its kind is not "amount")
        data["currency"] = "USD"
        return Quantity(_span(match, offset), "foreign-amount", data)
    data["currency"] = "CNY"
    return Quantity(_span(match, offset), "amount", data)


def _measured(
    match: re.Match[str], groups: dict[str, Any], offset: int, text: str
) -> Quantity | None:
    """16栋, 约4万个, 28名, 8个月, 236亩, 1.5万平方米, 1500PFlops: counts and measures."""
    unit, num, scale = groups["unit"], groups["num"], groups["scale"]
    if num is None or num in ("数", "几"):
        return None
    if match.start() and text[match.start() - 1] in _NUMERALS:
        return None  # 二〇二三年: the last numeral of a longer number
    lead = text[match.start() - 1 : match.start()] if match.start() else ""
    if unit in _POSITION_WORDS and (lead == "第" or (lead == "前" and unit in ("位", "名"))):
        return None  # 第34位, 前7位, 第3个: a position (see .ordinals), not a count
    if unit == "年" and not _duration(num):
        return None  # 2023年 is a date; 3年, 五年 are durations
    wordy = unit in _WORDY and not (num == "两" and unit in ("年", "天"))  # 连续两年 is a span
    if not num[0].isdigit() and wordy and (number(num) or 0) < _WORDY_BELOW:
        return None
    if unit in ("P", "E") and not num[0].isdigit():
        return None
    if unit == "天" and text[max(0, match.start() - 1) : match.start()] in ("今", "昨", "明", "前"):
        return None
    base = number(num)
    if base is None:
        return None
    multiplier = _SCALES[scale] if scale else Decimal(1)
    more = "more-than" if unit == "个多月" else None  # 两个多月: more than two months
    data = _shaped(base * multiplier, groups, match.group(), more)
    if unit in COUNT_UNITS:
        data["unit"] = COUNT_UNITS[unit]
        if unit == "项":
            data["word_unit"] = "count-unit:unit"  # 项 read as projects; the word itself: items
        return Quantity(_span(match, offset), "count", data)
    data["unit"] = MEASURE_UNITS[unit]
    return Quantity(_span(match, offset), "measure", data)


def _shaped(
    number: Decimal, groups: dict[str, Any], text: str, forced: str | None
) -> dict[str, Any]:
    qualifier = forced or _qualifier(groups.get("pre"), groups.get("post"), groups.get("tail"))
    key = {"more-than": "min", "nearly": "max", "less-than": "max"}.get(qualifier, "value")
    return {key: _plain(number), "qualifier": qualifier, "text": text}


def _qualifier(pre: str | None, post: str | None, tail: str | None) -> str:
    if pre in ("超过", "超", "逾") or post in ("余", "多") or tail == "以上":
        return "more-than"
    if pre in ("将近", "接近", "近"):
        return "nearly"
    if pre in ("不足", "不到"):
        return "less-than"
    if pre in ("约", "大约") or tail == "左右":
        return "about"
    return "exact"


def _duration(num: str) -> bool:
    years = number(num)
    return years is not None and years < _LONGEST_DURATION


_LONGEST_DURATION = 100  # years: a number of 100 or more before 年 is a year of the calendar


def number(raw: str) -> Decimal | None:
    """A number written in digits or Chinese numerals (28, 二十八, 两, 千余 → 1000), or None.

    >>> number("28"), number("两"), number("十五"), number("千"), number("万")
    (Decimal('28'), Decimal('2'), Decimal('15'), Decimal('1000'), Decimal('10000'))
    """
    if raw[0].isdigit():
        return Decimal(raw)
    if raw[0] in "百千万":
        raw = "一" + raw  # 千余人, 百余家, 万分之一
    try:
        return Decimal(str(cn2an.cn2an(raw, "smart")))
    except ValueError:
        return None


def _plain(number: Decimal) -> int | float:
    return int(number) if number == number.to_integral_value() else float(number)


def negate(data: dict[str, Any]) -> None:
    """Turn a growth into a fall (下降3.3% → -3.3), whichever of value, min or max it has."""
    for key in ("value", "min", "max"):
        if key in data:
            data[key] = -data[key]


def _span(match: re.Match[str], offset: int) -> Span:
    return Span(match.start() + offset, match.end() + offset)

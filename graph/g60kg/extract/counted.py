"""What a count in a generic measure word (个, 套, 台, 条, 座, 支, 颗; 家) counts:
23个产业项目 counts projects, 5个应用场景 scenarios, 1万个机柜 racks. The measure word stays
the count's unit;
the noun after it, read to its head (产业项目 → 项目), or the noun right before the number
(签约项目41个), is recorded beside it as ``counted``.

Examples
--------
>>> from g60kg.extract.quantities import find_quantities
>>> text = "签约23个产业项目，打造5个人工智能应用场景，建成1万个机柜，储备项目125个。"
>>> [counted(text, q) for q in find_quantities(text)]  # doctest: +NORMALIZE_WHITESPACE
[{'zh': '产业项目', 'unit': 'count-unit:project'},
 {'zh': '人工智能应用场景', 'unit': 'count-unit:scenario'},
 {'zh': '机柜', 'unit': 'count-unit:rack'},
 {'zh': '项目', 'unit': 'count-unit:project'}]
"""

from __future__ import annotations

import re

from g60kg.extract.quantities import Quantity, number
from g60kg.extract.spans import Span

__all__ = ["counted", "find_numbered", "find_place_counts"]

_GENERIC = frozenset({"count-unit:unit", "count-unit:company"})  # 家 counts more than firms
# nouns a count names, longest first where one ends another (大模型 before 模型)
_NOUNS = {
    "项目": "project",
    "平台": "platform",
    "城市": "city",
    "集群": "cluster",
    "产业园": "park",
    "园区": "park",
    "场景": "scenario",
    "大模型": "model",
    "模型": "model",
    "机架": "rack",
    "机柜": "rack",
    "基地": "base",
    "片区": "zone",
    "行业": "industry",
    "服务器": "server",
    "企业": "company",
    "国家": "country",
    "实验室": "laboratory",
    "卫星": "satellite",
    "应用": "application",
    "算力中心": "computing-centre",
    "数据中心": "data-centre",
    "街道": "subdistrict",
    "镇": "town",
    "基金": "fund",
    "设备": "device",
    "单位": "organisation",
    "机构": "organisation",
}
_NOUN = re.compile("|".join(sorted(_NOUNS, key=len, reverse=True)))
_MODIFIERS = 6  # characters of modifiers a count may put before its noun (重点, 人工智能应用)
_BEFORE = re.compile("(?:" + _NOUN.pattern + ")$")
_STOP = re.compile(r"[，。、；：,;:（(\s的和与及等]")


def counted(text: str, quantity: Quantity) -> dict[str, str] | None:
    """The noun a count in a generic measure word names, with its count unit, or None."""
    if quantity.data.get("unit") not in _GENERIC:
        return None
    at = quantity.span.start
    at -= 1 if text[at - 1 : at] in ("（", "(") else 0  # 重大产业化项目（8个）
    before = _BEFORE.search(text, max(0, at - 4), at)
    if before is not None:  # 签约项目41个, 应用模型超过70个
        return {"zh": before.group(), "unit": f"count-unit:{_NOUNS[before.group()]}"}
    start = quantity.span.end
    stop = _STOP.search(text, start, start + _MODIFIERS + 8)
    end = stop.start() if stop else min(len(text), start + _MODIFIERS + 8)
    first = _NOUN.search(text, start, min(end, start + _MODIFIERS + 3))
    if first is None or first.start() - start > _MODIFIERS:
        return None
    head = first
    while (following := _NOUN.match(text, head.end(), end)) is not None:
        head = following  # 产业项目, 数据中心集群, 行业大模型: the last noun is the head
    return {"zh": text[start : head.end()], "unit": f"count-unit:{_NOUNS[head.group()]}"}


_NUMBERED = re.compile(
    r"(?<![\d一二三四五六七八九十百千万第])(?P<num>[两三四五六七八九]|十[一二三四五六七八九]?|[2-9]|1\d)大"
    r"(?![学会型量批力多幅小于约概家都部众半])(?=[\u4e00-\u9fff])"
)


def find_numbered(text: str, offset: int = 0) -> list[Quantity]:
    """Numbered sets (五大产业集群, 两大历史使命, 十大抓手): a count in the generic unit, with what
    it counts when the noun is one :func:`counted` knows.

    >>> [(q.data["text"], q.data["value"], q.data.get("counted", {}).get("unit"))
    ...  for q in find_numbered("打造五大产业集群，担起两大历史使命")]
    [('五大', 5, 'count-unit:cluster'), ('两大', 2, None)]
    """
    found = []
    for match in _NUMBERED.finditer(text):
        value = int(number(match.group("num")) or 0)
        data: dict[str, object] = {
            "value": value,
            "qualifier": "exact",
            "text": match.group(),
            "unit": "count-unit:unit",
        }
        quantity = Quantity(Span(match.start(), match.end()), "numbered", data)
        thing = counted(text, quantity)
        if thing is not None:
            data["counted"] = thing
        found.append(Quantity(Span(match.start() + offset, match.end() + offset), "numbered", data))
    return found


_PLACE_COUNT = re.compile(
    r"(?<![\d一二三四五六七八九十百千万第前])(?P<num>[两三四五六七八九]|十[一二三四五六七八九]?)"
    r"(?P<kind>城市|城|市|省)(?![长委场民政级属内外区县镇])"
)


def find_place_counts(text: str, offset: int = 0) -> list[Quantity]:
    """Places counted without a measure word (九城市, 中部六省, 三省一市): cities or provinces.

    >>> [(q.data["text"], q.data["value"], q.data["unit"])
    ...  for q in find_place_counts("走廊九城市与中部六省、三省一市")]
    [('九城市', 9, 'count-unit:city'), ('六省', 6, 'count-unit:province'), \
('三省', 3, 'count-unit:province')]
    """
    found = []
    for match in _PLACE_COUNT.finditer(text):
        unit = "count-unit:province" if match.group("kind") == "省" else "count-unit:city"
        data = {
            "value": int(number(match.group("num")) or 0),
            "qualifier": "exact",
            "text": match.group(),
            "unit": unit,
        }
        span = Span(match.start() + offset, match.end() + offset)
        found.append(Quantity(span, "count", data))
    return found

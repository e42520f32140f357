"""What a count in a generic measure word (个, 套, 台, 条) counts: 23个产业项目 counts
projects, 5个应用场景 scenarios, 1万个机柜 racks. The measure word stays the count's unit;
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

from g60kg.extract.quantities import Quantity

__all__ = ["counted"]

_GENERIC = frozenset({"count-unit:unit"})
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
}
_NOUN = re.compile("|".join(sorted(_NOUNS, key=len, reverse=True)))
_MODIFIERS = 6  # characters of modifiers a count may put before its noun (重点, 人工智能应用)
_BEFORE = re.compile("(?:" + _NOUN.pattern + ")$")
_STOP = re.compile(r"[，。、；：,;:（(\s的和与及等]")


def counted(text: str, quantity: Quantity) -> dict[str, str] | None:
    """The noun a count in a generic measure word names, with its count unit, or None."""
    if quantity.data.get("unit") not in _GENERIC:
        return None
    before = _BEFORE.search(text, max(0, quantity.span.start - 4), quantity.span.start)
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

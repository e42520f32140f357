"""Figure units by notation: ``count-unit:building``, ``栋`` and ``building`` are one unit.

Examples
--------
>>> unit_key("幢"), known_unit("count-unit:robot")
('building', False)
"""

from __future__ import annotations

from g60kg.extract.normalise import to_simplified

__all__ = ["known_unit", "unit_key"]

_UNIT_WORDS = {
    "company": ("家", "企业"),
    "business": ("户",),
    "person": ("人", "名", "位", "万人", "人次"),
    "organisation": ("organization", "单位", "机构"),
    "building": ("栋", "幢", "座楼"),
    "unit": ("个", "套", "件", "款", "台套", "item"),
    "project": ("个项目", "项目", "项"),
    "platform": ("个平台", "平台"),
    "rack": ("个机架", "机架", "架"),
    "server": ("台服务器", "服务器", "台"),
    "day": ("天", "日"),
    "month": ("个月", "月"),
    "year": ("年",),
    "city": ("座城市", "城市", "城"),
    "event": ("场", "次"),
    "mu": ("亩",),
    "square-metre": ("平方米", "㎡", "m2", "m²", "sqm"),
    "square-kilometre": ("平方公里", "km2", "km²", "平方千米"),
    "hectare": ("公顷",),
    "kilometre": ("公里", "km", "千米"),
    "pflops": ("p", "pflops", "pflop/s", "petaflops"),
    "eflops": ("e", "eflops", "eflop/s"),
    "cny": ("元", "yuan", "rmb", "currency", "人民币", "万元", "亿元"),
    "percent": ("%", "％", "pct", "per-cent", "百分比"),
}
_UNIT_KEYS = {word.casefold(): key for key, words in _UNIT_WORDS.items() for word in words}


def unit_key(unit: object) -> str | None:
    """A unit's notation, whatever way it is written (None when there is none).

    Units the table does not know keep their own notation, so they match only themselves.

    >>> [unit_key(u) for u in ("count-unit:building", "栋", "measure-unit:mu", "CNY", "km2")]
    ['building', 'building', 'mu', 'cny', 'square-kilometre']
    >>> unit_key("count-unit:robot")
    'robot'
    """
    if not isinstance(unit, str) or not unit.strip():
        return None
    word = unit.strip().casefold().rstrip("/")
    word = word.rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    if word in _UNIT_WORDS:
        return word
    return _UNIT_KEYS.get(word) or _UNIT_KEYS.get(to_simplified(word)) or word


def known_unit(unit: object) -> bool:
    """Whether :func:`unit_key` knows ``unit`` (``栋`` yes, ``count-unit:robot`` no)."""
    key = unit_key(unit)
    return key is not None and key in _UNIT_WORDS

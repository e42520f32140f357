"""The administrative divisions of the corridor: which city each county-level unit of the nine
members belongs to, and which province each prefecture-level city of the three provinces is in.

An article that names 余杭区 and 杭州 rarely writes 杭州市余杭区; a reader knows the one is in the
other. :func:`known_containment` proposes that containment for every pair of places an article
names, marked as known from the divisions (the names are those of the statistical division
codes, 国家统计局 2023, as in the graph's place entities).

Examples
--------
>>> from g60kg.extract.mention import Mention
>>> from g60kg.extract.spans import Span
>>> places = [Mention(Span(0, 3), "余杭区", "District"), Mention(Span(9, 12), "杭州市", "City")]
>>> [(c.subject.name, c.obj.name) for c in known_containment(places, [])]
[('余杭区', '杭州市')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from g60kg.extract.claims import Claim
from g60kg.extract.lexicon import ADMIN_LEVEL, PREFECTURE_CITIES
from g60kg.extract.mention import Mention
from g60kg.extract.spans import Span

__all__ = [
    "COUNTY_SHORT_NAMES",
    "MEMBERS",
    "PARENT",
    "full_name",
    "known_containment",
    "listed_members",
]


def _units(city: str, names: str) -> dict[str, str]:
    return dict.fromkeys(names.split(), city)


_SHORT_PROVINCES = {"上海": "上海市", "江苏": "江苏省", "浙江": "浙江省", "安徽": "安徽省"}

# the unit each place is directly within
PARENT: dict[str, str] = {
    **{f"{city}市": province for province, cities in PREFECTURE_CITIES.items() for city in cities},
    "松江区": "上海市",
    "洞泾镇": "松江区",
    **_units("苏州市", "虎丘区 吴中区 相城区 姑苏区 吴江区 苏州工业园区"),
    **_units("苏州市", "常熟市 张家港市 昆山市 太仓市"),
    **_units("杭州市", "上城区 拱墅区 西湖区 滨江区 萧山区 余杭区 富阳区"),
    **_units("杭州市", "临安区 临平区 钱塘区 桐庐县 淳安县 建德市"),
    **_units("嘉兴市", "南湖区 秀洲区 嘉善县 海盐县 海宁市 平湖市 桐乡市"),
    **_units("湖州市", "吴兴区 南浔区 德清县 长兴县 安吉县"),
    **_units("金华市", "婺城区 金东区 武义县 浦江县 磐安县 兰溪市 义乌市 东阳市 永康市"),
    **_units("合肥市", "瑶海区 庐阳区 蜀山区 包河区 长丰县 肥东县 肥西县 庐江县 巢湖市"),
    **_units("芜湖市", "镜湖区 鸠江区 弋江区 湾沚区 繁昌区 南陵县 无为市"),
    **_units("宣城市", "宣州区 郎溪县 泾县 绩溪县 旌德县 宁国市 广德市"),
}


# county-level units news names without 区/县/市 (落户德清, 昆山的…); stems that are also lakes,
# rivers, brands or common words (西湖, 钱塘, 浦江, 滨江, 无为…) are left out
_NOT_SHORT_WORDS = (
    "西湖 滨江 上城 巢湖 无为 繁昌 南湖 金东 姑苏 虎丘 长丰 钱塘 镜湖 浦江 秀洲 弋江 湾沚 "
    "吴中 苏州工业园"
)
_NOT_SHORT = frozenset(_NOT_SHORT_WORDS.split())
COUNTY_SHORT_NAMES: dict[str, str] = {
    name[:-1]: name
    for name, parent in PARENT.items()
    if parent.endswith("市")
    and parent != "上海市"
    and name.endswith(("区", "县", "市"))
    and len(name) >= 3
    and name[:-1] not in _NOT_SHORT
}


def full_name(name: str) -> str:
    """The divisions' name of a place named by its stem (杭州 → 杭州市, 德清 → 德清县).

    >>> full_name("杭州"), full_name("德清"), full_name("松江区")
    ('杭州市', '德清县', '松江区')
    """
    if name in PARENT or name in PREFECTURE_CITIES or name == "上海市":
        return name
    if name in _SHORT_PROVINCES:
        return _SHORT_PROVINCES[name]
    if name + "市" in PARENT:
        return name + "市"
    if name in COUNTY_SHORT_NAMES:
        return COUNTY_SHORT_NAMES[name]
    return name + "区" if name + "区" in PARENT else name  # 松江


def known_containment(mentions: Sequence[Mention], claims: Sequence[Claim]) -> list[Claim]:
    """``directlyWithin`` for each place named in the article whose parent it also names, unless
    a claim already gives it; the evidence is the place's first mention."""
    first: dict[str, Mention] = {}
    for mention in mentions:
        if mention.type in ADMIN_LEVEL and not mention.implied:
            first.setdefault(full_name(mention.name), mention)
    said = {
        (full_name(c.subject.name), full_name(c.obj.name))
        for c in claims
        if c.predicate == "directlyWithin" and c.subject is not None and c.obj is not None
    }
    found = []
    for name, mention in first.items():
        parent = PARENT.get(name)
        if parent is None or parent not in first or (name, parent) in said:
            continue
        note = f"The administrative divisions place {name} in {parent}; the article names both."
        found.append(
            Claim(
                mention.span,
                predicate="directlyWithin",
                subject=mention,
                obj=first[parent],
                note=note,
                confidence=0.9,
            )
        )
    return found


# the corridor's nine members
_MEMBER_NAMES = "松江区 嘉兴市 杭州市 金华市 苏州市 湖州市 宣城市 芜湖市 合肥市"
MEMBERS = frozenset(_MEMBER_NAMES.split())
_LIST_GAP = re.compile(r"[、和及与,，\s]*")


def listed_members(text: str, mentions: Sequence[Mention]) -> list[Claim]:
    """``memberCity`` for each member of a list that names at least five of the nine, in an
    article that names the corridor (松江、苏州、杭州、嘉兴、湖州、金华、芜湖、宣城、合肥9地).

    >>> from g60kg.extract.mentions import find_mentions
    >>> text = "G60科创走廊召开会议，松江、苏州、杭州、嘉兴、湖州、金华、芜湖、宣城、合肥9地参加。"
    >>> claims = listed_members(text, find_mentions(text).mentions)
    >>> len(claims), claims[0].obj.name
    (9, '松江')
    """
    corridors = [m for m in mentions if m.type == "Corridor" and not m.implied]
    places = sorted(
        (m for m in mentions if m.type in ADMIN_LEVEL and not m.implied and not m.nested),
        key=lambda m: m.span.start,
    )
    if not corridors or not places:
        return []
    claims: list[Claim] = []
    group = [places[0]]
    for place in [*places[1:], None]:
        joined = place is not None and _LIST_GAP.fullmatch(
            text, group[-1].span.end, place.span.start
        )
        if joined and place is not None:
            group.append(place)
            continue
        members = [m for m in group if full_name(m.name) in MEMBERS]
        if len({full_name(m.name) for m in members}) >= _LIST_MIN:
            corridor = min(corridors, key=lambda c: abs(c.span.start - members[0].span.start))
            note = "A list naming most of the corridor's nine members, in an article on it."
            for member in members:
                claims.append(
                    Claim(
                        Span(group[0].span.start, group[-1].span.end),
                        predicate="memberCity",
                        subject=corridor,
                        obj=member,
                        note=note,
                        confidence=0.8,
                    )
                )
        group = [place] if place is not None else []
    return claims


_LIST_MIN = 5

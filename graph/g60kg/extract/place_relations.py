"""Containment and membership claims: which unit, site or organisation is in which place.

Patterns: 松江区洞泾镇 (a unit written right after a higher one); X位于Y, 位于Y的X, X落户Y;
在P设立X; S在P开工 (落成, 揭牌…); table rows 湖州市 | 浙江省; P有A、B、C and P下辖A、B;
X是Y的市辖区 and Y是X所在地; A、B是…走廊的成员; a corridor that 覆盖 its units and is named after
its road.

Examples
--------
>>> from g60kg.extract.mentions import find_mentions
>>> text = "洞泾镇位于松江区。"
>>> found = find_mentions(text).mentions
>>> [(c.subject.name, c.predicate, c.obj.name) for c in located(text, Span(0, len(text)), found)]
[('洞泾镇', 'directlyWithin', '松江区')]
"""

from __future__ import annotations

import re
from itertools import pairwise

from g60kg.extract.claims import (
    ORG_TYPES,
    SITE_TYPES,
    Claim,
    claim_between,
    enumeration_ending,
    enumeration_starting,
    place_chain,
)
from g60kg.extract.lexicon import ADMIN_LEVEL
from g60kg.extract.mention import Mention
from g60kg.extract.spans import Span

__all__ = [
    "adjacent_places",
    "gathered",
    "has_units",
    "located",
    "members",
    "opened_in",
    "route",
    "set_up_in",
    "site_in",
    "spanned_units",
    "subordinate",
    "table_row",
]

_LOCATED = re.compile(
    r"位于|地处|坐落于|坐落在|设在|设于|落户于?|落地于?|入驻|选址于?|隶属于?|属于"
)
_ADVERBS = re.compile(r"(?:也|将|已经|已|还|均|都|正式|即将|先后|拟|计划|将会|成功|共同)*$")
_SITE_VERBS = re.compile(r"开工|落成|建成|揭牌|启用|投用|开园|奠基|开业|运营|投运")
_TABLE_ROW = re.compile(r"\s*[|｜\t]\s*")


def adjacent_places(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    claims = []
    places = [m for m in inner if m.type in ADMIN_LEVEL and not m.nested]
    for outer, local in pairwise(places):
        if outer.span.end != local.span.start or ADMIN_LEVEL[outer.type] >= ADMIN_LEVEL[local.type]:
            continue
        claims.append(claim_between("directlyWithin", local, outer, outer.span, confidence=0.9))
        # 安徽省合肥市、芜湖市、宣城市: the province heads the whole list
        listed = enumeration_starting(text, inner, local.span.start)[1:]
        for item in (m for m in listed if m.type == local.type):
            claims.append(claim_between("directlyWithin", item, outer, outer.span, confidence=0.7))
    return claims


def located(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    claims = []
    for match in _LOCATED.finditer(text, sentence.start, sentence.end):
        adverbs = _ADVERBS.search(text, sentence.start, match.start())
        at = adverbs.start() if adverbs else match.start()
        subjects = enumeration_ending(text, inner, at)
        at_object = match.end() + (1 if text[match.end() : match.end() + 1] in "在于" else 0)
        objects = place_chain(inner, at_object) or _site_at(inner, at_object)
        objects = objects or _where_located(text, inner, match.end())
        parents = [m for m in inner if m.span.start == match.end() and m.type in ORG_TYPES]
        if subjects and parents and match.group().startswith("隶属"):
            for subject in (m for m in subjects if m.type in ORG_TYPES):
                claims.append(
                    claim_between(
                        "parentOrganization", subject, parents[0], Span(match.start(), match.end())
                    )
                )
            continue
        if objects and not subjects and match.group() in ("位于", "地处"):
            claims.extend(_located_before(text, inner, match, objects[-1]))
        if not subjects or not objects:
            continue
        place = objects[-1]
        for subject in subjects:
            if subject.type in ORG_TYPES:
                settled = match.group().startswith(("落户", "落地", "入驻"))
                predicate = "settledIn" if settled else "locatedIn"
                claims.append(
                    claim_between(predicate, subject, place, Span(match.start(), match.end()))
                )
            elif subject.type in ADMIN_LEVEL or subject.type in SITE_TYPES:
                claims.append(
                    claim_between(
                        "directlyWithin", subject, place, Span(match.start(), place.span.end)
                    )
                )
    return claims


def _where_located(text: str, inner: list[Mention], start: int) -> list[Mention]:
    """落户位于P的Y: the site or organisation Y named after the place."""
    if not text.startswith(("位于", "地处"), start):
        return []
    chain = place_chain(inner, start + 2)
    if not chain or text[chain[-1].span.end : chain[-1].span.end + 1] != "的":
        return []
    after = chain[-1].span.end + 1
    return [
        m
        for m in inner
        if m.span.start == after and not m.nested and (m.type in SITE_TYPES or m.type in ORG_TYPES)
    ][:1]


def _site_at(inner: list[Mention], start: int) -> list[Mention]:
    """A site named at ``start`` (位于合肥高新区…): a place too."""
    return [m for m in inner if m.span.start == start and m.type in SITE_TYPES and not m.nested][:1]


def _located_before(
    text: str, inner: list[Mention], match: re.Match[str], place: Mention
) -> list[Claim]:
    """位于X的Y: the organisation (or site) Y named right after is in X."""
    if text[place.span.end : place.span.end + 1] != "的":
        return []
    named = [m for m in inner if m.span.start == place.span.end + 1 and not m.nested]
    claims = []
    for subject in named:
        evidence = Span(match.start(), subject.span.end)
        if subject.type in ORG_TYPES:
            claims.append(claim_between("locatedIn", subject, place, evidence, confidence=0.7))
        elif subject.type in SITE_TYPES:
            claims.append(claim_between("directlyWithin", subject, place, evidence, confidence=0.7))
    return claims


def site_in(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    """S在P开工 (落成, 揭牌, 启用…): the site is in the place."""
    claims = []
    for site in (m for m in inner if m.type in SITE_TYPES and not m.nested):
        gap = re.match(r"(?:也|将|已|正式|于)*在", text[site.span.end : site.span.end + 6])
        if gap is None:
            continue
        chain = place_chain(inner, site.span.end + gap.end())
        if not chain:
            continue
        verb = _SITE_VERBS.match(text, chain[-1].span.end, chain[-1].span.end + 2)
        after = re.match(r"(?:正式|隆重|顺利)?", text[chain[-1].span.end :])
        verb = verb or _SITE_VERBS.match(text, chain[-1].span.end + (after.end() if after else 0))
        if verb:
            evidence = Span(site.span.start, verb.end())
            claims.append(
                claim_between("directlyWithin", site, chain[-1], evidence, confidence=0.7)
            )
    return claims


def table_row(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    """A table row 湖州市 | 浙江省: a unit beside the higher unit it belongs to."""
    cells = _TABLE_ROW.split(text[sentence.start : sentence.end])
    places = [m for m in inner if m.type in ADMIN_LEVEL and not m.nested]
    if len(cells) != 2 or len(places) != 2 or [m.name for m in places] != cells:
        return []
    local, outer = places
    if ADMIN_LEVEL[outer.type] >= ADMIN_LEVEL[local.type]:
        return []
    return [claim_between("directlyWithin", local, outer, sentence, confidence=0.7)]


def has_units(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    """P有A、B、C(三座城市), P下辖A、B: each listed unit is directly within P."""
    claims = []
    for match in re.finditer(r"(?:有|下辖|辖|包括|包含)", text[sentence.start : sentence.end]):
        at = sentence.start + match.start()
        owners = [m for m in inner if m.type in ADMIN_LEVEL and m.span.end == at]
        listed = enumeration_starting(text, inner, at + len(match.group()))
        if not owners or len(listed) < 2:
            continue
        owner = owners[0]
        for unit in listed:
            if ADMIN_LEVEL.get(unit.type, 0) > ADMIN_LEVEL[owner.type]:
                evidence = Span(owner.span.start, unit.span.end)
                claims.append(
                    claim_between("directlyWithin", unit, owner, evidence, confidence=0.7)
                )
    return claims


def subordinate(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    claims = []
    pattern = re.compile(r"是(?P<obj>[^，。；]{2,12}?)的(?:市辖区|辖区|下辖区|区|县|镇|街道)")
    for match in pattern.finditer(text, sentence.start, sentence.end):
        subjects = enumeration_ending(text, inner, match.start())
        chain = place_chain(inner, match.start("obj"))
        if subjects and chain and chain[-1].span.end == match.end("obj"):
            for subject in subjects:
                if subject.type in ADMIN_LEVEL:
                    evidence = Span(subject.span.start, match.end())
                    claims.append(claim_between("directlyWithin", subject, chain[-1], evidence))
    for match in re.finditer("所在地", text[sentence.start : sentence.end]):
        end = sentence.start + match.start()
        sites = [m for m in inner if m.span.end == end and m.type in SITE_TYPES]
        places = [m for m in inner if m.type in ADMIN_LEVEL and m.span.start < end]
        if sites and places:
            evidence = Span(places[0].span.start, end + 3)
            claims.append(
                claim_between("directlyWithin", sites[0], places[0], evidence, confidence=0.7)
            )
    return claims


def members(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    """A、B…(均|都)是…走廊的成员(城市): each listed city or district is a member."""
    claims = []
    pattern = re.compile(r"(?:均|都|皆)?(?:是|为|系)(?P<corridor>[^，。；]{0,20}?)的?成员")
    for match in pattern.finditer(text, sentence.start, sentence.end):
        corridors = [
            m for m in inner if m.type == "Corridor" and m.span.end == match.end("corridor")
        ]
        members = [
            m
            for m in inner
            if m.span.end <= match.start() and ADMIN_LEVEL.get(m.type, 0) >= 2 and not m.nested
        ]
        for member in members if corridors else []:
            evidence = Span(member.span.start, match.end())
            claims.append(
                claim_between("memberCity", corridors[0], member, evidence, confidence=0.7)
            )
    return claims


def spanned_units(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    claims = []
    corridors = [m for m in inner if m.type in ("Corridor", "Region")]
    verbs = r"覆盖|横跨|跨越|涵盖|贯穿|串联起?|连接|途经|涉及|辐射"
    for match in re.finditer(verbs, text[sentence.start : sentence.end]):
        end = sentence.start + match.end()
        units = enumeration_starting(text, inner, end)
        units = [m for m in units if ADMIN_LEVEL.get(m.type) == 1]
        by_start = {m.span.start: m for m in inner if ADMIN_LEVEL.get(m.type) == 1}
        while units and units[-1].span.end in by_start:  # 沪苏浙皖: written one after another
            units.append(by_start[units[-1].span.end])
        subject = [m for m in corridors if m.span.end <= end]
        for unit in units if subject else []:
            claims.append(
                claim_between("spansUnit", subject[-1], unit, Span(end - 2, unit.span.end))
            )
    return claims


def route(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    claims = []
    corridors = [m for m in inner if m.type == "Corridor"]
    for road in (m for m in inner if m.type == "Road"):
        said = text[sentence.start : sentence.end]
        if corridors and re.search(r"得名|命名|依托|沿", said):
            claims.append(claim_between("route", corridors[0], road, road.span))
    return claims


_SET_UP = re.compile(
    r"(?:正式|共同|联合|投资|率先|再|又|还|已|将|也)*"
    r"(?:设立|建设|打造|建立|成立|新建|兴建|组建|布局|落地|启动建设|投资建设|投资兴建|创办|创立)了?"
    r"(?:一[个座家所批]|首[个座家])?"
)


def set_up_in(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    """在P设立X (建设, 打造, 成立…): the site X is in P, the organisation X is located in P.

    >>> from g60kg.extract.mentions import find_mentions
    >>> text = "腾讯在松江区建设长三角人工智能超算中心。"
    >>> found = find_mentions(text).mentions
    >>> claims = set_up_in(text, Span(0, len(text)), found)
    >>> [(c.subject.name, c.predicate, c.obj.name) for c in claims]
    [('长三角人工智能超算中心', 'directlyWithin', '松江区')]
    """
    claims = []
    for match in re.finditer("在", text[sentence.start : sentence.end]):
        at = sentence.start + match.end()
        chain = place_chain(inner, at) or _site_at(inner, at)
        if not chain:
            continue
        verb = _SET_UP.match(text, chain[-1].span.end, sentence.end)
        if verb is None or verb.end() == chain[-1].span.end:
            continue
        named = [m for m in inner if m.span.start == verb.end() and not m.nested and m.proper]
        for subject in named[:1]:
            evidence = Span(sentence.start + match.start(), subject.span.end)
            if subject.type in SITE_TYPES:
                claims.append(
                    claim_between("directlyWithin", subject, chain[-1], evidence, confidence=0.7)
                )
            elif subject.type in ORG_TYPES:
                claims.append(
                    claim_between("locatedIn", subject, chain[-1], evidence, confidence=0.7)
                )
    return claims


_OPENING = re.compile(
    r"\s*(?:(?:目前|如今|近年来|截至目前|去年|今年|此前|[\d一二三四五六七八九十〇]+年(?:[\d一二三四五六七八九十]+月)?(?:底|初)?)，?)?"
)
# a sentence of a signing or with 与: the organisations it names are partners, not residents
_PARTNERS = re.compile(r"签约|签署|签订|与")
_GATHERS = re.compile(
    r"(?:早已|已经|已|还|也|目前|现已|先后|共|累计)*"
    r"(?:拥有|集聚|聚集|吸引|引进|组建|培育|孵化|汇聚|建有|有)"
)


def gathered(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    """西湖区有浙大、西湖大学等高校; 芜湖市组建了奇瑞开阳实验室、…: a place or site that opens
    the sentence and has, gathers or set up organisations holds them. Not in a sentence of a
    signing or with 与, where the organisations are the place's partners."""
    start = _OPENING.match(text, sentence.start, sentence.end)
    at = start.end() if start else sentence.start
    holders = [
        m
        for m in inner
        if m.span.start == at and not m.nested and (m.type in ADMIN_LEVEL or m.type in SITE_TYPES)
    ]
    if not holders or not _GATHERS.match(text, holders[0].span.end):
        return []
    if _PARTNERS.search(text, sentence.start, sentence.end):
        return []
    holder = holders[0]
    return [
        claim_between("locatedIn", m, holder, Span(holder.span.start, m.span.end), confidence=0.5)
        for m in inner
        if m.span.start > holder.span.end and not m.nested and m.type in ORG_TYPES
    ]


def opened_in(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    """在P，… : a sentence set in a place or site names organisations that are there (在芜湖，
    提起汽车电子，绕不开芜湖埃泰克汽车电子股份有限公司). Not in a sentence of a signing or with
    与, where they are the place's partners.

    >>> from g60kg.extract.mentions import find_mentions
    >>> text = "在苏州工业园区，苏州国际科技园孵化了多家企业。"
    >>> found = find_mentions(text).mentions
    >>> [(c.subject.name, c.obj.name) for c in opened_in(text, Span(0, len(text)), found)]
    [('苏州国际科技园', '苏州工业园区')]
    """
    start = _OPENING.match(text, sentence.start, sentence.end)
    at = start.end() if start else sentence.start
    if not text.startswith("在", at):
        return []
    chain = place_chain(inner, at + 1) or _site_at(inner, at + 1)
    if not chain or not text.startswith("，", chain[-1].span.end):
        return []
    if _PARTNERS.search(text, sentence.start, sentence.end):
        return []
    holder = chain[-1]
    return [
        claim_between("locatedIn", m, holder, Span(at, m.span.end), confidence=0.5)
        for m in inner
        if m.span.start > holder.span.end
        and not m.nested
        and (m.type in ORG_TYPES or m.type in SITE_TYPES)
    ]

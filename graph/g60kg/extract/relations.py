"""Propose simple claims from sentence patterns, only what a sentence says.

Patterns: containment (松江区洞泾镇; X位于Y; 位于Y的X; X是Y的市辖区; Y是X所在地), where an
event was held (E在P举行; P举行E), event dates (the day written nearest the event), events held
as one (不仅是E1，更是E2), unveilings and the event they were part of (峰会上，X揭牌), forums and
ceremonies within the conference named just before (在E上), what an organisation sits in
(设在) or settled in (入驻), who proposed an initiative (首倡), who issued a document
(出台/发布《…》, 关于印发…的通知), the units a corridor spans (覆盖), its road (因…而得名) and
the plan it was written into (写入/纳入).

Examples
--------
>>> from g60kg.extract.mentions import find_mentions
>>> text = "洞泾镇位于松江区。"
>>> found = find_mentions(text)
>>> [(c.subject.name, c.predicate, c.obj.name) for c in find_claims(text, found.mentions, [])]
[('洞泾镇', 'directlyWithin', '松江区')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from g60kg.extract.claims import Claim, enumeration_ending, enumeration_starting, within
from g60kg.extract.dates import DateMention
from g60kg.extract.lexicon import ADMIN_LEVEL
from g60kg.extract.mentions import Mention
from g60kg.extract.spans import Span

__all__ = ["find_claims"]

_EVENTS = frozenset(
    {"Conference", "Summit", "SigningCeremony", "Unveiling", "Launch", "Event", "PanelDiscussion"}
    | {"Exhibition", "Competition", "Groundbreaking", "Opening"}
)
_SITES = frozenset(
    {"IndustrialBase", "IndustrialPark", "FeatureTown", "InnovationBase", "PlannedZone", "Site"}
    | {"ComputingCentre", "ScienceCity", "PilotZone", "Platform"}
)
_ORGS = frozenset(
    {"Company", "GovernmentBody", "CooperationBody", "Organization", "PartyCommittee"}
    | {"University", "ResearchInstitute", "Laboratory", "IndustryAlliance", "Fund"}
)
_HELD = re.compile(r"举行|举办|召开|开幕|揭牌|启动")
_LOCATED = re.compile(
    r"位于|地处|坐落于|坐落在|设在|设于|落户于?|落地于?|入驻|选址于?|隶属于?|属于"
)
_ADVERBS = re.compile(r"(?:也|将|已经|已|还|均|都|正式|即将|先后|拟|计划|将会|成功|共同)*$")
_SITE_VERBS = re.compile(r"开工|落成|建成|揭牌|启用|投用|开园|奠基|开业|运营|投运")
_PARENT = re.compile(r"旗下|下属|所属")
_BUILT = re.compile(
    r"由(?P<org>[^，。；]{2,40}?)(?:共同|联合|牵头)?(?:承担|负责|进行|投资)?"
    r"(?P<work>建设和运维|建设与运维|建设和运营|建设运营|建设运维|投资建设|建设|运维|运营)"
)
_WORK_BY = re.compile(
    r"(?P<work>建设和运维|建设运营|建设|运维|运营)(?:工作)?(?:则|均|将)?由(?P<org>[^，。；]{2,40}?)"
    r"(?:承担|负责)"
)
_ATTEND = re.compile(r"出席|参加|参与|致辞|见证")
_TABLE_ROW = re.compile(r"\s*[|｜\t]\s*")
_PROPOSED = re.compile(r"首倡|(?:率先|最早|最先|首先)?提出")
_PROGRAMMES = frozenset({"Corridor", "Plan", "Slogan", "Programme", "PlanDocument"})
_CLAUSE_END = re.compile(r"[，。；,;！？]")


def find_claims(
    text: str,
    mentions: Sequence[Mention],
    sentences: Sequence[Span],
    dates: Sequence[DateMention] = (),
) -> list[Claim]:
    """Return the simple claims of ``text`` (simplified), sentence by sentence."""
    sentences = sentences or [Span(0, len(text))]
    claims: list[Claim] = []
    for sentence in sentences:
        inner = [m for m in within(mentions, sentence) if not m.implied]
        if not inner:
            continue
        inner_dates = [d for d in dates if sentence.start <= d.span.start < sentence.end]
        for rule in _RULES:
            claims.extend(rule(text, sentence, inner))
        earlier = [
            m for m in mentions if m.span.end <= sentence.start and m.proper and not m.nested
        ]
        earlier = sorted(earlier, key=lambda m: m.span.start)
        claims.extend(_built(text, sentence, inner, earlier))
        hosts = [m for m in mentions if m.span.end <= sentence.start and m.type in _HOSTS]
        claims.extend(_sub_events(text, sentence, inner, hosts))
        claims.extend(_dated(sentence, inner, inner_dates))
    return claims


def _claim(predicate: str, subject: Mention, obj: Mention, evidence: Span, **kw: object) -> Claim:
    start = min(evidence.start, subject.span.start, obj.span.start)
    end = max(evidence.end, subject.span.end, obj.span.end)
    claim = Claim(Span(start, end), predicate=predicate, subject=subject, obj=obj)
    for key, value in kw.items():
        setattr(claim, key, value)
    return claim


def _adjacent_places(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    claims = []
    places = [m for m in inner if m.type in ADMIN_LEVEL and not m.nested]
    for outer, local in pairwise(places):
        if outer.span.end != local.span.start or ADMIN_LEVEL[outer.type] >= ADMIN_LEVEL[local.type]:
            continue
        claims.append(_claim("directlyWithin", local, outer, outer.span, confidence=0.9))
        # 安徽省合肥市、芜湖市、宣城市: the province heads the whole list
        listed = enumeration_starting(text, inner, local.span.start)[1:]
        for item in (m for m in listed if m.type == local.type):
            claims.append(_claim("directlyWithin", item, outer, outer.span, confidence=0.7))
    return claims


def _located(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    claims = []
    for match in _LOCATED.finditer(text, sentence.start, sentence.end):
        adverbs = _ADVERBS.search(text, sentence.start, match.start())
        at = adverbs.start() if adverbs else match.start()
        subjects = enumeration_ending(text, inner, at)
        at_object = match.end() + (1 if text[match.end() : match.end() + 1] in "在于" else 0)
        objects = _place_chain(inner, at_object) or _site_at(inner, at_object)
        parents = [m for m in inner if m.span.start == match.end() and m.type in _ORGS]
        if subjects and parents and match.group().startswith("隶属"):
            for subject in (m for m in subjects if m.type in _ORGS):
                claims.append(
                    _claim(
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
            if subject.type in _ORGS:
                settled = match.group().startswith(("落户", "落地", "入驻"))
                predicate = "settledIn" if settled else "locatedIn"
                claims.append(_claim(predicate, subject, place, Span(match.start(), match.end())))
            elif subject.type in ADMIN_LEVEL or subject.type in _SITES:
                claims.append(
                    _claim("directlyWithin", subject, place, Span(match.start(), place.span.end))
                )
    return claims


def _site_at(inner: list[Mention], start: int) -> list[Mention]:
    """A site named at ``start`` (位于合肥高新区…): a place too."""
    return [m for m in inner if m.span.start == start and m.type in _SITES and not m.nested][:1]


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
        if subject.type in _ORGS:
            claims.append(_claim("locatedIn", subject, place, evidence, confidence=0.7))
        elif subject.type in _SITES:
            claims.append(_claim("directlyWithin", subject, place, evidence, confidence=0.7))
    return claims


def _site_in(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    """S在P开工 (落成, 揭牌, 启用…): the site is in the place."""
    claims = []
    for site in (m for m in inner if m.type in _SITES and not m.nested):
        gap = re.match(r"(?:也|将|已|正式|于)*在", text[site.span.end : site.span.end + 6])
        if gap is None:
            continue
        chain = _place_chain(inner, site.span.end + gap.end())
        if not chain:
            continue
        verb = _SITE_VERBS.match(text, chain[-1].span.end, chain[-1].span.end + 2)
        after = re.match(r"(?:正式|隆重|顺利)?", text[chain[-1].span.end :])
        verb = verb or _SITE_VERBS.match(text, chain[-1].span.end + (after.end() if after else 0))
        if verb:
            evidence = Span(site.span.start, verb.end())
            claims.append(_claim("directlyWithin", site, chain[-1], evidence, confidence=0.7))
    return claims


def _parent(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    """P旗下的A、B和C (下属, 所属): each listed organisation belongs to P."""
    claims = []
    for match in _PARENT.finditer(text, sentence.start, sentence.end):
        parents = [m for m in inner if m.span.end == match.start() and m.type in _ORGS]
        start = match.end() + (1 if text[match.end() : match.end() + 1] == "的" else 0)
        children = [m for m in enumeration_starting(text, inner, start) if m.type in _ORGS]
        if not parents or not children:
            continue
        for child in children:
            evidence = Span(parents[0].span.start, child.span.end)
            claims.append(_claim("parentOrganization", child, parents[0], evidence))
    return claims


def _built(
    text: str, sentence: Span, inner: list[Mention], earlier: Sequence[Mention] = ()
) -> list[Claim]:
    """S由X承担建设和运维, 运维由X负责: who builds (builtBy) and runs (operatedBy) a site.

    Without a site before it in the sentence (该中心由X承担建设), the site is the last one
    named before the sentence.
    """
    claims = []
    for pattern in (_BUILT, _WORK_BY):
        for match in pattern.finditer(text, sentence.start, sentence.end):
            orgs = [
                m
                for m in inner
                if m.type in _ORGS and match.start("org") <= m.span.start < match.end("org")
            ]
            orgs = [m for m in orgs if m.span.end <= match.end("org")]
            before = [
                m
                for m in inner
                if (m.type in _SITES or m.type in _ORGS) and m.span.end <= match.start()
            ]
            before = [m for m in before if m not in orgs and m.proper]
            lead = text[sentence.start : match.start()]
            if not before and (re.search(r"该|这|其", lead) or not lead.strip()):
                before = [m for m in earlier if m.type in _SITES][-1:]
            if not orgs or not before:
                continue
            subject = before[-1]
            work = match.group("work")
            predicates = []
            if "建设" in work:
                predicates.append("builtBy")
            if "运" in work:
                predicates.append("operatedBy")
            for org in orgs:
                for predicate in predicates:
                    evidence = Span(match.start(), match.end())
                    claims.append(_claim(predicate, subject, org, evidence, confidence=0.7))
    return claims


def _attended(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    """People and bodies that 出席 (参加, 致辞) an event named in the same sentence."""
    claims: list[Claim] = []
    events = [m for m in inner if m.type in _EVENTS]
    if len(events) != 1:
        return claims
    event = events[0]
    for match in _ATTEND.finditer(text, sentence.start, sentence.end):
        for who in inner:
            if who.type != "Person" or who.span.start >= match.start():
                continue
            evidence = Span(who.span.start, match.end())
            claims.append(_claim("participant", event, who, evidence, confidence=0.6))
    return claims


def _table_row(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    """A table row 湖州市 | 浙江省: a unit beside the higher unit it belongs to."""
    cells = _TABLE_ROW.split(text[sentence.start : sentence.end])
    places = [m for m in inner if m.type in ADMIN_LEVEL and not m.nested]
    if len(cells) != 2 or len(places) != 2 or [m.name for m in places] != cells:
        return []
    local, outer = places
    if ADMIN_LEVEL[outer.type] >= ADMIN_LEVEL[local.type]:
        return []
    return [_claim("directlyWithin", local, outer, sentence, confidence=0.7)]


def _has_units(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
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
                claims.append(_claim("directlyWithin", unit, owner, evidence, confidence=0.7))
    return claims


def _place_chain(inner: list[Mention], start: int) -> list[Mention]:
    """Administrative units written one after another from ``start`` (松江区洞泾镇)."""
    by_start = {m.span.start: m for m in inner if m.type in ADMIN_LEVEL and not m.nested}
    chain = []
    while start in by_start:
        chain.append(by_start[start])
        start = by_start[start].span.end
    return chain


def _subordinate(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    claims = []
    pattern = re.compile(r"是(?P<obj>[^，。；]{2,12}?)的(?:市辖区|辖区|下辖区|区|县|镇|街道)")
    for match in pattern.finditer(text, sentence.start, sentence.end):
        subjects = enumeration_ending(text, inner, match.start())
        chain = _place_chain(inner, match.start("obj"))
        if subjects and chain and chain[-1].span.end == match.end("obj"):
            for subject in subjects:
                if subject.type in ADMIN_LEVEL:
                    evidence = Span(subject.span.start, match.end())
                    claims.append(_claim("directlyWithin", subject, chain[-1], evidence))
    for match in re.finditer("所在地", text[sentence.start : sentence.end]):
        end = sentence.start + match.start()
        sites = [m for m in inner if m.span.end == end and m.type in _SITES]
        places = [m for m in inner if m.type in ADMIN_LEVEL and m.span.start < end]
        if sites and places:
            evidence = Span(places[0].span.start, end + 3)
            claims.append(_claim("directlyWithin", sites[0], places[0], evidence, confidence=0.7))
    return claims


def _held(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    claims = []
    for match in re.finditer("在", text[sentence.start : sentence.end]):
        at = sentence.start + match.start()
        chain = _place_chain(inner, at + 1)
        if not chain:
            continue
        tail = chain[-1].span.end
        verb = _HELD.search(text, tail, tail + 6)
        if verb is None or _CLAUSE_END.search(text, tail, verb.start()):
            continue
        clause_start = _clause_start(text, sentence, at)
        events = [m for m in inner if m.type in _EVENTS and clause_start <= m.span.start < at]
        if events:
            event = max(events, key=lambda m: m.span.start)
            claims.append(_claim("heldIn", event, chain[-1], Span(at, chain[-1].span.end + 2)))
    for match in _HELD.finditer(text, sentence.start, sentence.end):
        places = [m for m in inner if m.type in ADMIN_LEVEL and m.span.end == match.start()]
        events = [m for m in inner if m.type in _EVENTS and m.span.start == match.end()]
        if places and events:
            claims.append(_claim("heldIn", events[0], places[0], places[0].span))
    return claims


def _clause_start(text: str, sentence: Span, position: int) -> int:
    cut = [m.end() for m in _CLAUSE_END.finditer(text, sentence.start, position)]
    return cut[-1] if cut else sentence.start


def _dated(sentence: Span, inner: list[Mention], dates: list[DateMention]) -> list[Claim]:
    days = [d for d in dates if len(d.value) == 10 and not d.until]
    if not days:
        return []
    claims = []
    for event in (m for m in inner if m.type in _EVENTS):
        # the day written nearest the event (第二届…大会16日在金华召开 under an 11月17日 dateline)
        date = min(days, key=lambda d: _distance(d.span, event.span))
        start = min(date.span.start, event.span.start)
        end = max(date.span.end, event.span.end)
        note = f"Date from {date.clue}."
        claims.append(
            Claim(
                Span(start, end),
                predicate="date",
                subject=event,
                value=date.value,
                note=note,
                date_resolution=date.resolution,
                confidence=0.8,
            )
        )
    return claims


def _distance(one: Span, other: Span) -> int:
    return max(0, other.start - one.end, one.start - other.end)


def _jointly(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    claims = []
    pattern = re.compile(
        r"(?:不仅仅|不仅|既)是(?P<a>[^，,]+)[，,]\s*(?:更|也|还|又)是(?P<b>[^，。,]+)"
    )
    for match in pattern.finditer(text, sentence.start, sentence.end):
        first = [m for m in inner if m.type in _EVENTS and m.span.start == match.start("a")]
        second = [m for m in inner if m.type in _EVENTS and m.span.start == match.start("b")]
        if first and second:
            evidence = Span(match.start(), match.end())
            claims.append(_claim("heldJointlyWith", first[0], second[0], evidence))
    return claims


def _unveiled(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    claims = []
    for event in (m for m in inner if m.type == "Unveiling"):
        sites = [m for m in inner if m.span.start == event.span.start and m is not event]
        sites = [m for m in sites if m.type not in _EVENTS]
        if sites:
            claims.append(_claim("unveiled", event, sites[0], event.span, confidence=0.9))
        head = re.match(r"(?P<host>[^，,]{1,30}?)上[，,]", text[sentence.start : event.span.start])
        hosts = [m for m in inner if m.type in _EVENTS and m is not event and head]
        hosts = [m for m in hosts if head and m.span.end == sentence.start + head.end("host")]
        if hosts:
            claims.append(_claim("subEventOf", event, hosts[0], event.span, confidence=0.7))
    return claims


_HOSTS = frozenset({"Conference", "Summit", "Exhibition", "Competition"})
_SUB_WINDOW = 150


def _sub_events(
    text: str, sentence: Span, inner: list[Mention], earlier: Sequence[Mention]
) -> list[Claim]:
    """在E上 (E上，): a forum, ceremony or meeting held within the conference named just before.

    >>> from g60kg.extract.mentions import find_mentions
    >>> text = "第二届量子计算大会在合肥举行。在“量超融合”分论坛上，企业发布平台。"
    >>> found = find_mentions(text).mentions
    >>> [(c.subject.name, c.obj.name) for c in _sub_events(text, Span(15, len(text)), found, found)]
    [('“量超融合”分论坛', '第二届量子计算大会')]
    """
    claims = []
    for event in (m for m in inner if m.type in _EVENTS and not m.nested):
        if not re.match(r"上[，,]|上", text[event.span.end : event.span.end + 2]):
            continue
        if text[max(sentence.start, event.span.start - 1) : event.span.start] != "在" and (
            event.span.start != sentence.start
        ):
            continue
        hosts = [
            m
            for m in [*earlier, *inner]
            if m.type in _HOSTS
            and len(m.name) > 3
            and not m.nested
            and m.name != event.name
            and 0 <= event.span.start - m.span.end <= _SUB_WINDOW
        ]
        if hosts:
            host = hosts[-1]
            claims.append(_claim("subEventOf", event, host, event.span, confidence=0.6))
    return claims


def _settled(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    claims: list[Claim] = []
    verb = re.search(r"入驻|落户|投产|开工", text[sentence.start : sentence.end])
    if verb is None:
        return claims
    verb_at = sentence.start + verb.start()
    companies = [m for m in inner if m.type == "Company" and m.span.end <= verb_at]
    companies = [m for m in companies if not _PARENT.match(text, m.span.end)]
    companies = [m for m in companies if text.startswith("为代表", m.span.end)] or companies[-1:]
    places = [m for m in inner if m.type in ADMIN_LEVEL]
    local = max(places, key=lambda m: ADMIN_LEVEL[m.type]) if places else None
    for company in companies:
        if local is not None:
            evidence = Span(company.span.start, verb_at + 2)
            claims.append(_claim("settledIn", company, local, evidence, confidence=0.7))
    return claims


def _proposed(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    """P首倡X, P率先提出建设X, X(最早)由P提出."""
    claims = []
    for match in _PROPOSED.finditer(text, sentence.start, sentence.end):
        at, end = match.start(), match.end()
        before = [m for m in inner if m.type in ADMIN_LEVEL and m.span.end <= at]
        if not before:
            continue
        proposer = before[-1]
        after = [m for m in inner if m.span.start >= end and m.type in _PROGRAMMES]
        gap = text[end : after[0].span.start] if after else "-"
        subjects = [m for m in inner if m.type in _PROGRAMMES and m.span.end <= proposer.span.start]
        lead = text[subjects[-1].span.end : proposer.span.start] if subjects else ""
        if gap in ("", "建设", "设立", "打造") and text[proposer.span.end : at] in ("", "于"):
            claims.append(_claim("proposedBy", after[0], proposer, Span(at, end)))
        elif subjects and re.fullmatch(r"[^，。]{0,6}由", lead):
            claims.append(_claim("proposedBy", subjects[-1], proposer, Span(at, end)))
    return claims


def _members(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
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
            claims.append(_claim("memberCity", corridors[0], member, evidence, confidence=0.7))
    return claims


def _issued(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    claims = []
    verbs = re.compile(
        r"(?:近日|日前|正式|共同|联合|一道|等地|等|[一二三四五六七八九十两]+[个座家]?[地城市省方区县]+|[，,])*"
        r"(?:(?:出台|发布|印发)了?《|关于(?:印发|发布|公布)(?=[^《》\n]{4,60}?的通知))"
    )
    for match in verbs.finditer(text, sentence.start, sentence.end):
        documents = [m for m in inner if m.span.start == match.end() and "Document" in m.type]
        issuers = enumeration_ending(text, inner, match.start())
        issuers = [m for m in issuers if m.type in ADMIN_LEVEL or m.type in _ORGS]
        for issuer in issuers if documents else []:
            evidence = Span(issuer.span.start, documents[0].span.end + 1)
            claims.append(_claim("issuedBy", documents[0], issuer, evidence))
    return claims


def _spans(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    claims = []
    corridors = [m for m in inner if m.type in ("Corridor", "Region")]
    verbs = r"覆盖|横跨|跨越|涵盖|贯穿|串联起?|连接|途经|涉及|辐射"
    for match in re.finditer(verbs, text[sentence.start : sentence.end]):
        end = sentence.start + match.end()
        units = enumeration_starting(text, inner, end)
        units = [m for m in units if ADMIN_LEVEL.get(m.type) == 1]
        subject = [m for m in corridors if m.span.end <= end]
        for unit in units if subject else []:
            claims.append(_claim("spansUnit", subject[-1], unit, Span(end - 2, unit.span.end)))
    return claims


def _route(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    claims = []
    corridors = [m for m in inner if m.type == "Corridor"]
    for road in (m for m in inner if m.type == "Road"):
        said = text[sentence.start : sentence.end]
        if corridors and re.search(r"得名|命名|依托|沿", said):
            claims.append(_claim("route", corridors[0], road, road.span))
    return claims


def _incorporated(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    claims = []
    for match in re.finditer(r"写入|纳入", text[sentence.start : sentence.end]):
        at = sentence.start + match.start()
        plans = [m for m in inner if m.type in ("Plan", "PlanDocument") and m.span.start > at]
        subjects = [m for m in inner if m.span.end <= at and m.type not in ADMIN_LEVEL]
        if plans and subjects:
            claims.append(_claim("incorporatedInto", subjects[-1], plans[0], Span(at, at + 2)))
    return claims


_RULES = (
    _adjacent_places,
    _located,
    _site_in,
    _parent,
    _attended,
    _table_row,
    _has_units,
    _subordinate,
    _held,
    _jointly,
    _unveiled,
    _settled,
    _proposed,
    _members,
    _issued,
    _spans,
    _route,
    _incorporated,
)

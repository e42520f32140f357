"""Event claims: where and when an event was held, who attended, and what it was part of.

Patterns: E在P举行 and P举行E (heldIn); the day written nearest the event (date); people who
出席 (参加, 致辞) it (participant); 不仅是E1，更是E2 (heldJointlyWith); X揭牌 (unveiled) and
峰会上，X揭牌 or 在E上 within the conference named just before (subEventOf).

Examples
--------
>>> from g60kg.extract.mentions import find_mentions
>>> text = "首届长三角G60人工智能产业洞泾峰会在松江区洞泾镇举行。"
>>> found = find_mentions(text).mentions
>>> [(c.subject.name, c.obj.name) for c in held(text, Span(0, len(text)), found)]
[('首届长三角G60人工智能产业洞泾峰会', '洞泾镇')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from g60kg.extract.claims import EVENT_TYPES, SITE_TYPES, Claim, claim_between, place_chain
from g60kg.extract.dates import NAMED_YEAR, DateMention
from g60kg.extract.lexicon import ADMIN_LEVEL
from g60kg.extract.mention import Mention
from g60kg.extract.spans import Span

__all__ = [
    "HOST_TYPES",
    "attended",
    "dated",
    "document_dated",
    "held",
    "jointly",
    "sub_events",
    "unveiled",
]

_HELD = re.compile(r"举行|举办|召开|开幕|揭牌|启动|闭幕|落幕|启幕|拉开帷幕")
_ATTEND = re.compile(r"出席|参加|参与|致辞|见证")
_CLAUSE_END = re.compile(r"[，。；,;！？]")
_HOST_LEAD = re.compile(r"(?:还|也|将|还将|又|再|已|曾|先后|连续)+$")
HOST_TYPES = frozenset({"Conference", "Summit", "Exhibition", "Competition"})
_SUB_WINDOW = 150
_OPENING_AT = re.compile(r"\s*(?:[^，。；]{1,12}[日月年]，)?在")


def attended(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    """People and bodies that 出席 (参加, 致辞) an event named in the same sentence; the people
    a sentence set at an event names (在E上，X表示…)."""
    claims: list[Claim] = _spoken_at(text, sentence, inner)
    events = [m for m in inner if m.type in EVENT_TYPES]
    if len(events) != 1:
        return claims
    event = events[0]
    for match in _ATTEND.finditer(text, sentence.start, sentence.end):
        for who in inner:
            if who.type != "Person" or who.span.start >= match.start():
                continue
            evidence = Span(who.span.start, match.end())
            claims.append(claim_between("participant", event, who, evidence, confidence=0.6))
    return claims


def _spoken_at(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    """在E上，X与Y共同…: the people a sentence set at an event names take part in it; the sentence
    may name its day first (今年9月20日，在E上，…).

    >>> from g60kg.extract.mentions import find_mentions
    >>> text = "在随后的金华发展论坛上，潘建伟（中国科学院院士）、集团董事长俞敏洪等先后发言。"
    >>> found = find_mentions(text).mentions
    >>> [(c.subject.name, c.obj.name) for c in _spoken_at(text, Span(0, len(text)), found)]
    [('金华发展论坛', '潘建伟'), ('金华发展论坛', '俞敏洪')]
    """
    opening = _OPENING_AT.match(text, sentence.start, sentence.end)
    if opening is None:
        return []
    at = opening.end()
    for event in (m for m in inner if m.type in EVENT_TYPES and m.span.start >= at):
        close = event.span.end + (text[event.span.end : event.span.end + 1] in "”」")
        if not text.startswith(("上，", "上,"), close) or _CLAUSE_END.search(
            text, at, event.span.start
        ):
            continue
        return [
            claim_between(
                "participant", event, who, Span(event.span.start, who.span.end), confidence=0.6
            )
            for who in inner
            if who.type == "Person" and who.span.start > close
        ]
    return []


def held(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    claims = []
    for match in re.finditer("在|于", text[sentence.start : sentence.end]):
        at = sentence.start + match.start()
        chain = place_chain(inner, at + 1)
        if not chain:
            # 在合肥高新区举办, 于国家会展中心（上海）召开: a site as the venue
            chain = [m for m in inner if m.span.start == at + 1 and m.type in SITE_TYPES][:1]
        if not chain:
            continue
        tail = chain[-1].span.end
        verb = _HELD.search(text, tail, tail + 6)
        if verb is None or _CLAUSE_END.search(text, tail, verb.start()):
            continue
        clause_start = _clause_start(text, sentence, at)
        events = [m for m in inner if m.type in EVENT_TYPES and clause_start <= m.span.start < at]
        if not events and text.startswith(("的", "了"), verb.end()):
            # 在湖州举行的第二届长三角一体化发展高层论坛, 在上海举办了…洽谈会: the event follows
            events = [m for m in inner if m.type in EVENT_TYPES and m.span.start == verb.end() + 1]
        if events:
            event = max(events, key=lambda m: m.span.start)
            claims.append(
                claim_between("heldIn", event, chain[-1], Span(at, chain[-1].span.end + 2))
            )
    for match in _HELD.finditer(text, sentence.start, sentence.end):
        # 杭州举办…博览会, 杭州还将举办了…: the place that opens the clause holds the event
        lead = _HOST_LEAD.search(text, sentence.start, match.start())
        before = lead.start() if lead else match.start()
        places = [m for m in inner if m.type in ADMIN_LEVEL and m.span.end == before]
        after = match.end() + (1 if text.startswith("了", match.end()) else 0)
        events = [m for m in inner if m.type in EVENT_TYPES and m.span.start == after]
        if places and events:
            claims.append(claim_between("heldIn", events[0], places[0], places[0].span))
    return claims


def _clause_start(text: str, sentence: Span, position: int) -> int:
    """Where the clause holding ``position`` opens; a comma inside quotes opens none
    (“相约未来，金华正茂”金华城市发展高峰论坛…在…举行).

    >>> text = "1月13日，“相约未来，金华正茂”论坛在金华举行"
    >>> text[_clause_start(text, Span(0, len(text)), text.index("在")) :]
    '“相约未来，金华正茂”论坛在金华举行'
    """
    cut = [
        m.end()
        for m in _CLAUSE_END.finditer(text, sentence.start, position)
        if text.count("“", sentence.start, m.start()) <= text.count("”", sentence.start, m.start())
    ]
    return cut[-1] if cut else sentence.start


def dated(sentence: Span, inner: list[Mention], dates: list[DateMention]) -> list[Claim]:
    days = [d for d in dates if len(d.value) == 10 and not d.until]
    if not days:
        return []
    claims = []
    for event in (m for m in inner if m.type in EVENT_TYPES):
        # an event named with its year (2021长三角G60科创走廊联席会议) is held in that year
        named = NAMED_YEAR.search(event.name)
        fitting = [d for d in days if not named or d.value.startswith(named.group())]
        if not fitting:
            continue
        # the day written nearest the event (第二届…大会16日在金华召开 under an 11月17日 dateline)
        date = min(fitting, key=lambda d: _distance(d.span, event.span))
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


_ISSUE = re.compile(r"(?:正式|联合|共同)?(?:印发|发布|出台|颁布|公布)(?:了|的)?《")


def document_dated(
    text: str, sentence: Span, inner: list[Mention], dates: list[DateMention]
) -> list[Claim]:
    """X于2025年6月13日印发《Y》, 2024年12月，X发布《Y》: a document issued in a sentence takes
    the date written last before its issuing verb, at the precision written: a day as its
    ``date``, a month or a year as its ``when``.

    >>> from g60kg.extract.mentions import find_mentions
    >>> from g60kg.extract.dates import find_dates
    >>> text = "2024年12月，安徽省人民政府印发《安徽省加快推动人工智能行动方案》。"
    >>> found = find_mentions(text).mentions
    >>> [(c.subject.name, c.predicate, c.value) for c in document_dated(text, Span(0, len(text)),
    ...  found, find_dates(text))]
    [('安徽省加快推动人工智能行动方案', 'when', '2024-12')]
    """
    claims = []
    for match in _ISSUE.finditer(text, sentence.start, sentence.end):
        documents = [m for m in inner if m.span.start == match.end() and "Document" in m.type]
        earlier = [d for d in dates if d.span.end <= match.start() and not d.until]
        if not documents or not earlier:
            continue
        date = max(earlier, key=lambda d: d.span.end)
        if any(
            m.span.start > date.span.end and "Document" in m.type
            for m in inner
            if m.span.end <= match.start()
        ):
            continue  # another document stands between the date and this one
        claims.append(
            Claim(
                Span(date.span.start, documents[0].span.end + 1),
                # the graph's date is a day; a month or a year is its when
                predicate="date" if len(date.value) == 10 else "when",
                subject=documents[0],
                value=date.value,
                note=f"Issued on the date written before: {date.clue}.",
                date_resolution=date.resolution,
                confidence=0.7,
            )
        )
    return claims


def _distance(one: Span, other: Span) -> int:
    return max(0, other.start - one.end, one.start - other.end)


def jointly(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    claims = []
    pattern = re.compile(
        r"(?:不仅仅|不仅|既)是(?P<a>[^，,]+)[，,]\s*(?:更|也|还|又)是(?P<b>[^，。,]+)"
    )
    for match in pattern.finditer(text, sentence.start, sentence.end):
        first = [m for m in inner if m.type in EVENT_TYPES and m.span.start == match.start("a")]
        second = [m for m in inner if m.type in EVENT_TYPES and m.span.start == match.start("b")]
        if first and second:
            evidence = Span(match.start(), match.end())
            claims.append(claim_between("heldJointlyWith", first[0], second[0], evidence))
    return claims


def unveiled(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    claims = []
    for event in (m for m in inner if m.type == "Unveiling"):
        sites = [m for m in inner if m.span.start == event.span.start and m is not event]
        sites = [m for m in sites if m.type not in EVENT_TYPES]
        if sites:
            claims.append(claim_between("unveiled", event, sites[0], event.span, confidence=0.9))
        head = re.match(r"(?P<host>[^，,]{1,30}?)上[，,]", text[sentence.start : event.span.start])
        hosts = [m for m in inner if m.type in EVENT_TYPES and m is not event and head]
        hosts = [m for m in hosts if head and m.span.end == sentence.start + head.end("host")]
        if hosts:
            claims.append(claim_between("subEventOf", event, hosts[0], event.span, confidence=0.7))
    return claims


def sub_events(
    text: str, sentence: Span, inner: list[Mention], earlier: Sequence[Mention]
) -> list[Claim]:
    """在E上 (E上，): a forum, ceremony or meeting held within the conference named just before.

    >>> from g60kg.extract.mentions import find_mentions
    >>> text = "第二届量子计算大会在合肥举行。在“量超融合”分论坛上，企业发布平台。"
    >>> found = find_mentions(text).mentions
    >>> [(c.subject.name, c.obj.name) for c in sub_events(text, Span(15, len(text)), found, found)]
    [('“量超融合”分论坛', '第二届量子计算大会')]
    """
    claims = []
    for event in (m for m in inner if m.type in EVENT_TYPES and not m.nested):
        if not re.match(r"上[，,]|上", text[event.span.end : event.span.end + 2]):
            continue
        if text[max(sentence.start, event.span.start - 1) : event.span.start] != "在" and (
            event.span.start != sentence.start
        ):
            continue
        hosts = [
            m
            for m in [*earlier, *inner]
            if m.type in HOST_TYPES
            and len(m.name) > 3
            and not m.nested
            and m.name != event.name
            and 0 <= event.span.start - m.span.end <= _SUB_WINDOW
        ]
        if hosts:
            host = hosts[-1]
            claims.append(claim_between("subEventOf", event, host, event.span, confidence=0.6))
    return claims + _units_of(text, sentence, inner)


# 2023世界制造业大会重要单元“新能源汽车产业创新发展大会”
_UNIT_OF = re.compile(r"[”」]?的?(?:重要|重点|主要)?(?:单元|分论坛|板块|环节)[“「]?")


def _units_of(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    """An event named as a unit of another (E1重要单元“E2”) is part of it.

    >>> from g60kg.extract.mentions import find_mentions
    >>> text = "在2023世界制造业大会重要单元“新能源汽车产业创新发展大会”上，省长揭牌。"
    >>> found = find_mentions(text).mentions
    >>> [(c.subject.name, c.obj.name) for c in _units_of(text, Span(0, len(text)), found)]
    [('新能源汽车产业创新发展大会', '2023世界制造业大会')]
    """
    events = sorted((m for m in inner if m.type in EVENT_TYPES), key=lambda m: m.span.start)
    claims = []
    for host, event in pairwise(events):
        if _UNIT_OF.fullmatch(text, host.span.end, event.span.start) is None:
            continue
        evidence = Span(host.span.start, event.span.end)
        claims.append(claim_between("subEventOf", event, host, evidence, confidence=0.6))
    return claims

"""Propose n-ary facts: investments, statistics (observations), post holdings and the
components of numbered plans and slogans (read in :mod:`g60kg.extract.components`).

Examples
--------
>>> from g60kg.extract.mentions import find_mentions
>>> text = "20余家企业实质落地洞泾镇，投资金额超百亿。"
>>> found = find_mentions(text)
>>> [c.properties["investmentStatus"] for c in find_facts(text, found, [], [], None)]
['investment-status:landed']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from g60kg.extract.claims import Claim, enumeration_ending, lowest_place, within
from g60kg.extract.components import find_components
from g60kg.extract.dates import DateMention
from g60kg.extract.implied_bodies import implied_by_post
from g60kg.extract.lexicon import ADMIN_LEVEL
from g60kg.extract.mention import Mention, MentionSet
from g60kg.extract.people import Post
from g60kg.extract.quantities import Quantity, find_quantities
from g60kg.extract.spans import Span, inside

__all__ = ["find_facts"]

_CLAUSE = re.compile(r"[^，,；;。！？]+")
_INDICATORS = (
    ("地方财政收入", "local-fiscal-revenue", "amount"),
    ("一般公共预算收入", "local-fiscal-revenue", "amount"),
    ("财政收入", "fiscal-revenue", "amount"),
    ("地区生产总值", "gdp", "amount"),
    ("生产总值", "gdp", "amount"),
    ("GDP", "gdp", "amount"),
    ("招商", "businesses-attracted", "count"),
    ("人口", "resident-population", "count"),
    ("规划面积", "planned-area", "area"),
    ("面积", "land-area", "area"),
)
_ROLES = {"区委副书记": "party-deputy-secretary", "党委副书记": "party-deputy-secretary"}
_ROLES |= {"区长": "district-mayor", "镇长": "town-mayor"}


def find_facts(
    text: str,
    found: MentionSet,
    sentences: Sequence[Span],
    dates: Sequence[DateMention],
    topic: Mention | None,
) -> list[Claim]:
    """Return the n-ary facts of ``text``; ``topic`` is the place facts default to."""
    sentences = sentences or [Span(0, len(text))]
    facts = [claim for post in found.posts for claim in _post(text, post)]
    for sentence in sentences:
        inner = [m for m in within(found.mentions, sentence) if not m.implied]
        site = _subject_site(text, sentence, inner)
        place = site or lowest_place(inner) or topic
        names = [m.span for m in inner]
        facts.extend(_investments(text, sentence, place, names))
        until = [d for d in dates if sentence.start <= d.span.start < sentence.end]
        until = until or _earlier(dates, sentence)
        area = site or _reference_area(text, inner, topic)
        facts.extend(_observations(text, sentence, area, until, names))
        facts.extend(find_components(text, inner))
    return facts


_SITES = frozenset(
    {"IndustrialBase", "IndustrialPark", "FeatureTown", "InnovationBase", "PlannedZone", "Site"}
    | {"ComputingCentre", "ScienceCity", "PilotZone"}
)


def _subject_site(text: str, sentence: Span, inner: list[Mention]) -> Mention | None:
    """The site a sentence is about when it opens with it (汾湖高新区位于…，区域面积258平方公里).

    >>> from g60kg.extract.mentions import find_mentions
    >>> text = "汾湖高新技术开发区位于吴江区，区域面积258平方公里。"
    >>> _subject_site(text, Span(0, len(text)), find_mentions(text).mentions).name
    '汾湖高新技术开发区'
    """
    lead = len(text[sentence.start : sentence.end]) - len(
        text[sentence.start : sentence.end].lstrip()
    )
    first = [m for m in inner if not m.nested and m.span.start == sentence.start + lead]
    if first and first[0].type in _SITES and first[0].proper:
        return first[0]
    return None


_READ_HOME = 0.6


def _post(text: str, post: Post) -> list[Claim]:
    """The holding, and what the title itself says of the post and its body."""
    start = post.place.span.start if post.place is not None else post.title_span.start
    holder = Mention(post.person, text[post.person.start : post.person.end], "Person")
    properties: dict[str, Any] = {"holder": holder}
    office, organisation = implied_by_post(text, post)
    if office is not None:
        properties["post"] = office
    if organisation is not None:
        properties["organization"] = organisation
    properties["postTitle"] = {"zh": post.title}
    role = f"role:{_ROLES[post.title]}" if post.title in _ROLES else None
    if role:
        properties["role"] = role
    # 松江区区长李谦, or 张健（金华市委副书记、市长）: the name may stand before the post
    holding = Span(min(start, post.person.start), max(post.person.end, post.title_span.end))
    claims = [Claim(holding, fact="PostHolding", properties=properties)]
    if post.home is not None:
        # 市长, 市发改委副主任: the text names the level, not the place; read as the last one named
        claims[0].confidence = _READ_HOME
        claims[0].note = (
            f"The post names no place of its own; proposed: {post.home.name}, "
            "the last place of its level named before it"
        )
    titled = Span(start, post.title_span.end)
    if office is not None and organisation is not None:
        claims.append(Claim(titled, predicate="postIn", subject=office, obj=organisation))
    if office is not None and role:
        claims.append(Claim(titled, predicate="role", subject=office, concept=role))
    if organisation is not None and post.place is not None and post.place.type in ADMIN_LEVEL:
        claims.append(Claim(titled, predicate="jurisdiction", subject=organisation, obj=post.place))
    return claims


def _clauses(text: str, sentence: Span) -> list[Span]:
    return [Span(m.start(), m.end()) for m in _CLAUSE.finditer(text, sentence.start, sentence.end)]


def _status(clause: str) -> str | None:
    if "实质落地" in clause and "意向落地" in clause:
        return "landed-or-intended"
    if "意向" in clause:
        return "intended"
    if "落地" in clause or "落户" in clause:
        return "landed"
    return None


def _investments(
    text: str, sentence: Span, place: Mention | None, names: list[Span]
) -> list[Claim]:
    said = text[sentence.start : sentence.end]
    if not re.search(r"实质落地|意向落地|落地|落户", said) or place is None:
        return []
    facts: list[Claim] = []
    status: str | None = None
    for clause in _clauses(text, sentence):
        chunk = text[clause.start : clause.end]
        status = _status(chunk) or (status if "投资" in chunk else None)
        if status is None:
            continue
        for quantity in _quantities(chunk, clause.start, names):
            key = _investment_key(quantity)
            if key is None:
                continue
            fact = _open_fact(facts, status, key, place, clause)
            fact.properties[key] = quantity.data
            fact.evidence = Span(min(fact.evidence.start, clause.start), clause.end)
    return facts


def _quantities(chunk: str, offset: int, names: list[Span]) -> list[Quantity]:
    """Quantities of a clause, leaving out numbers inside names (“双百亿”, 2020…大会)."""
    return [q for q in find_quantities(chunk, offset) if not inside(q.span, names)]


def _investment_key(quantity: Quantity) -> str | None:
    if quantity.kind == "count" and quantity.data.get("unit") == "count-unit:company":
        return "companyCount"
    return "amount" if quantity.kind == "amount" else None


def _open_fact(facts: list[Claim], status: str, key: str, place: Mention, clause: Span) -> Claim:
    code = f"investment-status:{status}"
    for fact in reversed(facts):
        if fact.properties["investmentStatus"] == code and key not in fact.properties:
            return fact
    properties: dict[str, Any] = {"investmentStatus": code, "destination": place}
    facts.append(Claim(clause, fact="Investment", properties=properties, confidence=0.8))
    return facts[-1]


def _earlier(dates: Sequence[DateMention], sentence: Span) -> list[DateMention]:
    """No date in the sentence: the last date before it stands for the period (to be checked)."""
    before = [d for d in dates if d.span.end <= sentence.start]
    return before[-1:]


def _reference_area(text: str, inner: list[Mention], topic: Mention | None) -> Mention | None:
    """The place a statistic describes: the sentence's place, unless it lists several (then
    they are issuers or members, not the area measured) or names none: then the topic."""
    places = [m for m in inner if m.type in ADMIN_LEVEL and not m.nested]
    listed = any(len(enumeration_ending(text, places, m.span.end)) >= 2 for m in places)
    return (None if listed else lowest_place(places)) or topic


def _observations(
    text: str,
    sentence: Span,
    place: Mention | None,
    dates: Sequence[DateMention],
    names: list[Span],
) -> list[Claim]:
    if place is None:
        return []
    facts: list[Claim] = []
    for clause in _clauses(text, sentence):
        chunk = text[clause.start : clause.end]
        for quantity in _quantities(chunk, clause.start, names):
            if quantity.kind == "growth" and facts:
                facts[-1].properties["growthRate"] = quantity.data
                if "同比" in chunk:
                    facts[-1].properties["growthBasis"] = "growth-basis:year-on-year"
                facts[-1].evidence = Span(facts[-1].evidence.start, clause.end)
                continue
            before = chunk[: quantity.span.start - clause.start]
            after = chunk[quantity.span.end - clause.start :][:4]
            indicator = _indicator(before, quantity) or _indicator_after(after, quantity)
            if indicator is None:
                continue
            properties: dict[str, Any] = {
                "indicator": f"indicator:{indicator}",
                "refArea": place,
                "value": quantity.data,
            }
            period = [d for d in dates if d.until] or [d for d in dates if len(d.value) >= 4]
            note = None
            if period:
                properties["refPeriod"] = period[0].value
                if period[0].until:
                    properties["periodType"] = "period-type:cumulative-to-date"
                if not sentence.start <= period[0].span.start < sentence.end:
                    earlier = period[0].value
                    note = f"The sentence gives no period; {earlier} is the last date before it."
            claim = Claim(clause, fact="Observation", properties=properties, note=note)
            facts.append(claim)
    return facts


def _indicator(before: str, quantity: Quantity) -> str | None:
    for word, code, kind in _INDICATORS:
        if word in before and quantity.kind == kind:
            return code
    return None


def _indicator_after(after: str, quantity: Quantity) -> str | None:
    """约4900万人口: the indicator follows; an area needs no indicator word at all."""
    if quantity.kind == "area":
        return "land-area"
    if quantity.kind == "count" and after.startswith("口"):
        return "resident-population"
    return None

"""The claim a rule proposes, and the class groups and sentence helpers the rules share.

Examples
--------
>>> from g60kg.extract.mention import Mention
>>> a = Mention(Span(0, 3), "嘉兴市", "City")
>>> b = Mention(Span(4, 7), "杭州市", "City")
>>> [m.name for m in enumeration_ending("嘉兴市、杭州市位于浙江省", [a, b], 7)]
['嘉兴市', '杭州市']
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from g60kg.extract.lexicon import ADMIN_LEVEL
from g60kg.extract.mention import Mention
from g60kg.extract.spans import Span

__all__ = [
    "EVENT_TYPES",
    "ORG_TYPES",
    "SITE_TYPES",
    "Claim",
    "claim_between",
    "enumeration_ending",
    "enumeration_starting",
    "lowest_place",
    "place_chain",
    "within",
]

EVENT_TYPES = frozenset(
    {"Conference", "Summit", "SigningCeremony", "Unveiling", "Launch", "Event", "PanelDiscussion"}
    | {"Exhibition", "Competition", "Groundbreaking", "Opening"}
)
SITE_TYPES = frozenset(
    {"IndustrialBase", "IndustrialPark", "FeatureTown", "InnovationBase", "PlannedZone", "Site"}
    | {"ComputingCentre", "ScienceCity", "PilotZone", "Platform"}
)
ORG_TYPES = frozenset(
    {"Company", "GovernmentBody", "CooperationBody", "Organization", "PartyCommittee"}
    | {"University", "ResearchInstitute", "Laboratory", "IndustryAlliance", "Fund"}
)
_JOIN = frozenset("、和与及")


@dataclass
class Claim:
    """A proposed statement: a simple triple (``predicate``), or an n-ary fact (``fact``).

    ``subject`` and ``obj`` are mentions (resolved to entity handles later); ``concept`` is an
    object that is a code-list concept (``role:town-mayor``); ``value`` is a literal;
    ``properties`` of a fact map property names to mentions, concepts or quantities.
    """

    evidence: Span
    predicate: str | None = None
    subject: Mention | None = None
    obj: Mention | None = None
    value: str | None = None
    concept: str | None = None
    fact: str | None = None
    properties: dict[str, Any] = field(default_factory=dict)
    components: list[dict[str, Any]] = field(default_factory=list)
    confidence: float = 0.8
    note: str | None = None
    date_resolution: str | None = None


def within(mentions: Sequence[Mention], span: Span) -> list[Mention]:
    """The mentions lying inside ``span``, in text order (``mentions`` are in text order)."""
    first = bisect_left(mentions, span.start, key=lambda m: m.span.start)
    last = bisect_left(mentions, span.end, key=lambda m: m.span.start)
    found = [m for m in mentions[first:last] if m.span.end <= span.end]
    return sorted(found, key=lambda m: (m.span.start, -m.span.end))


def enumeration_ending(text: str, mentions: Sequence[Mention], end: int) -> list[Mention]:
    """The list of mentions (joined by 、和与及) whose last item ends at ``end``."""
    by_end = {m.span.end: m for m in mentions if not m.nested}
    items: list[Mention] = []
    position = end
    while position in by_end:
        item = by_end[position]
        items.insert(0, item)
        if item.span.start == 0 or text[item.span.start - 1] not in _JOIN:
            break
        position = item.span.start - 1
    return items


def enumeration_starting(text: str, mentions: Sequence[Mention], start: int) -> list[Mention]:
    """The list of mentions (joined by 、和与及) whose first item starts at ``start``."""
    by_start = {m.span.start: m for m in mentions if not m.nested}
    items: list[Mention] = []
    position = start
    while position in by_start:
        item = by_start[position]
        items.append(item)
        if item.span.end >= len(text) or text[item.span.end] not in _JOIN:
            break
        position = item.span.end + 1
    return items


def lowest_place(mentions: Sequence[Mention]) -> Mention | None:
    """The most local administrative unit among ``mentions`` (a town before its district)."""
    places = [m for m in mentions if m.type in ADMIN_LEVEL]
    if not places:
        return None
    return max(places, key=lambda m: (ADMIN_LEVEL[m.type], m.span.start))


def claim_between(
    predicate: str, subject: Mention, obj: Mention, evidence: Span, **kw: object
) -> Claim:
    """A claim ``subject predicate obj`` whose evidence reaches over both mentions.

    >>> a, b = Mention(Span(0, 3), "洞泾镇", "Town"), Mention(Span(5, 8), "松江区", "District")
    >>> c = claim_between("directlyWithin", a, b, Span(3, 5), confidence=0.9)
    >>> c.evidence, c.confidence
    (Span(start=0, end=8), 0.9)
    """
    start = min(evidence.start, subject.span.start, obj.span.start)
    end = max(evidence.end, subject.span.end, obj.span.end)
    claim = Claim(Span(start, end), predicate=predicate, subject=subject, obj=obj)
    for key, value in kw.items():
        setattr(claim, key, value)
    return claim


def place_chain(inner: list[Mention], start: int) -> list[Mention]:
    """Administrative units written one after another from ``start`` (松江区洞泾镇)."""
    by_start = {m.span.start: m for m in inner if m.type in ADMIN_LEVEL and not m.nested}
    chain = []
    while start in by_start:
        chain.append(by_start[start])
        start = by_start[start].span.end
    return chain

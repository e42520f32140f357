"""The claim a rule proposes, and the sentence helpers the rules share.

Examples
--------
>>> from g60kg.extract.mentions import Mention
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
from g60kg.extract.mentions import Mention
from g60kg.extract.spans import Span

__all__ = [
    "Claim",
    "enumeration_ending",
    "enumeration_starting",
    "lowest_place",
    "within",
]

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

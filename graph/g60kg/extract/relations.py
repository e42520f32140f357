"""Propose simple claims from sentence patterns, only what a sentence says: each sentence goes
through the place, organisation and event rules in a fixed order.

Patterns: containment (松江区洞泾镇; X位于Y; 位于Y的X; X是Y的市辖区; Y是X所在地), where an
event was held (E在P举行; P举行E), event dates (the day written nearest the event), events held
as one (不仅是E1，更是E2), unveilings and the event they were part of (峰会上，X揭牌), forums and
ceremonies within the conference named just before (在E上), what an organisation sits in
(设在) or settled in (入驻), who proposed an initiative (首倡), who issued a document
(出台/发布《…》, 关于印发…的通知), the units a corridor spans (覆盖), its road (因…而得名) and
the plan it was written into (写入/纳入).

The rules live in :mod:`.place_relations`, :mod:`.organisation_relations` and
:mod:`.event_relations`.

Examples
--------
>>> from g60kg.extract.mentions import find_mentions
>>> text = "洞泾镇位于松江区。"
>>> found = find_mentions(text)
>>> [(c.subject.name, c.predicate, c.obj.name) for c in find_claims(text, found.mentions, [])]
[('洞泾镇', 'directlyWithin', '松江区')]
"""

from __future__ import annotations

from collections.abc import Sequence

from g60kg.extract.claims import Claim, within
from g60kg.extract.dates import DateMention
from g60kg.extract.event_relations import (
    HOST_TYPES,
    attended,
    dated,
    document_dated,
    held,
    jointly,
    sub_events,
    unveiled,
)
from g60kg.extract.mention import Mention
from g60kg.extract.organisation_relations import (
    builds,
    built,
    department,
    incorporated,
    issued,
    parent,
    proposed,
    settled,
    subsidiary,
)
from g60kg.extract.place_relations import (
    adjacent_places,
    gathered,
    has_units,
    located,
    members,
    opened_in,
    route,
    set_up_in,
    site_in,
    spanned_units,
    subordinate,
    table_row,
)
from g60kg.extract.spans import Span

__all__ = ["find_claims"]


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
        claims.extend(built(text, sentence, inner, earlier))
        hosts = [m for m in mentions if m.span.end <= sentence.start and m.type in HOST_TYPES]
        claims.extend(sub_events(text, sentence, inner, hosts))
        claims.extend(dated(sentence, inner, inner_dates))
        claims.extend(document_dated(text, sentence, inner, inner_dates))
    return claims


_RULES = (
    adjacent_places,
    gathered,
    opened_in,
    located,
    site_in,
    set_up_in,
    parent,
    department,
    subsidiary,
    attended,
    table_row,
    has_units,
    subordinate,
    held,
    jointly,
    unveiled,
    settled,
    builds,
    proposed,
    members,
    issued,
    spanned_units,
    route,
    incorporated,
)

"""Offline Chinese extraction engine: an article's bytes to candidate statements.

The steps, one module each: :mod:`decode` (bytes to text), :mod:`normalise` (a simplified copy
for matching, offsets unchanged), :mod:`furniture` (navigation, footers, adverts), :mod:`sentences`,
:mod:`quantities`, :mod:`dates`, :mod:`mentions` (with :mod:`people`), :mod:`relations` and
:mod:`facts`, :mod:`linking` (to the graph's gazetteer) and :mod:`candidates` (the YAML written for
a curator). :mod:`evaluate` scores candidates against gold annotations. Nothing is downloaded.

Examples
--------
>>> article = "2020年11月18日，首届长三角G60人工智能产业洞泾峰会在松江区洞泾镇举行。".encode()
>>> result = extract(article, source_id="demo")
>>> [e["zh"] for e in result.entities]
['首届长三角G60人工智能产业洞泾峰会', '松江区', '洞泾镇']
>>> sorted(s.get("predicate", "") for s in result.statements)
['date', 'directlyWithin', 'heldIn']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from g60kg.extract.attested import attest_holdings
from g60kg.extract.candidates import Candidates, build_candidates, date_rows, figure_rows
from g60kg.extract.claims import Claim
from g60kg.extract.complete import (
    complete_facts,
    future_dates,
    undated_events,
    unused_implied,
)
from g60kg.extract.counted import find_numbered, find_place_counts
from g60kg.extract.dates import DateMention, find_dates
from g60kg.extract.decode import decode_article
from g60kg.extract.divisions import known_containment, listed_members
from g60kg.extract.doubts import find_doubts
from g60kg.extract.errors import DecodeError, ExtractError, GoldError
from g60kg.extract.facts import find_facts
from g60kg.extract.furniture import find_furniture
from g60kg.extract.headline import propose_published, propose_title
from g60kg.extract.lexicon import ADMIN_LEVEL
from g60kg.extract.linking import (
    GazetteerRecord,
    gazetteer_from_entity_files,
    group_of,
    link_mentions,
)
from g60kg.extract.mention import Mention, MentionSet, text_order
from g60kg.extract.mentions import find_mentions
from g60kg.extract.nlp import DEFAULT, available, jionlp_dates, lac_mentions, lac_words
from g60kg.extract.normalise import to_simplified
from g60kg.extract.ordinals import find_ordinals
from g60kg.extract.people import credits
from g60kg.extract.projects import project_sites
from g60kg.extract.quantities import find_quantities
from g60kg.extract.relations import find_claims
from g60kg.extract.sentences import split_sentences
from g60kg.extract.shares import find_shares
from g60kg.extract.signatures import signed_documents
from g60kg.extract.spans import Span, SpanIndex, inside
from g60kg.extract.tables import table_quantities

__all__ = [
    "MAX_READ_CHARS",
    "Candidates",
    "DecodeError",
    "ExtractError",
    "GazetteerRecord",
    "GoldError",
    "extract",
    "gazetteer_from_entity_files",
]


def extract(
    text_bytes: bytes,
    *,
    source_id: str,
    url: str | None = None,
    published: str | None = None,
    title: str | None = None,
    gazetteer: Sequence[GazetteerRecord] = (),
    nlp: str | None = None,
) -> Candidates:
    """Extract candidate entities and statements from one article.

    Parameters
    ----------
    text_bytes : the article as published (UTF-8, GB18030/GBK or Big5).
    source_id : the source id the evidence will cite.
    url, published, title : page metadata; ``published`` (ISO date) resolves 今年/去年 when the
        text has no year of its own. Without them, the headline and the page date are proposed
        from the article (:mod:`headline`) and the candidates say so (``title_from``,
        ``published_from``).
    gazetteer : entities the graph already has (see :func:`gazetteer_from_entity_files`).
    nlp : statistical analysers to run beside the rules, comma-separated (``lac``, ``jionlp``;
        default :data:`g60kg.extract.nlp.DEFAULT`); those not installed are skipped.

    Raises
    ------
    DecodeError
        For empty, binary, oversized or undecodable input.
    """
    decoded = decode_article(text_bytes, source=source_id)
    text = decoded.text[:MAX_READ_CHARS]  # offsets stay those of the whole article
    norm = to_simplified(text).translate(_HALF_WIDTH)
    furniture = find_furniture(norm)
    sentences = split_sentences(norm)
    known = _known_names(gazetteer)
    dates = find_dates(norm, published=published, furniture=furniture, sentences=sentences)
    analysers = available(DEFAULT if nlp is None else nlp)
    # A long article is read in windows of whole sentences, so the work grows linearly with its
    # length: the rules relate mentions within a sentence, and a window holds many sentences.
    use_lac = "lac" in analysers
    windows = []
    for window in _windows(sentences):
        words = lac_words(norm, [s for s in window if not inside(s, furniture)]) if use_lac else []
        tagged = lac_mentions(norm, words, [], furniture)
        window_found = find_mentions(
            norm, sentences=window, furniture=furniture, known=known, tagged=tagged
        )
        if tagged:  # LAC's names the rules did not find
            ruled = SpanIndex(m.span for m in window_found.mentions)
            unruled = [m for m in tagged if not inside(m.span, ruled)]
            window_found.mentions = sorted(window_found.mentions + unruled, key=text_order)
        windows.append((window, window_found))
    found = MentionSet(
        [m for _, f in windows for m in f.mentions],
        [p for _, f in windows for p in f.posts],
        [pair for _, f in windows for pair in f.same],
    )
    bylines = SpanIndex(credits(norm))
    found.mentions = [
        m for m in found.mentions if m.type != "Person" or not inside(m.span, bylines)
    ]
    proposed: dict[str, str] = {}
    if title is None:
        title = propose_title(text, furniture)
        if title:
            proposed["title_from"] = "the article's first line (proposed: review it)"
    if published is None:
        page = propose_published(norm, furniture, dates)
        if page is not None:
            published, proposed["published_from"] = page
            dates = find_dates(norm, published=published, furniture=furniture, sentences=sentences)
    if "jionlp" in analysers:
        today = _day(dates, published)
        extra = jionlp_dates(norm, today.value if today else None, furniture, dates)
        dates = sorted(dates + extra, key=_at)
    topic = _topic(found.mentions, sentences, furniture)
    claims = []
    for window, window_found in windows:
        window_dates = [d for d in dates if window[0].start <= d.span.start < window[-1].end]
        claims += find_claims(norm, window_found.mentions, window, window_dates)
        claims += find_facts(norm, window_found, window, window_dates, topic)
    claims += known_containment(found.mentions, claims)
    claims += _new(listed_members(norm, found.mentions), claims)
    claims += _new(project_sites(norm, found.mentions), claims)
    claims += _new(signed_documents(norm, found.mentions, dates), claims)
    entities = link_mentions(found.mentions, gazetteer, found.same)
    meta = {"encoding": decoded.encoding, "characters": len(decoded.text)}
    meta |= {k: v for k, v in (("url", url), ("published", published), ("title", title)) if v}
    meta |= proposed
    candidates = build_candidates(source_id, text, entities, claims, meta, _day(dates, published))
    statements = attest_holdings(candidates.statements, norm, dates, _day(dates, published))
    statements, review = complete_facts(statements)
    statements, announced = future_dates(statements, published)
    kept, statements, undated = undated_events(candidates.entities, statements)
    candidates.entities, candidates.statements = unused_implied(kept, statements), statements
    candidates.review = review + announced + undated
    candidates.doubts = find_doubts(text, furniture)
    if len(decoded.text) > len(text):
        candidates.doubts.append(_unread(decoded.text, len(text)))
    figures = find_quantities(norm) + find_shares(norm) + find_ordinals(norm)
    figures += find_numbered(norm) + find_place_counts(norm)
    quantities = [q for q in figures if not inside(q.span, furniture)]
    quantities = sorted(quantities + table_quantities(norm, furniture), key=lambda q: q.span)
    candidates.figures = figure_rows(text, quantities, norm)
    candidates.dates = date_rows(text, sorted(dates + _page_dates(norm, furniture), key=_at))
    return candidates


# full-width digits and Latin letters (２０２０年, Ｇ６０) read as their ASCII forms, one for one
_HALF_WIDTH = str.maketrans(
    "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
    "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ",
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
)

WINDOW_CHARS = 20_000
# A long report runs to some 100,000 characters; past this, text is not read (a doubt says so).
MAX_READ_CHARS = 200_000


def _new(found: list[Claim], claims: Sequence[Claim]) -> list[Claim]:
    """The claims of ``found`` that no claim of ``claims`` already makes (same triple)."""

    def triple(c: Claim) -> tuple[str | None, str | None, str | None]:
        return (c.subject.name if c.subject else None, c.predicate, c.obj.name if c.obj else None)

    said = {triple(c) for c in claims}
    return [c for c in found if triple(c) not in said]


def _unread(text: str, read: int) -> dict[str, object]:
    """The doubt recording that the article was read only up to ``read``."""
    start = max(0, read - 10)
    return {
        "id": f"unread-{read}",
        "quote": text[start:read],
        "start": start,
        "end": read,
        "note": f"The article has {len(text)} characters; only the first {read} were read. "
        "Split it into its articles to read the rest.",
    }


def _windows(sentences: Sequence[Span]) -> list[list[Span]]:
    """Consecutive sentences grouped into windows of at most ``WINDOW_CHARS`` characters.

    >>> [len(w) for w in _windows([Span(0, 15_000), Span(15_000, 18_000), Span(18_000, 30_000)])]
    [2, 1]
    """
    windows: list[list[Span]] = [[]]
    for sentence in sentences:
        current = windows[-1]
        if current and sentence.end - current[0].start > WINDOW_CHARS:
            windows.append([])
        windows[-1].append(sentence)
    return [window for window in windows if window]


# names of posts and party committees run into the titles that the people rules read
_NOT_INJECTED = frozenset({"Post", "PartyCommittee", "GovernmentBody"})


def _known_names(gazetteer: Sequence[GazetteerRecord]) -> dict[str, str]:
    """The gazetteer's names to their class, for names of one class group only.

    >>> one = GazetteerRecord("a", "E1", "Company", ("奇瑞",))
    >>> other = GazetteerRecord("b", "E2", "IndustrialPark", ("奇瑞", "奇瑞产业园"))
    >>> _known_names([one, other])
    {'奇瑞产业园': 'IndustrialPark'}
    """
    names: dict[str, str] = {}
    groups: dict[str, set[str]] = {}
    for record in gazetteer:
        if record.type in _NOT_INJECTED:
            continue
        for name in record.names:
            if len(name) >= 2:
                names.setdefault(name, record.type)
                groups.setdefault(name, set()).add(group_of(record.type))
    return {name: kind for name, kind in names.items() if len(groups[name]) == 1}


_PAGE_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})(?:-(?P<m>\d{1,2})-(?P<d>\d{1,2})|年(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日)"
)


def _at(mention: DateMention) -> Span:
    return mention.span


def _page_dates(norm: str, furniture: list[Span]) -> list[DateMention]:
    """Full dates printed in page furniture (发布时间：2021-06-01): the page's own dates.

    >>> [d.value for d in _page_dates("发布时间：2021-06-01 10:20", [Span(0, 21)])]
    ['2021-06-01']
    """
    found = []
    for span in furniture:
        for match in _PAGE_DATE.finditer(norm, span.start, span.end):
            month, day = (
                match.group("m") or match.group("m2"),
                match.group("d") or match.group("d2"),
            )
            value = f"{match.group('y')}-{int(month):02d}-{int(day):02d}"
            where = Span(match.start(), match.end())
            found.append(
                DateMention(where, value, "page-date", f"printed on the page: {match.group()}")
            )
    return found


def _day(dates: list[DateMention], published: str | None) -> DateMention | None:
    """The article's day: its first full date, else the page date."""
    days = [d for d in dates if len(d.value) == 10]
    if days:
        return days[0]
    if published and len(published) >= 10:
        return DateMention(Span(0, 0), published[:10], "from-page-date", f"page date {published}")
    return None


def _topic(mentions: list[Mention], sentences: list[Span], furniture: list[Span]) -> Mention | None:
    """The place an article is about: named in its first line, else the most named one."""
    places = [m for m in mentions if m.type in ADMIN_LEVEL or m.type == "Corridor"]
    places = [m for m in places if m.proper and not m.nested]
    fences = SpanIndex(furniture)
    body = [s for s in sentences if not inside(s, fences)]
    if not places or not body:
        return None
    headline = [m for m in places if body[0].start <= m.span.start < body[0].end]
    corridors = [m for m in headline if m.type == "Corridor"]
    if corridors:
        return corridors[0]
    if headline:
        return max(headline, key=lambda m: ADMIN_LEVEL.get(m.type, 0))
    counts = Counter(m.name for m in places)
    best = max(counts, key=lambda name: (counts[name], name))
    return next(m for m in places if m.name == best)

"""Write extraction results as candidates in the statement format of ``data/``.

The output is one YAML document: ``source``, the proposed ``entities`` (with their mentions,
English placeholder labels and how they link to the graph), the industry ``concepts`` named,
the ``statements`` (simple claims and n-ary facts, each with evidence whose quote is exactly
``text[start:end]``, a confidence and, where useful, a note), ``review`` (rows left out because
a required part is missing, each with a ``left_out`` note; ingest does not read them), every
``figures`` and ``dates`` expression read, and ``doubts``. The same input
always gives the same bytes.

Examples
--------
>>> c = Candidates(source="demo", text="洞泾镇", entities=[], concepts=[], statements=[])
>>> print(c.to_yaml(), end="")
source: demo
entities: []
concepts: []
statements: []
doubts: []
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML

from g60kg.extract.claims import Claim
from g60kg.extract.counted import counted
from g60kg.extract.dates import NAMED_YEAR, DateMention
from g60kg.extract.labels import fact_labels, pinyin_label
from g60kg.extract.linking import Entity, group_of
from g60kg.extract.mention import Mention
from g60kg.extract.normalise import to_simplified
from g60kg.extract.quantities import Quantity
from g60kg.extract.romanise import pinyin_words
from g60kg.extract.spans import Span

__all__ = ["Candidates", "build_candidates", "date_rows", "figure_rows"]


@dataclass
class Candidates:
    """Candidate entities and statements for one article, ready to be written as YAML."""

    source: str
    text: str
    entities: list[dict[str, Any]]
    concepts: list[dict[str, Any]]
    statements: list[dict[str, Any]]
    doubts: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    figures: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    review: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The candidates as plain data (what :meth:`to_yaml` writes)."""
        data: dict[str, Any] = {"source": self.source}
        if self.meta:
            data["article"] = self.meta
        data["entities"] = self.entities
        data["concepts"] = self.concepts
        data["statements"] = self.statements
        if self.review:
            data["review"] = self.review
        if self.figures:
            data["figures"] = self.figures
        if self.dates:
            data["dates"] = self.dates
        data["doubts"] = self.doubts
        return data

    def to_yaml(self) -> str:
        """The candidates as a YAML document, deterministic."""
        yaml = YAML()
        yaml.width = 4096
        yaml.allow_unicode = True
        yaml.default_flow_style = False
        stream = io.StringIO()
        yaml.dump(self.to_dict(), stream)
        return stream.getvalue()


def build_candidates(
    source: str,
    text: str,
    entities: Sequence[Entity],
    claims: Sequence[Claim],
    meta: dict[str, Any] | None = None,
    day: DateMention | None = None,
) -> Candidates:
    """Turn linked entities and claims into candidates; ``text`` is the original article.

    ``day`` is the document's main day: an event of the lead the text does not date gets it,
    with a low confidence and a note (the core requires a date on every event).
    """
    handles: dict[Mention, str] = {}
    concepts: dict[Mention, str] = {}
    entity_rows, concept_rows = [], []
    for entity in entities:
        if group_of(entity.type) == "industry":
            code = f"industry:{entity.code}"
            concept_rows.append(
                {"concept": code, "zh": entity.zh, "mentions": _mentions(source, text, entity)}
            )
            concepts.update(dict.fromkeys(entity.mentions, code))
            continue
        handles.update(dict.fromkeys(entity.mentions, entity.handle))
        entity_rows.append(_entity_row(source, text, entity))
    names = {row["id"]: (row["zh"], row["en"]) for row in entity_rows}
    writer = _StatementWriter(text, handles, concepts, names)
    for claim in claims:
        writer.add(claim)
    if day is not None:
        for entity in entities:
            undated = _undated(entity, writer, day) if group_of(entity.type) == "event" else None
            if undated is not None and entity.status != "linked":
                writer.add(undated)
    return Candidates(source, text, entity_rows, concept_rows, writer.rows, meta=dict(meta or {}))


def figure_rows(
    text: str, quantities: Sequence[Quantity], norm: str | None = None
) -> list[dict[str, Any]]:
    """Every quantity of the article, as written, with its normalised value and unit, and
    what a count in a generic measure word counts (``counted``, read from ``norm``, the
    simplified text, when given).

    >>> from g60kg.extract.quantities import find_quantities
    >>> figure_rows("落户20家", find_quantities("落户20家"))
    [{'value': 20, 'qualifier': 'exact', 'text': '20家', 'unit': 'count-unit:company', \
'evidence': {'quote': '20家', 'start': 2, 'end': 5}}]
    """
    rows = []
    for quantity in quantities:
        row = dict(quantity.data)
        row["text"] = text[quantity.span.start : quantity.span.end]
        row["evidence"] = _evidence(text, quantity.span)
        thing = counted(norm, quantity) if norm is not None else None
        if thing is not None:
            row["counted"] = thing
        rows.append(row)
    return rows


def date_rows(text: str, dates: Sequence[DateMention]) -> list[dict[str, Any]]:
    """Every date expression of the article with its ISO value and how it was resolved.

    >>> from g60kg.extract.spans import Span
    >>> date_rows("6月6日", [DateMention(Span(0, 4), "2020-06-06", "year-from-text", "2020")])
    [{'text': '6月6日', 'iso': '2020-06-06', 'resolution': 'year-from-text', 'start': 0, 'end': 4}]
    """
    return [
        {
            "text": text[d.span.start : d.span.end],
            "iso": d.value,
            "resolution": d.resolution,
            "start": d.span.start,
            "end": d.span.end,
        }
        for d in dates
        if d.span.end > d.span.start
    ]


_LEAD = 400


def _undated(entity: Entity, writer: _StatementWriter, day: DateMention) -> Claim | None:
    """A date for an event its sentences do not date: its parent's, else the document's day
    when the event is named in the article's lead (an event named first further down is
    background: 前两届大会, 此前举行的论坛)."""
    rows = {(r.get("subject"), r.get("predicate")): r for r in writer.rows}
    if (entity.handle, "date") in rows:
        return None
    lead = entity.mentions[0].span.start <= max(day.span.end, 0) + _LEAD
    claim = Claim(
        entity.mentions[0].span,
        predicate="date",
        subject=entity.mentions[0],
        value=day.value,
        confidence=0.5,
        date_resolution=day.resolution,
        note=f"The text does not date this event; proposed: the article's day ({day.clue}).",
    )
    named = NAMED_YEAR.search(entity.zh)
    if named and not day.value.startswith(named.group()):
        # 2021长三角G60科创走廊联席会议 in an article of 2022: not the article's day (an event's
        # date is a day, which the text does not give: the event is left for review)
        claim.value = ""
    if not lead:
        claim.value = ""  # named only after the lead: background, not the day's news
    for link in ("subEventOf", "heldJointlyWith"):
        parent = rows.get((entity.handle, link))
        dated = rows.get((parent["object"], "date")) if parent else None
        if parent and dated:
            claim.value, claim.date_resolution = dated["value"], "from-parent-event"
            claim.note = f"Dated as the event it belongs to ({parent['object']})."
            claim.confidence = 0.8
    return claim if claim.value else None


def _original_wording(row: dict[str, Any], quote: str) -> None:
    """Quantity ``text`` as the original writes it (億, not 亿), so it occurs in the evidence.

    >>> row = {"properties": {"amount": {"value": 5, "text": "5亿元"}}}
    >>> _original_wording(row, "投資5億元")
    >>> row["properties"]["amount"]["text"]
    '5億元'
    """
    simplified = to_simplified(quote)
    for value in (row.get("properties") or {}).values():
        wording = value.get("text") if isinstance(value, dict) else None
        if isinstance(wording, str) and wording not in quote and wording in simplified:
            start = simplified.index(wording)
            value["text"] = quote[start : start + len(wording)]


def _evidence(text: str, span: Span) -> dict[str, Any]:
    return {"quote": text[span.start : span.end], "start": span.start, "end": span.end}


def _mentions(source: str, text: str, entity: Entity) -> list[dict[str, Any]]:
    spans = sorted({m.span for m in entity.mentions})
    return [{"source": source, **_evidence(text, span)} for span in spans]


def _entity_row(source: str, text: str, entity: Entity) -> dict[str, Any]:
    row: dict[str, Any] = {"id": entity.handle, "iri": entity.iri, "type": entity.type}
    row["zh"] = entity.zh
    row["en"] = entity.en or pinyin_label(entity.zh)
    if entity.aliases:
        row["aliases"] = [{"zh": alias} for alias in entity.aliases]
    row["mentions"] = _mentions(source, text, entity)
    implied = all(m.implied for m in entity.mentions)
    if implied:
        row["implied"] = True
    row["confidence"] = 0.9 if any(m.proper for m in entity.mentions) else 0.6
    link: dict[str, Any] = {"status": entity.status}
    if entity.candidates:
        link["candidates"] = [
            {"id": handle, "iri": iri, "confidence": score}
            for handle, iri, score in entity.candidates
        ]
    row["link"] = link
    note = "Proposed by g60kg extract; the English label is pinyin: review it."
    if entity.en:
        note = "Proposed by g60kg extract; the English label is the graph's."
    if implied:
        note += " Implied by a post title: the text names the title, not this entity."
    if entity.status == "ambiguous":
        note += " Several graph entities match or nearly match: choose one or keep it new."
    row["note"] = note
    return row


class _StatementWriter:
    def __init__(
        self,
        text: str,
        handles: dict[Mention, str],
        concepts: dict[Mention, str],
        names: dict[str, tuple[str, str]],
    ):
        self.text = text
        self.names = names
        self.handles = handles
        self.concepts = concepts
        self.rows: list[dict[str, Any]] = []
        self.seen: set[str] = set()
        self.ids: set[str] = set()

    def ref(self, mention: Mention | None) -> str | None:
        if mention is None:
            return None
        return self.handles.get(mention) or self.concepts.get(mention)

    def add(self, claim: Claim) -> None:
        row = self._row(claim)
        if row is None:
            return
        signature = repr(
            sorted((k, repr(v)) for k, v in row.items() if k not in ("evidence", "note"))
        )
        if signature in self.seen:
            return
        self.seen.add(signature)
        row = {"id": self._id(row), **row, "evidence": _evidence(self.text, claim.evidence)}
        _original_wording(row, row["evidence"]["quote"])
        row["confidence"] = claim.confidence
        if claim.note:
            row["note"] = claim.note
        self.rows.append(row)

    def _row(self, claim: Claim) -> dict[str, Any] | None:
        if claim.fact == "components":
            subject = self.ref(claim.subject)
            items = []
            for item in claim.components:
                entry = {"item": self.ref(item["item"])} if self.ref(item["item"]) else {}
                entry |= {k: item[k] for k in ("role",) if k in item} | {"zh": item["zh"]}
                entry["en"] = pinyin_label(item["zh"])
                items.append(entry)
            return {"subject": subject, "components": items} if subject else None
        if claim.fact:
            properties: dict[str, Any] = {}
            for key, value in claim.properties.items():
                if isinstance(value, Mention):
                    ref = self.ref(value)
                    if ref is None:
                        return None
                    properties[key] = ref
                else:
                    properties[key] = value
            zh, en = fact_labels(claim.fact, properties, self.names)
            return {"fact": claim.fact, "zh": zh, "en": en, "properties": properties}
        subject, obj = self.ref(claim.subject), self.ref(claim.obj)
        if subject is None or (claim.obj is not None and obj is None) or subject == obj:
            return None
        row: dict[str, Any] = {"subject": subject, "predicate": claim.predicate}
        if obj is not None:
            row["object"] = obj
        elif claim.concept is not None:
            row["object"] = claim.concept
        else:
            row["value"] = claim.value
        if claim.date_resolution:
            # the vocabulary has no dateline code: the dateline is the text's own statement
            code = claim.date_resolution
            row["date_resolution"] = "year-from-text" if code == "from-dateline" else code
        return row

    def _id(self, row: dict[str, Any]) -> str:
        if "fact" in row:
            props = row["properties"]
            parts = [row["fact"]] + [
                str(props[k]).split(":")[-1]
                for k in (
                    "holder",
                    "postTitle",
                    "indicator",
                    "investmentStatus",
                    "destination",
                    "refArea",
                )
                if k in props
            ]
        elif "components" in row:
            parts = [row["subject"], "components"]
        else:
            parts = [row["subject"], row["predicate"], str(row.get("object", row.get("value")))]
        base = "-".join(w for part in parts for w in (pinyin_words(part) or [part]))
        base = re.sub(r"[^a-z0-9]+", "-", re.sub(r"([a-z])([A-Z])", r"\1-\2", base).lower())
        base = base.strip("-")[:80].strip("-")
        ident, n = base, 2
        while ident in self.ids:
            ident, n = f"{base}-{n}", n + 1
        self.ids.add(ident)
        return ident

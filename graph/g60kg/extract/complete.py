"""Keep only complete facts, so every candidates file passes ingest's checks by construction.

The data shapes (ontology/shapes.ttl) require parts that the text does not always give: a post
holding needs its post and the organisation of the post (the text may give a bare 市长), an
investment its destination and an amount or a count, an observation its area, period and value,
an event a date. A row missing a required part is moved out of ``statements`` (or
``entities``) into the candidates' ``review`` section, which ingest does not read, with a
``left_out`` note saying what is missing; the curator completes it and moves it back.
Statements about an entity left out go with it.

Examples
--------
>>> rows = [{"id": "p", "fact": "PostHolding", "zh": "张三任市长",
...          "properties": {"holder": "zhangsan", "postTitle": {"zh": "市长"}},
...          "evidence": {"quote": "市长张三", "start": 0, "end": 4}}]
>>> kept, review = complete_facts(rows)
>>> kept, review[0]["id"], review[0]["left_out"].split(":")[0]
([], 'p', 'The PostHolding 张三任市长 was left out')
"""

from __future__ import annotations

from typing import Any

from g60kg.extract.linking import group_of

__all__ = ["REQUIRED", "complete_facts", "future_dates", "undated_events", "unused_implied"]

# each fact's required properties; a tuple inside means "at least one of these"
REQUIRED: dict[str, tuple[str | tuple[str, ...], ...]] = {
    "PostHolding": ("holder", "post", "organization"),
    "Investment": ("investmentStatus", "destination", ("amount", "companyCount")),
    "Observation": ("indicator", "refArea", "refPeriod", "value"),
}
_WHY = {
    "post": "the text names the title but not the place or body of the post",
    "organization": "the text names the title but not the body the post belongs to",
    "destination": "the text does not say where the investment goes",
    "refArea": "the text does not say which place the figure is about",
    "refPeriod": "the text does not say which period the figure is for",
}


def complete_facts(
    statements: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The complete statements, and the rows left out, each with its ``left_out`` note."""
    kept, review = [], []
    for row in statements:
        missing = _missing(row)
        if missing:
            review.append({**row, "left_out": _why(row, missing)})
        else:
            kept.append(row)
    return kept, review


def future_dates(
    statements: list[dict[str, Any]], published: str | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Statements kept, and event dates later than the page date left for review: an event the
    report announces (明天…将开幕) has not been held by the report's day.

    >>> row = {"id": "d", "subject": "e", "predicate": "date", "value": "2023-11-08"}
    >>> future_dates([row], "2023-11-07")[1][0]["id"]
    'd'
    """
    if not published or len(published) < 10:
        return statements, []
    late = [
        row
        for row in statements
        if row.get("predicate") == "date" and str(row.get("value", "")) > published[:10]
    ]
    review = [
        {**row, "left_out": f"Dated after the report ({published[:10]}): announced, not held."}
        for row in late
    ]
    return [row for row in statements if row not in late], review


def unused_implied(
    entities: list[dict[str, Any]], statements: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Entities kept: an implied post or body (松江区区长, 松江区人民政府) that no kept statement
    is about any more (its holding was left for review) goes with it, so no post is written
    without the body it belongs to.

    >>> post = {"id": "p", "zh": "区长", "type": "Post", "implied": True}
    >>> unused_implied([post], [])
    []
    """
    used: set[str] = set()
    for row in statements:
        used |= _refers(row)
    return [e for e in entities if not e.get("implied") or e["id"] in used]


def undated_events(
    entities: list[dict[str, Any]], statements: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Entities and statements kept, and the rows left out: events no statement dates, and
    the statements about them.

    >>> event = {"id": "e", "zh": "开工仪式", "type": "Groundbreaking"}
    >>> entities, statements, review = undated_events([event], [])
    >>> entities, review[0]["id"]
    ([], 'e')
    """
    dated = {row.get("subject") for row in statements if row.get("predicate") == "date"}
    gone = {
        e["id"]
        for e in entities
        if group_of(str(e.get("type"))) == "event" and not e.get("implied") and e["id"] not in dated
    }
    review = [
        {
            **entity,
            "left_out": f"The event {entity['zh']} was left out: the text does not date it, the "
            "page date is proposed only for events of the article's lead, and every event needs "
            "a date.",
        }
        for entity in entities
        if entity["id"] in gone
    ]
    for row in statements:
        if _refers(row) & gone:
            review.append({**row, "left_out": "Left out with the undated event it is about."})
    kept = [s for s in statements if not (_refers(s) & gone)]
    return [e for e in entities if e["id"] not in gone], kept, review


def _refers(row: dict[str, Any]) -> set[str]:
    refs = {str(row.get("subject")), str(row.get("object"))}
    refs |= {str(v) for v in (row.get("properties") or {}).values() if isinstance(v, str)}
    refs |= {str(c.get("item")) for c in row.get("components") or []}
    return refs


def _missing(row: dict[str, Any]) -> list[str]:
    required = REQUIRED.get(str(row.get("fact")), ())
    properties = row.get("properties") or {}
    missing = []
    for part in required:
        options = part if isinstance(part, tuple) else (part,)
        if not any(properties.get(option) not in (None, "", {}) for option in options):
            missing.append(" or ".join(options))
    return missing


def _why(row: dict[str, Any], missing: list[str]) -> str:
    reasons = "; ".join(_WHY.get(m, f"it has no {m}") for m in missing)
    return (
        f"The {row['fact']} {row.get('zh', '')} was left out: {reasons} "
        f"(required: {', '.join(missing)})."
    )

"""Checks across records: references resolve, terms exist, quotes are where they say."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import Problem
from ..rdf.ontology import Ontology
from .evidence import check_span
from .read import Data, Span

__all__ = ["check_data"]


def _spans(data: Data) -> Iterator[Span]:
    for entity in data.entities.values():
        yield from entity.mentions
    for statement in data.statements:
        yield from statement.evidence
    for doubt in data.doubts:
        yield doubt.span


def _check_spans(data: Data) -> Iterator[Problem]:
    for span in _spans(data):
        source = data.sources.get(span.source)
        if source is None:
            yield span.where.problem(
                f"evidence names unknown source '{span.source}'",
                f"use one of: {', '.join(sorted(data.sources)) or '(none)'}",
            )
            continue
        problem = check_span(span, source.text)
        if problem:
            yield problem


def _check_entities(data: Data, onto: Ontology) -> Iterator[Problem]:
    for entity in data.entities.values():
        for type_name in entity.types:
            if type_name not in onto.classes:
                yield entity.where.problem(
                    f"unknown class '{type_name}' for entity '{entity.id}'",
                    "use a class of ontology/g60.ttl, e.g. Company, Town, Conference",
                )
        if not entity.mentions and not entity.cites:
            yield entity.where.problem(
                f"entity '{entity.id}' has no evidence",
                "add `mentions:` (a quoted span of a source) or `cites:` (a reference source)",
            )
        for ref in entity.cites:
            if ref not in data.references:
                yield entity.where.problem(f"unknown reference source '{ref}'")


def _check_statements(data: Data) -> Iterator[Problem]:
    for statement in data.statements:
        where = statement.where
        is_reference = statement.source == "reference"
        if not is_reference and statement.source not in data.sources:
            yield where.problem(f"statements file names unknown source '{statement.source}'")
        if is_reference:
            if not statement.cites:
                yield where.problem(
                    f"reference statement '{statement.id}' cites no reference source",
                    "add `cites: [id]` naming a source of data/sources/reference.yaml",
                )
            for ref in statement.cites:
                if ref not in data.references:
                    yield where.problem(f"unknown reference source '{ref}'")
        elif not statement.evidence:
            yield where.problem(
                f"statement '{statement.id}' has no evidence",
                "add `evidence: {quote, start, end}` with the exact words of the source",
            )
        for span in statement.evidence:
            if span.source != statement.source:
                yield span.where.problem(
                    f"evidence quotes '{span.source}' in a statement of '{statement.source}'"
                )


def check_data(data: Data, onto: Ontology) -> list[Problem]:
    """Every problem in how the records fit together (empty when all is well)."""
    return [
        *_check_spans(data),
        *_check_entities(data, onto),
        *_check_statements(data),
    ]

"""Checks across records: references resolve, terms exist, quotes are where they say."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Protocol
from urllib.parse import urlsplit

from ..errors import Problem
from .duplicates import duplicate_problems
from .evidence import check_span
from .read import Data, Reference, Span, Statement

__all__ = ["AVOIDED_HOSTS", "REPOST_HOSTS", "Vocabulary", "check_data"]


class Vocabulary(Protocol):
    """What the checks need of the ontology in force (`rdf.ontology.Ontology` is one): the
    records sit below the RDF layer and never import it."""

    @property
    def classes(self) -> frozenset[str]: ...


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


def _check_entities(data: Data, onto: Vocabulary) -> Iterator[Problem]:
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


# Hosts seen carrying fabricated, machine-written or spun copies of corridor news: never cited.
AVOIDED_HOSTS = (
    "shmskj.cn", "zcio.cn", "bkwk.cn", "eqrm.cn", "rjut.cn", "67wa.com", "sthtlaw.com",
    "dgbus.com.cn", "chaxiaohao.com", "21xqjy.com", "meileai.cn", "shcafe.org", "syncedreview.com",
    "cnread.news",
)  # fmt: skip
# Hosts of advert sites seen reposting real news: cited only where no original page is found,
# and then every statement resting on such reposts alone has `confidence` below 1 and a `note`
# (its own or its sources') saying so.
REPOST_HOSTS = (
    "ydmotuo.com", "lizhgi8.cn", "johnnytowncar.com", "xpj33277.com", "yexian114.com", "firk.cn",
)  # fmt: skip
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _check_references(data: Data) -> Iterator[Problem]:
    """Every reference source says where (URL), who (publisher), when published and when read;
    one page is one source."""
    first_with_url: dict[str, Reference] = {}
    for ref in data.references.values():
        if ref.url and (first := first_with_url.setdefault(ref.url, ref)) is not ref:
            yield ref.where.problem(
                f"reference source '{ref.id}' has the URL of '{first.id}' "
                f"({first.where.file}:{first.where.line})",
                f"cite '{first.id}' instead and delete '{ref.id}'",
            )
        missing = [
            name
            for name, value in (
                ("url", ref.url),
                ("publisher", ref.publisher),
                ("date", ref.date),
                ("retrieved", ref.retrieved),
            )
            if not value
        ]
        if missing:
            yield ref.where.problem(
                f"reference source '{ref.id}' has no {', '.join(missing)}",
                "record url, publisher, date (publication, ISO 8601) and retrieved (ISO 8601)",
            )
        for name, value in (("date", ref.date), ("retrieved", ref.retrieved)):
            if value and not _ISO_DATE.match(value):
                yield ref.where.problem(
                    f"reference source '{ref.id}': {name} '{value}' is not an ISO 8601 date",
                    "write YYYY, YYYY-MM or YYYY-MM-DD",
                )
        if _on_host(ref.url, AVOIDED_HOSTS):
            host = urlsplit(ref.url or "").hostname
            yield ref.where.problem(
                f"reference source '{ref.id}' cites {host}, a host known for fabricated material",
                "cite the original publisher's page instead",
            )


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
        yield from _check_repost_only(data, statement)
        for span in statement.evidence:
            if span.source != statement.source:
                yield span.where.problem(
                    f"evidence quotes '{span.source}' in a statement of '{statement.source}'"
                )


def _on_host(url: str | None, hosts: tuple[str, ...]) -> bool:
    host = (urlsplit(url).hostname or "") if url else ""
    return any(host == h or host.endswith("." + h) for h in hosts)


def _check_repost_only(data: Data, statement: Statement) -> Iterator[Problem]:
    """A statement whose every cited source is a repost on an advert host is marked uncertain
    and explained."""
    refs = [data.references.get(ref) for ref in statement.cites]
    if not refs or any(ref is None or not _on_host(ref.url, REPOST_HOSTS) for ref in refs):
        return
    try:
        sure = Decimal(statement.confidence or "1") >= 1
    except InvalidOperation:
        return  # the compiler reports a confidence that is not a number
    explained = statement.note or all(ref is not None and ref.note for ref in refs)
    if sure or not explained:
        yield statement.where.problem(
            f"reference statement '{statement.id}' rests only on reposts on advert hosts",
            "set `confidence` below 1 and say why in a `note` (of the statement or of the "
            "source), or cite the original publisher's page",
        )


def check_data(data: Data, onto: Vocabulary) -> list[Problem]:
    """Every problem in how the records fit together (empty when all is well)."""
    return [
        *_check_spans(data),
        *_check_entities(data, onto),
        *_check_statements(data),
        *_check_references(data),
        *duplicate_problems(data),
    ]

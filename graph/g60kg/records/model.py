"""The records of `data/` as typed values: sources, references, entities, statements and
doubts, each knowing where it was written (`Where`: file and line).

>>> Where("data/entities/places.yaml", 12).problem("unknown class 'Twon'").file
'data/entities/places.yaml'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem

__all__ = [
    "HANDLE",
    "IRI_LOCAL",
    "SOURCE_ENCODINGS",
    "Data",
    "Doubt",
    "Entity",
    "Reference",
    "Source",
    "Span",
    "Statement",
    "Where",
]

HANDLE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
IRI_LOCAL = re.compile(r"^(adm-[0-9]{2,12}|E[0-9]{4,})$")
SOURCE_ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "big5")


@dataclass(frozen=True)
class Where:
    """A place in an input file."""

    file: str
    line: int | None

    def problem(self, message: str, hint: str = "") -> Problem:
        return Problem(self.file, self.line, message, hint)


@dataclass(frozen=True)
class Span:
    """A quoted span of a source document: `text[start:end] == quote`."""

    source: str
    quote: str
    start: int
    end: int
    where: Where


@dataclass(frozen=True)
class Source:
    """A document kept byte for byte, with its metadata."""

    id: str
    text: str
    title: str
    publisher_zh: str
    publisher_en: str
    url: str | None
    site: str | None
    page_date: str | None
    language: str
    retrieved: str
    sha256: str
    where: Where


@dataclass(frozen=True)
class Reference:
    """A public reference source, cited by URL."""

    id: str
    title: str
    publisher: str
    date: str | None
    url: str | None
    note: str
    where: Where
    retrieved: str | None = None


@dataclass(frozen=True)
class Entity:
    """A thing with a stable IRI, Chinese and English labels, and where it is named."""

    id: str
    iri: str
    types: tuple[str, ...]
    zh: str
    en: str
    aliases: tuple[tuple[str, str], ...]
    division_code: str | None
    mentions: tuple[Span, ...]
    cites: tuple[str, ...]
    note: str | None
    where: Where
    distinct_from: tuple[str, ...] = ()


@dataclass(frozen=True)
class Statement:
    """A claim of one source: a triple, an n-ary fact, or ordered components."""

    id: str
    source: str
    kind: str  # "triple" | "fact" | "components"
    where: Where
    subject: str | None = None
    predicate: str | None = None
    object: Any = None
    value: Any = None
    fact: str | None = None
    zh: str | None = None
    en: str | None = None
    properties: Mapping[str, Any] = field(default_factory=dict)
    components: tuple[Mapping[str, Any], ...] = ()
    evidence: tuple[Span, ...] = ()
    cites: tuple[str, ...] = ()
    confidence: str | None = None
    note: str | None = None
    date_resolution: str | None = None


@dataclass(frozen=True)
class Doubt:
    """A garbled or ambiguous span, recorded instead of guessed."""

    id: str
    span: Span
    note: str
    where: Where


@dataclass
class Data:
    """Everything read from a data folder."""

    sources: dict[str, Source] = field(default_factory=dict)
    references: dict[str, Reference] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    statements: list[Statement] = field(default_factory=list)
    doubts: list[Doubt] = field(default_factory=list)

"""Read `data/`: sources, entities and statements as typed records, each knowing its file and line.

The record types are in `model.py`. Only the shape of each record is checked here; `checks.py`
checks how records fit together.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..errors import InputError, InputErrors, Problem
from .model import (
    HANDLE,
    IRI_LOCAL,
    SOURCE_ENCODINGS,
    Data,
    Doubt,
    Entity,
    Reference,
    Source,
    Span,
    Statement,
    Where,
)
from .retired import RETIRED_FILE, retired_iris
from .yamlio import line_of, read_yaml

__all__ = [
    "HANDLE",
    "Data",
    "Doubt",
    "Entity",
    "Reference",
    "Source",
    "Span",
    "Statement",
    "Where",
    "read_data",
]


class _Reader:
    """Collects problems while turning YAML nodes into records."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.names: dict[Path, str] = {}  # file -> its name in messages, resolved once

    def where(self, file: Path, node: Any, key: str | int | None = None) -> Where:
        name = self.names.get(file)
        if name is None:
            name = self.names[file] = _rel(file)
        return Where(name, line_of(node, key))

    def need(self, file: Path, node: Any, key: str, kind: type = str) -> Any:
        if not isinstance(node, Mapping):
            self.problems.append(
                self.where(file, node).problem(
                    f"expected a mapping with '{key}', found {type(node).__name__}",
                    "write the record as `key: value` lines",
                )
            )
            return None
        value = node.get(key)
        if value is None or value == "":
            self.problems.append(
                self.where(file, node).problem(
                    f"missing '{key}'", f"add `{key}:` to this record (see docs/data-format.md)"
                )
            )
            return None
        if kind is str and isinstance(value, int | float):
            value = str(value)
        if not isinstance(value, kind):
            self.problems.append(
                self.where(file, node, key).problem(
                    f"'{key}' must be a {kind.__name__}, found {type(value).__name__}"
                )
            )
            return None
        return value

    def spans(self, file: Path, node: Any, default_source: str | None) -> tuple[Span, ...]:
        items = node if isinstance(node, list) else [node] if node is not None else []
        out = []
        for i, item in enumerate(items):
            where = self.where(file, node if item is None else item, i)
            if not isinstance(item, Mapping):
                self.problems.append(where.problem("evidence must be {quote, start, end}"))
                continue
            source = item.get("source", default_source)
            quote = self.need(file, item, "quote")
            start, end = item.get("start"), item.get("end")
            if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool):
                self.problems.append(
                    where.problem(
                        "evidence needs integer 'start' and 'end' offsets",
                        "run `g60kg locate SOURCE QUOTE` to find the offsets of a quote",
                    )
                )
                continue
            if source is None or quote is None:
                if source is None:
                    self.problems.append(where.problem("evidence does not name its 'source'"))
                continue
            out.append(Span(str(source), str(quote), start, end, where))
        return tuple(out)


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _yaml_files(folder: Path) -> Iterator[Path]:
    """Every YAML file below `folder`, at any depth (curators group files by city and topic)."""
    yield from sorted(folder.rglob("*.yaml")) if folder.is_dir() else iter(())


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def _read_sources(r: _Reader, data: Data, folder: Path) -> None:
    for path in _yaml_files(folder):
        doc = _safe_read(r, path)
        if doc is None:
            continue
        if isinstance(doc, Mapping) and "references" in doc:
            for node in doc.get("references") or []:
                ref_id = r.need(path, node, "id")
                if ref_id is None:
                    continue
                ref = Reference(
                    ref_id,
                    r.need(path, node, "title") or "",
                    str(node.get("publisher", "")),
                    _str_or_none(node.get("date")),
                    _str_or_none(node.get("url")),
                    str(node.get("note", "")),
                    r.where(path, node),
                    _str_or_none(node.get("retrieved")),
                )
                _add_unique(r, data.references, ref_id, ref, ref.where, "reference source")
            continue
        source_id = r.need(path, doc, "id")
        if source_id is None:
            continue
        text_path = path.with_suffix(".txt")
        where = r.where(path, doc)
        if not text_path.is_file():
            r.problems.append(where.problem(f"no text file {text_path.name} beside the metadata"))
            continue
        raw = text_path.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        if doc.get("sha256") not in (None, digest):
            r.problems.append(
                r.where(path, doc, "sha256").problem(
                    f"{text_path.name} changed: its sha256 is {digest}",
                    "sources are kept byte for byte; restore the original text",
                )
            )
        text = _decode_source(r, path, doc, raw)
        if text is None:
            continue
        publisher = doc.get("publisher") or {}
        source = Source(
            source_id,
            text,
            r.need(path, doc, "title") or "",
            str(publisher.get("zh", "")),
            str(publisher.get("en", "")),
            _str_or_none(doc.get("url")),
            _str_or_none(doc.get("site")),
            _str_or_none(doc.get("page_date")),
            str(doc.get("language", "zh")),
            str(doc.get("retrieved", "")),
            digest,
            where,
        )
        _add_unique(r, data.sources, source_id, source, where, "source")


def _decode_source(r: _Reader, path: Path, doc: Any, raw: bytes) -> str | None:
    """The text of a source, decoded with the `encoding` its metadata records (default UTF-8).

    A source kept in its original GB18030 or Big5 bytes records that encoding; evidence offsets
    are code points into the decoded text. `utf-8-sig` is UTF-8 whose leading BOM is not text.
    """
    encoding = str(doc.get("encoding", "utf-8")).lower()
    if encoding not in SOURCE_ENCODINGS:
        r.problems.append(
            r.where(path, doc, "encoding").problem(
                f"unknown source encoding '{encoding}'",
                f"use one of {', '.join(SOURCE_ENCODINGS)}",
            )
        )
        return None
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        r.problems.append(
            r.where(path, doc, "encoding" if "encoding" in doc else None).problem(
                f"{path.with_suffix('.txt').name} is not {encoding} text ({exc.reason} at byte "
                f"{exc.start})",
                "record the document's encoding as `encoding:` in its metadata",
            )
        )
        return None


def _safe_read(r: _Reader, path: Path) -> Any:
    try:
        return read_yaml(path)
    except InputError as exc:
        r.problems.append(exc.problem)
        return None


def _add_unique(
    r: _Reader, table: dict[str, Any], key: str, value: Any, where: Where, what: str
) -> None:
    if key in table:
        first = table[key].where
        r.problems.append(
            where.problem(
                f"duplicate {what} id '{key}' (first defined at {first.file}:{first.line})",
                "give each record its own id",
            )
        )
        return
    table[key] = value


def _read_entities(r: _Reader, data: Data, folder: Path) -> None:
    iris: dict[str, Where] = {}
    try:
        retired = retired_iris(folder.parent)
    except InputError as exc:
        r.problems.append(exc.problem)
        retired = {}
    for path in _yaml_files(folder):
        doc = _safe_read(r, path)
        nodes = doc.get("entities") if isinstance(doc, Mapping) else None
        if doc is not None and not isinstance(nodes, list):
            r.problems.append(Where(_rel(path), 1).problem("expected a top-level 'entities:' list"))
            continue
        for node in nodes or []:
            entity = _entity(r, path, node)
            if entity is None:
                continue
            if entity.iri in iris:
                first = iris[entity.iri]
                r.problems.append(
                    entity.where.problem(
                        f"duplicate iri '{entity.iri}' (first used at {first.file}:{first.line})",
                        "mint a new iri: the next free E#### number",
                    )
                )
            if entity.iri in retired:
                r.problems.append(
                    entity.where.problem(
                        f"iri '{entity.iri}' is retired ({_rel(folder.parent / RETIRED_FILE)}:"
                        f"{retired[entity.iri]}): it named an entity since withdrawn",
                        "delete the iri line and run `g60kg mint-iris` for a new one",
                    )
                )
            iris.setdefault(entity.iri, entity.where)
            _add_unique(r, data.entities, entity.id, entity, entity.where, "entity")


def _entity(r: _Reader, path: Path, node: Any) -> Entity | None:
    if isinstance(node, Mapping) and node.get("id") and not node.get("iri"):
        r.problems.append(
            r.where(path, node).problem(
                f"entity '{node['id']}' has no 'iri'",
                "run `g60kg mint-iris` to give new entities their persistent IRI",
            )
        )
        return None
    handle, iri = r.need(path, node, "id"), r.need(path, node, "iri")
    if handle is None or iri is None:
        return None
    where = r.where(path, node)
    if not HANDLE.match(handle):
        r.problems.append(where.problem(f"id '{handle}' must be lower-case letters, digits, '-'"))
    if not IRI_LOCAL.match(iri):
        r.problems.append(
            where.problem(f"iri '{iri}' must be adm-<division code> or E<serial>", "e.g. E0042")
        )
    types = node.get("type")
    type_list = [types] if isinstance(types, str) else list(types or [])
    if not type_list:
        r.problems.append(where.problem("missing 'type'", "name an ontology class, e.g. Company"))
    zh, en = node.get("zh"), node.get("en")
    for lang, label in (("zh", zh), ("en", en)):
        if not label:
            r.problems.append(
                where.problem(
                    f"label missing a language: no '{lang}' label",
                    f"add `{lang}:` (every entity has a Chinese and an English label)",
                )
            )
    aliases = []
    for alias in node.get("aliases") or []:
        if not isinstance(alias, Mapping) or len(alias) != 1:
            r.problems.append(r.where(path, alias).problem("an alias is one {zh: …} or {en: …}"))
            continue
        ((lang, text),) = alias.items()
        if lang not in ("zh", "en"):
            r.problems.append(r.where(path, alias).problem(f"alias language '{lang}' is not zh/en"))
            continue
        aliases.append((str(lang), str(text)))
    code = node.get("division_code")
    return Entity(
        handle,
        iri,
        tuple(map(str, type_list)),
        str(zh or ""),
        str(en or ""),
        tuple(aliases),
        None if code is None else str(code),
        r.spans(path, node.get("mentions"), None),
        tuple(map(str, node.get("cites") or [])),
        _str_or_none(node.get("note")),
        where,
        tuple(map(str, node.get("distinct_from") or [])),
    )


def _read_statements(r: _Reader, data: Data, folder: Path) -> None:
    ids: dict[tuple[str, str], Where] = {}
    for path in _yaml_files(folder):
        doc = _safe_read(r, path)
        if doc is None:
            continue
        source = r.need(path, doc, "source")
        if source is None:
            continue
        for node in doc.get("statements") or []:
            statement = _statement(r, path, node, source)
            if statement is None:
                continue
            key = (source, statement.id)
            if key in ids:
                first = ids[key]
                r.problems.append(
                    statement.where.problem(
                        f"duplicate statement id '{statement.id}' "
                        f"(first defined at {first.file}:{first.line})",
                        "give each statement its own id",
                    )
                )
                continue
            ids[key] = statement.where
            data.statements.append(statement)
        for node in doc.get("doubts") or []:
            doubt_id = r.need(path, node, "id")
            spans = r.spans(path, node, source)
            if doubt_id and spans:
                note = r.need(path, node, "note") or ""
                data.doubts.append(Doubt(doubt_id, spans[0], note, r.where(path, node)))


STATEMENT_KEYS = {
    "id", "subject", "predicate", "object", "value", "fact", "zh", "en", "properties",
    "components", "evidence", "cites", "confidence", "note", "date_resolution",
}  # fmt: skip


def _statement(r: _Reader, path: Path, node: Any, source: str) -> Statement | None:
    statement_id = r.need(path, node, "id")
    if statement_id is None:
        return None
    where = r.where(path, node)
    unknown = sorted(set(node) - STATEMENT_KEYS)
    if unknown:
        r.problems.append(
            where.problem(
                f"unknown key(s) {', '.join(unknown)}",
                f"use only {', '.join(sorted(STATEMENT_KEYS))}",
            )
        )
    if "fact" in node:
        kind = "fact"
    elif "components" in node:
        kind = "components"
    else:
        kind = "triple"
        for key in ("subject", "predicate"):
            r.need(path, node, key)
        if ("object" in node) == ("value" in node):
            r.problems.append(where.problem("a triple statement has exactly one of object / value"))
    confidence = node.get("confidence")
    return Statement(
        id=statement_id,
        source=source,
        kind=kind,
        where=where,
        subject=_str_or_none(node.get("subject")),
        predicate=_str_or_none(node.get("predicate")),
        object=node.get("object"),
        value=node.get("value"),
        fact=_str_or_none(node.get("fact")),
        zh=_str_or_none(node.get("zh")),
        en=_str_or_none(node.get("en")),
        properties=node.get("properties") or {},
        components=tuple(node.get("components") or ()),
        evidence=r.spans(path, node.get("evidence"), source),
        cites=tuple(map(str, node.get("cites") or [])),
        confidence=None if confidence is None else str(confidence),
        note=_str_or_none(node.get("note")),
        date_resolution=_str_or_none(node.get("date_resolution")),
    )


def read_data(folder: Path) -> Data:
    """Read every source, entity and statement file under `folder`.

    Raises `InputErrors` listing every problem found, each with file and line.

    >>> from g60kg.rdf.build import default_data_dir
    >>> data = read_data(default_data_dir())
    >>> "dongjing-ai-town" in data.sources and len(data.entities) > 40
    True
    """
    r = _Reader()
    data = Data()
    _read_sources(r, data, folder / "sources")
    _read_entities(r, data, folder / "entities")
    _read_statements(r, data, folder / "statements")
    if r.problems:
        raise InputErrors(r.problems)
    return data

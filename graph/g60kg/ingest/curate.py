"""Turn a reviewed candidates file into `data/` records, the curator's decisions applied.

Linked rows reuse the registry's handles (references to them are rewritten); ambiguous rows are
refused until resolved; a new entity that is a registry entity under another spelling (the same
label after normalisation to simplified, NFKC, no spaces; an alias; or a near-identical label,
rapidfuzz ratio >= 92 within its class group) is refused unless `link.distinct_from` names it.
New entities get free handles and the next free `E####` IRIs. The rows are rendered in the
layout of docs/data-format.md, without the curator-only keys.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..errors import InputError, InputErrors, Problem
from ..extract.linking import group_of
from ..extract.normalise import to_simplified
from ..records.duplicates import name_key
from ..records.read import HANDLE, Data, Entity
from ..records.yamlio import line_of

__all__ = ["CURATOR_KEYS", "CandidatesFile", "Plan", "display", "render_metadata"]

CURATOR_KEYS = frozenset({"link", "confidence", "implied"})
ENTITY_ORDER = ("id", "iri", "type", "zh", "en", "aliases", "division_code", "mentions", "cites")
NEAR_DUPLICATE = 92.0
SERIAL = re.compile(r"^E(\d{4,})$")
STATUSES = ("new", "linked", "ambiguous")


class CandidatesFile:
    """The candidates file, its shape checked, every node keeping its line."""

    def __init__(self, path: Path, doc: Any) -> None:
        self.path = path
        problems = []
        if not isinstance(doc, CommentedMap):
            raise InputError(path, 1, "not a candidates file (expected a YAML mapping)")
        self.source = str(doc.get("source") or "")
        if not HANDLE.match(self.source):
            problems.append(
                Problem(
                    display(path),
                    line_of(doc, "source"),
                    f"'source: {self.source}' is not a source id",
                    "lower-case letters, digits and '-', e.g. dongjing-signing",
                )
            )
        self.article = doc.get("article") or {}
        self.entities = doc.get("entities") or []
        self.statements = doc.get("statements") or []
        self.doubts = doc.get("doubts") or []
        for key, value, kind in (
            ("article", self.article, Mapping),
            ("entities", self.entities, list),
            ("statements", self.statements, list),
            ("doubts", self.doubts, list),
        ):
            if not isinstance(value, kind):
                problems.append(
                    Problem(display(path), line_of(doc, key), f"'{key}' has the wrong shape")
                )
        if not isinstance(self.article, Mapping) or not self.article.get("title"):
            problems.append(
                Problem(
                    display(path),
                    line_of(doc, "article"),
                    "the article has no title",
                    "add `title:` under `article:` (or pass --title to g60kg extract)",
                )
            )
        if problems:
            raise InputErrors(problems)

    def problem(self, node: Any, message: str, hint: str = "") -> Problem:
        return Problem(display(self.path), line_of(node), message, hint)


def display(path: Path) -> str:
    """A path as messages show it (relative to the working folder when inside it)."""
    return InputError(path, None, "").problem.file


def _norm(name: str) -> str:
    """A label for comparison: simplified, NFKC (full-width brackets), no spaces, case-folded."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", to_simplified(name))).casefold()


def _keys(*names: str | None) -> frozenset[str]:
    return frozenset(name_key(n) for n in names if n)


def _names(entity: Entity) -> list[str]:
    return [entity.zh] + [text for lang, text in entity.aliases if lang == "zh"]


class Plan:
    """Entity decisions (link, new, refuse), handle and IRI assignment, and the output rows."""

    def __init__(
        self,
        cand: CandidatesFile,
        registry: Data,
        previous: dict[str, str],
        locate: Callable[[str], str],
        accept_suggestions: bool = False,
    ) -> None:
        self.cand = cand
        self.accept = accept_suggestions
        self.decisions: list[str] = []
        self.locate = locate
        self.registry = registry
        self.previous = previous
        self.problems: list[Problem] = []
        self.rename: dict[str, str] = {}
        self.linked: list[str] = []
        self.new_rows: list[dict[str, Any]] = []
        self.new_sources: list[CommentedMap] = []
        self.used_iris = {e.iri for e in registry.entities.values()}
        self.used_handles = set(registry.entities)
        self._keys: dict[str, frozenset[str]] | None = None
        for row in cand.entities:
            self._decide(row)
        if self.problems:
            raise InputErrors(self.problems)
        self._assign_iris()
        self.statement_rows = [self._statement(row) for row in cand.statements]
        self.doubt_rows = [_styled(_plain(row), "doubt") for row in cand.doubts]

    def _decide(self, row: Any) -> None:
        if not isinstance(row, Mapping) or not row.get("id") or not row.get("zh"):
            self.problems.append(self.cand.problem(row, "an entity row needs `id` and `zh`"))
            return
        link = row.get("link") or {}
        status = str(link.get("status", "new"))
        handle = str(row["id"])
        if status == "ambiguous" and self.accept and link.get("candidates"):
            self._accept_top(row, link, handle)
        elif status == "ambiguous":
            choices = ", ".join(
                f"{c.get('id')} ({self._label(str(c.get('id')))})"
                for c in link.get("candidates") or []
            )
            self.problems.append(
                self.cand.problem(
                    row,
                    f"entity '{handle}' ({row['zh']}) is ambiguous: it may be {choices}",
                    "resolve it first: set `link: {status: linked, id: <handle>}` to reuse an "
                    "entity, or `status: new` to add it",
                )
            )
        elif status == "linked":
            self._link(row, link, handle)
        elif status == "new":
            self._check_new(row, link, handle)
        else:
            self.problems.append(
                self.cand.problem(row, f"unknown link status '{status}'", f"use {STATUSES}")
            )

    def _where(self, row: Any) -> str:
        problem = self.cand.problem(row, "")
        return f"{problem.file}:{problem.line}" if problem.line else problem.file

    def _accept_top(self, row: Any, link: Mapping[str, Any], handle: str) -> None:
        """Link an ambiguous row to its top suggestion (highest confidence, then first)."""
        choices = [c for c in link.get("candidates") or [] if isinstance(c, Mapping)]
        top = max(choices, key=lambda c: float(c.get("confidence") or 0.0))
        others = ", ".join(
            f"{c.get('id')} ({self._label(str(c.get('id')))})" for c in choices if c is not top
        )
        before = len(self.problems)
        self._link(row, {"id": top.get("id")}, handle)
        if len(self.problems) == before:
            self.decisions.append(
                f"{self._where(row)}: ambiguous '{handle}' ({row['zh']}) → "
                f"linked to {top.get('id')} ({self._label(str(top.get('id')))}, confidence "
                f"{top.get('confidence')})" + (f"; not chosen: {others}" if others else "")
            )

    def _label(self, handle: str) -> str:
        entity = self.registry.entities.get(handle)
        return entity.zh if entity else "not in data/"

    def _link(self, row: Any, link: Mapping[str, Any], handle: str) -> None:
        """The registry entity a linked row names: `link.id`, else its own id, else the sole
        candidate; statements naming the row's id are rewritten to it."""
        choices = [str(c.get("id")) for c in link.get("candidates") or []]
        target = link.get("id")
        if target is None and handle in self.registry.entities:
            target = handle
        elif target is None and len(choices) == 1:
            target = choices[0]
        if target is None or str(target) not in self.registry.entities:
            self.problems.append(
                self.cand.problem(
                    row,
                    f"entity '{handle}' is marked linked but names no entity of data/ "
                    f"({target or 'no link.id'})",
                    "set `link: {status: linked, id: <handle of data/entities>}` or `status: new`",
                )
            )
            return
        self.rename[handle] = str(target)
        self.linked.append(str(target))

    def _check_new(self, row: Any, link: Mapping[str, Any], handle: str) -> None:
        distinct = {str(h) for h in link.get("distinct_from") or []}
        zh = str(row["zh"])
        aliases = [a.get("zh") for a in row.get("aliases") or [] if isinstance(a, Mapping)]
        names = {_norm(str(name)) for name in [zh, *aliases] if name}
        group = group_of(_first_type(row.get("type")))
        for entity in self.registry.entities.values():
            if entity.id in distinct:
                continue
            theirs = {_norm(n) for n in _names(entity)}
            same = names & theirs
            near = (
                max(fuzz.ratio(_norm(zh), n) for n in theirs)
                if group not in ("person", "other") and group == group_of(entity.types[0])
                else 0.0
            )
            if same or near >= NEAR_DUPLICATE:
                how = "the same label" if same else f"a near-identical label ({near:.0f}%)"
                if self.accept:
                    self.rename[handle] = entity.id
                    self.linked.append(entity.id)
                    self.decisions.append(
                        f"{self._where(row)}: new '{handle}' ({zh}) has {how} "
                        f"as '{entity.id}' ({entity.zh}) → linked to {entity.id}"
                    )
                    return
                self.problems.append(
                    self.cand.problem(
                        row,
                        f"new entity '{handle}' ({zh}) duplicates '{entity.id}' ({entity.zh}, "
                        f"{self.locate(entity.where.file)}:{entity.where.line}): {how}",
                        f"link it: `link: {{status: linked, id: {entity.id}}}`; or, if they "
                        f"differ, `link: {{status: new, distinct_from: [{entity.id}]}}`",
                    )
                )
                return
        final = handle
        n = 2
        while final in self.used_handles:
            final, n = f"{handle}-{n}", n + 1
        self.used_handles.add(final)
        self.rename[handle] = final
        out = _plain(row)
        out["id"] = final
        clashes = self._label_clashes(zh, str(row.get("en") or ""))
        if clashes:
            out["distinct_from"] = clashes
            self.decisions.append(
                f"{self._where(row)}: new '{final}' ({zh}) shares only its English label with "
                f"{', '.join(clashes)}, whose Chinese names differ → written distinct_from"
            )
        self.new_rows.append(out)
        self.new_sources.append(row)
        self._name_keys()[final] = _keys(zh, str(row.get("en") or ""))

    def _label_clashes(self, zh: str, en: str) -> list[str]:
        """Entities that share this one's English label but none of its Chinese names: two
        names that romanise alike (易泰, 宜泰 → Yitai) are two entities, not a duplicate."""
        key = name_key(en)
        if not key:
            return []
        own = name_key(zh)
        return [h for h, keys in self._name_keys().items() if key in keys and own not in keys]

    def _name_keys(self) -> dict[str, frozenset[str]]:
        """Every entity's name keys, the registry's and the new rows', each computed once."""
        if self._keys is None:
            entities = self.registry.entities.values()
            self._keys = {e.id: _keys(*_names(e), e.en) for e in entities}
        return self._keys

    def _assign_iris(self) -> None:
        """Keep the IRI an earlier ingest of this source gave a handle, else the next free one."""
        pending = []
        for row in self.new_rows:
            earlier = self.previous.get(row["id"])
            if earlier and SERIAL.match(earlier) and earlier not in self.used_iris:
                row["iri"] = earlier
                self.used_iris.add(earlier)
            else:
                pending.append(row)
        serial = max((int(m.group(1)) for i in self.used_iris if (m := SERIAL.match(i))), default=0)
        for row in pending:
            serial += 1
            row["iri"] = f"E{serial:04d}"
            self.used_iris.add(row["iri"])

    def _statement(self, row: Any) -> dict[str, Any]:
        out: dict[str, Any] = _plain(row)
        for key in ("subject", "object"):
            if isinstance(out.get(key), str):
                out[key] = self.rename.get(out[key], out[key])
        props = out.get("properties")
        if isinstance(props, dict):
            for key, value in props.items():
                if isinstance(value, str):
                    props[key] = self.rename.get(value, value)
                elif isinstance(value, list):
                    props[key] = [self.rename.get(v, v) if isinstance(v, str) else v for v in value]
        for item in out.get("components") or []:
            if isinstance(item, dict) and isinstance(item.get("item"), str):
                item["item"] = self.rename.get(item["item"], item["item"])
        return out

    def entities_yaml(self) -> str:
        rows = []
        for row in self.new_rows:
            ordered = {k: row[k] for k in ENTITY_ORDER if k in row}
            ordered |= {k: v for k, v in row.items() if k not in ordered and k not in CURATOR_KEYS}
            rows.append(_styled(ordered, "entity"))
        header = (
            f"# Entities first named by source '{self.cand.source}', added by g60kg ingest.\n"
            "# Labels in pinyin are placeholders until a curator gives the English name.\n"
        )
        return header + _dump({"entities": rows})

    def statements_yaml(self) -> str:
        doc: dict[str, Any] = {"source": self.cand.source}
        doc["statements"] = [_styled(row, "statement") for row in self.statement_rows]
        if self.doubt_rows:
            doc["doubts"] = self.doubt_rows
        header = (
            f"# Statements of source '{self.cand.source}', proposed by g60kg extract, reviewed,\n"
            "# and added by g60kg ingest. Offsets are code points into the decoded text.\n"
        )
        return header + _dump(doc)

    def line_pairs(self) -> tuple[list[tuple[Any, Any]], list[tuple[Any, Any]]]:
        """(output row index, candidates node) for statements and for entities."""
        return (
            list(enumerate(self.cand.statements)),
            list(enumerate(self.new_sources)),
        )


def _first_type(value: Any) -> str:
    return str(value[0]) if isinstance(value, list) and value else str(value or "")


def _plain(node: Any) -> Any:
    """A YAML node as plain dicts and lists (no comments or line marks carried over)."""
    if isinstance(node, Mapping):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


_FLOW_LISTS = {"mentions", "evidence", "aliases", "components", "cites", "type"}


def _styled(node: Any, kind: str) -> Any:
    """The data-format layout: spans, aliases and small mappings on one line each."""
    out = CommentedMap()
    for key, value in node.items():
        if kind == "entity" and key in CURATOR_KEYS:
            continue
        out[key] = _flow_value(key, value)
    if kind == "doubt":
        out.fa.set_flow_style()
    return out


def _flow_value(key: str, value: Any) -> Any:
    if isinstance(value, dict):
        inner = CommentedMap((k, _flow_value(k, v)) for k, v in value.items())
        if key != "properties":
            inner.fa.set_flow_style()
        return inner
    if isinstance(value, list):
        seq = CommentedSeq(_flow_value(key, v) for v in value)
        if key in _FLOW_LISTS and len(value) <= 1:
            seq.fa.set_flow_style()
        return seq
    return value


def _dump(doc: Mapping[str, Any]) -> str:
    yaml = YAML()
    yaml.width = 4096
    yaml.allow_unicode = True
    yaml.default_flow_style = False
    stream = io.StringIO()
    yaml.dump(doc, stream)
    return stream.getvalue()


def render_metadata(cand: CandidatesFile, raw: bytes, text: str, encoding: str) -> str:
    """The source metadata YAML: no clock and no absolute path, so a re-ingest is identical."""
    article = cand.article
    meta: dict[str, Any] = {"id": cand.source, "title": str(article["title"])}
    publisher = article.get("publisher")
    if isinstance(publisher, Mapping):
        labels = {k: str(publisher[k]) for k in ("zh", "en") if k in publisher}
        meta["publisher"] = CommentedMap(labels)
        meta["publisher"].fa.set_flow_style()
    if article.get("url"):
        meta["url"] = str(article["url"])
    if article.get("published"):
        meta["page_date"] = str(article["published"])
    meta["language"] = _language(text)
    if encoding != "utf-8":
        meta["encoding"] = encoding
    name = Path(str(article.get("file", "the article"))).name
    meta["retrieved"] = (
        f"Added by g60kg ingest from {name}, kept byte for byte ({encoding}); the candidates were "
        "proposed by g60kg extract and reviewed by a curator."
    )
    meta["sha256"] = hashlib.sha256(raw).hexdigest()
    return _dump(meta)


def _language(text: str) -> str:
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    changed = sum(1 for a, b in zip(text, to_simplified(text), strict=True) if a != b)
    return "zh-Hant" if han and changed / len(han) > 0.05 else "zh-Hans"

"""Add a reviewed candidates file (from `g60kg extract`) to `data/`, validated like a build.

An ingest adds one source: its text byte for byte (`data/sources/<id>.txt`, in its original
encoding, recorded in the metadata when it is not UTF-8), its metadata (`<id>.yaml`), its new
entities (`data/entities/from-<id>.yaml`) and its statements (`data/statements/<id>.yaml`), in the
format of docs/data-format.md. Curator-only keys (`link`, `confidence`, `implied` on entities,
the top-level `article` and `concepts`) are not copied. Linked entities reuse the registry's
handles; ambiguous ones must be resolved first; a new entity that is an existing one under
another spelling is refused. Everything is checked by `compile_checked` on a temporary copy of
`data/` with the additions, and written only when all of it validates. Ingesting the same file
again changes nothing.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .build import ValidationFailed, _write_atomically, compile_checked
from .errors import InputError, InputErrors, Problem
from .extract.decode import decode_article
from .extract.errors import ExtractError
from .extract.linking import group_of
from .extract.normalise import to_simplified
from .records import HANDLE, Data, Entity, read_data
from .yamlio import line_of, read_yaml

__all__ = ["IngestReport", "ingest", "source_files"]

CURATOR_KEYS = frozenset({"link", "confidence", "implied"})
ENTITY_ORDER = ("id", "iri", "type", "zh", "en", "aliases", "division_code", "mentions", "cites")
NEAR_DUPLICATE = 92.0
SERIAL = re.compile(r"^E(\d{4,})$")
STATUSES = ("new", "linked", "ambiguous")


@dataclass
class IngestReport:
    """What an ingest added (or that it found everything already there)."""

    source: str
    unchanged: bool
    written: list[Path] = field(default_factory=list)
    new_entities: list[str] = field(default_factory=list)
    linked_entities: list[str] = field(default_factory=list)
    statements: int = 0

    def summary(self) -> str:
        """One paragraph for the command line."""
        if self.unchanged:
            return (
                f"source '{self.source}' is already in data/ as this file has it: nothing changed"
            )
        lines = [f"wrote {path}" for path in self.written]
        lines.append(
            f"ingested '{self.source}': {len(self.new_entities)} new entities "
            f"({', '.join(self.new_entities) or 'none'}), {len(self.linked_entities)} linked, "
            f"{self.statements} statements"
        )
        return "\n".join(lines)


def source_files(data_dir: Path, source: str) -> dict[str, Path]:
    """The files an ingest of `source` owns in `data_dir`."""
    return {
        "text": data_dir / "sources" / f"{source}.txt",
        "meta": data_dir / "sources" / f"{source}.yaml",
        "entities": data_dir / "entities" / f"from-{source}.yaml",
        "statements": data_dir / "statements" / f"{source}.yaml",
    }


def ingest(candidates_path: Path, data_dir: Path, article_path: Path | None = None) -> IngestReport:
    """Validate `candidates_path` against `data_dir` and add it; nothing is written on failure.

    Parameters
    ----------
    candidates_path : a candidates file written by `g60kg extract` and reviewed by a curator.
    data_dir : the data folder to add to.
    article_path : the article (default: `article.file` of the candidates, beside them).

    Raises
    ------
    InputError, InputErrors
        Naming the candidates file and line (or the data file) of every problem found.
    """
    doc = read_yaml(candidates_path)
    cand = _Candidates(candidates_path, doc)
    raw, text, encoding = _article(cand, article_path)
    owned = source_files(data_dir, cand.source)
    if owned["text"].is_file() and owned["text"].read_bytes() != raw:
        raise InputError(
            candidates_path,
            line_of(doc, "source"),
            f"source id '{cand.source}' is already used by another document ({owned['text']})",
            "extract again with another --source-id",
        )
    with tempfile.TemporaryDirectory(prefix="g60kg-ingest-") as tmp:
        stage = Path(tmp) / "data"
        shutil.copytree(data_dir, stage)
        staged = source_files(stage, cand.source)
        previous = _previous_iris(staged["entities"])
        for path in staged.values():
            path.unlink(missing_ok=True)
        registry = _read_registry(stage, data_dir)
        plan = _Plan(cand, registry, previous, lambda file: _unstage_file(file, stage, data_dir))
        outputs = {
            "text": raw,
            "meta": _metadata(cand, raw, text, encoding).encode("utf-8"),
            "statements": plan.statements_yaml().encode("utf-8"),
        }
        if plan.new_rows:
            outputs["entities"] = plan.entities_yaml().encode("utf-8")
        for key, content in outputs.items():
            staged[key].parent.mkdir(parents=True, exist_ok=True)
            staged[key].write_bytes(content)
        _validate(stage, data_dir, staged, plan, candidates_path)
    report = IngestReport(
        cand.source,
        unchanged=False,
        new_entities=[str(row["id"]) for row in plan.new_rows],
        linked_entities=sorted(set(plan.linked)),
        statements=len(plan.statement_rows),
    )
    existing = {key: path.read_bytes() for key, path in owned.items() if path.is_file()}
    wanted = {key: outputs[key] for key in outputs}
    if existing == wanted:
        report.unchanged = True
        return report
    if existing:
        changed = {k for k in set(existing) | set(wanted) if existing.get(k) != wanted.get(k)}
        differ = sorted(str(owned[k]) for k in changed)
        raise InputError(
            candidates_path,
            line_of(doc, "source"),
            f"source '{cand.source}' is already in data/ and this ingest would change "
            f"{', '.join(differ)}",
            "edit data/ directly, or remove the source's files (if an earlier ingest wrote them) "
            "and ingest again",
        )
    _write_atomically({owned[key]: content for key, content in outputs.items()})
    report.written = sorted(owned[key] for key in outputs)
    return report


class _Candidates:
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
                    str(path),
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
                    Problem(str(path), line_of(doc, key), f"'{key}' has the wrong shape")
                )
        if not isinstance(self.article, Mapping) or not self.article.get("title"):
            problems.append(
                Problem(
                    str(path),
                    line_of(doc, "article"),
                    "the article has no title",
                    "add `title:` under `article:` (or pass --title to g60kg extract)",
                )
            )
        if problems:
            raise InputErrors(problems)

    def problem(self, node: Any, message: str, hint: str = "") -> Problem:
        return Problem(_display(self.path), line_of(node), message, hint)


def _display(path: Path) -> str:
    return InputError(path, None, "").problem.file


def _article(cand: _Candidates, article_path: Path | None) -> tuple[bytes, str, str]:
    """The article's bytes, its decoded text and the encoding the build will decode it with."""
    name = cand.article.get("file")
    if article_path is None and not name:
        raise InputError(
            cand.path,
            line_of(cand.article),
            "the candidates do not name their article file",
            "pass --article ARTICLE, or extract again with g60kg extract",
        )
    path = article_path or cand.path.parent / str(name)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(
            cand.path, line_of(cand.article, "file"), f"cannot read the article {path}: {exc}"
        ) from exc
    digest = cand.article.get("sha256")
    if digest and hashlib.sha256(raw).hexdigest() != digest:
        raise InputError(
            cand.path,
            line_of(cand.article, "sha256"),
            f"{path} is not the article these candidates were extracted from (sha256 differs)",
            "pass the original file with --article, or extract again",
        )
    try:
        decoded = decode_article(raw, source=str(path))
    except ExtractError as exc:
        raise InputError(path, None, exc.problem, exc.fix) from exc
    encoding = decoded.encoding
    if encoding == "utf-8" and raw.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    try:
        same = raw.decode(encoding) == decoded.text
    except (UnicodeDecodeError, LookupError):
        same = False
    if not same:
        raise InputError(
            path,
            None,
            f"the text read as {encoding} is not the text the extractor read",
            "convert the article to UTF-8 and extract it again",
        )
    return raw, decoded.text, encoding


def _previous_iris(path: Path) -> dict[str, str]:
    """Handle → IRI of the entities an earlier ingest of this source added (kept stable)."""
    if not path.is_file():
        return {}
    doc = read_yaml(path) or {}
    return {str(e["id"]): str(e["iri"]) for e in doc.get("entities") or [] if "iri" in e}


def _read_registry(stage: Path, data_dir: Path) -> Data:
    try:
        return read_data(stage)
    except InputErrors as exc:
        raise InputErrors(_unstage(p, stage, data_dir) for p in exc.problems) from exc


def _unstage(problem: Problem, stage: Path, data_dir: Path) -> Problem:
    """A problem in the staged copy, pointed at the same file in `data_dir`."""
    file = _unstage_file(problem.file, stage, data_dir)
    return Problem(file, problem.line, problem.message, problem.hint)


def _unstage_file(file: str, stage: Path, data_dir: Path) -> str:
    """A file of the staged copy as the same file of `data_dir`, for messages."""
    try:
        rel = Path(file).resolve().relative_to(stage.resolve())
    except ValueError:
        return file
    return _display(data_dir / rel)


def _norm(name: str) -> str:
    """A label for comparison: simplified, NFKC (full-width brackets), no spaces, case-folded."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", to_simplified(name))).casefold()


def _names(entity: Entity) -> list[str]:
    return [entity.zh] + [text for lang, text in entity.aliases if lang == "zh"]


class _Plan:
    """Entity decisions (link, new, refuse), handle and IRI assignment, and the output rows."""

    def __init__(
        self,
        cand: _Candidates,
        registry: Data,
        previous: dict[str, str],
        locate: Callable[[str], str],
    ) -> None:
        self.cand = cand
        self.locate = locate
        self.registry = registry
        self.previous = previous
        self.problems: list[Problem] = []
        self.rename: dict[str, str] = {}
        self.linked: list[str] = []
        self.new_rows: list[CommentedMap] = []
        self.new_sources: list[CommentedMap] = []
        self.used_iris = {e.iri for e in registry.entities.values()}
        self.used_handles = set(registry.entities)
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
        if status == "ambiguous":
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

    def _label(self, handle: str) -> str:
        entity = self.registry.entities.get(handle)
        return entity.zh if entity else "not in data/"

    def _link(self, row: Any, link: Mapping[str, Any], handle: str) -> None:
        choices = [str(c.get("id")) for c in link.get("candidates") or []]
        target = link.get("id") or (
            handle
            if handle in self.registry.entities
            else choices[0]
            if len(choices) == 1
            else None
        )
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
        self.new_rows.append(out)
        self.new_sources.append(row)

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


def _metadata(cand: _Candidates, raw: bytes, text: str, encoding: str) -> str:
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


def _line_map(generated: Any, original: Any, out: dict[int, int]) -> None:
    """Pair the lines of a written node with the lines of the candidates node it came from."""
    if isinstance(generated, CommentedMap) and isinstance(original, CommentedMap):
        _pair(out, line_of(generated), line_of(original))
        for key in generated:
            if key in original:
                _pair(out, line_of(generated, key), line_of(original, key))
                _line_map(generated[key], original[key], out)
    elif isinstance(generated, CommentedSeq) and isinstance(original, CommentedSeq):
        for i, (g, o) in enumerate(zip(generated, original, strict=False)):
            _pair(out, line_of(generated, i), line_of(original, i))
            _line_map(g, o, out)
    elif isinstance(generated, CommentedMap) and isinstance(original, CommentedSeq):
        _pair(out, line_of(generated), line_of(original))


def _pair(out: dict[int, int], generated: int | None, original: int | None) -> None:
    if generated is not None and original is not None:
        out.setdefault(generated, original)


def _validate(
    stage: Path, data_dir: Path, staged: dict[str, Path], plan: _Plan, candidates: Path
) -> None:
    """Run the build's checks on the staged copy; report problems where the curator can fix them."""
    try:
        compile_checked(stage)
    except InputErrors as exc:
        maps = _staged_line_maps(staged, plan)
        problems = []
        for problem in exc.problems:
            target = _mapped(problem, maps, candidates)
            problems.append(target or _unstage(problem, stage, data_dir))
        raise InputErrors(problems) from exc
    except ValidationFailed as exc:
        raise InputErrors(
            Problem(
                _display(candidates), _line_of_iri(p, plan), f"the graph would break a check: {p}"
            )
            for p in exc.problems
        ) from exc


def _line_of_iri(message: str, plan: _Plan) -> int | None:
    """The candidates line of the statement or new entity a shape or check message names."""
    claim = re.search(rf"/claim/{re.escape(plan.cand.source)}/([a-z0-9-]+)", message)
    if claim:
        for row in plan.cand.statements:
            if isinstance(row, Mapping) and str(row.get("id")) == claim.group(1):
                return line_of(row)
    entity = re.search(r"/id/(E\d+)\b", message)
    if entity:
        for row, original in zip(plan.new_rows, plan.new_sources, strict=True):
            if row["iri"] == entity.group(1):
                return line_of(original)
    return None


def _staged_line_maps(staged: dict[str, Path], plan: _Plan) -> dict[Path, dict[int, int]]:
    statement_pairs, entity_pairs = plan.line_pairs()
    maps: dict[Path, dict[int, int]] = {}
    for key, list_key, pairs in (
        ("statements", "statements", statement_pairs),
        ("entities", "entities", entity_pairs),
    ):
        if not staged[key].is_file():
            continue
        written = read_yaml(staged[key]).get(list_key) or []
        lines: dict[int, int] = {}
        for index, original in pairs:
            if index < len(written):
                _line_map(written[index], original, lines)
        maps[staged[key].resolve()] = lines
    return maps


def _mapped(problem: Problem, maps: dict[Path, dict[int, int]], candidates: Path) -> Problem | None:
    lines = maps.get(Path(problem.file).resolve())
    if lines is None:
        return None
    line = lines.get(problem.line) if problem.line else None
    if line is None and problem.line:
        earlier = [g for g in lines if g <= problem.line]
        line = lines[max(earlier)] if earlier else None
    return Problem(_display(candidates), line, problem.message, problem.hint)

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
import re
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..errors import InputError, InputErrors, Problem
from ..extract.decode import decode_article
from ..extract.errors import ExtractError
from ..output import write_all
from ..project import Project
from ..rdf.build import ValidationFailed, compile_checked
from ..records.read import Data, read_data
from ..records.yamlio import line_of, read_yaml
from .curate import CandidatesFile, Plan, display, render_metadata

__all__ = ["IngestReport", "ingest", "source_files"]


@dataclass
class IngestReport:
    """What an ingest added (or that it found everything already there)."""

    source: str
    unchanged: bool
    written: list[Path] = field(default_factory=list)
    new_entities: list[str] = field(default_factory=list)
    linked_entities: list[str] = field(default_factory=list)
    statements: int = 0
    decisions: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One paragraph for the command line, after every decision taken for the curator."""
        decided = [f"decided: {d}" for d in self.decisions]
        if self.unchanged:
            return "\n".join(
                [
                    *decided,
                    f"source '{self.source}' is already in data/ as this file has it: "
                    "nothing changed",
                ]
            )
        lines = decided + [f"wrote {path}" for path in self.written]
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


def ingest(
    candidates_path: Path,
    data_dir: Path,
    article_path: Path | None = None,
    accept_suggestions: bool = False,
) -> IngestReport:
    """Validate `candidates_path` against `data_dir` and add it; nothing is written on failure.

    Parameters
    ----------
    candidates_path : a candidates file written by `g60kg extract` and reviewed by a curator.
    data_dir : the data folder to add to.
    article_path : the article (default: `article.file` of the candidates, beside them).
    accept_suggestions : link each ambiguous entity to its top suggestion, and each new entity
        that has the label of an existing one to it, instead of refusing; every such decision
        is listed in the report.

    Raises
    ------
    InputError, InputErrors
        Naming the candidates file and line (or the data file) of every problem found.
    """
    doc = read_yaml(candidates_path)
    cand = CandidatesFile(candidates_path, doc)
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
        plan = Plan(
            cand,
            registry,
            previous,
            lambda file: _unstage_file(file, stage, data_dir),
            accept_suggestions,
        )
        outputs = {
            "text": raw,
            "meta": render_metadata(cand, raw, text, encoding).encode("utf-8"),
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
        decisions=plan.decisions,
    )
    existing = {key: path.read_bytes() for key, path in owned.items() if path.is_file()}
    if existing == outputs:
        report.unchanged = True
        return report
    if existing:
        changed = {k for k in set(existing) | set(outputs) if existing.get(k) != outputs.get(k)}
        differ = sorted(str(owned[k]) for k in changed)
        raise InputError(
            candidates_path,
            line_of(doc, "source"),
            f"source '{cand.source}' is already in data/ and this ingest would change "
            f"{', '.join(differ)}",
            "edit data/ directly, or remove the source's files (if an earlier ingest wrote them) "
            "and ingest again",
        )
    write_all({owned[key]: content for key, content in outputs.items()})
    report.written = sorted(owned[key] for key in outputs)
    return report


def _article(cand: CandidatesFile, article_path: Path | None) -> tuple[bytes, str, str]:
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
    return display(data_dir / rel)


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
    stage: Path, data_dir: Path, staged: dict[str, Path], plan: Plan, candidates: Path
) -> None:
    """Run the build's checks on the staged copy; report problems where the curator can fix them."""
    try:
        compile_checked(stage, onto_dir=Project(data_dir.resolve()).ontology_dir)
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
                display(candidates), _line_of_iri(p, plan), f"the graph would break a check: {p}"
            )
            for p in exc.problems
        ) from exc


def _line_of_iri(message: str, plan: Plan) -> int | None:
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


def _staged_line_maps(staged: dict[str, Path], plan: Plan) -> dict[Path, dict[int, int]]:
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
    return Problem(display(candidates), line, problem.message, problem.hint)

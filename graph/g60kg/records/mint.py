"""Give new entities their persistent IRI, so curators never type one.

An entity written without `iri:` gets the next free serial of its area's block (the folder below
`data/entities/`, see docs/curation.md), never one retired in `data/retired-iris.yaml`; an
administrative unit with a `division_code` gets `adm-<code>`. The line `iri: …` is inserted into
the file right after the entity's `id:` line, so comments and layout stay as the curator wrote
them. Once written, an IRI never changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..output import write_text
from .retired import retired_iris
from .yamlio import line_of, read_yaml

__all__ = ["AREA_BLOCKS", "Minted", "mint_iris"]

AREA_BLOCKS: dict[str, range] = {
    "corridor": range(1000, 1500),
    "songjiang": range(1500, 2000),
    "hangzhou": range(2000, 2500),
    "huzhou": range(2500, 3000),
    "jiaxing": range(3000, 3500),
    "jinhua": range(3500, 4000),
    "suzhou": range(4000, 5000),
    "hefei": range(5000, 5500),
    "wuhu": range(5500, 5800),
    "xuancheng": range(5800, 6000),
}
"""Serial blocks per area folder; top-level files draw from E0001–E0999."""
DEFAULT_BLOCK = range(1, 1000)
SERIAL = re.compile(r"^E(\d{4,})$")


@dataclass(frozen=True)
class Minted:
    """One IRI given to one entity."""

    file: Path
    line: int
    id: str
    iri: str


def _entity_files(entities_dir: Path) -> list[Path]:
    return sorted(entities_dir.rglob("*.yaml")) if entities_dir.is_dir() else []


def _block(entities_dir: Path, path: Path) -> range:
    area = path.relative_to(entities_dir).parts[0] if path.parent != entities_dir else ""
    return AREA_BLOCKS.get(area, DEFAULT_BLOCK)


def _entities(doc: Any) -> list[Any]:
    return list(doc.get("entities") or []) if isinstance(doc, dict) else []


def mint_iris(data_dir: Path) -> list[Minted]:
    """Insert an `iri:` for every entity under `data_dir/entities` that has none.

    Returns what was minted; files without new entities are not touched.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "entities" / "hefei").mkdir(parents=True)
    >>> _ = (root / "entities" / "hefei" / "sites.yaml").write_text(
    ...     "entities:\\n  - id: a-site\\n    type: IndustrialPark\\n", encoding="utf-8")
    >>> [m.iri for m in mint_iris(root)]
    ['E5000']
    >>> "    iri: E5000" in (root / "entities" / "hefei" / "sites.yaml").read_text(encoding="utf-8")
    True

    A one-line entity keeps its one line:

    >>> _ = (root / "entities" / "hefei" / "firms.yaml").write_text(
    ...     "entities:\\n  - {id: a-firm, type: Company}\\n", encoding="utf-8")
    >>> [m.iri for m in mint_iris(root)]
    ['E5001']
    >>> (root / "entities" / "hefei" / "firms.yaml").read_text(encoding="utf-8").splitlines()[1]
    '  - {iri: E5001, id: a-firm, type: Company}'
    """
    entities_dir = data_dir / "entities"
    docs = {path: read_yaml(path) for path in _entity_files(entities_dir)}
    used = {
        int(m.group(1))
        for doc in docs.values()
        for node in _entities(doc)
        if (m := SERIAL.match(str(node.get("iri", ""))))
    }
    # a retired serial (data/retired-iris.yaml) once named a withdrawn entity: never reused
    used |= {int(m.group(1)) for iri in retired_iris(data_dir) if (m := SERIAL.match(iri))}
    taken = {
        str(node["iri"]): (path, line_of(node, "iri") or line_of(node))
        for path, doc in docs.items()
        for node in _entities(doc)
        if node.get("iri")
    }
    minted: list[Minted] = []
    pending: dict[Path, list[tuple[int, int, str]]] = {}
    for path, doc in docs.items():
        block = _block(entities_dir, path)
        inserts: list[tuple[int, int, str]] = []
        for node in _entities(doc):
            if node.get("iri") or "id" not in node:
                continue
            code = node.get("division_code")
            if code:
                iri = f"adm-{code}"
                if iri in taken:
                    where, at = taken[iri]
                    raise InputError(
                        path,
                        line_of(node, "division_code") or line_of(node),
                        f"division code {code} is already the iri of an entity at {where}:{at}",
                        "check the code; if it is the same place, describe it in one file only",
                    )
                taken[iri] = (path, line_of(node) or 0)
            else:
                free = next((n for n in block if n not in used), None)
                if free is None:
                    raise InputError(
                        path,
                        line_of(node),
                        f"no free serial left in {block.start}–{block.stop - 1}",
                        "widen the area's block in g60kg.records.mint.AREA_BLOCKS",
                    )
                used.add(free)
                iri = f"E{free:04d}"
            line = line_of(node, "id") or 0
            # a one-line entity `{id: x, …}` gets `iri: …, ` before its id, a block one a new line
            column = int(node.lc.key("id")[1]) if node.fa.flow_style() else -1
            inserts.append((line, column, iri))
            minted.append(Minted(path, line, str(node["id"]), iri))
        if inserts:
            pending[path] = inserts
    for path, inserts in pending.items():  # written only once every entity has its iri
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        for line, column, iri in sorted(inserts, reverse=True):
            id_line = lines[line - 1]
            if column >= 0:
                lines[line - 1] = f"{id_line[:column]}iri: {iri}, {id_line[column:]}"
                continue
            indent = len(id_line) - len(id_line.lstrip(" -"))
            lines.insert(line, " " * indent + f"iri: {iri}\n")
        write_text(path, "".join(lines))
    return minted

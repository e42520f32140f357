"""Is the built dataset up to date? A content hash of its inputs, recorded beside the build.

The inputs are every file of `data/`, of the ontology in force and the code that compiles them
(`records/`, `rdf/`). `g60kg build` writes `build/g60kg.json` with their hash; `load()` and the
commands reuse `build/g60kg.nq` while the hash still matches, and rebuild when it does not. The
check first compares sizes and modification times (a stat per file) and hashes contents only
when those moved, so an unchanged project costs a few milliseconds.

>>> from g60kg.project import require_project
>>> len(Inputs.of(require_project()).content) == 64
True
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .. import __version__
from ..project import Project

__all__ = [
    "MANIFEST_NAME",
    "NQUADS_NAME",
    "TRIG_NAME",
    "Inputs",
    "built_dataset",
    "is_fresh",
    "read_manifest",
    "write_manifest",
]

NQUADS_NAME = "g60kg.nq"
TRIG_NAME = "g60kg.trig"
MANIFEST_NAME = "g60kg.json"
_CODE = Path(__file__).resolve().parents[1]


def _files(folder: Path, label: str) -> Iterator[tuple[str, Path]]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not any(p.startswith(".") for p in path.relative_to(folder).parts):
            yield f"{label}/{path.relative_to(folder).as_posix()}", path


@dataclass(frozen=True)
class Inputs:
    """The files a build reads, by a stable name (`data/…`, `ontology/…`, `code/…`)."""

    files: tuple[tuple[str, Path], ...]

    @classmethod
    def of(cls, project: Project) -> Inputs:
        found = [
            *_files(project.data_dir, "data"),
            *_files(project.ontology_dir, "ontology"),
            *((n, p) for n, p in _files(_CODE, "code") if p.suffix == ".py" and _compiles(n)),
        ]
        return cls(tuple(found))

    @cached_property
    def stamp(self) -> str:
        """Hash of names, sizes and modification times: cheap, changes whenever a file does."""
        digest = hashlib.sha256(__version__.encode())
        for name, path in self.files:
            stat = path.stat()
            digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
        return digest.hexdigest()

    @cached_property
    def content(self) -> str:
        """Hash of names and contents: what decides whether a build is still valid."""
        digest = hashlib.sha256(__version__.encode())
        for name, path in self.files:
            digest.update(f"{name}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        return digest.hexdigest()


def _compiles(name: str) -> bool:
    return name.startswith(("code/records/", "code/rdf/")) or name in (
        "code/errors.py",
        "code/pinyin.py",  # the pinyin labels of the build
    )


def read_manifest(build_dir: Path) -> dict[str, str]:
    """The manifest recorded beside a build (empty when missing or unreadable)."""
    try:
        found = json.loads((build_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def manifest_bytes(inputs: Inputs, quads: int) -> bytes:
    """The manifest of a build from `inputs` holding `quads` quads."""
    record = {"version": __version__, "content": inputs.content, "stamp": inputs.stamp}
    record["quads"] = str(quads)
    return (json.dumps(record, indent=2, sort_keys=True) + "\n").encode()


def write_manifest(build_dir: Path, inputs: Inputs, quads: int) -> None:
    """Record (again) that the build in `build_dir` was made from `inputs`."""
    from ..output import write_bytes

    write_bytes(build_dir / MANIFEST_NAME, manifest_bytes(inputs, quads))


def is_fresh(build_dir: Path, nquads: Path, inputs: Inputs) -> bool:
    """Whether `nquads` in `build_dir` was built from exactly `inputs`."""
    recorded = read_manifest(build_dir)
    if not nquads.is_file() or not recorded:
        return False
    if recorded.get("stamp") == inputs.stamp:
        return True
    if recorded.get("content") != inputs.content:
        return False
    with contextlib.suppress(OSError):  # same contents, files touched: keep the new times
        write_manifest(build_dir, inputs, int(recorded.get("quads", "0")))
    return True


def built_dataset(project: Project, say: Callable[[str], None]) -> Path:
    """The project's `build/g60kg.nq`, rebuilt first (and `say` told) when it is stale."""
    nquads = project.build_dir / NQUADS_NAME
    inputs = Inputs.of(project)
    if is_fresh(project.build_dir, nquads, inputs):
        return nquads
    why = "no build yet" if not nquads.is_file() else "data/ or the ontology changed"
    say(f"{why}: building {project.build_dir} from {project.data_dir}")
    from .build import build

    result = build(project.data_dir, project.build_dir)
    say(f"wrote {', '.join(p.name for p in result.files)} in {project.build_dir}")
    return nquads

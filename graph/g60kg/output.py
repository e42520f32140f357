"""Write output files atomically: a reader never sees a partial file.

Everything g60kg writes (builds, candidates, ingested records, HTML, pictures, exports) is
rendered in memory first and then written through these helpers: each file to a temporary file
beside its destination, renamed over it only when every file of the batch is complete. One
rule everywhere: missing parent folders are created; a file or folder in the way, or a folder
that cannot be written, is an `OutputError`. An error leaves the destinations as they were, no
temporary file and no folder created for them.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .errors import OutputError

__all__ = [
    "OutputError",
    "check_output_path",
    "write_all",
    "write_bytes",
    "write_files",
    "write_text",
]


def check_output_path(path: Path | str) -> Path:
    """Return `path` as a `Path` after checking that a file can be written there (its missing
    parent folders would be created).

    >>> check_output_path("pyproject.toml/new/graph.html")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    g60kg.errors.OutputError: cannot write pyproject.toml/new/graph.html: pyproject.toml is a ...
    """
    out = Path(path)
    if out.is_dir():
        raise OutputError(f"cannot write {out}: it is a folder")
    existing = out.parent
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise OutputError(f"cannot write {out}: {existing} is a file, not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {out}: the folder {existing} is not writable")
    return out


def _make_folders(folder: Path) -> list[Path]:
    """Create `folder` and its missing parents; return the ones created, outermost first."""
    missing = [f for f in (folder, *folder.parents) if not f.exists()][::-1]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"cannot create the folder {folder}: {err.strerror}") from err
    return missing


def _stage(folder: Path, name: str, data: bytes) -> str:
    """Write `data` in full to a new temporary file in `folder` and return its path."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise OutputError(f"cannot write {folder / name}: {err.strerror}") from err
    try:
        with open(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


def write_all(outputs: Mapping[Path, bytes]) -> list[Path]:
    """Write every file of `outputs` atomically, all or none; return their paths in order."""
    finals = [check_output_path(path) for path in outputs]
    created: list[Path] = []
    staged: list[tuple[str, Path]] = []
    try:
        for final, data in zip(finals, outputs.values(), strict=True):
            created += _make_folders(final.parent)
            staged.append((_stage(final.parent, final.name, data), final))
    except BaseException:
        for tmp, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        for folder in reversed(created):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    for tmp, final in staged:
        os.replace(tmp, final)
    return finals


def write_bytes(path: Path | str, data: bytes) -> Path:
    """Write `data` to `path` atomically and return the path."""
    return write_all({Path(path): data})[0]


def write_text(path: Path | str, text: str) -> Path:
    """Write `text` to `path` as UTF-8, atomically, whatever the locale; return the path."""
    return write_bytes(path, text.encode("utf-8"))


def write_files(folder: Path | str, files: Mapping[str, bytes]) -> list[Path]:
    """Write several files into `folder` (created if missing), all or none."""
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise OutputError(f"cannot write into {out}: it is a file, not a folder")
    return write_all({out / name: data for name, data in files.items()})

"""Write output files atomically: a reader never sees a partial file.

Every view of g60kg (HTML, pictures, exports) renders its output in memory first and then
writes it through these helpers: to a temporary file beside the destination, renamed over it
only when complete.
An error leaves the destination as it was and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .errors import G60Error

__all__ = ["OutputError", "check_output_path", "write_bytes", "write_files", "write_text"]


class OutputError(G60Error, OSError):
    """The output path cannot be written: a missing or unwritable folder, or a folder in the way."""


def check_output_path(path: Path | str) -> Path:
    """Return `path` as a `Path` after checking that a file can be written there.

    >>> check_output_path("/no/such/graph.html")
    Traceback (most recent call last):
    ...
    g60kg.output.OutputError: cannot write /no/such/graph.html: the folder /no/such does not exist
    """
    out = Path(path)
    folder = out.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {out}: the folder {folder} does not exist")
    if out.is_dir():
        raise OutputError(f"cannot write {out}: it is a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {out}: the folder {folder} is not writable")
    return out


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


def write_bytes(path: Path | str, data: bytes) -> Path:
    """Write `data` to `path` atomically and return the path."""
    out = check_output_path(path)
    tmp = _stage(out.parent, out.name, data)
    try:
        os.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return out


def write_text(path: Path | str, text: str) -> Path:
    """Write `text` to `path` as UTF-8, atomically, whatever the locale; return the path."""
    return write_bytes(path, text.encode("utf-8"))


def write_files(folder: Path | str, files: Mapping[str, bytes]) -> list[Path]:
    """Write several files into `folder` (created if missing), all or none.

    Every file is first written in full under a temporary name; only then are they renamed.
    """
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise OutputError(f"cannot write into {out}: it is a file, not a folder")
    if not out.parent.is_dir():
        raise OutputError(f"cannot write into {out}: the folder {out.parent} does not exist")
    created = not out.exists()
    try:
        out.mkdir(exist_ok=True)
    except OSError as err:
        raise OutputError(f"cannot create the folder {out}: {err.strerror}") from err
    staged: list[tuple[str, Path]] = []
    try:
        for name, data in files.items():
            final = check_output_path(out / name)
            staged.append((_stage(out, name, data), final))
    except BaseException:
        for tmp, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        if created:
            with contextlib.suppress(OSError):
                out.rmdir()
        raise
    for tmp, final in staged:
        os.replace(tmp, final)
    return [final for _, final in staged]

"""Add a reviewed candidates file to `data/`: the curator's decisions (`curate`), checked and
written all or nothing (`apply`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from .apply import IngestReport, ingest, source_files

__all__ = [
    "IngestReport",
    "ingest",
    "source_files",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "IngestReport": "apply",
        "ingest": "apply",
        "source_files": "apply",
    },
)

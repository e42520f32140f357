"""Sources and statements as records: read from `data/` (`read`), checked against each other
(`checks`) and against their documents (`evidence`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from .read import Data, Doubt, Entity, Reference, Source, Span, Statement, Where, read_data

__all__ = [
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

__getattr__ = lazy_exports(
    __name__,
    {
        "Data": "read",
        "Doubt": "read",
        "Entity": "read",
        "Reference": "read",
        "Source": "read",
        "Span": "read",
        "Statement": "read",
        "Where": "read",
        "read_data": "read",
    },
)

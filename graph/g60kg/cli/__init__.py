"""The `g60kg` command line: `root` holds the group and the build commands; one module per
command group (`query`, `view`, `serve`, `extract`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from .root import main

__all__ = [
    "main",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "main": "root",
    },
)

"""Lazy re-exports: a package names what it offers and imports a module only when asked.

A package's `__init__` maps each public name to the module that defines it; `import g60kg.sparql`
then costs nothing until a name is used, and packages that import each other never meet
half-initialised.

>>> getattr_ = lazy_exports("g60kg.records", {"read_data": "read"})
>>> getattr_("read_data").__name__
'read_data'
>>> getattr_("nothing")
Traceback (most recent call last):
AttributeError: module 'g60kg.records' has no attribute 'nothing'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(package: str, exports: Mapping[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package` that finds `name` in the module `exports[name]`."""

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{module}"), name)

    return __getattr__

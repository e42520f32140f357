"""g60kg: an evidence-backed knowledge graph of the G60 science and technology corridor.

>>> import g60kg
>>> kg = g60kg.load()
>>> kg.nx.nodes["https://w3id.org/g60kg/id/adm-310117106"]["label_zh"]
'洞泾镇'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_exports
from .errors import (
    AmbiguousEntity,
    EntityNotFound,
    G60Error,
    InputError,
    InputErrors,
    NoPath,
    QueryError,
    QueryRefused,
    QuerySyntaxError,
    UnknownName,
)

if TYPE_CHECKING:
    from .kg import KnowledgeGraph, load
    from .rdf.build import build

__all__ = [
    "AmbiguousEntity",
    "EntityNotFound",
    "G60Error",
    "InputError",
    "InputErrors",
    "KnowledgeGraph",
    "NoPath",
    "QueryError",
    "QueryRefused",
    "QuerySyntaxError",
    "UnknownName",
    "build",
    "load",
]
__version__ = "0.1.0"

__getattr__ = lazy_exports(__name__, {"KnowledgeGraph": "kg", "load": "kg", "build": "rdf.build"})

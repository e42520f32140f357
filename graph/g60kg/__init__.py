"""g60kg: an evidence-backed knowledge graph of the G60 science and technology corridor.

>>> import g60kg
>>> kg = g60kg.load()
>>> kg.nx.nodes["https://w3id.org/g60kg/id/adm-310117106"]["label_zh"]
'洞泾镇'
"""

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

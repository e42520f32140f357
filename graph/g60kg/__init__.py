"""g60kg: an evidence-backed knowledge graph of the G60 science and technology corridor.

>>> import g60kg
>>> kg = g60kg.load()
>>> kg.nx.nodes["https://w3id.org/g60kg/id/adm-310117106"]["label_zh"]
'洞泾镇'
"""

from .build import build
from .errors import G60Error, InputError, InputErrors
from .kg import KnowledgeGraph, load

__all__ = ["G60Error", "InputError", "InputErrors", "KnowledgeGraph", "build", "load"]
__version__ = "0.1.0"

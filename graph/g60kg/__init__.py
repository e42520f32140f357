"""g60kg: an evidence-backed knowledge graph of the G60 science and technology corridor."""

__version__ = "0.1.0"

"""g60kg: an evidence-backed knowledge graph of the G60 Science and Technology Innovation Corridor."""

__version__ = "0.1.0"

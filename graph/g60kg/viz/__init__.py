"""Views of the graph for people: an interactive HTML page and static pictures."""

from g60kg.viz.html import LARGE_GRAPH, render_html, write_html
from g60kg.viz.select import UnknownEntityError, UnknownTypeError, resolve_entity, select

__all__ = [
    "LARGE_GRAPH",
    "UnknownEntityError",
    "UnknownTypeError",
    "render_html",
    "resolve_entity",
    "select",
    "write_html",
]

"""Views of the graph for people: an interactive HTML page and static pictures."""

from g60kg.viz.html import LARGE_GRAPH, iframe_html, render_html, write_html
from g60kg.viz.select import UnknownEntityError, UnknownTypeError, resolve_entity, select
from g60kg.viz.static import MissingFontError, render_image, write_image

__all__ = [
    "LARGE_GRAPH",
    "MissingFontError",
    "UnknownEntityError",
    "UnknownTypeError",
    "iframe_html",
    "render_html",
    "render_image",
    "resolve_entity",
    "select",
    "write_html",
    "write_image",
]

"""Keep the words of a picture readable: wrapped, inside the plot, and not on top of each other.

matplotlib measures every text with its renderer (`Text.get_window_extent`); the plot's limits
are widened until each name drawn beside a node at the edge of the graph lies inside the axes,
and in overviews a name that would cover one already placed is left out.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence

from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

__all__ = ["drop_overlapping", "fit_texts", "renderer_of", "texts_of", "wrap_label"]

WRAP_EN = 24
"""Characters per line of an English name (wrapped at spaces)."""
WRAP_ZH = 12
"""Characters per line of a Chinese name (a Chinese character is about two Latin ones wide)."""
PAD = 3.0
"""Pixels kept free between a name and the edge of the plot or another name."""


def wrap_label(text: str, lang: str) -> str:
    """Break a long name into lines: at spaces in English, every `WRAP_ZH` characters in Chinese.

    >>> wrap_label("Implementation Measures on Support and Rewards for Industry", "en")
    'Implementation Measures\\non Support and Rewards\\nfor Industry'
    >>> wrap_label("长三角G60科创走廊洞泾人工智能产业基地", "zh")
    '长三角G60科创走廊洞泾\\n人工智能产业基地'
    """
    if lang == "en" or " " in text.strip():
        return "\n".join(textwrap.wrap(text, WRAP_EN, break_on_hyphens=False)) or text
    return "\n".join(text[i : i + WRAP_ZH] for i in range(0, len(text), WRAP_ZH)) or text


def renderer_of(figure: Figure) -> RendererBase:
    """Lay the figure out (constrained layout included) and return the renderer that measures."""
    figure.draw_without_rendering()
    return figure.canvas.get_renderer()  # type: ignore[attr-defined,no-any-return]


def texts_of(axes: Axes) -> list[Text]:
    """The visible, non-empty texts drawn in the plot of `axes` (not its title)."""
    titles = {axes.title, axes._left_title, axes._right_title}  # type: ignore[attr-defined]
    return [
        a
        for a in axes.get_children()
        if isinstance(a, Text) and a not in titles and a.get_visible() and a.get_text().strip()
    ]


def _overflow(box: Bbox, extents: Sequence[Bbox]) -> tuple[float, float, float, float]:
    union = Bbox.union(list(extents))
    return (
        max(0.0, box.x0 + PAD - union.x0),
        max(0.0, union.x1 - box.x1 + PAD),
        max(0.0, box.y0 + PAD - union.y0),
        max(0.0, union.y1 - box.y1 + PAD),
    )


def fit_texts(figure: Figure, axes: Axes, *, rounds: int = 12) -> None:
    """Widen the limits of `axes` until every text of its plot lies inside it.

    A name's size is fixed in pixels while the data it stands beside moves inwards as the limits
    grow, so a few rounds settle it.
    """
    for _ in range(rounds):
        renderer = renderer_of(figure)
        texts = texts_of(axes)
        if not texts:
            return
        box = axes.get_window_extent(renderer)
        left, right, bottom, top = _overflow(box, [t.get_window_extent(renderer) for t in texts])
        if left + right + bottom + top == 0:
            return
        (x0, x1), (y0, y1) = axes.get_xlim(), axes.get_ylim()
        per_x, per_y = (x1 - x0) / box.width, (y1 - y0) / box.height
        axes.set_xlim(x0 - 1.1 * left * per_x, x1 + 1.1 * right * per_x)
        axes.set_ylim(y0 - 1.1 * bottom * per_y, y1 + 1.1 * top * per_y)


def drop_overlapping(
    figure: Figure, texts: Iterable[Text], *, kept: Iterable[Text] = ()
) -> list[Text]:
    """Keep the texts, in the order given (most important first), that cover no text kept
    before them nor any of `kept` (kept whatever they cover); remove the others from the figure.
    Return the texts of `texts` kept."""
    renderer = renderer_of(figure)
    chosen: list[Text] = []
    boxes = [text.get_window_extent(renderer).padded(PAD) for text in kept]
    for text in texts:
        box = text.get_window_extent(renderer).padded(PAD)
        if any(box.overlaps(other) for other in boxes):
            text.remove()
            continue
        chosen.append(text)
        boxes.append(box)
    return chosen

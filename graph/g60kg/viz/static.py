"""Static pictures of (part of) the graph for reports: PNG or SVG, drawn with matplotlib.

Chinese labels need a CJK font: it is looked up through fontconfig (`fc-match`), else among the
fonts matplotlib knows; Debian's fonts-noto-cjk provides Noto Sans CJK SC. SVG text is drawn as
paths, so the picture looks the same where the font is not installed.
"""

from __future__ import annotations

import io
import math
import shutil
import subprocess
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import matplotlib
import networkx as nx
from matplotlib import font_manager, patheffects
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from g60kg.errors import MissingFontError
from g60kg.output import check_output_path, write_bytes
from g60kg.viz.fit import drop_overlapping, fit_texts, wrap_label
from g60kg.viz.labels import check_language, class_label, default_title, label_of, local_name
from g60kg.viz.layout import spread_layout
from g60kg.viz.places import members, place_layout
from g60kg.viz.select import select, shows_concepts
from g60kg.viz.style import Style, node_size, style_of

__all__ = [
    "FORMATS",
    "LABELLED",
    "OVERVIEW_LABELS",
    "MissingFontError",
    "cjk_font",
    "render_figure",
    "render_image",
    "write_image",
]

FORMATS = ("png", "svg")
LABELLED = 60
"""Up to this many entities a picture names every entity, and every link whose name covers no
other name; larger ones are overviews."""
OVERVIEW_LABELS = 40
"""An overview (and a map) names the corridor's members (and on a map every city) and then at most
this many other entities: the most linked first (ties by IRI), leaving out an entity without links
and any name that would cover a name already placed."""
HALO = [patheffects.withStroke(linewidth=2.5, foreground="white")]
"""A white outline that keeps a name readable over the markers of a crowded group."""
LEGEND_ROWS = 30
"""A legend with more classes than this is set in two columns."""
_PREFERRED = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Noto Sans CJK JP")


def _fontconfig_font() -> tuple[str, Path] | None:
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    answer = subprocess.run(
        [fc_match, "-f", "%{family}|%{file}", "sans-serif:lang=zh-cn"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    ).stdout
    family, _, file = answer.partition("|")
    if not file or not Path(file).exists() or ("CJK" not in family and "Hei" not in family):
        return None
    return family.split(",")[0], Path(file)


@cache
def cjk_font() -> tuple[str, Path]:
    """Return the family name and file of the font used for Chinese text.

    Raises MissingFontError when none is installed (on Debian: apt-get install fonts-noto-cjk).
    """
    found = _fontconfig_font()
    if found is not None:
        font_manager.fontManager.addfont(str(found[1]))
        return found
    for attempt in range(2):
        known = {entry.name: Path(entry.fname) for entry in font_manager.fontManager.ttflist}
        for family in _PREFERRED:
            if family in known:
                return family, known[family]
        if attempt == 0:  # matplotlib's font cache may predate the font's installation
            for file in font_manager.findSystemFonts():
                if "CJK" in file or "wqy" in file.lower():
                    font_manager.fontManager.addfont(file)
    raise MissingFontError("no font with Chinese glyphs found; install fonts-noto-cjk")


def _spring(H: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    layout = nx.spring_layout(nx.Graph(H.to_undirected()), seed=60, iterations=200)
    return {str(n): (float(x), float(y)) for n, (x, y) in layout.items()}


def _overview_positions(
    H: nx.MultiDiGraph,
) -> tuple[dict[str, tuple[float, float]], dict[str, tuple[float, float]]]:
    """Grouped by member city when `H` has the corridor's members, else spread out; with the
    nodes whose names are always shown (the members) and where: above their group."""
    grouped = place_layout(H)
    if grouped is None:
        if H.number_of_nodes() >= 300:
            return {str(n): p for n, p in spread_layout(H).items()}, {}
        return _spring(H), {}
    pos, groups = grouped
    tops: dict[str, float] = {}
    for node, group in groups.items():
        if group:
            tops[group] = max(tops.get(group, pos[group][1]), pos[node][1])
    return pos, {member: (pos[member][0], top) for member, top in tops.items()}


def _legend(figure: Figure, H: nx.MultiDiGraph, lang: str, family: str) -> None:
    """One entry per class, in a band to the right of the plot (never on top of it)."""
    styles: dict[str, Style] = {}
    for _, data in H.nodes(data=True):
        style = style_of(list(data.get("types") or [data.get("type") or ""]))
        styles.setdefault(class_label(H, str(data.get("type") or "Thing"), lang), style)
    handles = [
        Line2D(
            [],
            [],
            linestyle="",
            marker=s.marker,
            color=s.color,
            markeredgecolor="#333333",
            markersize=8,
            label=name,
        )
        for name, s in sorted(styles.items())
    ]
    if handles:
        figure.legend(
            handles=handles,
            loc="outside right upper",
            frameon=False,
            ncols=1 if len(handles) <= LEGEND_ROWS else 2,
            prop={"family": family, "size": 8},
        )


def _draw(H: nx.MultiDiGraph, lang: str, title: str, family: str, dpi: int) -> Figure:
    figure = Figure(figsize=(12, 9), dpi=dpi, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.set_axis_off()
    axes.set_title(title, fontfamily=family, fontsize=14)
    is_map = H.number_of_nodes() > 0 and all("lat" in d for _, d in H.nodes(data=True))
    detailed = not is_map and H.number_of_nodes() <= LABELLED
    always: dict[str, tuple[float, float]] = {}
    if is_map:
        pos = {str(n): (float(d["lon"]), float(d["lat"])) for n, d in H.nodes(data=True)}
        cities = {str(n) for n, d in H.nodes(data=True) if d.get("type") == "City"}
        always = {n: pos[n] for n in sorted(cities | set(members(H)))}
        mean_lat = sum(lat for _, lat in pos.values()) / len(pos)
        # keep distances true: a degree of longitude is shorter than one of latitude
        axes.set_aspect(1 / math.cos(math.radians(mean_lat)))
    elif detailed:
        pos = _spring(H)
    else:
        pos, always = _overview_positions(H)
    groups: dict[Style, list[str]] = {}
    for node, data in H.nodes(data=True):
        groups.setdefault(style_of(list(data.get("types") or [data.get("type") or ""])), []).append(
            node
        )
    scale = 0.25 if is_map else 1.0 if detailed else min(1.0, max(0.06, 24 / len(H)))
    for style, group in groups.items():
        nx.draw_networkx_nodes(
            H,
            pos,
            nodelist=group,
            node_color=style.color,
            node_shape=style.marker,
            node_size=[_area(H, n) * scale for n in group],
            edgecolors="#333333",
            linewidths=0.5 if detailed else 0,
            ax=axes,
        )
    if detailed:
        names, relations = _draw_labelled_edges(H, pos, lang, family, axes)
    else:  # straight lines without arrows or labels: one LineCollection, fast at any size
        nx.draw_networkx_edges(H, pos, ax=axes, arrows=False, width=0.2, edge_color="#cccccc")
    _legend(figure, H, lang, family)
    axes.margins(0.05)
    axes.autoscale_view()
    if detailed:  # every entity named; a relation's name only where it covers no other name
        fit_texts(figure, axes)
        drop_overlapping(figure, relations, kept=names)
    else:
        _name_important(H, pos, lang, family, axes, figure, always)
    return figure


def _name_important(
    H: nx.MultiDiGraph,
    pos: dict[str, tuple[float, float]],
    lang: str,
    family: str,
    axes: Any,
    figure: Figure,
    always: dict[str, tuple[float, float]],
) -> None:
    """Name the important entities of an overview, by the rule of `OVERVIEW_LABELS`; the names in
    `always` are placed at the points given (a member's above its group)."""
    ranked = sorted(H.nodes, key=lambda n: (n not in always, -H.degree(n), str(n)))
    chosen = [n for n in ranked if n in always or H.degree(n) > 0][: len(always) + OVERVIEW_LABELS]
    texts = []
    for node in chosen:
        major = node in always
        texts.append(
            axes.annotate(
                wrap_label(label_of(H.nodes[node], lang, local_name(node)), lang),
                always.get(node, pos[node]),
                xytext=(0, 4),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontfamily=family,
                fontsize=10 if major else 6,
                fontweight="bold" if major else "normal",
                color="#111111" if major else "#333333",
                annotation_clip=False,
                path_effects=HALO,
            )
        )
    fit_texts(figure, axes)
    drop_overlapping(figure, texts)
    fit_texts(figure, axes)


def _draw_labelled_edges(
    H: nx.MultiDiGraph, pos: dict[str, tuple[float, float]], lang: str, family: str, axes: Any
) -> tuple[list[Text], list[Text]]:
    """Curved arrows (parallel links apart), relation names on them, entity names below nodes.

    Return the entity names and the relation names drawn."""
    rads = [f"arc3,rad={0.08 + 0.12 * i}" for i in range(max(1, _most_parallel(H)))]
    nx.draw_networkx_edges(
        H,
        pos,
        ax=axes,
        edge_color="#999999",
        arrowsize=8,
        width=0.8,
        connectionstyle=rads,
        node_size=[_area(H, n) for n in H],
    )
    labels = {n: wrap_label(label_of(d, lang, local_name(n)), lang) for n, d in H.nodes(data=True)}
    ys = [y for _, y in pos.values()] or [0.0]
    drop = (max(ys) - min(ys) or 1.0) * 0.035
    below = {n: (x, y - drop) for n, (x, y) in pos.items()}
    names = nx.draw_networkx_labels(
        H, below, labels, font_family=family, font_size=8, ax=axes, clip_on=False
    )
    edge_labels = {
        (u, v, k): label_of(d, lang, str(k)) for u, v, k, d in H.edges(keys=True, data=True)
    }
    relations = nx.draw_networkx_edge_labels(
        H,
        pos,
        edge_labels,
        font_family=family,
        font_size=7,
        font_color="#555555",
        connectionstyle=rads,
        ax=axes,
        bbox={"alpha": 0},
        clip_on=False,
    )
    return list(names.values()), list(relations.values())


def _area(H: nx.MultiDiGraph, node: str) -> float:
    return node_size(H.degree(node)) ** 2 * 1.5


def _most_parallel(H: nx.MultiDiGraph) -> int:
    return max((H.number_of_edges(u, v) for u, v in set(H.edges())), default=1)


def render_figure(
    G: nx.MultiDiGraph,
    *,
    lang: str = "zh",
    focus: str | None = None,
    depth: int | None = None,
    types: Iterable[str] | None = None,
    concepts: bool | None = None,
    title: str | None = None,
    dpi: int = 150,
) -> Figure:
    """Return the matplotlib figure of (part of) `G`, laid out; arguments as in `write_image`.

    Every name lies inside the plot and the legend in a band beside it; the tests measure them.
    """
    check_language(lang)
    H = select(
        G, focus=focus, depth=depth, types=types, concepts=shows_concepts(concepts, focus, types)
    )
    family, _ = cjk_font()
    if title is None:
        title = default_title(G, lang, focus)
    return _draw(H, lang, title, family, dpi)


def render_image(
    G: nx.MultiDiGraph,
    format: str = "png",
    *,
    lang: str = "zh",
    focus: str | None = None,
    depth: int | None = None,
    types: Iterable[str] | None = None,
    concepts: bool | None = None,
    title: str | None = None,
    dpi: int = 150,
) -> bytes:
    """Return a PNG or SVG picture of (part of) `G` as bytes; arguments as in `write_image`."""
    if format not in FORMATS:
        raise ValueError(f"unknown picture format {format!r}; choose one of: {', '.join(FORMATS)}")
    with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "g60kg"}):
        figure = render_figure(
            G,
            lang=lang,
            focus=focus,
            depth=depth,
            types=types,
            concepts=concepts,
            title=title,
            dpi=dpi,
        )
        buffer = io.BytesIO()
        metadata = {"Date": None} if format == "svg" else {"Software": "g60kg"}
        figure.savefig(buffer, format=format, dpi=dpi, metadata=metadata, facecolor="white")
    return buffer.getvalue()


def write_image(
    G: nx.MultiDiGraph,
    path: Path | str,
    format: str | None = None,
    *,
    lang: str = "zh",
    focus: str | None = None,
    depth: int | None = None,
    types: Iterable[str] | None = None,
    concepts: bool | None = None,
    title: str | None = None,
    dpi: int = 150,
) -> Path:
    """Write a static picture of (part of) `G` to `path` and return the path.

    Parameters
    ----------
    format : "png" or "svg"; by default from the file's suffix.
    lang, focus, depth, types, concepts, title : as in `write_html`. A picture reads best with
        a focus. Up to `LABELLED` entities every entity and link is named; a larger picture is an
        overview, grouped by member city (`places.place_layout`) and naming the entities chosen
        by the rule of `OVERVIEW_LABELS`.
    dpi : resolution of a PNG.

    Raises
    ------
    OutputError, UnknownEntityError, UnknownTypeError, ValueError : as `write_html`.
    MissingFontError : no CJK font is installed.
    """
    out = check_output_path(path)
    chosen = format or out.suffix.lstrip(".").lower()
    data = render_image(
        G,
        chosen,
        lang=lang,
        focus=focus,
        depth=depth,
        types=types,
        concepts=concepts,
        title=title,
        dpi=dpi,
    )
    return write_bytes(out, data)

"""The interactive view: one self-contained HTML page of the graph, readable offline.

pyvis builds the vis-network node, edge and option records; the page is our own template, with the
vis-network script and style that ship inside the pyvis package inlined, so the page asks no other
host for anything (its Content-Security-Policy forbids it too). The data travels as JSON inside a
`<script type="application/json">` element and the page's script puts every text into the page with
`textContent`: labels and quotes from news text are shown, never run.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node

from g60kg import __version__
from g60kg.output import check_output_path, write_text
from g60kg.viz.labels import (
    TEXT,
    check_language,
    class_label,
    default_title,
    label_of,
    local_name,
    term_label,
)
from g60kg.viz.layout import spread_layout
from g60kg.viz.places import place_layout
from g60kg.viz.select import CONCEPT, select, shows_concepts
from g60kg.viz.style import node_size, style_of

__all__ = ["LARGE_GRAPH", "iframe_html", "render_html", "write_html"]

LARGE_GRAPH = 1000
"""From this many nodes on, the page runs no physics: it shows the layout computed in Python.

Smaller graphs start from a layout computed in Python too; the page's physics polishes it for
150 steps and then stops. Measured in headless Chromium on 2 cores (benchmarks/viz_sizes.py):
polishing 1,000 nodes took about 11 s and 2,000 about 25 s, so larger graphs skip it; with
vis-network laying out from scratch, 2,000 nodes took two minutes."""

SMALL_GRAPH = 100
"""Up to this many nodes the starting layout is Kamada-Kawai's, quadratic but tidier."""
PAGE_SPACING = 40.0
"""Distance between neighbouring entities of a member's group on the page, in pixels at zoom 1."""

FONT_FACE = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif'
VIS_LIB = "lib/vis-9.1.2"
NODE_EVIDENCE = 3


def _evidence(items: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    keys = ("quote", "source", "source_title", "start", "end")
    return [{k: item.get(k) for k in keys} for item in items if item.get("quote")]


def _fixed_positions(H: nx.MultiDiGraph) -> dict[Any, tuple[float, float]] | None:
    """The positions every node carries already (`pos`, as on a map), or None."""
    if H.number_of_nodes() and all("pos" in data for _, data in H.nodes(data=True)):
        return {n: (float(data["pos"][0]), float(data["pos"][1])) for n, data in H.nodes(data=True)}
    return None


def _initial_layout(H: nx.MultiDiGraph) -> dict[Any, tuple[float, float]]:
    """Seeded starting positions: Kamada-Kawai for small graphs (tidy); larger graphs of the
    corridor grouped by member city (`places.place_layout`), others by `spread_layout`.

    Nodes that all carry a `pos` (a map) keep it.
    """
    fixed = _fixed_positions(H)
    if fixed is not None:
        return fixed
    if H.number_of_nodes() > SMALL_GRAPH:
        grouped = place_layout(H, spacing=PAGE_SPACING, gap=8 * PAGE_SPACING)
        if grouped is not None:  # a browser's y axis points down: north stays up
            return {n: (x, -y) for n, (x, y) in grouped[0].items()}
    if H.number_of_nodes() > SMALL_GRAPH or H.number_of_nodes() < 2:
        return spread_layout(H, scale=120.0)
    simple = nx.Graph(H.to_undirected(as_view=True))
    scale = 60.0 * math.sqrt(H.number_of_nodes())
    layout = nx.kamada_kawai_layout(simple, scale=scale)
    return {n: (float(x), float(y)) for n, (x, y) in layout.items()}


def _options(large: bool) -> dict[str, Any]:
    net = Network(directed=True)
    if large:
        net.toggle_physics(False)
    else:
        net.barnes_hut(
            gravity=-6000,
            central_gravity=0.3,
            spring_length=200,
            spring_strength=0.04,
            damping=0.3,
            overlap=0.2,
        )
    options: dict[str, Any] = json.loads(net.options.to_json())
    options["physics"]["stabilization"].update(iterations=150, updateInterval=10, fit=True)
    options["interaction"].update(hover=True, tooltipDelay=150, hideEdgesOnDrag=large)
    options["layout"] = {"randomSeed": 60, "improvedLayout": not large}
    options["nodes"] = {"font": {"face": FONT_FACE, "size": 14}, "borderWidth": 1}
    options["edges"].update(
        font={"face": FONT_FACE, "size": 10, "color": "#555", "strokeWidth": 3, "align": "middle"},
        color={"color": "#9a9a9a", "highlight": "#333", "hover": "#333"},
        arrows={"to": {"enabled": True, "scaleFactor": 0.5}},
        smooth={"enabled": not large, "type": "continuous"},
    )
    return options


Records = tuple[list[dict[str, Any]], list[dict[str, Any]]]


def _node_records(H: nx.MultiDiGraph, lang: str, hidden: frozenset[str]) -> Records:
    """vis-network nodes, and beside them what the cards show (labels, classes, values, quotes).

    Nodes of the classes in `hidden` start hidden (the legend's boxes of those classes unticked).
    """
    positions = _initial_layout(H)
    nodes: list[dict[str, Any]] = []
    info: list[dict[str, Any]] = []
    for node, data in H.nodes(data=True):
        types = list(data.get("types") or [data.get("type") or "Thing"])
        style = style_of(types)
        x, y = positions[node]
        size = node_size(H.degree(node))
        label = label_of(data, lang, local_name(node))
        record = Node(node, style.shape, label, color=style.color, size=size, x=x, y=y).options
        if (data.get("type") or types[0]) in hidden:
            record["hidden"] = True
        nodes.append(record)
        evidence = [
            {**item, "relation": label_of(edata, lang, "")}
            for _, _, edata in [*H.out_edges(node, data=True), *H.in_edges(node, data=True)]
            for item in _evidence(edata.get("evidence") or [])
        ]
        info.append(
            {
                "zh": str(data.get("label_zh") or ""),
                "en": str(data.get("label_en") or ""),
                "type": data.get("type") or types[0],
                "types": types,
                "typeLabels": [class_label(H, t, lang) for t in types],
                "attrs": [
                    [term_label(H, str(k), lang), str(v)]
                    for k, v in sorted((data.get("attrs") or {}).items())
                ],
                "evidence": evidence[:NODE_EVIDENCE],
            }
        )
    return nodes, info


def _edge_records(H: nx.MultiDiGraph, lang: str) -> Records:
    """vis-network edges (parallel ones curved apart), and beside them the relation's evidence."""
    seen: Counter[frozenset[str]] = Counter()
    edges: list[dict[str, Any]] = []
    info: list[dict[str, Any]] = []
    for i, (u, v, key, data) in enumerate(H.edges(keys=True, data=True)):
        extra: dict[str, Any] = {"id": f"e{i}", "label": label_of(data, lang, str(key))}
        if H.number_of_edges(u, v) + (H.number_of_edges(v, u) if u != v else 0) > 1:
            nth = seen[frozenset((u, v))]
            extra["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if (nth % 2 == 0) == (str(u) < str(v)) else "curvedCCW",
                "roundness": 0.15 + 0.15 * (nth // 2),
            }
        seen[frozenset((u, v))] += 1
        edges.append(Edge(u, v, directed=True, **extra).options)
        info.append(
            {
                "zh": str(data.get("label_zh") or key),
                "en": str(data.get("label_en") or key),
                "predicate": str(data.get("predicate") or key),
                "evidence": _evidence(data.get("evidence") or []),
            }
        )
    return edges, info


def _legend(
    H: nx.MultiDiGraph, node_info: list[dict[str, Any]], lang: str, hidden: frozenset[str]
) -> list[Any]:
    """One entry per class present, the most frequent first; `hidden` classes start unticked."""
    counts = Counter(info["type"] for info in node_info)
    return [
        {
            "type": name,
            "label": class_label(H, name, lang),
            "symbol": style_of([name]).symbol,
            "color": style_of([name]).color,
            "count": count,
            "hidden": name in hidden,
        }
        for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def _status(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], text: dict[str, str]) -> str:
    """The counts of the entities and links shown (the page's script redoes it on each filter)."""
    shown = {n["id"] for n in nodes if not n.get("hidden")}
    links = sum(1 for e in edges if e["from"] in shown and e["to"] in shown)
    return text["status"].format(nodes=len(shown), edges=links)


def _payload(H: nx.MultiDiGraph, lang: str, hidden: frozenset[str]) -> dict[str, Any]:
    """Everything the page's script reads."""
    large = H.number_of_nodes() >= LARGE_GRAPH
    frozen = large or _fixed_positions(H) is not None
    nodes, node_info = _node_records(H, lang, hidden)
    edges, edge_info = _edge_records(H, lang)
    text = TEXT[lang]
    return {
        "lang": lang,
        "text": text,
        "large": large,
        "status": _status(nodes, edges, text) + (text["large"] if large else ""),
        "options": _options(frozen),
        "nodes": nodes,
        "nodeInfo": node_info,
        "edges": edges,
        "edgeInfo": edge_info,
        "legend": _legend(H, node_info, lang, hidden),
    }


def _script_json(value: Any) -> str:
    """Serialise `value` as JSON that cannot end or comment out the script element holding it.

    >>> _script_json({"label": "</script><img src=x>"})
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


@cache
def _asset(package: str, name: str, closing: str) -> str:
    text = (resources.files(package) / name).read_text(encoding="utf-8")
    if closing in text.lower():
        raise RuntimeError(f"{package}/{name} contains {closing!r} and cannot be inlined")
    return text


def _sha256(text: str) -> str:
    return (
        "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"
    )


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("g60kg.viz", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def render_html(
    G: nx.MultiDiGraph,
    *,
    lang: str = "zh",
    focus: str | None = None,
    depth: int | None = None,
    types: Iterable[str] | None = None,
    concepts: bool | None = None,
    title: str | None = None,
) -> str:
    """Return the self-contained HTML page of (part of) `G` as a string.

    Parameters are those of `write_html`. For a notebook, show it with
    `IPython.display.HTML` inside an `<iframe srcdoc=...>`.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("id/E1", label_zh="洞泾镇", label_en="Dongjing", type="Town")
    >>> page = render_html(G)
    >>> "洞泾镇" in page and "https://cdn" not in page
    True
    """
    check_language(lang)
    H = select(G, focus=focus, depth=depth, types=types)
    hidden = frozenset() if shows_concepts(concepts, focus, types) else frozenset({CONCEPT})
    if title is None:
        title = default_title(G, lang, focus)
    vis_js = _asset("pyvis", f"{VIS_LIB}/vis-network.min.js", "</script")
    app_js = _asset("g60kg.viz", "templates/graph.js", "</script")
    payload = _payload(H, lang, hidden)
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_sha256(vis_js)} {_sha256(app_js)}",
            "style-src 'unsafe-inline'",
            "img-src data: blob:",
            "font-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    return (
        _environment()
        .get_template("graph.html.j2")
        .render(
            html_lang="zh-Hans" if lang == "zh" else "en",
            csp=csp,
            version=__version__,
            title=title,
            text=TEXT[lang],
            status=payload["status"],
            vis_css=Markup(_asset("pyvis", f"{VIS_LIB}/vis-network.css", "</style")),
            app_css=Markup(_asset("g60kg.viz", "templates/graph.css", "</style")),
            data_json=Markup(_script_json(payload)),
            vis_js=Markup(vis_js),
            app_js=Markup(app_js),
        )
    )


def write_html(
    G: nx.MultiDiGraph,
    path: Path | str,
    *,
    lang: str = "zh",
    focus: str | None = None,
    depth: int | None = None,
    types: Iterable[str] | None = None,
    concepts: bool | None = None,
    title: str | None = None,
) -> Path:
    """Write the interactive page of (part of) `G` to `path` as UTF-8 and return the path.

    Parameters
    ----------
    G : the networkx view of g60kg (`kg.nx`); it is not changed.
    path : the `.html` file to write; its folder must exist. Written atomically.
    lang : "zh" or "en", the language of node and relation labels and of the page.
    focus, depth : show only the entities within `depth` links (default 1) of `focus`
        (an IRI, IRI local name, or Chinese or English label).
    types : show only entities of these classes (ontology local names such as "Company").
    concepts : show code-list concepts (区, 人工智能…); by default they start hidden in the whole
        graph and shown around a focus (`select.shows_concepts`). Hidden ones stay in the page:
        ticking their class in the legend shows them.
    title : the page heading; by default the graph's name (and the focus).

    Raises
    ------
    OutputError : the folder is missing or not writable, or `path` is a folder.
    UnknownEntityError : no entity is named `focus` (the message lists the closest labels).
    UnknownTypeError : a class in `types` is not in the graph (the message lists the valid ones).
    ValueError : an unknown `lang`, or a `depth` without `focus`.
    """
    check_output_path(path)
    page = render_html(
        G, lang=lang, focus=focus, depth=depth, types=types, concepts=concepts, title=title
    )
    return write_text(path, page)


def iframe_html(page: str, *, height: int = 650) -> str:
    """Wrap a page from `render_html` in an `<iframe srcdoc>`, to show it inline in a notebook.

    The page travels inside the attribute, escaped, so the notebook needs no file and no server;
    the frame may run scripts but gets no access to the notebook.

    >>> iframe_html('<p title="a">x</p>', height=100)
    '<iframe srcdoc="&lt;p title=&#34;a&#34;&gt;x&lt;/p&gt;" sandbox="allow-scripts" \
style="width: 100%; height: 100px; border: 0"></iframe>'
    """
    return str(
        Markup(
            '<iframe srcdoc="{}" sandbox="allow-scripts" '
            'style="width: 100%; height: {}px; border: 0"></iframe>'
        ).format(page, int(height))
    )

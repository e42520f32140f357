"""Static pictures: Chinese drawn with a CJK font (no tofu), PNG and SVG, written atomically."""

from __future__ import annotations

import copy
import io
import math
import re
import warnings
from pathlib import Path

import networkx as nx
import pytest
from fontTools.ttLib import TTCollection, TTFont
from g60kg import KnowledgeGraph
from g60kg.output import OutputError
from g60kg.viz import static
from g60kg.viz.fit import renderer_of, texts_of, wrap_label
from g60kg.viz.places import CENTRE, members, place_layout
from g60kg.viz.select import select
from g60kg.viz.static import (
    LABELLED,
    OVERVIEW_LABELS,
    cjk_font,
    render_figure,
    render_image,
    write_image,
)
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

PIL = pytest.importorskip("PIL.Image")
ImageStat = pytest.importorskip("PIL.ImageStat")


def glyph_warnings(action: object) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        action()  # type: ignore[operator]
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


def cmap_of(family: str, file: Path) -> set[int]:
    fonts = TTCollection(str(file)).fonts if file.suffix == ".ttc" else [TTFont(str(file))]
    for font in fonts:
        if font["name"].getBestFamilyName() == family:
            return set(font.getBestCmap())
    raise AssertionError(f"{family} is not in {file}")


def test_the_glyph_check_would_catch_tofu() -> None:
    def draw_with_latin_font() -> None:
        figure = Figure()
        figure.text(0.5, 0.5, "洞泾镇", fontfamily="DejaVu Sans")
        figure.savefig(io.BytesIO(), format="png")

    assert glyph_warnings(draw_with_latin_font)


def test_no_tofu_in_chinese_labels(graph: nx.MultiDiGraph) -> None:
    assert glyph_warnings(lambda: render_image(graph, "png", lang="zh")) == []
    family, file = cjk_font()
    cmap = cmap_of(family, file)
    text = "".join(
        [d["label_zh"] for _, d in graph.nodes(data=True)]
        + [d["label_zh"] for _, _, d in graph.edges(data=True)]
    )
    missing = {c for c in text if not c.isspace() and ord(c) not in cmap}
    assert missing == set()


def test_font_found_without_fontconfig_tools(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(static.shutil, "which", lambda name: None)
    cjk_font.cache_clear()
    try:
        family, file = cjk_font()
    finally:
        cjk_font.cache_clear()
    assert "CJK" in family and file.exists()


def test_png_is_a_picture(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = write_image(graph, tmp_path / "dongjing.png", focus="洞泾镇")
    image = PIL.open(out)
    assert image.format == "PNG" and image.size[0] > 1000
    assert ImageStat.Stat(image.convert("L")).stddev[0] > 5


def test_svg_draws_text_as_paths_and_is_reproducible(graph: nx.MultiDiGraph) -> None:
    svg = render_image(graph, "svg", lang="en", focus="Dongjing Town")
    assert svg == render_image(graph, "svg", lang="en", focus="Dongjing Town")
    text = svg.decode("utf-8")
    assert text.startswith("<?xml") and "<svg" in text
    assert "<text" not in text and "<script" not in text and "<img" not in text


def test_format_from_suffix_and_errors(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = write_image(graph, tmp_path / "g.svg")
    assert out.read_bytes().startswith(b"<?xml")
    with pytest.raises(ValueError, match="png, svg"):
        write_image(graph, tmp_path / "g.gif")
    (tmp_path / "file").write_text("", encoding="utf-8")
    with pytest.raises(OutputError, match="is a file, not a folder"):
        write_image(graph, tmp_path / "file" / "g.png")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "g.svg"]


def test_callers_graph_is_untouched(graph: nx.MultiDiGraph) -> None:
    before = copy.deepcopy(graph)
    render_image(graph, "png", focus="洞泾镇", depth=2)
    assert list(before.nodes(data=True)) == list(graph.nodes(data=True))
    assert list(before.edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))


def test_a_large_picture_names_only_what_fits() -> None:
    G = nx.MultiDiGraph()
    for i in range(LABELLED + 250):
        G.add_node(f"n{i}", label_zh=f"节点{i}", type="Company", types=["Company"])
        if i:
            G.add_edge(f"n{i}", f"n{i // 2}", key="locatedIn", label_zh="位于")
    large = render_image(G, "svg").decode("utf-8")
    small = render_image(G.subgraph(["n1", "n2", "n3"]).copy(), "svg").decode("utf-8")
    # texts: the title, one legend entry, and in the small picture 3 entities and 2 links
    assert 2 < large.count('id="text_') <= 2 + OVERVIEW_LABELS
    assert small.count('id="text_') == 7
    figure = render_figure(G)
    assert overlapping_names(figure) == []


def measured(figure: Figure) -> tuple[Bbox, Bbox, list[Bbox], list[tuple[str, Bbox]]]:
    """The figure's and the plot's boxes, the legends' boxes and each name's box, in pixels,
    as matplotlib's renderer draws them."""
    renderer = renderer_of(figure)
    axes = figure.axes[0]
    legends = [legend.get_window_extent(renderer) for legend in figure.legends]
    names = [(t.get_text(), t.get_window_extent(renderer)) for t in texts_of(axes)]
    return figure.bbox, axes.get_window_extent(renderer), legends, names


def misplaced_names(figure: Figure) -> list[str]:
    """Names cut by the edge of the figure or the plot, or lying on a legend."""
    whole, plot, legends, names = measured(figure)
    bad = []
    for text, box in names:
        inside = all(
            outer.x0 <= box.x0 and box.x1 <= outer.x1 and outer.y0 <= box.y0 and box.y1 <= outer.y1
            for outer in (whole, plot)
        )
        if not inside or any(box.overlaps(legend) for legend in legends):
            bad.append(text)
    return bad


def overlapping_names(figure: Figure) -> list[str]:
    _, _, _, names = measured(figure)
    return [
        f"{a} / {b}"
        for i, (a, box) in enumerate(names)
        for b, other in names[i + 1 :]
        if box.overlaps(other)
    ]


def test_the_measure_catches_a_cut_name_and_one_on_the_legend(graph: nx.MultiDiGraph) -> None:
    figure = render_figure(graph, lang="en", focus="Dongjing Town")
    assert misplaced_names(figure) == []
    figure.set_layout_engine("none")  # keep the plot where it is while adding names
    axes = figure.axes[0]
    (_, x1), (y0, y1) = axes.get_xlim(), axes.get_ylim()
    axes.text(x1, (y0 + y1) / 2, "Implementation Measures on Support and Rewards", clip_on=False)
    legend = figure.legends[0].get_window_extent(renderer_of(figure))
    x, y = axes.transData.inverted().transform((legend.x0 + 5, legend.y0 + 5))
    axes.text(x, y, "on the legend", clip_on=False)
    assert misplaced_names(figure) == [
        "Implementation Measures on Support and Rewards",
        "on the legend",
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("focus", [None, "洞泾镇", "松江区"])
def test_every_name_inside_the_picture_and_off_the_legend(
    kg: KnowledgeGraph, lang: str, focus: str | None
) -> None:
    figure = render_figure(kg.nx, lang=lang, focus=focus)
    names = texts_of(figure.axes[0])
    assert len(names) >= 8
    assert misplaced_names(figure) == []
    if focus is None:  # an overview: its names are chosen so that none covers another
        assert overlapping_names(figure) == []


def test_legend_is_in_the_language_of_the_picture(kg: KnowledgeGraph) -> None:
    zh = render_figure(kg.nx, lang="zh", focus="洞泾镇")
    en = render_figure(kg.nx, lang="en", focus="洞泾镇")
    zh_entries = {t.get_text() for t in zh.legends[0].get_texts()}
    en_entries = {t.get_text() for t in en.legends[0].get_texts()}
    assert {"镇", "市辖区", "投资"} <= zh_entries
    assert {"Town", "District", "Investment"} <= en_entries
    assert not any(re.search("[A-Za-z]{2}", entry) for entry in zh_entries)


def test_the_whole_graph_hides_concepts_unless_asked(kg: KnowledgeGraph) -> None:
    def legend(**options: object) -> set[str]:
        figure = render_figure(kg.nx, lang="zh", **options)  # type: ignore[arg-type]
        return {t.get_text() for t in figure.legends[0].get_texts()}

    assert "概念" not in legend()
    assert "概念" in legend(concepts=True)
    assert "概念" in legend(focus="洞泾镇", depth=2)
    assert "概念" not in legend(focus="洞泾镇", depth=2, concepts=False)


def test_full_corridor_overview_groups_members_apart(tmp_path: Path) -> None:
    """On the whole corridor (the project's build, reused when fresh): every member named,
    the groups of the members apart from each other, no name cut or on the legend."""
    import g60kg

    G = select(g60kg.load().nx, concepts=False)
    pos, groups = place_layout(G)  # type: ignore[misc]
    found = members(G)
    assert len(found) == 9
    discs = {}
    for member in [*found, CENTRE]:
        points = [pos[n] for n, g in groups.items() if g == member]
        cx, cy = pos[member] if member else (0.0, 0.0)
        discs[member] = (cx, cy, max(math.dist((cx, cy), p) for p in points))
    for a, (ax, ay, ar) in discs.items():
        for b, (bx, by, br) in discs.items():
            if a < b:
                assert math.dist((ax, ay), (bx, by)) > ar + br, (a, b)
    figure = render_figure(G, lang="en")
    named = {t.get_text() for t in texts_of(figure.axes[0])}
    assert {wrap_label(G.nodes[m]["label_en"], "en") for m in found} <= named
    assert misplaced_names(figure) == []
    assert overlapping_names(figure) == []
    out = write_image(G, tmp_path / "corridor.png", lang="en")
    assert PIL.open(out).size == (1800, 1350)

"""Static pictures: Chinese drawn with a CJK font (no tofu), PNG and SVG, written atomically."""

from __future__ import annotations

import copy
import io
import warnings
from pathlib import Path

import networkx as nx
import pytest
from fontTools.ttLib import TTCollection, TTFont
from g60kg.output import OutputError
from g60kg.viz import static
from g60kg.viz.static import LABELLED, cjk_font, render_image, write_image
from matplotlib.figure import Figure

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


def test_a_large_picture_shows_the_shape_without_names() -> None:
    G = nx.MultiDiGraph()
    for i in range(LABELLED + 50):
        G.add_node(f"n{i}", label_zh=f"节点{i}", type="Company", types=["Company"])
        if i:
            G.add_edge(f"n{i}", f"n{i // 2}", key="locatedIn", label_zh="位于")
    large = render_image(G, "svg").decode("utf-8")
    small = render_image(G.subgraph(["n1", "n2", "n3"]).copy(), "svg").decode("utf-8")
    # texts: the title, one legend entry, and in the small picture 3 entities and 2 links
    assert large.count('id="text_') == 2
    assert small.count('id="text_') == 7

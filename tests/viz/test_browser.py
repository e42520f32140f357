"""The page in a real browser: headless Debian Chromium with every network request refused.

`make test` installs chromium (and fonts-noto-cjk) first; outside CI the tests skip without it.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from g60kg import KnowledgeGraph
from g60kg.viz import LARGE_GRAPH, iframe_html, render_html, select, write_html

ID = "https://w3id.org/g60kg/id/"
HOSTILE = "<img src=x onerror=alert(1)>"

Image = pytest.importorskip("PIL.Image")
ImageStat = pytest.importorskip("PIL.ImageStat")


@dataclass
class Visit:
    """An opened page and everything it tried to do."""

    page: Any
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def watch(page: Any) -> Visit:
    """Refuse every request that is not for a local file, and record it with dialogs and errors."""
    visit = Visit(page)

    def refuse(route: Any) -> None:
        visit.requests.append(route.request.url)
        route.abort()

    page.route(lambda url: not url.startswith("file:"), refuse)
    page.on("dialog", lambda d: (visit.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: visit.errors.append(str(e)))
    page.on("console", lambda m: visit.errors.append(m.text) if m.type == "error" else None)
    return visit


def open_page(context: Any, path: Path) -> Visit:
    page = context.new_page()
    visit = watch(page)
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready=true]", timeout=60_000)
    return visit


@pytest.fixture
def visit(context: Any, graph: nx.MultiDiGraph, tmp_path: Path) -> Iterator[Visit]:
    visit = open_page(context, write_html(graph, tmp_path / "graph.html"))
    yield visit
    visit.page.close()
    assert visit.requests == [], "the page asked the network for something"
    assert visit.dialogs == [], "something ran a dialog"
    assert visit.errors == [], "the page logged errors (a script or a blocked resource)"


def drawn(page: Any) -> list[int]:
    counts: list[int] = page.evaluate(
        "[g60.network.body.nodeIndices.length, g60.network.body.edgeIndices.length]"
    )
    return counts


def node_point(page: Any, node: str) -> tuple[float, float]:
    """Where on the screen the node is drawn."""
    box = page.locator("#g60-graph").bounding_box()
    point = page.evaluate("id => g60.network.canvasToDOM(g60.network.getPosition(id))", node)
    return box["x"] + point["x"], box["y"] + point["y"]


def test_the_guards_see_requests_and_dialogs(context: Any) -> None:
    page = context.new_page()
    visit = watch(page)
    page.set_content('<img src="http://example.invalid/x.png">')
    page.evaluate("alert('caught')")
    page.close()
    assert visit.requests == ["http://example.invalid/x.png"]
    assert visit.dialogs == ["caught"]


def test_draws_every_node_and_edge_then_stops_moving(visit: Visit, graph: nx.MultiDiGraph) -> None:
    assert drawn(visit.page) == [graph.number_of_nodes(), graph.number_of_edges()]
    assert visit.page.evaluate("g60.network.physics.physicsEnabled") is False
    before = visit.page.evaluate("g60.network.getPositions()")
    visit.page.wait_for_timeout(300)
    assert visit.page.evaluate("g60.network.getPositions()") == before


def test_screenshot_is_not_blank(visit: Visit) -> None:
    image = Image.open(io.BytesIO(visit.page.locator("#g60-graph").screenshot())).convert("RGB")
    assert ImageStat.Stat(image.convert("L")).stddev[0] > 5
    assert len(image.getcolors(maxcolors=1 << 24)) > 50


def test_hostile_label_shows_as_text_and_runs_nothing(visit: Visit) -> None:
    page = visit.page
    page.mouse.click(*node_point(page, ID + "E0666"))
    details = page.locator("#g60-details")
    assert HOSTILE in details.inner_text()
    assert "<script>alert(2)</script> Ltd." in details.inner_text()
    page.fill("#g60-search", "<img")
    assert HOSTILE in page.locator("#g60-results").inner_text()
    page.wait_for_timeout(300)
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.scripts.length") == 3


def test_search_finds_a_node_by_its_chinese_label(visit: Visit) -> None:
    page = visit.page
    page.fill("#g60-search", "优图")
    assert "优图创新基地" in page.locator("#g60-results").inner_text()
    page.fill("#g60-search", "洞泾镇")
    page.press("#g60-search", "Enter")
    assert page.evaluate("g60.network.getSelectedNodes()") == [ID + "adm-310117106"]
    assert "Dongjing Town" in page.locator("#g60-details").inner_text()


def test_search_by_english_label_and_tooltip(visit: Visit) -> None:
    page = visit.page
    page.fill("#g60-search", "youtu")
    page.locator("#g60-results button").first.click()
    assert page.evaluate("g60.network.getSelectedNodes()") == [ID + "E0007"]
    page.mouse.move(*node_point(page, ID + "E0007"))
    tip = page.locator("#g60-tip")
    tip.wait_for(state="visible")
    assert "优图创新基地也在今天同步揭牌成立" in tip.inner_text()


def test_type_filter_hides_a_class(visit: Visit, graph: nx.MultiDiGraph) -> None:
    page = visit.page
    page.locator("#g60-legend input[value=Company]").uncheck()
    companies = sum(1 for _, t in graph.nodes(data="type") if t == "Company")
    assert drawn(page)[0] == graph.number_of_nodes() - companies
    page.locator("#g60-legend input[value=Company]").check()
    assert drawn(page)[0] == graph.number_of_nodes()


def test_large_graph_opens_laid_out(context: Any, tmp_path: Path) -> None:
    G = nx.MultiDiGraph()
    n = LARGE_GRAPH + 100
    for i in range(n):
        G.add_node(f"n{i}", label_zh=f"节点{i}", label_en=f"node {i}", type="Company")
        if i:
            G.add_edge(f"n{i}", f"n{(i * 7) % i}", key="locatedIn", label_zh="位于")
    visit = open_page(context, write_html(G, tmp_path / "large.html"))
    try:
        assert drawn(visit.page) == [n, n - 1]
        assert visit.page.evaluate("g60.network.physics.physicsEnabled") is False
        assert visit.requests == [] and visit.errors == []
    finally:
        visit.page.close()


def test_page_works_inline_in_a_notebook_frame(context: Any, graph: nx.MultiDiGraph) -> None:
    page = context.new_page()
    visit = watch(page)
    try:
        page.set_content(f"<h1>notebook</h1>{iframe_html(render_html(graph))}")
        frame = page.frames[1]
        frame.wait_for_selector("body[data-ready=true]", timeout=60_000)
        assert drawn(frame) == [graph.number_of_nodes(), graph.number_of_edges()]
        assert visit.requests == [] and visit.dialogs == [] and visit.errors == []
    finally:
        page.close()


def test_real_dongjing_ego_graph(context: Any, tmp_path: Path) -> None:
    """The page of the real graph; `G60KG_SCREENSHOT=docs/img/dongjing.png` also saves the
    README's screenshot from it."""
    import g60kg
    from g60kg.viz import select

    G = g60kg.load().nx
    expected = select(G, focus="洞泾镇", depth=1)
    visit = open_page(context, write_html(G, tmp_path / "dongjing.html", focus="洞泾镇", depth=1))
    visit.page.set_viewport_size({"width": 1400, "height": 900})
    assert drawn(visit.page) == [expected.number_of_nodes(), expected.number_of_edges()]
    visit.page.fill("#g60-search", "松江区")
    shot = visit.page.screenshot()
    visit.page.close()
    assert visit.requests == [] and visit.dialogs == [] and visit.errors == []
    image = Image.open(io.BytesIO(shot)).convert("RGB")
    assert max(ImageStat.Stat(image).stddev) > 10, "the screenshot is blank"
    if os.environ.get("G60KG_SCREENSHOT"):
        Path(os.environ["G60KG_SCREENSHOT"]).write_bytes(shot)


def status_counts(page: Any) -> list[int]:
    """The entity and link counts the page states."""
    return [int(n) for n in re.findall(r"\d+", page.locator("#g60-status").inner_text())[:2]]


@pytest.fixture(scope="module")
def seed_pages(tmp_path_factory: pytest.TempPathFactory, kg: KnowledgeGraph) -> dict[str, Path]:
    """The whole seed graph as a Chinese and an English page (the ontology's labels included)."""
    folder = tmp_path_factory.mktemp("seed-pages")
    G = kg.nx
    return {lang: write_html(G, folder / f"seed-{lang}.html", lang=lang) for lang in ("zh", "en")}


def english_names(G: nx.MultiDiGraph) -> set[str]:
    """Every class and property of the graph by its local name and English label."""
    labels = G.graph["class_labels"]
    names = {t for _, d in G.nodes(data=True) for t in d["types"]}
    names |= {k for _, d in G.nodes(data=True) for k in d["attrs"]}
    return names | {labels[n]["en"] for n in names if n in labels}


def test_chinese_page_speaks_chinese_in_legend_and_details(
    context: Any, seed_pages: dict[str, Path], kg: KnowledgeGraph
) -> None:
    G = kg.nx
    visit = open_page(context, seed_pages["zh"])
    page = visit.page
    legend = page.locator("#g60-legend").inner_text()
    assert {"企业", "镇", "投资", "概念"} <= set(legend.split())
    assert not re.search("[A-Za-z]{2}", legend), legend
    page.fill("#g60-search", "洞泾实质落地投资")
    page.press("#g60-search", "Enter")
    details = page.locator("#g60-details")
    terms = details.locator("dt").all_inner_texts()
    assert {"类型", "企业数量", "金额", "日期"} <= set(terms)
    shown = " ".join([*terms, page.locator("#g60-details dd").first.inner_text()])
    leaked = sorted(n for n in english_names(G) if re.search(rf"\b{re.escape(n)}\b", shown))
    assert leaked == []
    page.close()
    assert visit.requests == [] and visit.errors == []


def test_english_page_speaks_english(context: Any, seed_pages: dict[str, Path]) -> None:
    visit = open_page(context, seed_pages["en"])
    page = visit.page
    legend = page.locator("#g60-legend").inner_text()
    assert "Company" in legend and "Town" in legend and not re.search("[\u4e00-\u9fff]", legend)
    page.fill("#g60-search", "洞泾实质落地投资")
    page.press("#g60-search", "Enter")
    terms = page.locator("#g60-details dt").all_inner_texts()
    assert {"Type", "company count", "amount"} <= set(terms)
    page.close()


def test_concepts_start_hidden_and_counts_follow_the_filter(
    context: Any, seed_pages: dict[str, Path], kg: KnowledgeGraph
) -> None:
    G = kg.nx
    concepts = {n for n, t in G.nodes(data="type") if t == "Concept"}
    companies = {n for n, t in G.nodes(data="type") if t == "Company"}
    assert concepts and companies

    def expected(hidden: set[str]) -> list[int]:
        shown = set(G) - hidden
        links = sum(1 for u, v in G.edges() if u in shown and v in shown)
        return [len(shown), links]

    visit = open_page(context, seed_pages["zh"])
    page = visit.page
    box = page.locator("#g60-legend input[value=Concept]")
    assert not box.is_checked()
    assert drawn(page) == expected(concepts) == status_counts(page)
    page.locator("#g60-legend input[value=Company]").uncheck()
    assert drawn(page) == expected(concepts | companies) == status_counts(page)
    box.check()
    page.locator("#g60-legend input[value=Company]").check()
    assert drawn(page) == expected(set()) == status_counts(page)
    assert status_counts(page) == [G.number_of_nodes(), G.number_of_edges()]
    page.close()
    assert visit.requests == [] and visit.errors == []


def test_a_focused_page_shows_its_concepts(
    context: Any, tmp_path: Path, kg: KnowledgeGraph
) -> None:
    G = kg.nx
    expected = select(G, focus="洞泾镇", depth=2)
    assert "Concept" in {t for _, t in expected.nodes(data="type")}
    visit = open_page(context, write_html(G, tmp_path / "f.html", focus="洞泾镇", depth=2))
    assert drawn(visit.page)[0] == expected.number_of_nodes()
    assert visit.page.locator("#g60-legend input[value=Concept]").is_checked()
    visit.page.close()

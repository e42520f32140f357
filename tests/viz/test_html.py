"""The HTML page: self-contained, safe with hostile labels, written atomically in UTF-8."""

from __future__ import annotations

import copy
import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from g60kg.output import OutputError
from g60kg.viz import LARGE_GRAPH, UnknownEntityError, UnknownTypeError, render_html, write_html

ROOT = Path(__file__).parents[2]


def build_copy(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    return copy.deepcopy(G)


def page_data(page: str) -> dict:
    """The JSON the page's script reads, parsed back as the browser would."""
    match = re.search(r'<script type="application/json" id="g60-data">(.*?)</script>', page, re.S)
    assert match
    return json.loads(match.group(1))


def test_page_loads_nothing_from_another_host(graph: nx.MultiDiGraph) -> None:
    page = render_html(graph)
    sources = re.findall(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*\S+", page, re.I)
    assert sources == []
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//|@import""", page, re.I)
    assert "bootstrap" not in page.lower()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp and "default-src 'none'" in html.unescape(csp.group(1))


def test_hostile_label_is_data_not_markup(graph: nx.MultiDiGraph) -> None:
    page = render_html(graph)
    assert "<img src=x" not in page
    assert "<script>alert" not in page
    labels = {n["label"] for n in page_data(page)["nodes"]}
    assert "<img src=x onerror=alert(1)>" in labels
    app = (ROOT / "graph/g60kg/viz/templates/graph.js").read_text(encoding="utf-8")
    code = [line for line in app.splitlines() if not line.lstrip().startswith("//")]
    assert not any("innerHTML" in line or "outerHTML" in line for line in code)


def test_hostile_title_is_escaped(graph: nx.MultiDiGraph) -> None:
    page = render_html(graph, title="<script>alert(3)</script>")
    assert "<script>alert(3)" not in page
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in page


def test_page_carries_every_node_edge_and_evidence(graph: nx.MultiDiGraph) -> None:
    data = page_data(render_html(graph, lang="zh"))
    assert len(data["nodes"]) == graph.number_of_nodes()
    assert len(data["edges"]) == graph.number_of_edges()
    assert "直接隶属于" in {e["label"] for e in data["edges"]}
    dongjing = data["nodes"].index(
        next(n for n in data["nodes"] if n["id"].endswith("adm-310117106"))
    )
    info = data["nodeInfo"][dongjing]
    assert (info["zh"], info["en"], info["type"]) == ("洞泾镇", "Dongjing Town", "Town")
    text = (ROOT / "data/sources/dongjing-ai-town.txt").read_text(encoding="utf-8")
    spans = [ev for ev in info["evidence"] if ev["quote"] == "松江区洞泾镇"]
    assert spans and all(text[ev["start"] : ev["end"]] == ev["quote"] for ev in spans)
    assert {entry["type"] for entry in data["legend"]} >= {"Town", "Company", "Conference"}


def test_english_labels(graph: nx.MultiDiGraph) -> None:
    data = page_data(render_html(graph, lang="en"))
    assert "Dongjing Town" in {n["label"] for n in data["nodes"]}
    assert "directly within" in {e["label"] for e in data["edges"]}
    with pytest.raises(ValueError, match="zh, en"):
        render_html(graph, lang="fr")


def test_parallel_edges_are_all_drawn_apart(graph: nx.MultiDiGraph) -> None:
    graph.add_edge(*next(iter(graph.edges(keys=True)))[:2], key="again", label_zh="再次")
    data = page_data(render_html(graph))
    assert len(data["edges"]) == graph.number_of_edges()
    curved = [e["smooth"]["type"] for e in data["edges"] if "smooth" in e]
    assert len(curved) >= 2 and len(set(curved)) == 2


def test_size_grows_with_degree(graph: nx.MultiDiGraph) -> None:
    nodes = {n["id"]: n for n in page_data(render_html(graph))["nodes"]}
    ids = sorted(graph, key=graph.degree)
    assert nodes[ids[-1]]["size"] > nodes[ids[0]]["size"]


def test_focus_depth_and_types(graph: nx.MultiDiGraph) -> None:
    data = page_data(render_html(graph, focus="洞泾镇", depth=1))
    assert {i["zh"] for i in data["nodeInfo"]} == {
        "洞泾镇",
        "松江区",
        "实质落地投资",
        "优图创新基地",
        "首届长三角G60人工智能产业洞泾峰会",
        "2020长三角G60科创走廊洞泾人工智能产业基地(核心区)投资推介大会",
    }
    data = page_data(render_html(graph, types=["Company"]))
    assert {i["type"] for i in data["nodeInfo"]} == {"Company"}


def test_unknown_focus_lists_closest_labels(graph: nx.MultiDiGraph) -> None:
    with pytest.raises(UnknownEntityError, match="洞泾镇"):
        render_html(graph, focus="洞泾")
    with pytest.raises(UnknownEntityError, match="Dongjing Town"):
        render_html(graph, focus="Dongjing Twn")


def test_unknown_type_lists_valid_types(graph: nx.MultiDiGraph) -> None:
    with pytest.raises(UnknownTypeError, match=r"Compnay; the valid types: .*Company.*Town"):
        render_html(graph, types=["Compnay"])


def test_callers_graph_is_untouched(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    before = copy.deepcopy(graph)
    write_html(graph, tmp_path / "g.html", focus="洞泾镇", types=["Town", "Conference"])
    assert nx.utils.graphs_equal(before, graph)
    assert list(before.nodes(data=True)) == list(graph.nodes(data=True))
    assert list(before.edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))


def test_missing_or_unwritable_folder(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    with pytest.raises(OutputError, match="is a file, not a folder"):
        write_html(graph, tmp_path / "file" / "g.html")
    with pytest.raises(OutputError, match="is a folder"):
        write_html(graph, tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    if os.access(locked, os.W_OK):  # root may write anywhere but in sysfs
        locked = Path("/sys")
    with pytest.raises(OutputError, match=r"not writable|Permission denied"):
        write_html(graph, locked / "g.html")


def test_error_leaves_no_partial_file(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = tmp_path / "g.html"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(UnknownTypeError):
        write_html(graph, out, types=["Nothing"])
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["g.html"]


def test_non_utf8_locale_still_writes_utf8(tmp_path: Path) -> None:
    script = (
        "import sys; sys.path[:0] = [sys.argv[2], sys.argv[3]]\n"
        "from conftest import build_graph\n"
        "from g60kg.viz import write_html\n"
        "write_html(build_graph(), sys.argv[1], focus='\\u6d1e\\u6cfe\\u9547')\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONIO"))}
    env.update(LC_ALL="C", LANG="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0")
    out = tmp_path / "g.html"
    args = [str(out), str(Path(__file__).parent), str(ROOT / "graph")]
    subprocess.run([sys.executable, "-c", script, *args], env=env, check=True)
    page = out.read_bytes().decode("utf-8")
    assert "洞泾镇" in page and '<meta charset="utf-8">' in page


def test_large_graph_is_laid_out_in_advance() -> None:
    G = nx.MultiDiGraph()
    for i in range(LARGE_GRAPH + 10):
        G.add_node(f"n{i}", label_zh=f"节点{i}", label_en=f"node {i}", type="Company")
        if i:
            G.add_edge(f"n{i}", f"n{(i * 7) % i}", key="locatedIn", label_zh="位于")
    data = page_data(render_html(G))
    assert data["options"]["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in data["nodes"])
    small = page_data(render_html(G.subgraph([f"n{i}" for i in range(LARGE_GRAPH - 1)]).copy()))
    assert small["options"]["physics"]["enabled"] is True
    assert small["options"]["physics"]["stabilization"]["iterations"] <= 200


def test_same_graph_same_page(graph: nx.MultiDiGraph) -> None:
    assert render_html(graph) == render_html(build_copy(graph))


def test_a_simple_digraph_is_drawn_too() -> None:
    G = nx.DiGraph()
    G.add_node("a", label_zh="甲", label_en="A", type="Town")
    G.add_edge("a", "b")
    data = page_data(render_html(G))
    assert len(data["nodes"]) == 2 and len(data["edges"]) == 1


def test_class_labels_and_focus_title(graph: nx.MultiDiGraph) -> None:
    graph.graph["class_labels"] = {"Town": {"zh": "镇", "en": "town"}}
    page = render_html(graph, lang="zh", focus="adm-310117106")
    data = page_data(page)
    assert {e["type"]: e["label"] for e in data["legend"]}["Town"] == "镇"
    assert "<title>长三角G60科创走廊人工智能产业知识图谱 — 洞泾镇</title>" in page
    assert "— Dongjing Town</title>" in render_html(graph, lang="en", focus="洞泾镇")

"""Exports: RDF round-trips to an isomorphic dataset; GraphML, GEXF, CSV keep labels and types."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from g60kg.output import OutputError
from g60kg.views.export import FORMATS, export, flat_graph
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD

ID = Namespace("https://w3id.org/g60kg/id/")
G60 = Namespace("https://w3id.org/g60kg/ontology#")
GRAPH = Namespace("https://w3id.org/g60kg/graph/")
HOSTILE = "<img src=x onerror=alert(1)>"


def small_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node(
        str(ID["adm-310117106"]),
        label_zh="洞泾镇",
        label_en="Dongjing Town",
        type="Town",
        types=["Town", "AdministrativeUnit"],
        attrs={"divisionCode": "310117106"},
    )
    G.add_node(
        str(ID["adm-310117"]),
        label_zh="松江区",
        label_en="Songjiang District",
        type="District",
        types=["District"],
    )
    G.add_node(
        str(ID.E0666),
        label_zh=HOSTILE,
        label_en='a, "quoted"\nname',
        type="Company",
        types=["Company"],
    )
    span = {
        "quote": "松江区洞泾镇",
        "source": "dongjing-ai-town",
        "source_title": "洞泾",
        "start": 637,
        "end": 643,
    }
    G.add_edge(
        str(ID["adm-310117106"]),
        str(ID["adm-310117"]),
        key="directlyWithin",
        predicate=str(G60.directlyWithin),
        label_zh="直接隶属于",
        label_en="directly within",
        evidence=[span],
    )
    G.add_edge(
        str(ID["adm-310117106"]),
        str(ID["adm-310117"]),
        key="locatedIn",
        predicate=str(G60.locatedIn),
        label_zh="位于",
        label_en="located in",
        evidence=[],
    )
    G.add_edge(
        str(ID.E0666),
        str(ID["adm-310117106"]),
        key="settledIn",
        predicate=str(G60.settledIn),
        label_zh="落户",
        label_en="settled in",
        evidence=[span, {**span, "quote": HOSTILE, "start": None, "end": None}],
    )
    return G


def small_dataset(blank_node: bool = True) -> Dataset:
    ds = Dataset()
    ds.bind("g60", G60)
    ds.bind("id", ID)
    entities = ds.graph(GRAPH.entities)
    entities.add((ID["adm-310117106"], RDF.type, G60.Town))
    entities.add((ID["adm-310117106"], RDFS.label, Literal("洞泾镇", lang="zh")))
    entities.add((ID["adm-310117106"], RDFS.label, Literal("Dongjing Town", lang="en")))
    entities.add(
        (ID["adm-310117106"], RDFS.label, Literal("dòng jīng zhèn", lang="zh-Latn-pinyin"))
    )
    entities.add((ID.E0666, RDFS.label, Literal(HOSTILE + '"\n\\', lang="zh")))
    source = ds.graph(GRAPH["source/dongjing-ai-town"])
    source.add((ID["adm-310117106"], G60.directlyWithin, ID["adm-310117"]))
    source.add((ID.E0002, G60.date, Literal("2020-11-18", datatype=XSD.date)))
    source.add((ID.E0009, G60.amount, Literal("10000000000", datatype=XSD.decimal)))
    source.add((ID.E0009, G60.share, Literal("1.5", datatype=XSD.double)))
    source.add((ID.E0009, G60.flag, Literal("1", datatype=XSD.boolean)))
    source.add((ID.E0009, G60.companyCount, Literal("20", datatype=XSD.integer)))
    if blank_node:  # the project's data has none; blank node labels differ from run to run
        node = BNode()
        source.add((ID.E0009, G60.note, node))
        source.add((node, RDFS.comment, Literal("超百亿")))
    ds.add((G60.Town, RDFS.label, Literal("镇", lang="zh")))
    return ds


def named_graphs(ds: Dataset) -> dict[URIRef, Graph]:
    return {g.identifier: g for g in ds.graphs() if len(g)}


@pytest.mark.parametrize("fmt", ["trig", "nquads", "jsonld"])
def test_rdf_round_trip_is_isomorphic(fmt: str, tmp_path: Path) -> None:
    ds = small_dataset()
    (out,) = export(ds, fmt, tmp_path / f"g.{fmt}")
    back = Dataset()
    back.parse(out, format={"jsonld": "json-ld"}.get(fmt, fmt))
    before, after = named_graphs(ds), named_graphs(back)
    assert set(before) == set(after)
    for name, graph in before.items():
        assert isomorphic(graph, after[name]), name
    assert "洞泾镇" in out.read_text(encoding="utf-8")


def test_turtle_is_the_union_of_all_graphs(tmp_path: Path) -> None:
    ds = small_dataset()
    (out,) = export(ds, "turtle", tmp_path / "g.ttl")
    union = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    assert isomorphic(Graph().parse(out, format="turtle"), union)
    assert "@prefix g60:" in out.read_text(encoding="utf-8")


def test_graphml_keeps_labels_types_and_parallel_edges(tmp_path: Path) -> None:
    G = small_graph()
    (out,) = export(G, "graphml", tmp_path / "g.graphml")
    back = nx.read_graphml(out, force_multigraph=True)
    dongjing = back.nodes[str(ID["adm-310117106"])]
    assert dongjing["label"] == "洞泾镇" and dongjing["label_en"] == "Dongjing Town"
    assert dongjing["types"] == "Town|AdministrativeUnit"
    assert dongjing["attr_divisionCode"] == "310117106"
    assert back.nodes[str(ID.E0666)]["label"] == HOSTILE
    assert back.number_of_edges() == G.number_of_edges()
    keys = {k for _, _, k in back.edges(keys=True)}
    assert keys == {"directlyWithin", "locatedIn", "settledIn"}
    text = out.read_text(encoding="utf-8")
    assert '<key id="label"' in text and '<key id="type"' in text


def test_gexf_keeps_labels_and_types(tmp_path: Path) -> None:
    G = small_graph()
    (out,) = export(G, "gexf", tmp_path / "g.gexf", lang="en")
    back = nx.read_gexf(out)
    assert back.nodes[str(ID["adm-310117"])]["label"] == "Songjiang District"
    assert back.nodes[str(ID["adm-310117"])]["type"] == "District"
    assert back.number_of_edges() == G.number_of_edges()
    labels = sorted(d["label"] for _, _, d in back.edges(data=True))
    assert labels == ["directly within", "located in", "settled in"]


def test_same_graph_same_files(tmp_path: Path) -> None:
    for fmt in ("graphml", "gexf", "trig", "csv"):
        source = small_dataset() if fmt == "trig" else small_graph()
        first = [p.read_bytes() for p in export(source, fmt, tmp_path / f"a-{fmt}")]
        again = [p.read_bytes() for p in export(source, fmt, tmp_path / f"b-{fmt}")]
        assert first == again, fmt
    assert b"lastmodifieddate" not in (tmp_path / "a-gexf").read_bytes()


def test_same_dataset_same_bytes_in_another_process(tmp_path: Path) -> None:
    script = (
        "import sys, importlib.util\n"
        "spec = importlib.util.spec_from_file_location('t', sys.argv[1])\n"
        "t = importlib.util.module_from_spec(spec); spec.loader.exec_module(t)\n"
        "for fmt in ('trig', 'nquads', 'jsonld'):\n"
        "    t.export(t.small_dataset(False), fmt, f'{sys.argv[2]}.{fmt}')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "graph")}
    for seed in ("1", "2"):
        out = str(tmp_path / seed)
        subprocess.run(
            [sys.executable, "-c", script, __file__, out],
            env={**env, "PYTHONHASHSEED": seed},
            check=True,
        )
    for fmt in ("trig", "nquads", "jsonld"):
        assert (tmp_path / f"1.{fmt}").read_bytes() == (tmp_path / f"2.{fmt}").read_bytes(), fmt


def test_flat_values_are_scalars() -> None:
    flat = flat_graph(small_graph())
    values = [v for _, d in flat.nodes(data=True) for v in d.values()]
    values += [v for _, _, d in flat.edges(data=True) for v in d.values()]
    assert all(isinstance(v, str | int) for v in values)


def test_csv_nodes_and_edges(tmp_path: Path) -> None:
    G = small_graph()
    files = export(G, "csv", tmp_path / "csv")
    assert sorted(p.name for p in files) == ["edges.csv", "nodes.csv"]
    with (tmp_path / "csv/nodes.csv").open(encoding="utf-8", newline="") as f:
        nodes = {row["Id"]: row for row in csv.DictReader(f)}
    with (tmp_path / "csv/edges.csv").open(encoding="utf-8", newline="") as f:
        edges = list(csv.DictReader(f))
    assert nodes[str(ID.E0666)]["label_en"] == 'a, "quoted"\nname'
    assert nodes[str(ID["adm-310117106"])]["types"] == "Town|AdministrativeUnit"
    assert len(edges) == G.number_of_edges()
    within = next(e for e in edges if e["key"] == "directlyWithin")
    assert within["Label"] == "直接隶属于" and within["evidence_count"] == "1"
    assert json.loads(within["evidence_json"])[0]["start"] == 637
    assert "松江区洞泾镇 — 洞泾 [637–643]" in within["evidence"]


def test_bad_requests(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="choose one of: turtle, trig, nquads, jsonld, graphml"):
        export(small_graph(), "dot", tmp_path / "g.dot")
    with pytest.raises(TypeError, match="needs the RDF dataset"):
        export(small_graph(), "trig", tmp_path / "g.trig")
    with pytest.raises(TypeError, match="needs the networkx view"):
        export(small_dataset(), "gexf", tmp_path / "g.gexf")
    (tmp_path / "file").write_text("", encoding="utf-8")
    with pytest.raises(OutputError, match="is a file, not a folder"):
        export(small_dataset(), "trig", tmp_path / "file" / "g.trig")
    with pytest.raises(OutputError, match="is a file, not a folder"):
        export(small_graph(), "csv", tmp_path / "file" / "csv")
    assert list(tmp_path.iterdir()) == [tmp_path / "file"]
    assert len(FORMATS) == 7


def test_a_failed_export_keeps_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "g.graphml"
    out.write_text("old", encoding="utf-8")
    G = small_graph()
    G.nodes[str(ID.E0666)]["attrs"] = {"bad": object()}
    G.add_edge(str(ID.E0666), str(ID.E0666), key="x", evidence=[{"quote": object()}])
    with pytest.raises(TypeError):
        export(G, "graphml", out)
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["g.graphml"]


def test_handle_with_dataset_and_nx(tmp_path: Path) -> None:
    class Loaded:
        dataset = small_dataset()
        nx = small_graph()

    assert export(Loaded(), "nquads", tmp_path / "g.nq")[0].stat().st_size > 0
    assert export(Loaded(), "graphml", tmp_path / "g.graphml")[0].stat().st_size > 0


def test_callers_graph_is_untouched(tmp_path: Path) -> None:
    G = small_graph()
    before = list(G.nodes(data=True)), list(G.edges(keys=True, data=True))
    export(G, "csv", tmp_path / "csv")
    export(G, "gexf", tmp_path / "g.gexf")
    assert (list(G.nodes(data=True)), list(G.edges(keys=True, data=True))) == before


def test_a_simple_digraph_exports_too(tmp_path: Path) -> None:
    G = nx.DiGraph()
    G.add_node("a", label_zh="甲", type="Town")
    G.add_edge("a", "b", label_zh="位于")
    export(G, "csv", tmp_path / "csv")
    assert "甲" in (tmp_path / "csv/nodes.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "jsonld"])
def test_a_plain_graph_exports_as_the_default_graph(fmt: str, tmp_path: Path) -> None:
    graph = Graph()
    graph.add((ID["adm-310117106"], RDFS.label, Literal("洞泾镇", lang="zh")))
    (out,) = export(graph, fmt, tmp_path / f"g.{fmt}")
    back = Dataset()
    back.parse(out, format={"jsonld": "json-ld", "turtle": "turtle"}.get(fmt, fmt))
    assert isomorphic(back.default_graph, graph)

"""The networkx views: entities only, labelled, edges with evidence, linear and non-mutating
(on the seed graph, the session's `kg`)."""

from __future__ import annotations

from pathlib import Path

import g60kg
import networkx as nx
from g60kg.kg import KnowledgeGraph
from g60kg.views.nxview import simple_digraph, to_networkx

ID = "https://w3id.org/g60kg/id/"
DONGJING, SONGJIANG, LI_QIAN = ID + "adm-310117106", ID + "adm-310117", ID + "E0040"


def test_nodes_are_iris_with_both_labels(kg: KnowledgeGraph) -> None:
    for node, data in kg.nx.nodes(data=True):
        assert node.startswith("https://w3id.org/g60kg/"), node
        assert data["label_zh"] and data["label_en"], node
        assert data["type"] == data["types"][0]
    assert kg.nx.nodes[DONGJING]["types"][:2] == ["Town", "AdministrativeUnit"]


def test_edges_carry_predicate_labels_and_evidence(kg: KnowledgeGraph) -> None:
    edge = kg.nx.edges[DONGJING, SONGJIANG, "directlyWithin"]
    assert edge["label_zh"] == "直接隶属于" and edge["label_en"] == "directly within"
    assert "在松江区洞泾镇集体亮相" in [e["quote"] for e in edge["evidence"]]


def test_collapsed_view_links_people_to_bodies(kg: KnowledgeGraph) -> None:
    titles = {
        d["label_zh"]
        for _, _, k, d in kg.nx_collapsed.out_edges(LI_QIAN, keys=True, data=True)
        if k == "holdsPostIn"
    }
    assert titles == {"李谦任松江区区长", "李谦任松江区区委副书记"}
    assert not any(d["type"] == "PostHolding" for _, d in kg.nx_collapsed.nodes(data=True))


def test_simple_digraph_runs_algorithms(kg: KnowledgeGraph) -> None:
    D = kg.digraph
    assert isinstance(D, nx.DiGraph) and D.number_of_nodes() == kg.nx_collapsed.number_of_nodes()
    assert nx.betweenness_centrality(D)[DONGJING] > 0


def test_view_does_not_mutate_the_dataset(kg: KnowledgeGraph) -> None:
    before = kg.quad_count()
    to_networkx(kg.rdf, collapse_facts=True)
    assert kg.quad_count() == before


def test_round_trips_entity_identity(kg: KnowledgeGraph) -> None:
    rows = kg.query(
        "SELECT DISTINCT ?e WHERE { GRAPH <https://w3id.org/g60kg/graph/entities> { ?e a ?t } }"
    )
    entities = {str(r[0]) for r in rows}  # type: ignore[index]
    assert entities <= set(kg.nx.nodes)


def test_simple_digraph_merges_parallel_edges() -> None:
    M = nx.MultiDiGraph([("a", "b", "p"), ("a", "b", "q"), ("b", "c", "p")])
    D = simple_digraph(M)
    assert D.number_of_edges() == 2 and sorted(D.edges["a", "b"]["keys"]) == ["p", "q"]


def test_both_backends_give_the_same_view(seed_dir: Path) -> None:
    """The view reads Oxigraph natively and other stores term by term; the graphs agree."""
    on_oxigraph = g60kg.load(seed_dir).nx
    in_memory = g60kg.load(seed_dir, backend="memory").nx
    assert list(on_oxigraph.nodes(data=True)) == list(in_memory.nodes(data=True))
    assert sorted(map(repr, on_oxigraph.edges(keys=True, data=True))) == sorted(
        map(repr, in_memory.edges(keys=True, data=True))
    )

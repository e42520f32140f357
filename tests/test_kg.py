"""load(): every backend gives the same dataset; persistent stores reopen without re-parsing."""

from __future__ import annotations

from pathlib import Path

import g60kg
import pytest
from g60kg.errors import G60Error
from g60kg.rdf.build import build
from g60kg.rdf.store import BACKENDS, DEFAULT_BACKEND
from rdflib import Literal


@pytest.fixture(scope="module")
def memory_kg(seed_dir: Path) -> g60kg.KnowledgeGraph:
    return g60kg.load(seed_dir, backend="memory")


@pytest.mark.parametrize("backend", BACKENDS)
def test_backends_hold_the_same_quads(
    backend: str, seed_dir: Path, memory_kg: g60kg.KnowledgeGraph
) -> None:
    reference = memory_kg
    kg = g60kg.load(seed_dir, backend=backend)  # type: ignore[arg-type]
    assert kg.quad_count() == reference.quad_count()
    query = "SELECT ?s ?l WHERE { ?s rdfs:label ?l } ORDER BY ?s"
    bound = {"l": Literal("松江区", lang="zh")}
    assert [tuple(r) for r in kg.query(query, bound)] == [
        tuple(r) for r in reference.query(query, bound)
    ]  # type: ignore[arg-type]


def test_default_backend_is_oxigraph(seed_dir: Path) -> None:
    assert DEFAULT_BACKEND == "oxigraph"
    assert g60kg.load(seed_dir).backend == "oxigraph"


def test_load_from_build_folder_and_file(seed_dir: Path, tmp_path: Path) -> None:
    build(seed_dir, tmp_path)
    assert g60kg.load(tmp_path).quad_count() == g60kg.load(tmp_path / "g60kg.nq").quad_count()


def test_persistent_store_reopens_without_data(seed_dir: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = g60kg.load(seed_dir, store_path=store)
    count = first.quad_count()
    del first
    reopened = g60kg.load(store)
    assert reopened.quad_count() == count


def test_nothing_to_load_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(G60Error, match="nothing to load"):
        g60kg.load(tmp_path / "missing")


def test_union_query_still_addresses_named_graphs(seed_dir: Path) -> None:
    kg = g60kg.load(seed_dir)
    rows = kg.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    names = {str(r[0]) for r in rows}  # type: ignore[index]
    assert "https://w3id.org/g60kg/graph/source/dongjing-ai-town" in names
    assert "https://w3id.org/g60kg/graph/inferred" in names

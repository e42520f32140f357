"""load(): every backend gives the same dataset; persistent stores reopen without re-parsing."""

from __future__ import annotations

import json
import os
from pathlib import Path

import g60kg
import g60kg.kg as kg_module
import pytest
from g60kg.errors import G60Error
from g60kg.queries.lookup import INDEX_NAME, find
from g60kg.rdf.build import NQUADS_NAME, build
from g60kg.rdf.store import BACKENDS, DEFAULT_BACKEND
from rdflib import Literal

DONGJING = "https://w3id.org/g60kg/id/adm-310117106"


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


def test_a_large_build_keeps_a_store_and_a_name_index_beside_it(
    seed_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kg_module, "KEPT_STORE_BYTES", 0)  # the seed's build counts as large
    build(seed_dir, tmp_path)
    nquads, index = tmp_path / NQUADS_NAME, tmp_path / INDEX_NAME
    first = g60kg.load(tmp_path)
    assert first.kept_from == nquads and (tmp_path / "g60kg.oxigraph").is_dir()
    assert find(first, "洞泾镇") == DONGJING and index.is_file()

    # The next command reads the kept index (shown by editing it) while the build is the same...
    kept = json.loads(index.read_text(encoding="utf-8"))
    kept["findable"] = {"urn:x:edited": ["洞泾镇"]}
    index.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    assert find(g60kg.load(tmp_path), "洞泾镇") == "urn:x:edited"

    # ...and asks the store again once the build changed.
    os.utime(nquads, ns=(nquads.stat().st_atime_ns, nquads.stat().st_mtime_ns + 1))
    assert find(g60kg.load(tmp_path), "洞泾镇") == DONGJING
    assert "urn:x:edited" not in index.read_text(encoding="utf-8")

"""`KnowledgeGraph`: a thin handle over the RDF dataset with its networkx views."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

import networkx
from rdflib import Dataset
from rdflib.query import Result
from rdflib.term import Identifier

from .errors import G60Error
from .netwall import run_offline
from .rdf.build import NQUADS_NAME, compile_checked, default_data_dir, serialize_nquads
from .rdf.namespaces import PREFIXES
from .rdf.store import DEFAULT_BACKEND, Backend, dataset_from_nquads, open_store
from .sparql.safety import check_bindings
from .views.nxview import simple_digraph, to_networkx

__all__ = ["KnowledgeGraph", "load"]


class KnowledgeGraph:
    """The graph: `rdf` (an rdflib Dataset, union of the named graphs) and networkx views.

    Algorithms live in modules as functions over `kg.rdf` or `kg.nx`; this class stays thin.
    """

    def __init__(self, rdf: Dataset, backend: str) -> None:
        self.rdf = rdf
        self.backend = backend

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> Result:
        """Run SPARQL over the union of all named graphs; `bindings` bind variables as terms.

        Bound variables must be projected (or the query `SELECT *`): Oxigraph substitutes
        only projected variables, and every backend must give the same answers. Updates,
        `SERVICE` and `FROM` are refused (see `safety.check_query`), and the query runs and
        is read to the end on a thread without network (see `netwall`).

        >>> kg = load(backend="memory")
        >>> from rdflib import Literal
        >>> label = {"l": Literal("洞泾镇", lang="zh")}
        >>> rows = kg.query("SELECT ?s ?l WHERE { ?s rdfs:label ?l }", label)
        >>> [str(r[0]) for r in rows]
        ['https://w3id.org/g60kg/id/adm-310117106']
        """
        bound = dict(bindings or {})
        check_bindings(sparql, bound)

        def run() -> Result:
            result = self.rdf.query(sparql, initNs=PREFIXES, initBindings=bound)
            if result.type == "SELECT":
                result.bindings  # noqa: B018 - reads the lazy rows here, offline
            return result

        return run_offline(run)

    @cached_property
    def nx(self) -> networkx.MultiDiGraph:
        """Entities (and n-ary fact nodes) as a MultiDiGraph; edges keyed by predicate."""
        return to_networkx(self.rdf)

    @cached_property
    def nx_collapsed(self) -> networkx.MultiDiGraph:
        """As `nx`, with investments, post holdings and components collapsed into direct edges."""
        return to_networkx(self.rdf, collapse_facts=True)

    @cached_property
    def digraph(self) -> networkx.DiGraph:
        """A simple DiGraph projection of `nx_collapsed` for algorithms that refuse multigraphs."""
        return simple_digraph(self.nx_collapsed)

    def ask(self, question: str, lang: str | None = None) -> Any:
        """Answer a plain question in Chinese or English; see `g60kg.ask.ask`.

        >>> [a.label for a in load().ask("洞泾镇位于哪个区？").answers]
        ['松江区']
        """
        from .ask import ask

        return ask(self, question, lang)

    def quad_count(self) -> int:
        """How many quads the dataset holds."""
        return sum(1 for _ in self.rdf.quads((None, None, None, None)))


def load(
    source: Path | str | None = None,
    *,
    backend: Backend = DEFAULT_BACKEND,
    store_path: Path | str | None = None,
) -> KnowledgeGraph:
    """Load the knowledge graph.

    `source` is the project's data (default), a data folder, a build folder holding
    `g60kg.nq`, an N-Quads file, or a persistent Oxigraph store folder (reopened without
    re-parsing). `store_path` makes the Oxigraph backend persist to that folder.

    >>> kg = load()
    >>> kg.backend, kg.quad_count() > 1000
    ('oxigraph', True)
    """
    path = Path(source) if source is not None else None
    if path is not None and _is_oxigraph_store(path):
        return KnowledgeGraph(open_store(path), "oxigraph")
    if path is None or (path / "statements").is_dir():
        nquads: bytes | Path = serialize_nquads(compile_checked(path or default_data_dir()))
    elif (path / NQUADS_NAME).is_file():
        nquads = path / NQUADS_NAME
    elif path.is_file():
        nquads = path
    else:
        raise G60Error(
            f"nothing to load at {path}: expected a data folder, a build folder with "
            f"{NQUADS_NAME}, an N-Quads file or an Oxigraph store folder"
        )
    store = Path(store_path) if store_path is not None else None
    return KnowledgeGraph(dataset_from_nquads(nquads, backend, store), backend)


def _is_oxigraph_store(path: Path) -> bool:
    return path.is_dir() and any(p.name.startswith(("CURRENT", "MANIFEST")) for p in path.iterdir())

"""`KnowledgeGraph`: a thin handle over the RDF dataset with its networkx views.

`load()` reads the project's built dataset when it is up to date with `data/` and the ontology,
rebuilds it when not (saying so on stderr), and outside any project reads the dataset shipped in
the package. On Oxigraph, queries run natively on the pyoxigraph store; the rdflib `Dataset`
and the networkx views are made on first use.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .contain import run_contained
from .errors import G60Error
from .netwall import run_offline
from .project import DATA_ENV, Project, find_project, shipped_dataset
from .rdf.freshness import MANIFEST_NAME, NQUADS_NAME, built_dataset
from .rdf.namespaces import PREFIXES
from .rdf.store import (
    DEFAULT_BACKEND,
    Backend,
    dataset_from_nquads,
    dataset_on_store,
    open_store,
    oxigraph_store,
    store_from_nquads,
)

if TYPE_CHECKING:
    import networkx
    from rdflib import Dataset
    from rdflib.query import Result
    from rdflib.term import Identifier, URIRef

    from .sparql.terms import PlainAnswer

__all__ = ["KnowledgeGraph", "load"]

# Past this size (about 2e4 quads; 0.1 s to parse) reopening a read-only store kept beside
# the build is faster than parsing the N-Quads again.
KEPT_STORE_BYTES = 4_000_000


class KnowledgeGraph:
    """The graph: `rdf` (an rdflib Dataset, union of the named graphs) and networkx views.

    Algorithms live in modules as functions over `kg.rdf` or `kg.nx`; this class stays thin.
    """

    def __init__(
        self,
        rdf: Dataset | None,
        backend: str,
        store: ox.Store | None = None,
        *,
        kept_from: Path | None = None,
    ) -> None:
        if rdf is None and store is None:
            raise G60Error("a KnowledgeGraph needs an rdflib Dataset or a pyoxigraph Store")
        if rdf is not None:
            self.rdf = rdf
            store = store or oxigraph_store(rdf)
        self.store = store
        self.backend = backend
        self.kept_from = kept_from
        """The build a read-only kept store was made from (None otherwise): answers that depend
        only on the data, like the name index of `queries.lookup`, may be kept beside it."""

    @cached_property
    def rdf(self) -> Dataset:
        """The rdflib `Dataset` (made on first use over the same Oxigraph store)."""
        assert self.store is not None
        return dataset_on_store(self.store)

    def query(
        self,
        sparql: str,
        bindings: Mapping[str, Identifier] | None = None,
        *,
        check: bool = True,
    ) -> Result:
        """Run SPARQL over the union of all named graphs; `bindings` bind variables as terms.

        Bound variables must be projected (or the query `SELECT *`): Oxigraph substitutes
        only projected variables, and every backend must give the same answers. Updates,
        `SERVICE` and `FROM` are refused (see `sparql.safety.check_query`); `check=False`
        skips that for the package's own queries. The query runs, and is read to the end, on a
        thread without network (see `netwall`); within `contain.contained_engine()`, in a child
        process, so that an abort of the engine is an `EngineAborted` error.

        >>> kg = load(backend="memory")
        >>> from rdflib import Literal
        >>> label = {"l": Literal("洞泾镇", lang="zh")}
        >>> rows = kg.query("SELECT ?s ?l WHERE { ?s rdfs:label ?l }", label)
        >>> [str(r[0]) for r in rows]
        ['https://w3id.org/g60kg/id/adm-310117106']
        """
        bound = dict(bindings or {})
        if check:
            from .sparql.safety import check_bindings

            check_bindings(sparql, bound)

        def run() -> Result:
            from .sparql.terms import rdflib_result

            if self.store is None:
                result = self.rdf.query(sparql, initNs=PREFIXES, initBindings=bound)
                if result.type == "SELECT":
                    result.bindings  # noqa: B018 - reads the lazy rows here, offline
                return result
            return rdflib_result(run_contained(_evaluate, self.store, (sparql, bound)))

        return run_offline(run)

    @cached_property
    def nx(self) -> networkx.MultiDiGraph:
        """Entities (and n-ary fact nodes) as a MultiDiGraph; edges keyed by predicate."""
        from .views.nxview import to_networkx

        return to_networkx(self.rdf)

    @cached_property
    def nx_collapsed(self) -> networkx.MultiDiGraph:
        """As `nx`, with investments, post holdings and components collapsed into direct edges."""
        from .views.nxview import to_networkx

        return to_networkx(self.rdf, collapse_facts=True)

    @cached_property
    def digraph(self) -> networkx.DiGraph:
        """A simple DiGraph projection of `nx_collapsed` for algorithms that refuse multigraphs."""
        from .views.nxview import simple_digraph

        return simple_digraph(self.nx_collapsed)

    def resolve(self, text: str, lang: str = "zh", kind: str | None = None) -> URIRef:
        """The IRI a user means by `text` (an IRI, a CURIE or a name; `kind` narrows it to a
        class, a code list or the entities of a class); see `g60kg.queries.lookup.resolve`.

        >>> str(kg.resolve("洞泾镇"))
        'https://w3id.org/g60kg/id/adm-310117106'
        """
        from .queries.lookup import resolve

        return resolve(self, text, lang, kind)

    def ask(self, question: str, lang: str | None = None) -> Any:
        """Answer a plain question in Chinese or English; see `g60kg.ask.ask`.

        >>> [a.label for a in load().ask("洞泾镇位于哪个区？").answers]
        ['松江区']
        """
        from .ask import ask

        return ask(self, question, lang)

    def quad_count(self) -> int:
        """How many quads the dataset holds."""
        if self.store is not None:
            return len(self.store)
        return sum(1 for _ in self.rdf.quads((None, None, None, None)))


def _evaluate(store: ox.Store, request: tuple[str, dict[str, Identifier]]) -> PlainAnswer:
    """Run a query on Oxigraph and read its answer to the end (in a child process when
    `contain.contained_engine` is in force, so this takes and returns plain data)."""
    from .sparql.terms import plain_answer, pyoxigraph_term

    sparql, bound = request
    answer = store.query(
        sparql,
        prefixes=dict(PREFIXES),
        use_default_graph_as_union=True,
        substitutions={ox.Variable(k): pyoxigraph_term(v) for k, v in bound.items()},
    )
    return plain_answer(answer)


def _say(message: str) -> None:
    print(f"g60kg: {message}", file=sys.stderr)


def default_source() -> Path:
    """What `load()` reads by default: the current project's build (rebuilt when stale), else
    the dataset shipped in the package."""
    project = find_project()
    if project is not None and project.data_dir.is_dir():
        return built_dataset(project, _say)
    shipped = shipped_dataset()
    if shipped is None:
        raise G60Error(
            f"no g60kg project here and no dataset shipped with this installation: run inside "
            f"a project folder (with data/), pass a source, or set {DATA_ENV}"
        )
    return shipped


def build_stamp(nquads: Path) -> str:
    """Size and modification time of a built dataset: what a store or index kept beside it
    was made from (a build replaces the file, so both change)."""
    found = nquads.stat()
    return f"{found.st_size} {found.st_mtime_ns}"


def _kept_store(nquads: Path) -> ox.Store:
    """A read-only persistent store beside a large build, made once per build."""
    folder = nquads.with_suffix(".oxigraph")
    stamp = folder / "made-from"
    made_from = build_stamp(nquads)
    if not (stamp.is_file() and stamp.read_text(encoding="utf-8") == made_from):
        import shutil
        import tempfile

        _say(f"keeping a store of {nquads.name} in {folder} (opened without parsing next time)")
        # Written beside, then renamed into place: a second process loading at the same time
        # never sees a half-written store (its own copy is simply dropped).
        staging = Path(tempfile.mkdtemp(prefix=".g60kg-store-", dir=nquads.parent))
        try:
            store_from_nquads(nquads, staging / "store")  # written and flushed, then dropped
            (staging / "store" / "made-from").write_text(made_from, encoding="utf-8")
            old = staging / "old"
            if folder.exists():
                folder.rename(old)
            (staging / "store").rename(folder)
        except OSError:
            pass  # another process put its store in place first
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return open_store(folder, read_only=True)


def load(
    source: Path | str | None = None,
    *,
    backend: Backend = DEFAULT_BACKEND,
    store_path: Path | str | None = None,
) -> KnowledgeGraph:
    """Load the knowledge graph.

    `source` is the current project's built dataset (default; rebuilt when `data/` or the
    ontology changed), a data folder (its build is reused the same way), a build folder
    holding `g60kg.nq`, an N-Quads file, or a persistent Oxigraph store folder (reopened
    without re-parsing). `store_path` makes the Oxigraph backend persist to that folder. A
    large build is opened through a read-only store kept beside it, so its graph is read-only.

    >>> kg = load()
    >>> kg.backend, kg.quad_count() > 1000
    ('oxigraph', True)
    """
    path = Path(source) if source is not None else None
    if path is not None and _is_oxigraph_store(path):
        return KnowledgeGraph(None, "oxigraph", open_store(path))
    if path is None:
        nquads = default_source()
    elif (path / "statements").is_dir():
        nquads = built_dataset(Project(path.resolve()), _say)
    elif (path / NQUADS_NAME).is_file():
        nquads = path / NQUADS_NAME
    elif path.is_file():
        nquads = path
    else:
        raise G60Error(
            f"nothing to load at {path}: expected a data folder, a build folder with "
            f"{NQUADS_NAME}, an N-Quads file or an Oxigraph store folder"
        )
    if backend != "oxigraph":
        return KnowledgeGraph(dataset_from_nquads(nquads, backend), backend)
    if store_path is not None:
        return KnowledgeGraph(None, backend, store_from_nquads(nquads, Path(store_path)))
    if nquads.stat().st_size > KEPT_STORE_BYTES and (nquads.parent / MANIFEST_NAME).is_file():
        return KnowledgeGraph(None, backend, _kept_store(nquads), kept_from=nquads)
    return KnowledgeGraph(None, backend, store_from_nquads(nquads))


def _is_oxigraph_store(path: Path) -> bool:
    return path.is_dir() and any(p.name.startswith(("CURRENT", "MANIFEST")) for p in path.iterdir())

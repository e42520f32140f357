"""Store backends behind one rdflib API: rdflib's memory store and Oxigraph (memory or disk)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from typing import Literal as TypingLiteral

import pyoxigraph as ox

from ..errors import DatasetError, DatasetMissing, G60Error

if TYPE_CHECKING:
    from rdflib import Dataset

__all__ = [
    "BACKENDS",
    "DEFAULT_BACKEND",
    "Backend",
    "dataset_format",
    "dataset_from_nquads",
    "dataset_on_store",
    "load_dataset_file",
    "open_store",
    "oxigraph_store",
    "store_from_nquads",
]

Backend = TypingLiteral["oxigraph", "memory"]
BACKENDS: tuple[Backend, ...] = ("oxigraph", "memory")
# Measured in benchmarks/bench_backends.py: Oxigraph loads and aggregates several times faster.
DEFAULT_BACKEND: Backend = "oxigraph"


def _check_backend(backend: str) -> None:
    if backend not in BACKENDS:
        raise G60Error(f"unknown backend '{backend}'; choose one of {', '.join(BACKENDS)}")


def dataset_format(path: Path) -> ox.RdfFormat:
    """The RDF format of a dataset file (N-Quads or TriG, by its extension), or a clear error.

    >>> dataset_format(Path("pyproject.toml"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    g60kg.errors.DatasetError: pyproject.toml is not N-Quads or TriG (.nq, .trig); make one ...
    """
    found = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
    if found is None or not found.supports_datasets:
        raise DatasetError(
            f"{path} is not N-Quads or TriG (.nq, .trig); make one with g60kg build or "
            "g60kg export --format nquads"
        )
    if not path.is_file():
        raise DatasetMissing(f"no dataset at {path}")
    return found


def load_dataset_file(store: ox.Store, path: Path) -> None:
    """Bulk-load a dataset file into `store`; a syntax error names the file and the place."""
    rdf_format = dataset_format(path)
    try:
        store.bulk_load(path=path, format=rdf_format)
    except SyntaxError as exc:
        raise DatasetError(f"{path}: not valid {rdf_format.name}: {exc}") from None


def dataset_from_nquads(
    nquads: bytes | Path, backend: Backend = DEFAULT_BACKEND, store_path: Path | None = None
) -> Dataset:
    """Load N-Quads into a union-queryable rdflib `Dataset` on the chosen backend.

    With `store_path`, Oxigraph keeps the store on disk there (reopen it with `open_store`).

    >>> ds = dataset_from_nquads(b'<urn:a> <urn:p> "x" <urn:g> .\\n', "memory")
    >>> len(list(ds.quads()))
    1
    """
    _check_backend(backend)
    if backend == "memory":
        if store_path is not None:
            raise G60Error("the memory backend cannot persist to a path; use backend 'oxigraph'")
        from rdflib import Dataset

        ds = Dataset(default_union=True)
        if isinstance(nquads, Path):
            ds.parse(nquads, format="nquads")
        else:
            ds.parse(data=nquads, format="nquads")
        return ds
    return dataset_on_store(store_from_nquads(nquads, store_path))


def store_from_nquads(nquads: bytes | Path, store_path: Path | None = None) -> ox.Store:
    """A pyoxigraph `Store` holding `nquads` (in memory, or on disk at `store_path`)."""
    if store_path is None:
        # In memory, `load` peaks at 0.38 GB for 1e6 quads where `bulk_load` (which batches
        # for on-disk stores) peaks at 0.61 GB, in the same time (benchmarks/README.md).
        inner = ox.Store()
        load = inner.load
    else:
        inner = ox.Store(str(store_path))
        load = inner.bulk_load
    try:
        if isinstance(nquads, Path):
            load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        else:
            load(nquads, format=ox.RdfFormat.N_QUADS)
    except SyntaxError as exc:  # a bad escape (an unpaired surrogate, ...), a broken line
        where = nquads if isinstance(nquads, Path) else "the N-Quads given"
        raise DatasetError(f"{where}: not valid N-Quads: {exc}") from None
    if store_path is not None:
        inner.flush()
    return inner


def dataset_on_store(store: ox.Store) -> Dataset:
    """An rdflib `Dataset` (union default graph) over a pyoxigraph `Store`."""
    from oxrdflib import OxigraphStore
    from rdflib import Dataset

    return Dataset(store=OxigraphStore(store=store), default_union=True)


def open_store(store_path: Path, *, read_only: bool = False) -> ox.Store:
    """Reopen a persistent Oxigraph store without re-parsing anything."""
    if not (store_path.is_dir() and any(store_path.iterdir())):
        raise G60Error(
            f"no Oxigraph store at {store_path}; make one with g60kg.load(..., store_path=...)"
        )
    path = str(store_path)
    return ox.Store.read_only(path) if read_only else ox.Store(path)


def oxigraph_store(ds: Dataset) -> ox.Store | None:
    """The pyoxigraph `Store` under an Oxigraph-backed dataset (None on another backend), for
    views that read millions of quads natively.

    >>> oxigraph_store(dataset_from_nquads(b"", "oxigraph")) is not None
    True
    """
    inner = getattr(ds.store, "_inner", None)
    return inner if isinstance(inner, ox.Store) else None

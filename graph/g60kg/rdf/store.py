"""Store backends behind one rdflib API: rdflib's memory store and Oxigraph (memory or disk)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal as TypingLiteral

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset

from ..errors import G60Error

__all__ = [
    "BACKENDS",
    "DEFAULT_BACKEND",
    "Backend",
    "dataset_from_nquads",
    "open_store",
    "oxigraph_store",
]

Backend = TypingLiteral["oxigraph", "memory"]
BACKENDS: tuple[Backend, ...] = ("oxigraph", "memory")
# Measured in benchmarks/bench_backends.py: Oxigraph loads and aggregates several times faster.
DEFAULT_BACKEND: Backend = "oxigraph"


def _check_backend(backend: str) -> None:
    if backend not in BACKENDS:
        raise G60Error(f"unknown backend '{backend}'; choose one of {', '.join(BACKENDS)}")


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
        ds = Dataset(default_union=True)
        if isinstance(nquads, Path):
            ds.parse(nquads, format="nquads")
        else:
            ds.parse(data=nquads, format="nquads")
        return ds
    if store_path is None:
        # In memory, `load` peaks at 0.38 GB for 1e6 quads where `bulk_load` (which batches
        # for on-disk stores) peaks at 0.61 GB, in the same time (benchmarks/README.md).
        inner = ox.Store()
        load = inner.load
    else:
        inner = ox.Store(str(store_path))
        load = inner.bulk_load
    if isinstance(nquads, Path):
        load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    else:
        load(nquads, format=ox.RdfFormat.N_QUADS)
    if store_path is not None:
        inner.flush()
    return Dataset(store=OxigraphStore(store=inner), default_union=True)


def open_store(store_path: Path) -> Dataset:
    """Reopen a persistent Oxigraph store without re-parsing anything."""
    if not (store_path.is_dir() and any(store_path.iterdir())):
        raise G60Error(f"no Oxigraph store at {store_path}; create one with `g60kg load --store`")
    return Dataset(store=OxigraphStore(store=ox.Store(str(store_path))), default_union=True)


def oxigraph_store(ds: Dataset) -> ox.Store | None:
    """The pyoxigraph `Store` under an Oxigraph-backed dataset (None on another backend), for
    views that read millions of quads natively.

    >>> oxigraph_store(dataset_from_nquads(b"", "oxigraph")) is not None
    True
    """
    store = ds.store
    return store._inner if isinstance(store, OxigraphStore) else None

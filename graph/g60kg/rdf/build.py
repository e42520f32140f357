"""Build the dataset: read `data/`, check it, compile it to RDF, validate, write atomically."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
from rdflib import Dataset

from ..errors import InputErrors, ValidationFailed
from ..output import write_all
from ..project import Project, ontology_dir, require_project
from ..records.checks import check_data
from ..records.read import read_data
from .compile import compile_dataset
from .freshness import MANIFEST_NAME, NQUADS_NAME, TRIG_NAME, Inputs, manifest_bytes
from .infer import add_inferences
from .namespaces import PREFIXES
from .ontology import load_ontology
from .store import dataset_from_nquads
from .validate import scalable_problems, shacl_problems, sparql_problems, union_graph

__all__ = [
    "NQUADS_NAME",
    "TRIG_NAME",
    "BuildResult",
    "ValidationFailed",
    "build",
    "compile_checked",
    "default_build_dir",
    "default_data_dir",
    "serialize_nquads",
]

PYSHACL_LIMIT = 20_000
"""Up to this many quads pyshacl checks the shapes itself; past it the compiled SPARQL runs in
Oxigraph (pyshacl took about 5 s CPU on the 55k-quad corridor graph, the compiled path well under
one; both find the same problems, see tests/test_validate.py)."""


@dataclass
class BuildResult:
    """What a build produced, how many quads and how long each step took (seconds)."""

    dataset: Dataset
    files: list[Path] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    quads: int = 0


def project_root() -> Path:
    """The folder of the current project (see `g60kg.project`)."""
    return require_project().root


def default_data_dir() -> Path:
    """The current project's `data/` folder."""
    return require_project().data_dir


def default_build_dir() -> Path:
    """The current project's `build/` folder (ignored by git)."""
    return require_project().build_dir


def compile_checked(
    data_dir: Path, timings: dict[str, float] | None = None, onto_dir: Path | None = None
) -> Dataset:
    """Read, check, compile and validate; raise `InputErrors` or `ValidationFailed`.

    The ontology is `onto_dir`, by default the one of `data_dir`'s project (its `ontology/`,
    else the shipped one).

    >>> ds = compile_checked(default_data_dir())
    >>> len(ds) > 1000
    True
    """
    return _compile_checked(data_dir, timings, onto_dir)[0]


def _compile_checked(
    data_dir: Path, timings: dict[str, float] | None, onto_dir: Path | None
) -> tuple[Dataset, bytes]:
    """`compile_checked`, also returning the dataset's N-Quads (serialised once per build)."""
    timings = timings if timings is not None else {}
    clock = time.perf_counter()
    onto_dir = onto_dir or Project(data_dir.resolve()).ontology_dir
    onto = load_ontology(onto_dir)
    data = read_data(data_dir)
    problems = check_data(data, onto)
    ds, compile_problems = compile_dataset(data, onto)
    problems += compile_problems
    if problems:
        raise InputErrors(problems)
    timings["read+compile"] = time.perf_counter() - clock
    clock = time.perf_counter()
    add_inferences(ds)
    timings["infer"] = time.perf_counter() - clock
    clock = time.perf_counter()
    nquads = serialize_nquads(ds)
    found = validation_problems(ds, onto_dir, nquads)
    timings["validate"] = time.perf_counter() - clock
    if found:
        raise ValidationFailed(found)
    return ds, nquads


def validation_problems(
    ds: Dataset, onto_dir: Path | None = None, nquads: bytes | None = None
) -> list[str]:
    """SHACL and cross-node checks: pyshacl itself up to `PYSHACL_LIMIT` quads, beyond that the
    same shapes compiled to SPARQL and run inside Oxigraph (pyshacl took 55 s at 1e6 quads and
    the rdflib checks minutes; the compiled path 4.7 s — benchmarks/results/).

    `nquads` is `serialize_nquads(ds)` when the caller has it already."""
    onto_dir = onto_dir or ontology_dir()
    shapes, checks = onto_dir / "shapes.ttl", onto_dir / "checks"
    nquads = serialize_nquads(ds) if nquads is None else nquads
    quads = nquads.count(b"\n")
    on_oxigraph = dataset_from_nquads(nquads)
    if quads <= PYSHACL_LIMIT:
        # pyshacl reads the shapes exactly; the cross-node checks run inside Oxigraph, where they
        # take milliseconds (rdflib's own engine took seconds at 15k quads).
        return shacl_problems(union_graph(ds), shapes) + sparql_problems(on_oxigraph, checks)
    return scalable_problems(on_oxigraph, shapes, checks)


def serialize_nquads(ds: Dataset) -> bytes:
    """N-Quads, one statement a line, sorted: the same dataset always gives the same bytes."""
    text = ds.serialize(format="nquads", encoding="utf-8")
    lines = sorted(set(line for line in text.splitlines() if line.strip()))
    return b"\n".join(lines) + b"\n"


def _serialize_trig(nquads: bytes) -> bytes:
    """TriG with the project's prefixes, from the sorted quads (so it is reproducible too)."""
    quads = pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS)
    out = pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.TRIG, prefixes=PREFIXES)
    return bytes(out) if out is not None else b""


def build(data_dir: Path | None = None, out_dir: Path | None = None) -> BuildResult:
    """Build the dataset and write TriG, N-Quads and the manifest of its inputs into `out_dir`
    (default: the `build/` folder beside `data_dir`).

    Nothing is written unless every check passes, so a failed build leaves the previous output
    untouched.
    """
    project = require_project(data_dir)
    out_dir = out_dir or project.build_dir
    inputs = Inputs.of(project)
    inputs.content  # noqa: B018 - hashed before reading, so an edit during the build shows
    timings: dict[str, float] = {}
    ds, nquads = _compile_checked(project.data_dir, timings, None)
    clock = time.perf_counter()
    outputs = {
        out_dir / NQUADS_NAME: nquads,
        out_dir / TRIG_NAME: _serialize_trig(nquads),
        out_dir / MANIFEST_NAME: manifest_bytes(inputs, nquads.count(b"\n")),
    }
    write_all(outputs)
    timings["write"] = time.perf_counter() - clock
    return BuildResult(ds, sorted(outputs), timings, nquads.count(b"\n"))

"""The whole named-query library on external stores: the real build pushed into a fresh Oxigraph
server and a fresh Virtuoso gives the embedded answers to every named query."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import g60kg
import pytest
from g60kg.rdf.build import NQUADS_NAME
from g60kg.rdf.namespaces import PREFIXES
from g60kg.sparql.named import bind_params, named_queries
from g60kg.sparql.remote import RemoteError, push, pyoxigraph_term, query_endpoint
from g60kg.sparql.text import bind_values
from pyoxigraph import RdfFormat, Store

# One example value per parameter, as a user would type it.
EXAMPLES = {
    "event": "投资推介会", "place": "洞泾镇", "entity": "李谦", "subject": "洞泾镇",
    "class": "g60:Place", "programme": "三区两翼", "of": "松江区",
}  # fmt: skip
PROLOGUE = "".join(f"PREFIX {prefix}: <{ns}>\n" for prefix, ns in PREFIXES.items())


@pytest.fixture(scope="module")
def dataset(full_build: Path) -> Path:
    return full_build / NQUADS_NAME


@pytest.fixture(scope="module")
def library(dataset: Path) -> dict[str, tuple[str, dict[str, Any]]]:
    """Every named query with its parameters bound as pyoxigraph terms."""
    kg = g60kg.load(dataset)
    bound = {}
    for name, query in named_queries().items():
        params = {p: EXAMPLES[p] for p in query.params if p not in query.optional}
        terms = {k: pyoxigraph_term(v) for k, v in bind_params(kg, query, params).items()}
        bound[name] = (PROLOGUE + query.text, terms)
    assert len(bound) >= 12
    return bound


@pytest.fixture(scope="module")
def embedded(dataset: Path, library: dict[str, tuple[str, dict[str, Any]]],
             answers: dict[str, Callable[..., Any]]) -> dict[str, Any]:  # fmt: skip
    store = Store()
    store.bulk_load(path=dataset, format=RdfFormat.N_QUADS)
    found = {}
    for name, (text, terms) in library.items():
        result = store.query(bind_values(text, terms), use_default_graph_as_union=True)
        found[name] = answers["ox"](result)
        assert found[name][-1], f"{name} has no answer on the embedded store"
    return found


def remote(url: str, library: dict[str, tuple[str, dict[str, Any]]],
           answers: dict[str, Callable[..., Any]]) -> dict[str, Any]:  # fmt: skip
    return {
        name: answers["ox"](query_endpoint(url, text, terms))
        for name, (text, terms) in library.items()
    }


def test_oxigraph_server_answers_the_library_like_embedded(
    fresh_oxigraph: str, dataset: Path, library: dict[str, tuple[str, dict[str, Any]]],
    embedded: dict[str, Any], answers: dict[str, Callable[..., Any]],
) -> None:  # fmt: skip
    push(dataset, f"{fresh_oxigraph}/store")
    assert remote(f"{fresh_oxigraph}/query", library, answers) == embedded


def test_virtuoso_answers_the_library_like_embedded(
    fresh_virtuoso: str, dataset: Path, library: dict[str, tuple[str, dict[str, Any]]],
    embedded: dict[str, Any], answers: dict[str, Callable[..., Any]],
) -> None:  # fmt: skip
    push(dataset, f"{fresh_virtuoso}/sparql-graph-crud-auth", auth=("dba", "dba"), digest=True)
    normalise = answers["virtuoso"]
    problems = {}
    for name, (text, terms) in library.items():
        try:
            got = answers["ox"](query_endpoint(f"{fresh_virtuoso}/sparql", text, terms))
        except RemoteError as exc:
            problems[name] = str(exc).splitlines()[0][-120:]
            continue
        if normalise(got) != normalise(embedded[name]):
            problems[name] = f"differs: {normalise(got)} != {normalise(embedded[name])}"[:2000]
    assert problems == {}

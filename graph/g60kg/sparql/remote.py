"""Push the dataset into an external SPARQL 1.1 store and query a remote endpoint.

``push`` keeps the named graphs: each graph is replaced as a whole (a Graph Store ``PUT``, or
``DROP SILENT GRAPH`` then ``INSERT DATA`` over the Update protocol), so pushing twice leaves
the store as pushing once. ``query_endpoint`` binds parameters as serialised RDF terms and
returns what pyoxigraph's ``Store.query`` would.

Example:

>>> push("build/g60kg.nq", "http://127.0.0.1:8890/sparql-graph-crud-auth",
...      auth=("dba", "dba"), digest=True, graph_param="graph-uri")  # doctest: +SKIP
{'https://w3id.org/g60kg/graph/entities': 1234, ...}
>>> query_endpoint("http://127.0.0.1:7878/sparql", "ASK { ?s ?p ?o }")  # doctest: +SKIP
<QueryBoolean true>
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import islice
from pathlib import Path
from typing import Literal as Choice

import httpx
from pyoxigraph import (
    DefaultGraph,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Store,
    Triple,
    parse,
    parse_query_results,
    serialize,
)

from g60kg.sparql.text import bind_values, inspect_query

from ..errors import RemoteError
from ..rdf.store import load_dataset_file
from .bounded import Exchange, redact, url_secrets
from .terms import as_rdflib_result, pyoxigraph_term

__all__ = ["RemoteError", "as_rdflib_result", "push", "pyoxigraph_term", "query_endpoint"]


def _client(auth: tuple[str, str] | None, digest: bool, timeout_s: float) -> httpx.Client:
    scheme: httpx.Auth | None = None
    if auth is not None:
        scheme = httpx.DigestAuth(*auth) if digest else httpx.BasicAuth(*auth)
    return httpx.Client(auth=scheme, timeout=timeout_s)


def _exchange(
    client: httpx.Client, url: str, auth: tuple[str, str] | None, deadline_s: float, max_bytes: int
) -> Exchange:
    secrets = [auth[1]] if auth is not None and auth[1] else []
    return Exchange(client, deadline_s, max_bytes, secrets + url_secrets(url))


def _batches(store: Store, graph: NamedNode | DefaultGraph, size: int) -> Iterator[bytes]:
    triples = (
        Triple(q.subject, q.predicate, q.object)
        for q in store.quads_for_pattern(None, None, None, graph)
    )
    while batch := list(islice(triples, size)):
        yield serialize(batch, format=RdfFormat.N_TRIPLES) or b""


def _load(dataset_path: Path) -> Store:
    store = Store()
    load_dataset_file(store, dataset_path)
    return store


def _graph_requests(
    endpoint: str,
    graph: NamedNode | DefaultGraph,
    bodies: Iterator[bytes],
    protocol: str,
    graph_param: str,
) -> Iterator[httpx.Request]:
    """The requests that replace one graph: the first replaces, the others add."""
    named = isinstance(graph, NamedNode)
    for index, body in enumerate(bodies):
        if protocol == "graph-store":
            params = {graph_param: graph.value} if isinstance(graph, NamedNode) else {"default": ""}
            method = "PUT" if index == 0 else "POST"
            yield httpx.Request(
                method,
                endpoint,
                params=params,
                content=body,
                headers={"Content-Type": "text/turtle"},
            )
            continue
        target = f"GRAPH {graph}" if named else "DEFAULT"
        drop = f"DROP SILENT {target} ;\n" if index == 0 else ""
        data = body.decode("utf-8")
        block = f"GRAPH {graph} {{\n{data}}}" if named else data
        yield httpx.Request(
            "POST",
            endpoint,
            content=f"{drop}INSERT DATA {{\n{block}}}".encode(),
            headers={"Content-Type": "application/sparql-update; charset=utf-8"},
        )


def push(
    dataset_path: Path | str,
    endpoint_url: str,
    *,
    protocol: Choice["graph-store", "update"] = "graph-store",
    graph_param: str = "graph",
    auth: tuple[str, str] | None = None,
    digest: bool = False,
    batch_triples: int = 50_000,
    timeout_s: float = 120.0,
    deadline_s: float = 3600.0,
) -> dict[str, int]:
    """Replace each graph of the dataset in a remote store; return triples pushed per graph.

    ``endpoint_url`` is a Graph Store endpoint (``protocol="graph-store"``, graphs named by
    the ``graph_param`` query parameter; Virtuoso calls it ``graph-uri``) or an Update
    endpoint (``protocol="update"``). A graph larger than ``batch_triples`` is sent as one
    replacing request and then additions; a retry starts again by replacing, so it never
    duplicates. The default graph, if not empty, is keyed ``""``.

    Each request may wait ``timeout_s`` for a read, the whole push ``deadline_s``; error
    bodies are read up to 2,000 bytes. Raises RemoteError, naming the endpoint with its
    password and tokens hidden, when it is unreachable, too slow or answers an error.
    """
    if protocol not in ("graph-store", "update"):
        raise ValueError(f"protocol must be 'graph-store' or 'update', not {protocol!r}")
    store = _load(Path(dataset_path))
    names = sorted(g.value for g in store.named_graphs() if isinstance(g, NamedNode))
    graphs: list[NamedNode | DefaultGraph] = [NamedNode(name) for name in names]
    if next(iter(store.quads_for_pattern(None, None, None, DefaultGraph())), None):
        graphs.insert(0, DefaultGraph())
    pushed: dict[str, int] = {}
    with _client(auth, digest, timeout_s) as client:
        exchange = _exchange(client, endpoint_url, auth, deadline_s, 1_000_000)
        for graph in graphs:
            name = graph.value if isinstance(graph, NamedNode) else ""
            bodies = _batches(store, graph, batch_triples)
            for request in _graph_requests(endpoint_url, graph, bodies, protocol, graph_param):
                exchange.send(f"{request.method} of graph <{name}>", request)
            pushed[name] = sum(1 for _ in store.quads_for_pattern(None, None, None, graph))
    return pushed


def query_endpoint(
    url: str,
    query: str,
    bindings: Mapping[str, NamedNode | Literal] | None = None,
    *,
    auth: tuple[str, str] | None = None,
    digest: bool = False,
    timeout_s: float = 120.0,
    max_bytes: int = 256 * 1024 * 1024,
) -> QuerySolutions | QueryBoolean | list[Triple]:
    """Run a query on a remote SPARQL endpoint, with ``bindings`` as a VALUES block.

    Returns solutions or a boolean as pyoxigraph's ``Store.query`` does, and a list of
    triples for CONSTRUCT and DESCRIBE. The whole exchange ends within ``timeout_s`` and
    reads at most ``max_bytes``. Raises RemoteError naming the endpoint on failure.
    """
    text = bind_values(query, bindings or {})
    graph_form = inspect_query(text).form in ("CONSTRUCT", "DESCRIBE")
    accept = (
        "application/n-triples, text/turtle;q=0.9"
        if graph_form
        else ("application/sparql-results+json, application/sparql-results+xml;q=0.9")
    )
    request = httpx.Request("POST", url, data={"query": text}, headers={"Accept": accept})
    with _client(auth, digest, timeout_s) as client:
        response, content = _exchange(client, url, auth, timeout_s, max_bytes).send(
            "a query", request
        )
    url = redact(url)
    media_type = response.headers.get("content-type", "").split(";")[0].strip()
    if graph_form:
        rdf_format = RdfFormat.from_media_type(media_type)
        if rdf_format is None:
            raise RemoteError(f"{url} answered a graph as unreadable {media_type!r}")
        return [Triple(q.subject, q.predicate, q.object) for q in parse(content, format=rdf_format)]
    results_format = QueryResultsFormat.from_media_type(media_type)
    if results_format is None:
        raise RemoteError(f"{url} answered results as unreadable {media_type!r}")
    return parse_query_results(content, format=results_format)

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
from .terms import as_rdflib_result, pyoxigraph_term

__all__ = ["RemoteError", "as_rdflib_result", "push", "pyoxigraph_term", "query_endpoint"]


def _client(auth: tuple[str, str] | None, digest: bool, timeout_s: float) -> httpx.Client:
    scheme: httpx.Auth | None = None
    if auth is not None:
        scheme = httpx.DigestAuth(*auth) if digest else httpx.BasicAuth(*auth)
    return httpx.Client(auth=scheme, timeout=timeout_s)


def _send(client: httpx.Client, what: str, request: httpx.Request) -> httpx.Response:
    try:
        response = client.send(request)
    except httpx.HTTPError as error:
        raise RemoteError(f"cannot reach {request.url} ({what}): {error}") from error
    if response.status_code >= 300:
        excerpt = response.text[:500].strip()
        raise RemoteError(
            f"{request.url.copy_with(query=None)} answered {response.status_code} to {what}: "
            f"{excerpt}"
        )
    return response


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
) -> dict[str, int]:
    """Replace each graph of the dataset in a remote store; return triples pushed per graph.

    ``endpoint_url`` is a Graph Store endpoint (``protocol="graph-store"``, graphs named by
    the ``graph_param`` query parameter; Virtuoso calls it ``graph-uri``) or an Update
    endpoint (``protocol="update"``). A graph larger than ``batch_triples`` is sent as one
    replacing request and then additions; a retry starts again by replacing, so it never
    duplicates. The default graph, if not empty, is keyed ``""``.

    Raises RemoteError, naming the endpoint, when it is unreachable or answers an error.
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
        for graph in graphs:
            name = graph.value if isinstance(graph, NamedNode) else ""
            bodies = _batches(store, graph, batch_triples)
            for request in _graph_requests(endpoint_url, graph, bodies, protocol, graph_param):
                _send(client, f"{request.method} of graph <{name}>", request)
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
) -> QuerySolutions | QueryBoolean | list[Triple]:
    """Run a query on a remote SPARQL endpoint, with ``bindings`` as a VALUES block.

    Returns solutions or a boolean as pyoxigraph's ``Store.query`` does, and a list of
    triples for CONSTRUCT and DESCRIBE. Raises RemoteError naming the endpoint on failure.
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
        response = _send(client, "a query", request)
    media_type = response.headers.get("content-type", "").split(";")[0].strip()
    if graph_form:
        rdf_format = RdfFormat.from_media_type(media_type)
        if rdf_format is None:
            raise RemoteError(f"{url} answered a graph as unreadable {media_type!r}")
        return [
            Triple(q.subject, q.predicate, q.object)
            for q in parse(response.content, format=rdf_format)
        ]
    results_format = QueryResultsFormat.from_media_type(media_type)
    if results_format is None:
        raise RemoteError(f"{url} answered results as unreadable {media_type!r}")
    return parse_query_results(response.content, format=results_format)

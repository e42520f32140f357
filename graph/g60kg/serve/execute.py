"""Inside a worker process: leave the network, open the store, and answer jobs one by one.

A job is checked before it runs (`g60kg.queryguard` for the network, `sparql.text` for its
form and graphs, content negotiation for the media type); it then runs on the store and its
answer is encoded with the row cap. Errors become answers (400, 406, 500, 503), never an
exception the pool would have to read. The pool in `serve.workers` starts `work` in each
process it spawns.
"""

from __future__ import annotations

import re
import resource
import signal
from multiprocessing.connection import Connection

from pyoxigraph import BlankNode, DefaultGraph, NamedNode, QueryBoolean, QuerySolutions, Store

from g60kg.netwall import isolate_network
from g60kg.queryguard import REFUSAL, reaches_network
from g60kg.rdf.namespaces import PREFIXES
from g60kg.serve.jobs import Answer, Job, error_answer, memory_message
from g60kg.serve.negotiate import choose
from g60kg.serve.results import encode
from g60kg.sparql.syntax import syntax_message
from g60kg.sparql.text import inspect_query

__all__ = ["work"]

_QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_NETWORKISH = re.compile(
    r"os error|connect|network|unreachable|refused|reset by peer|dns|resolve|socket|http",
    re.IGNORECASE,
)


def _refusal(job: Job, graphs: frozenset[str]) -> Answer | None:
    """The 400 or 406 answer for a job that must not run, else None."""
    if reaches_network(job.text):
        return error_answer(400, REFUSAL)
    shape = inspect_query(job.text, PREFIXES)
    for iri in (*shape.dataset_iris, *job.default_graphs, *job.named_graphs):
        if iri not in graphs:
            return error_answer(
                400, f"<{iri}> is no graph of this dataset; this endpoint never fetches remote data"
            )
    negotiable = job.kind == "query" and shape.form in _QUERY_FORMS
    if negotiable and choose(job.accept, shape.form) is None:
        return error_answer(406, f"cannot answer this {shape.form} query as {job.accept!r}")
    return None


def _query(store: Store, job: Job) -> Answer:
    default: list[NamedNode | BlankNode | DefaultGraph] | None = None
    named: list[NamedNode | BlankNode] | None = None
    if job.default_graphs:
        default = [NamedNode(iri) for iri in job.default_graphs]
    if job.named_graphs:
        named = [NamedNode(iri) for iri in job.named_graphs]
    dataset_iris = inspect_query(job.text, PREFIXES).dataset_iris
    union = not dataset_iris and default is None and named is None
    result = store.query(
        job.text,
        prefixes=PREFIXES,
        use_default_graph_as_union=union,
        default_graph=default,
        named_graphs=named,
    )
    form = "SELECT" if isinstance(result, QuerySolutions | QueryBoolean) else "CONSTRUCT"
    media_type = choose(job.accept, form)
    if media_type is None:
        return error_answer(406, f"cannot answer this {form} query as {job.accept}")
    body, truncated = encode(result, media_type, job.max_rows)
    return Answer(200, f"{media_type}; charset=utf-8", body, truncated)


def _failure(error: Exception) -> str:
    """An error's text, unless it could tell anything about the network (ports, hosts)."""
    text = str(error)
    if _NETWORKISH.search(text):
        return "the query tried to reach the network, which this endpoint never does"
    return text


def _run(store: Store, graphs: frozenset[str], job: Job, memory_mb: int | None) -> Answer:
    try:
        refused = _refusal(job, graphs)
        if refused is not None:
            return refused
        if job.kind == "update":
            store.update(job.text, prefixes=PREFIXES)
            store.flush()
            return Answer(204, "text/plain", b"")
        return _query(store, job)
    except MemoryError:
        return error_answer(503, memory_message(memory_mb), retire=True)
    except SyntaxError as error:
        return error_answer(400, syntax_message(job.text, str(error), PREFIXES))
    except (OSError, ValueError, RuntimeError) as error:
        return error_answer(500, f"query failed: {_failure(error)}")


def _limit_memory(memory_mb: int | None) -> None:
    if memory_mb:
        ceiling = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))


def work(conn: Connection, store_dir: str, writable: bool, memory_mb: int | None) -> None:
    """Worker process main loop: leave the network, open the store, answer jobs."""
    # Ctrl-C reaches the whole process group; the parent decides when workers stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    isolate_network()
    store = Store(store_dir) if writable else Store.read_only(store_dir)
    graphs = frozenset(graph.value for graph in store.named_graphs())
    _limit_memory(memory_mb)
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if writable:
            graphs = frozenset(graph.value for graph in store.named_graphs())
        conn.send(_run(store, graphs, job, memory_mb))

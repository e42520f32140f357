"""The SPARQL 1.1 Protocol endpoint and query page, as an ASGI (Starlette) application.

``/sparql`` takes GET and POST (form or ``application/sparql-query`` / ``-update`` bodies);
``/`` is the query page, ``/static/*`` its assets, ``/examples.json`` the named queries;
``/ask?q=`` answers a plain question with its evidence (see `g60kg.serve.asking`).

Example:

>>> app = create_app("/tmp/store", graphs=frozenset(), examples=[])  # doctest: +SKIP
>>> import uvicorn; uvicorn.run(app, host="127.0.0.1", port=7878)  # doctest: +SKIP
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import asdict
from pathlib import Path
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from g60kg.serve.asking import Asker, QuestionError, dataset_graph, read_question, store_graph
from g60kg.serve.examples import Example
from g60kg.serve.guards import cross_site, host_allowed
from g60kg.serve.workers import DEFAULT_MEMORY_MB, Job, WorkerPool

__all__ = ["ProtocolError", "create_app", "read_operation"]

STATIC = Path(__file__).parent / "static"


class ProtocolError(Exception):
    """A request the endpoint refuses, with the HTTP status to answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


async def _body(request: Request, limit: int, timeout_s: float) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ProtocolError(413, f"request body over the {limit}-byte limit")
    chunks = bytearray()

    async def read() -> None:
        async for chunk in request.stream():
            chunks.extend(chunk)
            if len(chunks) > limit:
                raise ProtocolError(413, f"request body over the {limit}-byte limit")

    try:
        await asyncio.wait_for(read(), timeout_s)
    except TimeoutError:
        raise ProtocolError(408, f"request body not received within {timeout_s:g} s") from None
    return bytes(chunks)


def _decode(raw: bytes, what: str = "request body") -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProtocolError(400, f"{what} is not UTF-8: {error}") from error


def _form(text: str, what: str) -> dict[str, list[str]]:
    """Form or query-string fields, refusing percent-escapes that are not UTF-8."""
    try:
        return parse_qs(text, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError as error:
        raise ProtocolError(400, f"{what} is not UTF-8 once unescaped: {error}") from error


async def read_operation(
    request: Request, limit: int, timeout_s: float = 30.0
) -> tuple[str, str, dict[str, list[str]]]:
    """The operation kind (query or update), its text, and the protocol's graph parameters."""
    raw_query = request.scope.get("query_string", b"")
    params = _form(_decode(raw_query, "query string"), "query string")
    if request.method == "POST":
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = _decode(await _body(request, limit, timeout_s))
        if content_type == "application/x-www-form-urlencoded":
            params.update(_form(body, "form body"))
        elif content_type == "application/sparql-query":
            params["query"] = [body]
        elif content_type == "application/sparql-update":
            params["update"] = [body]
        else:
            raise ProtocolError(415, f"unsupported request content type {content_type!r}")
    elif "update" in params:
        raise ProtocolError(400, "an update must be sent with POST")
    kinds = [kind for kind in ("query", "update") if kind in params]
    if len(kinds) != 1 or len(params[kinds[0]]) != 1:
        raise ProtocolError(400, "send exactly one 'query' or one 'update'")
    return kinds[0], params[kinds[0]][0], params


def _check_dataset(iris: Sequence[str], graphs: frozenset[str]) -> None:
    for iri in iris:
        if iri not in graphs:
            raise ProtocolError(
                400, f"<{iri}> is no graph of this dataset; this endpoint never fetches remote data"
            )


def _check_origin(request: Request, kind: str, bound_host: str | None) -> None:
    """Refuse a Host naming another site (DNS rebinding) and cross-site updates (CSRF)."""
    host = request.headers.get("host", "")
    if bound_host is not None and not host_allowed(host, bound_host):
        raise ProtocolError(421, f"Host {host!r} is not this server: use its address or localhost")
    if kind == "update" and cross_site(request.headers, host):
        raise ProtocolError(403, "updates from pages of other sites are refused")


async def _job(
    request: Request,
    graphs: frozenset[str],
    allow_update: bool,
    max_rows: int,
    limit: int,
    bound_host: str | None = None,
    body_timeout_s: float = 30.0,
) -> Job:
    """The job a request asks for, or the ProtocolError refusing it.

    Reading the SPARQL text itself (its form, SERVICE, LOAD, FROM) is left to the worker, off
    the event loop and within the query's time and memory limits.
    """
    kind, text, params = await read_operation(request, limit, body_timeout_s)
    _check_origin(request, kind, bound_host)
    if kind == "update" and not allow_update:
        raise ProtocolError(403, "updates are not allowed on this endpoint")
    default = params.get("default-graph-uri", [])
    named = params.get("named-graph-uri", [])
    _check_dataset([*default, *named], graphs)
    return Job(
        "update" if kind == "update" else "query",
        text,
        accept=request.headers.get("accept", ""),
        max_rows=max_rows,
        default_graphs=tuple(default),
        named_graphs=tuple(named),
    )


def create_app(
    store_dir: str,
    *,
    graphs: frozenset[str],
    examples: Sequence[Example],
    timeout_s: float = 30.0,
    max_rows: int = 10_000,
    allow_update: bool = False,
    workers: int = 2,
    max_body_bytes: int = 1_000_000,
    memory_mb: int | None = DEFAULT_MEMORY_MB,
    bound_host: str | None = None,
    dataset: Path | None = None,
) -> Starlette:
    """The endpoint app over the Oxigraph store in ``store_dir`` (opened read-only).

    ``graphs`` are the dataset's named graphs: FROM and the protocol's graph parameters may
    only name these. The default graph is the union of all graphs unless a query says FROM.
    ``memory_mb`` caps each worker's address space; with ``bound_host`` (the address the
    server listens on) requests whose Host names another site are refused (421).
    ``/ask`` answers from the store opened read-only, or, when updates are allowed (the store
    changes under it), from an in-memory copy of ``dataset`` (without it, ``/ask`` answers 503).
    """
    pool = WorkerPool(
        store_dir,
        size=workers,
        timeout_s=timeout_s,
        allow_update=allow_update,
        memory_mb=memory_mb,
    )

    async def sparql(request: Request) -> Response:
        if request.method == "HEAD":  # would run the query only to drop its answer
            return PlainTextResponse(
                "use GET or POST to run a query", status_code=405, headers={"Allow": "GET, POST"}
            )
        try:
            job = await _job(
                request, graphs, allow_update, max_rows, max_body_bytes, bound_host, timeout_s
            )
        except ProtocolError as error:
            return PlainTextResponse(error.message, status_code=error.status)
        answer = await pool.run(job)
        headers = {"Vary": "Accept"}
        if answer.truncated:
            headers["X-SPARQL-MaxRows"] = str(max_rows)
        return Response(answer.body, answer.status, headers, media_type=answer.media_type)

    if not allow_update:
        asker: Asker | None = Asker(lambda: store_graph(store_dir))
    elif dataset is not None:
        source = dataset
        asker = Asker(lambda: dataset_graph(source))
    else:
        asker = None

    async def ask(request: Request) -> Response:
        try:
            _check_origin(request, "query", bound_host)
            raw = request.scope.get("query_string", b"")
            params = _form(_decode(raw, "query string"), "query string")
            question, lang = read_question(params)
            if asker is None:
                raise ProtocolError(503, "questions are not answered on this writable endpoint")
            body = await run_in_threadpool(asker.reply_bytes, question, lang)
        except (ProtocolError, QuestionError) as error:
            return PlainTextResponse(error.message, status_code=error.status)
        return Response(body, media_type="application/json; charset=utf-8")

    async def page(request: Request) -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    async def example_list(request: Request) -> Response:
        return JSONResponse([asdict(example) for example in examples])

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await pool.start()
        try:
            yield
        finally:
            await pool.close()

    return Starlette(
        routes=[
            Route("/", page),
            Route("/sparql", sparql, methods=["GET", "POST"]),
            Route("/examples.json", example_list),
            Route("/ask", ask, methods=["GET"]),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        lifespan=lifespan,
    )

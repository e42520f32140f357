"""Decide whether a SPARQL query may run: read-only, no network, bound variables projected.

The check uses rdflib's SPARQL parser and algebra, not regular expressions, so a keyword inside
a string or a comment never trips it, and every backend refuses exactly the same queries.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from pyparsing import ParseException, ParseResults
from rdflib import Variable
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from ..errors import QueryError, QueryRefused, QuerySyntaxError
from ..queryguard import REFUSAL, reaches_network
from ..rdf.namespaces import PREFIXES

__all__ = ["QueryShape", "check_bindings", "check_query"]


@dataclass(frozen=True)
class QueryShape:
    """What the checker learnt: the query form and the variables a SELECT projects."""

    form: str
    projected: tuple[str, ...]


def check_query(text: str) -> QueryShape:
    """Parse `text` and refuse it unless it is a read-only query that stays on this machine.

    Raises `QuerySyntaxError` (with line and column) when the parser rejects it and
    `QueryRefused` for updates, `SERVICE` and `FROM`/`FROM NAMED` (which rdflib would fetch,
    over the network for an http(s) IRI).

    >>> check_query("SELECT ?s WHERE { ?s a g60:Town }").projected
    ('s',)
    >>> check_query("DELETE WHERE { ?s ?p ?o }")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    g60kg.errors.QueryRefused: updates (INSERT, DELETE, ...) are refused: the graph is read-only
    """
    return _check(text)


def check_bindings(text: str, bound: Iterable[str]) -> QueryShape:
    """Check the query, and that every bound variable of a SELECT is in its projection.

    Oxigraph binds only projected variables; refusing the rest here makes every backend
    answer the same.

    >>> check_bindings("SELECT ?s WHERE { ?s ?p ?o }", ["o"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    g60kg.errors.QueryError: bound variable ?o is not projected by the SELECT (projected: ?s); ...
    """
    shape = _check(text)
    if shape.form == "SelectQuery":
        missing = sorted(set(bound) - set(shape.projected))
        if missing:
            names = ", ".join(f"?{v}" for v in missing)
            projected = ", ".join(f"?{v}" for v in shape.projected)
            verb = "is" if len(missing) == 1 else "are"
            raise QueryError(
                f"bound variable {names} {verb} not projected by the SELECT (projected: "
                f"{projected}); add it to the SELECT clause or use SELECT *"
            )
    return shape


@lru_cache(maxsize=256)
def _check(text: str) -> QueryShape:
    try:
        parsed = parseQuery(text)
    except ParseException as exc:
        if _is_update(text):
            raise QueryRefused(
                "updates (INSERT, DELETE, LOAD, CLEAR, ...) are refused: the graph is read-only"
            ) from None
        raise QuerySyntaxError(_message(exc), exc.lineno, exc.col) from None
    query = parsed[1]
    for node in _walk(query):
        if node.name == "ServiceGraphPattern":
            raise QueryRefused(
                f"SERVICE <{node['term']}> is refused: queries never reach the network"
            )
        if node.name == "DatasetClause":
            iri = next((node[k] for k in ("default", "named") if k in node), None)
            raise QueryRefused(
                f"FROM <{iri}> is refused: a query never loads graphs (that could fetch from "
                "the network); address a named graph with GRAPH <...> { ... } instead"
            )
    if reaches_network(text):  # the grammar-exact lexer reads SERVICE where rdflib does not
        raise QueryRefused(f"{REFUSAL} (a comment ends at a line feed or a carriage return)")
    try:
        algebra = translateQuery(parsed, initNs=PREFIXES).algebra
    except Exception as exc:  # rdflib raises a bare Exception for an unknown prefix
        raise _prefix_error(text, exc) from None
    projected = tuple(str(v) for v in algebra.get("PV") or () if isinstance(v, Variable))
    return QueryShape(query.name, projected)


def _is_update(text: str) -> bool:
    try:
        parseUpdate(text)
    except ParseException:
        return False
    return True


def _message(exc: ParseException) -> str:
    found = f", found {exc.found}" if getattr(exc, "found", None) else ""
    return f"{exc.msg}{found}"


def _prefix_error(text: str, exc: Exception) -> QueryError:
    message = str(exc)
    prefix = message.rsplit(":", 1)[-1].strip() if "prefix" in message.lower() else ""
    if prefix:
        for number, line in enumerate(text.splitlines(), start=1):
            column = line.find(prefix + ":")
            if column >= 0:
                return QuerySyntaxError(f"unknown prefix {prefix}:", number, column + 1)
    return QueryError(message)


def _walk(node: object) -> Iterator[CompValue]:
    """Every CompValue under `node`, depth first."""
    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list | tuple | ParseResults):
        for value in node:
            yield from _walk(value)

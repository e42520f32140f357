"""RDF terms between pyoxigraph and rdflib: answers of the embedded store or of a remote
endpoint become rdflib `Result`s (so every answer renders the same), and bound rdflib terms
become pyoxigraph terms.

>>> from pyoxigraph import Store
>>> as_rdflib_result(Store().query("ASK { ?s ?p ?o }")).askAnswer
False
>>> pyoxigraph_term(URIRef("http://e/1"))
<NamedNode value=http://e/1>
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from pyoxigraph import Literal as OxLiteral
from pyoxigraph import NamedNode, QueryBoolean, QuerySolutions, Triple
from rdflib import BNode, Graph, URIRef, Variable
from rdflib import Literal as RdfLiteral
from rdflib.query import Result
from rdflib.term import Identifier

from ..errors import G60Error

__all__ = [
    "PlainAnswer",
    "as_rdflib_result",
    "plain_answer",
    "pyoxigraph_term",
    "rdflib_result",
    "rdflib_term",
]


PlainTerm = str | tuple[str, str]
"""A term as plain text, quick to pickle: an IRI as itself; a literal as (value, "@" language
tag or "^" datatype IRI); a blank node as (label, "")."""


@dataclass(frozen=True)
class PlainAnswer:
    """A pyoxigraph answer read to the end as plain text (it may cross a process boundary)."""

    form: Literal["ASK", "SELECT", "CONSTRUCT"]
    boolean: bool = False
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[PlainTerm | None, ...], ...] = ()


def _plain(term: object) -> PlainTerm:
    if isinstance(term, NamedNode):
        return term.value
    if isinstance(term, OxLiteral):
        language = term.language
        return (term.value, f"@{language}" if language else f"^{term.datatype.value}")
    return (str(getattr(term, "value", term)), "")


def _rdflib(term: PlainTerm) -> Identifier:
    if isinstance(term, str):
        return URIRef(term)
    value, kind = term
    if kind.startswith("^"):
        return RdfLiteral(value, datatype=URIRef(kind[1:]))
    if kind:
        return RdfLiteral(value, lang=kind[1:])
    return BNode(value)


def rdflib_term(term: object) -> Identifier:
    """A pyoxigraph term as the equal rdflib term."""
    return _rdflib(_plain(term))


def plain_answer(answer: QuerySolutions | QueryBoolean | Iterable[Triple]) -> PlainAnswer:
    """A pyoxigraph answer (embedded or from an endpoint) read to the end, as plain text."""
    if isinstance(answer, QueryBoolean):
        return PlainAnswer("ASK", boolean=bool(answer))
    if not isinstance(answer, QuerySolutions):
        triples = tuple((_plain(t.subject), _plain(t.predicate), _plain(t.object)) for t in answer)
        return PlainAnswer("CONSTRUCT", rows=triples)
    return PlainAnswer(
        "SELECT",
        variables=tuple(v.value for v in answer.variables),
        rows=tuple(tuple(None if v is None else _plain(v) for v in row) for row in answer),
    )


def rdflib_result(plain: PlainAnswer) -> Result:
    """The rdflib `Result` of a `plain_answer`."""
    made: dict[PlainTerm, Identifier] = {}  # each distinct term is made once

    def term(value: PlainTerm) -> Identifier:
        found = made.get(value)
        if found is None:
            found = made[value] = _rdflib(value)
        return found

    result = Result(plain.form)
    if plain.form == "ASK":
        result.askAnswer = plain.boolean
        return result
    if plain.form == "CONSTRUCT":
        graph = Graph()
        for s, p, o in plain.rows:
            assert s is not None and p is not None and o is not None
            graph.add((term(s), term(p), term(o)))
        result.graph = graph
        return result
    variables = [Variable(name) for name in plain.variables]
    result.vars = variables
    result.bindings = [
        {var: term(value) for var, value in zip(variables, row, strict=True) if value is not None}
        for row in plain.rows
    ]
    return result


def as_rdflib_result(answer: QuerySolutions | QueryBoolean | Iterable[Triple]) -> Result:
    """A pyoxigraph answer (embedded or from an endpoint) as an rdflib `Result`."""
    return rdflib_result(plain_answer(answer))


def pyoxigraph_term(term: Identifier) -> NamedNode | OxLiteral:
    """An rdflib IRI or literal as the equal pyoxigraph term, for binding."""
    if isinstance(term, URIRef):
        return NamedNode(str(term))
    if isinstance(term, RdfLiteral):
        if term.language:
            return OxLiteral(str(term), language=term.language)
        if term.datatype:
            return OxLiteral(str(term), datatype=NamedNode(str(term.datatype)))
        return OxLiteral(str(term))
    raise G60Error(f"cannot bind {term!r}: only IRIs and literals")

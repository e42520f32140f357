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

from pyoxigraph import Literal, NamedNode, QueryBoolean, QuerySolutions, Triple
from rdflib import BNode, Graph, URIRef, Variable
from rdflib import Literal as RdfLiteral
from rdflib.query import Result
from rdflib.term import Identifier

from ..errors import G60Error

__all__ = ["as_rdflib_result", "pyoxigraph_term", "rdflib_term"]


def rdflib_term(term: object) -> Identifier:
    """A pyoxigraph term as the equal rdflib term."""
    if isinstance(term, NamedNode):
        return URIRef(term.value)
    if isinstance(term, Literal):
        if term.language:
            return RdfLiteral(term.value, lang=term.language)
        return RdfLiteral(term.value, datatype=URIRef(term.datatype.value))
    return BNode(str(getattr(term, "value", term)))


def as_rdflib_result(answer: QuerySolutions | QueryBoolean | Iterable[Triple]) -> Result:
    """A pyoxigraph answer (embedded or from an endpoint) as an rdflib `Result`."""
    if isinstance(answer, QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(answer)
        return result
    if not isinstance(answer, QuerySolutions):
        result = Result("CONSTRUCT")
        graph = Graph()
        for triple in answer:
            s, p, o = triple.subject, triple.predicate, triple.object
            graph.add((rdflib_term(s), rdflib_term(p), rdflib_term(o)))
        result.graph = graph
        return result
    result = Result("SELECT")
    variables = [Variable(v.value) for v in answer.variables]
    result.vars = variables
    result.bindings = [
        {
            var: rdflib_term(value)
            for var, value in zip(variables, solution, strict=True)
            if value is not None
        }
        for solution in answer
    ]
    return result


def pyoxigraph_term(term: Identifier) -> NamedNode | Literal:
    """An rdflib IRI or literal as the equal pyoxigraph term, for binding."""
    if isinstance(term, URIRef):
        return NamedNode(str(term))
    if isinstance(term, RdfLiteral):
        if term.language:
            return Literal(str(term), language=term.language)
        if term.datatype:
            return Literal(str(term), datatype=NamedNode(str(term.datatype)))
        return Literal(str(term))
    raise G60Error(f"cannot bind {term!r}: only IRIs and literals")

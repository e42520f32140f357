"""Real SPARQL clients (SPARQLWrapper, rdflib's SPARQLStore) get the embedded answers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pyoxigraph import RdfFormat
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import GET, JSON, POST, TURTLE, SPARQLWrapper


def test_sparqlwrapper_gets_the_embedded_answers(
    endpoint: str,
    samples: dict[str, str],
    embedded: dict[str, Any],
    answers: dict[str, Callable[..., Any]],
) -> None:
    for method in (GET, POST):
        for name, query in samples.items():
            client = SPARQLWrapper(f"{endpoint}/sparql")
            client.setMethod(method)
            client.setQuery(query)
            if embedded[name][0] == "graph":
                client.setReturnFormat(TURTLE)
                got = answers["graph"](client.query().convert(), RdfFormat.TURTLE)
            else:
                client.setReturnFormat(JSON)
                got = answers["json"](client.query().convert())
            assert got == embedded[name], (method, name)


def test_rdflib_sparqlstore_gets_the_embedded_answers(
    endpoint: str,
    samples: dict[str, str],
    embedded: dict[str, Any],
    answers: dict[str, Callable[..., Any]],
) -> None:
    store = SPARQLStore(f"{endpoint}/sparql", returnFormat="xml")
    term = answers["rdflib_term"]
    for name, query in samples.items():
        result = store.query(query, initNs={}, initBindings={}, queryGraph="__UNION__", DEBUG=False)
        expected = embedded[name]
        if expected[0] == "ask":
            got: Any = ("ask", bool(result.askAnswer))
        elif expected[0] == "graph":
            triples = sorted(tuple(term(part) for part in triple) for triple in result.graph)
            got = ("graph", triples)
        else:
            names = tuple(str(variable) for variable in result.vars)
            rows = sorted(tuple(term(row[v]) for v in result.vars) for row in result)
            got = ("select", names, rows)
        assert got == expected, name

"""Encode a pyoxigraph query result in a negotiated media type, with a cap on its size.

SELECT rows and CONSTRUCT/DESCRIBE triples past ``max_rows`` are cut off and the cut is
reported, so the HTTP layer can say so in a header (as Virtuoso does with ``X-SPARQL-MaxRows``).

Example:

>>> from pyoxigraph import Literal, NamedNode, Quad, Store
>>> store = Store()
>>> for n in range(3):
...     store.add(Quad(NamedNode(f"http://e/{n}"), NamedNode("http://p"), Literal("名")))
>>> body, truncated = encode(store.query("SELECT ?s WHERE { ?s ?p ?o }"), "text/csv", max_rows=2)
>>> truncated, body.count(b"http://e/")
(True, 2)
"""

from __future__ import annotations

import json
from itertools import islice

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Triple,
    parse_query_results,
    serialize,
)

__all__ = ["encode", "term_to_json"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

Term = NamedNode | BlankNode | Literal | Triple


def term_to_json(term: Term) -> dict[str, object]:
    """One RDF term in the SPARQL 1.1 JSON results format.

    >>> term_to_json(Literal("洞泾镇", language="zh"))
    {'type': 'literal', 'value': '洞泾镇', 'xml:lang': 'zh'}
    """
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Triple):
        parts = {"subject": term.subject, "predicate": term.predicate, "object": term.object}
        return {"type": "triple", "value": {k: term_to_json(v) for k, v in parts.items()}}
    encoded: dict[str, object] = {"type": "literal", "value": term.value}
    if term.language:
        encoded["xml:lang"] = term.language
    elif term.datatype.value not in (_XSD_STRING, _LANG_STRING):
        encoded["datatype"] = term.datatype.value
    return encoded


def _solutions_json(solutions: QuerySolutions, max_rows: int) -> tuple[bytes, bool]:
    names = [variable.value for variable in solutions.variables]
    rows = list(islice(solutions, max_rows + 1))
    bindings = []
    for row in rows[:max_rows]:
        values = {name: row[name] for name in names}
        bindings.append({k: term_to_json(v) for k, v in values.items() if v is not None})
    document = {"head": {"vars": names}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False).encode("utf-8"), len(rows) > max_rows


def encode(
    result: QuerySolutions | QueryBoolean | QueryTriples, media_type: str, max_rows: int
) -> tuple[bytes, bool]:
    """The result serialised as ``media_type``, and whether rows past ``max_rows`` were cut."""
    if isinstance(result, QueryBoolean):
        target = QueryResultsFormat.from_media_type(media_type)
        return result.serialize(format=target) or b"", False
    if isinstance(result, QuerySolutions):
        body, truncated = _solutions_json(result, max_rows)
        target = QueryResultsFormat.from_media_type(media_type)
        if target != QueryResultsFormat.JSON:
            parsed = parse_query_results(body, format=QueryResultsFormat.JSON)
            body = parsed.serialize(format=target) or b""
        return body, truncated
    triples = list(islice(result, max_rows + 1))
    graph = serialize(triples[:max_rows], format=RdfFormat.from_media_type(media_type))
    return graph or b"", len(triples) > max_rows

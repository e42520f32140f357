"""Decide whether a SPARQL text could reach the network, from two independent readings.

Oxigraph fetches for ``SERVICE`` (queries) and ``LOAD`` (updates). A text that does not spell
either word anywhere, in any case, cannot call them: Oxigraph reads keywords only as plain
ASCII. A text that does is read twice, and refused unless both readings agree that it calls
neither: the grammar-exact lexer of `g60kg.sparql.text` (both readings of ``<``) and rdflib's
SPARQL 1.1 parser, a contextual parser like Oxigraph's. A text rdflib cannot parse, or too
long to parse quickly, is refused too. This is the first wall; the second is that queries run
where no network exists at all (`g60kg.netwall`).

>>> reaches_network("SELECT * WHERE { ?s ?p 'no keyword here' }")
False
>>> reaches_network("SELECT * WHERE { ?s ?p 'SERVICE <http://x/> {}' }")
False
>>> reaches_network("SELECT * WHERE { #\\rSERVICE <http://x/> { ?s ?p ?o } }")
True
>>> reaches_network("ASK { BIND((1<'x>') AS ?z) SERVICE <http://x/> { ?s ?p ?o } #' }")
True
>>> reaches_network("LOAD <http://example.org/data.ttl>")
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pyparsing import ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from g60kg.sparql.text import inspect_query

__all__ = ["MAX_CHECKED_CHARS", "REFUSAL", "reaches_network"]

MAX_CHECKED_CHARS = 100_000
REFUSAL = "SERVICE and LOAD are refused: this endpoint never fetches remote data"
_SPELLED = re.compile(r"service|load", re.IGNORECASE)
_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_FETCHING = frozenset({"ServiceGraphPattern", "Load"})


def reaches_network(text: str) -> bool:
    """True unless SERVICE and LOAD are certainly absent from what a SPARQL parser reads.

    >>> reaches_network("SELECT ?download WHERE { ?s ?p ?download }")
    False
    >>> reaches_network("SELECT * WHERE { ?s ?p ?o } LOAD")  # rdflib cannot parse it
    True
    >>> reaches_network("SELECT * WHERE { \\u0053ERVICE <http://x/> { ?s ?p ?o } }")
    True
    """
    unescaped = _UCHAR.sub(_codepoint, text)
    if unescaped != text and reaches_network(unescaped):
        return True  # the SPARQL text says \u escapes may be undone before parsing
    if not _SPELLED.search(text):
        return False
    if len(text) > MAX_CHECKED_CHARS or inspect_query(text).fetches:
        return True
    found = _rdflib_sees_fetch(text)
    return found is None or found


def _codepoint(match: re.Match[str]) -> str:
    code = int(match.group(1) or match.group(2), 16)
    return chr(code) if code <= 0x10FFFF else match.group()


def _rdflib_sees_fetch(text: str) -> bool | None:
    """Whether rdflib's parse holds SERVICE or LOAD; None when rdflib cannot parse the text."""
    for parse in (parseQuery, parseUpdate):
        try:
            parsed = parse(text)
        except Exception:  # pyparsing errors, RecursionError on deep nesting, ...
            continue
        return any(node.name in _FETCHING for node in _walk(parsed))
    return None


def _walk(node: object) -> Iterator[CompValue]:
    """Every CompValue under `node`, depth first."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item
            stack.extend(item.values())
        elif isinstance(item, list | tuple | ParseResults):
            stack.extend(item)

"""Read the shape of a SPARQL text without running it, and bind parameters as RDF terms.

A small lexer skips comments, strings and IRIs, so keywords are only seen where they are
keywords. It tells the query form, whether the text calls ``SERVICE`` or ``LOAD``, and which
graphs its ``FROM`` / ``FROM NAMED`` clauses name; and it binds parameters by inserting a
``VALUES`` block built from serialised terms, never by pasting user text into the query.

Example:

>>> from pyoxigraph import NamedNode
>>> shape = inspect_query("PREFIX g: <https://w3id.org/g60kg/graph/> SELECT * FROM g:x {?s ?p ?o}")
>>> shape.form, shape.fetches, shape.dataset_iris
('SELECT', False, ('https://w3id.org/g60kg/graph/x',))
>>> bind_values("SELECT ?n WHERE { ?place ?p ?n }", {"place": NamedNode("http://e/1")})
'SELECT ?n WHERE { VALUES (?place) { (<http://e/1>) } ?place ?p ?n }'
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from urllib.parse import urljoin

from pyoxigraph import Literal, NamedNode

from ..errors import SparqlTextError

__all__ = ["QueryShape", "SparqlTextError", "bind_values", "inspect_query"]

# The terminals of the SPARQL 1.1 grammar (section 19.8) that can hide a keyword: white space
# is [ \t\r\n]; a comment runs to a CR *or* an LF; a short string cannot hold a raw CR or LF;
# escapes are ECHAR or a UCHAR; an IRIREF holds no space, control character, <>"{}|^`\ except
# through a UCHAR. The grammar lets an IRIREF hold a quote, yet a parser reads ``1<'x>'`` as
# "less than" a string: whether SERVICE or LOAD is called is decided over both readings.
_PIECES = r"""
    (?P<ws>[ \t\r\n]+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<string>\"\"\"(?:(?:"|"")?(?:[^"\\]|\\.))*\"\"\"|'\'\'(?:(?:'|'')?(?:[^'\\]|\\.))*'\'\'
               |"(?:[^"\\\n\r]|\\[^\n\r])*"|'(?:[^'\\\n\r]|\\[^\n\r])*')
  | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20QUOTE]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
  | (?P<var>[?$]\w+)
  | (?P<pname>(?:[^\W\d][\w.-]*)?:(?:[\w:%-]|\\.|\.(?=[\w:%-]))*)
  | (?P<word>[^\W\d]\w*)
  | (?P<other>.)
    """
_TOKEN = re.compile(_PIECES.replace("QUOTE", ""), re.VERBOSE | re.DOTALL)
_TOKEN_NO_QUOTED_IRI = re.compile(_PIECES.replace("QUOTE", "'"), re.VERBOSE | re.DOTALL)
_FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
_UPDATE_WORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
_VARNAME = re.compile(r"^\w+$")


@dataclass(frozen=True)
class QueryShape:
    """What a query text does, as far as can be told before running it.

    ``form`` is ``SELECT``, ``CONSTRUCT``, ``ASK``, ``DESCRIBE``, ``UPDATE`` or ``""`` when
    nothing recognisable was found (the engine's parser then gives the real error).
    ``fetches`` is true when the text calls ``SERVICE`` or ``LOAD``, which read the web.
    """

    form: str
    fetches: bool
    dataset_iris: tuple[str, ...]


def _tokens(text: str, pattern: re.Pattern[str] = _TOKEN) -> Iterator[tuple[str, str]]:
    for match in pattern.finditer(text):
        kind = match.lastgroup or "other"
        if kind not in ("ws", "comment"):
            yield kind, match.group()


def _resolve(kind: str, value: str, prefixes: Mapping[str, str], base: str) -> str | None:
    if kind == "iri":
        return urljoin(base, value[1:-1]) if base else value[1:-1]
    prefix, _, local = value.partition(":")
    namespace = prefixes.get(prefix)
    return None if namespace is None else namespace + re.sub(r"\\(.)", r"\1", local)


def inspect_query(text: str, declared: Mapping[str, str] | None = None) -> QueryShape:
    """Tell the form of a SPARQL text, whether it reads the web, and the graphs FROM names.

    ``declared`` are prefixes the engine declares before the text (its PREFIX lines win).
    A FROM naming an undeclared prefix is reported as the prefixed name itself, so a caller
    checking the names against its dataset refuses it.

    >>> graph = {"graph": "https://w3id.org/g60kg/graph/"}
    >>> inspect_query("SELECT * FROM graph:entities { ?s ?p ?o }", graph).dataset_iris
    ('https://w3id.org/g60kg/graph/entities',)

    >>> inspect_query("ASK { SERVICE <http://x/sparql> { ?s ?p ?o } }").fetches
    True
    >>> inspect_query("SELECT ?service WHERE { ?s ?p 'SERVICE' }").fetches
    False
    >>> inspect_query("INSERT DATA { <a> <b> <c> }").form
    'UPDATE'
    >>> inspect_query("LOAD <http://example.org/x.ttl>")
    QueryShape(form='UPDATE', fetches=True, dataset_iris=())

    A comment ends at a CR as at an LF, and ``<`` may be "less than":

    >>> inspect_query("ASK { #\\rSERVICE <http://x/> {} }").fetches
    True
    >>> inspect_query("ASK { BIND((1<'x>') AS ?z) SERVICE <http://x/> {} #' }").fetches
    True
    """
    tokens = list(_tokens(text))
    prefixes: dict[str, str] = dict(declared or {})
    base = ""
    form = ""
    fetches = False
    dataset: list[str] = []
    for index, (kind, value) in enumerate(tokens):
        word = value.upper() if kind == "word" else ""
        following = tokens[index + 1 : index + 4]
        if word == "PREFIX" and len(following) >= 2 and following[1][0] == "iri":
            prefixes[following[0][1].rstrip(":")] = _resolve("iri", following[1][1], {}, base) or ""
        elif word == "BASE" and following and following[0][0] == "iri":
            base = following[0][1][1:-1]
        elif word in _FORMS and not form:
            form = word
        elif word in _UPDATE_WORDS and not form:
            form = "UPDATE"
        if word in ("SERVICE", "LOAD"):
            fetches = True
        if word == "FROM" and following:
            named = following[0][0] == "word" and following[0][1].upper() == "NAMED"
            target = following[1] if named and len(following) > 1 else following[0]
            if target[0] in ("iri", "pname"):
                resolved = _resolve(target[0], target[1], prefixes, base)
                dataset.append(resolved if resolved is not None else target[1])
    return QueryShape(form, fetches or _fetches(text, _TOKEN_NO_QUOTED_IRI), tuple(dataset))


def _fetches(text: str, pattern: re.Pattern[str]) -> bool:
    return any(
        kind == "word" and value.upper() in ("SERVICE", "LOAD")
        for kind, value in _tokens(text, pattern)
    )


def _skip_group(tokens: list[re.Match[str]], start: int) -> int:
    """Index just past the group whose opening brace is at ``start``."""
    depth = 0
    for position in range(start, len(tokens)):
        depth += {"{": 1, "}": -1}.get(tokens[position].group(), 0)
        if depth == 0:
            return position + 1
    raise SparqlTextError("unbalanced braces")


def _where_brace(tokens: list[re.Match[str]]) -> int:
    """Offset in the text just after the opening brace of the outermost WHERE group."""
    words = [m.group().upper() if m.lastgroup == "word" else m.group() for m in tokens]
    form_at = next((i for i, word in enumerate(words) if word in _FORMS), None)
    if form_at is None:
        raise SparqlTextError("not a query: no SELECT, CONSTRUCT, ASK or DESCRIBE")
    start = form_at + 1
    if words[form_at] == "CONSTRUCT" and start < len(words):
        if words[start] == "WHERE":
            raise SparqlTextError("cannot bind parameters in a CONSTRUCT WHERE short form")
        if words[start] == "{":
            start = _skip_group(tokens, start)
    depth_paren = 0
    for position in range(start, len(tokens)):
        word = words[position]
        depth_paren += {"(": 1, ")": -1}.get(word, 0)
        if word == "{" and depth_paren == 0:
            return tokens[position].end()
    raise SparqlTextError("no WHERE group to bind parameters in")


def bind_values(text: str, bindings: Mapping[str, NamedNode | Literal]) -> str:
    """Bind variables to RDF terms with a VALUES block at the start of the WHERE group.

    Terms are serialised by pyoxigraph (IRIs validated, literals escaped), so user text can
    never change the query's structure.

    >>> from pyoxigraph import Literal
    >>> text = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    >>> bind_values(text, {"o": Literal('a"}', language="zh")})
    'CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?o) { ("a\\\\"}"@zh) } ?s ?p ?o }'
    """
    if not bindings:
        return text
    for name, term in bindings.items():
        if not _VARNAME.match(name):
            raise SparqlTextError(f"not a SPARQL variable name: {name!r}")
        if not isinstance(term, NamedNode | Literal):
            raise SparqlTextError(f"parameter {name!r} must be an IRI or a literal, not {term!r}")
    tokens = [m for m in _TOKEN.finditer(text) if m.lastgroup not in ("ws", "comment")]
    at = _where_brace(tokens)
    names = " ".join(f"?{name}" for name in bindings)
    row = " ".join(str(term) for term in bindings.values())
    return f"{text[:at]} VALUES ({names}) {{ ({row}) }}{text[at:]}"

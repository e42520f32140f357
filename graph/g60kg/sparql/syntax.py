"""Say in one line why Oxigraph's parser refused a SPARQL text: where, what it expected, what
it found; never the parser's list of character ranges.

Example:

>>> text = "SELECT ?c WHERE { ?c a foo:Company }"
>>> print(syntax_message(text, "error at 1:35: expected one of Prefix not found, ['%'], [':']",
...                      {"g60": "https://w3id.org/g60kg/ontology#"}))
SPARQL syntax error at line 1, column 24: unknown prefix foo: (declared: g60:); add PREFIX foo: ...
>>> text = "SELECT ?c WHERE { ?c ?p }"
>>> print(syntax_message(text, "error at 1:24: expected one of LATERAL, SERVICE, [_]"))
SPARQL syntax error at line 1, column 24: expected LATERAL or SERVICE, found '}'
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["syntax_message"]

_WHERE = re.compile(r"error at (\d+):(\d+):\s*expected (?:one of )?(.*)", re.DOTALL)
_PNAME_BEFORE = re.compile(r"([^\W\d][\w.-]*)?:[\w.%:-]*$")
_ITEM = re.compile(r"""\s*("(?:[^"\\]|\\.)*"|\[(?:'(?:[^'\\]|\\.)*'|[^\]'])*\]|[^,]+?)\s*(?:,|$)""")
_MOST = 6
_FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE", "INSERT", "DELETE", "WITH", "LOAD", "CLEAR",
          "CREATE", "DROP", "COPY", "MOVE", "ADD")  # fmt: skip
_PROLOGUE = re.compile(
    r"(?:\s+|\#[^\r\n]*|PREFIX\s*[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)*", re.IGNORECASE
)


def _items(listing: str) -> list[str]:
    """The comma-separated alternatives of the parser's list, brackets and quotes kept whole."""
    return [match.group(1) for match in _ITEM.finditer(" ".join(listing.split()))]


def _plain(item: str) -> str | None:
    """One alternative in words: a keyword, a quoted character, or what a class stands for."""
    if item == "[_]":
        return None  # white space or a comment: always allowed, never worth saying
    if item.startswith("[") and item.endswith("]"):
        inside = item[1:-1].strip()
        single = re.fullmatch(r"'(.{1,2})'", inside)
        if single:
            return f"'{single.group(1)}'"
        if "'A'" in inside or "'a'" in inside:
            return "a name"
        if re.fullmatch(r"'0'\s*\.\.=\s*'9'", inside):
            return "a digit"
        return "a name character"
    if item.startswith('"') and item.endswith('"'):
        return f"'{item[1:-1]}'"
    return item


def _found(text: str, line: int, column: int) -> str:
    """The word at (line, column), whole even when the column falls inside it."""
    lines = text.splitlines() or [""]
    if line > len(lines):
        return "the end of the query"
    here = lines[line - 1]
    at = min(column - 1, len(here))
    while 0 < at < len(here) and re.match(r"\w", here[at - 1]) and re.match(r"\w", here[at]):
        at -= 1
    rest = here[at:].lstrip()
    if not rest:
        return "the end of the query" if line >= len(lines) else "the end of the line"
    word = re.match(r"[\w:?$<>-]+|.", rest)
    return repr(word.group() if word else rest[0])


def _no_form(text: str) -> str | None:
    """The message for a text whose first word (after PREFIX and BASE) is no query form."""
    prologue = _PROLOGUE.match(text)
    start = prologue.end() if prologue else 0
    word = re.match(r"\S+", text[start:])
    if word is None or word.group().upper() in _FORMS:
        return None
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return (
        f"SPARQL syntax error at line {line}, column {column}: expected SELECT, CONSTRUCT, "
        f"ASK or DESCRIBE, found {word.group()!r}"
    )


def _unknown_prefix(text: str, line: int, column: int) -> tuple[str, int]:
    """The undeclared prefix ending at the error position, and the column it starts at."""
    lines = text.splitlines() or [""]
    before = lines[min(line, len(lines)) - 1][: column - 1]
    match = _PNAME_BEFORE.search(before)
    if match is None:
        return "", column
    return match.group(1) or "", match.start() + 1


def syntax_message(text: str, message: str, prefixes: Mapping[str, str] | None = None) -> str:
    """One line for a syntax error Oxigraph reports on ``text``: line, column, what was
    expected (at most a few alternatives), what was found.

    ``prefixes`` are the ones declared for every query, named when a prefix is unknown.

    >>> syntax_message("ASK {", "error at 1:6: expected one of \\"{\\", \\"}\\", [_]")
    "SPARQL syntax error at line 1, column 6: expected '{' or '}', found the end of the query"
    >>> syntax_message("x", "something else went wrong")
    'SPARQL syntax error: something else went wrong'
    """
    if not text.strip():
        return "SPARQL syntax error: the query is empty"
    match = _WHERE.match(message.strip())
    if match is None:
        return f"SPARQL syntax error: {' '.join(message.split())[:300]}"
    line, column = int(match.group(1)), int(match.group(2))
    items = _items(match.group(3))
    no_form = _no_form(text)
    if no_form is not None:
        return no_form
    if "Prefix not found" in items:
        prefix, start = _unknown_prefix(text, line, column)
        declared = ", ".join(f"{name}:" for name in sorted(prefixes or {}))
        known = f" (declared: {declared})" if declared else ""
        return (
            f"SPARQL syntax error at line {line}, column {start}: unknown prefix {prefix}:"
            f"{known}; add PREFIX {prefix}: <…> before the query"
        )
    notes = [item for item in items if " " in item and not item.startswith(("[", '"'))]
    if notes:  # the parser's own words, e.g. "IRI parsing failed"
        return f"SPARQL syntax error at line {line}, column {column}: {notes[0]}"
    words = list(dict.fromkeys(w for w in map(_plain, items) if w))
    if len(words) > _MOST:
        expected = ", ".join(words[:_MOST]) + ", …"
    else:
        expected = " or ".join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else words)
    what = f"expected {expected}, " if expected else ""
    return (
        f"SPARQL syntax error at line {line}, column {column}: "
        f"{what}found {_found(text, line, column)}"
    )

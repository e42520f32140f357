"""Checks on a data or candidates file before its records are read: aliases, types, characters.

- YAML anchors and aliases are refused (a few lines of aliases expand to gigabytes).
- A field holding text (a label, an id, a url, a note, ...) must hold text: a list, a mapping,
  ``true`` or ``null`` there is an error, never stored as its Python spelling.
- Text never holds control characters (other than tab and line breaks in free text),
  unpaired surrogates or bidirectional overrides (which make a label read differently than it
  is stored); labels and ids hold no line breaks either.
- ``url`` is an absolute http(s) URL and ``id`` a plain token: no space, ``<``, ``>``, quote.

Each problem names the file's line. Example:

>>> from ruamel.yaml import YAML
>>> doc = YAML().load("entities:\\n- id: x\\n  en: [a, b]\\n  zh: \\"\\u202e洞泾\\"\\n")
>>> [(line, message) for line, message, _ in check_document(doc)]  # doctest: +NORMALIZE_WHITESPACE
[(3, "'en' must be text, found a list"),
 (4, "'zh' holds the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE)")]
>>> refused_alias("a: &x [1, 2]\\nb: *x\\n")
(1, 'YAML anchors and aliases are refused')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.events import AliasEvent, NodeEvent

from .yamlio import line_of

__all__ = ["check_document", "refused_alias"]

TEXT_KEYS = frozenset(
    {
        "id", "iri", "zh", "en", "url", "title", "note", "quote", "source", "retrieved", "site",
        "page_date", "language", "encoding", "sha256", "division_code",
    }
)  # fmt: skip
TEXT_LIST_KEYS = frozenset({"cites", "distinct_from"})
TEXT_OR_LIST_KEYS = frozenset({"type"})
ONE_LINE_KEYS = frozenset({"id", "iri", "zh", "en", "url", "type", "source", "date"})
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Every character `_characters` may report (categories Cc and Cs, bidi controls), to skip the
# character-by-character look at text that holds none; tab and line breaks only in one-line keys.
_BREAKS = "\t\n\r"
_SUSPECT_ANYWHERE = "".join(
    sorted(
        {chr(c) for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) not in _BREAKS}
        | {chr(c) for c in range(0xD800, 0xE000)}
        | _BIDI
    )
)
_SUSPECT = re.compile(f"[{re.escape(_SUSPECT_ANYWHERE)}]")
_SUSPECT_ONE_LINE = re.compile(f"[{re.escape(_SUSPECT_ANYWHERE + _BREAKS)}]")
_URL = re.compile(r"https?://[^\s<>\"{}|\\^`]+\Z")
_ID = re.compile(r"[^\s<>\"'{}|\\^`]+\Z")


def refused_alias(text: str) -> tuple[int, str] | None:
    """The line of the first YAML anchor or alias in ``text``, with the message, or None.

    Reads YAML events only, so nothing is expanded; a syntax error is left to the loader.
    """
    try:
        for event in YAML(typ="rt").parse(text):
            if isinstance(event, AliasEvent) or (
                isinstance(event, NodeEvent) and event.anchor is not None
            ):
                return event.start_mark.line + 1, "YAML anchors and aliases are refused"
    except Exception:  # a syntax error: the loader reports it with its line
        return None
    return None


def check_document(doc: Any) -> list[tuple[int | None, str, str]]:
    """Every (line, problem, hint) of wrong types and characters in a loaded document."""
    return list(_walk(doc))


def _walk(node: Any) -> Iterator[tuple[int | None, str, str]]:
    if isinstance(node, CommentedMap):
        for key, value in node.items():
            line = line_of(node, key)
            yield from _field(str(key), value, line)
            if isinstance(value, CommentedMap | CommentedSeq):
                yield from _walk(value)
    elif isinstance(node, CommentedSeq):
        for index, item in enumerate(node):
            if isinstance(item, str):
                yield from _characters("a list item", item, line_of(node, index), False)
            else:
                yield from _walk(item)


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _field(key: str, value: Any, line: int | None) -> Iterator[tuple[int | None, str, str]]:
    hint = f"write {key} as plain text on one line, e.g. `{key}: 洞泾镇`"
    if key in TEXT_KEYS or key in TEXT_OR_LIST_KEYS:
        texts = value if key in TEXT_OR_LIST_KEYS and isinstance(value, list) else [value]
        allowed = str if key in TEXT_OR_LIST_KEYS else str | int | float
        for text in texts:
            if isinstance(text, bool) or not isinstance(text, allowed):
                yield line, f"'{key}' must be text, found {_kind(text)}", hint
    elif key in TEXT_LIST_KEYS:
        items = value if isinstance(value, list) else [value]
        if not isinstance(value, list) or any(not isinstance(i, str) for i in items):
            yield line, f"'{key}' must be a list of ids", f"write `{key}: [id-one, id-two]`"
    if isinstance(value, str):
        yield from _characters(f"'{key}'", value, line, key in ONE_LINE_KEYS)
        if key == "url" and not _URL.match(value):
            yield line, f"url {value!r} is not an http(s) URL", "no spaces, <, >, quotes or braces"
        if key in ("id", "iri", "source") and not _ID.match(value):
            yield line, f"{key} {value!r} holds a space, a quote, < or >", "use letters, digits, -"


def _characters(
    what: str, text: str, line: int | None, one_line: bool
) -> Iterator[tuple[int | None, str, str]]:
    if (_SUSPECT_ONE_LINE if one_line else _SUSPECT).search(text) is None:
        return
    for char in text:
        category = unicodedata.category(char)
        allowed_break = char in "\t\n\r" and not one_line
        if (category in ("Cc", "Cs") and not allowed_break) or char in _BIDI:
            name = unicodedata.name(char, "a control character")
            yield (
                line,
                f"{what} holds the invisible character U+{ord(char):04X} ({name})",
                "delete it: labels and ids are plain text",
            )
            return

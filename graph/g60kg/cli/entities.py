"""What `find`, `describe` and `queries NAME` print for people: labels first, IRIs only when
asked, each evidence quote once, long text shortened to the terminal.

Kept apart from `query.py` so that `g60kg --help` imports none of it.
"""

from __future__ import annotations

import re
import shutil
from typing import Any

from ..kg import KnowledgeGraph
from ..queries.analyst import types_of
from ..queries.lookup import label
from ..queries.vocabulary import describe_terms, terms
from ..rdf.namespaces import G60
from ..sparql.named import NamedQuery
from ..sparql.tables import display_width, shorten, text_table
from .answers import compact

__all__ = ["describe_lines", "find_table", "query_help", "visible"]

_INVISIBLE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_EVIDENCE = {"zh": "证据", "en": "Evidence"}


def visible(line: str) -> str:
    r"""A line with control, surrogate and bidi characters escaped (\x1b, \u202e).

    >>> print(visible("洞泾\x1b[31m\u202e镇"))
    洞泾\x1b[31m\u202e镇
    """
    return _INVISIBLE.sub(lambda m: m.group().encode("unicode_escape").decode(), line)


def _width() -> int:
    return shutil.get_terminal_size().columns


def type_labels(kg: KnowledgeGraph, iri: str, lang: str) -> str:
    """The classes of `iri` by their labels in `lang` (local names where they have none)."""
    return ", ".join(label(kg, f"{G60}{local}", lang) for local in types_of(kg, iri))


def find_table(kg: KnowledgeGraph, found: list[str], lang: str, iris: bool) -> str:
    """The matches of `find`, best first: label in `lang`, in the other language, and type."""
    other = "en" if lang == "zh" else "zh"
    columns = [lang, other, "type"] + (["iri"] if iris else [])
    cells = [
        [label(kg, iri, lang), label(kg, iri, other), type_labels(kg, iri, lang)]
        + ([str(compact(iri))] if iris else [])
        for iri in found
    ]
    count = f"({len(found)} match{'es' if len(found) != 1 else ''})"
    table = text_table(columns, cells, _width()) + "\n" + count
    return "\n".join(visible(line) for line in table.splitlines())


def _value(fact: dict[str, Any], iris: bool) -> str:
    value = str(fact["value_label"])
    is_iri = str(fact["value"]).startswith(("http://", "https://"))
    if iris and is_iri and not fact["quantity"]:
        return f"{value} <{compact(fact['value'])}>"
    return value


def describe_lines(info: dict[str, Any], lang: str, iris: bool) -> list[str]:
    """`describe` as text: a heading, one line per statement with the numbers of its evidence,
    then each quote (or cited reference) once, numbered.

    >>> from g60kg.queries.analyst import describe
    >>> lines = describe_lines(describe(kg, "洞泾实质落地投资", "en"), "en", False)
    >>> for line in lines[:2] + lines[3:4]:
    ...     print(line)
    Investment landed in Dongjing  (Investment)
      ← includes: Landed and intended investment in Dongjing, together  [1, 2]
      → amount: ≥ 10,000,000,000 CNY (超百亿)  [1, 3]
    """
    width = _width()
    notes: dict[tuple[str, ...], int] = {}
    heading = f"{info['label']}  ({', '.join(info['type_labels'])})"
    lines = [heading + (f"  <{compact(info['iri'])}>" if iris else "")]
    for fact in info["facts"]:
        refs = [_note(notes, _span_key(s, iris)) for s in fact["evidence"]]
        cited = zip(fact["reference_labels"], fact["references"], strict=True)
        refs += [_note(notes, ("cites", name, ref if iris else "")) for name, ref in cited]
        refs = sorted(set(refs))
        arrow = "→" if fact["direction"] == "out" else "←"
        marks = f"  [{', '.join(map(str, refs))}]" if refs else ""
        lines.append(f"  {arrow} {fact['predicate_label']}: {_value(fact, iris)}{marks}")
    if notes:
        lines.append(f"{_EVIDENCE.get(lang, 'Evidence')}:")
    for key, number in notes.items():
        lines.append(f"  [{number}] {_note_text(key, width - 6 - len(str(number)))}")
    return [visible(line) for line in lines]


def _span_key(span: dict[str, Any], iris: bool) -> tuple[str, ...]:
    where = str(compact(span["source"])) if iris else span["source_label"]
    return ("quote", span["quote"], where, f"[{span['start']}:{span['end']}]")


def _note(notes: dict[tuple[str, ...], int], key: tuple[str, ...]) -> int:
    return notes.setdefault(key, len(notes) + 1)


def _note_text(key: tuple[str, ...], width: int) -> str:
    """A quote and where it is, the quote shortened so that the line fits `width`."""
    kind, text, where, *offsets = key
    if kind == "quote":
        where = f"{shorten(where, max(width // 3, 12))} {offsets[0]}"
        return f"“{shorten(text, max(width - display_width(where) - 5, 12))}” — {where}"
    return shorten(f"cites {text}" + (f" <{compact(where)}>" if where else ""), width)


def query_help(kg: KnowledgeGraph, query: NamedQuery, lang: str) -> str:
    """A named query's title, description and, per parameter, what it takes and its valid
    values (the value to type with its Chinese and English labels, for classes and code lists).
    """
    title = query.title_zh if lang == "zh" else query.title_en
    lines = [f"{query.name}: {title}", query.description, ""]
    for name, what in query.params.items():
        optional = " (optional)" if name in query.optional else ""
        kind = query.kinds.get(name)
        lines.append(f"--param {name}=…{optional}: {what}")
        if kind is None or ":" in kind:
            cls = f" of class {label(kg, kind.replace('g60:', str(G60)), lang)}" if kind else ""
            lines.append(f"  an entity{cls}: name, alias, pinyin, CURIE or IRI (g60kg find NAME)")
            continue
        lines.append(f"  {describe_terms(kg, kind)}; any of:")
        cells = [[t.value, t.zh, t.en] for t in terms(kg, kind)]
        table = text_table(["value", "zh", "en"], cells, _width() - 4)
        lines += ["    " + line for line in table.splitlines()]
    if not query.params:
        lines.append("(no parameters)")
    return "\n".join(lines)

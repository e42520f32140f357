"""SPARQL results as plain rows, pandas DataFrames, W3C JSON, and text tables, CSV or TSV.

Language information is kept two ways. Named queries return a label per language in columns
named `<column>_zh` and `<column>_en`; `choose_language` folds such a pair into one
`<column>_label` column in the reader's language (zh → en → the IRI's local name). And any
column holding language-tagged literals gets a parallel `<column>_lang` column with the tag, in
lower case on every backend (Oxigraph lower-cases tags, rdflib keeps them as written).

Examples below use `kg = g60kg.load()`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Identifier

from ..names import local_name
from .tables import text_table

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "choose_language",
    "format_rows",
    "normalise_term",
    "records",
    "rows",
    "to_dataframe",
    "to_sparql_json",
]

Row = dict[str, Any]
# Kept as text: rdflib would turn "2020-10" into a full date and lose the precision.
_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = URIRef(_XSD + "string")
_TEXT_TYPES = {URIRef(_XSD + "gYear"), URIRef(_XSD + "gYearMonth"), _XSD_STRING}


def normalise_term(term: Identifier | None) -> Identifier | None:
    """The same term on every backend: plain literals typed xsd:string, language tags lower-case.

    >>> normalise_term(Literal("x", lang="zh-Latn-pinyin")).language
    'zh-latn-pinyin'
    >>> str(normalise_term(Literal("x")).datatype)
    'http://www.w3.org/2001/XMLSchema#string'
    """
    if isinstance(term, Literal):
        if term.language:
            return Literal(str(term), lang=term.language.lower())
        if term.datatype is None:
            return Literal(str(term), datatype=_XSD_STRING)
    return term


def rows(result: Result) -> list[dict[str, Identifier | None]]:
    """SELECT results as dicts of variable name → normalised RDF term (None when unbound)."""
    names = [str(v) for v in result.vars or []]
    return [
        {name: normalise_term(row[i]) for i, name in enumerate(names)}  # type: ignore[index, arg-type]
        for row in result
    ]


def _value(term: Identifier | None) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        if term.datatype in _TEXT_TYPES or term.language:
            return str(term)
        value = term.toPython()
        return str(term) if isinstance(value, Literal) else value
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def records(result: Result) -> list[Row]:
    """SELECT results as plain Python values, with a `<column>_lang` column for tagged literals.

    >>> from g60kg.sparql.named import run_named
    >>> first = records(run_named(kg, "corridor-cities"))[0]
    >>> first["city_zh"], first["city_zh_lang"], first["province_en"]
    ('松江区', 'zh', 'Shanghai')
    """
    terms = rows(result)
    names = [str(v) for v in result.vars or []]
    tagged = {n for n in names if any(isinstance(r[n], Literal) and r[n].language for r in terms)}  # type: ignore[union-attr]
    out = []
    for row in terms:
        record: Row = {}
        for name in names:
            record[name] = _value(row[name])
            if name in tagged:
                term = row[name]
                record[name + "_lang"] = term.language if isinstance(term, Literal) else None
        out.append(record)
    return out


def _columns(result: Result, found: Sequence[Row]) -> list[str]:
    if found:
        return list(found[0])
    return [str(v) for v in result.vars or []]


def to_dataframe(result: Result) -> pd.DataFrame:
    """SELECT results as a DataFrame: one column per variable, plus `<column>_lang` columns.

    >>> from g60kg.sparql.named import run_named
    >>> df = to_dataframe(run_named(kg, "plan-components", {"programme": "三区两翼"}))
    >>> list(df["position"]), df.loc[0, "component_en_lang"]
    ([1, 2, 3, 4, 5], 'en')
    """
    found = records(result)
    import pandas as pd

    return pd.DataFrame(found, columns=_columns(result, found))


def _json_term(term: Identifier) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None and term.datatype != _XSD_STRING:
        out["datatype"] = str(term.datatype)
    return out


def to_sparql_json(result: Result) -> dict[str, Any]:
    """The W3C SPARQL 1.1 Query Results JSON format, for SELECT and ASK.

    >>> to_sparql_json(kg.query("ASK { ?s a g60:Town }"))
    {'head': {}, 'boolean': True}
    >>> doc = to_sparql_json(kg.query("SELECT ?s WHERE { ?s g60:divisionCode '310117' }"))
    >>> doc["head"], doc["results"]["bindings"][0]["s"]["value"]
    ({'vars': ['s']}, 'https://w3id.org/g60kg/id/adm-310117')
    """
    if result.type == "ASK":
        return {"head": {}, "boolean": bool(result.askAnswer)}
    names = [str(v) for v in result.vars or []]
    bindings = [
        {name: _json_term(term) for name, term in row.items() if term is not None}
        for row in rows(result)
    ]
    return {"head": {"vars": names}, "results": {"bindings": bindings}}


def choose_language(found: Iterable[Row], lang: str = "zh") -> list[Row]:
    """Fold each `<column>_zh` / `<column>_en` pair into `<column>_label` in `lang`.

    The other language fills a gap, then the local name of `<column>`'s IRI.

    >>> choose_language([{"city": "x/adm-1", "city_zh": "松江区", "city_en": None}], "en")
    [{'city': 'x/adm-1', 'city_label': '松江区'}]
    """
    out = []
    for row in found:
        bases = {k[:-3] for k in row if k.endswith(("_zh", "_en"))}
        folded: Row = {}
        for key, value in row.items():
            base = key[:-3] if key.endswith(("_zh", "_en")) else None
            stem = key[:-8] if key.endswith(("_zh_lang", "_en_lang")) else None
            if stem in bases:
                continue
            if base in bases:
                if base + "_label" not in folded:
                    order = [lang, "zh", "en"]
                    picked = next(
                        (row.get(f"{base}_{x}") for x in order if row.get(f"{base}_{x}")), None
                    )
                    own = row.get(base)
                    folded[base + "_label"] = picked or (local_name(own) if own else None)
                continue
            folded[key] = value
        out.append(folded)
    return out


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def format_rows(
    found: Sequence[Row], columns: Sequence[str], fmt: str = "table", width: int | None = None
) -> str:
    """Render rows as an aligned text table (fitted to `width` columns when given, see
    `tables.text_table`), CSV or TSV (values as plain text, never shortened).

    >>> print(format_rows([{"a": "松江区", "b": 1}], ["a", "b"]))
    a       b
    ------  -
    松江区  1
    """
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_cell(r.get(c)) for c in columns] for r in found])
        return buffer.getvalue().rstrip("\n")
    return text_table(columns, [[_cell(r.get(c)) for c in columns] for r in found], width)

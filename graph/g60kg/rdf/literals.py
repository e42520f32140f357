"""Literals and amounts of the records as RDF: dates, numbers and periods typed by the
property's range; amounts with their bounds, qualifier (超 → more-than → `schema:minValue`),
the source's wording, and the currency or unit.

>>> problems: list[Problem] = []
>>> str(literal("2020-10", None, None, problems).datatype), problems
('http://www.w3.org/2001/XMLSchema#gYearMonth', [])
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from rdflib import RDF, XSD, Graph, Literal, URIRef

from ..errors import Problem
from ..records.read import Statement, Where
from .namespaces import G60, SCHEMA, VOCAB

__all__ = ["QUALIFIER_BOUND", "add_quantity", "literal"]

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PERIOD = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
UNITS = {
    "percent": URIRef("http://qudt.org/vocab/unit/PERCENT"),
    "km2": URIRef("http://qudt.org/vocab/unit/KiloM2"),
}
CNY = URIRef("http://qudt.org/vocab/currency/CNY")
QUALIFIER_BOUND = {
    "more-than": "min",
    "nearly": "max",
    "less-than": "max",
    "about": "value",
    "exact": "value",
}


def literal(
    value: Any, rng: URIRef | None, where: Where, problems: list[Problem]
) -> Literal | None:
    """A literal for `value` in the range `rng` (language map, date, number, period, text);
    a malformed value is a problem at `where` and gives None."""
    if value is None:
        return None
    if isinstance(value, Mapping) and len(value) == 1:
        ((lang, text),) = value.items()
        return Literal(str(text), lang=str(lang))
    text = str(value)
    if rng == XSD.date:
        if not DATE.match(text):
            problems.append(
                where.problem(f"malformed date '{text}'", "write an ISO 8601 date: YYYY-MM-DD")
            )
            return None
        return Literal(text, datatype=XSD.date)
    if rng in (XSD.integer, XSD.decimal):
        try:
            Decimal(text)
        except InvalidOperation:
            problems.append(where.problem(f"'{text}' is not a number"))
            return None
        return Literal(text, datatype=rng)
    if PERIOD.match(text):
        datatype = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}[len(text)]
        return Literal(text, datatype=datatype)
    return Literal(text)


def add_quantity(
    g: Graph,
    node: URIRef,
    spec: Any,
    st: Statement,
    rng: URIRef | None,
    problems: list[Problem],
    concept: Callable[[str, Where], URIRef | None],
) -> bool:
    """Describe the amount `spec` on `node` (bounds, qualifier, the source's wording, currency
    or unit); problems go to `problems`, and False means nothing usable was written.
    `concept` resolves a `scheme:code` unit."""
    where = st.where
    if not isinstance(spec, Mapping):
        problems.append(
            where.problem(
                f"malformed amount {spec!r}",
                "write {value|min|max: NUMBER, qualifier: …, text: …, currency|unit: …}",
            )
        )
        return False
    qualifier = str(spec.get("qualifier", "exact"))
    bound = QUALIFIER_BOUND.get(qualifier)
    given = [k for k in ("value", "min", "max") if k in spec]
    text = spec.get("text")
    ok = True
    if bound is None and qualifier != "several-tens":
        problems.append(
            where.problem(
                f"malformed amount: unknown qualifier '{qualifier}'",
                f"use one of {', '.join([*QUALIFIER_BOUND, 'several-tens'])}",
            )
        )
        ok = False
    elif bound and given != [bound]:
        problems.append(
            where.problem(
                f"malformed amount: qualifier '{qualifier}' needs exactly `{bound}:`",
                "超/逾/余/以上 → min; 近/将近, 不足/不到 → max; 约/左右 or exact → value",
            )
        )
        ok = False
    if not text:
        problems.append(where.problem("malformed amount: no `text:` (the source wording)"))
        ok = False
    elif st.evidence and not any(str(text) in s.quote for s in st.evidence):
        problems.append(
            where.problem(
                f"amount text {text!r} does not occur in the statement's evidence",
                "quote the words that state the amount",
            )
        )
        ok = False
    numbers = {}
    for key in given:
        try:
            numbers[key] = Decimal(str(spec[key]))
        except InvalidOperation:
            problems.append(where.problem(f"malformed amount: {key} {spec[key]!r}"))
            ok = False
    if not ok:
        return False
    is_money = rng == SCHEMA.MonetaryAmount or "currency" in spec
    g.add((node, RDF.type, SCHEMA.MonetaryAmount if is_money else SCHEMA.QuantitativeValue))
    for key, number in numbers.items():
        prop = {"value": SCHEMA.value, "min": SCHEMA.minValue, "max": SCHEMA.maxValue}[key]
        g.add((node, prop, Literal(f"{number:f}", datatype=XSD.decimal)))
    g.add((node, G60.qualifier, VOCAB[f"qualifier/{qualifier}"]))
    g.add((node, G60.surfaceForm, Literal(str(text), lang="zh")))
    if is_money:
        if spec.get("currency") != "CNY":
            problems.append(where.problem("malformed amount: money needs `currency: CNY` (yuan)"))
        g.add((node, SCHEMA.currency, Literal("CNY")))
        g.add((node, G60.unit, CNY))
    else:
        unit = str(spec.get("unit", ""))
        unit_iri = UNITS.get(unit) or (concept(unit, where) if ":" in unit else None)
        if unit_iri is None:
            problems.append(
                where.problem(
                    f"malformed amount: unknown unit '{unit}'",
                    "use percent, km2 or a count-unit: concept",
                )
            )
            return False
        g.add((node, G60.unit, unit_iri))
    return True

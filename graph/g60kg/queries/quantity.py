"""Quantities as people read them: bounds, unit and the source's own wording, so that 超百亿
reads "≥ 10,000,000,000 CNY (超百亿)" and an exact figure reads as itself.

Examples below use `kg = g60kg.load()`.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from rdflib import URIRef

from ..kg import KnowledgeGraph
from ..sparql.results import records

__all__ = ["format_quantity", "quantity_text"]

_QUANTITY = """
SELECT ?node ?min ?max ?value ?text ?currency ?unit ?unit_zh ?unit_en WHERE {
  ?node schema:minValue|schema:maxValue|schema:value ?any .
  OPTIONAL { ?node schema:minValue ?min }
  OPTIONAL { ?node schema:maxValue ?max }
  OPTIONAL { ?node schema:value ?value }
  OPTIONAL { ?node g60:surfaceForm ?text }
  OPTIONAL { ?node schema:currency ?currency }
  OPTIONAL { ?node g60:unit ?unit
    OPTIONAL { ?unit rdfs:label ?unit_zh FILTER(langMatches(lang(?unit_zh), "zh")) }
    OPTIONAL { ?unit rdfs:label ?unit_en FILTER(langMatches(lang(?unit_en), "en")) } }
} LIMIT 1"""


def _number(value: object) -> str:
    """A number with thousands separators, as written when it is not a number.

    >>> _number(10000000000), _number("0.25"), _number("二十")
    ('10,000,000,000', '0.25', '二十')
    """
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number:,}"


def format_quantity(
    minimum: object = None,
    maximum: object = None,
    value: object = None,
    unit: str | None = None,
    wording: str | None = None,
) -> str:
    """One quantity in words people read: its bounds, unit and the source's wording.

    >>> format_quantity(minimum=10000000000, unit="CNY", wording="超百亿")
    '≥ 10,000,000,000 CNY (超百亿)'
    >>> format_quantity(maximum=10000000000, unit="CNY", wording="近百亿")
    '≤ 10,000,000,000 CNY (近百亿)'
    >>> format_quantity(minimum=20, maximum=30), format_quantity(value=20, unit="家")
    ('20–30', '20 家')
    """
    unit_part = f" {unit}" if unit else ""
    if value is not None:
        text = f"{_number(value)}{unit_part}"
    elif minimum is not None and maximum is not None:
        text = f"{_number(minimum)}–{_number(maximum)}{unit_part}"
    elif minimum is not None:
        text = f"≥ {_number(minimum)}{unit_part}"
    elif maximum is not None:
        text = f"≤ {_number(maximum)}{unit_part}"
    else:
        text = ""
    if wording and wording != text:
        return f"{text} ({wording})" if text else wording
    return text


def quantity_text(kg: KnowledgeGraph, node: str, lang: str = "zh") -> str | None:
    """The quantity `node` (an amount, a count, a value) in words, or None when it is none.

    >>> landed = "https://w3id.org/g60kg/claim/dongjing-ai-town/investment-landed"
    >>> quantity_text(kg, landed + "/amount")
    '≥ 10,000,000,000 CNY (超百亿)'
    >>> quantity_text(kg, landed + "/companyCount", "en")
    '≥ 20 company (20余家)'
    >>> quantity_text(kg, landed) is None
    True
    """
    found = records(kg.query(_QUANTITY, {"node": URIRef(node)}, check=False))
    if not found:
        return None
    row = found[0]
    unit = row["currency"]
    if unit is None and row["unit"] is not None:
        unit = row[f"unit_{lang}"] or row["unit_zh"] or row["unit_en"]
        unit = unit.lower() if lang == "en" and unit else unit
    return format_quantity(row["min"], row["max"], row["value"], unit, row["text"])

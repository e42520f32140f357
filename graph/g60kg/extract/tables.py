"""Read the figures of plain-text tables, whose numbers carry their unit in a header.

A statistics page writes its figures in rows of cells (``地区生产总值 | 亿元 | 6011.27 | 6.8``)
under a header that gives each column's unit, in brackets (``比上年增长（%）``, ``金额（亿元）``) or
in a column of its own (``单位``, ``计量单位``). Each number in a cell becomes a figure with that
unit, spanning the number as written; a cell that writes its own unit (``74个``) is read from the
text as any figure is, and cells of a column without a unit are left alone.

Examples
--------
>>> text = "指标 | 单位 | 2023年 | 比上年增长（%）\\n生产总值 | 亿元 | 6011.27 | 6.8"
>>> [(q.data.get("value"), q.data.get("unit") or q.data.get("currency"))
...  for q in table_quantities(text)]
[(601127000000, 'CNY'), (6.8, 'percent')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from g60kg.extract.quantities import Quantity, find_quantities, negate
from g60kg.extract.spans import Span, SpanIndex, inside

__all__ = ["table_quantities"]

# a bar, a tab, or a run of spaces that aligns columns (项目　　　　数值（亿元）)
_SEPARATOR = re.compile(r"[ \u3000]*[|｜\t][ \u3000]*|[ \u3000]{2,}")
_NUMBER = re.compile(r"[-−]?\d+(?:\.\d+)?")
_RULE = re.compile(r"^[\s|｜:：\-—]*$")  # |---|---| under a header
_BRACKET_UNIT = re.compile(r"[（(]\s*([^（）()\d]{1,6}?)\s*[）)]\s*$")
_UNIT_COLUMN = re.compile(r"^(?:计量)?单位$")
_NONE = frozenset({"", "—", "-", "－", "/", "…"})


def table_quantities(text: str, furniture: Sequence[Span] = ()) -> list[Quantity]:
    """Return the figures of the table rows of ``text``, none inside ``furniture``."""
    fences = SpanIndex(furniture)
    found: list[Quantity] = []
    units: list[str | None] = []
    unit_column: int | None = None
    for line, cells in _rows(text):
        if line is None:  # a line that is no table row ends the table
            units, unit_column = [], None
            continue
        numbers = [j for j, cell in enumerate(cells) if j and _NUMBER.fullmatch(cell[1])]
        if not numbers:  # a header: each column's unit
            units = [_bracket_unit(cell) for _, cell in cells]
            columns = [j for j, (_, cell) in enumerate(cells) if _UNIT_COLUMN.match(cell)]
            unit_column = columns[0] if columns else None
            continue
        if inside(line, fences):
            continue
        row_unit = None
        if unit_column is not None and unit_column < len(cells):
            row_unit = cells[unit_column][1] if cells[unit_column][1] not in _NONE else None
        for j in numbers:
            unit = (units[j] if j < len(units) else None) or row_unit
            if unit is None or j == unit_column:
                continue
            quantity = _figure(cells[j], unit)
            if quantity is not None:
                found.append(quantity)
    return found


def _rows(text: str) -> Iterator[tuple[Span | None, list[tuple[int, str]]]]:
    """Each line as (its span, its cells as (start, text)), or (None, []) for a line that is no
    table row; a rule under a header (|---|---|) is a row without cells."""
    start = 0
    for line in text.split("\n"):
        span = Span(start, start + len(line))
        start = span.end + 1
        if line.strip() and _RULE.match(line):
            yield span, []
            continue
        cells, at = [], span.start
        for bar in _SEPARATOR.finditer(line):
            cells.append((at, text[at : span.start + bar.start()]))
            at = span.start + bar.end()
        cells.append((at, text[at : span.end]))
        if cells and not cells[0][1].strip():
            cells = cells[1:]  # | 事项 | 数据 |: the empty cell before the first bar
        if cells and not cells[-1][1].strip():
            cells = cells[:-1]
        cells = [
            (at + len(cell) - len(cell.lstrip(" \u3000")), cell.strip(" \u3000"))
            for at, cell in cells
        ]
        yield (span, cells) if len(cells) >= 2 else (None, [])


def _bracket_unit(cell: str) -> str | None:
    match = _BRACKET_UNIT.search(cell)
    if match:
        return match.group(1)
    return "%" if cell.endswith(("%", "％")) else None


def _figure(cell: tuple[int, str], unit: str) -> Quantity | None:
    start, number = cell
    negative = number[0] in "-−"
    written = number.lstrip("-−") + unit
    read = find_quantities(written)
    if len(read) != 1 or read[0].span != Span(0, len(written)):
        return None
    data = dict(read[0].data)
    data["text"] = number
    if negative:
        negate(data)
    return Quantity(Span(start, start + len(number)), read[0].kind, data)

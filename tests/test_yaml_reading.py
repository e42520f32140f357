"""Data files read through libyaml give what ruamel.yaml's own parser gives: the same values and
types, the same line marks and layout, and for anything it does not read, ruamel.yaml's message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from g60kg.errors import InputError
from g60kg.records.yamlio import line_of, read_yaml
from ruamel.yaml.comments import CommentedMap, CommentedSeq

PROJECT_DATA = Path(__file__).resolve().parent.parent / "data"

SCALARS = """\
plain: 洞泾镇
quoted: "2024"
single: 'yes'
integer: 42
octal_looking: 010
hex: 0x1F
float: 1.50
exponent: 1e3
yes_word: yes
boolean: true
nothing: null
tilde: ~
empty:
date: 2024-05-01
stamp: 2024-05-01T10:00:00
sexagesimal: 1:20
literal: |
  line one
  line two
folded: >
  folded
  text
flow: {id: a-firm, type: Company}
items: [1, "two", 3.0, null]
nested:
  - id: x
    spans:
      - {quote: 合肥, start: 0, end: 2}
"""


def _shape(node: Any) -> Any:
    """Everything a reader of a loaded document can see. Not compared: fold positions of `>`
    (for writing back only) and where an empty value (`key:`) is marked (libyaml: after the
    colon, ruamel.yaml: at the next line); `line_of` reads the key's line."""
    if isinstance(node, CommentedMap):
        marks = {k: m if node[k] is not None else m[:2] for k, m in (node.lc.data or {}).items()}
        items = [(_shape(k), _shape(v)) for k, v in node.items()]
        return ("map", node.lc.line, node.lc.col, marks, node.fa.flow_style(), items)
    if isinstance(node, CommentedSeq):
        marks = dict(node.lc.data or {})
        items = [_shape(v) for v in node]
        return ("seq", node.lc.line, node.lc.col, marks, node.fa.flow_style(), items)
    return (type(node).__name__, repr(node))


def _ruamel_only(path: Path) -> Any:
    from g60kg.records.yamlio import _round_trip_yaml

    return _round_trip_yaml().load(path.read_text(encoding="utf-8"))


def test_scalars_resolve_as_yaml_1_2(tmp_path: Path) -> None:
    path = tmp_path / "scalars.yaml"
    path.write_text(SCALARS, encoding="utf-8")
    doc = read_yaml(path)
    assert doc["quoted"] == "2024" and doc["single"] == "yes" and doc["yes_word"] == "yes"
    assert doc["integer"] == 42 and doc["octal_looking"] == 10 and doc["hex"] == 31
    assert doc["boolean"] is True and doc["nothing"] is None and doc["empty"] is None
    assert doc["date"] == "2024-05-01" and doc["sexagesimal"] == "1:20"
    assert doc["literal"] == "line one\nline two\n" and doc["folded"] == "folded text\n"
    assert line_of(doc["nested"][0]["spans"][0]) == 28
    assert _shape(doc) == _shape(_ruamel_only(path))


def test_every_data_file_reads_as_ruamel_reads_it() -> None:
    files = sorted(PROJECT_DATA.rglob("*.yaml"))
    assert len(files) > 100
    for path in files:
        assert _shape(read_yaml(path)) == _shape(_ruamel_only(path)), path


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a: [1, 2\nb: 3\n", 2, "YAML syntax error: expected ',' or ']', but got ':'"),
        ("a: 1\na: 2\n", 2, 'YAML syntax error: found duplicate key "a" with value "2"'),
        ("a: &x 1\nb: *x\n", 1, "YAML anchors and aliases are refused"),
        ("a: !!str 1\n---\nb: 2\n", 2, "YAML syntax error: but found another document"),
    ],
)
def test_what_libyaml_does_not_read_gets_ruamel_messages(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_yaml(path)
    assert caught.value.problem.line == line
    assert message in caught.value.problem.message

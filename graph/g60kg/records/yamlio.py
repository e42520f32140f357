"""Read YAML data files keeping the line of every mapping, for messages that point at a line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from ..errors import InputError

__all__ = ["line_of", "read_yaml"]


def read_yaml(path: Path) -> Any:
    """Parse one YAML file; a syntax error becomes an `InputError` naming file and line.

    Mappings keep their line numbers (see `line_of`); dates stay strings.
    """
    yaml = YAML(typ="rt")
    yaml.constructor.yaml_constructors["tag:yaml.org,2002:timestamp"] = (
        yaml.constructor.yaml_constructors["tag:yaml.org,2002:str"]
    )
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, None, f"not UTF-8 text ({exc.reason})", "save it as UTF-8") from exc
    from .inputcheck import check_document, refused_alias

    alias = refused_alias(text)
    if alias is not None:
        raise InputError(path, alias[0], alias[1], "write the value out in full where it is used")
    try:
        doc = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise InputError(
            path,
            line,
            f"YAML syntax error: {exc.problem or exc.context}",
            "check indentation, quotes and colons on that line",
        ) from exc
    for line, message, hint in check_document(doc)[:1]:
        raise InputError(path, line, message, hint)
    return doc


def line_of(node: Any, key: str | int | None = None) -> int | None:
    """The 1-based line of a mapping (or of one of its keys, or a list item), if known."""
    if isinstance(node, CommentedMap):
        if key is not None and key in node:
            return int(node.lc.key(key)[0]) + 1
        return int(node.lc.line) + 1
    if isinstance(node, CommentedSeq):
        if isinstance(key, int) and 0 <= key < len(node):
            return int(node.lc.item(key)[0]) + 1
        return int(node.lc.line) + 1
    return None

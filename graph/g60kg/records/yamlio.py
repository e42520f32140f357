"""Read YAML data files keeping the line of every mapping, for messages that point at a line.

Files are parsed by libyaml (PyYAML's C parser) into ruamel.yaml's nodes, which ruamel.yaml's
round-trip constructor then turns into the same `CommentedMap`s, line marks and scalar types as
its own, pure-Python parser: about twenty times faster on the corridor's data. Anything that
path does not read exactly as ruamel.yaml would (a syntax error, an anchor or alias, a tag, a
`%YAML` directive, several documents) is read again by ruamel.yaml alone, so every message and
every refusal stays what it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.tag import Tag

from ..errors import InputError

__all__ = ["line_of", "read_yaml"]

_CParser: Any
try:  # PyYAML built with libyaml; without it every file takes the pure-Python path
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - the wheels on PyPI carry libyaml
    _CParser = None


def read_yaml(path: Path) -> Any:
    """Parse one YAML file; a syntax error becomes an `InputError` naming file and line.

    Mappings keep their line numbers (see `line_of`); dates stay strings.

    >>> import tempfile
    >>> file = Path(tempfile.mkdtemp()) / "a.yaml"
    >>> _ = file.write_text("entities:\\n  - id: x\\n    date: 2024-05-01\\n", encoding="utf-8")
    >>> doc = read_yaml(file)
    >>> doc["entities"][0]["date"], line_of(doc["entities"][0], "date")
    ('2024-05-01', 3)
    """
    yaml = _round_trip_yaml()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, None, f"not UTF-8 text ({exc.reason})", "save it as UTF-8") from exc
    from .inputcheck import check_document, refused_alias

    doc = _fast_load(text, yaml)
    if doc is _UNREAD:
        doc = _slow_load(path, text, yaml, refused_alias)
    for line, message, hint in check_document(doc)[:1]:
        raise InputError(path, line, message, hint)
    return doc


def _round_trip_yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.constructor.yaml_constructors["tag:yaml.org,2002:timestamp"] = (
        yaml.constructor.yaml_constructors["tag:yaml.org,2002:str"]
    )
    return yaml


def _slow_load(path: Path, text: str, yaml: YAML, refused_alias: Any) -> Any:
    """ruamel.yaml's own parser: the reference for what is accepted and how errors read."""
    alias = refused_alias(text)
    if alias is not None:
        raise InputError(path, alias[0], alias[1], "write the value out in full where it is used")
    try:
        return yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise InputError(
            path,
            line,
            f"YAML syntax error: {exc.problem or exc.context}",
            "check indentation, quotes and colons on that line",
        ) from exc


class _Unread(Exception):
    """The fast path does not read this text exactly as ruamel.yaml would."""


_UNREAD: Any = _Unread()


def _fast_load(text: str, yaml: YAML) -> Any:
    """The document as ruamel.yaml's round-trip loader gives it, or `_UNREAD`."""
    if _CParser is None:
        return _UNREAD  # pragma: no cover
    parser = _CParser(text)
    try:
        node = _compose_document(parser, _Resolver(yaml.resolver))
        return None if node is None else yaml.constructor.construct_document(node)
    except Exception:  # a syntax error, or one of the cases left to ruamel.yaml
        return _UNREAD
    finally:
        parser.dispose()


class _Resolver:
    """ruamel.yaml's YAML 1.2 tag resolution of plain scalars, looked up once per file (its own
    `resolve` works out the YAML version again for every scalar)."""

    def __init__(self, resolver: Any) -> None:
        if resolver.yaml_path_resolvers:
            raise _Unread("path resolvers")  # pragma: no cover - g60kg sets none
        self.table: dict[Any, list[tuple[str, Any]]] = resolver.versioned_resolver
        self.any_start = self.table.get(None, [])
        self.tags: dict[str, Tag] = {}
        self.scalar_default: Tag = resolver.DEFAULT_SCALAR_TAG
        self.sequence: Tag = resolver.DEFAULT_SEQUENCE_TAG
        self.mapping: Tag = resolver.DEFAULT_MAPPING_TAG

    def scalar(self, value: str, implicit: tuple[bool, bool]) -> Tag:
        if implicit[0]:
            for suffix, regexp in self.table.get(value[:1], []) + self.any_start:
                if regexp.match(value):
                    tag = self.tags.get(suffix)
                    if tag is None:
                        tag = self.tags[suffix] = Tag(suffix=suffix)
                    return tag
        return self.scalar_default


def _compose_document(parser: Any, resolver: _Resolver) -> Node | None:
    events = iter(parser.get_event, None)
    next(events)  # stream start
    event = next(events)
    if type(event).__name__ == "StreamEndEvent":
        return None
    if event.version is not None or event.tags:
        raise _Unread("a %YAML or %TAG directive")
    node = _compose_node(next(events), events, resolver)
    next(events)  # document end
    if type(next(events)).__name__ != "StreamEndEvent":
        raise _Unread("more than one document")
    return node


def _compose_node(event: Any, events: Any, resolver: _Resolver) -> Node:
    kind = type(event).__name__
    if kind == "AliasEvent" or event.anchor is not None or event.tag is not None:
        raise _Unread("an anchor, alias or tag")
    if kind == "ScalarEvent":
        return ScalarNode(
            resolver.scalar(event.value, event.implicit),
            event.value,
            event.start_mark,
            event.end_mark,
            style=event.style or None,
        )
    if kind == "SequenceStartEvent":
        seq = SequenceNode(
            resolver.sequence,
            [],
            event.start_mark,
            None,
            flow_style=event.flow_style,
        )
        item = next(events)
        while type(item).__name__ != "SequenceEndEvent":
            seq.value.append(_compose_node(item, events, resolver))
            item = next(events)
        seq.end_mark = item.end_mark
        return seq
    mapping = MappingNode(
        resolver.mapping,
        [],
        event.start_mark,
        None,
        flow_style=event.flow_style,
    )
    key = next(events)
    while type(key).__name__ != "MappingEndEvent":
        key_node = _compose_node(key, events, resolver)
        mapping.value.append((key_node, _compose_node(next(events), events, resolver)))
        key = next(events)
    mapping.end_mark = key.end_mark
    return mapping


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

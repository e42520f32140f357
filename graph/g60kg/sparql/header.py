"""The `#+ key: value` header of a named query file, read once for the CLI and the served page.

A parameter is written ``name``, ``name?`` (optional) or ``name[kind]`` (a class or a code list
its value must belong to), followed by ``=`` and its description; parameters are separated by
``;``. Only the standard library is used, so the endpoint can read headers without rdflib.

>>> header = read_header("#+ name: demo\\n#+ params: place[g60:Place]=a place; year?=a year\\n")
>>> header["name"]
'demo'
>>> spec = parse_params(header["params"])
>>> spec.descriptions, sorted(spec.optional), spec.kinds
({'place': 'a place', 'year': 'a year'}, ['year'], {'place': 'g60:Place'})
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["ParamSpec", "parse_params", "read_header"]

_HEADER = re.compile(r"^#\+\s*([\w-]+)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^([A-Za-z_][\w-]*)(\?)?(?:\[([\w:-]+)\])?$")


@dataclass(frozen=True)
class ParamSpec:
    """The parameters of one query: name → description, the optional ones and their kinds."""

    descriptions: dict[str, str] = field(default_factory=dict)
    optional: frozenset[str] = frozenset()
    kinds: dict[str, str] = field(default_factory=dict)


def read_header(text: str) -> dict[str, str]:
    """The `#+ key: value` lines of a query text, as a mapping (later keys win)."""
    return {m.group(1): m.group(2) for line in text.splitlines() if (m := _HEADER.match(line))}


def parse_params(value: str) -> ParamSpec:
    """Read a `params` header value; ValueError names a parameter written in another form."""
    descriptions: dict[str, str] = {}
    optional: set[str] = set()
    kinds: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in value.split(";"))):
        head, _, description = part.partition("=")
        spec = _PARAM.match(head.strip())
        if spec is None:
            raise ValueError(f"parameter {head.strip()!r} is not name, name? or name[kind]")
        name, mark, kind = spec.groups()
        if mark:
            optional.add(name)
        if kind:
            kinds[name] = kind
        descriptions[name] = description.strip()
    return ParamSpec(descriptions, frozenset(optional), kinds)

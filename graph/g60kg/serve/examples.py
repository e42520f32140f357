"""Read the named SPARQL queries (``*.rq`` with ``#+ key: value`` header lines) as examples.

Example:

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "towns.rq").write_text(
...     "#+ name: towns\\n#+ title_zh: 城镇\\n"
...     "#+ params: place[g60:Place]=a place; kind?[admin-level]=a level\\n"
...     "SELECT ?t WHERE { ?t ?p ?place }\\n", encoding="utf-8")
>>> [(e.name, e.title_zh, e.params) for e in read_examples(folder)]
[('towns', '城镇', {'place': 'a place', 'kind': 'a level'})]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Example", "read_example", "read_examples"]

_HEADER = re.compile(r"^#\+\s*([\w-]+)\s*:\s*(.*?)\s*$")


@dataclass(frozen=True)
class Example:
    """One named query: its name, titles, description, parameters and SPARQL text."""

    name: str
    text: str
    title_zh: str = ""
    title_en: str = ""
    description: str = ""
    params: dict[str, str] = field(default_factory=dict)


def _params(value: str) -> dict[str, str]:
    """``place[g60:Place]=a place; year=a year`` → ``{"place": "a place", ...}``."""
    params = {}
    for part in re.split(r"[;,]\s*(?=[\w-]+\??(?:\[[^\]]*\])?=)", value):
        key, _, meaning = part.partition("=")
        key = re.sub(r"\??(\[[^\]]*\])?$", "", key.strip())  # `status?[investment-status]`
        if key:
            params[key] = meaning.strip()
    return params


def read_example(path: Path) -> Example:
    """One ``.rq`` file as an Example; the file stem names it unless a header does."""
    text = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    for line in text.splitlines():
        match = _HEADER.match(line)
        if match:
            header[match.group(1)] = match.group(2)
    return Example(
        name=header.get("name", path.stem),
        text=text,
        title_zh=header.get("title_zh", ""),
        title_en=header.get("title_en", ""),
        description=header.get("description", ""),
        params=_params(header.get("params", "")),
    )


def read_examples(folder: Path | None) -> list[Example]:
    """Every ``*.rq`` file of ``folder`` in name order; none when there is no folder."""
    if folder is None or not folder.is_dir():
        return []
    return [read_example(path) for path in sorted(folder.glob("*.rq"))]

"""IRIs once published and since withdrawn (`data/retired-iris.yaml`): never given again.

An entity removed from the graph leaves its IRI behind in this list, with the handle it named,
the day and why. `g60kg mint-iris` skips a retired serial and `g60kg validate` refuses an entity
that carries one, so a link someone saved never comes to name another thing.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..errors import InputError
from .yamlio import line_of, read_yaml

__all__ = ["RETIRED_FILE", "retired_iris"]

RETIRED_FILE = "retired-iris.yaml"


def retired_iris(data_dir: Path) -> dict[str, int]:
    """Each retired IRI of the data folder, with its line in `retired-iris.yaml`.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> _ = (root / RETIRED_FILE).write_text(
    ...     "retired:\\n  - {iri: E5199, id: a-park, retired: 2026-12-08, reason: no date}\\n",
    ...     encoding="utf-8")
    >>> retired_iris(root)
    {'E5199': 2}
    >>> retired_iris(Path(tempfile.mkdtemp()))
    {}
    """
    path = data_dir / RETIRED_FILE
    if not path.is_file():
        return {}
    doc = read_yaml(path)
    rows = doc.get("retired") if isinstance(doc, Mapping) else None
    if not isinstance(rows, list):
        raise InputError(path, 1, "expected a top-level 'retired:' list", "see docs/curation.md")
    found: dict[str, int] = {}
    for row in rows:
        line = line_of(row) if isinstance(row, Mapping) else None
        missing = [
            k
            for k in ("iri", "id", "retired", "reason")
            if not isinstance(row, Mapping) or not row.get(k)
        ]
        if missing:
            raise InputError(
                path,
                line,
                f"a retired IRI needs {', '.join(missing)}",
                "write iri, id, retired, reason",
            )
        found[str(row["iri"])] = line or 0
    return found

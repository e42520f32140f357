"""Agreement of extracted candidates with the curated statements of the same source, matched
by entity handle.

Examples
--------
>>> row = {"subject": "E0001", "predicate": "directlyWithin", "object": "E0002"}
>>> agreement({"statements": [row]}, {"statements": [row]})[0]
(1.0, 1.0, 1.0)
"""

from __future__ import annotations

from typing import Any

from g60kg.extract.scores import prf

__all__ = ["agreement"]


def agreement(
    candidates: dict[str, Any], curated: dict[str, Any]
) -> tuple[tuple[float, float, float], list[str], list[str]]:
    """Compare candidates with curated statements of the same source by entity handle.

    Use it when the candidates were extracted with the registry the curated file refers to
    (so handles agree). Statements are keyed by subject, predicate and object or value; facts
    by their kind and main participants. Returns P/R/F1, the curated statements not proposed,
    and the proposed ones not curated.
    """
    proposed = {_statement_key(s) for s in candidates.get("statements") or []}
    wanted = {_statement_key(s) for s in curated.get("statements") or []}
    scores = prf(len(proposed & wanted), len(proposed), len(wanted))
    return scores, sorted(map(str, wanted - proposed)), sorted(map(str, proposed - wanted))


def _statement_key(row: dict[str, Any]) -> tuple[str, ...]:
    if "predicate" in row:
        return (row["subject"], row["predicate"], str(row.get("object", row.get("value"))))
    if "components" in row:
        return (row["subject"], "components", *(str(c.get("zh")) for c in row["components"]))
    props = row.get("properties") or {}
    main = {
        "PostHolding": ("holder", "post"),
        "Investment": ("investmentStatus", "destination"),
        "Observation": ("indicator", "refArea"),
    }.get(row.get("fact", ""), ())
    return (str(row.get("fact")), *(str(props.get(k)) for k in main))

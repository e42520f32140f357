"""Questions in Python: find entities (`lookup`), the analyst's helpers (`analyst`), counts
(`stats`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from .analyst import (
        components,
        corridor_cities,
        describe,
        evidence,
        find,
        in_place,
        investments,
        neighbours,
        path,
        posts,
        timeline,
    )
    from .lookup import LANGS, label, local_name, pick_label, resolve
    from .stats import Stats, dataset_stats, format_stats

__all__ = [
    "LANGS",
    "Stats",
    "components",
    "corridor_cities",
    "dataset_stats",
    "describe",
    "evidence",
    "find",
    "format_stats",
    "in_place",
    "investments",
    "label",
    "local_name",
    "neighbours",
    "path",
    "pick_label",
    "posts",
    "resolve",
    "timeline",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "components": "analyst",
        "corridor_cities": "analyst",
        "describe": "analyst",
        "evidence": "analyst",
        "find": "analyst",
        "in_place": "analyst",
        "investments": "analyst",
        "neighbours": "analyst",
        "path": "analyst",
        "posts": "analyst",
        "timeline": "analyst",
        "LANGS": "lookup",
        "label": "lookup",
        "local_name": "lookup",
        "pick_label": "lookup",
        "resolve": "lookup",
        "Stats": "stats",
        "dataset_stats": "stats",
        "format_stats": "stats",
    },
)

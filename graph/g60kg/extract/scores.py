"""The counts one evaluated article (or a total) holds, and precision, recall and F1 over them.

Examples
--------
>>> prf(8, 10, 9)
(0.8, 0.889, 0.842)
>>> Score(relation_tp=1, relation_pred=2, relation_gold=1).relations()
(0.5, 1.0, 0.667)
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["GROUPS", "Score", "prf"]

GROUPS = ("place", "org", "site", "event", "document", "programme", "person", "industry")
_COUNTS = (
    "relation_tp",
    "relation_pred",
    "relation_gold",
    "furniture_names",
    "figure_tp",
    "figure_pred",
    "figure_gold",
    "figure_unknown_units",
    "date_tp",
    "date_pred",
    "date_gold",
)


@dataclass
class Score:
    """Counts and lists for one article (or a total)."""

    entity_tp: dict[str, int] = field(default_factory=dict)
    entity_pred: dict[str, int] = field(default_factory=dict)
    entity_gold: dict[str, int] = field(default_factory=dict)
    relation_tp: int = 0
    relation_pred: int = 0
    relation_gold: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    furniture_leaks: list[str] = field(default_factory=list)
    furniture_names: int = 0
    figure_tp: int = 0
    figure_pred: int = 0
    figure_gold: int = 0
    figure_unknown_units: int = 0
    date_tp: int = 0
    date_pred: int = 0
    date_gold: int = 0

    def add(self, other: Score) -> None:
        """Add ``other``'s counts and lists to this one (for totals)."""
        for name in ("entity_tp", "entity_pred", "entity_gold"):
            mine, theirs = getattr(self, name), getattr(other, name)
            for group, count in theirs.items():
                mine[group] = mine.get(group, 0) + count
        for name in _COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.false_positives += other.false_positives
        self.furniture_leaks += other.furniture_leaks

    def figures(self) -> tuple[float, float, float]:
        """Precision, recall, F1 over figures (value and unit)."""
        return prf(self.figure_tp, self.figure_pred, self.figure_gold)

    def dates(self) -> tuple[float, float, float]:
        """Precision, recall, F1 over dates (ISO value)."""
        return prf(self.date_tp, self.date_pred, self.date_gold)

    def entities(self, group: str | None = None) -> tuple[float, float, float]:
        """Precision, recall, F1 over entities (one group, or all)."""
        groups = [group] if group else list(GROUPS)
        tp = sum(self.entity_tp.get(g, 0) for g in groups)
        pred = sum(self.entity_pred.get(g, 0) for g in groups)
        gold = sum(self.entity_gold.get(g, 0) for g in groups)
        return prf(tp, pred, gold)

    def relations(self) -> tuple[float, float, float]:
        """Precision, recall, F1 over relations."""
        return prf(self.relation_tp, self.relation_pred, self.relation_gold)


def prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 rounded to three places (1.0 when nothing was expected)."""
    precision = tp / pred if pred else (1.0 if not gold else 0.0)
    recall = tp / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, 3), round(recall, 3), round(f1, 3)

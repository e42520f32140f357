"""Plain-text tables of evaluation scores: per article, per entity group, the misses and false
positives, and the twelve lines of totals ``g60kg evaluate`` prints.

Examples
--------
>>> print(totals([]).splitlines()[0])
== totals over 0 articles ==
"""

from __future__ import annotations

from g60kg.extract.scores import GROUPS, Score

__all__ = ["report", "report_one", "totals"]


def report(
    results: list[tuple[str, bool, Score]], verbose: bool = True, totals_only: bool = False
) -> str:
    """A plain-text table of the scores, then the misses and false positives, then the totals.

    The totals are always the last twelve lines; ``totals_only`` prints nothing else.
    """
    if totals_only:
        return totals(results)
    lines = ["article | set | entity P/R/F1 | relation P/R/F1 | figures R | dates R | leaks"]
    for name, held, score in results:
        e, r = score.entities(), score.relations()
        f, d = score.figures()[1], score.dates()[1]
        leaks = len(score.furniture_leaks)
        kind = "held-back" if held else "dev"
        lines.append(f"{name} | {kind} | {_fmt(e)} | {_fmt(r)} | {f:.2f} | {d:.2f} | {leaks}")
    lines.append("")
    lines.append("article | " + " | ".join(GROUPS))
    for name, _, score in results:
        cells = []
        for group in GROUPS:
            if score.entity_gold.get(group) or score.entity_pred.get(group):
                cells.append(f"{score.entities(group)[2]:.2f}")
            else:
                cells.append("-")
        lines.append(f"{name} | " + " | ".join(cells))
    if verbose:
        for name, _, score in results:
            lines.append(f"\n## {name}")
            lines += [f"  miss: {m}" for m in score.misses]
            lines += [f"  false positive: {f}" for f in score.false_positives]
            lines += [f"  furniture leak: {f}" for f in score.furniture_leaks]
    lines.append("")
    return "\n".join(lines) + totals(results)


def totals(results: list[tuple[str, bool, Score]]) -> str:
    """The totals over all articles, in exactly twelve lines (no per-article rows).

    >>> print(totals([("a", True, Score(figure_tp=1, figure_gold=2, figure_pred=3))]))
    == totals over 1 articles ==
    measure             P     R    F1  matched  predicted  gold
    entities         1.00  1.00  1.00        0          0     0
    relations        1.00  1.00  1.00        0          0     0
    figures          0.33  0.50  0.40        1          3     2
    dates            1.00  1.00  1.00        0          0     0
    furniture leaks: 0 entities from 0 furniture names
    entity F1 place 1.00 | org 1.00 | site 1.00 | event 1.00
    entity F1 document 1.00 | programme 1.00 | person 1.00 | industry 1.00
    gold figures in units the evaluator does not know: 0
    targets: entity F1 >= 0.85, relation F1 >= 0.6, figures R >= 0.7, dates R >= 0.8
    == end of totals ==
    """
    total = Score()
    for _, _, score in results:
        total.add(score)
    entity_counts = (
        sum(total.entity_tp.values()),
        sum(total.entity_pred.values()),
        sum(total.entity_gold.values()),
    )
    rows = [
        ("entities", total.entities(), entity_counts),
        (
            "relations",
            total.relations(),
            (total.relation_tp, total.relation_pred, total.relation_gold),
        ),
        ("figures", total.figures(), (total.figure_tp, total.figure_pred, total.figure_gold)),
        ("dates", total.dates(), (total.date_tp, total.date_pred, total.date_gold)),
    ]
    lines = [
        f"== totals over {len(results)} articles ==",
        f"{'measure':<15} {'P':>5} {'R':>5} {'F1':>5} {'matched':>8} {'predicted':>10} {'gold':>5}",
    ]
    for name, (p, r, f), (tp, pred, gold) in rows:
        lines.append(f"{name:<15} {p:>5.2f} {r:>5.2f} {f:>5.2f} {tp:>8} {pred:>10} {gold:>5}")
    lines.append(
        f"furniture leaks: {len(total.furniture_leaks)} entities "
        f"from {total.furniture_names} furniture names"
    )
    for groups in (GROUPS[:4], GROUPS[4:]):
        cells = [f"{g} {total.entities(g)[2]:.2f}" for g in groups]
        lines.append("entity F1 " + " | ".join(cells))
    lines.append(f"gold figures in units the evaluator does not know: {total.figure_unknown_units}")
    lines.append("targets: entity F1 >= 0.85, relation F1 >= 0.6, figures R >= 0.7, dates R >= 0.8")
    lines.append("== end of totals ==")
    return "\n".join(lines)


def report_one(score: Score) -> str:
    """One article's scores: P/R/F1 per entity group, overall and for relations, then the lists.

    >>> print(report_one(Score(entity_tp={"place": 1}, entity_pred={"place": 2},
    ...                        entity_gold={"place": 1}, false_positives=["entity place: 松江"])))
    scores         P     R    F1  gold  pred
    place       0.50  1.00  0.67     1     2
    entities    0.50  1.00  0.67     1     2
    relations   1.00  1.00  1.00     0     0
      false positive: entity place: 松江
    """
    lines = [f"{'scores':<10} {'P':>5} {'R':>5} {'F1':>5} {'gold':>5} {'pred':>5}"]

    def row(name: str, values: tuple[float, float, float], gold: int, pred: int) -> str:
        p, r, f = values
        return f"{name:<10} {p:>5.2f} {r:>5.2f} {f:>5.2f} {gold:>5} {pred:>5}"

    for group in GROUPS:
        gold, pred = score.entity_gold.get(group, 0), score.entity_pred.get(group, 0)
        if gold or pred:
            lines.append(row(group, score.entities(group), gold, pred))
    total_gold, total_pred = sum(score.entity_gold.values()), sum(score.entity_pred.values())
    lines.append(row("entities", score.entities(), total_gold, total_pred))
    lines.append(row("relations", score.relations(), score.relation_gold, score.relation_pred))
    if score.figure_gold or score.figure_pred:
        lines.append(row("figures", score.figures(), score.figure_gold, score.figure_pred))
    if score.date_gold or score.date_pred:
        lines.append(row("dates", score.dates(), score.date_gold, score.date_pred))
    lines += [f"  miss: {m}" for m in score.misses]
    lines += [f"  false positive: {f}" for f in score.false_positives]
    lines += [f"  furniture leak: {f}" for f in score.furniture_leaks]
    return "\n".join(lines)


def _fmt(values: tuple[float, float, float]) -> str:
    return "/".join(f"{v:.2f}" for v in values)

"""Score candidates against gold annotations: precision, recall and F1 for entities (by class
group) and relations, with the misses and false positives listed.

Gold JSON shape (one file per article, ``data/eval/gold/<name>.json``)::

    {
      "article": "dongjing-ai-town.txt",     # file under data/eval/articles/
      "held_back": false,                    # true: rules were not written against it
      "published": "2021-06-01",             # page date passed to extract(), or null
      "entities": [                          # every entity the article names
        {"zh": "洞泾镇", "type": "Town", "aliases": ["洞泾"]}
      ],
      "relations": [                         # [subject, predicate, object] in gold names
        ["洞泾镇", "directlyWithin", "松江区"]
      ],
      "furniture_must_not_yield": ["上海智能制造产业园"],  # optional: names only in furniture
      "figures": [                           # optional: every quantity the article gives
        {"text": "约236亩", "value": 236, "unit": "measure-unit:mu", "qualifier": "about"}
      ],
      "dates": [{"text": "6月6日", "iso": "2020-06-06"}]   # optional: every date expression
    }

Figures are recalled when a proposed figure (the candidates' ``figures``) has the same number
(``value``, ``min`` or ``max``; money in yuan) and the same unit, units compared by their
notation (``count-unit:building``, ``栋`` and ``building`` are one unit; see :func:`unit_key`).
Dates are recalled when a proposed date (the candidates' ``dates``) has the same ISO value.
Each proposed figure or date counts once; articles whose gold has no ``figures`` (``dates``) key
are left out of that score. Furniture leaks are proposed entities named only in
furniture.

Entities match when a predicted label or alias equals a gold label or alias (both converted to
simplified characters) and the class groups agree (place, org, site, event, document,
programme, person, industry). Statements are flattened to triples in gold names:

- simple claims: ``[subject, predicate, object or value]``;
- ``PostHolding``: ``[holder, "holdsPost", post]`` where the post is its place and title
  (松江区区长); entities marked ``implied`` (posts, 人民政府 named by a title) and the statements
  about them (postIn, role, jurisdiction) are not scored;
- ``Investment``: ``[destination, "investment:<status>:companyCount|amount", quantity text]``;
- ``Observation``: ``[refArea, "observation:<indicator>", value text]`` and, with a growth
  rate, ``[refArea, "growth:<indicator>", growth text]``;
- components: ``[programme, "hasComponent", component zh]``.

Examples
--------
>>> prf(8, 10, 9)
(0.8, 0.889, 0.842)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from g60kg.extract.errors import GoldError
from g60kg.extract.linking import group_of
from g60kg.extract.normalise import to_simplified

__all__ = ["Score", "agreement", "evaluate", "evaluate_directory", "prf", "report", "report_one"]

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
_UNIT_WORDS = {
    "company": ("家", "企业"),
    "business": ("户",),
    "person": ("人", "名", "位", "万人", "人次"),
    "building": ("栋", "幢", "座楼"),
    "unit": ("个", "套", "件", "款", "台套"),
    "project": ("个项目", "项目", "项"),
    "platform": ("个平台", "平台"),
    "rack": ("个机架", "机架", "架"),
    "server": ("台服务器", "服务器", "台"),
    "day": ("天", "日"),
    "month": ("个月", "月"),
    "year": ("年",),
    "city": ("座城市", "城市", "城"),
    "event": ("场", "次"),
    "mu": ("亩",),
    "square-metre": ("平方米", "㎡", "m2", "m²", "sqm"),
    "square-kilometre": ("平方公里", "km2", "km²", "平方千米"),
    "hectare": ("公顷",),
    "kilometre": ("公里", "km", "千米"),
    "pflops": ("p", "pflops", "pflop/s", "petaflops"),
    "eflops": ("e", "eflops", "eflop/s"),
    "cny": ("元", "yuan", "rmb", "currency", "人民币", "万元", "亿元"),
    "percent": ("%", "％", "pct", "per-cent", "百分比"),
}
_UNIT_KEYS = {word.casefold(): key for key, words in _UNIT_WORDS.items() for word in words}


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


def load_gold(path: Path) -> dict[str, Any]:
    """Read and check a gold file."""
    try:
        gold: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise GoldError(str(path), f"cannot read gold JSON ({error})", "fix the JSON") from error
    for key in ("article", "entities", "relations"):
        if key not in gold:
            raise GoldError(str(path), f"missing key {key!r}", "see the shape in evaluate.py")
    return gold


def evaluate(gold: dict[str, Any], candidates: dict[str, Any]) -> Score:
    """Score one article's ``candidates`` (the YAML as data) against its ``gold``.

    Rows in the candidates' ``review`` section (proposed, but left out of ingest because a
    required part is missing) count as proposed.
    """
    candidates = _with_review(candidates)
    score = Score()
    canon: dict[str, str] = {}
    gold_entities = []
    for item in gold["entities"]:
        names = {to_simplified(n) for n in [item["zh"], *item.get("aliases", [])]}
        gold_entities.append((to_simplified(item["zh"]), group_of(item["type"]), names))
        canon.update(dict.fromkeys(names, to_simplified(item["zh"])))
    predicted = _predicted_entities(candidates)
    matched: set[str] = set()
    for zh, group, names in predicted:
        score.entity_pred[group] = score.entity_pred.get(group, 0) + 1
        hit = [g for g in gold_entities if g[1] == group and g[2] & names and g[0] not in matched]
        if hit:
            matched.add(hit[0][0])
            score.entity_tp[group] = score.entity_tp.get(group, 0) + 1
        else:
            score.false_positives.append(f"entity {group}: {zh}")
    for zh, group, _ in gold_entities:
        score.entity_gold[group] = score.entity_gold.get(group, 0) + 1
        if zh not in matched:
            score.misses.append(f"entity {group}: {zh}")
    leaks = {to_simplified(n) for n in gold.get("furniture_must_not_yield", [])}
    score.furniture_leaks = sorted(zh for zh, _, names in predicted if names & leaks)
    score.furniture_names = len(leaks)
    _score_relations(score, gold, candidates, canon)
    if "figures" in gold:  # articles not annotated for figures are not counted
        _score_figures(score, gold["figures"] or [], candidates.get("figures") or [])
    if "dates" in gold:
        _score_dates(score, gold["dates"] or [], candidates.get("dates") or [])
    return score


def _with_review(candidates: dict[str, Any]) -> dict[str, Any]:
    review = [r for r in candidates.get("review") or [] if isinstance(r, dict)]
    if not review:
        return candidates
    statements = [r for r in review if "predicate" in r or "fact" in r or "components" in r]
    entities = [r for r in review if r not in statements and "type" in r]
    return candidates | {
        "entities": [*(candidates.get("entities") or []), *entities],
        "statements": [*(candidates.get("statements") or []), *statements],
    }


def unit_key(unit: object) -> str | None:
    """A unit's notation, whatever way it is written (None when there is none).

    Units the table does not know keep their own notation, so they match only themselves.

    >>> [unit_key(u) for u in ("count-unit:building", "栋", "measure-unit:mu", "CNY", "km2")]
    ['building', 'building', 'mu', 'cny', 'square-kilometre']
    >>> unit_key("count-unit:robot")
    'robot'
    """
    if not isinstance(unit, str) or not unit.strip():
        return None
    word = unit.strip().casefold().rstrip("/")
    word = word.rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    if word in _UNIT_WORDS:
        return word
    return _UNIT_KEYS.get(word) or _UNIT_KEYS.get(to_simplified(word)) or word


def known_unit(unit: object) -> bool:
    """Whether :func:`unit_key` knows ``unit`` (``栋`` yes, ``count-unit:robot`` no)."""
    key = unit_key(unit)
    return key is not None and key in _UNIT_WORDS


def _figure_numbers(figure: dict[str, Any]) -> list[float]:
    numbers = []
    for key in ("value", "min", "max"):
        value = figure.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            numbers.append(float(value))
    return numbers


def _same_number(one: float, other: float) -> bool:
    return abs(one - other) <= 1e-9 * max(1.0, abs(one), abs(other))


def _score_figures(score: Score, gold: list[Any], predicted: list[Any]) -> None:
    rows = [p for p in predicted if isinstance(p, dict)]
    pool = [(_figure_numbers(p), unit_key(p.get("unit") or p.get("currency"))) for p in rows]
    used: set[int] = set()
    score.figure_gold += len(gold)
    score.figure_pred += len(pool)
    for item in gold:
        if not isinstance(item, dict):
            continue
        unit = unit_key(item.get("unit") or item.get("currency"))
        if not known_unit(item.get("unit") or item.get("currency")):
            score.figure_unknown_units += 1
        numbers = _figure_numbers(item)
        text = str(item.get("text", ""))
        hit = next(
            (
                i
                for i, (values, kind) in enumerate(pool)
                if i not in used
                and kind == unit
                and any(_same_number(n, v) for n in numbers for v in values)
            ),
            None,
        )
        if hit is None:
            score.misses.append(f"figure: {text} ({numbers[0] if numbers else '?'} {unit})")
            continue
        used.add(hit)
        score.figure_tp += 1


def _score_dates(score: Score, gold: list[Any], predicted: list[Any]) -> None:
    pool = [str(p.get("iso")) for p in predicted if isinstance(p, dict)]
    score.date_gold += len(gold)
    score.date_pred += len(pool)
    for item in gold:
        iso = str(item.get("iso")) if isinstance(item, dict) else ""
        if iso in pool:
            pool.remove(iso)
            score.date_tp += 1
        else:
            text = item.get("text", "") if isinstance(item, dict) else ""
            score.misses.append(f"date: {text} ({iso})")


def _predicted_entities(candidates: dict[str, Any]) -> list[tuple[str, str, set[str]]]:
    rows = []
    for entity in candidates.get("entities") or []:
        if entity.get("implied"):
            continue
        names = {entity["zh"], *(a["zh"] for a in entity.get("aliases") or [])}
        rows.append((entity["zh"], group_of(entity["type"]), {to_simplified(n) for n in names}))
    for concept in candidates.get("concepts") or []:
        rows.append((concept["zh"], "industry", {to_simplified(concept["zh"])}))
    return rows


def _score_relations(
    score: Score, gold: dict[str, Any], candidates: dict[str, Any], canon: dict[str, str]
) -> None:
    def name(value: str) -> str:
        value = to_simplified(value)
        return canon.get(value, value)

    labels: dict[str, list[str]] = {}
    for entity in candidates.get("entities") or []:
        labels[entity["id"]] = [entity["zh"], *(a["zh"] for a in entity.get("aliases") or [])]
    for concept in candidates.get("concepts") or []:
        labels[concept["concept"]] = [concept["zh"]]

    def label(ref: Any) -> str:
        names = [name(n) for n in labels.get(str(ref), [str(ref)])]
        return next((n for n in names if n in canon.values()), names[0])

    implied = {e["id"] for e in candidates.get("entities") or [] if e.get("implied")}
    about = [s for s in candidates.get("statements") or [] if s.get("subject") not in implied]
    predicted = set(_flatten(about, label))
    expected = {(name(s), p, name(o)) for s, p, o in gold["relations"]}
    score.relation_pred, score.relation_gold = len(predicted), len(expected)
    score.relation_tp = len(predicted & expected)
    score.misses += [f"relation: {' | '.join(r)}" for r in sorted(expected - predicted)]
    score.false_positives += [f"relation: {' | '.join(r)}" for r in sorted(predicted - expected)]


def _flatten(statements: Iterable[dict[str, Any]], label: Any) -> Iterable[tuple[str, str, str]]:
    for row in statements:
        if "components" in row:
            for item in row["components"]:
                yield label(row["subject"]), "hasComponent", to_simplified(item["zh"])
        elif row.get("fact") == "PostHolding":
            props = row["properties"]
            title = props["postTitle"]["zh"]
            yield (
                label(props["holder"]),
                "holdsPost",
                label(props["post"]) if "post" in props else title,
            )
        elif row.get("fact") == "Investment":
            props = row["properties"]
            status = props["investmentStatus"].split(":")[-1]
            for key in ("companyCount", "amount"):
                if key in props:
                    predicate = f"investment:{status}:{key}"
                    yield label(props["destination"]), predicate, to_simplified(props[key]["text"])
        elif row.get("fact") == "Observation":
            props = row["properties"]
            indicator = props["indicator"].split(":")[-1]
            area = label(props["refArea"])
            yield area, f"observation:{indicator}", to_simplified(props["value"]["text"])
            if "growthRate" in props:
                yield area, f"growth:{indicator}", to_simplified(props["growthRate"]["text"])
        elif "predicate" in row:
            obj = label(row["object"]) if "object" in row else str(row.get("value"))
            yield label(row["subject"]), row["predicate"], obj


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


def evaluate_directory(root: Path, nlp: str | None = None) -> list[tuple[str, bool, Score]]:
    """Extract every gold article under ``root`` (``articles/``, ``gold/``) and score it.

    ``nlp`` names the statistical analysers to run beside the rules (see :mod:`.nlp`).
    """
    from g60kg.extract import extract

    yaml = YAML(typ="safe")
    results = []
    for path in sorted((root / "gold").glob("*.json")):
        gold = load_gold(path)
        article = root / "articles" / gold["article"]
        found = extract(
            article.read_bytes(), source_id=path.stem, published=gold.get("published"), nlp=nlp
        )
        data = yaml.load(found.to_yaml())
        results.append((path.stem, bool(gold.get("held_back")), evaluate(gold, data)))
    return results


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

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
A count in a generic measure word is recalled by its unit or by what it counts (the figure's
``counted``: 23个产业项目 is 23 units and 23 projects), as gold writers put either in the unit.
A position (第5位, unit ``count-unit:rank``) is recalled by its unit or by its measure word's
(``word_unit``). A share (unit ``fraction``: 1/5, 两成) is compared in per cent (20%), within
half a per cent of the number, as writers round shares that have no exact decimal (1/28 as
0.0357).
Dates are recalled when a proposed date (the candidates' ``dates``) has the same ISO value.
Each proposed figure or date counts once; articles whose gold has no ``figures`` (``dates``) key
are left out of that score. Furniture leaks are proposed entities named only in
furniture.

Entities match when a predicted label or alias equals a gold label or alias (both converted to
simplified characters) and the class groups agree (place, org, site, event, document,
programme, person, industry). Gold classes the ontology lacks are read by meaning
(:func:`gold_group`: County, Country and Place are places, SigningEvent an event).
Statements are flattened to triples in gold names:

- simple claims: ``[subject, predicate, object or value]``;
- ``PostHolding``: ``[holder, "holdsPost", post]`` where the post is its place and title
  (松江区区长), the place read by its gold name when the post opens with a gold alias
  (三山经开区党工委书记 is 三山经济开发区党工委书记 where the gold names 三山经开区 as an
  alias); entities marked ``implied`` (posts, 人民政府 named by a title) and the statements
  about them (postIn, role, jurisdiction) are not scored;
- ``Investment``: ``[destination, "investment:<status>:companyCount|amount", quantity text]``;
- ``Observation``: ``[refArea, "observation:<indicator>", value text]`` and, with a growth
  rate, ``[refArea, "growth:<indicator>", growth text]``;
- components: ``[programme, "hasComponent", component zh]``;
- dates: the gold's one ``date`` predicate stands for the graph's ``date`` (a day), ``when`` (a
  month or a year) and ``founded``.

Counts and P/R/F1 are in :mod:`.scores`, the tables in :mod:`.score_report`, unit notation in
:mod:`.figure_units`, agreement with curated statements in :mod:`.curated_agreement`.

Examples
--------
>>> gold = {"entities": [{"zh": "洞泾镇", "type": "Town"}], "relations": []}
>>> found = {"entities": [{"id": "E1", "zh": "洞泾镇", "type": "Town"}], "statements": []}
>>> evaluate(gold, found).entities()
(1.0, 1.0, 1.0)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from g60kg.extract.errors import GoldError
from g60kg.extract.figure_units import known_unit, unit_key
from g60kg.extract.linking import group_of
from g60kg.extract.normalise import to_simplified
from g60kg.extract.scores import Score

__all__ = ["GRAPH_NAMES", "GraphNamesUse", "evaluate", "evaluate_directory", "load_gold"]


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
        gold_entities.append((to_simplified(item["zh"]), gold_group(item["type"]), names))
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


# classes gold writers used that the ontology does not have, read by what they name: a county
# or county-level city is a District of the graph, a signing event a SigningCeremony
_GOLD_GROUPS = {"County": "place", "Country": "place", "Place": "place", "SigningEvent": "event"}


def gold_group(kind: str) -> str:
    """The class group of a gold entity's ``type``.

    >>> gold_group("County"), gold_group("District"), gold_group("SigningEvent")
    ('place', 'place', 'event')
    """
    return _GOLD_GROUPS.get(kind) or group_of(kind)


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


def _figure_numbers(figure: dict[str, Any]) -> list[float]:
    """The figure's numbers; a share (unit ``fraction``) in per cent, as 1/5 is 20%."""
    scale = 100.0 if _is_share(figure) else 1.0
    numbers = []
    for key in ("value", "min", "max"):
        value = figure.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            numbers.append(float(value) * scale)
    return numbers


def _is_share(figure: dict[str, Any]) -> bool:
    return unit_key(figure.get("unit")) == "fraction"


def _same_number(one: float, other: float, rounded: bool = False) -> bool:
    """Equal numbers; within half a per cent when one is a share a writer may have rounded
    (1/28 written 0.0357)."""
    tolerance = _SHARE_ROUNDING if rounded else 1e-9
    return abs(one - other) <= tolerance * max(1.0 if not rounded else 0.0, abs(one), abs(other))


_SHARE_ROUNDING = 5e-3


def _units(figure: dict[str, Any]) -> set[str | None]:
    """A figure's unit and, for a count in a generic measure word, what it counts: gold writers
    put either in the unit (23个产业项目 as 23 units or as 23 projects). A share is in per cent."""
    if _is_share(figure):
        return {"percent"}
    thing = figure.get("counted")
    unit = unit_key(thing.get("unit")) if isinstance(thing, dict) else None
    word = unit_key(figure.get("word_unit"))  # 第5位: a rank, or 5 by its measure word
    units = {unit_key(figure.get("unit") or figure.get("currency"))}
    return units | {u for u in (unit, word) if u}


def _score_figures(score: Score, gold: list[Any], predicted: list[Any]) -> None:
    rows = [p for p in predicted if isinstance(p, dict)]
    pool = [(_figure_numbers(p), _units(p), _is_share(p)) for p in rows]
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
        kind = "percent" if _is_share(item) else unit
        text = str(item.get("text", ""))
        hit = next(
            (
                i
                for i, (values, kinds, share) in enumerate(pool)
                if i not in used
                and kind in kinds
                and any(
                    _same_number(n, v, share or _is_share(item)) for n in numbers for v in values
                )
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

    prefixes = sorted(canon, key=len, reverse=True)

    def post(value: str) -> str:
        # a post is its body and its title (三山经开区党工委书记): the body by its gold name
        body = next((n for n in prefixes if value.startswith(n) and len(n) < len(value)), None)
        return canon[body] + value[len(body) :] if body else value

    def canonical(triple: tuple[str, str, str]) -> tuple[str, str, str]:
        subject, predicate, obj = triple
        return (subject, predicate, post(obj)) if predicate == "holdsPost" else triple

    implied = {e["id"] for e in candidates.get("entities") or [] if e.get("implied")}
    about = [s for s in candidates.get("statements") or [] if s.get("subject") not in implied]
    predicted = {canonical(t) for t in _flatten(about, label)}
    expected = {canonical((name(s), p, name(o))) for s, p, o in gold["relations"]}
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
            yield (
                label(row["subject"]),
                _GOLD_PREDICATE.get(row["predicate"], row["predicate"]),
                obj,
            )


# the gold format has one date predicate; the graph keeps a day as ``date`` and a month or a
# year as ``when`` (founding dates as ``founded``)
_GOLD_PREDICATE = {"when": "date", "founded": "date"}

GRAPH_NAMES = ("none", "leave-source-out", "plain")


def _sources_listing(root: Path) -> object:
    """The evaluation folder's ``sources.yaml`` (the public reports its articles were written
    from), when it has one: read by code, to leave each article's sources out."""
    path = root / "sources.yaml"
    if not path.is_file():
        return None
    try:
        return YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except Exception as error:
        raise GoldError(
            str(path), f"cannot read the sources listing ({error})", "fix it"
        ) from error


@dataclass
class GraphNamesUse:
    """What the graph's names did in an evaluation: articles whose gold lists source URLs,
    and entities left out because their only sources were the article's (summed)."""

    mode: str = "none"
    entities: int = 0
    articles: int = 0
    with_sources: int = 0
    left_out: int = 0

    def summary(self) -> str:
        if self.mode == "none":
            return "graph names: not used (the article's text only)"
        note = f"graph names ({self.mode}): {self.entities} entities of the graph as a lexicon"
        if self.mode == "leave-source-out":
            note += (
                f"; {self.with_sources} of {self.articles} gold files list source URLs; "
                f"{self.left_out} entity exclusions in all (only sources the article's own)"
            )
        return note


def evaluate_directory(
    root: Path,
    nlp: str | None = None,
    graph_names: str = "none",
    data: Path | None = None,
    use: GraphNamesUse | None = None,
) -> list[tuple[str, bool, Score]]:
    """Extract every gold article under ``root`` (``articles/``, ``gold/``) and score it.

    ``nlp`` names the statistical analysers to run beside the rules (see :mod:`.nlp`).
    ``graph_names`` (one of :data:`GRAPH_NAMES`) gives extraction the graph's entities of
    ``data`` as a gazetteer: ``plain`` all of them; ``leave-source-out`` without the entities
    whose only sources are the article's own (the gold file's ``sources``), the fair measure on
    articles written from public reports the curators may also have read. ``use`` is filled in
    with what the names did.
    """
    from g60kg.extract import extract
    from g60kg.extract.graph_names import (
        gold_urls,
        known_entities,
        leave_sources_out,
        listed_urls,
    )

    if graph_names not in GRAPH_NAMES:
        raise ValueError(f"graph_names must be one of {', '.join(GRAPH_NAMES)}")
    use = use if use is not None else GraphNamesUse()
    use.mode = graph_names
    known = known_entities(data or Path("data")) if graph_names != "none" else []
    use.entities = len(known)
    yaml = YAML(typ="safe")
    listing = _sources_listing(root) if graph_names == "leave-source-out" else None
    results = []
    for path in sorted((root / "gold").glob("*.json")):
        gold = load_gold(path)
        article = root / "articles" / gold["article"]
        gazetteer = [k.record for k in known]
        if graph_names == "leave-source-out":
            urls = gold_urls(gold) | listed_urls(listing, {gold["article"], path.stem})
            gazetteer = leave_sources_out(known, urls)
            use.with_sources += bool(urls)
            use.left_out += len(known) - len(gazetteer)
        use.articles += 1
        found = extract(
            article.read_bytes(),
            source_id=path.stem,
            published=gold.get("published"),
            nlp=nlp,
            gazetteer=gazetteer,
        )
        proposed = yaml.load(found.to_yaml())
        results.append((path.stem, bool(gold.get("held_back")), evaluate(gold, proposed)))
    return results

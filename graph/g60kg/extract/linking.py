"""Group an article's mentions into entities and link them to the graph's gazetteer.

Within one article, mentions of one thing are merged: a place's bare stem (松江 for 松江区), a
shorter name that ends a longer one of the same class (G60科创走廊, 长三角G60科创走廊), spellings
that differ only by 产业 or a place suffix (洞泾镇人工智能小镇, 洞泾人工智能产业小镇), and common
phrases (投资推介会, 大会) that can only mean one named thing of their class. Each entity is then
looked up by label and alias in the gazetteer: one match links it, several make it ambiguous
(all candidates kept, none picked), near spellings (rapidfuzz) are flagged as possible
duplicates, and people are never linked by name alone. New entities get the next free
``E####`` IRI.

Examples
--------
>>> from g60kg.extract.mention import Mention
>>> from g60kg.extract.spans import Span
>>> record = GazetteerRecord("songjiang", "adm-310117", "District", ("松江区", "松江"))
>>> found = [Mention(Span(0, 3), "松江区", "District"), Mention(Span(5, 7), "松江", "District")]
>>> [(e.zh, e.status, e.handle) for e in link_mentions(found, [record])]
[('松江区', 'linked', 'songjiang')]

A linked entity keeps the graph's English label:

>>> hefei = GazetteerRecord("hefei", "adm-340100", "City", ("合肥市", "合肥"), "Hefei")
>>> [e.en for e in link_mentions([Mention(Span(0, 3), "合肥市", "City")], [hefei])]
['Hefei']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process
from ruamel.yaml import YAML

from g60kg.extract.divisions import full_name
from g60kg.extract.lexicon import ADMIN_LEVEL
from g60kg.extract.mention import Mention
from g60kg.extract.normalise import to_simplified
from g60kg.extract.romanise import pinyin_words
from g60kg.records.duplicates import name_key

__all__ = ["Entity", "GazetteerRecord", "gazetteer_from_entity_files", "link_mentions"]

_FUZZY = 88.0
_GROUPS = {
    **dict.fromkeys(ADMIN_LEVEL, "place"),
    **dict.fromkeys(("Region", "Corridor", "Road"), "place"),
    **dict.fromkeys(("Company", "GovernmentBody", "CooperationBody", "Organization"), "org"),
    **dict.fromkeys(("PartyCommittee", "University", "ResearchInstitute", "Laboratory"), "org"),
    **dict.fromkeys(("IndustryAlliance", "Fund"), "org"),
    **dict.fromkeys(("IndustrialBase", "IndustrialPark", "FeatureTown", "InnovationBase"), "site"),
    **dict.fromkeys(("PlannedZone", "Site", "Platform"), "site"),
    **dict.fromkeys(("ComputingCentre", "ScienceCity", "PilotZone"), "site"),
    **dict.fromkeys(("Conference", "Summit", "SigningCeremony", "Unveiling", "Launch"), "event"),
    **dict.fromkeys(("Event", "PanelDiscussion"), "event"),
    **dict.fromkeys(("Exhibition", "Competition", "Groundbreaking", "Opening"), "event"),
    **dict.fromkeys(("Document", "PlanDocument", "PolicyDocument"), "document"),
    **dict.fromkeys(("Plan", "Slogan", "Programme"), "programme"),
    "Person": "person",
    "Post": "post",
    "Industry": "industry",
}
_KEEP_GENERIC = frozenset({"event"})


@dataclass(frozen=True)
class GazetteerRecord:
    """An entity the graph already has: handle, IRI local name, class, every name, and its
    English label (which a linked entity keeps)."""

    handle: str
    iri: str
    type: str
    names: tuple[str, ...]
    en: str = ""


@dataclass
class Entity:
    """An entity of the article: its mentions, labels, and how it links to the graph."""

    type: str
    mentions: list[Mention]
    handle: str = ""
    iri: str = ""
    zh: str = ""
    en: str = ""
    aliases: list[str] = field(default_factory=list)
    status: str = "new"
    candidates: list[tuple[str, str, float]] = field(default_factory=list)
    code: str | None = None


def group_of(kind: str) -> str:
    """The coarse group (place, org, site, event, document, programme, person, industry)."""
    return _GROUPS.get(kind, "other")


def gazetteer_from_entity_files(paths: Iterable[Path | str]) -> list[GazetteerRecord]:
    """Read ``data/entities/*.yaml`` files into gazetteer records (labels and aliases)."""
    yaml = YAML(typ="safe")
    records = []
    for path in sorted(Path(p) for p in paths):
        document = yaml.load(Path(path).read_text(encoding="utf-8")) or {}
        for item in document.get("entities", []):
            kind = item.get("type")
            kind = kind[0] if isinstance(kind, list) else kind
            names = [item.get("zh", "")] + [a.get("zh", "") for a in item.get("aliases") or []]
            names = [to_simplified(n) for n in names if n]
            en = str(item.get("en") or "")
            records.append(
                GazetteerRecord(item["id"], str(item["iri"]), str(kind), tuple(names), en)
            )
    return records


def link_mentions(
    mentions: Sequence[Mention],
    gazetteer: Sequence[GazetteerRecord] = (),
    same: Sequence[tuple[Mention, Mention]] = (),
) -> list[Entity]:
    """Group ``mentions`` into entities (in order of first mention) and link each one.

    ``same`` lists pairs of mentions the text says name one thing (X，即Y).
    """
    entities = _merge(_group(mentions), same)
    _label(entities)
    entities = _one_per_name(entities)
    _link(entities, gazetteer)
    entities = _one_per_link(entities)
    _mint(entities, gazetteer)
    return entities


def _one_per_name(entities: list[Entity]) -> list[Entity]:
    """Entities whose names agree once written the registry's way (legal suffixes such as 集团
    dropped: :func:`g60kg.records.duplicates.name_key`) are one entity (协鑫, read alone, and
    协鑫集团): ingest would refuse two entities sharing a name."""
    owner: dict[str, Entity] = {}
    result = []
    for entity in entities:
        keys = {name_key(n) for n in [entity.zh, *entity.aliases]}
        other = next((owner[k] for k in keys if k in owner), None)
        if other is None:
            owner.update(dict.fromkeys(keys, entity))
            result.append(entity)
            continue
        other.mentions = sorted(other.mentions + entity.mentions, key=lambda m: m.span)
        names = [entity.zh, *entity.aliases]
        other.aliases += [n for n in names if n not in other.aliases and n != other.zh]
        owner.update(dict.fromkeys(keys, other))
    return result


def _one_per_link(entities: list[Entity]) -> list[Entity]:
    """Entities of the article linked to one graph entity are one entity."""
    kept: dict[str, Entity] = {}
    result = []
    for entity in entities:
        first = kept.get(entity.handle) if entity.status == "linked" else None
        if first is None:
            if entity.status == "linked":
                kept[entity.handle] = entity
            result.append(entity)
            continue
        first.mentions = sorted(first.mentions + entity.mentions, key=lambda m: m.span)
        first.aliases += [n for n in [entity.zh, *entity.aliases] if n not in first.aliases]
        first.aliases = [n for n in first.aliases if n != first.zh]
    return result


def _key(name: str) -> str:
    name = re.sub(r"(?<=[\u4e00-\u9fff]{2})(镇|区|县)(?=[\u4e00-\u9fff]{2})", "", name)
    return name.replace("产业", "")


def _group(mentions: Sequence[Mention]) -> list[Entity]:
    ordered = sorted(mentions, key=lambda m: (m.span.start, m.span.end))
    proper = [m for m in ordered if m.proper]
    entities: list[Entity] = []
    by_name: dict[tuple[str, str], Entity] = {}
    for mention in sorted(proper, key=lambda m: (-len(m.name), m.span.start)):
        group = group_of(mention.type)
        entity = by_name.get((group, mention.name)) or _same_as(entities, mention)
        if entity is None:
            entity = Entity(mention.type, [], code=mention.code)
            entities.append(entity)
        entity.mentions.append(mention)
        by_name[(group, mention.name)] = entity
    generic = [m for m in ordered if not m.proper]
    for mention in sorted(generic, key=lambda m: (-len(m.name), m.span.start)):
        entity = _corefers(entities, mention)
        if entity is None and group_of(mention.type) in _KEEP_GENERIC and len(mention.name) >= 4:
            entity = Entity(mention.type, [])
            entities.append(entity)
        if entity is not None:
            entity.mentions.append(mention)
    for entity in entities:
        entity.mentions.sort(key=lambda m: (m.span.start, m.span.end))
    entities.sort(key=lambda e: (e.mentions[0].span.start, e.mentions[0].span.end))
    return entities


def _merge(entities: list[Entity], same: Sequence[tuple[Mention, Mention]]) -> list[Entity]:
    for first, second in same:
        one = next((e for e in entities if first in e.mentions), None)
        other = next((e for e in entities if second in e.mentions), None)
        if one is not None and other is not None and one is not other:
            one.mentions = sorted(one.mentions + other.mentions, key=lambda m: m.span)
            entities.remove(other)
    return entities


def _same_as(entities: list[Entity], mention: Mention) -> Entity | None:
    group = group_of(mention.type)
    key = _key(mention.name)
    for entity in entities:
        if group_of(entity.type) != group or (group == "person"):
            continue
        for other in entity.mentions:
            if mention.type in ADMIN_LEVEL or other.type in ADMIN_LEVEL:
                if _is_stem(mention.name, other.name) and mention.type == other.type:
                    return entity
                if full_name(mention.name) == full_name(other.name):
                    return entity  # 昆山 (a county-level stem) and 昆山市 (a city by its suffix)
                continue
            other_key = _key(other.name)
            same = key == other_key
            if same or (group != "event" and len(key) >= 4 and other_key.endswith(key)):
                return entity
    return None


def _is_stem(short: str, full: str) -> bool:
    return short == full or (full.startswith(short) and len(full) - len(short) <= 2)


def _corefers(entities: list[Entity], mention: Mention) -> Entity | None:
    matches = []
    for entity in entities:
        if group_of(entity.type) != group_of(mention.type):
            continue
        if group_of(mention.type) == "place" and entity.type != mention.type:
            continue
        if any(_subsequence(mention.name, m.name) for m in entity.mentions):
            matches.append(entity)
    return matches[0] if len(matches) == 1 else None


def _subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(char in letters for char in short)


def _label(entities: list[Entity]) -> None:
    for entity in entities:
        names = [m.name for m in entity.mentions if m.proper] or [m.name for m in entity.mentions]
        if entity.type in ADMIN_LEVEL:
            # 德清, 金华 named by their stem: the divisions' name is the label, the stem an alias
            names += [full_name(n) for n in names if full_name(n) not in names]
        entity.zh = max(names, key=lambda n: (len(n), -names.index(n)))
        entity.aliases = sorted({n for n in names if n != entity.zh}, key=names.index)
        proper_types = [m.type for m in entity.mentions if m.proper] or [entity.type]
        entity.type = max(set(proper_types), key=lambda t: (proper_types.count(t), t))


def _link(entities: list[Entity], gazetteer: Sequence[GazetteerRecord]) -> None:
    index = _GazetteerIndex(gazetteer)
    for entity in entities:
        group = group_of(entity.type)
        exact = index.exact(group, {entity.zh, *entity.aliases})
        found = [(r.handle, r.iri, 1.0 if entity.zh == r.names[0] else 0.9) for r in exact]
        handles = {r.handle for r in exact}
        near = [
            (r.handle, r.iri, round(score / 100, 2))
            for r, score in index.near(group, entity.zh)
            if r.handle not in handles
        ]
        if len(found) == 1 and group != "person":
            entity.status = "linked"
            entity.handle, entity.iri = exact[0].handle, exact[0].iri
            entity.en = exact[0].en
            entity.candidates = found
        elif found or near:
            entity.status = "ambiguous"
            entity.candidates = sorted(found + near, key=lambda c: (-c[2], c[0]))


class _GazetteerIndex:
    """The gazetteer's names by group, for exact lookups and one fuzzy pass per name."""

    def __init__(self, gazetteer: Sequence[GazetteerRecord]) -> None:
        self.by_name: dict[tuple[str, str], list[GazetteerRecord]] = {}
        self.names: dict[str, list[str]] = {}
        self.owners: dict[str, list[GazetteerRecord]] = {}
        for record in gazetteer:
            group = group_of(record.type)
            for name in dict.fromkeys(record.names):
                self.by_name.setdefault((group, name), []).append(record)
                self.names.setdefault(group, []).append(name)
                self.owners.setdefault(group, []).append(record)

    def exact(self, group: str, names: set[str]) -> list[GazetteerRecord]:
        """The records of ``group`` that carry one of ``names``, each once, in gazetteer order."""
        found = {id(r): r for name in sorted(names) for r in self.by_name.get((group, name), ())}
        return list(found.values())

    def near(self, group: str, name: str) -> list[tuple[GazetteerRecord, float]]:
        """Each record of ``group`` with a name spelled like ``name`` (not its body or office),
        with its best score."""
        best: dict[int, tuple[GazetteerRecord, float]] = {}
        hits = process.extract(
            name, self.names.get(group, []), scorer=fuzz.ratio, score_cutoff=_FUZZY, limit=None
        )
        for other, score, at in hits:
            record = self.owners[group][at]
            if _part_of(name, other) or best.get(id(record), (record, 0.0))[1] >= score:
                continue
            best[id(record)] = record, score
        return list(best.values())


def _part_of(name: str, other: str) -> bool:
    """Whether one name is the other's body, office or branch (金华市金投集团有限公司党委 of
    金华市金投集团有限公司, 科技部火炬中心 of 科技部): alike in spelling, not the same entity.

    >>> _part_of("金投集团有限公司党委", "金投集团有限公司"), _part_of("协鑫集团", "协鑫")
    (True, False)
    """
    short, long = sorted((name, other), key=len)
    return long.startswith(short) and long[len(short) :].endswith(_PARTS)


_PARTS = (
    *("党委", "党组", "党工委", "纪委", "工会", "团委", "委员会", "管委会", "办公室", "分公司"),
    *("子公司", "研究院", "分院", "中心", "司", "局", "处", "科", "研究所", "实验室"),
)


def _mint(entities: list[Entity], gazetteer: Sequence[GazetteerRecord]) -> None:
    used = {record.handle for record in gazetteer}
    serials = [int(r.iri[1:]) for r in gazetteer if re.fullmatch(r"E\d+", r.iri)]
    serial = max(serials, default=0)
    for entity in entities:
        if entity.status == "linked" or group_of(entity.type) == "industry":
            continue
        serial += 1
        entity.iri = f"E{serial:04d}"
        entity.handle = _handle(entity.zh, used)
        used.add(entity.handle)


def _handle(zh: str, used: set[str]) -> str:
    words = pinyin_words(zh)
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(words).lower()).strip("-")[:48].strip("-")
    slug = slug or "entity"
    handle, n = slug, 2
    while handle in used:
        handle, n = f"{slug}-{n}", n + 1
    return handle

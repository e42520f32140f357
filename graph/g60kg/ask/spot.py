"""Find the graph's entities named in a question: labels, aliases, short names, pinyin, English,
in simplified or traditional characters, longest name first.

A question is compared with the names after both are written the same way (traditional as
simplified, width, case, tone marks, spaces and punctuation ignored); a position map leads back to
the words as the user typed them. Names in Latin letters must stand as whole words.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import weakref
from collections import defaultdict
from dataclasses import dataclass

from ..kg import KnowledgeGraph
from ..queries.lookup import entity_names
from ..text import to_simplified

__all__ = ["Mention", "normalise", "spot"]

_IGNORED = set(" \t\n()（）【】《》〈〉“”\"'‘’·・,，、:：;；_-?？!！。.「」")
MIN_LATIN = 4
# Short names that are also everyday words of the genre: never read as an entity on their own.
GENERIC = {
    "园区", "基地", "小镇", "新区", "高新区", "开发区", "经开区", "试验区", "先导区", "实验室",
    "联盟", "公司", "集团", "政府", "大学", "中心", "平台", "峰会", "大会", "规划",
}  # fmt: skip
# The corridor's own name opens many names (长三角G60科创走廊智能驾驶产业联盟); people drop it, so
# the rest of such a name is a short name too, unless it is another entity's name already.
CORRIDOR_PREFIXES = ("长三角g60科创走廊", "g60科创走廊")
MIN_SHORT = 4
# An English name without its bracketed end must stay this long to be a name of its own.
MIN_BARE = 12


@dataclass(frozen=True)
class Mention:
    """A name found in the question, with every entity it may mean (several: ambiguous)."""

    text: str
    start: int
    end: int
    iris: tuple[str, ...]


@functools.lru_cache(maxsize=8192)
def _fold(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", char).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c not in _IGNORED)


# English written several ways: one form for each (after folding, without spaces).
ENGLISH_FORMS = (
    ("scienceandtechnology", "scitech"),
    ("artificialintelligence", "ai"),
    ("centre", "center"),
    ("yangtzeriverdelta", "yrd"),
)


def normalise(text: str) -> tuple[str, list[int]]:
    """The comparable form of `text`, and for each of its characters the index in `text`.

    >>> normalise("長三角 G60")[0]
    '长三角g60'
    >>> normalise("Yangtze River Delta G60 Science and Technology Centre")[0]
    'yrdg60scitechcenter'
    """
    out: list[str] = []
    where: list[int] = []
    for i, char in enumerate(to_simplified(text)):
        for folded in _fold(char):
            out.append(folded)
            where.append(i)
    folded_text = "".join(out)
    for long, short in ENGLISH_FORMS:
        at = folded_text.find(long)
        while at >= 0:
            end = at + len(long)
            where[at:end] = [where[at]] * (len(short) - 1) + [where[end - 1]]
            folded_text = folded_text[:at] + short + folded_text[end:]
            at = folded_text.find(long, at + len(short))
    return folded_text, where


_NAMES: weakref.WeakKeyDictionary[KnowledgeGraph, dict[str, set[str]]] = weakref.WeakKeyDictionary()


def _names(kg: KnowledgeGraph) -> dict[str, set[str]]:
    if kg not in _NAMES:
        table: dict[str, set[str]] = defaultdict(set)
        bare: dict[str, set[str]] = defaultdict(set)
        for iri, names in entity_names(kg).items():
            # "Three Zones, Two Wings" is also written "Three Zones and Two Wings"
            # and "2018 Apsara Conference (Yunqi)" without the words in brackets at its end
            names = {*names, *(n.replace(", ", " and ") for n in names if n.isascii())}
            names |= {b for n in names if n.isascii() and len(b := _unbracketed(n)) >= MIN_BARE}
            for n in names:
                if not n.isascii() and (b := _unbracketed(n)):
                    bare[normalise(b)[0]].add(iri)
                if m := re.fullmatch(r"([A-Z][a-z]+) (?:District|County)", n):
                    bare[normalise(m.group(1))[0]].add(iri)  # Xiaoshan for Xiaoshan District
            for name in names:
                key = normalise(name)[0]
                if key in GENERIC:
                    continue
                if len(key) >= 2 and (not key.isascii() or len(key) >= MIN_LATIN):
                    table[key].add(iri)
        short: dict[str, set[str]] = defaultdict(set)
        for key, iris in table.items():
            shorter = (_without_corridor(key), _without_shi(key, table), _other_prefix(key))
            for rest in (*shorter, _g60_without_corridor(key)):
                if rest and rest not in table:
                    short[rest] |= iris
        table.update(short)
        # 义乌人工智能产业园 for 义乌人工智能产业园(华录北邮…), Xiaoshan for Xiaoshan District: a
        # name without its bracketed end or its District, when it is no other name and fits one
        # entity only
        for key, iris in bare.items():
            if key not in table and len(iris) == 1 and len(key) >= MIN_SHORT:
                table[key] = iris
        # "G60" alone is the corridor (the nine G60 cities), though shorter than a Latin name may be
        if "g60" not in table and CORRIDOR_PREFIXES[0] in table:
            table["g60"] = table[CORRIDOR_PREFIXES[0]]
        _NAMES[kg] = dict(table)
    return _NAMES[kg]


def _unbracketed(name: str) -> str:
    """A name without the words in brackets at its end.

    >>> _unbracketed("2018 Apsara Conference (Yunqi)")
    '2018 Apsara Conference'
    >>> _unbracketed("中国电信云计算中心(芜湖)")
    '中国电信云计算中心'
    """
    if not name.endswith((")", "）")):
        return ""
    return re.sub(r"\s*[(（][^()（）]*[)）]\s*$", "", name)


def _without_corridor(key: str) -> str | None:
    """A name without the corridor's name in front, when enough of it is left to name a thing.

    >>> _without_corridor("长三角g60科创走廊智能驾驶产业联盟")
    '智能驾驶产业联盟'
    >>> _without_corridor("g60科创走廊联盟") is None
    True
    """
    for prefix in CORRIDOR_PREFIXES:
        if key.startswith(prefix):
            rest = key[len(prefix) :]
            ok = len(rest) >= MIN_SHORT and not rest.isascii() and rest not in GENERIC
            return rest if ok else None
    return None


def _other_prefix(key: str) -> str | None:
    """A name that opens with the corridor's short name, with its full name instead, and the
    other way round: 长三角G60科创走廊联席会议办公室 for G60科创走廊联席会议办公室.

    >>> _other_prefix("g60科创走廊联席会议办公室")
    '长三角g60科创走廊联席会议办公室'
    >>> _other_prefix("长三角g60科创走廊联席会议")
    'g60科创走廊联席会议'
    """
    full, short = CORRIDOR_PREFIXES
    if key.startswith(full) and len(key) > len(full):
        return key[len(full) - len(short) :]
    if key.startswith(short) and len(key) > len(short):
        return "长三角" + key
    return None


def _g60_without_corridor(key: str) -> str | None:
    """An English name of the corridor's own bodies with "G60" alone in front, as people write
    it: "G60 AI Industry Alliance" for "G60 Corridor AI Industry Alliance".

    >>> name = "G60 Corridor Artificial Intelligence Industry Alliance"
    >>> _g60_without_corridor(normalise(name)[0])
    'g60aiindustryalliance'
    >>> _g60_without_corridor("g60corridorforum") is None
    True
    """
    for prefix in ("yrdg60corridor", "g60corridor"):
        if key.isascii() and key.startswith(prefix):
            rest = key[len(prefix) :]
            return "g60" + rest if len(rest) >= MIN_BARE else None
    return None


def _without_shi(key: str, table: dict[str, set[str]]) -> str | None:
    """A name that opens with a city's name, without its 市: 合肥5G智能网联汽车产业联盟 for
    合肥市5G智能网联汽车产业联盟 (people drop the 市), when the city is itself a name in the graph.

    >>> _without_shi("合肥市5g智能网联汽车产业联盟", {"合肥市": {"x"}})
    '合肥5g智能网联汽车产业联盟'
    >>> _without_shi("合肥市政府", {"合肥市": {"x"}}) is None
    True
    """
    at = key.find("市")
    if at < 2 or key[: at + 1] not in table:
        return None
    rest = key[at + 1 :]
    ok = len(rest) >= MIN_SHORT and not rest.isascii() and rest not in GENERIC
    return key[:at] + rest if ok else None


def _whole_word(question: str, start: int, end: int) -> bool:
    before = question[start - 1] if start > 0 else " "
    after = question[end] if end < len(question) else " "
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


def spot(kg: KnowledgeGraph, question: str) -> list[Mention]:
    """The entity names in `question`, left to right, each the longest name starting there.

    >>> [(m.text, len(m.iris)) for m in spot(kg, "松江区洞泾镇有哪些企业?")]
    [('松江区', 1), ('洞泾镇', 1)]
    >>> [m.text for m in spot(kg, "Where is Dongjing Town?")]
    ['Dongjing Town']
    """
    names = _names(kg)
    longest = max(map(len, names), default=0)
    folded, where = normalise(question)
    found: list[Mention] = []
    i = 0
    while i < len(folded):
        for j in range(min(len(folded), i + longest), i + 1, -1):
            key = folded[i:j]
            if key not in names:
                continue
            start, end = where[i], where[j - 1] + 1
            if key.isascii() and not _whole_word(question, start, end):
                continue
            found.append(Mention(question[start:end], start, end, tuple(sorted(names[key]))))
            i = j
            break
        else:
            i += 1
    if not re.search(r"[\u4e00-\u9fff]", question):
        found = _english_phrases(kg, question, found)
    return found


# English names by their words, for names asked with the words in another order or with some left
# out ("the Wuhu Intelligent Computing Center" for "Yangtze River Delta (Wuhu) Intelligent
# Computing Center").
_WORDS: weakref.WeakKeyDictionary[KnowledgeGraph, list[tuple[frozenset[str], str, str]]] = (
    weakref.WeakKeyDictionary()
)
_STOP = {"of", "and", "the", "for", "in", "on", "a", "an", "s", "at", "to"}
_EXPAND = {
    "scitech": ("science", "technology"),
    "ai": ("artificial", "intelligence"),
    "yrd": ("yangtze", "river", "delta"),
    "centre": ("center",),
}
# A proper name in an English question: capitalised words, with of/and/the/for between them.
_PHRASE = re.compile(
    r"(?:[A-Z0-9](?:[\w'’-]|\.(?=\w))*|\([^()]*\))"
    r"(?:\s+(?:(?:of|and|for|the)\s+)*(?:[A-Z0-9](?:[\w'’-]|\.(?=\w))*|\([^()]*\)))+"
)


def _words(text: str) -> tuple[frozenset[str], str]:
    """The words of an English name, folded (plural, Sci-Tech, AI, YRD and Centre written one
    way), and its last word outside brackets: the kind of thing it names.

    >>> words, head = _words("the G60 Sci-Tech Centres (Songjiang)")
    >>> sorted(words), head
    (['center', 'g60', 'science', 'songjiang', 'technology'], 'center')
    """
    out: list[str] = []
    for word in re.findall(r"[a-z0-9]+", text.lower().replace("sci-tech", "scitech")):
        word = (
            word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word
        )
        out += _EXPAND.get(word, (word,))
    bare = re.findall(r"[a-z0-9]+", re.sub(r"\([^()]*\)", " ", text.lower()))
    head = bare[-1] if bare else ""
    head = head[:-1] if len(head) > 4 and head.endswith("s") and not head.endswith("ss") else head
    return frozenset(out) - _STOP, _EXPAND.get(head, (head,))[-1]


def _english_names(kg: KnowledgeGraph) -> list[tuple[frozenset[str], str, str]]:
    if kg not in _WORDS:
        _WORDS[kg] = [
            (*_words(name), iri)
            for iri, names in entity_names(kg).items()
            for name in names
            if name.isascii()
        ]
    return _WORDS[kg]


def _is_event(kg: KnowledgeGraph, iri: str) -> bool:
    from rdflib import URIRef

    return bool(kg.query("ASK { ?x a g60:Event }", {"x": URIRef(iri)}).askAnswer)


def _english_phrases(kg: KnowledgeGraph, question: str, found: list[Mention]) -> list[Mention]:
    """A proper name in an English question that is no name the graph holds as written, or that
    goes on past one it found, is read as the one entity whose English name holds all its words
    (three at least, as written) with the fewest others and ends in the same word (Center,
    Alliance …), when exactly one such entity exists."""
    for m in _PHRASE.finditer(question):
        start, end = m.start(), m.end()
        inside = [f for f in found if f.start >= start and f.end <= end]
        if any(f.start == start and f.end == end for f in inside):
            continue
        words, head = _words(m.group(0))
        if len(set(re.findall(r"[a-z0-9]+", m.group(0).lower())) - _STOP) < 3:
            continue  # three words at least, as written: not "Hangzhou's AI"
        best: dict[str, int] = {}
        for names, name_head, iri in _english_names(kg):
            if name_head == head and words <= names:
                extra = len(names - words)
                best[iri] = min(best.get(iri, extra), extra)
        if not best:
            continue
        fewest = min(best.values())
        chosen = [iri for iri, extra in best.items() if extra == fewest]
        if len(chosen) > 1:  # a plan and the event of its release: the plan
            chosen = [iri for iri in chosen if not _is_event(kg, iri)]
        if len(chosen) == 1 and fewest <= len(words):
            found = [f for f in found if f not in inside]
            found.append(Mention(m.group(0), start, end, (chosen[0],)))
    return sorted(found, key=lambda f: f.start)

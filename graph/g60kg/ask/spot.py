"""Find the graph's entities named in a question: labels, aliases, short names, pinyin, English,
in simplified or traditional characters, longest name first.

A question is compared with the names after both are written the same way (traditional as
simplified, width, case, tone marks, spaces and punctuation ignored); a position map leads back to
the words as the user typed them. Names in Latin letters must stand as whole words.
"""

from __future__ import annotations

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
        for iri, names in entity_names(kg).items():
            # "Three Zones, Two Wings" is also written "Three Zones and Two Wings"
            # and "2018 Apsara Conference (Yunqi)" without the words in brackets at its end
            names = {*names, *(n.replace(", ", " and ") for n in names if n.isascii())}
            names |= {b for n in names if n.isascii() and len(b := _unbracketed(n)) >= MIN_BARE}
            for name in names:
                key = normalise(name)[0]
                if key in GENERIC:
                    continue
                if len(key) >= 2 and (not key.isascii() or len(key) >= MIN_LATIN):
                    table[key].add(iri)
        short: dict[str, set[str]] = defaultdict(set)
        for key, iris in table.items():
            for rest in (_without_corridor(key), _without_shi(key, table)):
                if rest and rest not in table:
                    short[rest] |= iris
        table.update(short)
        # "G60" alone is the corridor (the nine G60 cities), though shorter than a Latin name may be
        if "g60" not in table and CORRIDOR_PREFIXES[0] in table:
            table["g60"] = table[CORRIDOR_PREFIXES[0]]
        _NAMES[kg] = dict(table)
    return _NAMES[kg]


def _unbracketed(name: str) -> str:
    """An English name without the words in brackets at its end.

    >>> _unbracketed("2018 Apsara Conference (Yunqi)")
    '2018 Apsara Conference'
    """
    return re.sub(r"\s*\([^()]*\)\s*$", "", name) if name.endswith(")") else ""


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
    return found

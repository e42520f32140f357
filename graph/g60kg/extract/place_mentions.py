"""Place mentions: administrative units by suffix (省/市/区/县/镇/乡/街道/新城), names from the
gazetteer (regions, province-level units, city short names, names the graph knows) and bare
stems of units named in full elsewhere (松江 for 松江区).

Examples
--------
>>> from g60kg.extract.spans import Span
>>> text = "松江区洞泾镇"
>>> [(m.name, m.type) for m in admin_units(text, Span(0, 6), {}, {0, 3})]
[('松江区', 'District'), ('洞泾镇', 'Town')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence

import g60kg.extract.lexicon as lx
from g60kg.extract.divisions import COUNTY_SHORT_NAMES, PARENT
from g60kg.extract.mention import Mention
from g60kg.extract.spans import Span, SpanIndex, inside, occurrences
from g60kg.extract.tokens import tag

__all__ = ["admin_units", "gazetteer_names", "short_names"]

_NUMERAL_CHARS = set("一二三四五六七八九十两百千万")
_TOWN_BAD_CHARS = set("省市区县镇乡街个的在与和及是为了")
_ADMIN_BAD_CHARS = set("省市区县镇乡街" + "一二三四五六七八九十两百千万的在与和及是为了")
_MEDIA = re.compile(r"在线|日报|晚报|商报|新闻网|电视台|广播电视台|发布[^会]")


def admin_units(
    norm: str, sentence: Span, known: Mapping[str, str], starts: set[int]
) -> list[Mention]:
    found = []
    chunk = norm[sentence.start : sentence.end]
    for match in re.finditer(r"街道|新城|[省市区县镇乡]", chunk):
        suffix = match.group()
        end = sentence.start + match.end()
        if _common_word_after_city(norm, end):
            continue  # 嘉兴城市大脑, 杭州市区: 城市 and 市区 after a city are common words
        for length in (3, 2, 1):
            start = sentence.start + match.start() - length
            if start < sentence.start:
                continue
            prefix = norm[start : start + length]
            if prefix + suffix in PARENT:
                # 吴中区, 无为市, 泾县: a unit of the corridor's divisions, however it is cut
                kind = _admin_type(prefix, suffix)
                found.append(Mention(Span(start, end), prefix + suffix, kind))
                break
            if length == 1:
                continue
            # 苏州市吴江区, 松江区九亭镇: a unit written right after a higher unit is one
            # whatever its tag
            before = norm[start - 1 : start]
            town = before in ("区", "县") and suffix in ("镇", "乡", "街道")
            chained = before in ("省", "市") and suffix != "市"
            chained = chained and not set(prefix) & _ADMIN_BAD_CHARS and length == 2
            chained = chained and re.fullmatch(r"[\u4e00-\u9fff]+", prefix) is not None
            # 九亭镇: a town's name may hold a numeral, never only numerals
            town = town and length == 2 and not set(prefix) & _TOWN_BAD_CHARS
            chained = chained or (town and not set(prefix) <= _NUMERAL_CHARS)
            if length == 2 and start not in starts and tag(prefix) != "ns" and not chained:
                continue
            if _common_after(norm, prefix + suffix, end, known):
                continue  # 再设市级, 用好省级, 杭州区域, 皖东南城市: not a unit's name
            if chained or _admin_prefix_ok(prefix, suffix, known):
                kind = _admin_type(prefix, suffix)
                found.append(Mention(Span(start, end), prefix + suffix, kind))
                break
        else:
            one = norm[end - 2 : end - 1]
            if suffix == "镇" and end - 2 >= sentence.start and _one_character_town(one):
                found.append(Mention(Span(end - 2, end), one + suffix, "Town"))
    return found


_CITY_WORDS = ("城市", "市区")


def _common_word_after_city(norm: str, end: int) -> bool:
    """Whether a unit's suffix ending at ``end`` closes a city's name run into 城市 or 市区,
    common words: 嘉兴城市 (not 兴城市), 杭州市区 (not a district).

    >>> _common_word_after_city("嘉兴城市大脑", 4), _common_word_after_city("杭州市区", 4)
    (True, True)
    >>> _common_word_after_city("桐乡市", 3)
    False
    """
    if not norm.endswith(_CITY_WORDS, 0, end):
        return False
    return norm[max(0, end - 5) : end - 2].endswith(_CITY_NAMES)


_NAMES = (*lx.CITY_SHORT_NAMES, *lx.PROVINCE_LEVEL, *COUNTY_SHORT_NAMES)
_CITY_NAMES = (*_NAMES, *(name + "市" for name in _NAMES))


def _common_after(norm: str, name: str, end: int, known: Mapping[str, str]) -> bool:
    """Whether ``name``, which the divisions, the graph and the dictionary do not know as a
    place, ends in a common word: a level (市级, 省级), an area (区域, 县域) or 城市.

    >>> _common_after("再设市级", "再设市", 3, {}), _common_after("杭州市级", "杭州市", 3, {})
    (True, False)
    >>> _common_after("皖东南城市", "南城市", 5, {}), _common_after("宣城市", "宣城市", 3, {})
    (True, False)
    """
    if name in PARENT or name in known or tag(name) == "ns":
        return False
    return norm.startswith(("级", "域"), end) or name.endswith("城市")


_NOT_TOWNS = set("城重古新乡小市村集全该本各一大坐")


def _one_character_town(prefix: str) -> bool:
    """乌镇: a town named by one character before 镇, which the dictionary knows as a place;
    not 城镇, 古镇, 重镇 (a town of some kind).

    >>> [_one_character_town(c) for c in "乌城古"]
    [True, False, False]
    """
    return prefix not in _NOT_TOWNS and tag(prefix + "镇") == "ns"


def _admin_prefix_ok(prefix: str, suffix: str, known: Mapping[str, str]) -> bool:
    full = prefix + suffix
    if full in known or prefix in lx.PROVINCE_LEVEL:
        return True
    if suffix == "省":
        return False  # 由部省: the provinces are a closed set, all in the lexicon
    if tag(full) == "ns" or (suffix == "镇" and prefix[-1] == "镇" and tag(prefix) == "ns"):
        return True  # 桐乡市, 乌镇镇: a place the dictionary knows, whatever its characters
    if not re.fullmatch(r"[\u4e00-\u9fff]+", prefix) or set(prefix) & _ADMIN_BAD_CHARS:
        return False
    if tag(full) == "ns" or tag(prefix) == "ns":
        return True
    if len(prefix) == 3:
        return False
    return tag(prefix) is None and tag(prefix[-1] + suffix) is None


def _admin_type(prefix: str, suffix: str) -> str:
    if prefix in lx.PROVINCE_LEVEL:
        return lx.PROVINCE_LEVEL[prefix]
    return lx.ADMIN_SUFFIXES[suffix]


def gazetteer_names(norm: str, sentence: Span) -> list[Mention]:
    """Regions, province-level units and city short names (the graph's names: graph_names)."""
    names = {**dict.fromkeys(lx.REGIONS, "Region"), **lx.PROVINCE_LEVEL}
    names = {**lx.CITY_SHORT_NAMES, **dict.fromkeys(COUNTY_SHORT_NAMES, "District"), **names}
    found = []
    chunk = norm[sentence.start : sentence.end]
    for name, kind in names.items():
        for at in occurrences(chunk, name):
            start = sentence.start + at
            if _MEDIA.match(norm, start + len(name)):
                continue  # 浙江在线, 金华日报: a news outlet, not the place
            found.append(Mention(Span(start, start + len(name)), name, kind))
    for match in _ABBREVIATED.finditer(chunk):
        if len(set(match.group())) != len(match.group()):
            continue
        for offset, char in enumerate(match.group()):
            start = sentence.start + match.start() + offset
            name, kind = _PROVINCE_ABBREVIATIONS[char]
            found.append(Mention(Span(start, start + 1), name, kind))
    return found


# 横跨沪苏浙皖一市三省: the one-character names of the Yangtze Delta's four province-level units
_PROVINCE_ABBREVIATIONS = {
    "沪": ("上海市", "Municipality"),
    "苏": ("江苏省", "Province"),
    "浙": ("浙江省", "Province"),
    "皖": ("安徽省", "Province"),
}
_ABBREVIATED = re.compile(r"[沪苏浙皖]{3,4}(?=[一三两四]|地|[，。、]|$)")


def short_names(
    norm: str,
    accepted: list[Mention],
    furniture: Sequence[Span] | SpanIndex,
    sentences: Sequence[Span],
) -> list[Mention]:
    """Bare stems of administrative places named in full elsewhere (松江 for 松江区)."""
    stems = {}
    for mention in accepted:
        if mention.type in lx.ADMIN_LEVEL and not mention.nested:
            stem = re.sub(r"(街道|新城|[省市区县镇乡])$", "", mention.name)
            if len(stem) >= 2 and stem != mention.name:
                stems[stem] = mention.type
    taken = SpanIndex(m.span for m in accepted if not m.nested and m.type != "Unveiling")
    starts = [s.start for s in sentences]  # sentences are in text order and never overlap
    low, high = (sentences[0].start, sentences[-1].end) if sentences else (0, 0)
    found = []
    for stem, kind in sorted(stems.items()):
        for match in re.compile(re.escape(stem)).finditer(norm, low, high):
            span = Span(match.start(), match.end())
            holder = bisect_right(starts, span.start) - 1
            in_text = holder >= 0 and span.end <= sentences[holder].end
            if in_text and not inside(span, taken) and not inside(span, furniture):
                found.append(Mention(span, stem, kind))
    return found

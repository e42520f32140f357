"""People named with their posts: 松江区区委副书记、区长李谦, 镇党委副书记、镇长李子.

A chain of post titles joined by 、 or 兼, each optionally preceded by the place or the
organisation whose post it is (浙江大学党委副书记、之江实验室主任朱世强; a title without its
own body shares the one before it), and followed by a name of two or three characters.

Examples
--------
>>> text = "松江区区委副书记、区长李谦出席大会。"
>>> posts = find_posts(text, [])
>>> [(text[p.person.start:p.person.end], p.title) for p in posts]
[('李谦', '区委副书记'), ('李谦', '区长')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from g60kg.extract.lexicon import BOUNDARY_WORDS, POST_TITLES
from g60kg.extract.spans import Span
from g60kg.extract.tokens import frequency, tag, tokenise

if TYPE_CHECKING:
    from g60kg.extract.mention import Mention

__all__ = ["Post", "credits", "find_posts"]

_TITLE = re.compile("|".join(sorted(POST_TITLES, key=len, reverse=True)))
_GLUED_FUNCTION_TAGS = frozenset({"p", "d", "c"})
_KNOWN_WORD = 100  # 来到 8,779, 说道 21,168; 升出 3 (刘福升出席)
_RARE_PAIR = 200  # 宣和 165: a word rarer than this may be a name's end and 和
_COMMON_NOUN = 1_000  # 专家 11,094, 全球 5,288, 负责人 3,722; names are rarely in the dictionary
_JOINING = "与和及同"  # 张宁与刘德宏（…总经理）: the name after a joining word
_FUNCTION_WORD = 10_000  # 在 727,915, 于 106,176, 曾 29,107; 根 5,413 (陈如根出席)
_RARE_VERB = 10_000  # 跃 2,750, 胜 6,242 end names; 讲 13,587, 说 219,817 follow them
_COMMON_WORD = 20_000  # jieba counts: 说 219,817, 到 205,341, 作 28,016; 游 7,272, 松 3,715
_NOT_NAME_TAGS = frozenset({"v", "vn", "p", "c", "d", "r", "t", "f", "u", "uj", "m", "a"})


class Post(NamedTuple):
    """One post of one person: the name's span, the title as written, its span, its place."""

    person: Span
    title: str
    title_span: Span
    place: Mention | None
    owner: str = ""  # the body a bare 管委会 or 党工委 belongs to, named before it
    home: Mention | None = None  # the place a bare local title (市长, 副省长) is read as


def find_posts(text: str, places: Sequence[Mention]) -> list[Post]:
    """Return the posts named in ``text``; ``places`` are the place and organisation mentions
    already found (the bodies a title may follow)."""
    by_end = {m.span.end: m for m in places}
    by_start = {m.span.start: m for m in places}
    posts: list[Post] = []
    position = 0
    while True:
        match = _TITLE.search(text, position)
        if match is None:
            return posts
        if _inside_words(text, match.start(), match.end()):
            position = match.start() + 1  # 分处长江两岸: 处长 straddles two words
            continue
        place = by_end.get(match.start()) or _place_before(text, match.start(), by_end)
        place = place or _before_alias(text, match.start(), by_end)
        chain = [(match, place)]
        while True:
            end = chain[-1][0].end()
            if text[end : end + 1] not in _JOINERS:
                break
            body = by_start.get(end + 1)
            following = _TITLE.match(text, body.span.end if body else end + 1)
            if following is None and body is not None and body.type in _LEVELS:
                following = _TITLE.match(text, body.span.end - 1)  # 、合肥市 | 市委书记
            if following is None:
                break
            chain.append((following, body or chain[-1][1]))
        position = chain[-1][0].end()
        lead = place
        if place is not None and place.type in _LEVELS:
            # 李娜（芜湖市鸠江区副区长）: the places written before the post's own lead it
            opens = place.span.start - len(_written_before(text, place, by_end))
            lead = replace(place, span=Span(opens, place.span.end))
        name = (
            _name(text, position)
            or _bracketed(text, lead, match.start(), position)
            or _apposed(text, lead, match.start(), position)
        )
        if name is None:
            continue
        if chain[0][1] is None and posts and _LOCAL.match(match.group()):
            # 松江区委书记程向民，区委副书记、区长李谦: 区委, 区长 of the district named before
            previous = posts[-1]
            near = previous.place is not None and match.start() - previous.person.end <= 3
            if near and previous.place is not None and previous.place.type in _LEVELS:
                chain = [(title, body or previous.place) for title, body in chain]
        owners = [body for _, body in chain]
        for number, (title, body) in enumerate(chain):
            span = Span(title.start(), title.end())
            unit = _sub_unit(text, title.start(), by_end) if body is None else None
            if unit is not None and number == 0:
                # 合肥高新区经济贸易局发展规划处处长: a department's section holds the title
                body, span = unit, Span(unit.span.end, title.end())
            before = owners[number - 1] if number else None
            # 金义新区党工委书记、管委会常务副主任: the zone's own 管委会
            bare = body is not None and body.name in _BARE_BODIES and before is not None
            owner = before.name if bare and before is not None and before is not body else ""
            if body is not None and body.type in _LEVELS and not owner:
                owner = _written_before(text, body, by_end)  # 金华市 | 金东区委书记
            home = _home(text[span.start : span.end], body, span.start, places)
            if home is not None and body is not None:
                owner = home.name[:-1]  # 市发改委副主任 in 芜湖: 芜湖市发改委副主任
            for person in (name, *_listed_names(text, name.end)):
                posts.append(Post(person, text[span.start : span.end], span, body, owner, home))


def _inside_words(text: str, start: int, end: int) -> bool:
    """Whether a title at ``start:end`` opens inside one word and closes inside another (分处 |
    长江: no 处长 there).

    >>> _inside_words("两个项目分处长江两岸", 5, 7), _inside_words("谢谢陈副厅长", 3, 6)
    (True, False)
    """
    tokens = tokenise(text, max(0, start - 4), min(len(text), end + 4))
    starts = {t.start for t in tokens}
    ends = {t.start + len(t.word) for t in tokens}
    return start not in starts and end not in ends


def _home(
    title: str, body: Mention | None, start: int, places: Sequence[Mention]
) -> Mention | None:
    """The place a title or body that opens with its level alone (市长, 副省长, 市发改委, 区经委)
    stands for: the last place of that level named before it.

    >>> from g60kg.extract.mention import Mention
    >>> huzhou = Mention(Span(0, 3), "湖州市", "City")
    >>> _home("副市长", None, 10, [huzhou]).name, _home("区长", None, 10, [huzhou])
    ('湖州市', None)
    >>> _home("市长", None, 10, [Mention(Span(0, 2), "杭州", "City")]).name
    '杭州市'

    """
    named = body.name if body is not None else title
    if body is not None and (body.type in _LEVELS or body.span.start < start - len(body.name)):
        return None
    bare = _BARE_LEVEL.match(named)
    if bare is None or (body is not None and not bare.group("rest")):
        return None
    levels = _LEVEL_TYPES[bare.group("level")]
    earlier = [m for m in places if m.type in levels and m.span.end <= start]
    home = max(earlier, key=lambda m: m.span.end, default=None)
    if home is None:
        return None
    level = bare.group("level")
    if _SHORT_NAME.fullmatch(home.name) and not home.name.endswith(level):
        return replace(home, name=home.name + level)  # 杭州 named before: 杭州市市长
    return home if home.name.endswith(level) else None


_SHORT_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}")
_BARE_LEVEL = re.compile(r"(?:常务)?副?(?P<level>[省市区县])(?P<rest>[^长委]\w*)?")
_LEVEL_TYPES = {
    "省": {"Province"},
    "市": {"City", "Municipality"},
    "区": {"District"},
    "县": {"District"},
}


_JOINERS = frozenset("、兼")
_BARE_BODIES = frozenset({"管委会", "党工委", "人民政府", "政府", "办公室"})
_LOCAL = re.compile(r"(?:常务)?副?(?:区|市|县|镇)")


_ALIAS_BEFORE = re.compile(r"[（(](?:以下)?简称[“\"「]?[^（）()]{1,12}?[”\"」]?[）)]$")


def _before_alias(text: str, start: int, by_end: dict[int, Mention]) -> Mention | None:
    """The body a title follows across the short name declared for it: X公司（简称“中航国际”）
    党委书记.

    >>> from g60kg.extract.mention import Mention
    >>> text = "中航有限公司（简称“中航国际”）董事长"
    >>> _before_alias(text, 16, {6: Mention(Span(0, 6), "中航有限公司", "Company")}).name
    '中航有限公司'
    """
    alias = _ALIAS_BEFORE.search(text, max(0, start - 20), start)
    return by_end.get(alias.start()) if alias else None


def _place_before(text: str, start: int, by_end: dict[int, Mention]) -> Mention | None:
    # 洞泾镇党委副书记: the place ends where the title starts; 松江区区委: one character earlier;
    # 南湖区委副书记, 嘉兴市委书记: the place's last character begins the title
    for end in (start, start - 1, start + 1):
        if end in by_end and text[end - 1 : end] in "区镇市县省" and by_end[end].type in _LEVELS:
            return by_end[end]
    return None


def _written_before(text: str, place: Mention, by_end: dict[int, Mention]) -> str:
    """The places written right before ``place`` (金华市 before 金东区), which a post's name
    keeps as written."""
    start = place.span.start
    while start in by_end and by_end[start].type in _LEVELS and by_end[start] is not place:
        start = by_end[start].span.start
    return text[start : place.span.start]


_SECTION = re.compile(r"[\u4e00-\u9fff]{1,10}?[处科司组室]")


def _sub_unit(text: str, start: int, by_end: dict[int, Mention]) -> Mention | None:
    """The body whose section a title belongs to, named just before it without a break
    (合肥高新区经济贸易局 | 发展规划处 | 处长; 桐乡市经信局 | 数字经济科 | 科长).

    >>> from g60kg.extract.mention import Mention
    >>> text = "桐乡市经信局数字经济科科长何琪浩"
    >>> body = Mention(Span(0, 6), "桐乡市经信局", "GovernmentBody")
    >>> _sub_unit(text, text.index("科长"), {6: body}).name
    '桐乡市经信局'
    """
    for end in range(start - 1, max(0, start - 11), -1):
        if end in by_end and _SECTION.fullmatch(text, end, start):
            return by_end[end]
    return None


_LEVELS = frozenset({"Municipality", "Province", "City", "District", "Town"})


_BRACKET_NAME = re.compile(r"([\u4e00-\u9fff]{2,3})[（(]$")


def _apposed(text: str, place: Mention | None, start: int, end: int) -> Span | None:
    """马晓晖，湖州市委书记，在大会上…: a name that opens a clause, its post set off by commas.

    >>> text = "马晓晖，湖州市委书记，在大会上作动员讲话。"
    >>> _apposed(text, None, text.index("湖"), text.index("，在"))
    Span(start=0, end=3)
    """
    match = _set_off(text, place, start, end, "，,", _APPOSED_NAME)
    if match is None:
        return None
    name = match.group(1)
    if name in BOUNDARY_WORDS or tag(name) in _NOT_NAME_TAGS or _common_noun(name):
        return None
    return Span(match.start(1), match.end(1))


# the name opens the text, a line or a clause after 。；！？ or a closing quote
_APPOSED_NAME = re.compile(
    r"(?:^|(?<=[。；！？\n”]))[ \u3000]*([\u4e00-\u9fff]{2,3})[，,](?:时任|现任)?$"
)


def _set_off(
    text: str, place: Mention | None, start: int, end: int, closers: str, name: re.Pattern[str]
) -> re.Match[str] | None:
    """The name ``name`` reads right before a post (from its place, or the title at ``start``)
    that one of ``closers`` ends at ``end``: the post is set off from the sentence."""
    left = place.span.start if place is not None and place.span.start < start else start
    if text[end : end + 1] not in closers or end == len(text):
        return None
    match = name.search(text, max(0, left - _NAME_REACH), left)
    return match if match is not None and match.end() == left else None


_NAME_REACH = 8  # 王申峰，时任: a name, its comma and 时任 before the post


def _bracketed(text: str, place: Mention | None, start: int, end: int) -> Span | None:
    """张三（嘉兴市委书记）: the name before a bracket that holds only the post.

    >>> text = "张三（嘉兴市委书记）出席。"
    >>> _bracketed(text, None, text.index("嘉"), text.index("）"))
    Span(start=0, end=2)
    """
    match = _set_off(text, place, start, end, "）)", _BRACKET_NAME)
    if match is None:
        return None
    before = text[match.start() - 1 : match.start()] if match.start() else ""
    if before and re.fullmatch(r"[\u4e00-\u9fff]", before) and before not in _JOINING:
        return None  # not a name alone (…的张三): after punctuation, 与 or 和, or at the start
    return Span(match.start(1), match.end(1))


def _listed_names(text: str, end: int) -> list[Span]:
    """The names listed after a post's holder that hold it too (中国工程院院士高文、陈纯等专家):
    each joined by 、, none a title, the list closed by 等 or punctuation."""
    names: list[Span] = []
    while text[end : end + 1] == "、" and not _TITLE.match(text, end + 1):
        name = _name(text, end + 1)
        if name is None:
            return []
        names.append(name)
        end = name.end
    return names if text[end : end + 1] in ("等", "，", "。", "；", "") else []


def _name(text: str, start: int) -> Span | None:
    tokens = tokenise(text, start, min(len(text), start + 6))
    if not tokens:
        return None
    first = tokens[0].word
    if text[start : start + 1] in _JOINERS:
        return None
    if len(first) == 1 and tag(first) == "v" and frequency(first) >= _COMMON_WORD:
        return None  # 院士作主旨演讲: a common verb after a title opens no name
    if not re.fullmatch(r"[\u4e00-\u9fff]+", first) or first in BOUNDARY_WORDS:
        return None
    if len(first) == 1 and len(tokens) > 1 and len(tokens[1].word) in (1, 2):
        second = tokens[1].word
        if second not in BOUNDARY_WORDS and re.fullmatch(r"[\u4e00-\u9fff]+", second):
            return Span(start, start + 1 + len(second))
    if len(first) == 2 and len(tokens) > 2 and _third_character(tokens[1].word, tokens[2].word):
        # jieba cut a three-character name before its last character (宋道 | 军 | 参加)
        return Span(start, start + 3)
    if len(first) == 2 and len(tokens) > 2 and _speaks_after(tokens[1].word, tokens[2].word):
        # jieba read a name's last character and 说 as a word (于会 | 游说 | ，)
        return Span(start, start + 3)
    if len(first) == 2 and tag(first) is None and len(tokens) > 1 and _glued_end(tokens[1].word):
        # jieba glued a name's last character to the word after it (南策 | 文在 | 会上)
        return Span(start, start + 3)
    # 李谦到 | 会, 李谦在, 李谦说: a common word's character glued to the name; not a name's
    # last character that is a rare verb on its own (王文松 | 参加)
    third = first[2:]
    # 李浩来 | 表示: a verb of its own after the name keeps a verb-like last character in it
    speaks = len(tokens) > 1 and len(tokens[1].word) >= 2 and tag(tokens[1].word) == "v"
    glued = (
        _function_character(third)
        or (tag(third) == "v" and frequency(third) >= _COMMON_WORD and not speaks)
        or frequency(text[start + 2 : start + 4]) >= _KNOWN_WORD
    )
    if len(first) == 3 and tag(first) is None and glued:
        # jieba glued a verb's first character to a two-character name (李谦到 | 到会)
        return Span(start, start + 2)
    if len(first) in (2, 3) and tag(first) not in _NOT_NAME_TAGS and not _common_noun(first):
        return Span(start, start + len(first))
    return None


def _common_noun(word: str) -> bool:
    """专家, 单位, 代表, 全球: a common noun after a title is no name (院士专家, 理事长单位)."""
    return tag(word) == "n" and frequency(word) >= _COMMON_NOUN


_NAME_END_TAGS = frozenset({"n", "nr", "ng", "ns", "nz", "a", "zg", "f", "t"})


def _third_character(single: str, following: str) -> bool:
    """Whether ``single`` ends a three-character name: a lone name-like character followed by a
    verb or punctuation (宋道 | 军 | 参加), not a word of its own (等, 和, 在); a rare verb's
    character too when a function word follows (尹同 | 跃 | 在发言中)."""
    if len(single) != 1 or single in BOUNDARY_WORDS or _function_character(single):
        return False
    if tag(single) == "v" and frequency(single) < _RARE_VERB:
        return _function_character(following[:1])
    if tag(single) not in _NAME_END_TAGS:
        return False
    if _function_character(following[:1]):
        return True  # 何淳 | 宽 | 也在会上讲话
    return not re.match(r"[\u4e00-\u9fff]", following) or tag(following) in {"v", "vn", "p"}


def _speaks_after(word: str, following: str) -> bool:
    """游说 | ，: a two-character word ending in 说 before a comma or a colon, whose first
    character is no function word (也说, 还说: the name ends before them).

    >>> _speaks_after("游说", "，"), _speaks_after("也说", "，"), _speaks_after("游说", "了")
    (True, False, False)
    """
    return (
        len(word) == 2
        and word.endswith("说")
        and following[:1] in ("，", "：", ",", ":")
        and not _function_character(word[0])
        and word[0] not in BOUNDARY_WORDS
    )


def _glued_end(word: str) -> bool:
    """文在, 军致: an unknown pair whose first character may end a name and whose second is a
    function word or a verb's first character (在会上, 致欢迎辞).

    >>> _glued_end("文在"), _glued_end("会上")
    (True, False)
    """
    if len(word) != 2:
        return False
    last, after = word[0], word[1]
    if last in BOUNDARY_WORDS or _function_character(last):
        return False
    if tag(word) is not None or frequency(word):
        # 赖伟 | 宣和 | 副总经理: a rare word whose second character is a joining word
        return frequency(word) < _RARE_PAIR and _function_character(after)
    return _function_character(after) or tag(after) == "v"


def _function_character(character: str) -> bool:
    """A common preposition, conjunction or adverb (在, 和, 也), not a rare one (根, 亦)."""
    return tag(character) in _GLUED_FUNCTION_TAGS and frequency(character) >= _FUNCTION_WORD


_CREDIT = re.compile(
    r"(?:记者|通讯员|实习生|摄影|摄像|责任编辑|编辑|责编|校对|审核|审校|编审|监制)[\s\u3000]*[：:]?"
    r"[\s\u3000]*(?P<names>[\u4e00-\u9fff]{2,3}(?:[ \u3000、，,]+[\u4e00-\u9fff]{2,3}){0,5})"
    r"(?=[\s\u3000]*(?:[）)]|$))",
    re.M,
)


def credits(text: str) -> list[Span]:
    """The names of a reporter or editor line (记者 徐贤飞 薛文春, 记者姚玉洁、龚雯, 编辑：方岩,
    （本栏目编辑：罗晓川）): bylines, not people the article is about.

    >>> text = "新华社上海1月4日电（记者姚玉洁、龚雯）大会开幕。（本栏目编辑：罗晓川）"
    >>> [text[s.start:s.end] for s in credits(text)]
    ['姚玉洁、龚雯', '罗晓川']
    """
    return [Span(m.start("names"), m.end("names")) for m in _CREDIT.finditer(text)]

"""Word tokens (jieba, offline dictionary) and the left boundary of a name ending at a suffix.

Names in this genre are long compounds
(2020长三角G60科创走廊洞泾人工智能产业基地(核心区)投资推介大会); a name is grown
leftwards from its suffix, token by token, until a function word, a framing verb (举行, 打造,
位于…), a punctuation mark or the start of the sentence.

Examples
--------
>>> text = "今天举办的是洞泾人工智能产业基地投资推介大会。"
>>> toks = tokenise(text, 0, len(text))
>>> start, proper = name_start(toks, text.index("大会"), 0)
>>> text[start:text.index("大会") + 2], proper
('洞泾人工智能产业基地投资推介大会', True)
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

import jieba
import jieba.posseg

from g60kg.extract.lexicon import BOUNDARY_WORDS, CITY_SHORT_NAMES, PROVINCE_LEVEL, STOP_TAGS

__all__ = ["Token", "frequency", "is_proper", "name_start", "tag", "token_starts", "tokenise"]

_PROPER_TAGS = frozenset({"ns", "nr", "nrt", "nz", "nt", "eng"})
_LEADING_BOUNDARY = frozenset("因在于於由与與和为為的将將是从向对把被沿即据以距")
# a function word jieba glues to the end of an unknown word before a name (临平以小镇, 办对中心)
_TRAILING_BOUNDARY = frozenset("以对把被将向从由在于")
# a bare unit character: this province's (city's, district's, county's) own body follows
_THIS_UNIT = frozenset({"省", "市", "区", "县"})
# 经市八届人大…审议通过: approved by this city's (province's, district's, county's) body
_BY_THIS_UNIT = frozenset(f"经{unit}" for unit in _THIS_UNIT)
# 邀请到 | 省 | 科技厅: a verb of going before this unit's body
_TOWARDS = frozenset({"到", "赴"})
_DEMONSTRATIVES = frozenset({"这", "那", "该", "此"})
_NAME_PUNCT = frozenset("()（）·")
_MAX_NAME = 40
_FRAMING = frozenset(
    {"出席", "召开", "举行", "举办", "参加", "参与", "出台", "印发", "落户", "入驻", "位于", "亮相"}
    | {"主持", "提交", "承接", "恰逢", "列席", "距", "距离"}
)


class Token(NamedTuple):
    """A jieba token with its offsets in the text."""

    start: int
    end: int
    word: str


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    table: dict[str, str] = jieba.posseg.dt.word_tag_tab
    return table


def tag(word: str) -> str | None:
    """The dictionary part-of-speech tag of ``word``, or None when jieba does not know it."""
    return _tags().get(word)


def frequency(word: str) -> int:
    """How often jieba's dictionary counts ``word`` (0 when it does not know it)."""
    _tags()
    count: int = jieba.dt.FREQ.get(word, 0) or 0
    return count


def tokenise(text: str, start: int, end: int) -> list[Token]:
    """Tokenise ``text[start:end]`` with jieba; offsets are into ``text``."""
    _tags()
    tokens: list[Token] = []
    position = start
    for word in jieba.cut(text[start:end], HMM=True):
        tokens.append(Token(position, position + len(word), word))
        position += len(word)
    return tokens


def token_starts(tokens: list[Token]) -> set[int]:
    """Where words start, counting a function word jieba glued to an unknown name (据洞|泾镇)."""
    starts = {t.start for t in tokens}
    for token in tokens:
        glued = len(token.word) > 1 and token.word[0] in _LEADING_BOUNDARY
        if glued and tag(token.word) is None:
            starts.add(token.start + 1)
    return starts


def name_start(tokens: list[Token], suffix_start: int, floor: int) -> tuple[int, bool]:
    """Where a name whose suffix begins at ``suffix_start`` starts, and whether it is proper.

    The walk never goes left of ``floor``. A name is proper when one of its tokens is unknown to
    the dictionary, tagged as a proper noun, or holds Latin letters or digits; otherwise it is a
    common phrase such as 企业服务平台 that only context can make a name.
    """
    index = bisect_right(tokens, suffix_start, key=lambda t: t.start) - 1
    if index < 0:
        return suffix_start, False
    first = tokens[index]
    if first.word[: suffix_start - first.start] in _FRAMING:
        return suffix_start, False  # 出席会议, 召开大会: a verb glued to the suffix ends the name
    start = first.start
    proper = first.start < suffix_start and _is_proper(first.word[: suffix_start - first.start])
    previous = first.word
    group = _token_text(tokens, index, index + 3).startswith(_GROUP_SUFFIXES, suffix_start - start)
    for position in range(index - 1, -1, -1):
        token = tokens[position]
        if token.start < floor or suffix_start - token.start > _MAX_NAME:
            break
        # 名城建设集团: 建设 right before 集团 names the firm's trade; 产业集群建设战略咨询委员会,
        # 科创走廊建设专责小组: a steering body's task in its name
        trade = token.word in _FIRM_WORDS and (
            (token.end == suffix_start and first.word.startswith(_FIRM_SUFFIXES))
            or (group and not _MEETING.search(_token_text(tokens, position + 1, index)))
        )
        if _stops(token.word) and not trade:
            break
        if token.word in _FRAMING:
            break  # 主持会议, 提交会议, 恰逢乌镇峰会: a verb frames the name, not part of it
        if token.word in _TOWARDS and tokens[position + 1].word in _THIS_UNIT:
            break  # 邀请到 | 省 | 科技厅: the verb's 到, then the province's own department
        leading = token.word[0] in _LEADING_BOUNDARY or token.word in _BY_THIS_UNIT
        if leading and len(token.word) > 1 and tag(token.word) is None:
            # jieba glued a function word to an unknown name (因沪昆): cut after it
            return max(token.start + 1, floor), True
        if (
            token.word[0] == "一"
            and len(token.word) > 1
            and tag(token.word) is None
            and position > 0
            and tokens[position - 1].word in _DEMONSTRATIVES
        ):
            return max(token.start + 1, floor), False  # 这 | 一智算 | 中心: the kind pointed at
        if len(token.word) > 1 and token.word[-1] in _TRAILING_BOUNDARY and tag(token.word) is None:
            break  # 临平以小镇为核心, G60联席办对中心: the name starts after the function word
        start = token.start
        # jieba cuts a word it does not know (洞泾) into single characters
        split_word = len(token.word) == 1 and len(previous) == 1
        proper = proper or split_word or _is_proper(token.word)
        previous = token.word
    return max(start, floor), proper


# a trade word that frames other names but names a firm right before its legal suffix
_FIRM_WORDS = frozenset({"建设"})
_FIRM_SUFFIXES = ("集团", "有限公司", "公司", "股份")
_GROUP_SUFFIXES = ("领导小组", "专责小组", "委员会")
_MEETING = re.compile("会议|暨")


def _token_text(tokens: list[Token], first: int, end: int) -> str:
    """The text of ``tokens[first:end]``."""
    return "".join(t.word for t in tokens[first:end])


# words jieba tags as times that open names (国家新一代人工智能创新发展试验区)
_NAME_TIMES = frozenset({"新一代", "新时代"})


def _stops(word: str) -> bool:
    if word in _NAME_PUNCT or word in _NAME_TIMES:
        return False
    if word in BOUNDARY_WORDS or not re.search(r"[\w]", word):
        return True
    if re.fullmatch(r"[一二三四五六七八九十两几数]+[个家批场项大张条位名座所处种类支只]?", word):
        return True
    if re.fullmatch(r"[\u4e00-\u9fff][不得][\u4e00-\u9fff]", word):
        return True  # 绕不开, 离不开, 做得到: a verb and its complement, never in a name
    word_tag = tag(word)
    return word_tag is not None and word_tag in STOP_TAGS


def is_proper(word: str) -> bool:
    """Whether ``word`` reads as (part of) a name: Latin letters or digits, a city or province
    short name, a word jieba does not know, or one it tags as a proper noun."""
    return _is_proper(word)


def _is_proper(word: str) -> bool:
    if re.search(r"[A-Za-z0-9]", word):
        return True
    if not re.search(r"[\u4e00-\u9fff]", word):
        return False
    if word in CITY_SHORT_NAMES or word in PROVINCE_LEVEL:
        return True  # 合肥高新区: jieba tags 合肥 a common noun
    word_tag = tag(word)
    return word_tag is None or word_tag in _PROPER_TAGS

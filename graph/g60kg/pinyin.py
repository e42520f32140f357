"""Pinyin of Chinese names: pypinyin's phrase dictionary, corrected by a small dictionary of the
names of this graph that it reads wrong (长三角 is cháng sān jiǎo, not zhǎng).

One home for readings: the pinyin labels of the build (`pinyin`), the placeholder English
labels and handles of extraction (`pinyin_words` in `g60kg.extract.romanise`) and `find` all
read names through `readings`.

>>> pinyin("长三角G60科创走廊")
'cháng sān jiǎo G60 kē chuàng zǒu láng'
>>> pinyin("洞泾镇"), pinyin("重庆市"), pinyin("中国人民银行")
('dòng jīng zhèn', 'chóng qìng shì', 'zhōng guó rén mín yín háng')
>>> readings("莫干山", tone=False)
['mo', 'gan', 'shan']
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

__all__ = ["NAME_READINGS", "pinyin", "readings"]

# Names pypinyin's dictionary reads wrong, each with its reading (one syllable per character).
NAME_READINGS: dict[str, str] = {
    "长三角": "cháng sān jiǎo",  # 长江三角洲: the Yangtze River Delta
    "长合区": "cháng hé qū",  # 长三角产业合作区, the delta's industrial cooperation zone
    "长临河": "cháng lín hé",  # 长临河镇, a town of 肥东县 (Hefei)
    "长兴": "cháng xīng",  # 长兴县, a county of Huzhou (湖州市长兴县: not 市长, the mayor)
    "长光": "cháng guāng",  # 长光卫星, Chang Guang Satellite
    "莫干山": "mò gān shān",  # the mountain of 德清县 (Huzhou)
    "干窑": "gān yáo",  # 干窑镇, a town of 嘉善县 (Jiaxing)
    "影都": "yǐng dū",  # "film capital": 都 as in 首都
    "之都": "zhī dū",  # "…之都", "the capital of …"
    "单向前": "shàn xiàng qián",  # the surname 单 is read shàn
}
_LONGEST = max(map(len, NAME_READINGS))


def _plain(syllable: str) -> str:
    """A syllable without tone marks (ü kept as v, as pypinyin's plain style writes it)."""
    decomposed = unicodedata.normalize("NFD", syllable.replace("ü", "v"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def _dictionary(chunk: str, tone: bool) -> tuple[str, ...]:
    """pypinyin's reading of ``chunk``, one item per character (others kept as they are)."""
    from pypinyin import Style, lazy_pinyin

    style = Style.TONE if tone else Style.NORMAL
    read = lazy_pinyin(chunk, style=style, errors=_each_character)
    if len(read) != len(chunk):  # cannot happen for BMP text; keep the characters aligned
        read = [lazy_pinyin(c, style=style, errors=_each_character)[0] for c in chunk]
    return tuple(read)


def _each_character(text: str) -> Any:
    """pypinyin's hook for text it does not read: keep each character (a list is accepted)."""
    return list(text)


def _name_at(text: str, start: int) -> str | None:
    for size in range(min(_LONGEST, len(text) - start), 1, -1):
        if text[start : start + size] in NAME_READINGS:
            return text[start : start + size]
    return None


def readings(text: str, tone: bool = True) -> list[str]:
    """One item per character of ``text``: its pinyin (tone-marked unless ``tone`` is false)
    for a Chinese character, the character itself otherwise.

    >>> readings("长江G6")
    ['cháng', 'jiāng', 'G', '6']
    """
    result: list[str] = []
    plain_from = position = 0
    while position < len(text):
        name = _name_at(text, position)
        if name is None:
            position += 1
            continue
        result.extend(_dictionary(text[plain_from:position], tone))
        syllables = NAME_READINGS[name].split()
        result.extend(syllables if tone else map(_plain, syllables))
        position = plain_from = position + len(name)
    result.extend(_dictionary(text[plain_from:], tone))
    return result


def pinyin(text: str) -> str:
    """Tone-marked pinyin of ``text``, syllables separated by spaces; a run of other
    characters (Latin letters, digits, punctuation) stays one item, white space is dropped.

    >>> pinyin("合肥市（G60）")
    'hé féi shì （G60）'
    """
    items: list[str] = []
    other = ""
    for char, read in zip(text, readings(text), strict=True):
        if read != char:
            items.extend([other] if other.strip() else [])
            items.append(read)
            other = ""
        else:
            other += char
    items.extend([other] if other.strip() else [])
    return " ".join(item.strip() for item in items)

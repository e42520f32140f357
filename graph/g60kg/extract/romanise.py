"""Pinyin word by word, for readable handles and placeholder English labels.

Readings come from `g60kg.pinyin` (pypinyin's phrase dictionary with the names it reads wrong
corrected: 长三角 is changsanjiao); the curator reviews every English label.

Examples
--------
>>> pinyin_words("优图创新基地")
['youtu', 'chuangxin', 'jidi']
>>> pinyin_words("G60科创走廊")
['G60', 'kechuang', 'zoulang']
>>> pinyin_words("长三角")
['changsanjiao']
"""

from __future__ import annotations

from g60kg.extract.tokens import tokenise
from g60kg.pinyin import readings

__all__ = ["pinyin_words"]


def pinyin_words(zh: str) -> list[str]:
    """The pinyin of ``zh`` with one item per jieba word (Latin letters and digits kept)."""
    read = readings(zh, tone=False)
    words = []
    for token in tokenise(zh, 0, len(zh)):
        if token.word.strip() and any(c.isalnum() for c in token.word):
            words.append("".join(read[token.start : token.end]))
    return words

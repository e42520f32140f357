"""Pinyin word by word, for readable handles and placeholder English labels.

Polyphones follow pypinyin's dictionary (长三角 comes out as zhangsanjiao): the curator reviews
every English label.

Examples
--------
>>> pinyin_words("优图创新基地")
['youtu', 'chuangxin', 'jidi']
>>> pinyin_words("G60科创走廊")
['G60', 'kechuang', 'zoulang']
"""

from __future__ import annotations

from pypinyin import lazy_pinyin

from g60kg.extract.tokens import tokenise

__all__ = ["pinyin_words"]


def pinyin_words(zh: str) -> list[str]:
    """The pinyin of ``zh`` with one item per jieba word (Latin letters and digits kept)."""
    words = []
    for token in tokenise(zh, 0, len(zh)):
        if token.word.strip() and any(c.isalnum() for c in token.word):
            words.append("".join(lazy_pinyin(token.word)))
    return words

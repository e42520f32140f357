"""Traditional to simplified conversion for matching, keeping offsets into the original text.

OpenCC's t2s conversion works on phrases and may change the length of a phrase; matching needs a
copy with exactly the original's length so that an offset found in the copy is valid in the
original. When a whole-text conversion keeps the length it is used; otherwise each character is
converted on its own (a character maps to one character in t2s).

Examples
--------
>>> to_simplified("長三角G60科創走廊")
'长三角G60科创走廊'
>>> len(to_simplified("於松江區")) == len("於松江區")
True
"""

from __future__ import annotations

from functools import lru_cache

import opencc

__all__ = ["to_simplified"]


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s.json")


def to_simplified(text: str) -> str:
    """Return a simplified-Chinese copy of ``text`` with the same length, offset for offset."""
    converter = _converter()
    whole: str = converter.convert(text)
    if len(whole) == len(text):
        return whole
    return "".join(_one_char(converter, c) for c in text)


def _one_char(converter: opencc.OpenCC, char: str) -> str:
    converted: str = converter.convert(char)
    return converted if len(converted) == 1 else char

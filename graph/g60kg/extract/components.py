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
        found = _parts(text, inner, slogan)
        if found is None:
            continue
        items, evidence = found
        role = _role(slogan.name)
        for item in items:
            if role:
                item["role"] = role
        facts.append(Claim(evidence, fact="components", subject=slogan, components=items))
    return facts


def _parts(
    text: str, inner: list[Mention], slogan: Mention
) -> tuple[list[dict[str, Any]], Span] | None:
    """The parts of ``slogan`` and the span that lists them, read in the order of the forms."""
    if slogan.components:
        items: list[dict[str, Any]] = [{"zh": part, "item": None} for part in slogan.components]
        evidence = Span(
            max(0, slogan.span.start - 2 - len("".join(slogan.components)) - 4), slogan.span.end
        )
        return items, _quoted_evidence(text, slogan) or evidence
    count = part_count(slogan.name)
    listed = _nearest_list(text, inner, slogan, count) if count else []
    if listed:
        return [{"zh": m.name, "item": m} for m in listed], Span(
            listed[0].span.start, slogan.span.end + 1
        )
    quoted = slogan.span.start > 0 and text[slogan.span.start - 1] in "“「"
    after = _listed_after(text, slogan, count) if count else _spelled_out(text, slogan)
    if after is None and count:
        after = _listed_after_repeat(text, slogan, count)
    if after is None:
        return None
    parts, end = after
    return [{"zh": part, "item": None} for part in parts], Span(slogan.span.start - quoted, end)


_PLUS = re.compile(r"\d+(?:\+(?:\d+|N))+")
_SPELLED = re.compile(r"[“「](?P<part>\d+)[”」](?:是|指|即|为)(?P<what>[^；;。\n“「]+)")
# “1”指把湖州建设成为全国人工智能特色之城: the part is what the place is made into
_MAKING_INTO = re.compile(r"^把[\u4e00-\u9fff]{1,8}?(?:建设成为|建设成|打造成为|打造成|建成)")
_COUNTED_TAIL = re.compile(
    r"(?:等)?[一二三四五六七八九十两\d]+(?:个|大|项|家|条)[\u4e00-\u9fff]{0,6}$"
)


def _spelled_out(text: str, slogan: Mention) -> tuple[list[str], int] | None:
    """The parts of a “1+3” (1+4+N) spelled out one by one after it: “1”是X，“3”是A、B和C三个
    平台. Every numbered part must be spelled out with as many items as it counts; the N part
    (a few, unnamed) is left out.

    >>> text = "采用“1+3”架构：“1”是创新联盟，“3”是验证平台、服务平台和应用平台三个平台。"
    >>> slogan = Mention(Span(3, 6), "1+3", "Slogan")
    >>> _spelled_out(text, slogan)
    (['创新联盟', '验证平台', '服务平台', '应用平台'], 37)
    """
    if not _PLUS.fullmatch(slogan.name):
        return None
    wanted = [int(p) for p in slogan.name.split("+") if p != "N"]
    window_end = text.find("\n", slogan.span.end)
    window = Span(slogan.span.end, window_end if window_end >= 0 else len(text))
    spelled: dict[int, tuple[list[str], int]] = {}
    for match in _SPELLED.finditer(text, window.start, window.end):
        number = int(match.group("part"))
        what = re.split(r"[，,]", match.group("what"))[0]
        what = _COUNTED_TAIL.sub("", _MAKING_INTO.sub("", what))
        items = _split_items(what, number)
        if number not in spelled and len(items) == number:
            spelled[number] = items, match.start("what") + len(what)
    if sorted(spelled) != sorted(set(wanted)) or len(set(wanted)) != len(wanted):
        return None
    parts = [item for number in wanted for item in spelled[number][0]]
    if not all(2 <= len(p) <= 25 for p in parts):
        return None
    return parts, max(end for _, end in spelled.values())


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
    if lead.group().endswith(("：", ":")) and _LINE_BREAK.match(text, lead.end()):
        return _numbered_lines(text, lead.end(), count)
    stop = _LIST_END.search(text, lead.end())
    end = stop.start() if stop else len(text)
    parts = _split_items(text[lead.end() : end], count)
    if parts and parts[-1].endswith("等"):
        parts[-1] = parts[-1][:-1]
    if len(parts) != count or not all(2 <= len(p) <= 25 for p in parts):
        return None
    return parts, end


_LINE_BREAK = re.compile(r"[ \t\u3000]*\n")
_ENUMERATOR = re.compile(
    rf"[ \t\u3000]*(?:（[{_NUMERAL}]+）|\([{_NUMERAL}\d]+\)|（\d+）|[{_NUMERAL}]+、"
    r"|\d+[.．、]|[①-⑩])"
    r"[ \t\u3000]*(?P<item>[^；;。，,：:\n]*)"
)


def _numbered_lines(text: str, start: int, count: int) -> tuple[list[str], int] | None:
    """The ``count`` items of a list set out one per numbered line after a colon ending a line
    (“五大重点”： then （一）A； and （二）B； on lines of their own). Each line gives what precedes
    its first stop. There must be exactly ``count`` numbered lines before the first line that is
    not one.

    >>> text = "明确“两大重点”：\\n（一）商业卫星研发制造；\\n（二）卫星应用创新拓展。\\n同时。"
    >>> _numbered_lines(text, 9, 2)
    (['商业卫星研发制造', '卫星应用创新拓展'], 34)
    """
    parts: list[str] = []
    end = start
    for line in re.finditer(r"[^\n]*", text[start:]):
        if not line.group().strip():
            continue
        numbered = _ENUMERATOR.match(line.group())
        if numbered is None:
            break
        parts.append(numbered.group("item").strip())
        end = start + line.start() + numbered.end("item")
    if len(parts) != count or not all(2 <= len(p) <= 25 for p in parts):
        return None
    return parts, end


def _listed_after_repeat(text: str, slogan: Mention, count: int) -> tuple[list[str], int] | None:
    """The list after the slogan's name written again later on its line: “四个区”, then
    …建设以下四个区： and the list.

    >>> text = "“两个区”　纲要提出建设以下两个区：先进制造业集聚区、乡村振兴示范区。"
    >>> _listed_after_repeat(text, Mention(Span(1, 4), "两个区", "Slogan"), 2)
    (['先进制造业集聚区', '乡村振兴示范区'], 34)
    """
    line_end = text.find("\n", slogan.span.end)
    at = text.find(slogan.name, slogan.span.end, line_end if line_end >= 0 else len(text))
    if at < 0:
        return None
    return _listed_after(
        text, Mention(Span(at, at + len(slogan.name)), slogan.name, slogan.type), count
    )


def _split_items(chunk: str, count: int) -> list[str]:
    """The items of a list joined by 、, its last two by 和 (及, 与) when one is missing.

    >>> _split_items("智能汽车、智能计算和工业互联网", 3)
    ['智能汽车', '智能计算', '工业互联网']
    """
    items = [p.strip() for p in _ITEM_SEPARATOR.split(chunk)]
    if len(items) == count - 1:
        items = items[:-1] + [p.strip() for p in _LAST_JOIN.split(items[-1], maxsplit=1)]
    return items


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

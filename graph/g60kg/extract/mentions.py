"""Find typed mentions in a (simplified) article: places, organisations, sites, events,
documents, programmes, industries and people.

Rules are general patterns of corridor news: suffixes (省/市/区/县/镇/街道,
有限公司/集团/研究院, 基地/园区/小镇/实践区/平台, 大会/峰会/仪式), titles in 《》, numbered
slogans in quotes, 以X为代表的企业, the province-level units of China, and a gazetteer of
names the graph already knows (places: :mod:`.place_mentions`). Nothing inside page furniture
becomes a mention.

Examples
--------
>>> text = "2020年11月18日，首届长三角G60人工智能产业洞泾峰会在松江区洞泾镇举行。"
>>> [(m.name, m.type) for m in find_mentions(text).mentions]
... # doctest: +NORMALIZE_WHITESPACE
[('首届长三角G60人工智能产业洞泾峰会', 'Summit'), ('松江区', 'District'), ('洞泾镇', 'Town')]
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from itertools import pairwise

import g60kg.extract.lexicon as lx
from g60kg.extract.antecedents import named_bodies
from g60kg.extract.graph_names import NameIndex, brand
from g60kg.extract.implied_bodies import BODY_TYPES, implied_by_post
from g60kg.extract.mention import Mention, MentionSet, text_order
from g60kg.extract.people import find_posts
from g60kg.extract.place_mentions import admin_units, gazetteer_names, short_names
from g60kg.extract.projects import listed_projects
from g60kg.extract.spans import Span, SpanIndex, inside, occurrences
from g60kg.extract.tokens import (
    Token,
    frequency,
    is_proper,
    name_start,
    tag,
    token_starts,
    tokenise,
)

__all__ = ["find_mentions"]

_NUMERALS = "一二三四五六七八九十两双首0123456789"
_EDITION = re.compile(r"(?:(?:19|20)\d{2}年?|首届|第[一二三四五六七八九十\d]+届)")
_QUOTE = re.compile(r"[“「\"]([^”」\"\n]{2,16})[”」\"]")
_CARDS = re.compile(
    r"[“「]([^”」\n]{4,40})[”」]的?([一二三四五六七八九十两][张个大项条]?[\u4e00-\u9fff]{1,2})"
)
_DOCUMENT = re.compile(r"《([^》\n]{2,60})》")
_FIVE_YEAR = re.compile(r"^十[一二三四五六七八九]?五$")
_REPRESENTATIVE = re.compile(r"为代表的")
_LIST_JOIN = frozenset("、和与及")
_UNVEILABLE = frozenset(
    {"InnovationBase", "IndustrialBase", "IndustrialPark", "Platform", "FeatureTown"}
    | {"PlannedZone", "Site", "CooperationBody", "ComputingCentre", "ScienceCity", "PilotZone"}
    | {"Laboratory", "ResearchInstitute", "IndustryAlliance"}
)
_EVENT_TYPES = frozenset(lx.EVENT_SUFFIXES.values()) | {"Unveiling"}
_NESTED_BODIES = frozenset({"IndustryAlliance", "ResearchInstitute", "Laboratory", "University"})


def find_mentions(
    norm: str,
    *,
    sentences: Sequence[Span] = (),
    furniture: Sequence[Span] = (),
    known: Mapping[str, str] | None = None,
    tagged: Sequence[Mention] = (),
) -> MentionSet:
    """Return the mentions of the simplified text ``norm``, none inside ``furniture``.

    ``known`` maps names the graph already has (simplified) to their ontology class; ``tagged``
    are mentions a statistical tagger found: its organisations that no rule mention overlaps
    may hold posts (科大讯飞董事长刘庆峰).
    """
    known = dict(known or {})
    index = NameIndex(known)
    sentences = sentences or [Span(0, len(norm))]
    accepted: list[Mention] = []
    fences = SpanIndex(furniture)
    for sentence in sentences:
        if inside(sentence, fences):
            continue
        accepted.extend(_sentence_mentions(norm, sentence, known, index))
    accepted.extend(short_names(norm, accepted, fences, sentences))
    accepted, brands = _brands(norm, accepted, fences, sentences)
    accepted = listed_projects(norm, accepted, fences)
    # X（以下简称“Y”）: Y is a name before posts are read (天马董事长彭旭辉)
    accepted, short = _short_names(norm, accepted, fences, sentences)
    accepted.sort(key=text_order)
    bodies = [m for m in accepted if m.type in lx.ADMIN_LEVEL or m.type in BODY_TYPES]
    # an organisation a post belongs to is a name, however common its words
    bodies = [m if m.type in lx.ADMIN_LEVEL else replace(m, proper=True) for m in bodies]
    # 金义新区党工委书记, 莫干山高新区副主任: a zone with its own administration holds posts too
    zones = [m for m in accepted if m.type in _ADMINISTERED and m.proper]
    ruled = SpanIndex(m.span for m in accepted)
    untaken = [m for m in tagged if m.type in BODY_TYPES and not inside(m.span, ruled)]
    bodies += [replace(m, proper=True) for m in untaken]
    posts = find_posts(norm, sorted([m for m in bodies + zones if not m.implied], key=text_order))
    named = {p.place.span for p in posts if p.place is not None and p.place.type in BODY_TYPES}
    accepted += [replace(m, proper=True) for m in untaken if m.span in named]
    accepted = [replace(m, proper=True) if m.span in named else m for m in accepted]
    posts, swaps = named_bodies(posts, accepted)  # 公司董事长: the company named before
    accepted = [swaps.get(m, m) for m in accepted]
    posts = [p for p in posts if not inside(p.person, fences)]
    people = [Mention(p.person, norm[p.person.start : p.person.end], "Person") for p in posts]
    taken = SpanIndex(m.span for m in people)
    accepted = [m for m in accepted if not inside(m.span, taken)] + _unique(people)
    implied = [m for post in posts for m in implied_by_post(norm, post) if m]
    accepted.extend(_unique([m for m in implied if m.implied]))
    accepted.sort(key=text_order)
    return MentionSet(accepted, posts, _appositives(norm, accepted) + brands + short)


_SHORT_NAME = re.compile(
    r"[（(](?:以下)?(?:简称|下称)[：:]?[“\"「]?(?P<short>[^”\"」）)，,、\s]{2,16}?)[”\"」]?[）)]"
)


def _short_names(
    norm: str, mentions: list[Mention], fences: SpanIndex, sentences: Sequence[Span]
) -> tuple[list[Mention], list[tuple[Mention, Mention]]]:
    """X（以下简称“Y”）: Y names X wherever the text uses it, whatever its own suffix says
    (…科技城投资发展有限公司（以下简称“临港松江科技城”） is a company, not a science city).

    >>> text = "长三角G60科创走廊联席会议办公室（简称G60联席办）。G60联席办设在松江。"
    >>> [m.type for m in find_mentions(text).mentions if m.name == "G60联席办"]
    ['CooperationBody', 'CooperationBody']
    """
    declared: dict[str, Mention] = {}
    inside_brackets: list[Span] = []
    for full in mentions:
        match = _SHORT_NAME.match(norm, full.span.end)
        if match is None or full.nested or full.type in lx.ADMIN_LEVEL:
            continue
        declared.setdefault(match.group("short"), full)
        inside_brackets.append(Span(match.start(), match.end()))
    if not declared:
        return mentions, []
    brackets = SpanIndex(inside_brackets)
    kept = [m for m in mentions if not inside(m.span, brackets) and m.name not in declared]
    taken = SpanIndex(m.span for m in kept)
    pairs = []
    for name, full in declared.items():
        pattern = re.compile(re.escape(name))
        for sentence in sentences:
            for found in pattern.finditer(norm, sentence.start, sentence.end):
                span = Span(found.start(), found.end())
                if inside(span, fences) or inside(span, taken):
                    continue
                mention = Mention(span, name, full.type)
                kept.append(mention)
                pairs.append((full, mention))
    return kept, pairs


_BRAND_PLACES = {**lx.CITY_SHORT_NAMES, **lx.PROVINCE_LEVEL, "中国": "Country"}


def _brands(
    norm: str, accepted: list[Mention], fences: SpanIndex, sentences: Sequence[Span]
) -> tuple[list[Mention], list[tuple[Mention, Mention]]]:
    """The short name a company named in full goes by, wherever else the article writes it
    (上海珑睿信息科技有限公司 … 珑睿), paired with the full name so they are one entity."""
    full: dict[str, Mention] = {}
    for mention in accepted:
        if mention.type == "Company" and mention.proper:
            short = brand(mention.name, _BRAND_PLACES)
            if short is not None and short not in full:
                full[short] = mention
        elif mention.type == "Organization" and mention.proper and not mention.nested:
            full.setdefault(mention.name, mention)  # 思必驰, named by its executive elsewhere
    if not full:
        return accepted, []
    index = NameIndex({name: mention.type for name, mention in full.items()})
    taken = SpanIndex(m.span for m in accepted if not m.nested)
    found, pairs = [], []
    for sentence in sentences:
        if inside(sentence, fences):
            continue
        for start, end, _ in index.find(norm, sentence.start, sentence.end):
            span = Span(start, end)
            if inside(span, taken):
                continue
            mention = Mention(span, norm[start:end], full[norm[start:end]].type)
            found.append(mention)
            pairs.append((full[mention.name], mention))
    if not found:
        return accepted, []
    spans = [m.span for m in found]
    kept = [m for m in accepted if not any(_strictly_inside(m.span, s) for s in spans)]
    return kept + found, pairs


def _strictly_inside(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end and span != outer


_APPOSITIVE = re.compile(r"[，,]?(?:即|也就是|又称|简称)|[（(]")


def _appositives(norm: str, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """X，即Y / X（Y） / X又称Y naming one thing twice: pairs of the same class."""
    by_start = {m.span.start: m for m in mentions if not m.nested}
    pairs = []
    for first in mentions:
        match = _APPOSITIVE.match(norm, first.span.end)
        second = by_start.get(match.end()) if match else None
        if second is not None and second.type == first.type and second.proper:
            pairs.append((first, second))
    return pairs


def _unique(mentions: list[Mention]) -> list[Mention]:
    return list(dict.fromkeys(mentions))


def _sentence_mentions(
    norm: str, sentence: Span, known: Mapping[str, str], index: NameIndex
) -> list[Mention]:
    tokens = tokenise(norm, sentence.start, sentence.end)
    graph_names = [
        Mention(Span(start, end), norm[start:end], kind)
        for start, end, kind in index.find(norm, sentence.start, sentence.end, tokens)
    ]
    units = admin_units(norm, sentence, known, token_starts(tokens))
    plain = (
        _departments(norm, sentence)
        + _suffixed(norm, sentence, tokens, sentence.start)
        + units
        + gazetteer_names(norm, sentence)
        + graph_names
        + _representatives(norm, sentence, tokens)
        + _led_by(norm, sentence, tokens)
        + _owned(norm, sentence)
        + _listed_companies(norm, sentence, tokens)
        + _carriers(norm, sentence)
        + _national_programmes(norm, sentence)
    )
    quoted = _held_quotes(_quoted(norm, sentence), plain)
    delimited = _documents(norm, sentence) + quoted + _committees(norm, sentence)
    chosen = _resolve(delimited, [])
    chosen = _resolve(plain, chosen)
    chosen = _rescue_lists(norm, chosen)
    chosen = _list_siblings(norm, chosen)
    chosen = _rescue_subjects(norm, chosen)
    chosen = _resolve(_industries(norm, sentence), chosen)
    nested = _nested(norm, chosen, tokens) + _branches(chosen) + _ministries(chosen)
    nested += _governing_places(units, chosen)
    nested += _notices(norm, sentence, chosen)
    first = _NON_SPACE.search(norm, sentence.start, sentence.end)
    opening = first.start() if first else sentence.end
    chosen = [m for m in chosen if not _referring_event(m) and not _demonstrative(m, opening)]
    return chosen + nested + _unveilings(norm, sentence, chosen + nested)


def _held_quotes(quoted: list[Mention], plain: list[Mention]) -> list[Mention]:
    """The quoted names an event's or a site's name holds with its quotes are part of that name,
    not names of their own (苏州市“人工智能+”创新发展推进大会: no slogan 人工智能+;
    “一地六县”合作区).

    >>> [m.name for m in find_mentions("苏州市“人工智能+”创新发展推进大会在苏州召开").mentions]
    ['苏州市“人工智能+”创新发展推进大会', '苏州']
    """
    holders = [m.span for m in plain if m.type in _EVENT_TYPES or m.type in _SITE_GROUPS]
    return [
        q
        for q in quoted
        if not any(e.start <= q.span.start - 1 and q.span.end + 1 < e.end for e in holders)
    ]


_NON_SPACE = re.compile(r"\S")
_THIS_KIND = re.compile(r"(?:这|该|此)(?:一|座|片|支|家|个|所|项)?[\u4e00-\u9fff]{1,4}")


def _demonstrative(mention: Mention, opening: int) -> bool:
    """是这片园区的主干, 这支基金: a kind pointed at inside a sentence names the one told of
    before, no new one; one that opens its sentence (这座科技园由…运营) is kept as its subject.

    >>> park = Mention(Span(2, 6), "这片园区", "IndustrialPark")
    >>> _demonstrative(park, 0), _demonstrative(replace(park, name="苏州国际科技园"), 0)
    (True, False)
    >>> _demonstrative(Mention(Span(0, 5), "这座科技园", "IndustrialPark"), 0)
    False
    """
    return mention.span.start > opening and _THIS_KIND.fullmatch(mention.name) is not None


# 首届大会, 上届拍卖会, 前两届大会: an edition and a bare kind refer to an event named elsewhere
_REFERRING = re.compile(r"(?:首|上|本|该|历|前两|前几|前三|两|三|这|此)届[\u4e00-\u9fff]{1,4}")


def _referring_event(mention: Mention) -> bool:
    """Whether ``mention`` refers back to an event by its edition and kind alone.

    >>> [_referring_event(Mention(Span(0, 4), n, "Conference", proper=False))
    ...  for n in ("首届大会", "上届拍卖会", "首届长三角G60人工智能产业洞泾峰会")]
    [True, True, False]
    """
    return (
        mention.type in _EVENT_TYPES
        and not mention.proper
        and _REFERRING.fullmatch(mention.name) is not None
    )


# province-level units and prefecture cities by their short names, the longest first
_PLACE_NAMES = "|".join(sorted([*lx.PROVINCE_LEVEL, *lx.CITY_SHORT_NAMES], key=len, reverse=True))
_CARRIER = re.compile(
    "(?:中国|"
    + _PLACE_NAMES
    + ")(?:电信|移动|联通)(?!互联网|通信|支付|端|办公|网络|应用|设备|终端|用户|化)"
)


def _carriers(norm: str, sentence: Span) -> list[Mention]:
    """The telecom carriers and their provincial and city companies, named without a suffix
    (中国电信, 苏州电信, 安徽移动): builders and operators of the genre's computing centres.

    >>> [m.name for m in _carriers("由苏州电信承担建设，发展移动互联网", Span(0, 16))]
    ['苏州电信']
    """
    return _every(_CARRIER, norm, sentence, "Company")


def _every(pattern: re.Pattern[str], norm: str, sentence: Span, kind: str) -> list[Mention]:
    """Each match of ``pattern`` in the sentence, as a mention of class ``kind``."""
    found = pattern.finditer(norm, sentence.start, sentence.end)
    return [Mention(Span(m.start(), m.end()), m.group(), kind) for m in found]


def _resolve(candidates: list[Mention], chosen: list[Mention]) -> list[Mention]:
    """Keep the longest candidates that overlap nothing chosen so far."""
    result = list(chosen)
    for cand in sorted(candidates, key=lambda m: (-(m.span.end - m.span.start), m.span.start)):
        if not inside(cand.span, [m.span for m in result]):
            result.append(cand)
    return result


_COMMITTEE = re.compile(r"中共[\u4e00-\u9fff]{2,9}?[省市区县]委(?:员会)?(?!书记|副书记|常委)")


def _committees(norm: str, sentence: Span) -> list[Mention]:
    """中共嘉兴市委, 中共上海市松江区委员会: party committees named in full.

    >>> [m.name for m in _committees("中共嘉兴市委召开全会", Span(0, 10))]
    ['中共嘉兴市委']
    """
    return _every(_COMMITTEE, norm, sentence, "PartyCommittee")


def _documents(norm: str, sentence: Span) -> list[Mention]:
    found = []
    for match in _DOCUMENT.finditer(norm, sentence.start, sentence.end):
        title = match.group(1)
        if _PERIODICAL.search(title):
            continue  # 《人民日报》: a newspaper, not a document
        if _TALK.match(norm, match.end()):
            continue  # 以《世界模型与视觉概念学习》为题, 带来《…》报告: a talk's title
        found.append(Mention(Span(match.start(1), match.end(1)), title, lx.document_type(title)))
    for match in _NOTICE.finditer(norm, sentence.start, sentence.end):
        title = match.group("title")
        span = Span(match.start("title"), match.end("title"))
        found.append(Mention(span, title, lx.document_type(title)))
    return found


_ADMINISTERED = frozenset({"PlannedZone", "ScienceCity", "PilotZone", "IndustrialPark"})
# 杭州市余杭区人民政府关于印发《…》的通知: a notice named in full, from its issuing body
_FULL_NOTICE = re.compile(
    r"关于(?:印发|发布|公布|转发)(?:《[^《》\n]{2,80}》|[^《》，。；\n]{4,60}?)的通知"
)


def _notices(norm: str, sentence: Span, chosen: list[Mention]) -> list[Mention]:
    """A notice named in full by the body that opens it (X关于印发《Y》的通知), beside the
    document it issues (Y) and the body (X).

    >>> text = "杭州市余杭区人民政府关于印发《余杭区人工智能实施方案》的通知"
    >>> [(m.name, m.type) for m in find_mentions(text).mentions if m.type == "PolicyDocument"]
    [('杭州市余杭区人民政府关于印发《余杭区人工智能实施方案》的通知', 'PolicyDocument')]
    """
    found = []
    bodies = {m.span.end: m for m in chosen if m.type in BODY_TYPES}
    for match in _FULL_NOTICE.finditer(norm, sentence.start, sentence.end):
        body = bodies.get(match.start())
        if body is None:
            continue
        span = Span(body.span.start, match.end())
        found.append(Mention(span, norm[span.start : span.end], "PolicyDocument", nested=True))
    return found


_TALK = re.compile(r"的?(?:为题|主题报告|主旨报告|报告|演讲|主旨演讲|主题演讲|分享)")
_PERIODICAL = re.compile(r"(?:日报|晚报|商报|周报|报|周刊|杂志|画报)$")
# 关于印发婺城区推动人工智能创新发展行动方案的通知: the title a notice issues, without 《》
_NOTICE = re.compile(
    r"关于(?:印发|发布|公布)(?P<title>[^《》，。；、\n]{4,60}?(?:方案|规划|计划|纲要|意见|办法|措施|政策|细则)"
    r"(?:（[^（）\n]{2,12}）)?)(?:的通知|》)"
)


def _quoted(norm: str, sentence: Span) -> list[Mention]:
    found = []
    for match in _CARDS.finditer(norm, sentence.start, sentence.end):
        parts = tuple(p for p in re.split(r"[\s、，,]+", match.group(1)) if p)
        if len(parts) >= 2:
            span = Span(match.start(2), match.end(2))
            found.append(Mention(span, match.group(2), "Slogan", components=parts))
    for match in _QUOTE.finditer(norm, sentence.start, sentence.end):
        content = match.group(1)
        numbered = content[0] in _NUMERALS or "+" in content
        if not numbered or re.search(r"[\s，。、]", content):
            continue
        if content.isdigit():
            continue  # “10”，就是…; “133510”系列活动: a number alone names nothing
        follows = norm[match.end() : match.end() + 2]
        kind = "Plan" if follows.startswith("规划") or _FIVE_YEAR.match(content) else "Slogan"
        found.append(Mention(Span(match.start(1), match.end(1)), content, kind))
    return found


def _suffixed(norm: str, sentence: Span, tokens: list[Token], floor: int) -> list[Mention]:
    suffixes: list[tuple[str, str]] = [(s, "org") for s in lx.ORG_SUFFIXES]
    suffixes += [(s, "site") for s in lx.SITE_SUFFIXES]
    suffixes += [(s, "event") for s in lx.EVENT_SUFFIXES]
    suffixes += [(s, "document") for s in lx.DOCUMENT_SUFFIXES]
    best: dict[int, tuple[int, str, str]] = {}
    chunk = norm[sentence.start : sentence.end]
    for suffix, kind in suffixes:
        for at in occurrences(chunk, suffix):
            end = sentence.start + at + len(suffix)
            if end not in best or len(suffix) > len(best[end][1]):
                best[end] = (end - len(suffix), suffix, kind)
    found = []
    for end, (suffix_start, suffix, kind) in sorted(best.items()):
        start, proper = name_start(tokens, suffix_start, floor)
        if kind == "event":
            start, proper = _through_verb(norm, tokens, start, floor, proper)
            start = _through_join(tokens, start, floor)
            start = _steering_group(norm, tokens, start, end, floor)
            start = _joint_meeting(norm, start, end, floor)
        if (
            kind in ("org", "site")
            and not proper
            and _joins_fields(norm, tokens, start, suffix_start)
        ):
            start = _through_join(tokens, start, floor)  # 材料科学与工程研究院: one body
        start, proper = _quoted_part(norm, tokens, start, floor, kind, proper)
        start = _trim_start(norm, start, end, kind)
        if (opens := _after_unmatched_bracket(norm, start, suffix_start)) != start:
            start = opens  # 苏皖（溧阳、郎溪、广德）合作示范区: not 广德）合作示范区
            proper = _named_between(norm, tokens, start, suffix_start)
        if kind == "org" and start < suffix_start:
            start, proper = _list_item(norm, tokens, start, proper)
        counted = max(_COUNTED.finditer(norm, start, suffix_start), default=None, key=_at)
        if counted and kind in ("site", "org") and counted.end() <= suffix_start - _bare(counted):
            # 国内首个“量超融合”先进计算平台, 169个国家级高新区: a count or rank before a name
            start = counted.end()
            proper = _named_between(norm, tokens, start, suffix_start)
        if suffix in lx.NATIONAL_BODIES and not norm.startswith(_NATION, start):
            start = suffix_start  # …创新园获科技部: a ministry is named by itself
        if start >= suffix_start and kind != "event":
            proper = suffix in lx.NATIONAL_BODIES  # 科技部, 工信部: a ministry names itself
        if kind in ("site", "event") and (qualifier := _PLACE_QUALIFIER.match(norm, end)):
            end = qualifier.end()  # 国家会展中心（上海）, 首届国际科技开放合作大会（浙江）
        name = norm[start:end]
        if name.count("(") + name.count("（") > name.count(")") + name.count("）"):
            if kind != "org" or not norm.startswith(lx.POST_TITLES, end):
                continue  # 基地(核心区: a suffix inside brackets ends no name
            # 刘德宏（上海…有限公司总经理）: a post in brackets names its body from the bracket
            start += max(name.rfind("("), name.rfind("（")) + 1
            name = norm[start:end]
        found.append(Mention(Span(start, end), name, _kind_type(kind, suffix, name), proper))
    return found


# a place in brackets right after a site's or an event's suffix tells two of them apart
_PLACE_QUALIFIER = re.compile("[（(](?:" + _PLACE_NAMES + r")[省市区县]?[）)]")
_COUNTED = re.compile(
    r"(?:国内|全国|全省|全市|全球|省内|市内|区内)?"
    r"(?:首个|首批|首家|首座|多个|一批|一系列|各类|各个|这座|这片|这一|这个|这家|这些|该|此|"
    r"第?[\d一二三四五六七八九十百千两]+(?:个|批|家|座|所|项|场|栋|幢|届|支|处|大))"
)


def _at(match: re.Match[str]) -> int:
    return match.start()


def _bare(counted: re.Match[str]) -> int:
    """1 when a count that is a demonstrative (这座, 该) stands right before a suffix: 这座科技园
    is read as the park named before it, so it keeps its words; a number (19支基金) does not."""
    return 0 if re.search(r"[\d一二三四五六七八九十百千两]", counted.group()) else 1


def _named_between(norm: str, tokens: list[Token], start: int, end: int) -> bool:
    """Whether ``norm[start:end]`` holds a quoted part or a word that is a name."""
    if "“" in norm[start:end] or "”" in norm[start:end]:
        return True
    inner = [t for t in tokens if start <= t.start and t.end <= end]
    return any(is_proper(t.word) for t in inner)


# 建设座谈会, 成立大会, 启动仪式: what an event is about may be a verb that ends other names
_EVENT_VERBS = frozenset(
    [
        "建设",
        "成立",
        "发布",
        "推进",
        "推动",
        "启动",
        "揭牌",
        "开工",
        "奠基",
        "合作",
        "洽谈",
        "共建",
        "启用",
        "投用",
        "开园",
        "开业",
        "签约",
    ]
)


def _through_verb(
    norm: str, tokens: list[Token], start: int, floor: int, proper: bool
) -> tuple[int, bool]:
    """An event's name goes on left through the verb it is about (科创走廊建设座谈会,
    长三角G60科创走廊人工智能产业联盟成立大会) when a name stands before the verb.

    >>> text = "长三角G60科创走廊建设座谈会在松江召开"
    >>> [m.name for m in find_mentions(text).mentions if m.type == "Event"]
    ['长三角G60科创走廊建设座谈会']
    """
    verb = next((t for t in tokens if t.end == start and t.word in _EVENT_VERBS), None)
    if verb is None or verb.start <= floor:
        return start, proper
    before, named = name_start(tokens, verb.start, floor)
    if not named:  # 苏州市“人工智能+”创新发展推进大会: a quoted part before the verb is a name
        before, named = _quoted_part(norm, tokens, before, floor, "event", named)
    if before >= verb.start or not named:
        return start, proper
    return before, True


def _through_join(tokens: list[Token], start: int, floor: int) -> int:
    """An event on two topics goes on left through 与 (及, 和) joining them (国际云计算与移动互联网
    应用研讨会), when a topic of a few words stands before the join.

    >>> text = "国际云计算与移动互联网应用研讨会在苏州科技城召开"
    >>> [m.name for m in find_mentions(text).mentions if m.type == "PanelDiscussion"]
    ['国际云计算与移动互联网应用研讨会']
    """
    join = next((t for t in tokens if t.end == start and t.word in ("与", "及", "和")), None)
    if join is None or join.start <= floor:
        return start
    before, _ = name_start(tokens, join.start, floor)
    # 2022年安徽省机器人及高端装备（芜湖）产需对接会: 与 and 及 join topics over a longer first
    # part than 和, which also joins two names (…峰会和双龙杯创业创新大赛总决赛)
    topic = _TOPIC if join.word == "和" else _JOINED_TOPIC
    return before if 2 <= join.start - before <= topic else start


_TOPIC = 8
_JOINED_TOPIC = 12
_JOINED_FIELD = 4


def _joins_fields(norm: str, tokens: list[Token], start: int, suffix_start: int) -> bool:
    """Whether a short field before a suffix follows 与 and a field of study or work
    (材料科学与工程研究院), not a name or a body (浙江大学与之江实验室, 腾讯与…)."""
    join = start - 1
    if norm[join:start] != "与" or suffix_start - start > _JOINED_FIELD:
        return False
    word = next((t for t in tokens if t.end == join), None)
    if word is None or is_proper(word.word):
        return False
    return not norm.endswith(lx.ORG_SUFFIXES, 0, join) and not norm.endswith(
        tuple(lx.ADMIN_SUFFIXES), 0, join
    )


def _steering_group(norm: str, tokens: list[Token], start: int, end: int, floor: int) -> int:
    """推进G60科创走廊建设专责小组第三次全体会议: a steering group's name opens with the verb
    of its task, and the meeting's name keeps it.

    >>> text = "今天，推进G60科创走廊建设专责小组第三次全体会议召开"
    >>> [m.name for m in find_mentions(text).mentions if m.type == "Conference"]
    ['推进G60科创走廊建设专责小组第三次全体会议']
    """
    if "小组" not in norm[start:end]:
        return start
    verb = next((t for t in tokens if t.end == start and t.word in _TASK_VERBS), None)
    return verb.start if verb is not None and verb.start >= floor else start


_TASK_VERBS = frozenset({"推进", "推动", "促进", "加快"})
_NATION = ("国家", "中国", "中华人民共和国")


def _joint_meeting(norm: str, start: int, end: int, floor: int) -> int:
    """湖州市加快打造现代智慧城市暨政府数字化转型动员大会: meetings held as one (暨) are named
    whole from the clause's start, through the verbs of the first one's name.

    >>> text = "昨天下午，湖州市加快打造现代智慧城市暨政府数字化转型动员大会在湖州大剧院举行"
    >>> [m.name for m in find_mentions(text).mentions if m.type == "Conference"]
    ['湖州市加快打造现代智慧城市暨政府数字化转型动员大会']
    """
    joint = norm.find("暨", start, end)
    if joint < 0:
        return start
    cut = max(norm.rfind(mark, floor, start) for mark in "，。；：、,;:\n“”（）()")
    clause = max(cut + 1, floor)
    lead = norm[clause:start]
    if not lead or len(lead) > _JOINT_LEAD or _FRAMED.search(lead):
        return start
    return clause


_JOINT_LEAD = 16
_FRAMED = re.compile(r"在|于|的|是|将|由|和|与|参加|出席|召开|举行|举办")


def _quoted_part(
    norm: str, tokens: list[Token], start: int, floor: int, kind: str, proper: bool
) -> tuple[int, bool]:
    """苏州市“人工智能+”创新发展推进大会: an event or site name may hold a quoted part.

    >>> text = "在“量超融合”分论坛上"
    >>> [m.name for m in find_mentions(text).mentions]
    ['“量超融合”分论坛']
    """
    if kind not in ("event", "site") or norm[start - 1 : start] != "”":
        return start, proper
    opening = norm.rfind("“", max(floor, start - 16), start - 1)
    if opening < 0 or re.search(r"[\n，,]", norm[opening:start]):
        return start, proper  # “相约未来，金华正茂”金华城市发展高峰论坛: a theme, not the name
    before, _ = name_start(tokens, opening, floor)
    return min(before, opening), True


_GLUED = re.compile(r"([\u4e00-\u9fff]{2,4}?)([由在被把向从经将])")


def _after_unmatched_bracket(norm: str, start: int, end: int) -> int:
    """A name never opens inside brackets it does not close: （记者叶宾得）会议 is no name of
    叶宾得）会议; it opens after the last closing bracket that ``start:end`` does not open.

    >>> text = "电（记者叶宾得）会议召开"
    >>> text[_after_unmatched_bracket(text, text.index("叶"), text.index("召")) :]
    '会议召开'
    """
    depth, opens = 0, start
    for position in range(start, end):
        if norm[position] in "(（":
            depth += 1
        elif norm[position] in ")）":
            if depth:
                depth -= 1
            else:
                opens = position + 1
    return opens


def _trim_start(norm: str, start: int, end: int, kind: str) -> int:
    """Drop brackets, an edition (2020, 首届) and a verb glued to a preposition (运维由).

    >>> text = "运维由上海星海数据科技有限公司负责"
    >>> text[_trim_start(text, 0, text.index("负责"), "org") :text.index("负责")]
    '上海星海数据科技有限公司'
    """
    while start < end and norm[start] in "()（）":
        start += 1
    glued = _GLUED.match(norm, start, end)
    if glued and end - glued.end() >= 4:
        verb = glued.group(1)
        if verb in lx.BOUNDARY_WORDS or tag(verb) in ("v", "vn"):
            start = glued.end()
    if kind != "event":
        edition = _EDITION.match(norm, start, end)
        if edition and edition.end() < end - 1:
            start = edition.end()
    lead = max(_KIND_LEAD.finditer(norm, start, end), default=None, key=_at)
    if lead and end - lead.end() >= 4:
        start = lead.end()  # 事业单位萧山…创业中心, 省级平台乌镇…园区: the kind, then the name
    return start


_KIND_LEAD = re.compile(r"事业单位|成员单位|(?:省|市|区|县|国家)级平台")


def _list_item(norm: str, tokens: list[Token], start: int, proper: bool) -> tuple[int, bool]:
    """An organisation listed after 、 starts right after it, over a few characters the word
    cutter took for common words (…、优刻得科技股份有限公司: 优刻 | 得; 、中电海康集团: 中 | 电).

    >>> text = "浙江大学、优刻得科技股份有限公司"
    >>> tokens = tokenise(text, 0, len(text))
    >>> _list_item(text, tokens, text.index("科技"), False)
    (5, True)
    """
    left = norm.rfind("、", max(0, start - _LIST_LEAD - 1), start)
    if left < 0 or left + 1 == start:
        return start, proper
    skipped = [t for t in tokens if left < t.start < start]
    if not re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9]+", norm[left + 1 : start]) or any(
        t.word in lx.BOUNDARY_WORDS or tag(t.word) in _NOT_IN_ITEM for t in skipped
    ):
        return start, proper
    return left + 1, True


_LIST_LEAD = 4
_NOT_IN_ITEM = frozenset({"v", "vn", "p", "c", "d", "r"})


def _kind_type(kind: str, suffix: str, name: str) -> str:
    if kind == "org":
        return lx.org_type(name)
    if kind == "event":
        return "SigningCeremony" if "签约" in name else lx.EVENT_SUFFIXES[suffix]
    if kind == "document":
        return "PlanDocument"
    return lx.site_type(name)


def _representatives(norm: str, sentence: Span, tokens: list[Token]) -> list[Mention]:
    found = []
    for match in _REPRESENTATIVE.finditer(norm, sentence.start, sentence.end):
        end = match.start()
        start, _ = name_start(tokens, end - 1, sentence.start)
        if end - start < 2:
            continue
        after = norm[match.end() : match.end() + 10]
        kind = "Company" if ("企业" in after or "公司" in after) else "Organization"
        found.append(Mention(Span(start, end), norm[start:end], kind))
    return found


# 集聚了华为、商汤科技、科大讯飞等一批龙头企业: names listed before 等…企业
_COMPANY_LIST = re.compile(
    r"((?:[^\s，。；、,;：:“”]{2,24}、)+[^\s，。；、,;：:“”等]{1,23}?[^\s，。；、,;：:“”等\d])"
    r"(?:等|(?=(?:\d+|[两三四五六七八九十]+)家))(?:[^\s，。；、和与及]{0,8}?)"
    r"(?:企业|公司|厂商|巨头|龙头|车企|药企|国企|央企|民企)(?!家)"
    # 以A、B、C为代表: a list of firms set out as examples
    r"|以((?:[^\s，。；、,;：:“”]{2,24}、)+[^\s，。；、,;：:“”等\d]{2,24})为代表"
)
# 国内最大的云计算家居平台数联中国, 人工智能领军企业科大讯飞: a description before the name
_DESCRIBED = re.compile(r".*(?:的|企业|平台|公司|服务商|设备商|供应商|龙头|第一股)(?=[^的]{2,8}$)")


_COMMON_ITEM = 6
_GENERIC_HEADS = ("企业", "公司", "机构", "高校", "院所", "单位", "平台", "项目", "园区", "基地")


def _listed_companies(norm: str, sentence: Span, tokens: list[Token]) -> list[Mention]:
    """A、B、C等…企业: each listed name that is a name (not a common word, not a place) is a
    company.

    >>> text = "这里集聚了华为、思必驰、科大讯飞等一批龙头企业"
    >>> [m.name for m in find_mentions(text).mentions if m.type == "Company"]
    ['华为', '思必驰', '科大讯飞']
    """
    found = []
    for match in _COMPANY_LIST.finditer(norm, sentence.start, sentence.end):
        group = 1 if match.group(1) else 2
        floor = match.start(group)
        for item in re.finditer(r"[^、]+", match.group(group)):
            end = match.start(group) + item.end()
            start, proper = name_start(tokens, end, max(floor, sentence.start))
            start = max(start, match.start(group) + item.start())
            described = _DESCRIBED.match(norm, start, end)
            if described is not None:
                start, proper = described.end(), True
            name = norm[start:end]
            floor = end + 1
            common = not proper and not _named_between(norm, tokens, start, end)
            if common and (len(name) > _COMMON_ITEM or name.endswith(_GENERIC_HEADS)):
                continue  # 龙头企业, 高校: kinds, not names; 用友科技, 海螺: names in common words
            if not 2 <= len(name) <= 12 or name in _BRAND_PLACES or name in lx.INDUSTRIES:
                continue
            if name.endswith(tuple(lx.ADMIN_SUFFIXES)):
                continue
            found.append(
                Mention(
                    Span(start, end),
                    name,
                    lx.org_type(name) if name.endswith(lx.ORG_SUFFIXES) else "Company",
                )
            )
    return found


# 思必驰首席执行官高始兴, 商汤科技创始人汤晓鸥, 腾讯旗下: an organisation named by what follows it
_EXECUTIVE = re.compile(r"(?:联合)?创始人|(?:副)?董事长|首席执行官|首席技术官|(?:副)?总裁|CEO")
_PERSON_AFTER = re.compile(r"[\u4e00-\u9fff]{2,3}(?=[，,、。说表示介绍指出称认为（(在和与等告])")
_OWNER = re.compile(r"旗下|下属")


def _led_by(norm: str, sentence: Span, tokens: list[Token]) -> list[Mention]:
    """A name before an executive's title and a person's name (思必驰首席执行官高始兴), or
    before 旗下: an organisation, though it has no legal suffix.

    >>> text = "思必驰首席执行官高始兴说"
    >>> [(m.name, m.type) for m in find_mentions(text).mentions if m.type != "Post"]
    [('思必驰', 'Organization'), ('高始兴', 'Person')]
    """
    found = []
    cues = [(m, True) for m in _EXECUTIVE.finditer(norm, sentence.start, sentence.end)]
    cues += [(m, False) for m in _OWNER.finditer(norm, sentence.start, sentence.end)]
    for cue, executive in cues:
        if executive and not _PERSON_AFTER.match(norm, cue.end(), sentence.end):
            continue
        start, proper = name_start(tokens, cue.start(), sentence.start)
        if norm.endswith(lx.ORG_SUFFIXES, sentence.start, cue.start()):
            continue  # a name with a legal suffix is the suffix rule's
        start = _trim_start(norm, start, cue.start(), "org")
        start = _first_proper(norm, start, cue.start())
        name = norm[start : cue.start()]
        if not proper or not 2 <= len(name) <= 10 or not re.search(r"[\u4e00-\u9fffA-Za-z]", name):
            continue
        if name in _BRAND_PLACES or name.endswith(tuple(lx.ADMIN_SUFFIXES)):
            continue
        kind = lx.org_type(name)
        found.append(Mention(Span(start, cue.start()), name, kind, proper=True))
    return found


# 弘信电子旗下的燧弘在…, 腾讯旗下的安全实验室“科恩”: the short name an owner's 旗下 names
_OWNED = re.compile(
    r"(?:旗下|下属)的?(?:[\u4e00-\u9fff]{2,8}[“「](?P<quoted>[^”」\n]{2,8})[”」]"
    r"|(?P<plain>[\u4e00-\u9fffA-Za-z]{2,4}?)(?=在|将|的|和|与|等|是|，|。|、))"
)


def _owned(norm: str, sentence: Span) -> list[Mention]:
    """The short name an owner's 旗下 (下属) names: a company, though it has no suffix.

    >>> [(m.name, m.type) for m in _owned("弘信电子旗下的燧弘在甘肃建设", Span(0, 14))]
    [('燧弘', 'Company')]
    """
    found = []
    for match in _OWNED.finditer(norm, sentence.start, sentence.end):
        group = "quoted" if match.group("quoted") else "plain"
        spans = [Span(match.start(group), match.end(group))]
        while group == "plain" and (more := _NEXT_OWNED.match(norm, spans[-1].end, sentence.end)):
            spans.append(Span(more.start(1), more.end(1)))  # 旗下的辰天信息、辰星迅联
        for span in spans:
            name = norm[span.start : span.end]
            if name.startswith(_KINDS) or name in lx.INDUSTRIES:
                continue  # 旗下的企业, 下属的公司: a kind, not a name
            if tag(name) is not None and frequency(name) >= _KNOWN_NAME:
                continue
            found.append(Mention(span, name, "Company"))
    return found


_NEXT_OWNED = re.compile(r"、([\u4e00-\u9fffA-Za-z]{2,4}?)(?=在|将|的|和|与|等|是|作为|，|。|、)")
_KINDS = ("企业", "公司", "子公司", "单位", "机构", "品牌", "产品", "业务", "平台", "团队")


_KNOWN_NAME = 100


_GENERIC_HEAD = re.compile(r".*(?:企业|公司|伙伴|龙头|巨头|厂商|机构|独角兽|品牌)")


def _first_proper(norm: str, start: int, end: int) -> int:
    """Where the name begins after a generic head noun before it (人工智能企业科大讯飞 →
    科大讯飞, 合作伙伴商汤科技 → 商汤科技); ``start`` when there is none."""
    head = _GENERIC_HEAD.match(norm, start, end)
    return head.end() if head and end - head.end() >= 2 else start


def _national_programmes(norm: str, sentence: Span) -> list[Mention]:
    """National projects by their fixed names, wherever they stand.

    >>> [(m.name, m.type) for m in find_mentions("国家“东数西算”工程启动。").mentions]
    [('东数西算', 'Programme')]
    """
    found = []
    for name in lx.NATIONAL_PROGRAMMES:
        for at in occurrences(norm[sentence.start : sentence.end], name):
            start = sentence.start + at
            span = Span(start, start + len(name))
            found.append(Mention(span, name, "Programme", proper=True))
    return found


def _industries(norm: str, sentence: Span) -> list[Mention]:
    found = []
    chunk = norm[sentence.start : sentence.end]
    for name, code in lx.INDUSTRIES.items():
        for at in occurrences(chunk, name):
            start = sentence.start + at
            found.append(Mention(Span(start, start + len(name)), name, "Industry", code=code))
    return found


def _rescue_lists(norm: str, chosen: list[Mention]) -> list[Mention]:
    """A common phrase listed next to a proper name of the same class is a name too."""
    ordered = sorted(chosen, key=lambda m: m.span.start)
    proper = {m.span for m in ordered if m.proper}
    changed = True
    while changed:
        changed = False
        for left, right in pairwise(ordered):
            joined = norm[left.span.end : right.span.start] in _LIST_JOIN
            if not joined or left.type != right.type:
                continue
            for one, other in ((left, right), (right, left)):
                if one.span not in proper and other.span in proper:
                    proper.add(one.span)
                    changed = True
    return [replace(m, proper=m.span in proper) for m in ordered]


_SITE_PREDICATE = re.compile(
    r"(?:已经?|正式|将|也|均|于)*(?:落户|位于|地处|坐落|选址|入驻|开工|开园|揭牌|启用|投用|建成|落地)"
)
_SITE_GROUPS = frozenset(
    {"IndustrialBase", "IndustrialPark", "InnovationBase", "PlannedZone", "FeatureTown"}
    | {"ComputingCentre", "ScienceCity", "PilotZone"}
)


def _list_siblings(norm: str, chosen: list[Mention]) -> list[Mention]:
    """Three or more short items listed after a site and ending in the same character are sites
    of its kind, and names (软件园、通讯园、芯片园: only 软件园 is a word the lexicon knows).

    >>> text = "形成软件园、通讯园、芯片园和孵化园共同发展的格局"
    >>> [m.name for m in find_mentions(text).mentions]
    ['软件园', '通讯园', '芯片园', '孵化园']
    """
    taken = SpanIndex(m.span for m in chosen)
    named: set[Span] = set()
    found: list[Mention] = []
    for site in chosen:
        if site.type not in _SITE_GROUPS or len(site.name) > _SIBLING or site.span in named:
            continue
        last = re.escape(site.name[-1])
        after = re.compile(rf"[、和及]([\u4e00-\u9fff]{{1,{_SIBLING - 1}}}?{last})")
        group = [site.span]
        end = site.span.end
        while (match := after.match(norm, end)) is not None:
            span = Span(match.start(1), match.end(1))
            if inside(span, taken):
                break
            group.append(span)
            end = span.end
        if len(group) < _SIBLINGS:
            continue
        named.update(group)
        found += [Mention(span, norm[span.start : span.end], site.type) for span in group[1:]]
    return [replace(m, proper=True) if m.span in named else m for m in chosen] + found


_SIBLING = 5
_SIBLINGS = 3


def _rescue_subjects(norm: str, chosen: list[Mention]) -> list[Mention]:
    """A site named in common words is a name when it is the subject of 落户, 位于, 开工, 揭牌…
    (由他牵头的石墨烯产业园已落户金义都市新区).

    >>> text = "石墨烯产业园已落户金义都市新区"
    >>> [m.name for m in find_mentions(text).mentions]
    ['石墨烯产业园', '金义都市新区']
    """
    rescued = []
    for mention in chosen:
        if mention.proper or mention.type not in _SITE_GROUPS or len(mention.name) < 5:
            continue
        if _SITE_PREDICATE.match(norm, mention.span.end):
            mention = replace(mention, proper=True)
        rescued.append(mention)
    kept = [m for m in chosen if m.proper or m.type not in _SITE_GROUPS or len(m.name) < 5]
    return sorted(kept + rescued, key=lambda m: m.span.start)


def _nested(norm: str, chosen: list[Mention], tokens: list[Token]) -> list[Mention]:
    """Sites named inside an event or a document title (the base inside 某基地投资推介大会)."""
    nested: list[Mention] = []
    for outer in chosen:
        if outer.type not in _EVENT_TYPES and "Document" not in outer.type:
            continue
        inner = _suffixed(
            norm, Span(outer.span.start, outer.span.end - 1), tokens, outer.span.start
        )
        sites = [
            replace(m, nested=True)
            for m in inner
            if m.proper and lx.site_type(m.name) != "Site" and m.span.end < outer.span.end
        ]
        sites = [m for m in sites if m.type not in _EVENT_TYPES and m.type != "Company"]
        # …人工智能产业联盟成立大会: the alliance, institute or laboratory an event is about
        bodies = [
            replace(m, nested=True)
            for m in inner
            if m.proper and m.type in _NESTED_BODIES and m.span.end < outer.span.end
        ]
        nested.extend(_resolve(sites + bodies, []))
    return nested


def _governing_places(units: list[Mention], chosen: list[Mention]) -> list[Mention]:
    """The place a government body's name opens with (浙江省科技厅 → 浙江省, 杭州市余杭区人民政府 →
    杭州市 and 余杭区): the body governs or serves it, and the text names it there."""
    bodies = [m for m in chosen if m.type in _GOVERNING and not m.nested]
    found = []
    for unit in units:
        if any(b.span.start <= unit.span.start and unit.span.end < b.span.end for b in bodies):
            opening = [b for b in bodies if b.span.start <= unit.span.start < b.span.end]
            if opening and _only_units(unit, opening[0], units):
                found.append(replace(unit, nested=True))
    return found


def _only_units(unit: Mention, body: Mention, units: list[Mention]) -> bool:
    """Whether only administrative units stand between the body's start and ``unit``."""
    at = body.span.start
    for other in sorted(units, key=lambda m: m.span.start):
        if other.span.start == at and other.span.end <= unit.span.start:
            at = other.span.end
    return at == unit.span.start


_GOVERNING = frozenset({"GovernmentBody", "PartyCommittee"})


_LEGAL_INSIDE = re.compile(r".{2,30}?(?:股份有限公司|有限责任公司|有限公司)")


_MINISTRIES = sorted(lx.NATIONAL_BODIES, key=len, reverse=True)
_DEPARTMENT = re.compile(
    "(" + "|".join(_MINISTRIES) + ")"
    r"([\u4e00-\u9fff]{2,14}?(?:司|局|中心))(?!长)"
)


def _departments(norm: str, sentence: Span) -> list[Mention]:
    """科技部战略规划司, 工业和信息化部科技司, 科技部火炬中心: a ministry's department.

    >>> text = "科技部政策法规与创新体系建设司司长解敏出席"
    >>> [(m.name, m.type) for m in find_mentions(text).mentions if m.type != "Post"][:2]
    [('科技部政策法规与创新体系建设司', 'GovernmentBody'), ('科技部', 'GovernmentBody')]
    """
    found = []
    for match in _DEPARTMENT.finditer(norm, sentence.start, sentence.end):
        if re.search(r"[的和及、省市区县]", match.group(2)):
            continue  # 科技部和市科技局, 科技部与省科技厅: two bodies, not a department
        found.append(
            Mention(Span(match.start(), match.end()), match.group(), "GovernmentBody", True)
        )
    return found


def _ministries(chosen: list[Mention]) -> list[Mention]:
    """The ministry a department's name opens with (科技部 in 科技部战略规划司), named too."""
    found = []
    for outer in chosen:
        head = next((b for b in _MINISTRIES if outer.name.startswith(b)), None)
        if outer.nested or outer.type != "GovernmentBody" or head is None or head == outer.name:
            continue
        span = Span(outer.span.start, outer.span.start + len(head))
        found.append(Mention(span, head, "GovernmentBody", True, nested=True))
    return found


def _branches(chosen: list[Mention]) -> list[Mention]:
    """A company whose legal name opens a site's or institute's name (启智(芜湖)智能机器人有限公司
    上海研发中心): the company is named too.

    >>> text = "启智(芜湖)智能机器人有限公司上海研发中心落户松江"
    >>> [m.name for m in find_mentions(text).mentions if m.type == "Company"]
    ['启智(芜湖)智能机器人有限公司']
    """
    found = []
    for outer in chosen:
        if outer.nested or outer.type == "Company" or not outer.proper:
            continue
        match = _LEGAL_INSIDE.match(outer.name)
        if match is None or match.end() >= len(outer.name) - 1:
            continue
        span = Span(outer.span.start, outer.span.start + match.end())
        found.append(Mention(span, match.group(), "Company", nested=True))
    return found


def _unveilings(norm: str, sentence: Span, chosen: list[Mention]) -> list[Mention]:
    found = []
    for site in chosen:
        if site.type in _EVENT_TYPES or not site.proper or site.nested:
            continue
        if site.type not in _UNVEILABLE:
            continue
        tail = norm[site.span.end : min(sentence.end, site.span.end + 16)]
        clause = re.split(r"[，。；,;]", tail)[0]
        where = clause.find("揭牌")
        if where >= 0:
            end = site.span.end + where + 2
            found.append(Mention(Span(site.span.start, end), site.name + "揭牌", "Unveiling"))
    return found

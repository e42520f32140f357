"""Organisation claims: who owns, builds, runs, issues, proposes or settles what.

Patterns: P旗下的A、B and X是P的全资子公司 (parentOrganization); S由X承担建设和运维 (builtBy,
operatedBy); a company that 入驻 (落户, 投产) a place (settledIn); P首倡X (proposedBy); 出台《…》
and 关于印发…的通知 (issuedBy); X写入 a plan (incorporatedInto).

Examples
--------
>>> from g60kg.extract.mentions import find_mentions
>>> text = "嘉兴市出台《嘉兴市人工智能产业发展规划》。"
>>> found = find_mentions(text).mentions
>>> [(c.subject.name, c.predicate, c.obj.name) for c in issued(text, Span(0, len(text)), found)]
[('嘉兴市人工智能产业发展规划', 'issuedBy', '嘉兴市')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from g60kg.extract.claims import (
    ORG_TYPES,
    SITE_TYPES,
    Claim,
    claim_between,
    enumeration_ending,
    enumeration_starting,
)
from g60kg.extract.lexicon import ADMIN_LEVEL
from g60kg.extract.mention import Mention
from g60kg.extract.spans import Span

__all__ = [
    "builds",
    "built",
    "incorporated",
    "issued",
    "parent",
    "proposed",
    "settled",
    "subsidiary",
]

_PARENT = re.compile(r"旗下|下属|所属")
_BUILT = re.compile(
    r"由(?P<org>[^，。；]{2,40}?)(?:共同|联合|牵头)?(?:承担|负责|进行|投资|全资投入|出资)?"
    r"(?P<work>开发建设|开发和运营|开发运营|建设和运维|建设与运维|建设和运营|建设运营|建设运维|"
    r"投资建设|建设|运维|运营|打造|合资开发)"
)
# 上海珑睿信息科技有限公司为项目建设运维方: a firm named as the project's builder or operator
_ROLE = re.compile(
    r"(?P<org>[^，。；]{2,40}?)(?:为|是|作为)(?:该|本)?(?:项目|园区|中心)?的?"
    r"(?P<work>建设运维|建设和运维|建设运营|建设|运维|运营)(?:方|单位|主体)"
)
# 杭州市数据集团建成了…集群, 旷视科技在鸠江经济开发区投资26.2亿元建设…科技园, A与B共建…创新院
_BUILDS = re.compile(r"(?:共同|合作|联合)?(?:建成了?|投资建设|共建|建设)")
_BUILT_FOR = frozenset({"ResearchInstitute", "Laboratory"})
_ZONES = frozenset({"PlannedZone", "PilotZone", "ScienceCity", "FeatureTown"})
_WORK_BY = re.compile(
    r"(?P<work>建设和运维|建设运营|建设|运维|运营)(?:工作)?(?:则|均|将)?由(?P<org>[^，。；]{2,40}?)"
    r"(?:承担|负责)"
)
_PROPOSED = re.compile(r"首倡|(?:率先|最早|最先|首先)?提出")
_PROGRAMMES = frozenset({"Corridor", "Plan", "Slogan", "Programme", "PlanDocument"})


def department(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    """A ministry's department (科技部战略规划司) belongs to the ministry its name opens with."""
    claims = []
    heads = {m.span.start: m for m in inner if m.nested and m.type == "GovernmentBody"}
    for body in inner:
        head = heads.get(body.span.start)
        if body.nested or body.type != "GovernmentBody" or head is None:
            continue
        if head.span.end < body.span.end:
            claims.append(
                claim_between("parentOrganization", body, head, body.span, confidence=0.9)
            )
    return claims


def parent(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    """P旗下的A、B和C (下属, 所属): each listed organisation belongs to P."""
    claims = []
    for match in _PARENT.finditer(text, sentence.start, sentence.end):
        parents = [m for m in inner if m.span.end == match.start() and m.type in ORG_TYPES]
        start = match.end() + (1 if text[match.end() : match.end() + 1] == "的" else 0)
        children = [m for m in enumeration_starting(text, inner, start) if m.type in ORG_TYPES]
        if not parents or not children:
            continue
        for child in children:
            evidence = Span(parents[0].span.start, child.span.end)
            claims.append(claim_between("parentOrganization", child, parents[0], evidence))
    return claims


_SUBSIDIARY = re.compile(
    r"(?:是|为|系)(?P<parent>[^，。；]{2,30}?)的?(?:全资|控股|下属)?(?:子公司|分公司)"
)


def subsidiary(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    """X是Y的全资子公司 (为, 系; 控股子公司, 分公司): X belongs to Y.

    >>> from g60kg.extract.mentions import find_mentions
    >>> text = "上海珑睿信息科技有限公司是腾讯科技有限公司的全资子公司。"
    >>> found = find_mentions(text).mentions
    >>> [(c.subject.name, c.obj.name) for c in subsidiary(text, Span(0, len(text)), found)]
    [('上海珑睿信息科技有限公司', '腾讯科技有限公司')]
    """
    claims = []
    for match in _SUBSIDIARY.finditer(text, sentence.start, sentence.end):
        parents = [m for m in inner if m.type in ORG_TYPES and m.span.end == match.end("parent")]
        children = [m for m in inner if m.type in ORG_TYPES and m.span.end == match.start()]
        if parents and children:
            evidence = Span(children[0].span.start, match.end())
            claims.append(claim_between("parentOrganization", children[0], parents[0], evidence))
    return claims


def built(
    text: str, sentence: Span, inner: list[Mention], earlier: Sequence[Mention] = ()
) -> list[Claim]:
    """S由X承担建设和运维, 运维由X负责: who builds (builtBy) and runs (operatedBy) a site.

    Without a site before it in the sentence (该中心由X承担建设), the site is the last one
    named before the sentence.
    """
    claims = []
    for pattern in (_BUILT, _WORK_BY, _ROLE):
        for match in pattern.finditer(text, sentence.start, sentence.end):
            orgs = [
                m
                for m in inner
                if m.type in ORG_TYPES and match.start("org") <= m.span.start < match.end("org")
            ]
            orgs = [m for m in orgs if m.span.end <= match.end("org")]
            before = [
                m
                for m in inner
                if (m.type in SITE_TYPES or m.type in ORG_TYPES) and m.span.end <= match.start()
            ]
            before = [m for m in before if m not in orgs and m.proper]
            lead = text[sentence.start : match.start()]
            if pattern is _ROLE:  # the firm opens the clause: the site is named before it
                before = [m for m in before if m.span.end <= match.start("org")]
            if not before and (re.search(r"该|这|其|项目", lead) or not lead.strip()):
                built_things = SITE_TYPES | _BUILT_FOR  # 这家研究院由…共同建设
                if "项目" in lead:  # 这一项目由…: a project, not the zone it is built in
                    built_things = built_things - _ZONES
                before = [m for m in earlier if m.type in built_things][-1:]
            if not orgs or not before:
                continue
            subject = before[-1]
            work = match.group("work")
            predicates = []
            if "建设" in work or work in ("打造", "合资开发"):
                predicates.append("builtBy")
            if "运" in work:
                predicates.append("operatedBy")
            for org in orgs:
                for predicate in predicates:
                    evidence = Span(match.start(), match.end())
                    claims.append(claim_between(predicate, subject, org, evidence, confidence=0.7))
    return claims


def builds(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    """X建成S, X(在P)投资…建设S, A与B共建S: the bodies that open the clause build the site
    named right after the verb.

    >>> from g60kg.extract.mentions import find_mentions
    >>> text = "旷视科技有限公司在鸠江经济开发区投资26.2亿元建设旷云智能产业科技园。"
    >>> found = find_mentions(text).mentions
    >>> [(c.subject.name, c.obj.name) for c in builds(text, Span(0, len(text)), found)]
    [('旷云智能产业科技园', '旷视科技有限公司')]
    """
    claims = []
    for match in _BUILDS.finditer(text, sentence.start, sentence.end):
        after = [m for m in inner if m.span.start >= match.end() and m.proper]
        after = [m for m in after if m.type in SITE_TYPES or m.type in _BUILT_FOR]
        if not after or _CLAUSE.search(text, match.end(), after[0].span.start):
            continue
        if after[0].span.start - match.end() > _BUILT_GAP:
            continue
        site = after[0]
        clause = max(
            [sentence.start]
            + [c.end() for c in _CLAUSE.finditer(text, sentence.start, match.start())]
        )
        builders = [
            m
            for m in inner
            if m.type in ORG_TYPES and clause <= m.span.start and m.span.end <= match.start()
        ]
        builders = [m for m in builders if not m.nested and m.type != "PartyCommittee"]
        if not builders or not _BUILDER_LEAD.fullmatch(text, clause, builders[0].span.start):
            continue  # the bodies must open the clause: they are its subject
        for builder in builders:
            evidence = Span(builder.span.start, site.span.end)
            claims.append(claim_between("builtBy", site, builder, evidence, confidence=0.6))
    return claims


_CLAUSE = re.compile(r"[，。；：,;:！？]")
_BUILT_GAP = 8  # 全国首个, 一座: a count or a descriptor between the verb and the site
# what may come before the builder that opens the clause: a date, 由, or a descriptor ending in 的
_BUILDER_LEAD = re.compile(
    r"[\s\u3000]*(?:\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|今年|去年|此前|目前|由)?"
    r"(?:[^，。；：,;:]{0,12}的)?[^\u4e00-\u9fff]*"
)


def settled(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    claims: list[Claim] = []
    verb = re.search(r"入驻|落户|投产|开工", text[sentence.start : sentence.end])
    if verb is None:
        return claims
    verb_at = sentence.start + verb.start()
    companies = [m for m in inner if m.type == "Company" and m.span.end <= verb_at]
    companies = [m for m in companies if not m.nested]
    companies = [m for m in companies if not _PARENT.match(text, m.span.end)]
    companies = [m for m in companies if text.startswith("为代表", m.span.end)] or companies[-1:]
    places = [m for m in inner if m.type in ADMIN_LEVEL]
    local = max(places, key=lambda m: ADMIN_LEVEL[m.type]) if places else None
    for company in companies:
        if local is not None:
            evidence = Span(company.span.start, verb_at + 2)
            claims.append(claim_between("settledIn", company, local, evidence, confidence=0.7))
    return claims


def proposed(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    """P首倡X, P率先提出建设X, X(最早)由P提出."""
    claims = []
    for match in _PROPOSED.finditer(text, sentence.start, sentence.end):
        at, end = match.start(), match.end()
        before = [m for m in inner if m.type in ADMIN_LEVEL and m.span.end <= at]
        if not before:
            continue
        proposer = before[-1]
        after = [m for m in inner if m.span.start >= end and m.type in _PROGRAMMES]
        gap = text[end : after[0].span.start] if after else "-"
        subjects = [m for m in inner if m.type in _PROGRAMMES and m.span.end <= proposer.span.start]
        lead = text[subjects[-1].span.end : proposer.span.start] if subjects else ""
        if gap in ("", "建设", "设立", "打造") and text[proposer.span.end : at] in ("", "于"):
            claims.append(claim_between("proposedBy", after[0], proposer, Span(at, end)))
        elif subjects and re.fullmatch(r"[^，。]{0,6}由", lead):
            claims.append(claim_between("proposedBy", subjects[-1], proposer, Span(at, end)))
    return claims


def issued(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    claims = []
    verbs = re.compile(
        r"(?:近日|日前|正式|共同|联合|一道|等地|等|[一二三四五六七八九十两]+[个座家]?[地城市省方区县]+|"
        r"[一二三四五六七八九十两]*个?(?:部门|部委|单位)|\d{4}年|\d{1,2}月|\d{1,2}日|于|关于|[，,]|"
        r"又|还|也|先后|以[^，。；《》\n]{1,16}?号?文)*"
        r"(?:(?:出台|发布|印发)(?:了|的)?《|关于(?:印发|发布|公布)(?=[^《》\n]{4,60}?的通知)|的?《)"
    )
    for match in verbs.finditer(text, sentence.start, sentence.end):
        documents = [m for m in inner if m.span.start == match.end() and "Document" in m.type]
        issuers = enumeration_ending(text, inner, match.start())
        issuers = [m for m in issuers if m.type in ADMIN_LEVEL or m.type in ORG_TYPES]
        if not re.search(r"出台|发布|印发|关于", match.group()):
            # 浙江省人民政府《关于…的通知》: a body right before the title is its issuer
            issuers = [m for m in issuers if m.type in ORG_TYPES and m.span.end == match.start()]
        for issuer in issuers if documents else []:
            evidence = Span(issuer.span.start, documents[0].span.end + 1)
            claims.append(claim_between("issuedBy", documents[0], issuer, evidence))
    # X关于印发《Y》的通知 named in full: X issues the notice too
    bodies = {m.span.start: m for m in inner if m.type in ORG_TYPES and not m.nested}
    for notice in (m for m in inner if m.type == "PolicyDocument" and m.name.endswith("的通知")):
        body = bodies.get(notice.span.start)
        if body is not None and notice.name.startswith(body.name + "关于"):
            claims.append(claim_between("issuedBy", notice, body, notice.span))
    return claims


def incorporated(text: str, sentence: Span, inner: list[Mention]) -> list[Claim]:
    claims = []
    for match in re.finditer(r"写入|纳入", text[sentence.start : sentence.end]):
        at = sentence.start + match.start()
        plans = [m for m in inner if m.type in ("Plan", "PlanDocument") and m.span.start > at]
        subjects = [m for m in inner if m.span.end <= at and m.type not in ADMIN_LEVEL]
        if plans and subjects:
            claims.append(
                claim_between("incorporatedInto", subjects[-1], plans[0], Span(at, at + 2))
            )
    return claims

"""Find the projects of a numbered list (``1. 医疗器械CRO总部项目``) and where they are placed.

A signing list names each project on its own numbered line, by a name that ends in 项目 and that
rarely carries a suffix the other rules know. The name is the item's first clause; it is a site
(what is built), and the words inside it (a brand, a city, an industry) stay inside it. A
project whose whole name before 项目 is a body another rule found (…共创实验室项目) is that
body.

Examples
--------
>>> text = "签约项目清单：\\n1. 医疗器械CRO总部项目\\n2. 辛子电气项目，投资方为某某。\\n3、新项目"
>>> [(m.name, m.type) for m in listed_projects(text, [])]
[('医疗器械CRO总部项目', 'Site'), ('辛子电气项目', 'Site')]

After the list, 以上项目均与X签约 (均落户X, 均位于X) places each project listed before it in X:

>>> from g60kg.extract.mentions import find_mentions
>>> text = "1. 辛子电气项目\\n2. 巨翼新动力项目\\n以上项目均与苏州科技城签约。"
>>> [(c.subject.name, c.obj.name) for c in project_sites(text, find_mentions(text).mentions)]
[('辛子电气项目', '苏州科技城'), ('巨翼新动力项目', '苏州科技城')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from g60kg.extract.claims import SITE_TYPES, Claim, claim_between
from g60kg.extract.lexicon import ADMIN_LEVEL
from g60kg.extract.mention import Mention
from g60kg.extract.spans import Span, SpanIndex, inside

__all__ = ["listed_projects", "project_sites"]

_ITEM = re.compile(
    r"^[ \t\u3000]*(?:\d{1,3}[.、．)）]|[（(](?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）])"
    r"[ \t\u3000]*"
    r"(?P<name>[^\s，。；：,;:（(、]{3,40}?项目)(?=$|[\s，。；：,;:（(])",
    re.M,
)
_GENERIC = re.compile(
    r"^(?:重大|重点|创新|产业化?|升级|签约|开工|竣工|科技|招商|合作|平台|其他|新)+项目$"
)


def listed_projects(
    norm: str, mentions: Sequence[Mention], fences: SpanIndex | None = None
) -> list[Mention]:
    """The mentions with each numbered project added; a mention inside a project's name is
    dropped, and a project named by a body before 项目 (a lab, a company) is left to it."""
    projects = []
    bodies = {m.span for m in mentions if m.type not in SITE_TYPES}
    for match in _ITEM.finditer(norm):
        name = match.group("name")
        span = Span(match.start("name"), match.end("name"))
        if _GENERIC.match(name) or Span(span.start, span.end - len("项目")) in bodies:
            continue
        if fences is not None and inside(span, fences):
            continue
        projects.append(Mention(span, name, "Site"))
    taken = SpanIndex(m.span for m in projects)
    return [m for m in mentions if not inside(m.span, taken)] + projects


_ALL_OF_THEM = re.compile(
    r"(?:以上|上述)(?:\d+|[一二三四五六七八九十]+)?个?(?:签约|重大|重点)?项目"
    r"(?:均|都|全部|将|已)*(?:与|落户|落地|位于|入驻|选址|在)于?"
)


def project_sites(norm: str, mentions: Sequence[Mention]) -> list[Claim]:
    """``locatedIn`` for each project listed before 以上项目均与X签约 (落户X…), in X."""
    projects = sorted(
        (m for m in mentions if m.type == "Site" and m.name.endswith("项目")),
        key=lambda m: m.span.start,
    )
    hosts = [m for m in mentions if m.type in SITE_TYPES or m.type in ADMIN_LEVEL]
    claims: list[Claim] = []
    since = 0
    for match in _ALL_OF_THEM.finditer(norm):
        at = [m for m in hosts if m.span.start == match.end()]
        listed = [p for p in projects if since <= p.span.start < match.start()]
        since = match.end()
        if not at:
            continue
        host = max(at, key=lambda m: m.span.end)
        note = "A project of the list that the sentence after it places (以上项目均与…签约)."
        for project in listed:
            evidence = Span(project.span.start, host.span.end)
            claims.append(
                claim_between("locatedIn", project, host, evidence, note=note, confidence=0.7)
            )
    return claims

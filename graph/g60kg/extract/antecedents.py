"""A post's body named by its kind alone (公司董事长, 联盟理事长, 该研究院院长) is the body of that
kind the text named last before it: the company, alliance or institute the report is about. A
party department named alone after a committee's title (金华市委常委、统战部部长) is that
committee's department (金华市委统战部).

Examples
--------
>>> from g60kg.extract.mentions import find_mentions
>>> text = "杭州智联数算科技有限公司成立于2023年。该公司总经理邵悦初说。"
>>> [(p.place.name, p.title) for p in find_mentions(text).posts]
[('杭州智联数算科技有限公司', '总经理')]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from g60kg.extract.mention import Mention
from g60kg.extract.people import Post

__all__ = ["named_bodies"]

# kinds a report uses alone for the body it is about; not 管委会, 人民政府, 办公室 (a place's own)
_KINDS = ("公司", "集团", "联盟", "研究院", "研究所", "研究中心", "实验室", "协会", "商会", "基金")
_COMPANIES = frozenset({"Company", "Organization"})


def named_bodies(
    posts: Sequence[Post], mentions: Sequence[Mention]
) -> tuple[list[Post], dict[Mention, Mention]]:
    """``posts`` with each bare body replaced by its antecedent (a mention of the antecedent's
    name at the bare word's span), and the replacements made."""
    named = sorted(
        (m for m in mentions if m.proper and m.name not in _KINDS), key=lambda m: m.span.start
    )
    swaps: dict[Mention, Mention] = {}
    out: list[Post] = []
    for post in posts:
        body = post.place
        committee = _committee_before(out[-1], post) if out and body is not None else ""
        if body is not None and committee and body.name in _PARTY_DEPARTMENTS:
            swaps[body] = replace(body, name=committee + body.name)
            post = post._replace(place=swaps[body])
        elif body is not None and body.name in _KINDS:
            earlier = [m for m in named if m.span.end <= body.span.start and _of_kind(m, body.name)]
            if earlier:
                swaps[body] = replace(body, name=earlier[-1].name, type=earlier[-1].type)
                post = post._replace(place=swaps[body])
        out.append(post)
    return out, swaps


_PARTY_DEPARTMENTS = frozenset({"统战部", "组织部", "宣传部", "政法委"})
_COMMITTEE = ("省委", "市委", "区委", "县委")


def _committee_before(previous: Post, post: Post) -> str:
    """金华市委 when ``previous`` (金华市 | 市委常委) is joined right before ``post``'s body."""
    place, body = previous.place, post.place
    if place is None or body is None or not previous.title.startswith(_COMMITTEE):
        return ""
    joined = body.span.start == previous.title_span.end + 1  # 、 or 兼 between the two
    level = previous.title[0]
    return place.name + "委" if joined and place.name.endswith(level) else ""


def _of_kind(mention: Mention, kind: str) -> bool:
    """海康威视 is a company though its name has no suffix; 合肥研究院 is a 研究院."""
    if kind in ("公司", "集团"):
        return mention.type in _COMPANIES
    return mention.name.endswith(kind)

"""The office and the body a post title implies (松江区区长: the post 松江区区长 and
松江区人民政府), both marked ``implied``: the text names the title, not the body.

Examples
--------
>>> from g60kg.extract.people import find_posts
>>> from g60kg.extract.spans import Span
>>> text = "松江区区长张三"
>>> place = Mention(Span(0, 3), "松江区", "District")
>>> [m.name for m in implied_by_post(text, find_posts(text, [place])[0]) if m]
['松江区区长', '松江区人民政府']
"""

from __future__ import annotations

import re

from g60kg.extract.mention import Mention
from g60kg.extract.people import Post
from g60kg.extract.spans import Span

__all__ = ["BODY_TYPES", "implied_by_post"]

BODY_TYPES = frozenset(
    {"Company", "GovernmentBody", "CooperationBody", "Organization", "PartyCommittee"}
    | {"University", "ResearchInstitute", "Laboratory", "IndustryAlliance"}
)
_MAYORS = ("区长", "市长", "县长", "镇长", "省长", "乡长")
_COMMITTEE = {"District": "区委", "City": "市委", "Town": "党委", "Province": "省委"}


_ZONES = frozenset({"PlannedZone", "ScienceCity", "PilotZone"})


def implied_by_post(text: str, post: Post) -> tuple[Mention | None, Mention | None]:
    """The post (松江区区长) and its organisation (松江区人民政府, 洞泾镇党委) a title implies.

    Both are marked ``implied``: the text names the title, not the body.
    """
    # 市委副书记、市长钱三雄 in an article on 湖州: the title names no place of its own
    where = post.place or post.home
    if where is None:
        return None, None
    span = post.title_span if post.place is None else Span(where.span.start, post.title_span.end)
    place, title = where.name, post.title
    # 杭州市委副书记: the place's last character begins the title; the post is named as written
    overlap = max(0, where.span.end - post.title_span.start)
    apart = where.span.end < post.title_span.start
    if apart and place[-1:] == title[:1] and title[1:2] == "委":
        overlap = 1  # 区委副书记 of 松江区 named before: 松江区委副书记
    if where.type == "GovernmentBody" and place.endswith("人民政府") and title.endswith(_MAYORS):
        # 安徽省人民政府副省长: the post is the province's, 安徽省副省长; the body is the government
        office = Mention(span, post.owner + place[: -len("人民政府")] + title, "Post", implied=True)
        return office, where
    office = Mention(span, post.owner + place + title[overlap:], "Post", implied=True)
    if title.endswith(_MAYORS):
        return office, Mention(span, place + "人民政府", "GovernmentBody", implied=True)
    committee = re.match(r"(区委|市委|县委|省委|党工委|党委)", title)
    if committee:
        body = place + committee.group()[overlap:]
        return office, Mention(span, body, "PartyCommittee", implied=True)
    if title.endswith("书记") and where.type in _COMMITTEE:
        name = place + _COMMITTEE[where.type]
        return office, Mention(span, name, "PartyCommittee", implied=True)
    if where.type in BODY_TYPES:
        return office, where  # 之江实验室主任: the post is in the organisation named
    if where.type in _ZONES or (where.type == "IndustrialPark" and title.endswith("主任")):
        # 莫干山高新区副主任: a zone's officers serve its management committee
        return office, Mention(span, place + "管委会", "GovernmentBody", implied=True)
    if where.type == "IndustrialPark":
        return None, None  # 科技园执行董事: the park's company, which the text does not name
    return office, None

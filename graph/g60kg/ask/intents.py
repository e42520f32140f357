"""What a question asks: its kind (where, what is in, who holds, when, how much …) and its slots.

Rules over the question's wording, in simplified Chinese (traditional is converted first) and in
English for the common forms. The entities come from `spot`; this module only reads the words
around them. The first rule that fits wins; rules are ordered from the most specific.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import to_simplified
from .spot import Mention

__all__ = ["EXAMPLES", "Intent", "content_words", "read_intent"]

# Class asked for in "what is in X" questions: keyword → ontology class local name.
CLASS_WORDS: list[tuple[str, str]] = [
    (r"高校|大学|学院|universit", "University"),
    (r"实验室|\blabs?\b|laborator", "Laboratory"),
    (r"研究院|研究所|科研机构|院所|institute", "ResearchInstitute"),
    (r"联盟|alliance", "IndustryAlliance"),
    (r"算力中心|智算中心|计算中心|数据中心|computing|data cent(er|re)", "ComputingCentre"),
    (r"试验区|先导区|pilot zone", "PilotZone"),
    (r"科学城|科技城|science cit", "ScienceCity"),
    (r"小镇|feature town", "FeatureTown"),
    (r"开发区|高新区|经开区|industrial parks?|development zones?", "IndustrialPark"),
    (r"基地|园区|产业园|载体|\bbases?\b|\bparks?\b|\bsites?\b", "Site"),
    (r"企业|公司|compan|firm|enterprise", "Company"),
    (r"机构|单位|组织|organi[sz]ation|bod(y|ies)", "Organization"),
    (r"活动|会议|大会|峰会|论坛|事件|event|conference|summit", "Event"),
    (r"规划|政策|方案|文件|plan|polic", "Programme"),
    (r"省份|哪些省|provinces?", "ProvinceLevelUnit"),
    (r"(?<![片园])(区|县)(?![长域])|district|count(y|ies)", "District"),
    (r"镇|town", "Town"),
    (r"人物|领导|官员|谁|people|official|leader", "Person"),
]

# The industry a figure question is about (苏州机器人产业规模): a pattern for the figure's Chinese
# label and one for its English label.
TOPICS: list[tuple[str, str]] = [
    (p, p)
    for p in (
        r"机器人|robot", r"人工智能|\bai\b|artificial intelligence", r"汽车|vehicle|automotive",
        r"集成电路|integrated circuit", r"生物医药|biomedic|biopharm", r"半导体|semiconductor",
        r"数字经济|digital economy", r"地理信息|geographic information|geospatial",
        r"车联网|internet of vehicles", r"智能网联|connected vehicle", r"具身智能|embodied",
    )
]  # fmt: skip

# "Who built / operates / chairs / issued X" → the property asked for.
ROLE_WORDS: list[tuple[str, str]] = [
    (
        r"理事长单位|主席单位|牵头单位|组长单位|理事长|牵头|主持|chair|\bled by\b|\bleads?\b",
        "chairedBy",
    ),
    (r"运营|运维|管理|主管|operat|run by|runs|manag", "operatedBy"),
    (
        r"建设方|承建|建设单位|依托单位|谁建|(?<!新)建的|修建|兴建|建设|建造|开发商|开发(?!区)|"
        r"built|builder|\bconstruct(ed|or)\b|\bdevelop(er|ed)\b",
        "builtBy",
    ),
    (r"印发|发布|出台|制定|颁布|签署|签订|issued|published|signed by", "issuedBy"),
    (r"主办|承办|谁举办|举办方|举办单位|组织者|组织方|组织单位|organi[sz]|\bhost", "organizer"),
    (r"批准|批复|谁批|批的|认定|授牌|designat|approv", "designatedBy"),
    (r"上级|母公司|旗下|隶属|parent|owned by|belongs to", "parentOrganization"),
    (r"首倡|发起|提出|proposed|initiat", "proposedBy"),
    (
        r"投资方|投资人|投资者|出资方|谁投资|投资了(?!多少)|\binvestors?\b|\bwho invested\b",
        "investor",
    ),
    (r"设立|授予|授牌|approved|set up by", "designatedBy"),
]

POST_WORDS = (
    r"党委书记|区委书记|市委书记|书记|市长|区长|镇长|县长|副市长|副区长|主任|理事长|秘书长|"
    r"董事长|院长|校长|局长|厅长|部长|总裁|mayor|secretary|director|chair(?:man)?|president"
)

LEVEL_WORDS = [
    (r"哪个省|哪一个省|哪个直辖市|which province", "ProvinceLevelUnit"),
    (r"哪个(地级)?市|哪座城市|哪个城市|which city", "City"),
    (r"哪个区|哪个县|哪一个区|which (district|county)", "District"),
    (r"哪个镇|哪个街道|which town", "Town"),
]

PERSON_POSTS = (
    r"(担任|任|是).{0,4}(什么|何|哪些|哪个).{0,2}(职务|职位|职|官)|现任|职务|职位|头衔|任职|"
    r"在哪.{0,2}(工作|任职)|工作单位|"
    r"what (post|position|role|job|title)|"
    r"(post|position|title|role|job)s? (does|did|do|has|have|had)\b|"
    r"holds?\b|是做什么的|做什么工作|干什么的|\bwhat (does|did)\b.*\bdo\W*$|"
    r"'s (post|position|role|job|title)s?\b|\bworks? (for|at)\b"
)
# The people who hold posts in a place or a body, whatever the post (芜湖市的领导有哪些).
LEADERS = (
    r"领导|官员|负责人|干部|班子|(有|是)哪些人(?![工才口民])|哪些人(担任|任职)|"
    r"\bleaders?(hip)?\b|\bofficials?\b|\bwho (runs?|leads?|governs?)\b"
)
WHEN = (
    r"什么时候|啥时候?|几时|何时|何年|何日|哪一?年|哪一?天|几月|时间|日期|多久|"
    r"\bwhen\b|how long ago|how old|"
    r"(what|which) (year|date|month|day)"
)
# What happened to it, when a "when" question names it: the dates of that kind come first.
WHEN_KINDS: list[tuple[str, str]] = [
    (r"揭牌|挂牌|unveil", "unveiled"),
    (r"发布|印发|出台|颁布|releas|issued|published", "released"),
    (r"开工|动工|奠基|construction|broke ground", "under-construction"),
    (r"开园|启用|投用|投运|运营|开业|opened|went into operation", "opened"),
    (r"成立|创立|组建|设立|founded|established|set up", "founded"),
    (r"举办|举行|召开|held|took place", "held"),
    (r"获批|批准|批复|approv", "approved"),
    (r"签约|签署|signed", "signed"),
    (r"建成|竣工|完工|completed", "completed"),
]
WHERE_AT = r"在哪|在什么地方|何地|\bwhere\b"
# "哪些企业位于X", "Which labs are in X": the things asked for come before the place or body.
ASKED_FIRST = (
    r"哪些|哪几|^\W*(which|what)\s+(?:[a-z]+\s+){0,2}[a-z]+s\b"
    r"(?<!\bis)(?<!\bwas)(?<!\bdoes)(?<!\bhas)|"
    r"^\W*(what|who)\s+(is|are)\s+(located|based|situated)\s+in\s*(the\s+)?$|"
    r"^\W*(tell me|give me|show me|name)\b"
)
# "位于X的企业有哪些": the place comes after 位于, what is asked for after it.
PLACED_IN = r"(位于|坐落于|落户|落户在|地处|在)\s*$"
# Events in a year or month, about a place or a body: 2018年有哪些与G60科创走廊有关的活动.
EVENTS = r"活动|会议|事件|发生了?什么|大事|\bevents?\b|happen"
# "X是哪个联盟的成员", "X加入了哪些联盟", "Which alliances is X a member of": the bodies X
# belongs to.
MEMBER_OF = (
    r"哪[个些家][^成]{1,8}的成员|加入了?(哪|什么)|参加了?哪|\ba member of\b|\bbelongs? to which\b|"
    r"\bjoined which\b"
)
# "杭州有几个区县", "How many members does X have": a count of members or parts.
COUNT_OF = (
    r"(?<!哪)(几|多少)\s*(个|家|座|所)?\s*(成员|区县|区|县|镇|街道|城市|城|组成部分|部分|片区|小镇|科技城|高校)|"
    r"how many (members|districts|counties|cities|towns|parts|components|universities)"
)
# "X是什么" about a slogan or a plan: what it is made of.
WHAT_IS = r"是什么|是啥|^\W*what(?: is|'s| are)\b"
# "Who is X": the posts a person holds.
WHO_IS = r"是谁|是何人|是什么人|\bwho (is|was)\b|who's"
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")  # fmt: skip
HOW_MUCH = (
    r"多少|几家|几个|金额|规模|面积|总量|数量|人口|产值|营收|增速|比重|占比|gdp|"
    r"投资额|总投资|成交额|销售额|营业额|总额|收入|增加值|生产总值|经济总量|强度|\bintensity\b|"
    r"how (much|many|large|big)|\bcomputing (power|capacity)\b|"
    r"what (is|was|are) the ([a-z]+ ){0,2}"
    r"(area|gdp|population|size|revenue|scale|output|investment|capacity|value)|"
    r"\b(output|revenue|turnover|population|gdp)\b"
)
MEMBERS = (
    r"包括|包含|由哪些|组成|成员|哪几|下辖|辖|涉及|构成|分别是|指的?是?(什么|哪些)|名单|清单|"
    r"^\W*name the\b|参加|参与|出席|participants?|took part|attended|"
    r"components?|members?|consist|include|made up|comprise"
)
# "Which N are …" (哪几家, 哪六个): a list, however the count word reads.
WHICH_N = r"哪几(?![年天月日次])|哪[二三四五六七八九十两百\d]+[个家所项大座部城方]"
# English "which districts does X have", "who are X": the parts of X, not where X is.
HAS_PARTS = (
    r"^\W*(which|what)\b(?!.*\bhow\b).*\b(does|do)\b.+\b(have|has|include|contain|comprise)\b|"
    r"^\W*who are\b"
)

EXAMPLES = [
    "洞泾镇位于哪个区？ / Where is Dongjing Town?",
    "合肥有哪些人工智能产业基地？ / Which sites are in Hefei?",
    "长三角G60科创走廊包括哪些城市？ / What are the members of the G60 corridor?",
    "“三区两翼”包括哪些部分？",
    "松江区区长是谁？ / 李谦担任什么职务？",
    "G60科创走廊联席会议办公室什么时候成立？ / When was … founded?",
    "洞泾的投资金额是多少？ / How much was invested in Dongjing?",
    "总体发展规划3.0版由谁印发？ / Who operates …?",
    "洞泾镇和上海市有什么关系？",
    "2020年有哪些活动？ / What happened in 2020?",
]


@dataclass(frozen=True)
class Intent:
    """A question's kind and what it names."""

    kind: str
    mentions: tuple[Mention, ...] = ()
    cls: str | None = None
    relation: str | None = None
    post: str | None = None
    level: str | None = None
    year: str | None = None
    words: tuple[str, ...] = field(default=())
    count: bool = False
    topic: str | None = None


# Counted in units: 家, 个, 户 and the like fit any count, whatever it counts.
COUNTS = (
    "company", "unit", "business", "platform", "person", "project", "rack", "building",
    "server", "city", "enterprise-count", "ai-enterprise-count", "high-tech-enterprise-count",
)  # fmt: skip
# An amount invested: an investment's own amount, an investment total, or a deal's value.
INVESTMENT = ("investment-total", "amount", "deal-value")
AREAS = ("land-area", "planned-area", "built-area", "KiloM2", "mu", "square-metre",
         "square-kilometre")  # fmt: skip

SHARES = ("gdp-share", "population-share", "high-tech-enterprise-share", "star-market-share",
          "PERCENT")  # fmt: skip
# Kinds of figure that count things, and kinds that measure them (money, output, area …): in
# 项目总投资 or 企业营收 the counted word names what is measured, not a count.
COUNTED = frozenset((*COUNTS, "project-count", "project", "business", "businesses-attracted",
                     "ai-enterprise-count", "platform-count"))  # fmt: skip
MEASURED = frozenset((*INVESTMENT, *AREAS, "revenue", "output-value", "industry-scale", "gdp",
                      "computing-capacity", "fund-size", "growth", *SHARES))  # fmt: skip
HOW_MANY = r"(多少|几)\s*(家|个|户|项|所|座|名)|数量|数目|how many|number of"

# Words of "how much" questions (regular expressions, longest compounds first: a compound such
# as 算力规模 hides the shorter 规模 inside it), each with the kinds of figure it asks for:
# indicator codes, units or currencies (matched against the figure's own indicator and unit).
FIGURE_HINTS: dict[str, tuple[str, ...]] = {
    "(算力|智算)规模": ("computing-capacity", "pflops", "eflops"),
    r"(研发|r&d)(投入)?强度|r&d intensity": ("rd-intensity",),
    "投资规模|投资总额|总投资": INVESTMENT,
    "建筑面积": ("built-area", "square-metre"),
    "占地": ("land-area", "planned-area", "mu", "square-metre", "square-kilometre", "KiloM2"),
    "(?<![国专大])家": COUNTS,
    "亩": ("mu",),
    "平方公里|平方千米|square kilomet": ("square-kilometre", "KiloM2"),
    "平方米|square met": ("square-metre",),
    "平台|园区|产业园|platforms?": ("platform-count", "platform"),
    "工作人员|人员|staff": ("talent-count", "person"),
    "服务器规模": ("server-count", "server"),
    "机柜|机架|racks?": ("computing-capacity", "rack"),
    "服务器|servers?": ("server-count", "server"),
    "成交|deals?": ("deal-value",),
    "基金|(?<!投)资金|funds?": ("fund-size",),
    "高新技术企业|high-tech": ("high-tech-enterprise-count", "high-tech-enterprise-share"),
    "金额": ("CNY",),
    "多少钱": ("CNY",),
    "money": ("CNY",),
    "投资": INVESTMENT,
    "invest": INVESTMENT,
    "企业": ("company", "enterprise-count", "ai-enterprise-count", "high-tech-enterprise-count"),
    "公司": ("company", "enterprise-count", "ai-enterprise-count"),
    "compan|enterprises?|firms?": ("company", "enterprise-count", "ai-enterprise-count"),
    "户": (*COUNTS, "businesses-attracted"),
    r"面积|\barea\b|how (large|big)": AREAS,
    r"比重|占比|\bshare\b": SHARES,
    "人口": ("resident-population", "population-share"),
    "population": ("resident-population", "population-share"),
    "gdp": ("gdp", "gdp-share"),
    "生产总值|经济总量": ("gdp",),
    "增加值": ("output-value", "industry-scale"),
    r"产值|\boutput\b|\bproduc": ("output-value", "industry-scale"),
    r"规模|\bscale\b": ("industry-scale", "output-value", "fund-size"),
    "营收|revenue|turnover": ("revenue",),
    "收入": ("revenue", "fiscal-revenue", "local-fiscal-revenue"),
    "财政": ("fiscal-revenue", "local-fiscal-revenue"),
    "成员": ("member-count",),
    "member": ("member-count",),
    r"项目|\bprojects?\b": ("project-count", "project"),
    "算力|智算|computing|compute": ("computing-capacity", "pflops", "eflops"),
    "人才": ("talent-count",),
    "专利": ("patent-count",),
    r"目标|\btargets?\b|\bgoals?\b": ("target",),
    "增速": ("growth",),
    "增长": ("growth",),
    "亿": ("CNY",),
    "万元": ("CNY",),
    "yuan": ("CNY",),
}


def _figure_text(text: str) -> str:
    """Words that look like figure words but name something else, read for what they name.

    >>> _figure_text("规模以上企业营收规模")
    '规上企业营收 '
    """
    text = re.sub(r"规模以上|规模(?=企业)", "规上", text)  # firms above a size, not a scale
    text = re.sub(r"(?<=营收|产值|收入)规模", " ", text)  # 营收规模: the revenue, not a scale
    text = re.sub(r"算力(?=产业)|\bcomputing(?= industry)", " ", text)  # an industry
    if re.search(r"\bindustry\b", text):  # how big is an industry: its scale, not an area
        text = re.sub(r"how (big|large)", "scale", text)
    return text


def content_words(text: str) -> tuple[str, ...]:
    """The kinds of figure a "how much" question names, one `a|b|c` group per word it uses; a
    figure must fit every group (empty: any figure).

    >>> content_words("算力规模是多少")
    ('computing-capacity|pflops|eflops',)
    >>> len(content_words("有多少个国家级创新平台"))
    1
    >>> content_words("项目总投资多少")
    ('investment-total|amount|deal-value',)
    """
    text = _figure_text(text)
    asks_count = bool(re.search(HOW_MANY, text))
    groups: list[tuple[str, ...]] = []
    for pattern, kinds in FIGURE_HINTS.items():
        text, found = re.subn(pattern, " ", text)
        if found:
            groups.append(kinds)
    if not asks_count and any(MEASURED & set(g) for g in groups):
        groups = [g for g in groups if not set(g) <= COUNTED]
    return tuple(dict.fromkeys("|".join(g) for g in groups))


def _first(rules: list[tuple[str, str]], text: str) -> str | None:
    return next((value for pattern, value in rules if re.search(pattern, text)), None)


def _period(text: str) -> str | None:
    """The month or day a question names, in ISO 8601.

    >>> _period("2019年6月有哪些活动"), _period("2020年11月18日"), _period("in june 2019")
    ('2019-06', '2020-11-18', '2019-06')
    """
    if m := re.search(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?", text):
        day = f"-{int(m.group(3)):02d}" if m.group(3) else ""
        return f"{m.group(1)}-{int(m.group(2)):02d}{day}"
    if m := re.search(r"((?:19|20)\d\d)-(\d\d)(?:-(\d\d))?", text):
        return m.group(0)
    months = "|".join(MONTHS)
    if m := re.search(rf"\b({months})\s+((?:19|20)\d\d)\b", text):
        return f"{m.group(2)}-{MONTHS.index(m.group(1)) + 1:02d}"
    return None


def _member_class(text: str) -> str | None:
    """The class of members asked for; 谁 (成员都有谁) and 单位 (成员单位) ask for members of any
    kind, not people or organisations."""
    return _first(CLASS_WORDS, re.sub(r"谁|\bwho\b|单位", " ", text))


def _happened(text: str) -> tuple[str, ...]:
    """ "What happened" asks for more than events: what was founded, approved, signed, opened."""
    return ("happened",) if re.search(r"发生|大事|happen", text) else ()


def _without_mentions(text: str, mentions: list[Mention]) -> str:
    for m in sorted(mentions, key=lambda m: -m.start):
        text = text[: m.start] + " " + text[m.end :]
    return text


def read_intent(question: str, mentions: list[Mention]) -> Intent | None:
    """The intent of `question`, or None when no rule fits.

    >>> read_intent("2020年有哪些活动？", []).kind
    'on-date'
    >>> read_intent("what happened in 2020?", []).year
    '2020'
    """
    text = to_simplified(_without_mentions(question, mentions)).lower()
    found = tuple(mentions)
    year = m.group(1) if (m := re.search(r"((?:19|20)\d\d)\s*年?", text)) else None
    period = _period(text) or year
    if len(found) >= 2 and re.search(r"关系|关联|联系|related|relation|connect", text):
        return Intent("path", found)
    if len(found) == 1 and re.search(LEADERS, text):
        return Intent("post-holder", found, post="")  # 芜湖市的领导有哪些: every post held there
    if re.search(PERSON_POSTS, text):
        return Intent("person-posts", found)
    if found and re.search(r"(理事长|主席|牵头|主办|承办|建设|运营)单位", text):
        return Intent("who-role", found, relation=_first(ROLE_WORDS, text))
    full = to_simplified(question).lower()
    if (post := re.search(POST_WORDS, full)) and re.search(r"谁|哪一?位|什么人|\bwho\b", text):
        return Intent("post-holder", found, post=post.group(0))
    if len(found) == 1 and re.search(POST_WORDS, text) and re.search(r"哪|什么|which|what", text):
        return Intent("person-posts", found)  # 刘庆峰是哪家公司的董事长
    if (
        year
        and found
        and re.search(EVENTS, text)
        and not re.search(r"多少|几|how (many|much)", text)
    ):
        return Intent("on-date", found, year=period)  # 2020年洞泾镇有哪些活动
    after = to_simplified(question[found[0].end :]).lower() if found else ""
    if len(found) == 1 and re.search(MEMBER_OF, after):
        return Intent("member-of", found)
    if found and re.search(WHEN, text) and not re.search(r"谁|\bwho", text):
        return Intent("when", found, words=tuple(k for p, k in WHEN_KINDS if re.search(p, text)))
    relation = _first(ROLE_WORDS, text)
    if (
        relation
        and found
        and re.search(
            r"谁|哪|什么|which|who|whom|what|(方|单位|机构|主体|商|企业|公司|者)\W*$", text
        )
        and not re.search(WHERE_AT, text)  # 在哪里举办 asks where, not who
    ):
        return Intent("who-role", found, relation=relation)
    if found and re.search(COUNT_OF, text):
        return Intent("members", found, cls=_member_class(text), count=True)
    if found and (re.search(WHICH_N, text) or re.search(HAS_PARTS, text)):
        return Intent("members", found, cls=_member_class(text))
    if found and re.search(WHEN, text):
        return Intent("when", found, words=tuple(k for p, k in WHEN_KINDS if re.search(p, text)))
    if found and re.search(HOW_MUCH, text):
        return Intent(
            "how-much", found, words=content_words(text), year=year, topic=_first(TOPICS, text)
        )
    if found and re.search(MEMBERS, text):
        return Intent("members", found, cls=_member_class(text))
    if len(found) == 1 and re.search(WHO_IS, text):
        return Intent("person-posts", found)
    before = to_simplified(question[: found[0].start]).lower() if found else ""
    after_last = to_simplified(question[found[-1].end :]).lower() if found else ""
    if (
        found
        and re.search(PLACED_IN, before)
        and (re.search(r"哪|什么", text) or re.fullmatch(r"\W*的?\w{0,6}?\W*", after_last))
    ):  # 位于吴中区的企业有哪些, 坐落在云栖小镇的高校
        return Intent("in-place", found, cls=_first(CLASS_WORDS, text) or "Organization")
    if found and re.search(ASKED_FIRST, before):
        return Intent("in-place", found, cls=_first(CLASS_WORDS, before) or "Organization")
    if found and (level := _first(LEVEL_WORDS, text)):
        return Intent("where", found, level=level)
    if found and re.search(r"在哪|位于|在什么地方|属于|坐落|\bwhere\b|located|which", text):
        return Intent("where", found)
    if re.search(
        r"有哪些|有什么|有几|哪些|都有|列出|列举|which|what|list|show|(are|is) there", text
    ):
        if found:
            return Intent("in-place", found, cls=_first(CLASS_WORDS, text) or "Organization")
        if year and not re.search(HOW_MUCH, text):
            return Intent("on-date", year=period, words=_happened(text))
    if year and re.search(r"发生|活动|事件|happen|event", text):
        return Intent("on-date", year=period, words=_happened(text))
    if found and re.search(WHAT_IS, text) and not _asks_other_attribute(after_last):
        return Intent("members", found[-1:])  # 松江六大产业集群是什么: the last name is asked about
    return None


# "X的内容是什么" asks what X is made of; "X的校训是什么" asks for what the graph does not model.
PARTS_WORDS = r"内容|组成|构成|成员|部分|含义|意思|具体|要素|内涵|包括"


def _asks_other_attribute(after_name: str) -> bool:
    """Whether the words after the name ask for an attribute other than its parts.

    >>> _asks_other_attribute("的校训是什么"), _asks_other_attribute("的具体内容是什么")
    (True, False)
    >>> _asks_other_attribute("是什么")
    False
    """
    asked = re.match(r"\W*的(\w+?)(?:是|指|为)", after_name)
    return asked is not None and not re.search(PARTS_WORDS, asked.group(1))

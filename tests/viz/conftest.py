"""A small graph shaped like `kg.nx`, built from real sentences of the seed source.

Each evidence span is located in `data/sources/dongjing-ai-town.txt`, so offsets are real. One
company carries a hostile label to prove that the views show data as text and never run it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest

ID = "https://w3id.org/g60kg/id/"
G60 = "https://w3id.org/g60kg/ontology#"
SOURCE = "dongjing-ai-town"
SOURCE_TITLE = "40余家企业“双百亿”投资花落洞泾 人工智能小镇……"
TEXT = (Path(__file__).parents[2] / "data" / "sources" / f"{SOURCE}.txt").read_text(
    encoding="utf-8"
)
HOSTILE = "<img src=x onerror=alert(1)>"

ENTITIES: list[tuple[str, str, str, list[str], dict[str, str]]] = [
    ("adm-310000", "上海市", "Shanghai", ["Municipality", "ProvinceLevelUnit"], {}),
    ("adm-310117", "松江区", "Songjiang District", ["District", "AdministrativeUnit"], {}),
    ("adm-310117106", "洞泾镇", "Dongjing Town", ["Town", "AdministrativeUnit"], {}),
    (
        "E0001",
        "长三角G60科创走廊",
        "G60 Science and Technology Innovation Corridor",
        ["Corridor", "Region"],
        {},
    ),
    (
        "E0002",
        "2020长三角G60科创走廊洞泾人工智能产业基地(核心区)投资推介大会",
        "2020 Dongjing AI Industrial Base Investment Promotion Conference",
        ["Conference", "Event"],
        {"date": "2020-11-18"},
    ),
    (
        "E0003",
        "首届长三角G60人工智能产业洞泾峰会",
        "First G60 AI Industry Dongjing Summit",
        ["Summit", "Event"],
        {"edition": "1"},
    ),
    (
        "E0004",
        "安徽省投资集团控股有限公司",
        "Anhui Investment Group Holding Co., Ltd.",
        ["Company", "Organization"],
        {},
    ),
    (
        "E0005",
        "北京联东投资(集团)有限公司",
        "Beijing Liandong Investment (Group) Co., Ltd.",
        ["Company", "Organization"],
        {},
    ),
    (
        "E0006",
        "中铁上海投资有限公司",
        "China Railway Shanghai Investment Co., Ltd.",
        ["Company", "Organization"],
        {},
    ),
    ("E0007", "优图创新基地", "Youtu Innovation Base", ["InnovationBase", "Site"], {}),
    ("E0008", "李谦", "Li Qian", ["Person"], {}),
    (
        "E0009",
        "实质落地投资",
        "Landed investment",
        ["Investment", "Fact"],
        {"amount": "超百亿 (> 10,000,000,000 CNY)", "companyCount": "20余家"},
    ),
    ("E0666", HOSTILE, "<script>alert(2)</script> Ltd.", ["Company", "Organization"], {}),
]

RELATIONS = {
    "directlyWithin": ("直接隶属于", "directly within"),
    "spansUnit": ("覆盖", "spans unit"),
    "heldIn": ("举办地", "held in"),
    "subEventOf": ("从属活动", "sub-event of"),
    "speaker": ("讲话人", "speaker"),
    "investor": ("投资方", "investor"),
    "destination": ("投资目的地", "destination"),
    "locatedIn": ("位于", "located in"),
    "announcedAt": ("发布于", "announced at"),
    "participant": ("参与者", "participant"),
}

LINKS: list[tuple[str, str, str, str | None]] = [
    ("adm-310117106", "directlyWithin", "adm-310117", "松江区洞泾镇"),
    ("adm-310117", "directlyWithin", "adm-310000", None),
    ("E0001", "spansUnit", "adm-310117", None),
    ("E0002", "heldIn", "adm-310117", "在松江举行"),
    ("E0002", "heldIn", "adm-310117106", "在松江区洞泾镇集体亮相"),
    ("E0003", "subEventOf", "E0002", "更是首届长三角G60人工智能产业洞泾峰会"),
    ("E0003", "heldIn", "adm-310117106", "首届长三角G60人工智能产业洞泾峰会"),
    ("E0002", "speaker", "E0008", "区长李谦出席大会并发表讲话"),
    ("E0009", "investor", "E0004", "安徽省投资集团控股有限公司"),
    ("E0009", "investor", "E0005", "北京联东投资(集团)有限公司"),
    ("E0009", "investor", "E0006", "中铁上海投资有限公司"),
    ("E0009", "destination", "adm-310117106", "20余家企业实质落地,投资金额超百亿"),
    ("E0009", "announcedAt", "E0002", None),
    ("E0007", "locatedIn", "adm-310117106", "优图创新基地也在今天同步揭牌成立"),
    ("E0666", "participant", "E0002", "<img"),
]


def _span(quote: str) -> dict[str, Any]:
    start = TEXT.find(quote)
    if start < 0:  # the hostile quote is not in the text: keep it, with no offsets
        return {
            "quote": quote,
            "source": SOURCE,
            "source_title": HOSTILE,
            "start": None,
            "end": None,
        }
    assert TEXT[start : start + len(quote)] == quote
    return {
        "quote": quote,
        "source": SOURCE,
        "source_title": SOURCE_TITLE,
        "start": start,
        "end": start + len(quote),
    }


def build_graph() -> nx.MultiDiGraph:
    """Return a fresh fixture graph in the shape of `kg.nx`."""
    G = nx.MultiDiGraph()
    for iri, zh, en, types, attrs in ENTITIES:
        G.add_node(ID + iri, label_zh=zh, label_en=en, types=types, type=types[0], attrs=attrs)
    for s, p, o, quote in LINKS:
        zh, en = RELATIONS[p]
        evidence = [_span(quote + HOSTILE if s == "E0666" else quote)] if quote else []
        G.add_edge(
            ID + s, ID + o, key=p, predicate=G60 + p, label_zh=zh, label_en=en, evidence=evidence
        )
    return G


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return build_graph()

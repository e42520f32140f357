from pathlib import Path

from g60kg.extract.linking import GazetteerRecord, gazetteer_from_entity_files, link_mentions
from g60kg.extract.mention import Mention
from g60kg.extract.spans import Span

ENTITIES = """\
entities:
  - id: dongjing
    iri: adm-310117106
    type: Town
    zh: 洞泾镇
    en: Dongjing Town
    aliases:
      - {zh: 洞泾}
  - id: youtu-base
    iri: E0007
    type: InnovationBase
    zh: 優圖創新基地
    en: Youtu Innovation Base
"""


def test_gazetteer_is_read_from_entity_files(tmp_path: Path) -> None:
    path = tmp_path / "places.yaml"
    path.write_text(ENTITIES, encoding="utf-8")
    records = gazetteer_from_entity_files([path])
    dongjing = GazetteerRecord(
        "dongjing", "adm-310117106", "Town", ("洞泾镇", "洞泾"), "Dongjing Town"
    )
    assert records[0] == dongjing
    assert records[1].names == ("优图创新基地",)


def test_exact_alias_links_and_new_entities_get_the_next_serial(tmp_path: Path) -> None:
    path = tmp_path / "places.yaml"
    path.write_text(ENTITIES, encoding="utf-8")
    mentions = [
        Mention(Span(0, 2), "洞泾", "Town"),
        Mention(Span(3, 9), "优图创新基地", "InnovationBase"),
        Mention(Span(10, 16), "科大智能", "Company"),
    ]
    linked = link_mentions(mentions, gazetteer_from_entity_files([path]))
    assert [(e.status, e.iri) for e in linked] == [
        ("linked", "adm-310117106"),
        ("linked", "E0007"),
        ("new", "E0008"),
    ]


def test_two_matching_records_are_ambiguous_never_a_silent_pick() -> None:
    gazetteer = [
        GazetteerRecord("a", "E0001", "Company", ("科大智能",)),
        GazetteerRecord("b", "E0002", "Company", ("科大智能科技股份有限公司", "科大智能")),
    ]
    (entity,) = link_mentions([Mention(Span(0, 4), "科大智能", "Company")], gazetteer)
    assert entity.status == "ambiguous"
    assert [c[0] for c in entity.candidates] == ["a", "b"]
    assert entity.iri == "E0003"


def test_near_spelling_is_flagged_as_a_possible_duplicate() -> None:
    gazetteer = [GazetteerRecord("base", "E0001", "IndustrialBase", ("洞泾人工智能产业基地",))]
    mention = Mention(Span(0, 9), "洞泾人工智能产业园基地", "IndustrialBase")
    (entity,) = link_mentions([mention], gazetteer)
    assert entity.status == "ambiguous"
    assert 0.85 <= entity.candidates[0][2] < 1


def test_people_are_never_linked_by_name_alone() -> None:
    gazetteer = [GazetteerRecord("li-qian", "E0001", "Person", ("李谦",))]
    (entity,) = link_mentions([Mention(Span(0, 2), "李谦", "Person")], gazetteer)
    assert entity.status == "ambiguous"


def test_stems_and_short_names_merge_within_an_article() -> None:
    mentions = [
        Mention(Span(0, 3), "松江区", "District"),
        Mention(Span(5, 7), "松江", "District"),
        Mention(Span(10, 20), "长三角G60科创走廊", "Corridor"),
        Mention(Span(30, 37), "G60科创走廊", "Corridor"),
        Mention(Span(40, 42), "走廊", "Corridor", proper=False),
    ]
    entities = link_mentions(mentions)
    assert [(e.zh, len(e.mentions)) for e in entities] == [("松江区", 2), ("长三角G60科创走廊", 3)]


def test_appositives_name_one_thing() -> None:
    first = Mention(Span(0, 4), "沪昆高速", "Road")
    second = Mention(Span(6, 13), "G60高速公路", "Road")
    (entity,) = link_mentions([first, second], same=[(first, second)])
    assert entity.zh == "G60高速公路"
    assert entity.aliases == ["沪昆高速"]


def test_two_article_entities_linked_to_one_graph_entity_become_one() -> None:
    gazetteer = [
        GazetteerRecord("cards", "E0063", "Slogan", ("三张名片", "科创高地 城市客厅 和美家园"))
    ]
    mentions = [
        Mention(Span(0, 4), "三张名片", "Slogan"),
        Mention(Span(9, 21), "科创高地 城市客厅 和美家园", "Slogan"),
    ]
    (entity,) = link_mentions(mentions, gazetteer)
    assert (entity.handle, len(entity.mentions)) == ("cards", 2)


def test_a_bodys_party_committee_is_not_offered_as_the_body() -> None:
    gazetteer = [GazetteerRecord("jintou", "E0001", "Company", ("金华市金投集团有限公司",))]
    mention = Mention(Span(0, 13), "金华市金投集团有限公司党委", "PartyCommittee")
    (entity,) = link_mentions([mention], gazetteer)
    assert entity.status == "new" and entity.candidates == []

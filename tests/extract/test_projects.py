from g60kg.extract import extract
from g60kg.extract.mentions import find_mentions
from g60kg.extract.projects import listed_projects, project_sites

LIST = (
    "本次签约项目清单如下：\n"
    "（一）重大创新平台项目（2个）\n"
    "1. 医疗器械CRO总部项目\n"
    "2. 西门子长三角人工智能共创实验室项目。投资方为西门子。\n"
    "（二）重大产业化项目（1个）\n"
    "3、通桥医疗苏州研发中心项目\n"
    "以上项目均与苏州科技城签约。\n"
)


def test_each_numbered_project_is_a_site_named_as_listed() -> None:
    names = [m.name for m in find_mentions(LIST).mentions if m.name.endswith("项目")]
    assert names == ["医疗器械CRO总部项目", "通桥医疗苏州研发中心项目"]


def test_words_inside_a_project_name_are_not_names_of_their_own() -> None:
    names = {m.name for m in find_mentions(LIST).mentions}
    assert "苏州" not in names and "苏州研发中心" not in names
    assert "西门子长三角人工智能共创实验室" in names  # the lab is the project, by its own suffix


def test_a_heading_or_a_generic_item_is_no_project() -> None:
    assert listed_projects("（一）重大创新平台项目（2个）\n1. 重点项目\n", []) == []


def test_the_sentence_after_the_list_places_every_project() -> None:
    claims = project_sites(LIST, find_mentions(LIST).mentions)
    assert [(c.predicate, c.subject.name, c.obj.name) for c in claims] == [
        ("locatedIn", "医疗器械CRO总部项目", "苏州科技城"),
        ("locatedIn", "通桥医疗苏州研发中心项目", "苏州科技城"),
    ]


def test_the_candidates_carry_the_placement_with_its_quote() -> None:
    candidates = extract(LIST.encode(), source_id="list", nlp="")
    names = {e["id"]: e["zh"] for e in candidates.entities}
    placed = [
        (names[s["subject"]], names[s["object"]], s["evidence"]["quote"])
        for s in candidates.statements
        if s["predicate"] == "locatedIn"
    ]
    assert (
        "通桥医疗苏州研发中心项目",
        "苏州科技城",
        "通桥医疗苏州研发中心项目\n以上项目均与苏州科技城",
    ) in placed

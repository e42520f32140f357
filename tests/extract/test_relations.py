from extract_helpers import EVAL
from g60kg.extract.dates import find_dates
from g60kg.extract.furniture import find_furniture
from g60kg.extract.mentions import find_mentions
from g60kg.extract.normalise import to_simplified
from g60kg.extract.relations import find_claims
from g60kg.extract.sentences import split_sentences
from g60kg.extract.spans import Span


def _triples(name: str) -> set[tuple[str, str, str]]:
    text = to_simplified((EVAL / "articles" / name).read_text(encoding="utf-8"))
    furniture, sentences = find_furniture(text), split_sentences(text)
    found = find_mentions(text, sentences=sentences, furniture=furniture)
    dates = find_dates(text, furniture=furniture, sentences=sentences)
    claims = find_claims(text, found.mentions, sentences, dates)
    return {
        (c.subject.name, c.predicate, c.obj.name if c.obj else str(c.value))
        for c in claims
        if c.subject and c.predicate
    }


def test_overview_relations() -> None:
    triples = _triples("corridor-overview.txt")
    assert ("松江区", "directlyWithin", "上海市") in triples
    assert ("长三角G60科创走廊", "route", "沪昆高速") in triples
    assert ("G60科创走廊总体发展规划3.0版", "issuedBy", "合肥市") in triples
    assert ("走廊", "spansUnit", "安徽省") in triples
    assert ("G60科创走廊联席会议办公室", "locatedIn", "松江区") in triples


def test_signing_relations() -> None:
    triples = _triples("dongjing-signing.txt")
    assert ("人工智能企业集中签约仪式", "heldIn", "洞泾镇") in triples
    assert ("人工智能企业集中签约仪式", "date", "2020-11-18") in triples
    assert ("科大智能", "settledIn", "洞泾镇") in triples


def test_every_evidence_span_covers_its_mentions() -> None:
    text = to_simplified((EVAL / "articles" / "dongjing-ai-town.txt").read_text("utf-8"))
    sentences = split_sentences(text)
    found = find_mentions(text, sentences=sentences, furniture=find_furniture(text))
    for claim in find_claims(text, found.mentions, sentences):
        assert claim.subject is not None
        assert claim.evidence.start <= claim.subject.span.start
        assert claim.subject.span.end <= claim.evidence.end


def _claims_of(text: str) -> set[tuple[str, str, str]]:
    sentences = split_sentences(text)
    found = find_mentions(text, sentences=sentences)
    return {
        (c.subject.name, c.predicate, c.obj.name)
        for c in find_claims(text, found.mentions, sentences)
        if c.subject and c.obj
    }


def _pairs_of(text: str, predicate: str) -> set[tuple[str, str]]:
    """The (subject, object) names of ``text``'s claims of ``predicate``."""
    return {(subject, obj) for subject, kind, obj in _claims_of(text) if kind == predicate}


def test_member_cities_and_province_headed_lists() -> None:
    text = "浙江省嘉兴市、杭州市，以及上海市松江区，都是G60科创走廊的成员城市。"
    claims = _claims_of(text)
    assert ("杭州市", "directlyWithin", "浙江省") in claims
    assert ("G60科创走廊", "memberCity", "杭州市") in claims
    assert ("G60科创走廊", "memberCity", "松江区") in claims
    assert ("G60科创走廊", "memberCity", "上海市") not in claims


def test_units_listed_after_you_are_within_the_owner() -> None:
    claims = _claims_of("安徽省有合肥市、芜湖市、宣城市三座城市。")
    assert ("芜湖市", "directlyWithin", "安徽省") in claims


def test_issuers_before_adverbs_and_fillers() -> None:
    claims = _claims_of(
        "合肥市、芜湖市与松江区等地一道，联合发布《G60科创走廊总体发展规划3.0版》。"
    )
    issuers = {o for s, p, o in claims if p == "issuedBy"}
    assert issuers == {"合肥市", "芜湖市", "松江区"}


def test_table_rows_and_lishu() -> None:
    assert ("湖州市", "directlyWithin", "浙江省") in _claims_of("湖州市 | 浙江省")
    assert ("洞泾镇", "directlyWithin", "松江区") in _claims_of("洞泾镇隶属于上海市松江区。")


def test_an_event_takes_the_day_written_nearest_it() -> None:
    text = "本报2019年11月17日讯　第二届金华发展大会16日在金华召开。"
    found = find_mentions(text)
    claims = find_claims(text, found.mentions, [], find_dates(text))
    dated = {(c.subject.name, c.predicate, c.obj.name if c.obj else c.value) for c in claims}
    assert ("第二届金华发展大会", "date", "2019-11-16") in dated
    assert ("第二届金华发展大会", "date", "2019-11-17") not in dated
    assert ("第二届金华发展大会", "heldIn", "金华") in dated


def test_a_district_written_after_its_city_is_found_whatever_its_tag() -> None:
    triples = _triples("fenhu-ai-base-hant.txt")
    assert ("汾湖高新技术开发区", "directlyWithin", "吴江区") in triples


def test_an_organisation_placed_before_its_name_and_a_forum_within_its_conference() -> None:
    text = "第二届量子计算大会在合肥举行。在“量超融合”分论坛上，位于合肥高新区的星海量子有限公司发布平台。"
    found = find_mentions(text)
    sentences = [Span(0, 15), Span(15, len(text))]
    claims = find_claims(text, found.mentions, sentences, find_dates(text))
    triples = {(c.subject.name, c.predicate, c.obj.name) for c in claims if c.obj}
    assert ("星海量子有限公司", "locatedIn", "合肥高新区") in triples
    assert ("“量超融合”分论坛", "subEventOf", "第二届量子计算大会") in triples


def test_a_notice_names_its_document_and_issuer_without_title_marks() -> None:
    text = "金华市婺城区人民政府关于印发婺城区推动人工智能创新发展行动方案的通知。松江区科委印发《松江新城建设方案》。"
    found = find_mentions(text)
    triples = {
        (c.subject.name, c.predicate, c.obj.name)
        for c in find_claims(text, found.mentions, [])
        if c.obj
    }
    assert ("婺城区推动人工智能创新发展行动方案", "issuedBy", "金华市婺城区人民政府") in triples
    assert ("松江新城建设方案", "issuedBy", "松江区科委") in triples


def test_places_an_article_names_apart_are_placed_by_the_divisions() -> None:
    from g60kg.extract import extract

    text = "杭州举行推进会。余杭、萧山被列为发展区。项目落户德清，湖州市表示欢迎。"
    found = extract(text.encode(), source_id="divisions")
    names = {e["id"]: e["zh"] for e in found.entities}
    within = sorted(
        (names[s["subject"]], names[s["object"]])
        for s in found.statements
        if s.get("predicate") == "directlyWithin"
    )
    assert within == [("余杭区", "杭州市"), ("德清县", "湖州市"), ("萧山区", "杭州市")]


def test_ministries_named_alone_issue_a_plan_together() -> None:
    from g60kg.extract import extract

    text = "科技部、国家发展改革委、工业和信息化部等六部门联合印发《长三角G60科创走廊建设方案》。"
    found = extract(text.encode(), source_id="ministries")
    names = {e["id"]: e["zh"] for e in found.entities}
    issuers = [names[s["object"]] for s in found.statements if s.get("predicate") == "issuedBy"]
    assert issuers == ["科技部", "国家发展改革委", "工业和信息化部"]


def test_an_event_held_at_a_site() -> None:
    from g60kg.extract import extract

    text = "2022年9月20日，中国声谷产业发展高峰论坛在合肥高新区举办。"
    found = extract(text.encode(), source_id="venue")
    names = {e["id"]: e["zh"] for e in found.entities}
    held = [
        (names[s["subject"]], names[s["object"]])
        for s in found.statements
        if s.get("predicate") == "heldIn"
    ]
    assert held == [("中国声谷产业发展高峰论坛", "合肥高新区")]


def test_a_ministrys_department_belongs_to_the_ministry() -> None:
    from g60kg.extract.mentions import find_mentions
    from g60kg.extract.relations import find_claims
    from g60kg.extract.spans import Span

    text = "由科技部战略规划司牵头，工业和信息化部科技司副司长赵超凡出席。"
    claims = find_claims(text, find_mentions(text).mentions, [Span(0, len(text))])
    parents = {
        (c.subject.name, c.obj.name)
        for c in claims
        if c.predicate == "parentOrganization" and c.subject and c.obj
    }
    assert parents == {("科技部战略规划司", "科技部"), ("工业和信息化部科技司", "工业和信息化部")}


def test_two_bodies_joined_are_not_a_department() -> None:
    from g60kg.extract.mentions import find_mentions

    names = {m.name for m in find_mentions("科技部与省科技厅联合发布。").mentions}
    assert "科技部" in names and "科技部与省科技厅" not in names


def test_builders_and_operators_in_the_genres_common_wordings() -> None:
    role = "腾讯长三角人工智能超算中心开工建设，上海珑睿信息科技有限公司为项目建设运维方。"
    assert {
        ("腾讯长三角人工智能超算中心", "builtBy", "上海珑睿信息科技有限公司"),
        ("腾讯长三角人工智能超算中心", "operatedBy", "上海珑睿信息科技有限公司"),
    } <= _claims_of(role)
    carrier = "长三角示范区（吴江）算力调度中心，由苏州电信承担建设。"
    assert ("长三角示范区（吴江）算力调度中心", "builtBy", "苏州电信") in _claims_of(carrier)
    institute = "杭州市人工智能研究院成立。这家研究院由杭州市科技局与浙江大学共同建设。"
    assert ("杭州市人工智能研究院", "builtBy", "浙江大学") in _claims_of(institute)
    subject = "2024年成立的杭州市数据集团建成了全国首个液冷万卡算力集群中心。"
    assert ("液冷万卡算力集群中心", "builtBy", "杭州市数据集团") in _claims_of(subject)


def test_a_project_made_jointly_is_built_by_its_makers_not_its_zone() -> None:
    made = (
        "长三角（芜湖）智算中心依托芜湖大数据产业园二期建设，由芜湖市与中国电信安徽公司共同打造。"
    )
    assert ("芜湖大数据产业园", "builtBy", "中国电信安徽公司") in _claims_of(made)
    project = "腾讯长三角人工智能超算中心在松江经济技术开发区开工。这一项目由腾讯科技有限公司打造。"
    built = {c for c in _claims_of(project) if c[1] == "builtBy"}
    assert built == {("腾讯长三角人工智能超算中心", "builtBy", "腾讯科技有限公司")}


def test_a_body_that_is_not_the_clauses_subject_builds_nothing() -> None:
    text = "会上，市长张三介绍了浙江大学的情况，并建设智能计算中心。"
    assert not {c for c in _claims_of(text) if c[1] == "builtBy"}


def test_an_event_held_in_a_place_named_before_it() -> None:
    text = "2020年6月6日，在湖州举行的第二届长三角一体化发展高层论坛上，两市签署协议。"
    assert ("第二届长三角一体化发展高层论坛", "heldIn", "湖州") in _claims_of(text)


def test_a_body_right_before_a_title_or_dated_before_its_verb_issues_it() -> None:
    text = "为落实浙江省人民政府《关于印发支持人工智能创新发展若干措施的通知》的要求。"
    assert (
        "关于印发支持人工智能创新发展若干措施的通知",
        "issuedBy",
        "浙江省人民政府",
    ) in _claims_of(text)
    assert ("行动方案", "issuedBy", "松江区") not in _claims_of("松江区《行动方案》提出。")


def test_a_notice_named_in_full_is_a_document_its_body_issues() -> None:
    text = "湖州市人民政府办公室关于印发湖州市数字经济发展“十四五”规划的通知\n各区县人民政府："
    notice = "湖州市人民政府办公室关于印发湖州市数字经济发展“十四五”规划的通知"
    assert (notice, "issuedBy", "湖州市人民政府办公室") in _claims_of(text)


def _dates_of(text: str) -> set[tuple[str, str, str]]:
    sentences = split_sentences(text)
    found = find_mentions(text, sentences=sentences)
    dates = find_dates(text, sentences=sentences)
    return {
        (c.subject.name, str(c.predicate), c.value)
        for c in find_claims(text, found.mentions, sentences, dates)
        if c.predicate in ("date", "when") and c.subject
    }


def test_a_document_issued_in_a_sentence_takes_the_day_or_month_written_before_its_verb() -> None:
    text = (
        "2025年6月13日，杭州市人民政府印发《杭州市加快建设人工智能创新高地实施方案》。"
        "2024年12月，安徽省发布《安徽省加快推动人工智能行动方案》和《若干措施》。"
    )
    assert _dates_of(text) == {
        ("杭州市加快建设人工智能创新高地实施方案", "date", "2025-06-13"),
        ("安徽省加快推动人工智能行动方案", "when", "2024-12"),
    }


def test_the_body_that_opens_a_notice_issues_the_document_it_prints_too() -> None:
    text = "杭州市余杭区人民政府关于印发《余杭区加快建设人工智能创新高地实施方案》的通知"
    assert ("余杭区加快建设人工智能创新高地实施方案", "issuedBy", "杭州市余杭区人民政府") in (
        _claims_of(text)
    )


def test_an_event_held_after_its_verb_is_held_where_the_clause_says() -> None:
    assert ("“数·智”创新（上海）投资洽谈会", "heldIn", "上海") in _claims_of(
        "今年6月30日，安吉县还在上海举办了“数·智”创新（上海）投资洽谈会。"
    )
    assert ("全球人工智能大会暨国际智能产品博览会", "heldIn", "杭州") in _claims_of(
        "下半年，杭州还将举办全球人工智能大会暨国际智能产品博览会。"
    )


def test_a_place_that_opens_a_sentence_and_gathers_organisations_holds_them() -> None:
    claims = _claims_of("去年，芜湖市组建了奇瑞开阳实验室、启智智能机器人实验室等重大研发平台。")
    assert {
        ("奇瑞开阳实验室", "locatedIn", "芜湖市"),
        ("启智智能机器人实验室", "locatedIn", "芜湖市"),
    } <= claims
    partners = _claims_of("芜湖市与奇瑞开阳实验室签约。")
    assert ("奇瑞开阳实验室", "locatedIn", "芜湖市") not in partners


def test_a_sentence_set_in_a_place_names_organisations_that_are_there() -> None:
    text = "在芜湖，芜湖埃泰克汽车电子股份有限公司深耕汽车电子。在合肥，海康威视与合肥市政府签约。"
    found = find_mentions(text).mentions
    claims = find_claims(text, found, split_sentences(text))
    located = {(c.subject.name, c.obj.name) for c in claims if c.predicate == "locatedIn"}
    assert ("芜湖埃泰克汽车电子股份有限公司", "芜湖") in located
    assert not any(obj == "合肥" for _, obj in located)  # a signing's partners are not there


def test_people_a_sentence_set_at_an_event_names_take_part_in_it() -> None:
    text = "在随后的金华发展论坛上，潘建伟（中国科学院院士）、集团董事长俞敏洪等先后发言。会后，王五（市长）离开。"
    found = find_mentions(text).mentions
    claims = find_claims(text, found, split_sentences(text))
    participants = {(c.subject.name, c.obj.name) for c in claims if c.predicate == "participant"}
    assert participants == {("金华发展论坛", "潘建伟"), ("金华发展论坛", "俞敏洪")}


def test_a_sentence_dated_first_and_then_set_at_an_event_names_its_participants() -> None:
    text = (
        "今年9月20日，在2023世界制造业大会重要单元“新能源汽车产业创新发展大会”上，"
        "省长王清宪与中国工程院副院长钟志华院士共同为实验室揭牌。"
    )
    assert _pairs_of(text, "participant") == {
        ("新能源汽车产业创新发展大会", "王清宪"),
        ("新能源汽车产业创新发展大会", "钟志华"),
    }


def test_a_notice_names_the_plan_it_prints_quotes_and_edition_included() -> None:
    text = "湖州市人民政府办公室关于印发湖州市数字经济发展“十四五”规划的通知"
    found = find_mentions(text).mentions
    issued = {
        (c.subject.name, c.obj.name)
        for c in find_claims(text, found, [])
        if c.predicate == "issuedBy"
    }
    assert ("湖州市数字经济发展“十四五”规划", "湖州市人民政府办公室") in issued


def test_a_quoted_theme_with_a_comma_is_no_part_of_the_events_name_nor_ends_its_clause() -> None:
    text = "2021年1月13日，“相约未来，金华正茂”金华城市发展高峰论坛暨东湄片区产城融合项目签约仪式在浙江金华万达嘉华酒店举行。"
    assert _pairs_of(text, "heldIn") == {
        ("金华城市发展高峰论坛暨东湄片区产城融合项目签约仪式", "浙江金华万达嘉华酒店")
    }


def test_an_event_that_opens_its_curtain_at_a_venue_is_held_there() -> None:
    text = "第四届世界声博会暨2021科大讯飞全球1024开发者节25日在合肥奥体中心拉开帷幕。"
    assert _pairs_of(text, "heldIn") == {
        ("第四届世界声博会暨2021科大讯飞全球1024开发者节", "合肥奥体中心")
    }


def test_a_body_that_also_issues_a_plan_under_its_file_number_issues_it() -> None:
    text = "同日，上海市松江区科学技术委员会还以松科委〔2022〕35号文印发《松江新城数字化转型“十四五”规划》。"
    assert _pairs_of(text, "issuedBy") == {
        ("松江新城数字化转型“十四五”规划", "上海市松江区科学技术委员会")
    }


def test_an_event_named_as_a_unit_of_another_is_part_of_it() -> None:
    text = "在2023世界制造业大会重要单元“新能源汽车产业创新发展大会”上，省长揭牌。"
    assert ("新能源汽车产业创新发展大会", "2023世界制造业大会") in _pairs_of(text, "subEventOf")

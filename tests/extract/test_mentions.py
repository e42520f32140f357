import pytest
from extract_helpers import EVAL
from g60kg.extract.furniture import find_furniture
from g60kg.extract.mentions import find_mentions
from g60kg.extract.normalise import to_simplified
from g60kg.extract.sentences import split_sentences
from g60kg.extract.spans import inside


def _found(name: str):  # type: ignore[no-untyped-def]
    text = to_simplified((EVAL / "articles" / name).read_text(encoding="utf-8"))
    furniture = find_furniture(text)
    found = find_mentions(text, sentences=split_sentences(text), furniture=furniture)
    return text, furniture, found


def test_seed_names_are_typed() -> None:
    _, _, found = _found("dongjing-ai-town.txt")
    typed = {(m.name, m.type) for m in found.mentions}
    assert ("北京联东投资(集团)有限公司", "Company") in typed
    assert ("科大智能", "Company") in typed
    assert ("首届长三角G60人工智能产业洞泾峰会", "Summit") in typed
    assert ("优图创新基地", "InnovationBase") in typed
    assert ("AI场景深度应用实践区", "PlannedZone") in typed
    assert ("三区两翼", "Plan") in typed
    assert ("三区联动", "Slogan") in typed
    assert ("洞泾镇", "Town") in typed
    assert ("李谦", "Person") in typed


def test_site_inside_an_event_name_is_a_nested_mention_without_its_year() -> None:
    _, _, found = _found("dongjing-ai-town.txt")
    nested = {m.name for m in found.mentions if m.nested}
    assert "长三角G60科创走廊洞泾人工智能产业基地" in nested


def test_posts_carry_their_place() -> None:
    text, _, found = _found("dongjing-ai-town.txt")
    posts = {
        (text[p.person.start : p.person.end], p.title, p.place.name if p.place else None)
        for p in found.posts
    }
    assert ("李谦", "区长", "松江区") in posts
    assert ("李子", "镇长", "洞泾镇") in posts


def test_nothing_in_furniture_becomes_a_mention() -> None:
    for name in ("g60-weekly-noisy.txt", "dongjing-ai-town.txt"):
        _, furniture, found = _found(name)
        assert not [m.name for m in found.mentions if inside(m.span, furniture)]


def test_common_phrases_are_not_proper_names() -> None:
    _, _, found = _found("dongjing-ai-town.txt")
    generic = {m.name for m in found.mentions if not m.proper}
    assert "大型研发基地" in generic
    assert "一流平台" in generic


def test_a_function_word_glued_to_an_unknown_name_does_not_hide_it() -> None:
    found = find_mentions("据洞泾镇介绍，投资推介活动举行。")
    assert {(m.name, m.type) for m in found.mentions} >= {
        ("洞泾镇", "Town"),
        ("投资推介活动", "Conference"),
    }


def test_a_city_named_without_its_suffix_is_a_city() -> None:
    found = find_mentions("第二届发展大会16日在金华召开，项目落户芜湖。")
    typed = {(m.name, m.type) for m in found.mentions}
    assert ("金华", "City") in typed
    assert ("芜湖", "City") in typed


def test_a_verb_before_a_name_is_not_part_of_it() -> None:
    text = "2013年2月以后改称汾湖高新技术开发区。三方出资10亿元设立绿地高科技产业有限公司。"
    names = {m.name for m in find_mentions(text).mentions}
    assert "汾湖高新技术开发区" in names
    assert "绿地高科技产业有限公司" in names
    assert not any(name.startswith(("改称", "设立", "10亿元")) for name in names)


def test_a_role_or_a_report_before_a_name_is_not_part_of_it() -> None:
    text = (
        "运营方杭州智联数算科技有限公司负责运营。上海临港松江科技城投资发展有限公司隶属临港集团。"
    )
    names = {m.name for m in find_mentions(text).mentions}
    assert {"杭州智联数算科技有限公司", "临港集团"} <= names
    assert not any(name.startswith(("运营方", "方")) or "隶属" in name for name in names)


def test_an_enumerator_or_a_verb_of_doing_before_a_name_is_not_part_of_it() -> None:
    text = "一是建立数据中心。创建江苏省信创先导区。为落实浙江省人民政府《关于支持的通知》。"
    names = {m.name for m in find_mentions(text).mentions}
    assert {"江苏省信创先导区", "浙江省人民政府"} <= names
    assert not any(name.startswith(("一是", "建立", "创建", "落实")) for name in names)


def test_site_suffixes_of_the_genre_and_quoted_parts_of_event_names() -> None:
    text = "在“量超融合”分论坛上，星海科创园落户金义都市新区。浙江在线记者报道。"
    typed = {(m.name, m.type) for m in find_mentions(text).mentions}
    assert ("“量超融合”分论坛", "Summit") in typed
    assert ("星海科创园", "IndustrialPark") in typed
    assert ("金义都市新区", "PlannedZone") in typed
    assert not any(name == "浙江" for name, _ in typed)  # a news outlet, not the province


def test_corridor_meetings_and_valleys_are_named() -> None:
    text = "2024年长三角G60科创走廊联席会议在合肥召开。中国声谷入驻企业超过2000户。"
    typed = {(m.name, m.type) for m in find_mentions(text).mentions}
    assert ("2024年长三角G60科创走廊联席会议", "Conference") in typed
    assert ("中国声谷", "Site") in typed


def test_talk_titles_and_framing_words_are_not_names() -> None:
    from g60kg.extract.mentions import find_mentions

    def names(text: str) -> list[str]:
        return [m.name for m in find_mentions(text).mentions]

    assert names("郑南宁以《世界模型与视觉概念学习》为题发言。") == []
    assert "九届嘉兴市人民政府第53次常务会议" in names(
        "经九届嘉兴市人民政府第53次常务会议审议通过。"
    )


def test_places_the_dictionary_knows_keep_their_characters() -> None:
    from g60kg.extract.mentions import find_mentions

    names = [m.name for m in find_mentions("位于桐乡市乌镇镇。").mentions]
    assert names == ["桐乡市", "乌镇镇"]


def test_an_organisation_listed_after_a_comma_starts_after_it() -> None:
    text = "浙江大学、优刻得科技股份有限公司、中电海康集团有限公司等当选副理事长单位。"
    names = {m.name for m in find_mentions(text).mentions}
    assert {"优刻得科技股份有限公司", "中电海康集团有限公司"} <= names
    assert "科技股份有限公司" not in names


def test_a_preposition_glued_to_an_unknown_name_is_not_part_of_it() -> None:
    names = {m.name for m in find_mentions("小镇以微医集团为龙头建设中国智慧健康谷。").mentions}
    assert "微医集团" in names and "以微医集团" not in names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("随后由市长主持会议。", "会议"),
        ("并就提交会议的有关材料作了说明。", "会议"),
        ("恰逢乌镇峰会召开。", "乌镇峰会"),
        ("小镇距G20杭州峰会主会场1.5公里。", "G20杭州峰会"),
    ],
)
def test_a_verb_that_frames_an_event_is_not_part_of_its_name(text: str, name: str) -> None:
    events = [m.name for m in find_mentions(text).mentions if m.type in ("Conference", "Summit")]
    assert events == [name]


def test_listed_companies_named_in_common_words_are_companies() -> None:
    text = "科大讯飞、海螺、用友科技等12家企业也签约入驻。"
    companies = {m.name for m in find_mentions(text).mentions if m.type == "Company"}
    assert {"海螺", "用友科技"} <= companies
    assert not [m for m in find_mentions("高新技术企业、科技型中小企业等企业").mentions]


def test_a_list_counted_as_firms_without_deng_names_companies() -> None:
    text = "诺达佳与威灏、鼎为三家苏州光电企业抱团落户长合区。"
    companies = {m.name for m in find_mentions(text).mentions if m.type == "Company"}
    assert {"威灏", "鼎为"} <= companies


def test_huitong_joins_two_bodies_it_is_not_part_of_a_name() -> None:
    names = {m.name for m in find_mentions("由市经信局会同市科技局制定。").mentions}
    assert "市经信局" in names and not any("会同" in n for n in names)


def test_a_short_name_declared_in_brackets_names_the_body_it_follows() -> None:
    text = "上海临港松江科技城投资发展有限公司（以下简称“临港松江科技城”）与金华市签约。临港松江科技城提供服务。"
    found = find_mentions(text)
    assert {m.type for m in found.mentions if m.name == "临港松江科技城"} == {"Company"}
    full = next(m for m in found.mentions if m.name == "上海临港松江科技城投资发展有限公司")
    assert sum(1 for a, _ in found.same if a == full) == 2


def test_more_government_departments_and_associations_by_suffix() -> None:
    text = "芜湖市工信局总工程师胡明、浙江省人大常委会副主任陈金彪、全国工商联副主席南存辉出席。"
    names = {m.name for m in find_mentions(text).mentions}
    assert {"芜湖市工信局", "浙江省人大常委会", "全国工商联"} <= names


def test_a_count_before_a_site_or_a_fund_is_not_part_of_its_name() -> None:
    text = "园区建成3栋数据中心，设立19支基金，引进12家企业。"
    names = {m.name for m in find_mentions(text).mentions}
    assert not any(name[0].isdigit() for name in names)


def test_a_numbered_kind_after_a_list_is_not_part_of_the_last_name() -> None:
    text = "覆盖临平开发区、临平新城、大运河科创城三大产业平台。"
    names = {m.name for m in find_mentions(text).mentions}
    assert "大运河科创城" in names and not any("三大" in name for name in names)


def test_firms_listed_before_a_kind_of_firm_and_a_trade_before_its_suffix() -> None:
    text = "园区由深创投集团、名城建设集团四家国企开发。奇瑞、江汽、蔚来等车企发布需求。姑苏区经科局提供服务。"
    typed = {(m.name, m.type) for m in find_mentions(text).mentions}
    assert {("名城建设集团", "Company"), ("蔚来", "Company"), ("江汽", "Company")} <= typed
    assert ("姑苏区经科局", "GovernmentBody") in typed


def test_the_places_a_government_body_is_named_for_are_named_too() -> None:
    text = "浙江省科技厅副厅长楼学军发言。杭州市余杭区人民政府印发方案。"
    typed = {(m.name, m.type) for m in find_mentions(text).mentions}
    assert {("浙江省", "Province"), ("杭州市", "City"), ("余杭区", "District")} <= typed
    assert ("浙江省科技厅", "GovernmentBody") in typed


def test_a_place_in_brackets_after_a_venue_or_an_event_belongs_to_its_name() -> None:
    text = "联席会议在国家会展中心（上海）举行。活动包括首届国际科技开放合作大会（浙江）。"
    names = {m.name for m in find_mentions(text).mentions}
    assert {"国家会展中心（上海）", "首届国际科技开放合作大会（浙江）"} <= names


def test_a_research_centre_is_a_research_institute_not_a_site() -> None:
    typed = {(m.name, m.type) for m in find_mentions("长三角G60科创走廊研究中心揭牌。").mentions}
    assert ("长三角G60科创走廊研究中心", "ResearchInstitute") in typed


def test_a_national_project_is_a_programme_by_its_fixed_name_and_no_organisation() -> None:
    text = "芜湖数据中心集群成为国家“东数西算”工程十大集群之一，东数西算推动算力西移。"
    found = [(m.name, m.type) for m in find_mentions(text).mentions if "东数" in m.name]
    assert found == [("东数西算", "Programme"), ("东数西算", "Programme")]


def test_a_cluster_of_data_centres_is_named_whole() -> None:
    text = "2022年2月，芜湖数据中心集群获批设立。"
    found = [(m.name, m.type) for m in find_mentions(text).mentions]
    assert ("芜湖数据中心集群", "ComputingCentre") in found
    assert all(name != "芜湖数据中心" for name, _ in found)


def test_centres_that_are_bodies_are_organisations_and_others_stay_sites() -> None:
    text = "上海知识产权交易中心与浙江省数字经济发展中心入驻苏州科技城云计算卓越中心。"
    kinds = {m.name: m.type for m in find_mentions(text).mentions}
    assert kinds["上海知识产权交易中心"] == "Organization"
    assert kinds["浙江省数字经济发展中心"] == "Organization"
    assert kinds["苏州科技城云计算卓越中心"] == "Site"


def test_meetings_held_as_one_are_named_whole_from_the_clause_start() -> None:
    text = "2023徽商助力安徽高质量发展大会暨徽商总会成立大会在合肥召开。会上，在合肥召开的论坛暨签约仪式举行。"
    events = [m.name for m in find_mentions(text).mentions if m.type == "Conference"]
    assert "2023徽商助力安徽高质量发展大会暨徽商总会成立大会" in events
    assert not any(name.startswith("在") for name in events)


def test_a_ministry_is_named_by_itself_unless_the_nation_opens_it() -> None:
    found = find_mentions("嘉兴国家互联网产业国际创新园获科技部认定。").mentions
    assert [(m.name, m.type) for m in found] == [
        ("嘉兴国家互联网产业国际创新园", "IndustrialPark"),
        ("科技部", "GovernmentBody"),
    ]
    named = [m.name for m in find_mentions("中华人民共和国科技部批复。").mentions]
    assert named == ["中华人民共和国科技部"]


def test_a_name_never_opens_inside_brackets_it_does_not_close() -> None:
    from g60kg.extract import extract

    text = "人民网嘉兴11月10日电（记者叶宾得）会议召开。苏皖（溧阳、郎溪、广德）合作示范区建设。"
    names = [e["zh"] for e in extract(text.encode(), source_id="x", nlp="").entities]
    assert not any("）" in n and "（" not in n for n in names), names
    assert "国家会展中心（上海）" in [
        m.name for m in find_mentions("国家会展中心（上海）举行").mentions
    ]


def test_a_verb_and_its_complement_never_open_a_name() -> None:
    text = "在苏州工业园区，提起人工智能，绕不开苏州国际科技园。"
    assert "苏州国际科技园" in [m.name for m in find_mentions(text).mentions]


def test_an_edition_and_a_bare_kind_refer_back_and_name_no_event() -> None:
    text = "首届大会在乌镇举行。上届拍卖会成交过亿。首届长三角G60人工智能产业洞泾峰会举行。"
    events = [m.name for m in find_mentions(text).mentions if m.type in ("Conference", "Summit")]
    assert events == ["首届长三角G60人工智能产业洞泾峰会"]


def test_firms_listed_with_a_description_before_each_name() -> None:
    text = "国内最大的云计算家居平台数联中国、注册资本1.5亿元的口袋购物等228家创业企业入驻。"
    text += "以数字健康领军企业微医集团、创新药研发上市企业歌礼、线上教育平台华网信息为代表。"
    companies = {m.name for m in find_mentions(text).mentions if m.type == "Company"}
    assert {"数联中国", "口袋购物", "歌礼", "华网信息"} <= companies


def test_the_short_names_an_owners_qixia_names_are_companies() -> None:
    text = "弘信电子旗下的燧弘在甘肃建设。辰创科技旗下的辰天信息、辰星迅联作为核心企业出席。集团旗下的企业都在这里。"
    companies = {m.name for m in find_mentions(text).mentions if m.type == "Company"}
    assert {"燧弘", "辰天信息", "辰星迅联"} <= companies
    assert not any(name.startswith("企业") for name in companies)


def test_an_events_name_holds_its_quoted_part_whole() -> None:
    text = "苏州市“人工智能+”创新发展推进大会在苏州召开。宣城市投资促进暨“一地六县”合作区招商推介会在上海举行。"
    found = find_mentions(text).mentions
    events = {m.name for m in found if m.type == "Conference"}
    assert events == {
        "苏州市“人工智能+”创新发展推进大会",
        "宣城市投资促进暨“一地六县”合作区招商推介会",
    }
    assert not any(m.type == "Slogan" for m in found)


def test_a_town_named_by_one_character_is_a_town_and_a_town_of_some_kind_is_not() -> None:
    text = "首届世界互联网大会在浙江桐乡乌镇举行。这座古镇推进新型城镇化。"
    towns = [m.name for m in find_mentions(text).mentions if m.type == "Town"]
    assert towns == ["乌镇"]


def test_theatres_hotels_and_developer_festivals_are_named() -> None:
    text = "动员大会在湖州大剧院举行。论坛在浙江金华万达嘉华酒店举行。2021科大讯飞全球1024开发者节开幕。"
    found = {(m.name, m.type) for m in find_mentions(text).mentions}
    assert {("湖州大剧院", "Site"), ("浙江金华万达嘉华酒店", "Site")} <= found
    assert ("2021科大讯飞全球1024开发者节", "Event") in found


def test_a_list_of_bodies_names_no_place_across_its_comma() -> None:
    text = "去年12月底，省委、省政府又出台了行动方案。"
    names = [m.name for m in find_mentions(text).mentions]
    assert "委、省" not in names


def test_a_sites_name_holds_its_quoted_part_whole() -> None:
    text = "推动“一地六县”产业合作区建设。"
    found = [(m.name, m.type) for m in find_mentions(text).mentions]
    assert found == [("“一地六县”产业合作区", "PlannedZone")]


def test_a_kind_written_before_a_name_is_no_part_of_it() -> None:
    text = "由事业单位萧山经济技术开发区海外高层次人才创业中心负责。中化集团成员单位中国金茂控股集团有限公司投资。"
    names = {m.name for m in find_mentions(text).mentions}
    assert {"萧山经济技术开发区海外高层次人才创业中心", "中国金茂控股集团有限公司"} <= names
    assert not any(name.startswith(("事业单位", "中化集团成员")) for name in names)


def test_survey_teams_press_offices_alumni_associations_and_secretariats_are_bodies() -> None:
    text = "国家统计局金华调查队、金华市政府新闻办、西安电子科技大学上海校友会和世界互联网大会秘书处发布。"
    names = {m.name for m in find_mentions(text).mentions}
    assert {
        "国家统计局金华调查队",
        "金华市政府新闻办",
        "西安电子科技大学上海校友会",
        "世界互联网大会秘书处",
    } <= names


def test_two_fields_joined_by_yu_name_one_body_but_two_bodies_stay_two() -> None:
    text = "清华大学材料科学与工程研究院院长到会。浙江大学与之江实验室共建。"
    names = {m.name for m in find_mentions(text).mentions}
    assert "清华大学材料科学与工程研究院" in names
    assert {"浙江大学", "之江实验室"} <= names
    assert not any("与" in name and name != "清华大学材料科学与工程研究院" for name in names)


def test_a_kind_pointed_at_inside_a_sentence_names_no_new_one() -> None:
    text = "龙头企业是这片园区的主干，这支基金也在。"
    names = {m.name for m in find_mentions(text).mentions}
    assert not names & {"这片园区", "这支基金"}


@pytest.mark.parametrize("unit", ["吴中区", "吴江区", "吴兴区", "无为市", "郎溪县", "泾县"])
def test_every_unit_of_the_corridor_divisions_is_named_in_full(unit: str) -> None:
    # the tokenizer cuts these names apart (吴 | 中区, 郎溪 | 县) or does not tag them as places
    for text in (f"{unit}是一个地方。", f"会议在{unit}举行。", f"{unit}委书记丁立新出席。"):
        assert unit in [m.name for m in find_mentions(text).mentions], text


def test_the_country_s_other_large_cities_are_places_by_their_short_names() -> None:
    text = "研究院在深圳、广州设有分部。西安电子科技大学上海校友会签约。"
    found = [(m.name, m.type) for m in find_mentions(text).mentions]
    assert ("深圳", "City") in found and ("广州", "City") in found
    assert not any(name == "西安" for name, _ in found)


def test_a_committee_s_task_with_jianshe_is_part_of_its_name() -> None:
    text = "安徽省新能源汽车产业集群建设战略咨询委员会秘书长喻东作主旨演讲。"
    bodies = [m.name for m in find_mentions(text).mentions if m.type == "GovernmentBody"]
    assert bodies == ["安徽省新能源汽车产业集群建设战略咨询委员会"]


def test_weeks_of_events_and_finals_are_events() -> None:
    text = "2025苏州相城国际经贸恳谈周开幕。双龙杯创业创新大赛总决赛在金华举行。"
    events = {(m.name, m.type) for m in find_mentions(text).mentions}
    assert ("2025苏州相城国际经贸恳谈周", "Event") in events
    assert ("双龙杯创业创新大赛总决赛", "Competition") in events


def test_a_city_run_into_chengshi_or_shiqu_is_the_city_not_a_false_unit() -> None:
    text = "推动嘉兴城市发展，合肥城市大脑上线，杭州市区人口增长。会议在兴城市举行。"
    places = [m.name for m in find_mentions(text).mentions if m.type in ("City", "District")]
    assert "兴城市" in places and places.count("兴城市") == 1  # the real one, after 在
    assert not {"肥城市", "杭州市区"} & set(places)


def test_an_event_on_topics_joined_by_ji_keeps_a_longer_first_topic_and_he_joins_two_events() -> (
    None
):
    text = (
        "“2022年安徽省机器人及高端装备（芜湖）产需对接会”开幕。"
        "活动包括首届中国侨乡城市活力峰会和双龙杯创业创新大赛总决赛。"
    )
    events = {
        m.name for m in find_mentions(text).mentions if m.type in ("Event", "Summit", "Competition")
    }
    assert "2022年安徽省机器人及高端装备（芜湖）产需对接会" in events
    assert not any(name.startswith("首届中国侨乡城市活力峰会和") for name in events)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("为什么还要再设市级人工智能创新发展区？", []),
        ("统筹用好省级1亿元专项资金。", []),
        ("以杭州区域面积最小城区创造千亿元产值。", ["杭州"]),
        ("对于与上海相距不远的皖东南城市来说。", ["上海"]),
        ("他介绍，宣城市2018年加入长三角G60科创走廊。", ["宣城市", "长三角G60科创走廊"]),
        ("杭州市级人工智能创新发展区。", ["杭州市"]),
    ],
)
def test_a_level_an_area_or_chengshi_after_an_unknown_unit_names_no_place(
    text: str, places: list[str]
) -> None:
    kinds = ("City", "District", "Province", "Municipality", "Corridor")
    assert [m.name for m in find_mentions(text).mentions if m.type in kinds] == places


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("临平以小镇为核心，覆盖临平开发区。", "临平以小镇"),
        ("G60联席办对中心近期工作给予肯定。", "G60联席办对中心"),
        ("管委会副主任周天军在仪式上致辞。", "军在仪式"),
    ],
)
def test_a_function_word_glued_to_the_word_before_a_suffix_ends_the_name(
    text: str, wrong: str
) -> None:
    assert wrong not in {m.name for m in find_mentions(text).mentions}


def test_this_one_before_a_kind_names_no_new_one() -> None:
    text = "据介绍，这一智算中心是目前长三角地区规模最大的。"
    assert "一智算中心" not in {m.name for m in find_mentions(text).mentions}


def test_a_province_is_one_of_the_country_s_provinces() -> None:
    text = "论坛由部省共同推进安徽智能语音产业发展领导小组办公室主办，浙江省也派员参加。"
    provinces = [m.name for m in find_mentions(text).mentions if m.type == "Province"]
    assert provinces == ["浙江省"]


def test_approved_by_this_city_s_body_is_no_part_of_the_meetings_name() -> None:
    text = "《纲要》经市八届人民代表大会第六次会议审议通过，宣城经开区管委会参加。"
    names = {m.name for m in find_mentions(text).mentions}
    assert "经市八届人民代表大会第六次会议" not in names
    assert "宣城经开区管委会" in names


def test_a_quoted_number_alone_names_no_slogan() -> None:
    text = "“10”，就是聚力打造十大抓手；“1+3”格局和“三区两翼”也写入规划。"
    slogans = [m.name for m in find_mentions(text).mentions if m.type in ("Slogan", "Plan")]
    assert "10" not in slogans and "1+3" in slogans


def test_a_verb_of_going_before_this_provinces_department_is_no_part_of_its_name() -> None:
    text = "今天我们邀请到省科技厅副厅长陈龙胜先生，请他解读文件。"
    bodies = [m.name for m in find_mentions(text).mentions if m.type == "GovernmentBody"]
    assert bodies == ["省科技厅"]

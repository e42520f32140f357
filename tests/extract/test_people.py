from g60kg.extract import extract
from g60kg.extract.mentions import find_mentions
from g60kg.extract.people import find_posts


def _holders(text: str) -> set[tuple[str, str, str | None]]:
    """Each post found in ``text`` as (holder, title, body)."""
    return {
        (text[p.person.start : p.person.end], p.title, p.place.name if p.place else None)
        for p in find_mentions(text).posts
    }


def test_a_chain_of_titles_gives_one_post_each() -> None:
    text = "洞泾镇党委副书记、镇长李子表示"
    posts = find_posts(text, [])
    assert [(text[p.person.start : p.person.end], p.title) for p in posts] == [
        ("李子", "党委副书记"),
        ("李子", "镇长"),
    ]


def test_a_title_followed_by_a_verb_names_nobody() -> None:
    assert find_posts("区长出席大会", []) == []


def test_posts_in_brackets_after_the_name_and_a_place_that_begins_the_title() -> None:

    text = "张三（嘉兴市委书记）、李四（南湖区区长）出席。南湖区委副书记、区长王五致辞。"
    found = _holders(text)
    assert ("张三", "市委书记", "嘉兴市") in found
    assert ("李四", "区长", "南湖区") in found
    assert ("王五", "区委副书记", "南湖区") in found


def test_a_name_that_opens_a_clause_with_its_post_set_off_by_commas() -> None:
    from g60kg.extract.mentions import find_mentions

    text = (
        "会议召开。马晓晖，湖州市委书记，在大会上讲话；王申峰，时任桐乡市委副书记、市长，主持会议。"
    )
    found = _holders(text)
    assert ("马晓晖", "市委书记", "湖州市") in found
    assert ("王申峰", "市长", "桐乡市") in found
    assert not find_mentions("会上，他说，湖州市委书记，在大会上讲话。").posts  # 他说 is no name


def test_a_graded_rank_is_a_title_that_follows_its_body() -> None:
    from g60kg.extract.mentions import find_mentions

    text = "苏州科技局副调研员谢再鸣表示支持。"
    found = {(p.title, p.place.name if p.place else None) for p in find_mentions(text).posts}
    assert found == {("副调研员", "苏州科技局")}


def test_a_post_in_brackets_after_a_name_joined_by_yu_names_its_company() -> None:

    text = "张宁与刘德宏（上海临港松江科技城投资发展有限公司总经理）在协议上签字。"
    found = _holders(text)
    assert found == {("刘德宏", "总经理", "上海临港松江科技城投资发展有限公司")}


def test_each_title_of_a_chain_takes_the_organisation_before_it() -> None:
    from g60kg.extract.mentions import find_mentions

    text = "浙江大学党委副书记、之江实验室主任朱世强说。研究院副院长兼横店集团控股有限公司总裁徐永安表示。"
    posts = find_mentions(text).posts
    found = _holders(text)
    assert ("朱世强", "党委副书记", "浙江大学") in found
    assert ("朱世强", "主任", "之江实验室") in found
    assert ("徐永安", "总裁", "横店集团控股有限公司") in found
    # 兼 joins two titles; it never begins a name
    assert not any(text[p.person.start] == "兼" for p in posts)


def test_reporters_of_a_byline_are_not_people_of_the_article() -> None:
    from extract_helpers import EVAL
    from g60kg.extract import extract

    raw = (EVAL / "articles" / "jinhua-conference-wire.txt").read_bytes()
    people = {e["zh"] for e in extract(raw, source_id="x").entities if e["type"] == "Person"}
    assert {"朱世强", "徐永安", "邵向荣"} <= people
    assert not {"徐贤飞", "薛文春", "钱关键"} & people


def test_a_second_official_takes_the_district_named_just_before_and_standing_committee_posts() -> (
    None
):

    text = "上海市松江区委书记程向民，区委副书记、区长李谦出席。合肥市委常委、副市长王民生致辞。"
    found = _holders(text)
    assert ("李谦", "区长", "松江区") in found
    assert ("王民生", "市委常委", "合肥市") in found
    assert ("王民生", "副市长", "合肥市") in found


def test_three_character_names_jieba_cuts_or_glues_are_read_whole() -> None:
    def names(text: str) -> list[str]:
        return [text[p.person.start : p.person.end] for p in find_posts(text, [])]

    assert names("高新区党工委书记宋道军参加会议。") == ["宋道军"]
    assert names("副市长王文松参加了活动。") == ["王文松"]
    assert names("区长李谦到会。") == ["李谦"]
    assert names("区长李谦说，") == ["李谦"]
    assert names("区委书记陈如根出席。") == ["陈如根"]  # 根 is a rare preposition, not 在
    assert names("董事长尹同跃在发言中表示。") == ["尹同跃"]  # a rare verb's character, then 在
    assert names("区长李谦在会上说。") == ["李谦"]
    assert names("总经理邵悦初说，") == ["邵悦初"]  # 初 and 清 are tagged as time or place words
    assert names("副局长钟术清在接受采访时说。") == ["钟术清"]
    assert names("中国科学院院士专家出席。") == []  # 专家 is a common noun, not a name
    assert names("宣城市市长何淳宽也在会上讲话。") == ["何淳宽"]  # 宽 | 也: 也 follows the name


def test_a_section_of_a_department_holds_its_title() -> None:
    from g60kg.extract.mentions import find_mentions

    text = "合肥高新区经济贸易局发展规划处处长沈颢介绍"
    posts = find_posts(text, find_mentions(text).mentions)
    assert [(p.place.name if p.place else None, p.title) for p in posts] == [
        ("合肥高新区经济贸易局", "发展规划处处长")
    ]


def test_zone_posts_and_posts_under_a_chain_of_places_are_named_as_written() -> None:
    from g60kg.extract.mentions import find_mentions

    text = "金华市金东区委书记、金义新区党工委书记、管委会常务副主任李雄伟出席"
    names = [m.name for m in find_mentions(text).mentions if m.type == "Post"]
    assert sorted(names) == ["金义新区党工委书记", "金义新区管委会常务副主任", "金华市金东区委书记"]


def test_a_bare_local_title_is_read_as_the_last_place_of_its_level_named() -> None:
    text = "湖州市召开大会。市委副书记、市长钱三雄出席，市发改委副主任董亮主持。"
    found = find_mentions(text)
    posts = [p for p in found.posts]
    assert {(text[p.person.start : p.person.end], p.title) for p in posts} >= {
        ("钱三雄", "市长"),
        ("董亮", "副主任"),
    }
    assert all(p.home is not None and p.home.name == "湖州市" for p in posts)
    offices = {m.name for m in found.mentions if m.type == "Post"}
    assert {"湖州市市长", "湖州市委副书记", "湖州市发改委副主任"} <= offices


def test_a_bare_title_with_no_place_of_its_level_before_it_stays_bare() -> None:
    text = "市长钱三雄出席，湖州市召开大会。"
    assert [p.home for p in find_mentions(text).posts] == [None]


def test_provincial_titles_and_a_chain_through_the_next_citys_committee() -> None:
    text = "安徽省委常委、合肥市委书记虞爱华，安徽省科技厅二级巡视员李银安出席。"
    posts = {(text[p.person.start : p.person.end], p.title) for p in find_mentions(text).posts}
    assert {("虞爱华", "省委常委"), ("虞爱华", "市委书记"), ("李银安", "二级巡视员")} <= posts
    offices = {m.name for m in find_mentions(text).mentions if m.type == "Post"}
    assert {"安徽省委常委", "合肥市委书记", "安徽省科技厅二级巡视员"} <= offices


def test_titles_hidden_in_common_words_are_not_posts() -> None:
    assert find_mentions("双方将进行长期合作。").posts == []


def test_editor_lines_are_credits_not_people_of_the_article() -> None:
    from g60kg.extract.people import credits

    text = "2023年03月23日 09:20　　编辑：方岩\n大会开幕。\n（本栏目编辑：罗晓川）"
    assert [text[s.start : s.end] for s in credits(text)] == ["方岩", "罗晓川"]


def test_a_bare_local_title_takes_the_short_named_place_before_it_in_full() -> None:
    found = extract(
        "杭州召开会议。市委副书记、市长刘忻出席会议。".encode(), source_id="demo", nlp=""
    )
    posts = sorted(e["zh"] for e in found.entities if e["type"] == "Post")
    assert posts == ["杭州市委副书记", "杭州市市长"]


def test_a_three_character_name_jieba_glued_to_the_next_word_is_read_whole() -> None:
    for text, name in (
        ("院长南策文在会上表示。", "南策文"),
        ("桐乡市委书记盛勇军致欢迎辞。", "盛勇军"),
    ):
        posts = find_posts(text, [])
        assert [text[p.person.start : p.person.end] for p in posts] == [name]


def test_a_governors_post_named_after_the_government_is_the_provinces() -> None:
    found = extract("安徽省人民政府副省长王翠凤出席。".encode(), source_id="demo", nlp="")
    assert [e["zh"] for e in found.entities if e["type"] == "Post"] == ["安徽省副省长"]
    holding = next(s for s in found.statements if s.get("fact") == "PostHolding")
    assert holding["properties"]["organization"] == "anhuisheng-renminzhengfu"


def test_party_membership_and_chief_planner_are_titles_that_carry_the_body_on() -> None:
    text = "芜湖市领导出席。市工信局党委委员、总工程师胡明，市自然资源和规划局党组成员、总规划师鲁永红到场。"
    found = _holders(text)
    assert ("胡明", "党委委员", "市工信局") in found
    assert ("胡明", "总工程师", "市工信局") in found
    assert ("鲁永红", "总规划师", "市自然资源和规划局") in found


def test_reform_commissions_and_development_offices_are_bodies_that_hold_titles() -> None:
    text = "宣城市发展改革委主任高真理表示。松江区科创发展办副主任戴志明到会，松江区经委签约。"
    found = find_mentions(text)
    bodies = {m.name for m in found.mentions if m.type == "GovernmentBody"}
    assert {"宣城市发展改革委", "松江区科创发展办", "松江区经委"} <= bodies
    posts = {(p.title, p.place.name if p.place else None) for p in found.posts}
    assert ("主任", "宣城市发展改革委") in posts
    assert ("副主任", "松江区科创发展办") in posts


def test_a_short_name_declared_in_brackets_holds_posts() -> None:
    text = "项目由天马微电子股份有限公司（以下简称“天马”）投资建设。天马董事长彭旭辉致辞。"
    posts = {(p.title, p.place.name if p.place else None) for p in find_mentions(text).posts}
    assert posts == {("董事长", "天马")}


def test_names_listed_after_a_holder_hold_the_post_too() -> None:
    text = "中国工程院院士高文、陈纯等专家交流。董事长张三、总经理李四出席。"
    posts = {(text[p.person.start : p.person.end], p.title) for p in find_mentions(text).posts}
    assert {("高文", "院士"), ("陈纯", "院士")} <= posts
    # a title after 、 opens a post of its own
    assert ("李四", "总经理") in posts and ("李四", "董事长") not in posts


def test_a_post_in_brackets_after_the_name_under_a_chain_of_places() -> None:
    text = "李娜（芜湖市鸠江区副区长）在会上致欢迎词。"
    posts = [(text[p.person.start : p.person.end], p.title) for p in find_mentions(text).posts]
    assert posts == [("李娜", "副区长")]


def test_a_verb_like_last_character_stays_in_a_name_a_verb_of_its_own_follows() -> None:
    text = "研究院院长李浩来表示，机器人很重要。区长李谦到会讲话。"
    names = {text[p.person.start : p.person.end] for p in find_mentions(text).posts}
    assert names == {"李浩来", "李谦"}


def test_a_name_whose_last_character_jieba_reads_with_the_joining_word_after_it() -> None:
    text = "党委书记、董事长赖伟宣和副总经理黄勇峰出席。"
    names = {text[p.person.start : p.person.end] for p in find_mentions(text).posts}
    assert names == {"赖伟宣", "黄勇峰"}


def test_a_title_straddling_two_words_and_a_verb_after_a_title_name_nobody() -> None:
    assert not find_mentions("两个项目分处长江两岸。").posts
    text = "中科院王建宇院士作主旨演讲。"
    assert "作主旨" not in {text[p.person.start : p.person.end] for p in find_mentions(text).posts}


def test_a_name_whose_last_character_jieba_reads_with_shuo_is_read_whole() -> None:
    # 于会 | 游说 | ，: the name is 于会游; 也说 after a two-character name is no part of it
    people = [
        m.name
        for m in find_mentions("桐乡市委书记于会游说，桐乡很好。市长王建也说，好。").mentions
        if m.type == "Person"
    ]
    assert people == ["于会游", "王建"]


def test_titles_after_a_body_s_declared_short_name_are_that_body_s() -> None:
    text = "天马控股股东中国航空技术国际控股有限公司（简称“中航国际”）党委书记、董事长赖伟宣出席。"
    body = "中国航空技术国际控股有限公司"
    assert _holders(text) == {("赖伟宣", "党委书记", body), ("赖伟宣", "董事长", body)}


def test_industrial_parks_and_zones_named_jizhongqu_hold_posts() -> None:
    text = "苏州工业园区党工委书记沈觅、皖江江北新兴产业集中区党工委书记姚凯出席。"
    found = {(m.name, m.type) for m in find_mentions(text).mentions}
    assert ("苏州工业园区党工委书记", "Post") in found
    assert ("皖江江北新兴产业集中区党工委书记", "Post") in found
    assert ("皖江江北新兴产业集中区", "PlannedZone") in found


def test_a_park_s_board_member_names_no_post_the_candidates_cannot_resolve() -> None:
    text = "上海工程技术大学国家大学科技园执行董事曾国辉表示，拍卖会有助于化解信息不对称。"
    found = extract(text.encode(), source_id="auction", nlp="").to_dict()
    ids = {row["id"] for row in found["entities"] + (found.get("review") or []) if "type" in row}
    holdings = [
        r
        for r in found["statements"] + (found.get("review") or [])
        if r.get("fact") == "PostHolding"
    ]
    assert holdings and all(r["properties"].get("post", "") in ids | {""} for r in holdings)

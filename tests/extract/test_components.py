from g60kg.extract.components import find_components, part_count
from g60kg.extract.mentions import find_mentions


def _components(text: str) -> dict[str, list[str]]:
    claims = find_components(text, find_mentions(text).mentions)
    return {claim.subject.name: [c["zh"] for c in claim.components] for claim in claims}


def test_a_numbered_name_counts_each_numeral_group() -> None:
    assert [part_count(n) for n in ("四个区", "三城一地", "双核六园", "十大抓手")] == [4, 4, 8, 10]
    assert [part_count(n) for n in ("一号工程", "三个两", "12410", "一体化")] == [None] * 4


def test_the_list_right_after_a_slogan_spells_out_its_parts() -> None:
    text = "已形成“一区一景一中心”的格局，分别对应试验区、应用场景项目和数字展示中心。"
    assert _components(text) == {"一区一景一中心": ["试验区", "应用场景项目", "数字展示中心"]}
    text = "城市发展定位是“三城一地”，即枢纽城市、创新新城、文化名城、示范地。"
    assert _components(text) == {"三城一地": ["枢纽城市", "创新新城", "文化名城", "示范地"]}


def test_a_list_that_does_not_match_the_count_or_is_made_of_clauses_is_no_parts() -> None:
    assert _components("围绕“三智一网”——智能汽车、智能计算和工业互联网——布局。") == {}
    text = "走廊实现“三个率先”：率先启动城域网建设，率先推动异构组网，率先推进场景应用。"
    assert _components(text) == {}


def test_a_plus_slogans_parts_spelled_out_one_by_one() -> None:
    text = "采用“1+3”组织架构：“1”是算力创新联盟，“3”是集成验证平台、产业服务平台和产业应用平台三个平台。"
    assert _components(text) == {
        "1+3": ["算力创新联盟", "集成验证平台", "产业服务平台", "产业应用平台"]
    }
    text = "提出“1+4+N”目标。“1”指把湖州建设成为特色之城；“4”指机器人、智能驾驶、穿戴设备、算力服务四大领域；“N”指多个领域。"
    assert _components(text) == {
        "1+4+N": ["特色之城", "机器人", "智能驾驶", "穿戴设备", "算力服务"]
    }
    # a part spelled out with fewer items than it counts: no parts at all
    assert _components("采用“1+3”架构：“1”是联盟，“3”是两个平台。") == {}


def test_a_slogans_parts_set_out_one_per_numbered_line() -> None:
    text = "《行动计划》明确“三大重点”：\n（一）商业星座建设运营；\n（二）商业卫星研发制造；\n（三）卫星应用创新拓展。\n同时加大扶持。"
    assert _components(text) == {
        "三大重点": ["商业星座建设运营", "商业卫星研发制造", "卫星应用创新拓展"]
    }
    # the slogan named again later on its line, the list after the second naming
    text = "“两个区”　纲要提出，松江将建设以下两个区：\n1．先进制造业发展集聚区；\n2．乡村全面振兴示范区。\n"
    assert _components(text) == {"两个区": ["先进制造业发展集聚区", "乡村全面振兴示范区"]}


def test_numbered_lines_that_do_not_match_the_count_are_no_parts() -> None:
    text = "明确“三大重点”：\n（一）商业星座建设运营；\n（二）商业卫星研发制造。\n同时加大扶持。"
    assert _components(text) == {}
    text = "明确“两大重点”：\n（一）商业星座建设运营；\n（二）商业卫星研发制造；\n（三）卫星应用创新拓展。\n"
    assert _components(text) == {}

from g60kg.extract import extract
from g60kg.extract.counted import counted
from g60kg.extract.quantities import find_quantities


def _counted(text: str) -> list[dict[str, str] | None]:
    return [counted(text, q) for q in find_quantities(text)]


def test_the_noun_after_a_generic_measure_word_is_read_to_its_head() -> None:
    assert _counted("落地23个产业项目") == [{"zh": "产业项目", "unit": "count-unit:project"}]
    assert _counted("入选10个数据中心集群") == [
        {"zh": "数据中心集群", "unit": "count-unit:cluster"}
    ]


def test_the_noun_right_before_the_number_is_what_it_counts() -> None:
    assert _counted("储备项目125个，意向签约") == [{"zh": "项目", "unit": "count-unit:project"}]


def test_a_count_with_its_own_unit_or_without_a_known_noun_counts_nothing_more() -> None:
    assert _counted("16栋厂房、28名干部") == [None, None]
    assert _counted("发布了5个方面的举措") == [None]
    assert _counted("建设3个，布局") == [None]


def test_extract_lists_what_a_figure_counts_beside_its_unit() -> None:
    figures = extract("全年签约亿元以上项目212个。".encode(), source_id="t").figures
    assert figures[-1]["unit"] == "count-unit:unit"
    assert figures[-1]["counted"] == {"zh": "项目", "unit": "count-unit:project"}


def test_numbered_sets_count_in_the_generic_unit_with_what_they_count() -> None:
    from g60kg.extract.counted import find_numbered

    found = find_numbered("打造五大产业集群，聚力“十大抓手”，第二大城市，很大的空间")
    assert [(q.data["text"], q.data["value"], q.data.get("counted")) for q in found] == [
        ("五大", 5, {"zh": "产业集群", "unit": "count-unit:cluster"}),
        ("十大", 10, None),
    ]


def test_more_measure_words_and_what_jia_counts() -> None:
    text = "发射18颗卫星，建设十余座数据中心园区，设立19支基金，70家单位，超60万架"
    rows = [(q.data["text"], q.data["unit"], counted(text, q)) for q in find_quantities(text)]
    assert rows == [
        ("18颗", "count-unit:unit", {"zh": "卫星", "unit": "count-unit:satellite"}),
        ("十余座", "count-unit:unit", {"zh": "数据中心园区", "unit": "count-unit:park"}),
        ("19支", "count-unit:unit", {"zh": "基金", "unit": "count-unit:fund"}),
        ("70家", "count-unit:company", {"zh": "单位", "unit": "count-unit:organisation"}),
        ("超60万架", "count-unit:rack", None),
    ]


def test_places_counted_without_a_measure_word() -> None:
    from g60kg.extract.counted import find_place_counts

    found = find_place_counts("九城市的干部，中部六省唯一，上市企业，三市场，十市县")
    assert [(q.data["text"], q.data["unit"]) for q in found] == [
        ("九城市", "count-unit:city"),
        ("六省", "count-unit:province"),
    ]


def test_a_count_in_brackets_counts_the_noun_before_them() -> None:
    assert _counted("（二）重大产业化项目（8个）") == [{"zh": "项目", "unit": "count-unit:project"}]

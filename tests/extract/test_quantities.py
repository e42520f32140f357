import pytest
from g60kg.extract.quantities import KM2, find_quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("超百亿", {"min": 10**10, "qualifier": "more-than", "currency": "CNY"}),
        ("近百亿", {"max": 10**10, "qualifier": "nearly", "currency": "CNY"}),
        ("约4.86万亿元", {"value": 4_860_000_000_000, "qualifier": "about", "currency": "CNY"}),
        ("22.08亿元", {"value": 2_208_000_000, "qualifier": "exact", "currency": "CNY"}),
        ("数十亿", {"min": 2 * 10**9, "max": 9 * 10**9, "qualifier": "several-tens"}),
        ("三千亿元以上", {"min": 3 * 10**11, "qualifier": "more-than", "currency": "CNY"}),
        ("20余家", {"min": 20, "qualifier": "more-than", "unit": "count-unit:company"}),
        ("20家", {"value": 20, "qualifier": "exact", "unit": "count-unit:company"}),
        ("2300户", {"value": 2300, "qualifier": "exact", "unit": "count-unit:business"}),
        ("约4900万人", {"value": 49_000_000, "qualifier": "about", "unit": "count-unit:person"}),
        ("约7.62万平方公里", {"value": 76200, "qualifier": "about", "unit": KM2}),
        ("50%左右", {"value": 50, "qualifier": "about", "unit": "percent"}),
    ],
)
def test_quantities_are_normalised(text: str, expected: dict[str, object]) -> None:
    (quantity,) = find_quantities(text)
    assert quantity.data["text"] == text
    for key, value in expected.items():
        assert quantity.data[key] == value


def test_growth_after_tongbi_is_its_own_kind_with_sign() -> None:
    up = find_quantities("同比增长3.71%")[0]
    down = find_quantities("同比下降2%")[0]
    assert (up.kind, up.data["value"]) == ("growth", 3.71)
    assert (down.kind, down.data["value"]) == ("growth", -2)


def test_offsets_are_shifted_and_plain_numbers_ignored() -> None:
    text = "G60科创走廊3.0版，投资金额超百亿"
    (quantity,) = find_quantities(text, offset=100)
    assert text[quantity.span.start - 100 : quantity.span.end - 100] == "超百亿"


@pytest.mark.parametrize(
    ("text", "shown", "unit"),
    [
        ("大会为期四天", "四天", "count-unit:day"),
        ("吸引千余人参加", "千余人", "count-unit:person"),
        ("实施三年行动", "三年", "count-unit:year"),
        ("园区开园第10年", "10年", "count-unit:year"),
        ("提出三个率先", "三个", "count-unit:unit"),
    ],
)
def test_durations_and_counts_in_chinese_numerals(text: str, shown: str, unit: str) -> None:
    (found,) = find_quantities(text)
    assert (found.data["text"], found.data["unit"]) == (shown, unit)


@pytest.mark.parametrize("text", ["2023年5月", "二〇二三年", "一年一度", "两位院士", "今天"])
def test_years_of_the_calendar_and_small_wordy_numerals_are_not_counts(text: str) -> None:
    assert find_quantities(text) == []


def test_dollars_are_not_yuan_and_no_fact_takes_them() -> None:
    (dollars,) = find_quantities("新增外资4750万美元")
    assert dollars.data == {
        "value": 47_500_000,
        "qualifier": "exact",
        "text": "4750万美元",
        "currency": "USD",
    }
    assert dollars.kind != "amount"  # the graph's amounts are yuan: no investment fact uses it


def test_percentage_points_are_their_own_unit() -> None:
    (points,) = find_quantities("比一季度提升0.2个百分点")
    assert (points.data["value"], points.data["unit"]) == (0.2, "measure-unit:percentage-point")


def test_physical_units_and_vehicles_are_read_with_their_unit() -> None:
    read = {
        q.data["text"]: q.data["unit"]
        for q in find_quantities("功率18kW，时延10毫秒，通勤30分钟，年产1500吨，产量188万辆")
    }
    assert read == {
        "18kW": "measure-unit:kilowatt",
        "10毫秒": "measure-unit:millisecond",
        "30分钟": "measure-unit:minute",
        "1500吨": "measure-unit:tonne",
        "188万辆": "count-unit:vehicle",
    }


def test_xiang_is_read_as_projects_with_its_word_unit_the_generic_count() -> None:
    from g60kg.extract.quantities import find_quantities

    (count,) = find_quantities("分解为200项具体任务")
    assert (count.data["unit"], count.data["word_unit"]) == (
        "count-unit:project",
        "count-unit:unit",
    )


def test_tiao_counts_in_the_generic_unit_and_one_tiao_is_a_word() -> None:
    from g60kg.extract.quantities import find_quantities

    found = find_quantities("提出16条举措，一条主线，十条重点产业链")
    assert [(q.data["text"], q.data["unit"]) for q in found] == [
        ("16条", "count-unit:unit"),
        ("十条", "count-unit:unit"),
    ]


def test_months_and_more_anniversaries_and_ages() -> None:
    from g60kg.extract.quantities import find_quantities

    found = find_quantities("建成用了两个多月；已满15周年；平均年龄约34岁")
    assert [(q.data["text"], q.data["qualifier"], q.data["unit"]) for q in found] == [
        ("两个多月", "more-than", "count-unit:month"),
        ("15周年", "exact", "count-unit:year"),
        ("约34岁", "about", "count-unit:year"),
    ]


def test_two_years_is_a_span_and_less_than_is_an_upper_bound_kept_as_worded() -> None:
    from g60kg.extract.quantities import find_quantities

    found = find_quantities("连续两年位列第一，前后不到两年，占比不足10%，一年一度")
    assert [q.data for q in found] == [
        {"value": 2, "qualifier": "exact", "text": "两年", "unit": "count-unit:year"},
        {"max": 2, "qualifier": "less-than", "text": "不到两年", "unit": "count-unit:year"},
        {"max": 10, "qualifier": "less-than", "text": "不足10%", "unit": "percent"},
    ]

import pytest
from extract_helpers import EVAL
from g60kg.extract.dates import find_dates
from g60kg.extract.furniture import find_furniture
from g60kg.extract.sentences import split_sentences


def _dates(name: str, published: str | None = None) -> list[tuple[str, str, str]]:
    text = (EVAL / "articles" / name).read_text(encoding="utf-8")
    found = find_dates(
        text, published=published, furniture=find_furniture(text), sentences=split_sentences(text)
    )
    return [(text[d.span.start : d.span.end], d.value, d.resolution) for d in found]


def test_seed_today_takes_its_year_from_the_conference_name_not_the_repost_date() -> None:
    found = _dates("dongjing-ai-town.txt", published="2021-06-01")
    assert ("今天(11月18日)", "2020-11-18", "year-from-text") in found
    assert ("截至今年十月", "2020-10", "year-from-text") in found
    assert all(value != "2021-06-01" for _, value, _ in found)


def test_last_year_is_read_against_the_year_named_in_the_same_sentence() -> None:
    found = _dates("g60-weekly-noisy.txt")
    assert ("去年11月18日", "2020-11-18", "year-from-text") in found
    assert ("今年", "2021", "year-from-text") in found


def test_page_date_is_the_last_resort() -> None:
    found = find_dates("今年，走廊写入规划。", published="2021-07-30")
    assert [(d.value, d.resolution) for d in found] == [("2021", "from-page-date")]
    assert "2021-07-30" in found[0].clue


def test_explicit_dates() -> None:
    found = _dates("dongjing-signing.txt")
    assert ("2020年11月18日", "2020-11-18", "explicit") in found
    assert ("2020年10月", "2020-10", "explicit") in found


def test_yesterday_with_its_day_and_same_day_references() -> None:
    text = "昨天（7月30日），松江区介绍情况。同日，当地举行座谈会。"
    found = find_dates(text, published="2021-07-31")
    assert [(d.value, d.resolution) for d in found] == [
        ("2021-07-30", "from-page-date"),
        ("2021-07-30", "from-page-date"),
    ]
    assert "同日" in found[1].clue


def test_today_without_its_day_is_the_page_date() -> None:
    (today,) = find_dates("今天，洞泾镇举办签约活动。", published="2020-11-18")
    assert (today.value, today.resolution) == ("2020-11-18", "from-page-date")


def _values(text: str, published: str | None = None) -> list[tuple[str, str]]:
    return [
        (text[d.span.start : d.span.end], d.value) for d in find_dates(text, published=published)
    ]


def test_month_day_takes_the_year_named_before_it() -> None:
    found = _values("2020年3月，项目签约。6月6日，中心开工。")
    assert ("6月6日", "2020-06-06") in found


def test_day_alone_and_yesterday_count_from_the_dateline() -> None:
    found = _values("新华社上海6月7日电 2020年3月签约。9日，记者获悉；昨日开工，年内建成。")
    assert ("6月7日", "2020-06-07") in found
    assert ("9日", "2020-06-09") in found
    assert ("昨日", "2020-06-06") in found
    assert ("年内", "2020") in found


def test_this_month_and_day_count_from_the_page_date() -> None:
    found = _values("本月3日签约，当月底投用。", published="2021-11-10")
    assert found == [("本月3日", "2021-11-03"), ("当月底", "2021-11")]


def test_without_a_year_before_it_a_month_day_takes_the_page_year_not_a_later_background_date() -> (
    None
):
    text = "11月9日，两家企业签约。示范区今年8月签约，是2019年11月1日揭牌以来的首个项目。"
    found = [
        (text[d.span.start : d.span.end], d.value) for d in find_dates(text, published="2020-11-09")
    ]
    assert ("11月9日", "2020-11-09") in found
    assert ("今年8月", "2020-08") in found
    assert ("2019年11月1日", "2019-11-01") in found


def test_an_iso_date_in_the_body_gives_the_year() -> None:
    found = find_dates("2020-11-09 讯\n11月9日，两家企业签约。")
    assert [(d.value, d.resolution) for d in found][-1] == ("2020-11-09", "year-from-text")


def test_same_and_next_year_count_from_the_year_named_before() -> None:
    found = find_dates("2016年，走廊提出。次年7月，走廊更名；同年，联盟成立。2020.6.6，中心开工。")
    assert [d.value for d in found] == ["2016", "2017-07", "2017", "2020-06-06"]


def test_a_range_ends_in_its_own_month_and_written_out_dates_are_read() -> None:
    text = "发布：2021-11-10\n6月6日至8日，展会举办。\n特此通知。\n二〇二五年十二月二十四日"
    found = [(text[d.span.start : d.span.end], d.value) for d in find_dates(text)]
    assert ("8日", "2021-06-08") in found
    assert ("二〇二五年十二月二十四日", "2025-12-24") in found


def _read(text: str, published: str) -> list[tuple[str, str]]:
    return [
        (text[d.span.start : d.span.end], d.value) for d in find_dates(text, published=published)
    ]


def test_a_range_whose_first_day_has_no_ri_and_days_written_with_hao() -> None:
    assert _read("11月16至17日，大会举行。", "2019-11-17") == [
        ("11月16", "2019-11-16"),
        ("11月16至17日", "2019-11-16/2019-11-17"),
        ("17日", "2019-11-17"),
    ]
    assert _read("6月6号上午签约，地铁9号线通车。", "2020-06-09") == [("6月6号", "2020-06-06")]


def test_a_planned_month_takes_the_articles_year_not_a_background_year() -> None:
    text = "示范区2019年11月1日揭牌以来首个项目。一期项目预计12月开工。"
    assert ("12月", "2020-12") in _read(text, "2020-11-09")


def test_spaced_dates_are_read() -> None:
    assert _read("2020 年 6 月 6 日，开工。", "2020-06-09") == [("2020 年 6 月 6 日", "2020-06-06")]


def test_an_amount_or_count_is_not_a_year_naming_an_event() -> None:
    found = find_dates("去年实现产值2040亿元，入驻企业2020家。", published="2024-05-09")
    assert [(d.value, d.resolution) for d in found] == [("2023", "from-page-date")]


def test_today_and_yesterday_count_from_a_wire_dateline_before_the_page_date() -> None:
    text = "本报上海11月8日电　今天下午，会议召开。昨天，代表报到。"
    found = find_dates(text, published="2021-11-09")
    assert [(text[d.span.start : d.span.end], d.value) for d in found] == [
        ("11月8日", "2021-11-08"),
        ("今天", "2021-11-08"),
        ("昨天", "2021-11-07"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("大会于2021年1月7日至8日举行", "2021-01-07/2021-01-08"),
        ("实施期为2024—2026年", "2024/2026"),
        ("规划期2017年—2022年", "2017/2022"),
        ("到2025年底建成", "2025-12"),
        ("上月20日签约", "2024-09-20"),
    ],
)
def test_ranges_year_ends_and_last_months_days(text: str, value: str) -> None:
    assert value in [d.value for d in find_dates(text, published="2024-10-10")]


def test_the_page_dates_month_and_day_is_the_page_date_whatever_year_came_before() -> None:
    text = "项目2024年起释放产能\n6月16日，项目主体封顶。"
    values = [d.value for d in find_dates(text, published="2023-06-16")]
    assert values == ["2024", "2023-06-16"]

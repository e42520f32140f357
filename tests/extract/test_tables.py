from g60kg.extract import extract
from g60kg.extract.furniture import find_furniture
from g60kg.extract.tables import table_quantities

BULLETIN = (
    "指标名称 | 计量单位 | 上半年 | 同比增长（%）\n"
    "地区生产总值 | 亿元 | 1867.9 | 5.7\n"
    "　其中：装备制造业 | — | — | 12.3\n"
    "规模以上工业企业 | 家 | 3120 | -1.5\n"
)


def _read(text: str) -> list[tuple[str, object, object]]:
    return [
        (
            text[q.span.start : q.span.end],
            q.data.get("value"),
            q.data.get("unit") or q.data.get("currency"),
        )
        for q in table_quantities(text)
    ]


def test_a_unit_column_and_a_bracketed_unit_give_each_number_its_unit() -> None:
    assert _read(BULLETIN) == [
        ("1867.9", 186_790_000_000, "CNY"),
        ("5.7", 5.7, "percent"),
        ("12.3", 12.3, "percent"),
        ("3120", 3120, "count-unit:company"),
        ("-1.5", -1.5, "percent"),
    ]


def test_columns_aligned_with_spaces_are_a_table_too() -> None:
    text = "项目　　　　数值（亿元）　　增长（%）\n营业收入　　　1378.6　　　　-2.5\n"
    assert _read(text) == [("1378.6", 137_860_000_000, "CNY"), ("-2.5", -2.5, "percent")]


def test_a_column_without_a_unit_and_a_line_of_metadata_give_nothing() -> None:
    text = "城市 | 年份 | 排名\n嘉兴市 | 2023 | 5\n发布时间：2023-07-23　　来源：某某统计局\n"
    assert _read(text) == []


def test_a_row_of_numbers_is_not_a_menu() -> None:
    lines = ["首页 | 新闻 | 政务 | 互动", "地区生产总值 | 亿元 | 1867.9 | 5.7"]
    text = "\n".join(lines)
    assert [text[s:e] for s, e in find_furniture(text)] == [lines[0]]


def test_the_article_lists_the_table_figures_with_their_evidence() -> None:
    candidates = extract(BULLETIN.encode(), source_id="bulletin", nlp="")
    texts = {row["text"]: row for row in candidates.figures}
    assert texts["1867.9"]["value"] == 186_790_000_000
    assert texts["1867.9"]["evidence"]["quote"] == "1867.9"

"""Text tables for people: fitted to the width asked, nothing lost silently."""

from __future__ import annotations

from g60kg.sparql.tables import display_width, shorten, text_table, wrap


def test_a_table_that_fits_is_left_as_it_is() -> None:
    table = text_table(["a", "b"], [["松江区", "1"]], width=80)
    assert table.splitlines() == ["a       b", "------  -", "松江区  1"]


def test_wide_tables_are_narrowed_to_the_width_counting_cjk_as_two() -> None:
    quote = "在落地企业与意向落地企业名单中,一连串的名字引人注目,安徽省投资集团控股有限公司"
    cells = [["洞泾镇", quote, "Dongjing Artificial Intelligence Town", "≥ 10,000,000,000"]]
    lines = text_table(["place", "quote", "name", "amount"], cells, width=70).splitlines()
    assert max(display_width(line) for line in lines) <= 70
    assert lines[2].endswith("≥ 10,000,000,000")  # a figure is never broken
    assert "…" in lines[3] and len(lines) == 4  # two lines, then cut


def test_header_and_rule_stay_one_line_and_rows_keep_their_order() -> None:
    lines = text_table(["a_very_long_column_name"], [["甲"], ["乙"]], width=10).splitlines()
    assert lines == ["a_very_long_col…", "-" * 16, "甲", "乙"]


def test_shorten_and_wrap_mark_what_is_cut() -> None:
    assert shorten("区长李谦出席大会并发表讲话", 9) == "区长李谦…"
    assert shorten("short", 9) == "short"
    assert wrap("洞泾人工智能小镇示范区方案", 8) == ["洞泾人工", "智能小…"]
    assert wrap("", 8) == [""]

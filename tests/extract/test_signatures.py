"""A notice's closing signature dates the notice and the documents it names."""

from __future__ import annotations

from g60kg.extract import extract

NOTICE = (
    "余杭区人民政府门户网站 | 首页 > 政策文件\n\n"
    "杭州市余杭区人民政府关于印发《余杭区加快建设人工智能创新高地实施方案》的通知\n"
    "各镇人民政府、街道办事处：现将《余杭区加快建设人工智能创新高地实施方案》印发给你们，请认真贯彻执行。\n\n"
    "杭州市余杭区人民政府\n"
    "2025年10月17日\n"
)


def dates_of(text: str) -> set[tuple[str, str]]:
    found = extract(text.encode(), source_id="demo", nlp="")
    names = {e["id"]: e["zh"] for e in found.entities}
    return {
        (names[row["subject"]], str(row["value"]))
        for row in found.statements + found.review
        if row.get("predicate") == "date"
    }


def test_the_signature_dates_the_notice_and_the_plan_it_issues() -> None:
    assert dates_of(NOTICE) == {
        (
            "杭州市余杭区人民政府关于印发《余杭区加快建设人工智能创新高地实施方案》的通知",
            "2025-10-17",
        ),
        ("余杭区加快建设人工智能创新高地实施方案", "2025-10-17"),
    }


def test_a_signature_dates_only_the_notices_of_the_body_that_signs() -> None:
    text = NOTICE.replace("杭州市余杭区人民政府\n2025", "上海市松江区人民政府\n2025")
    assert dates_of(text) == set()

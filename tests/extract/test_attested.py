"""Post holdings carry the day the source attests them."""

from __future__ import annotations

from g60kg.extract import extract


def holdings(text: str, published: str | None = None) -> dict[str, tuple[str | None, str | None]]:
    found = extract(text.encode(), source_id="demo", nlp="", published=published)
    return {
        row["zh"]: (row["properties"].get("attestedOn"), row.get("date_resolution"))
        for row in found.statements
        if row.get("fact") == "PostHolding"
    }


def test_a_holding_takes_the_date_written_before_it_in_its_sentence() -> None:
    text = "2023年6月15日，芜湖市委副书记、市长宁波出席开工仪式。"
    assert holdings(text, "2023-06-16") == {
        "宁波任芜湖市委副书记": ("2023-06-15", "explicit"),
        "宁波任芜湖市市长": ("2023-06-15", "explicit"),
    }


def test_a_holding_without_a_date_of_its_own_takes_the_page_date() -> None:
    text = "项目主体封顶。芜湖市委副书记、市长宁波出席。"
    assert holdings(text, "2023-06-16") == {
        "宁波任芜湖市委副书记": ("2023-06-16", "from-page-date"),
        "宁波任芜湖市市长": ("2023-06-16", "from-page-date"),
    }


def test_a_holding_the_text_places_in_the_past_is_not_dated_by_the_page() -> None:
    text = "项目主体封顶。时任芜湖市市长宁波出席。"
    assert holdings(text, "2023-06-16") == {"宁波任芜湖市市长": (None, None)}

from g60kg.extract import extract
from g60kg.extract.ordinals import find_ordinals
from g60kg.extract.quantities import find_quantities


def _ordinals(text: str) -> list[tuple[str, int, str, str | None]]:
    return [
        (q.data["text"], q.data["value"], q.data["unit"], q.data.get("word_unit"))
        for q in find_ordinals(text)
    ]


def test_ranks_are_positions_with_their_measure_words_unit_beside() -> None:
    assert _ordinals("排名第34位，前7位，全国第1名") == [
        ("第34位", 34, "count-unit:rank", "count-unit:person"),
        ("前7位", 7, "count-unit:rank", "count-unit:person"),
        ("第1名", 1, "count-unit:rank", "count-unit:person"),
    ]
    assert _ordinals("连续两年位列全省第七。") == [("第七", 7, "count-unit:rank", None)]


def test_editions_sessions_and_firsts_are_ordinals() -> None:
    assert _ordinals("第五届大会、市政府第65次常务会议、全国首个试点、第3个基地") == [
        ("第五届", 5, "ordinal", None),
        ("第65次", 65, "ordinal", None),
        ("首个", 1, "ordinal", "count-unit:unit"),
        ("第3个", 3, "ordinal", "count-unit:unit"),
    ]


def test_a_position_is_no_count_and_durations_stay_counts() -> None:
    found = find_quantities("排名第34位，前7位，用了60天，第10年")
    assert [q.data["text"] for q in found] == ["60天", "10年"]
    assert _ordinals("提前60天，第10年，全国第六") == []


def test_extract_lists_positions_among_the_figures() -> None:
    figures = extract("合肥高新区排名第七，居全国第5位。".encode(), source_id="t").figures
    assert [(f["text"], f["unit"]) for f in figures] == [
        ("第七", "count-unit:rank"),
        ("第5位", "count-unit:rank"),
    ]

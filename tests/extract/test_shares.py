from g60kg.extract import extract
from g60kg.extract.shares import find_shares


def _shares(text: str) -> list[tuple[str, str, float]]:
    rows = []
    for share in find_shares(text):
        key = next(k for k in ("value", "min", "max") if k in share.data)
        rows.append((share.data["text"], share.data["qualifier"], share.data[key]))
    return rows


def test_fractions_in_digits_and_in_words_are_shares() -> None:
    assert _shares("约占全国的3/5和1/3，不足万分之一的土地") == [
        ("3/5", "exact", 0.6),
        ("1/3", "exact", 0.333333),
        ("不足万分之一", "less-than", 0.0001),
    ]
    assert _shares("占全省的十分之一以上、全市的三分之一") == [
        ("十分之一以上", "more-than", 0.1),
        ("三分之一", "exact", 0.333333),
    ]


def test_tenths_and_half_keep_their_approximate_wording() -> None:
    assert _shares("出口占比接近七成，超过两成，一半以上") == [
        ("接近七成", "nearly", 0.7),
        ("超过两成", "more-than", 0.2),
        ("一半以上", "more-than", 0.5),
    ]


def test_dates_words_and_whole_numbers_are_no_shares() -> None:
    assert _shares("2023/10/12发布，形成一成不变的格局，建成投用，5/3") == []


def test_extract_lists_shares_among_the_figures() -> None:
    figures = extract("九城市以全国约1/28的人口贡献了近1/7的GDP。".encode(), source_id="t").figures
    rows = [(f["text"], f["unit"]) for f in figures]
    assert rows == [("九城市", "count-unit:city"), ("约1/28", "fraction"), ("近1/7", "fraction")]

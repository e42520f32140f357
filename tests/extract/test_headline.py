from extract_helpers import EVAL, article_bytes
from g60kg.extract import extract
from g60kg.extract.decode import decode_article
from g60kg.extract.furniture import find_furniture
from g60kg.extract.headline import propose_published, propose_title


def _text(name: str) -> str:
    return decode_article((EVAL / "articles" / name).read_bytes(), source=name).text


def test_headline_skips_navigation_and_page_furniture() -> None:
    text = _text("dongjing-briefing-noisy.txt")
    assert propose_title(text, find_furniture(text)) == "洞泾：多家投资企业集体签约"


def test_page_date_is_read_from_a_metadata_line() -> None:
    text = _text("joint-office.txt")
    assert propose_published(text, find_furniture(text), [])[0] == "2023-05-10"


def test_a_lead_sentence_is_not_a_headline() -> None:
    assert propose_title("本报讯 记者获悉，走廊九城签约。\n正文。", []) is None


def test_extract_proposes_title_and_date_and_says_so() -> None:
    result = extract(article_bytes("g60-weekly-noisy"), source_id="x")
    assert result.meta["title"].startswith("洞泾人工智能产业基地回顾")
    assert result.meta["published"] == "2021-06-01"
    assert "published_from" in result.meta and "title_from" in result.meta
    given = extract(
        article_bytes("g60-weekly-noisy"), source_id="x", title="T", published="2021-06-02"
    )
    assert given.meta["title"] == "T" and "title_from" not in given.meta


def test_a_line_that_opens_with_the_date_before_its_source_is_the_page_date() -> None:
    from g60kg.extract.furniture import find_furniture
    from g60kg.extract.headline import propose_published

    text = "项目开工\n2021年11月10日 10:30　来源：某某日报\n\n本报讯 昨日，项目开工。"
    assert propose_published(text, find_furniture(text), []) == (
        "2021-11-10",
        "the page date line 2021年11月10日 10:30　来源",
    )

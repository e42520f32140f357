import pytest
from extract_helpers import FIXTURES
from g60kg.extract import DecodeError, extract


def test_extract_reports_metadata_and_finds_the_event() -> None:
    article = "2020年11月18日，首届长三角G60人工智能产业洞泾峰会在松江区洞泾镇举行。".encode(
        "gb18030"
    )
    result = extract(article, source_id="demo", url="http://example.org/a", title="峰会")
    data = result.to_dict()
    assert data["article"]["encoding"] == "gb18030"
    assert data["article"]["url"] == "http://example.org/a"
    assert {s.get("predicate") for s in result.statements} >= {"heldIn", "date"}


def test_extract_refuses_empty_input() -> None:
    with pytest.raises(DecodeError):
        extract((FIXTURES / "empty.txt").read_bytes(), source_id="empty")

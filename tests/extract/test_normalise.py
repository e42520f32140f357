import pytest
from extract_helpers import GOLD_NAMES, article_bytes
from g60kg.extract.decode import decode_article
from g60kg.extract.normalise import to_simplified


@pytest.mark.parametrize("name", GOLD_NAMES)
def test_simplified_copy_keeps_every_offset(name: str) -> None:
    text = decode_article(article_bytes(name)).text
    assert len(to_simplified(text)) == len(text)


def test_traditional_names_become_simplified_in_place() -> None:
    text = "嘉興市、蕪湖市位於浙江省"
    simplified = to_simplified(text)
    assert simplified == "嘉兴市、芜湖市位于浙江省"
    assert simplified.index("芜湖市") == text.index("蕪湖市")

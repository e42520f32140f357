from pathlib import Path

import pytest
from extract_helpers import EVAL, FIXTURES
from g60kg.extract.decode import MAX_BYTES, decode_article
from g60kg.extract.errors import DecodeError

ARTICLES = EVAL / "articles"


def test_utf8_seed_is_read_as_utf8() -> None:
    decoded = decode_article((ARTICLES / "dongjing-ai-town.txt").read_bytes())
    assert decoded.encoding == "utf-8"
    assert decoded.text.startswith("40余家企业")


def test_gb18030_copy_decodes_to_the_utf8_text() -> None:
    decoded = decode_article((ARTICLES / "dongjing-signing.gb18030.txt").read_bytes())
    assert decoded.encoding == "gb18030"
    assert decoded.text == (ARTICLES / "dongjing-signing.txt").read_text(encoding="utf-8")


def test_big5_copy_decodes_to_the_utf8_text() -> None:
    decoded = decode_article((ARTICLES / "corridor-cities-hant.big5.txt").read_bytes())
    assert decoded.encoding == "big5"
    expected = (ARTICLES / "corridor-cities-hant.utf8.txt").read_text(encoding="utf-8")
    assert decoded.text == expected


@pytest.mark.parametrize(
    ("fixture", "problem"),
    [
        ("empty.txt", "empty"),
        ("blank.txt", "empty"),
        ("binary.bin", "binary"),
        ("undetectable.txt", "encoding cannot be told"),
    ],
)
def test_bad_input_gets_a_clear_error(fixture: str, problem: str) -> None:
    path = FIXTURES / fixture
    with pytest.raises(DecodeError) as caught:
        decode_article(path.read_bytes(), source=str(path))
    assert problem in caught.value.problem
    assert caught.value.file == str(path)
    assert caught.value.fix


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes("洞泾".encode() * (MAX_BYTES // 6 + 1))
    with pytest.raises(DecodeError, match="over the"):
        decode_article(big.read_bytes(), source=str(big))

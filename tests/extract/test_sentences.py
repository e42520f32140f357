from itertools import pairwise

import pytest
from extract_helpers import GOLD_NAMES, article_bytes
from g60kg.extract.decode import decode_article
from g60kg.extract.sentences import split_sentences


@pytest.mark.parametrize("name", GOLD_NAMES)
def test_sentences_are_ordered_non_blank_and_inside_the_text(name: str) -> None:
    text = decode_article(article_bytes(name)).text
    spans = split_sentences(text)
    assert spans
    for (_, end), (next_start, _) in pairwise(spans):
        assert end <= next_start
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]


def test_ellipsis_and_line_breaks_end_sentences() -> None:
    text = "甲公司、乙公司……这些企业\n第二行"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "甲公司、乙公司……",
        "这些企业",
        "第二行",
    ]

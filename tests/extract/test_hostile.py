"""Hostile articles: unbounded sentences are cut, long articles are read up to a bound, said so."""

from __future__ import annotations

from g60kg.extract import MAX_READ_CHARS, extract
from g60kg.extract.sentences import MAX_SENTENCE, split_sentences


def test_a_run_without_end_marks_is_cut_into_bounded_sentences() -> None:
    text = "科技有限公司产业基地" * 500
    spans = split_sentences(text)
    assert max(end - start for start, end in spans) <= MAX_SENTENCE
    assert "".join(text[start:end] for start, end in spans) == text


def test_past_the_read_bound_a_doubt_says_what_was_not_read() -> None:
    sentence = "首届长三角G60人工智能产业洞泾峰会在松江区洞泾镇举行。"
    text = sentence * (MAX_READ_CHARS // len(sentence) + 50)
    result = extract(text.encode(), source_id="long")
    unread = [d for d in result.doubts if d["id"] == f"unread-{MAX_READ_CHARS}"]
    assert len(unread) == 1 and str(len(text)) in unread[0]["note"]
    assert text[unread[0]["start"] : unread[0]["end"]] == unread[0]["quote"]
    assert "洞泾镇" in [e["zh"] for e in result.entities]

from extract_helpers import as_data, run
from g60kg.extract.doubts import find_doubts


def test_seed_garbled_line_is_a_doubt_at_the_curated_span() -> None:
    doubts = as_data(run("dongjing-ai-town"))["doubts"]
    assert [(d["quote"], d["start"], d["end"]) for d in doubts] == [("答案就在现常", 667, 673)]


def test_headlines_and_finished_sentences_are_not_doubts() -> None:
    text = "【深度】一条高速，九座城市\n走廊涉及一市三省。\n■企业签约仪式"
    assert find_doubts(text, []) == []

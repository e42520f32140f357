from g60kg.extract.people import find_posts


def test_a_chain_of_titles_gives_one_post_each() -> None:
    text = "洞泾镇党委副书记、镇长李子表示"
    posts = find_posts(text, [])
    assert [(text[p.person.start : p.person.end], p.title) for p in posts] == [
        ("李子", "党委副书记"),
        ("李子", "镇长"),
    ]


def test_a_title_followed_by_a_verb_names_nobody() -> None:
    assert find_posts("区长出席大会", []) == []

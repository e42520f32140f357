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


def test_posts_in_brackets_after_the_name_and_a_place_that_begins_the_title() -> None:
    from g60kg.extract.mentions import find_mentions

    text = "张三（嘉兴市委书记）、李四（南湖区区长）出席。南湖区委副书记、区长王五致辞。"
    posts = find_mentions(text).posts
    found = {
        (text[p.person.start : p.person.end], p.title, p.place.name if p.place else None)
        for p in posts
    }
    assert ("张三", "市委书记", "嘉兴市") in found
    assert ("李四", "区长", "南湖区") in found
    assert ("王五", "区委副书记", "南湖区") in found

"""``GET /ask``: plain questions answered over HTTP by a real server on 127.0.0.1."""

from __future__ import annotations

import httpx
import pytest
from g60kg.serve.asking import MAX_QUESTION_CHARS, QuestionError, read_question


def test_a_question_is_answered_with_its_quoted_evidence(ask_endpoint: str) -> None:
    response = httpx.get(f"{ask_endpoint}/ask", params={"q": "洞泾镇位于哪个区？"}, timeout=60)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    assert "松江区".encode() in response.content  # UTF-8, not \\u escapes
    reply = response.json()
    assert reply["question"] == "洞泾镇位于哪个区？"
    first = reply["answers"][0]
    assert (first["label"], first["label_en"]) == ("松江区", "Songjiang District")
    quotes = [e["quote"] for e in first["evidence"]]
    assert "在松江区洞泾镇集体亮相" in quotes
    assert reply["bindings"]["x"] == "https://w3id.org/g60kg/id/adm-310117106"


def test_english_reply_when_asked_for(ask_endpoint: str) -> None:
    params = {"q": "今天天气怎么样", "lang": "en"}
    reply = httpx.get(f"{ask_endpoint}/ask", params=params, timeout=60).json()
    assert reply["answers"] == []
    assert reply["message"].startswith("I understand questions like these")


def test_a_non_question_gets_no_answers_and_a_message(ask_endpoint: str) -> None:
    response = httpx.get(f"{ask_endpoint}/ask", params={"q": "今天天气怎么样"}, timeout=60)
    assert response.status_code == 200
    reply = response.json()
    assert reply["answers"] == []
    assert "洞泾镇位于哪个区？" in reply["message"]


@pytest.mark.parametrize(
    ("query", "status", "words"),
    [
        ("q=" + "洞" * (MAX_QUESTION_CHARS + 1), 413, "at most 200 characters"),
        ("", 400, "send one question"),
        ("q=%20%20", 400, "send one question"),
        ("q=a&q=b", 400, "send one question"),
        ("q=%E6%B4%9E%FF", 400, "not UTF-8"),
        ("q=x&lang=fr", 400, "lang is zh or en"),
    ],
)
def test_bad_questions_are_refused_with_a_reason(
    ask_endpoint: str, query: str, status: int, words: str
) -> None:
    response = httpx.get(f"{ask_endpoint}/ask?{query}", timeout=60)
    assert response.status_code == status
    assert words in response.text


def test_a_host_of_another_site_is_refused(ask_endpoint: str) -> None:
    headers = {"Host": "evil.example"}
    response = httpx.get(f"{ask_endpoint}/ask?q=x", headers=headers, timeout=60)
    assert response.status_code == 421


def test_read_question_keeps_the_limit_at_the_boundary() -> None:
    assert read_question({"q": ["洞" * MAX_QUESTION_CHARS]})[0] == "洞" * MAX_QUESTION_CHARS
    with pytest.raises(QuestionError):
        read_question({"q": ["洞" * (MAX_QUESTION_CHARS + 1)]})


def test_a_writable_endpoint_answers_from_the_dataset_as_loaded(
    ask_writable_endpoint: str,
) -> None:
    town = "<https://w3id.org/g60kg/id/adm-310117106>"
    update = f"DELETE WHERE {{ GRAPH ?g {{ {town} ?p ?o }} }}"
    sent = httpx.post(f"{ask_writable_endpoint}/sparql", data={"update": update}, timeout=60)
    assert sent.status_code in (200, 204), sent.text
    reply = httpx.get(
        f"{ask_writable_endpoint}/ask", params={"q": "洞泾镇位于哪个区？"}, timeout=60
    ).json()
    assert [a["label"] for a in reply["answers"]][:1] == ["松江区"]

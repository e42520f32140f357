"""The question box of the served page in a real browser: headless Debian Chromium, the
endpoint on 127.0.0.1, and every request to any other address refused.

`make test` installs chromium (and fonts-noto-cjk) first; outside CI the tests skip without it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest


@dataclass
class Visit:
    """An opened page and everything it tried to do."""

    page: Any
    refused: list[str] = field(default_factory=list)
    served: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def visit(context: Any, ask_endpoint: str) -> Iterator[Visit]:
    """The served page, with every request not for the endpoint itself refused."""
    page = context.new_page()
    seen = Visit(page)
    own = ask_endpoint + "/"

    def route(handler: Any) -> None:
        url = handler.request.url
        if url.startswith(own):
            seen.served.append(url)
            handler.continue_()
        else:
            seen.refused.append(url)
            handler.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda e: seen.errors.append(str(e)))
    page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
    page.goto(own)
    yield seen
    page.close()
    assert seen.refused == [], "the page asked the network for something"
    assert seen.errors == [], "the page logged errors (a script or a blocked resource)"


def test_the_question_box_answers_with_the_quoted_evidence(visit: Visit) -> None:
    page = visit.page
    page.fill("#question", "洞泾镇位于哪个区？")
    page.click("#ask")
    answer = page.locator("#answer .answer").first
    answer.wait_for(timeout=60_000)
    assert answer.locator(".label").text_content() == "松江区"
    assert "Songjiang District" in (answer.locator(".label-en").text_content() or "")
    quotes = answer.locator(".quote").all_text_contents()
    assert "「在松江区洞泾镇集体亮相」" in quotes
    assert "2021-06-01" in (answer.text_content() or "")  # the source's date
    assert any("/ask?q=" in url for url in visit.served)


def test_a_question_without_answer_shows_the_message(visit: Visit) -> None:
    page = visit.page
    page.fill("#question", "今天天气怎么样")
    page.press("#question", "Enter")
    message = page.locator("#answer .message")
    message.wait_for(timeout=60_000)
    assert "洞泾镇位于哪个区？" in (message.text_content() or "")
    assert page.locator("#answer .answer").count() == 0


def test_markup_in_a_question_is_shown_as_text(visit: Visit) -> None:
    page = visit.page
    hostile = "<img src=x onerror=alert(1)>在哪里"
    page.fill("#question", hostile)
    page.click("#ask")
    page.locator("#answer .interpretation").wait_for(timeout=60_000)
    assert page.locator("#answer img").count() == 0


def test_every_example_of_the_page_runs_and_returns_rows(visit: Visit) -> None:
    from g60kg.serve.examples import read_examples

    page = visit.page
    queries = Path(__file__).resolve().parents[2] / "ontology" / "queries"
    named = {example.name for example in read_examples(queries)}
    page.wait_for_function("document.querySelectorAll('#example option').length > 1")
    offered = [value for value in page.eval_on_selector_all(
        "#example option", "options => options.map(o => o.value)") if value]  # fmt: skip
    assert set(offered) == named and len(offered) >= 12
    for name in offered:
        page.select_option("#example", name)
        text = page.input_value("#query")
        assert "PREFIX" not in text  # the endpoint declares g60:, rdfs:, … itself
        page.click("#run")
        page.wait_for_function(
            "(s => s.textContent && s.textContent !== '…')(document.getElementById('status'))",
            timeout=60_000,
        )
        status = page.locator("#status")
        assert status.get_attribute("class") != "error", f"{name}: {status.text_content()}"
        rows = page.locator("#output tbody tr").count()
        assert rows > 0, f"{name} returned no rows"

"""Choosing a result format from Accept, as browsers and SPARQL clients send it."""

from __future__ import annotations

import pytest
from g60kg.serve.negotiate import choose


@pytest.mark.parametrize(
    ("accept", "form", "chosen"),
    [
        (None, "SELECT", "application/sparql-results+json"),
        ("", "CONSTRUCT", "text/turtle"),
        ("*/*", "DESCRIBE", "text/turtle"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", "SELECT", "application/sparql-results+json"),
        ("text/csv;q=0.4, text/tab-separated-values;q=0.9", "SELECT", "text/tab-separated-values"),
        ("text/*", "SELECT", "text/csv"),
        ("application/*", "CONSTRUCT", "application/n-triples"),
        ("application/sparql-results+xml", "ASK", "application/sparql-results+xml"),
        ("application/rdf+xml", "CONSTRUCT", "application/rdf+xml"),
        ("application/json", "SELECT", "application/sparql-results+json"),
        ("application/json", "CONSTRUCT", "application/ld+json"),
        ("TEXT/TURTLE; charset=utf-8", "CONSTRUCT", "text/turtle"),
        ("text/turtle;q=0, application/ld+json", "CONSTRUCT", "application/ld+json"),
        ("text/turtle;q=0", "CONSTRUCT", None),
        ("text/turtle", "SELECT", None),
        ("image/png", "ASK", None),
        ("text/csv;q=oops", "SELECT", None),
    ],
)
def test_choose(accept: str | None, form: str, chosen: str | None) -> None:
    assert choose(accept, form) == chosen

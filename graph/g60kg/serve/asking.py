"""``GET /ask?q=…&lang=zh|en``: a plain question answered from the served dataset, as JSON.

The question is answered by `g60kg.ask.ask` on a read-only `KnowledgeGraph`, opened on the
first question and kept: the server's own store (opened read-only, as the query workers open
it), or, when updates are allowed and that store changes under it, an in-memory copy of the
dataset file. Questions are answered one at a time on a thread, never on the event loop.

>>> asker = Asker(lambda: None)  # doctest: +SKIP
>>> asker.reply("洞泾镇位于哪个区？", None)["answers"][0]["label"]  # doctest: +SKIP
'松江区'
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from g60kg.errors import G60Error
from g60kg.kg import KnowledgeGraph

__all__ = [
    "MAX_QUESTION_CHARS",
    "Asker",
    "QuestionError",
    "dataset_graph",
    "read_question",
    "store_graph",
]

MAX_QUESTION_CHARS = 200
LANGS = ("zh", "en")


class QuestionError(Exception):
    """A question the endpoint refuses, with the HTTP status to answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def read_question(params: dict[str, list[str]]) -> tuple[str, str | None]:
    """The question and its language from the query string's fields, or a QuestionError.

    >>> read_question({"q": ["洞泾镇位于哪个区？"], "lang": ["zh"]})
    ('洞泾镇位于哪个区？', 'zh')
    >>> read_question({"q": ["x" * 201]})
    Traceback (most recent call last):
    ...
    g60kg.serve.asking.QuestionError: a question may have at most 200 characters; this one has 201
    """
    questions = params.get("q", [])
    if len(questions) != 1 or not questions[0].strip():
        raise QuestionError(400, "send one question as ?q=…, e.g. /ask?q=洞泾镇位于哪个区？")
    question = questions[0].strip()
    if len(question) > MAX_QUESTION_CHARS:
        raise QuestionError(
            413,
            f"a question may have at most {MAX_QUESTION_CHARS} characters; "
            f"this one has {len(question)}",
        )
    langs = params.get("lang", [])
    if len(langs) > 1 or (langs and langs[0] not in ("", *LANGS)):
        raise QuestionError(400, "lang is zh or en (or left out to follow the question)")
    return question, (langs[0] or None) if langs else None


def store_graph(store_dir: str) -> KnowledgeGraph:
    """The server's store, opened read-only (no write lock is taken)."""
    return KnowledgeGraph(None, "oxigraph", ox.Store.read_only(store_dir))


def dataset_graph(dataset: Path) -> KnowledgeGraph:
    """An in-memory copy of an N-Quads or TriG dataset file."""
    from g60kg.rdf.store import load_dataset_file

    store = ox.Store()
    load_dataset_file(store, dataset)
    return KnowledgeGraph(None, "oxigraph", store)


class Asker:
    """Answers questions one at a time from a graph opened on the first question."""

    def __init__(self, open_graph: Callable[[], KnowledgeGraph]) -> None:
        self._open_graph = open_graph
        self._kg: KnowledgeGraph | None = None
        self._lock = threading.Lock()

    def reply(self, question: str, lang: str | None) -> dict[str, Any]:
        """The reply to ``question`` as `g60kg.ask.reply_json` gives it (blocking)."""
        from g60kg.ask import ask, reply_json

        with self._lock:
            if self._kg is None:
                self._kg = self._open_graph()
            try:
                return reply_json(ask(self._kg, question, lang))
            except G60Error as error:
                raise QuestionError(400, str(error)) from error

    def reply_bytes(self, question: str, lang: str | None) -> bytes:
        """The reply as UTF-8 JSON."""
        document = self.reply(question, lang)
        return json.dumps(document, ensure_ascii=False).encode("utf-8")

"""Score `ask` on question sets: accuracy per question type, and answers invented where the
graph holds no such facts.

A set is a YAML file of questions, each with its `type` and the answers it `expect`s (Chinese or
English labels, or a value's wording such as 超百亿). A question is answered correctly when every
expected answer is among the reply's answers; a question whose `expect` is empty asks for a fact
the graph does not hold, and is answered correctly only by saying so (no answer at all).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..kg import KnowledgeGraph
from ..records.yamlio import line_of, read_yaml
from ..sparql.results import format_rows
from .core import ask

__all__ = ["QaResult", "evaluate_questions", "format_results"]


@dataclass(frozen=True)
class QaResult:
    """One question's outcome."""

    question: str
    type: str
    correct: bool
    invented: bool
    got: tuple[str, ...]


def _texts(kg: KnowledgeGraph, question: str) -> tuple[str, ...]:
    reply = ask(kg, question)
    found: list[str] = []
    for answer in reply.answers:
        found += [answer.label, answer.label_en, answer.value or ""]
    return tuple(t for t in found if t)


def evaluate_questions(kg: KnowledgeGraph, path: Path) -> list[QaResult]:
    """Ask every question of the set at `path` and score the replies."""
    doc = read_yaml(path)
    questions = doc.get("questions") if isinstance(doc, dict) else None
    if not isinstance(questions, list):
        raise InputError(path, 1, "no `questions:` list", "see data/eval/qa/README.md")
    results = []
    for item in questions:
        if not isinstance(item, dict) or not isinstance(item.get("q"), str):
            raise InputError(path, line_of(item), "a question needs `q:` text", "add `q: …`")
        expect = [str(e) for e in item.get("expect") or []]
        got = _texts(kg, item["q"])
        joined = " | ".join(got)
        correct = all(e in joined for e in expect) if expect else not got
        results.append(
            QaResult(
                item["q"], str(item.get("type", "other")), correct, not expect and bool(got), got
            )
        )
    return results


def format_results(sets: dict[str, list[QaResult]]) -> str:
    """Accuracy per question type, one column pair per set (e.g. dev and blind)."""
    types = sorted({r.type for results in sets.values() for r in results})
    rows = []
    for kind in [*types, "all"]:
        row: dict[str, object] = {"type": kind}
        for name, results in sets.items():
            chosen = [r for r in results if kind in ("all", r.type)]
            right = sum(r.correct for r in chosen)
            row[name] = f"{right}/{len(chosen)} ({right / len(chosen):.0%})" if chosen else "-"
        rows.append(row)
    invented: dict[str, object] = {"type": "invented answers"}
    for name, results in sets.items():
        invented[name] = str(sum(r.invented for r in results))
    rows.append(invented)
    return format_rows(rows, ["type", *sets])


def misses(results: list[QaResult]) -> list[str]:
    """The questions answered wrongly, with what came back (for the dev set only)."""
    by_type: dict[str, list[str]] = defaultdict(list)
    for r in results:
        if not r.correct:
            by_type[r.type].append(f"{r.question} -> {' | '.join(r.got)[:120] or '(nothing)'}")
    return [f"[{t}] {line}" for t, lines in sorted(by_type.items()) for line in lines]

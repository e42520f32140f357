"""The exceptions of g60kg: catch `G60Error` for anything from us."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "AmbiguousEntity",
    "EntityNotFound",
    "G60Error",
    "InputError",
    "InputErrors",
    "NoPath",
    "Problem",
    "QueryError",
    "QueryRefused",
    "QuerySyntaxError",
    "UnknownName",
]


class G60Error(Exception):
    """Base class of every error g60kg raises on purpose."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input: where, what, and how to fix it."""

    file: str
    line: int | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.message}"
        return f"{text}\n    fix: {self.hint}" if self.hint else text


def _display(path: Path | str) -> str:
    """Show a path relative to the working folder when it lies inside it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)


class InputError(G60Error):
    """One problem in the input files."""

    def __init__(self, file: Path | str, line: int | None, message: str, hint: str = "") -> None:
        self.problem = Problem(_display(file), line, message, hint)
        super().__init__(str(self.problem))


class InputErrors(G60Error):
    """Every problem found in the input, reported together.

    >>> err = InputErrors([Problem("a.yaml", 3, "missing id", "add an id")])
    >>> print(err)
    1 problem in the input:
    a.yaml:3: missing id
        fix: add an id
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.message))
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the input:"
        super().__init__("\n".join([head, *map(str, self.problems)]))


class QueryError(G60Error):
    """A SPARQL query that cannot be run as given."""


class QuerySyntaxError(QueryError):
    """The parser rejected the query; `line` and `column` are 1-based."""

    def __init__(self, message: str, line: int, column: int) -> None:
        self.line = line
        self.column = column
        super().__init__(f"SPARQL syntax error at line {line}, column {column}: {message}")


class QueryRefused(QueryError):
    """The query would change the data or reach the network, so it is not run."""


class UnknownName(G60Error):
    """A named query or parameter that does not exist; `valid` lists the ones that do."""

    def __init__(self, message: str, valid: Iterable[str]) -> None:
        self.valid = sorted(valid)
        super().__init__(f"{message}; valid: {', '.join(self.valid) or '(none)'}")


class EntityNotFound(G60Error):
    """No entity has the given name; `closest` lists the nearest labels."""

    def __init__(self, name: str, closest: Iterable[str]) -> None:
        self.name = name
        self.closest = list(closest)
        hint = f"; closest: {', '.join(self.closest)}" if self.closest else ""
        super().__init__(f"no entity named {name!r}{hint}")


class AmbiguousEntity(G60Error):
    """Several entities match the given name; `candidates` are (IRI, label) pairs."""

    def __init__(self, name: str, candidates: Iterable[tuple[str, str]]) -> None:
        self.name = name
        self.candidates = sorted(candidates)
        listed = "; ".join(f"{label} <{iri}>" for iri, label in self.candidates)
        super().__init__(f"{name!r} is ambiguous; candidates: {listed}")


class NoPath(G60Error):
    """Two entities are not connected in the graph."""

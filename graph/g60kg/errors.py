"""The exceptions of g60kg, all in one tree: catch `G60Error` for anything from us.

Every error a user can cause is one of these, and the command line prints it as a message
(exit code 1), never as a traceback:

    G60Error
    ├── InputError, InputErrors     bad records in data/ (file, line, what, how to fix)
    ├── ValidationFailed            the compiled dataset breaks a shape or a SPARQL check
    ├── ProjectNotFound             no project folder where the command looked
    ├── OutputError                 an output path that cannot be written
    ├── QueryError                  a query that may not run
    │   ├── QuerySyntaxError, QueryRefused
    │   ├── SparqlTextError         a query text that cannot be inspected or bound
    │   └── EngineAborted           the engine stopped the child process running a query
    ├── UnknownName                 a named query or parameter that does not exist
    ├── EntityNotFound, AmbiguousEntity, NoPath, UnknownEntityError, UnknownTypeError
    ├── ExtractError                extraction from an article
    │   ├── DecodeError, GoldError
    ├── RemoteError                 an endpoint that cannot be reached or refuses
    ├── UnsupportedShape            a SHACL construct the SPARQL compiler does not translate
    ├── GazetteerError, MissingFontError   something missing on this machine for a view
    └── DatasetError, DatasetMissing   a dataset file that cannot be read or is not there
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "AmbiguousEntity",
    "DatasetError",
    "DatasetMissing",
    "DecodeError",
    "EngineAborted",
    "EntityNotFound",
    "ExtractError",
    "G60Error",
    "GazetteerError",
    "GoldError",
    "InputError",
    "InputErrors",
    "MissingFontError",
    "NoPath",
    "OutputError",
    "Problem",
    "ProjectNotFound",
    "QueryError",
    "QueryRefused",
    "QuerySyntaxError",
    "RemoteError",
    "SparqlTextError",
    "UnknownEntityError",
    "UnknownName",
    "UnknownTypeError",
    "UnsupportedShape",
    "ValidationFailed",
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


class UnknownEntityError(G60Error, LookupError):
    """No node of a view matches the entity asked for; the message lists the closest labels."""


class UnknownTypeError(G60Error, ValueError):
    """A class asked for is not the class of any node; the message lists the valid ones."""


class ValidationFailed(G60Error):
    """The compiled dataset breaks a shape or a cross-node check."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(
            f"{len(problems)} validation problem(s):\n" + "\n".join(f"  {p}" for p in problems)
        )


class ProjectNotFound(G60Error):
    """No project folder (with `data/`) where the command looked."""


class OutputError(G60Error, OSError):
    """The output path cannot be written: a missing or unwritable folder, or a folder in the way."""


class SparqlTextError(QueryError, ValueError):
    """The text cannot be inspected or bound (unterminated string, no WHERE group, ...)."""


class EngineAborted(QueryError):
    """The query engine stopped the (child) process that ran a query; see `g60kg.contain`."""


class ExtractError(G60Error):
    """Anything that goes wrong while extracting from an article: the file, what is wrong and
    how to fix it.

    >>> str(ExtractError("a.txt", "the file is empty", "pass the article text"))
    'a.txt: the file is empty (fix: pass the article text)'
    """

    def __init__(self, file: str, problem: str, fix: str) -> None:
        self.file = file
        self.problem = problem
        self.fix = fix
        super().__init__(f"{file}: {problem} (fix: {fix})")


class DecodeError(ExtractError):
    """The article's bytes cannot be read as text (empty, binary, too large, unknown encoding)."""


class GoldError(ExtractError):
    """A gold annotation file for evaluation is malformed."""


class RemoteError(G60Error):
    """A remote SPARQL endpoint could not be reached or refused the request."""


class UnsupportedShape(G60Error):
    """A shape uses a SHACL construct that `compile_shapes` does not translate."""


class GazetteerError(G60Error):
    """The offline gazetteer (the `cpca` package's centroid table) is not installed."""


class MissingFontError(G60Error, RuntimeError):
    """No font with Chinese glyphs is installed."""


class DatasetError(G60Error, ValueError):
    """A dataset file cannot be read: not N-Quads or TriG, or not valid RDF."""


class DatasetMissing(DatasetError, FileNotFoundError):
    """No dataset file where one was named."""

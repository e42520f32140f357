"""One exception tree under G60Error, and every error a user can cause printed as a message."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from click.testing import CliRunner
from g60kg import errors
from g60kg.cli import main


def test_every_exception_of_g60kg_derives_from_g60error() -> None:
    classes = [
        c for _, c in inspect.getmembers(errors, inspect.isclass) if c.__module__ == errors.__name__
    ]
    exceptions = [c for c in classes if issubclass(c, BaseException)]
    assert len(exceptions) > 20
    assert all(issubclass(c, errors.G60Error) for c in exceptions)
    assert issubclass(errors.ExtractError, errors.G60Error)
    assert issubclass(errors.SparqlTextError, errors.G60Error)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["push", "http://127.0.0.1:9/none", "--dataset", "{ttl}"], "is not N-Quads or TriG"),
        (["serve", "--dataset", "{ttl}"], "is not N-Quads or TriG"),
        (["push", "http://127.0.0.1:9/none", "--dataset", "{bad}"], "not valid N-Quads"),
        (["serve", "--dataset", "{bad}"], "not valid N-Quads"),
        (["query", "--name", "no-such-query"], "no named query 'no-such-query'"),
        (["find", "洞京镇"], "closest: 洞泾镇"),
        (["export", "--format", "trig", "--out", "{file}/g.trig"], "is a file, not a folder"),
    ],
)
def test_user_errors_are_messages_not_tracebacks(
    tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "x.ttl").write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    (tmp_path / "bad.nq").write_text("not rdf\n", encoding="utf-8")
    (tmp_path / "file").write_text("", encoding="utf-8")
    paths = {"ttl": tmp_path / "x.ttl", "bad": tmp_path / "bad.nq", "file": tmp_path / "file"}
    result = CliRunner().invoke(main, [a.format(**paths) for a in args])
    assert result.exit_code == 1, result.output
    assert message in result.output and "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)

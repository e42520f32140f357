"""Atomic writes: all or nothing, UTF-8 whatever the locale."""

from __future__ import annotations

from pathlib import Path

import pytest
from g60kg import output
from g60kg.output import OutputError, write_all, write_files, write_text


def test_write_text_is_utf8_and_replaces(tmp_path: Path) -> None:
    out = tmp_path / "a.txt"
    write_text(out, "旧")
    write_text(out, "洞泾镇\n")
    assert out.read_bytes() == "洞泾镇\n".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_write_files_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "csv"
    real = output._stage
    calls = []

    def failing(folder: Path, name: str, data: bytes) -> str:
        calls.append(name)
        if name == "b.csv":
            raise OSError("disk full")
        return real(folder, name, data)

    monkeypatch.setattr(output, "_stage", failing)
    with pytest.raises(OSError, match="disk full"):
        write_files(folder, {"a.csv": b"1", "b.csv": b"2"})
    assert calls == ["a.csv", "b.csv"]
    assert not folder.exists()


def test_write_files_into_a_file_or_missing_parent(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="is a file"):
        write_files(tmp_path / "f", {"a.csv": b""})
    with pytest.raises(OutputError, match="is a file, not a folder"):
        write_text(tmp_path / "f" / "deeper" / "a.txt", "x")
    assert write_files(tmp_path / "no" / "csv", {"a.csv": b"1"}) == [
        tmp_path / "no" / "csv" / "a.csv"
    ]


def test_a_failed_batch_leaves_no_folder_it_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(folder: Path, name: str, data: bytes) -> str:
        raise OSError("disk full")

    monkeypatch.setattr(output, "_stage", failing)
    with pytest.raises(OSError, match="disk full"):
        write_all({tmp_path / "new" / "deep" / "a.nq": b"", tmp_path / "b.nq": b""})
    assert list(tmp_path.iterdir()) == []

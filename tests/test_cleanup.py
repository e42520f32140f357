"""After SIGTERM no temporary file stays; `serve --store` never deletes what it did not create."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from g60kg.serve import load_store

ROOT = Path(__file__).resolve().parents[1]
INGEST = ROOT / "tests" / "fixtures" / "ingest"
DATASET = ROOT / "tests" / "fixtures" / "corridor.nq"


def test_sigterm_during_ingest_leaves_no_staging_folder(seed_copy: Path, tmp_path: Path) -> None:
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "graph"), "TMPDIR": str(private_tmp)}
    before = {p: p.read_bytes() for p in seed_copy.rglob("*") if p.is_file()}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "g60kg",
            "ingest",
            str(INGEST / "good.yaml"),
            "--data",
            str(seed_copy),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    staged = []
    for _ in range(6000):  # wait for the staging folder (a bound, not a speed claim)
        staged = list(private_tmp.glob("g60kg-ingest-*"))
        if staged or process.poll() is not None:
            break
        time.sleep(0.01)
    if not staged:
        process.kill()
        pytest.fail("ingest finished before its staging folder was seen")
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 143, stderr.decode()
    assert b"Traceback" not in stderr
    assert list(private_tmp.iterdir()) == []
    after = {p: p.read_bytes() for p in seed_copy.rglob("*") if p.is_file()}
    assert after == before  # all or nothing: the data folder is untouched


def test_sigterm_while_a_build_stages_its_files_leaves_none(tmp_path: Path) -> None:
    """The whole data/ (only read): its outputs take long enough to write to be caught."""
    out = tmp_path / "out"
    out.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "graph")}
    command = [sys.executable, "-m", "g60kg", "build", "--data", str(ROOT / "data")]
    process = subprocess.Popen(
        [*command, "--out", str(out)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    staged: list[Path] = []
    for _ in range(300_000):  # poll until staged files appear (a bound, not a speed claim)
        staged = [p for p in out.iterdir() if p.name.startswith(".g60kg")]
        if staged or process.poll() is not None:
            break
        time.sleep(0.001)
    if not staged:
        process.kill()
        pytest.fail("the build finished before its staged files were seen")
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 143, stderr.decode()
    assert b"Traceback" not in stderr
    assert list(out.iterdir()) == []  # all or nothing: no staged file, no partial output


def test_a_stale_store_is_cleared_of_its_own_files_only(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    assert load_store(DATASET, str(folder))[2] is False
    (folder / "g60kg-dataset.sha256").write_text("stale", encoding="utf-8")
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ValueError, match=r"other files \(notes.txt\)"):
        load_store(DATASET, str(folder))
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"
    (folder / "notes.txt").unlink()
    size, _, reused = load_store(DATASET, str(folder))
    assert (size, reused) == (42, False)

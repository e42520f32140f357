"""Shared fixtures: a private copy of the project's data that a test may break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from g60kg.rdf.build import default_data_dir


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the whole data/ in a temporary folder (slow: a build of it takes many
    seconds); a test that only changes the seed article's files uses `seed_copy` instead."""
    target = tmp_path / "data"
    shutil.copytree(default_data_dir(), target)
    return target

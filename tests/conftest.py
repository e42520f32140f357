"""Shared fixtures: a private copy of the project's data that a test may break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from g60kg.rdf.build import default_data_dir


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ in a temporary folder."""
    target = tmp_path / "data"
    shutil.copytree(default_data_dir(), target)
    return target

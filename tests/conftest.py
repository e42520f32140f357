"""Shared fixtures: a private copy of the project's data that a test may break."""

from __future__ import annotations

import shutil
from pathlib import Path

import g60kg
import pytest
from g60kg.kg import KnowledgeGraph
from g60kg.rdf.build import default_data_dir
from g60kg.rdf.store import BACKENDS, DEFAULT_BACKEND


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ in a temporary folder."""
    target = tmp_path / "data"
    shutil.copytree(default_data_dir(), target)
    return target


@pytest.fixture(scope="session", params=BACKENDS)
def any_kg(request: pytest.FixtureRequest) -> KnowledgeGraph:
    """The project's graph on each backend in turn (loaded once per session)."""
    return _loaded(request.param)


@pytest.fixture(scope="session")
def kg() -> KnowledgeGraph:
    """The project's graph on the default backend (loaded once per session)."""
    return _loaded(DEFAULT_BACKEND)


_KGS: dict[str, KnowledgeGraph] = {}


def _loaded(backend: str) -> KnowledgeGraph:
    if backend not in _KGS:
        _KGS[backend] = g60kg.load(backend=backend)  # type: ignore[arg-type]
    return _KGS[backend]

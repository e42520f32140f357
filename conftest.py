"""Shared by the tests and the doctests: the project's graph, loaded once per session and
backend; and the markers that sort tests into lanes (`make check` runs the fast one)."""

from __future__ import annotations

from typing import Any

import pytest
from g60kg import KnowledgeGraph, load
from g60kg.rdf.store import BACKENDS, DEFAULT_BACKEND

_KGS: dict[str, KnowledgeGraph] = {}
SERVER_FIXTURES = {"endpoint", "oxigraph_server", "virtuoso", "fresh_virtuoso", "fresh_oxigraph"}
LANE_BY_FILE = {
    "test_browser.py": "browser",
    "test_notebooks.py": "notebook",
    "test_server.py": "server",
    "test_cli_serve.py": "server",
}


def loaded(backend: str = DEFAULT_BACKEND) -> KnowledgeGraph:
    """The project's graph on `backend`, loaded once per test session."""
    if backend not in _KGS:
        _KGS[backend] = load(backend=backend)  # type: ignore[arg-type]
    return _KGS[backend]


@pytest.fixture(scope="session")
def kg() -> KnowledgeGraph:
    """The project's graph on the default backend (loaded once per session)."""
    return loaded()


@pytest.fixture(scope="session", params=BACKENDS)
def any_kg(request: pytest.FixtureRequest) -> KnowledgeGraph:
    """The project's graph on each backend in turn (loaded once per session)."""
    return loaded(request.param)


@pytest.fixture(autouse=True)
def _doctest_kg(doctest_namespace: dict[str, Any]) -> None:
    """Docstring examples use `kg` like the notebooks do."""
    doctest_namespace["kg"] = loaded()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests that start servers, drive a browser or run notebooks, from what they use."""
    for item in items:
        lane = LANE_BY_FILE.get(item.path.name)
        if lane is not None:
            item.add_marker(lane)
        if SERVER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker("server")

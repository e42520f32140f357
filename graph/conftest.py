"""Doctest namespace: `kg` is the project's graph (default backend), loaded once per session."""

from __future__ import annotations

from typing import Any

import pytest
from g60kg import KnowledgeGraph, load


@pytest.fixture(scope="session")
def _shared_kg() -> KnowledgeGraph:
    return load()


@pytest.fixture(autouse=True)
def _doctest_kg(doctest_namespace: dict[str, Any], _shared_kg: KnowledgeGraph) -> None:
    doctest_namespace["kg"] = _shared_kg

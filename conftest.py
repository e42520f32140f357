"""Shared by the tests and the doctests: the project's graph, loaded once per session and
backend; and the markers that sort tests into lanes (`make check` runs the fast one)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from _pytest.doctest import DoctestItem
from g60kg import KnowledgeGraph, load
from g60kg.project import DATA_ENV, require_project
from g60kg.rdf.freshness import built_dataset
from g60kg.rdf.store import BACKENDS, DEFAULT_BACKEND

_KGS: dict[str, KnowledgeGraph] = {}
PROJECT_DATA = Path(__file__).resolve().parent / "data"
SERVER_FIXTURES = {
    "endpoint",
    "ask_endpoint",
    "ask_writable_endpoint",
    "oxigraph_server",
    "virtuoso",
    "fresh_virtuoso",
    "fresh_oxigraph",
    "limited",
    "writable",
}
# Tests that build a private copy of the project (several seconds each) or read the whole
# corridor's build are slow.
SLOW_FIXTURES = {"data_copy", "project", "installed", "full_build"}
LANE_BY_FILE = {
    "test_browser.py": "browser",
    "test_ask_browser.py": "browser",
    "test_csrf_browser.py": "browser",
    "test_notebooks.py": "notebook",
    "test_server.py": "server",
    "test_cli_serve.py": "server",
    "test_build.py": "slow",
    "test_sources.py": "slow",
    "test_validate.py": "slow",
    "test_ingest.py": "slow",
    "test_geo.py": "slow",
    "test_mint.py": "slow",
}
SLOW_TESTS = {
    "test_the_curator_workflow_end_to_end",
    "test_the_whole_evaluation_table_is_one_command",
    "test_large_graph_is_laid_out_in_advance",
    "test_evaluate_qa_prints_accuracy_per_type",
    "test_past_the_read_bound_a_doubt_says_what_was_not_read",
    "test_two_runs_write_identical_bytes",
    "test_full_corridor_overview_groups_members_apart",
    "test_a_push_has_an_overall_deadline",
    "test_a_server_sending_a_byte_a_second_cannot_hold_a_query",
    "test_non_utf8_locale_still_writes_utf8",
    "test_same_dataset_same_bytes_in_another_process",
    "test_sigterm_while_a_build_stages_its_files_leaves_none",
}


_SEED: list[Path] = []


def seed_data() -> Path:
    """The seed graph's data: the first article and the corridor's skeleton (the files at the top
    of data/sources, data/entities and data/statements), without the curated area folders.

    The tests and doctests that state exact answers are written against this stable core; the
    whole corridor is checked by the build, content and notebook tests on the real data/.
    """
    if not _SEED:
        root = Path(tempfile.mkdtemp(prefix="g60kg-seed-")) / "data"
        for folder in ("sources", "entities", "statements"):
            (root / folder).mkdir(parents=True)
            for path in (PROJECT_DATA / folder).iterdir():
                if path.is_file():
                    shutil.copy(path, root / folder / path.name)
        _SEED.append(root)
    return _SEED[0]


def loaded(backend: str = DEFAULT_BACKEND) -> KnowledgeGraph:
    """The seed graph on `backend`, loaded once per test session."""
    if backend not in _KGS:
        _KGS[backend] = load(seed_data(), backend=backend)  # type: ignore[arg-type]
    return _KGS[backend]


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    """The seed graph's data folder (see `seed_data`); tests must not change it."""
    return seed_data()


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A private copy of the seed graph's data that a test may change (a build of it takes
    about a second; prefer it to a copy of the whole data/)."""
    target = tmp_path / "data"
    shutil.copytree(seed_data(), target)
    return target


@pytest.fixture(scope="session")
def full_build() -> Path:
    """The project's build folder, up to date with the whole data/: built at most once per
    session (reused when already fresh) and shared by every test that needs the corridor's
    real dataset; tests must not change it."""
    project = require_project(PROJECT_DATA)
    built_dataset(project, lambda _message: None)
    return project.build_dir


def pytest_sessionfinish() -> None:
    """Remove the seed copy made for this session."""
    for root in _SEED:
        shutil.rmtree(root.parent, ignore_errors=True)


@pytest.fixture(scope="session")
def kg() -> KnowledgeGraph:
    """The project's graph on the default backend (loaded once per session)."""
    return loaded()


@pytest.fixture(scope="session", params=BACKENDS)
def any_kg(request: pytest.FixtureRequest) -> KnowledgeGraph:
    """The project's graph on each backend in turn (loaded once per session)."""
    return loaded(request.param)


@pytest.fixture(autouse=True)
def _doctest_kg(
    request: pytest.FixtureRequest,
    doctest_namespace: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Docstring examples use `kg` like the notebooks do; there, the current project (what
    `g60kg.load()` and `find_project()` find) is the seed graph's, built once per session."""
    doctest_namespace["kg"] = loaded()
    if isinstance(request.node, DoctestItem):
        monkeypatch.setenv(DATA_ENV, str(seed_data()))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests that start servers, drive a browser or run notebooks, from what they use."""
    for item in items:
        lane = LANE_BY_FILE.get(item.path.name)
        if lane is not None:
            item.add_marker(lane)
        fixtures = set(getattr(item, "fixturenames", ()))
        if SERVER_FIXTURES & fixtures:
            item.add_marker("server")
        if SLOW_FIXTURES & fixtures or item.name.split("[")[0] in SLOW_TESTS:
            item.add_marker("slow")

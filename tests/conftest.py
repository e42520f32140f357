"""Shared fixtures: a private copy of the project's data that a test may break, and the
headless browser the page tests drive."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from g60kg.rdf.build import default_data_dir


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the whole data/ in a temporary folder (slow: a build of it takes many
    seconds); a test that only changes the seed article's files uses `seed_copy` instead."""
    target = tmp_path / "data"
    shutil.copytree(default_data_dir(), target)
    return target


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Debian Chromium with a fresh profile, one per test module.

    `make test` installs chromium (and fonts-noto-cjk) first; in CI a missing browser fails the
    tests, elsewhere they skip.
    """
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: `make system-deps` installs it", pytrace=False)
        pytest.skip(f"{CHROMIUM} is not installed (make system-deps)")
    sync_api = pytest.importorskip("playwright.sync_api")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1280, "height": 800},
            service_workers="block",
        )
        yield browser
        browser.close()
    shutil.rmtree(profile, ignore_errors=True)

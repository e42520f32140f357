"""Fixtures of the extraction tests.

The tests run with ``--import-mode=importlib``, so the shared helper module beside this file is
put on the import path here, for the test modules to import it by name.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from extract_helpers import run
from g60kg.extract import Candidates


@pytest.fixture(scope="session")
def seed() -> Candidates:
    """Candidates extracted from the seed article."""
    return run("dongjing-ai-town")

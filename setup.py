"""Build step of the wheel: ship the ontology and the released dataset inside the package.

`ontology/` at the top of the repository stays the source of truth; building a wheel (or an
sdist's wheel) copies it to `g60kg/_data/ontology` and adds `g60kg/_data/g60kg.nq`, the dataset
built and validated from `data/` (the project's `build/g60kg.nq` when it is up to date with
`data/` and the ontology, otherwise built first, which needs g60kg's dependencies: build with
`--no-build-isolation` from a set-up environment, or run `g60kg build` first). An editable
install ships nothing: it reads the checkout's `ontology/` and `build/` directly.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def released_dataset() -> Path:
    """The project's up-to-date `build/g60kg.nq`, built first when stale."""
    sys.path.insert(0, str(ROOT / "graph"))
    from g60kg.project import Project
    from g60kg.rdf.freshness import built_dataset

    def say(message: str) -> None:
        print(f"g60kg: {message}", file=sys.stderr)

    try:
        return built_dataset(Project(ROOT / "data"), say)
    except ImportError as exc:
        raise SystemExit(
            f"cannot build the dataset to ship ({exc}): run `g60kg build` first, or build the "
            "wheel with --no-build-isolation in an environment where g60kg is installed"
        ) from exc


class BuildWithData(build_py):  # type: ignore[misc]
    """`build_py`, then the ontology and the released dataset into `g60kg/_data/`."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "g60kg" / "_data"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(ROOT / "ontology", target / "ontology")
        shutil.copyfile(released_dataset(), target / "g60kg.nq")


setup(cmdclass={"build_py": BuildWithData})

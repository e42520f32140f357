"""Where things are: the curator's project (its `data/`, `build/`, `ontology/`) and what ships
inside the package (ontology, named queries, the released dataset).

A project is found the way git finds its repository: from `--data DIR`, else the environment
variable `G60KG_DATA`, else the working directory and its parents (the first folder holding
`data/` beside a `pyproject.toml` naming g60kg). Never from where the package is installed.
The ontology is the project's `ontology/` when it has one, else the copy shipped in the package
(in a source checkout, the checkout's `ontology/`).

>>> project = find_project()
>>> project is not None and project.data_dir.name == "data"
True
>>> (ontology_dir() / "g60.ttl").is_file()
True
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import G60Error, ProjectNotFound

__all__ = [
    "DATA_ENV",
    "Project",
    "ProjectNotFound",
    "find_project",
    "ontology_dir",
    "require_project",
    "shipped_dataset",
    "shipped_ontology_dir",
]

DATA_ENV = "G60KG_DATA"
_NAME = re.compile(r"""^name\s*=\s*["']g60kg["']""", re.MULTILINE)


@dataclass(frozen=True)
class Project:
    """A curator's project: `data/` and, beside it, `build/` and optionally `ontology/`."""

    data_dir: Path

    @property
    def root(self) -> Path:
        return self.data_dir.parent

    @property
    def build_dir(self) -> Path:
        return self.root / "build"

    @property
    def ontology_dir(self) -> Path:
        own = self.root / "ontology"
        return own if (own / "g60.ttl").is_file() else shipped_ontology_dir()


def _is_project(folder: Path) -> bool:
    pyproject = folder / "pyproject.toml"
    if not ((folder / "data").is_dir() and pyproject.is_file()):
        return False
    try:
        return _NAME.search(pyproject.read_text(encoding="utf-8")) is not None
    except (OSError, UnicodeDecodeError):
        return False


def find_project(data_dir: Path | str | None = None, start: Path | None = None) -> Project | None:
    """The project of `data_dir`, of `$G60KG_DATA`, or the one around `start` (the working
    directory by default); None when there is none."""
    explicit = data_dir if data_dir is not None else os.environ.get(DATA_ENV) or None
    if explicit is not None:
        return Project(Path(explicit).expanduser().resolve())
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if _is_project(folder):
            return Project(folder / "data")
    return None


def require_project(data_dir: Path | str | None = None) -> Project:
    """As `find_project`, but a missing project or data folder is an error saying what to do."""
    project = find_project(data_dir)
    if project is None:
        raise ProjectNotFound(
            f"no g60kg project in {Path.cwd()} or its parents: run inside a project folder "
            f"(one with data/ and pyproject.toml), pass --data DIR, or set {DATA_ENV}"
        )
    if not project.data_dir.is_dir():
        raise ProjectNotFound(f"data folder {project.data_dir} does not exist")
    return project


def _shipped(name: str) -> Path | None:
    """A file or folder shipped in the package's `_data/` (present in a built wheel)."""
    path = Path(str(resources.files("g60kg") / "_data" / name))
    return path if path.exists() else None


def shipped_ontology_dir() -> Path:
    """The ontology that came with the package: its `_data/ontology` in an installed wheel, the
    checkout's `ontology/` when running from source."""
    shipped = _shipped("ontology")
    if shipped is not None:
        return shipped
    checkout = Path(__file__).resolve().parents[2] / "ontology"
    if (checkout / "g60.ttl").is_file():
        return checkout
    raise G60Error("this installation of g60kg has no ontology; reinstall the package")


def shipped_dataset() -> Path | None:
    """The released dataset (N-Quads) built into the wheel, or None when running from source."""
    return _shipped("g60kg.nq")


def ontology_dir() -> Path:
    """The ontology in force: the current project's, else the shipped one."""
    project = find_project()
    return project.ontology_dir if project is not None else shipped_ontology_dir()

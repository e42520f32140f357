"""Options shared by the commands, so each means the same everywhere: --data, --source, --lang,
--backend."""

from __future__ import annotations

from pathlib import Path

import click

from ..project import DATA_ENV
from ..rdf.store import BACKENDS, DEFAULT_BACKEND

__all__ = ["BACKEND_OPTION", "DATA_OPTION", "IRIS_OPTION", "LANG_OPTION", "SOURCE_OPTION"]

DATA_OPTION = click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=f"Data folder (default: data/ of the project around here, or ${DATA_ENV}).",
)
SOURCE_OPTION = click.option(
    "--source",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="Data folder, build folder, N-Quads file or Oxigraph store (default: the project's "
    "up-to-date build; outside a project, the graph shipped with g60kg).",
)
LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Label language.",
)
IRIS_OPTION = click.option(
    "--iris",
    is_flag=True,
    help="Show IRIs beside the labels in tables and text (JSON and CSV always hold them).",
)
BACKEND_OPTION = click.option(
    "--backend",
    type=click.Choice(BACKENDS),
    default=DEFAULT_BACKEND,
    show_default=True,
    help="Store backend.",
)

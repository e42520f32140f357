"""The notebooks run top to bottom on a fresh kernel and are stored without outputs."""

from __future__ import annotations

import re
from pathlib import Path

import nbclient
import nbformat
import pytest
from g60kg.project import DATA_ENV

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_three_notebooks() -> None:
    assert [p.name[:2] for p in NOTEBOOKS] == ["01", "02", "03"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_without_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, path.name


@pytest.mark.usefixtures("full_build")  # built once for the session, before any kernel starts
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_runs_on_a_fresh_kernel(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The kernel works in an empty folder (so stray writes show) on this project's data.
    monkeypatch.setenv(DATA_ENV, str(ROOT / "data"))
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    for page in html:
        assert not re.search(r"<(script|link)[^>]+(src|href)=.{0,6}https?://", page), path.name
    if path.stem.startswith("01"):
        assert any("srcdoc=" in page for page in html), "the tour shows the graph inline"
    assert list(tmp_path.iterdir()) == [], "a notebook wrote files into its working folder"

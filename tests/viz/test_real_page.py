"""The real graph's Dongjing page in headless Chromium, network refused; also makes the README
screenshot (`G60KG_SCREENSHOT=docs/img/dongjing.png pytest tests/viz/test_real_page.py`)."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import g60kg
import pytest
from g60kg.viz import select, write_html

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing: `make system-deps` installs it", pytrace=False)
    pytest.skip(f"{CHROMIUM} is not installed (make system-deps)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")
Image = pytest.importorskip("PIL.Image")
ImageStat = pytest.importorskip("PIL.ImageStat")


def test_dongjing_ego_graph_in_the_browser(tmp_path: Path) -> None:
    G = g60kg.load().nx
    expected = select(G, focus="洞泾镇", depth=1)
    page_path = write_html(G, tmp_path / "dongjing.html", focus="洞泾镇", depth=1, lang="zh")
    requests: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport={"width": 1400, "height": 900},
        )  # fmt: skip
        page = browser.new_page()
        page.route(
            lambda url: not url.startswith("file:"),
            lambda r: (requests.append(r.request.url), r.abort()),
        )
        page.goto(page_path.as_uri())
        page.wait_for_selector("body[data-ready=true]", timeout=60_000)
        counts = page.evaluate(
            "[g60.network.body.nodeIndices.length, g60.network.body.edgeIndices.length]"
        )
        page.fill("#g60-search", "松江区")
        shot = page.screenshot(full_page=False)
        browser.close()
    shutil.rmtree(tmp_path / "profile", ignore_errors=True)
    assert requests == []
    assert counts == [expected.number_of_nodes(), expected.number_of_edges()]
    image = Image.open(io.BytesIO(shot)).convert("RGB")
    assert max(ImageStat.Stat(image).stddev) > 10, "the screenshot is blank"
    target = os.environ.get("G60KG_SCREENSHOT")
    if target:
        Path(target).write_bytes(shot)

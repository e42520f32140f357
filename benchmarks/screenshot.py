"""Take a PNG screenshot of a page written by `write_html` (`g60kg viz`), offline.

    .venv/bin/python benchmarks/screenshot.py build/dongjing.html docs/dongjing.png

The recipe of the browser tests: Debian's /usr/bin/chromium, headless, with a fresh profile, the
flags this closed network needs, and every request that is not for a local file refused.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def screenshot(page_path: Path, out: Path, width: int = 1400, height: int = 900) -> list[str]:
    """Write the screenshot and return the requests the page tried (refused), if any."""
    refused: list[str] = []
    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(
            profile,
            executable_path="/usr/bin/chromium",
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": width, "height": height},
        )
        page = context.new_page()
        page.route(
            lambda url: not url.startswith("file:"),
            lambda route: (refused.append(route.request.url), route.abort()),
        )
        page.goto(page_path.resolve().as_uri())
        page.wait_for_selector("body[data-ready=true]", timeout=600_000)
        page.screenshot(path=str(out))
        context.close()
    return refused


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()
    refused = screenshot(args.page, args.out, args.width, args.height)
    if refused:
        sys.exit(f"the page asked the network for: {', '.join(refused)}")


if __name__ == "__main__":
    main()

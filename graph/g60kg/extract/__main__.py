"""``python -m g60kg.extract ARTICLE --out FILE`` is ``g60kg extract``: one command line, one
parser (see ``g60kg extract --help``)."""

from __future__ import annotations

import sys

from g60kg.cli import main

if __name__ == "__main__":
    main(["extract", *sys.argv[1:]], prog_name="python -m g60kg.extract")

"""Run the extractor on one article: ``python -m g60kg.extract ARTICLE [--out FILE]``.

Kept for scripts that call the engine alone; curators use ``g60kg extract`` (which also records
the article's path and sha256 for ``g60kg ingest``). It reads the gazetteer from
``data/entities/*.yaml`` when that folder exists.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from g60kg.extract import ExtractError, extract, gazetteer_from_entity_files


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, extract, write the candidates YAML (stdout when no ``--out``)."""
    parser = argparse.ArgumentParser(prog="python -m g60kg.extract")
    parser.add_argument("article", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--source-id")
    parser.add_argument("--url")
    parser.add_argument("--published", help="page date, ISO (2021-06-01)")
    parser.add_argument("--title")
    parser.add_argument("--entities", type=Path, default=Path("data/entities"))
    args = parser.parse_args(argv)
    gazetteer = gazetteer_from_entity_files(sorted(args.entities.glob("*.yaml")))
    try:
        result = extract(
            args.article.read_bytes(),
            source_id=args.source_id or args.article.stem,
            url=args.url,
            published=args.published,
            title=args.title,
            gazetteer=gazetteer,
        )
    except (ExtractError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.out is None:
        sys.stdout.write(result.to_yaml())
    else:
        args.out.write_text(result.to_yaml(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

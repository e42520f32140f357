"""Shared paths and helpers for the extraction tests: the real evaluation articles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from g60kg.extract import Candidates, extract
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "data" / "eval"
FIXTURES = ROOT / "tests" / "fixtures" / "extract"


def gold(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EVAL / "gold" / f"{name}.json").read_text("utf-8"))
    return data


def article_bytes(name: str) -> bytes:
    return (EVAL / "articles" / gold(name)["article"]).read_bytes()


def run(name: str) -> Candidates:
    return extract(article_bytes(name), source_id=name, published=gold(name).get("published"))


def as_data(candidates: Candidates) -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe").load(candidates.to_yaml())
    return data


GOLD_NAMES = sorted(p.stem for p in (EVAL / "gold").glob("*.json"))

"""Every candidates file extract writes passes ingest's checks unchanged (issue: ingestible by
construction): each dev article is extracted with the seed graph's names and ingested, with
--accept-suggestions, into a private copy of the seed graph."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from g60kg.extract import extract, gazetteer_from_entity_files
from g60kg.ingest.apply import ingest
from g60kg.rdf.build import default_data_dir

ARTICLES = sorted((default_data_dir() / "eval" / "articles").glob("*.txt"))


@pytest.mark.parametrize("article", ARTICLES, ids=[a.name for a in ARTICLES])
def test_a_dev_articles_candidates_ingest_without_edits(
    article: Path, seed_copy: Path, tmp_path: Path
) -> None:
    gazetteer = gazetteer_from_entity_files(sorted((seed_copy / "entities").glob("*.yaml")))
    source = "eval-" + article.name.split(".")[0]  # not an id the seed graph has
    result = extract(article.read_bytes(), source_id=source, gazetteer=gazetteer)
    result.meta["file"] = str(article)
    result.meta["sha256"] = hashlib.sha256(article.read_bytes()).hexdigest()
    out = tmp_path / f"{source}.yaml"
    out.write_text(result.to_yaml(), encoding="utf-8")
    report = ingest(out, seed_copy, accept_suggestions=True)
    assert report.statements == len(result.statements)

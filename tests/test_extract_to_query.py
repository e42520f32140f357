"""One dev article from text to an answer: extract → ingest --accept-suggestions → build → query,
on a private copy of the seed graph's data (fast: the seed is a few files)."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from click.testing import CliRunner
from g60kg.cli import main
from g60kg.rdf.build import default_data_dir

ARTICLE = default_data_dir() / "eval" / "articles" / "jinhua-conference-wire.txt"
WHERE_AND_WHEN = """
SELECT ?place ?day ?quote ?source WHERE {
  ?event rdfs:label "第二届金华发展大会"@zh ; g60:heldIn ?city ; g60:date ?day .
  ?city rdfs:label ?place . FILTER (lang(?place) = "zh")
  ?claim rdf:subject ?event ; rdf:predicate g60:heldIn ; rdf:object ?city ;
         g60:evidence/oa:exact ?quote ; prov:wasDerivedFrom ?source .
}"""


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def test_a_dev_article_answers_where_and_when_after_ingest_and_build(
    seed_dir: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(seed_dir, data)
    candidates = tmp_path / "jinhua-conference-wire.yaml"
    code, _, stderr = run(
        "extract", ARTICLE, "--out", candidates, "--data", data, "--published", "2019-11-17"
    )
    assert code == 0, stderr
    code, stdout, stderr = run("ingest", candidates, "--data", data, "--accept-suggestions")
    assert code == 0, stderr
    assert "ingested 'jinhua-conference-wire'" in stdout
    assert (data / "sources" / "jinhua-conference-wire.txt").read_bytes() == ARTICLE.read_bytes()
    code, _, stderr = run("build", "--data", data, "--out", tmp_path / "build")
    assert code == 0, stderr

    code, stdout, stderr = run(
        "query", WHERE_AND_WHEN, "--source", tmp_path / "build", "--format", "csv"
    )
    assert code == 0, stderr
    rows = list(csv.DictReader(io.StringIO(stdout)))
    # 金华 in the text linked to the registry's 金华市; the day is the article's 16日 under its
    # 11月17日 dateline, not the dateline itself
    assert [(r["place"], r["day"]) for r in rows] == [("金华市", "2019-11-16")]
    assert "16日在金华召开" in rows[0]["quote"]
    assert rows[0]["source"].endswith("/source/jinhua-conference-wire")

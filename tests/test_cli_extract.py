"""`g60kg extract`, `ingest` and `evaluate`: the curator's workflow from an article to the graph."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from g60kg.cli import main
from g60kg.kg import load
from g60kg.rdf.build import default_data_dir, project_root
from g60kg.records.read import read_data
from rdflib import Literal

FIXTURES = Path(__file__).parent / "fixtures"
EVAL = default_data_dir() / "eval"


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", ["extract", "ingest", "evaluate"])
def test_every_command_explains_itself_with_an_example(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0 and "Example" in out


def test_extraction_through_the_cli_is_deterministic(tmp_path: Path) -> None:
    article = EVAL / "articles" / "dongjing-followup.gb18030.txt"
    outputs = []
    for name in ("a", "b"):
        out = tmp_path / name / "candidates.yaml"
        out.parent.mkdir()
        code, stdout, _ = run("extract", article, "--out", out, "--published", "2020-11-19")
        assert code == 0 and f"wrote {out}" in stdout
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert b"encoding: gb18030" in outputs[0] and b"sha256: " in outputs[0]


@pytest.mark.parametrize(
    ("article", "message"),
    [
        ("empty.txt", "the file is empty"),
        ("blank.txt", "the file is empty"),
        ("binary.bin", "binary"),
        ("undetectable.txt", "the encoding cannot be told"),
    ],
)
def test_an_unreadable_article_gets_a_message_and_no_file(
    tmp_path: Path, article: str, message: str
) -> None:
    out = tmp_path / "candidates.yaml"
    code, stdout, stderr = run("extract", FIXTURES / "extract" / article, "--out", out)
    assert code == 1 and message in stderr and not stdout
    assert not out.exists()


def test_a_too_large_article_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes("洞泾镇。".encode() * 500_000)
    code, _, stderr = run("extract", big, "--out", tmp_path / "c.yaml")
    assert code == 1 and "over the 5242880-byte limit" in stderr
    assert not (tmp_path / "c.yaml").exists()


def test_a_bad_date_or_source_id_is_an_error(tmp_path: Path) -> None:
    article = EVAL / "articles" / "youtu-base.txt"
    code, _, stderr = run(
        "extract", article, "--out", tmp_path / "c.yaml", "--published", "18/11/2020"
    )
    assert code == 1 and "not a date YYYY-MM-DD" in stderr
    code, _, stderr = run(
        "extract", article, "--out", tmp_path / "c.yaml", "--source-id", "Youtu Base"
    )
    assert code == 1 and "source id 'Youtu Base'" in stderr


def test_a_bad_candidates_file_is_reported_with_file_and_line(seed_copy: Path) -> None:
    code, _, stderr = run("ingest", FIXTURES / "ingest" / "dangling.yaml", "--data", seed_copy)
    assert code == 1 and "dangling.yaml:28: dangling reference" in stderr


def test_the_curator_workflow_end_to_end(seed_copy: Path, tmp_path: Path) -> None:
    """Extract a new article, resolve what is ambiguous, ingest, build, and ask the graph."""
    candidates = tmp_path / "youtu-base.yaml"
    code, _, _ = run(
        "extract", EVAL / "articles" / "youtu-base.txt", "--out", candidates, "--data", seed_copy,
        "--published", "2020-11-18", "--title", "优图创新基地在洞泾揭牌 人工智能小镇迈向全产业链",
        "--url", "https://example.org/youtu-base",
    )  # fmt: skip
    assert code == 0
    text = candidates.read_text(encoding="utf-8")
    code, _, stderr = run("ingest", candidates, "--data", seed_copy)
    assert code == 1 and "is ambiguous" in stderr and "li-qian (李谦)" in stderr
    # the curator's review: each ambiguous row has one candidate, and it is the same thing
    candidates.write_text(text.replace("status: ambiguous", "status: linked"), encoding="utf-8")
    code, stdout, stderr = run("ingest", candidates, "--data", seed_copy)
    assert code == 0, stderr
    assert "2 new entities (zhihui-dong-jing-fangan, sanda-pingtai)" in stdout
    code, _, _ = run("build", "--data", seed_copy, "--out", tmp_path / "build")
    assert code == 0

    kg = load(seed_copy)
    rows = kg.query(
        """SELECT ?label ?programme ?component ?quote ?source WHERE {
             ?programme rdfs:label ?label ; g60:hasComponent ?node .
             ?node g60:position ?n ; g60:item/rdfs:label ?component ;
                   g60:evidence/oa:exact ?quote ; prov:wasDerivedFrom ?source .
             FILTER (lang(?component) = "zh")
           } ORDER BY ?n""",
        {"label": Literal("三大平台", lang="zh")},
    )
    found = [(str(r[1]).rsplit("/", 1)[1], str(r[2]), str(r[3]), str(r[4])) for r in rows]
    quote = "工业AI平台、企业服务平台和产业云图平台“三大平台”"
    source = "https://w3id.org/g60kg/source/youtu-base"
    # 智慧洞泾方案 took the next free number after the registry's last; 三大平台 the one after
    new = {"zhihui-dong-jing-fangan", "sanda-pingtai"}
    entities = read_data(seed_copy).entities.values()
    serials = [int(e.iri[1:]) for e in entities if e.id not in new and e.iri[1:].isdigit()]
    third = f"E{max(serials) + 2:04d}"
    assert found == [
        (third, "工业AI平台", quote, source),
        (third, "企业服务平台", quote, source),
        (third, "产业云图平台", quote, source),
    ]
    unveilings = kg.query('SELECT ?e WHERE { ?e rdfs:label "优图创新基地揭牌成立"@zh }')
    assert len(list(unveilings)) == 1  # linked, not duplicated


def test_evaluate_one_article_lists_scores_misses_and_false_positives(tmp_path: Path) -> None:
    candidates = tmp_path / "c.yaml"
    run(
        "extract",
        EVAL / "articles" / "youtu-base.txt",
        "--out",
        candidates,
        "--published",
        "2020-11-18",
    )
    code, out, _ = run("evaluate", EVAL / "gold" / "youtu-base.json", "--pred", candidates)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["scores", "P", "R", "F1", "gold", "pred"]
    assert {line.split()[0] for line in lines[1:] if not line.startswith(" ")} >= {
        "place", "site", "event", "person", "entities", "relations",
    }  # fmt: skip


def test_evaluate_reports_bad_input_as_errors(tmp_path: Path) -> None:
    code, _, stderr = run(
        "evaluate", FIXTURES / "extract" / "empty.txt", "--pred", FIXTURES / "ingest" / "good.yaml"
    )
    assert code == 1 and "cannot read gold JSON" in stderr
    code, _, stderr = run("evaluate", "--all", EVAL, "--pred", FIXTURES / "ingest" / "good.yaml")
    assert code == 1 and "not both" in stderr


def test_the_whole_evaluation_table_is_one_command() -> None:
    code, out, _ = run("evaluate", "--all", EVAL)
    assert code == 0
    recorded = (project_root() / "docs" / "extract-eval-final.txt").read_text(encoding="utf-8")
    assert out == recorded


def test_a_folder_is_extracted_one_candidates_file_each_with_a_summary(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("youtu-base.txt", "dongjing-signing.gb18030.txt"):
        (inbox / name).write_bytes((EVAL / "articles" / name).read_bytes())
    (inbox / "broken.txt").write_bytes(b"")
    code, out, stderr = run("extract", inbox, "--out", tmp_path / "review", "--nlp", "")
    assert code == 1 and "1 of 3 articles failed" in stderr
    assert sorted(p.name for p in (tmp_path / "review").iterdir()) == [
        "dongjing-signing-gb18030.yaml",
        "youtu-base.yaml",
    ]
    assert "article" in out and "statements" in out and "doubts" in out
    assert "broken.txt" in out and "failed" in out
    assert "2 of 3 articles extracted" in out

"""The query commands: output a user reads, errors on stderr with the right exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from g60kg.cli import main
from g60kg.cli import query as cli_query
from g60kg.kg import KnowledgeGraph

GRAPH_DIR = Path(__file__).resolve().parents[1] / "graph"


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, any_kg: KnowledgeGraph):  # type: ignore[no-untyped-def]
    """Invoke the CLI on the already loaded graph of each backend."""
    monkeypatch.setattr(cli_query, "load_graph", lambda source, backend: any_kg)
    runner = CliRunner()

    def invoke(*args: str):  # type: ignore[no-untyped-def]
        return runner.invoke(main, list(args))

    return invoke


def test_named_query_table_in_english(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "query", "--name", "plan-components", "--param", "programme=三区两翼", "--lang", "en"
    )
    assert result.exit_code == 0, result.output
    assert "Online New Economy Practice Zone" in result.output and "(5 rows)" in result.output
    assert "id:E0060" in result.output


def test_named_query_csv_keeps_language_tags(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "query",
        "--name",
        "corridor-cities",
        "--param",
        "corridor=长三角G60科创走廊",
        "--format",
        "csv",
    )
    lines = result.output.splitlines()
    assert lines[0].split(",")[:3] == ["corridor", "city", "city_label"]
    assert len(lines) == 10 and "松江区" in lines[1] and "上海市" in lines[1]


def test_inline_query_json_is_w3c(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "query", "SELECT ?c WHERE { id:E0002 g60:memberCity ?c } ORDER BY ?c", "--format", "json"
    )
    doc = json.loads(result.output)
    assert doc["head"]["vars"] == ["c"] and len(doc["results"]["bindings"]) == 9
    assert doc["results"]["bindings"][0]["c"]["type"] == "uri"


def test_query_from_file_as_tsv(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rq = tmp_path / "q.rq"
    rq.write_text(
        "SELECT ?l WHERE { id:adm-310117106 rdfs:label ?l } ORDER BY ?l", encoding="utf-8"
    )
    result = run("query", "-f", str(rq), "--format", "tsv")
    assert result.output.splitlines() == ["l\tl_lang", "Dongjing Town\ten", "洞泾镇\tzh"]


def test_ask_query(run) -> None:  # type: ignore[no-untyped-def]
    assert (
        run("query", "ASK { id:adm-310117106 g60:within id:adm-310000 }").output.strip() == "true"
    )


def test_syntax_error_exits_2_with_line_and_column(run) -> None:  # type: ignore[no-untyped-def]
    result = run("query", "SELECT ?s\nWHERE { ?s ?p }")
    assert result.exit_code == 2
    assert "line 2, column 9" in result.stderr and result.stdout == ""


@pytest.mark.parametrize(
    "text",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "LOAD <http://example.org/x.ttl>",
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * FROM <https://example.org/g> WHERE { ?s ?p ?o }",
    ],
)
def test_updates_service_and_remote_from_are_refused(run, text: str) -> None:  # type: ignore[no-untyped-def]
    result = run("query", text)
    assert result.exit_code == 1 and "refused" in result.stderr


def test_unknown_named_query_lists_valid_ones(run) -> None:  # type: ignore[no-untyped-def]
    result = run("query", "--name", "cities")
    assert (
        result.exit_code == 1 and "valid: " in result.stderr and "corridor-cities" in result.stderr
    )


def test_unknown_parameter_lists_valid_ones(run) -> None:  # type: ignore[no-untyped-def]
    result = run("query", "--name", "posts", "--param", "body=松江区")
    assert result.exit_code == 1 and "has no parameter body; valid: of" in result.stderr


def test_bad_param_syntax_and_missing_query(run) -> None:  # type: ignore[no-untyped-def]
    assert run("query", "--name", "posts", "--param", "of").exit_code == 2
    assert run("query").exit_code == 2


def test_queries_lists_titles(run) -> None:  # type: ignore[no-untyped-def]
    result = run("queries")
    assert "plan-components" in result.output and "规划口号的组成要素" in result.output


def test_find_prints_iri_and_labels(run) -> None:  # type: ignore[no-untyped-def]
    result = run("find", "Songjiang")
    assert result.output.split("\t")[:3] == [
        "https://w3id.org/g60kg/id/adm-310117",
        "松江区",
        "Songjiang District",
    ]


def test_find_unknown_shows_closest_labels(run) -> None:  # type: ignore[no-untyped-def]
    result = run("find", "洞京镇")
    assert result.exit_code == 1 and "no entity named '洞京镇'; closest: 洞泾镇" in result.stderr


def test_find_ambiguous_lists_candidates(run) -> None:  # type: ignore[no-untyped-def]
    result = run("find", "洞泾人工智能")
    assert (
        result.exit_code == 1
        and "ambiguous" in result.stderr
        and "洞泾人工智能小镇" in result.stderr
    )


def test_describe_shows_evidence(run) -> None:  # type: ignore[no-untyped-def]
    result = run("describe", "李子", "--lang", "en")
    assert result.exit_code == 0
    assert "Li Zi, Mayor of Dongjing Town" in result.output
    assert "“洞泾镇党委副书记、镇长李子表示” — source:dongjing-ai-town [1246:1261]" in result.output


def test_describe_json(run) -> None:  # type: ignore[no-untyped-def]
    info = json.loads(run("describe", "科大智能", "--format", "json").output)
    settled = [f for f in info["facts"] if f["predicate"].endswith("#settledIn")]
    assert info["iri"].endswith("/E0024") and settled[0]["evidence"][0]["start"] == 1519


def test_path(run) -> None:  # type: ignore[no-untyped-def]
    result = run("path", "洞泾镇", "上海市", "--lang", "en")
    assert (
        result.output.strip()
        == "Dongjing Town —directly within→ Songjiang District —directly within→ Shanghai"
    )


def test_help_has_examples(run) -> None:  # type: ignore[no-untyped-def]
    for command in ("query", "queries", "find", "describe", "path"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "g60kg " + command in result.output, command


def test_installed_entry_point_runs_a_named_query() -> None:
    script = Path(sys.executable).parent / "g60kg"
    env = dict(os.environ, PYTHONPATH=str(GRAPH_DIR))
    done = subprocess.run(
        [
            str(script),
            "query",
            "--name",
            "containment-chain",
            "--param",
            "place=洞泾镇",
            "--format",
            "csv",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert [line.split(",")[2] for line in done.stdout.splitlines()[1:]] == ["松江区", "上海市"]


def test_construct_prints_turtle(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "query",
        "CONSTRUCT { ?t g60:within ?p } WHERE { id:adm-310117106 g60:within ?p . BIND(id:adm-310117106 AS ?t) }",
    )
    assert result.exit_code == 0 and "adm-310000" in result.output and "within" in result.output

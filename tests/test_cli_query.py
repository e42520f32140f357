"""The query commands: output a user reads, errors on stderr with the right exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from g60kg.cli import main
from g60kg.cli import query as cli_query
from g60kg.kg import KnowledgeGraph

GRAPH_DIR = Path(__file__).resolve().parents[1] / "graph"


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, any_kg: KnowledgeGraph):  # type: ignore[no-untyped-def]
    """Invoke the CLI on the already loaded graph of each backend, in a terminal 200 wide."""
    monkeypatch.setattr(cli_query, "load_graph", lambda source, backend: any_kg)
    monkeypatch.setenv("COLUMNS", "200")
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
    assert "id:E0060" not in result.output and "programme" not in result.output
    with_iris = run("query", "--name", "plan-components", "--param", "programme=三区两翼", "--iris")
    assert "在线新经济实践区 <id:E0015>" in with_iris.output


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


def test_find_one_prints_iri_and_labels_for_scripts(run) -> None:  # type: ignore[no-untyped-def]
    result = run("find", "Songjiang District", "--one")
    assert result.exit_code == 0
    assert result.output.split("\t")[:3] == [
        "https://w3id.org/g60kg/id/adm-310117",
        "松江区",
        "Songjiang District",
    ]


def test_find_unknown_shows_closest_labels(run) -> None:  # type: ignore[no-untyped-def]
    result = run("find", "洞京镇")
    assert result.exit_code == 1 and "no entity named '洞京镇'; closest: 洞泾镇" in result.stderr


def test_find_lists_every_match_ranked(run) -> None:  # type: ignore[no-untyped-def]
    result = run("find", "洞泾镇党")
    assert result.exit_code == 0, result.stderr
    lines = result.output.splitlines()
    assert lines[0].split() == ["zh", "en", "type"]
    assert [line.split()[0] for line in lines[2:5]] == [
        "洞泾镇党委",
        "洞泾镇党委副书记",
        "李子任洞泾镇党委副书记",
    ]
    assert lines[2].split()[-1] == "党委" and lines[-1] == "(3 matches)"
    assert "https://" not in result.output and "id:" not in result.output
    assert run("find", "洞泾镇党委", "--iris").output.splitlines()[2].endswith("  id:E0032")


def test_find_ambiguous_lists_matches_and_one_refuses(run) -> None:  # type: ignore[no-untyped-def]
    listed = run("find", "洞泾人工智能")
    assert listed.exit_code == 0 and "洞泾人工智能小镇" in listed.output
    one = run("find", "洞泾人工智能", "--one")
    assert one.exit_code == 1 and "ambiguous" in one.stderr and "洞泾人工智能小镇" in one.stderr
    assert one.stdout == ""


def test_describe_shows_evidence_once(run) -> None:  # type: ignore[no-untyped-def]
    result = run("describe", "李子", "--lang", "en")
    assert result.exit_code == 0
    assert "  ← holder: Li Zi, Mayor of Dongjing Town  [1]" in result.output
    assert result.output.count("洞泾镇党委副书记、镇长李子表示") == 1
    assert "  [1] “洞泾镇党委副书记、镇长李子表示” — 40余家企业" in result.output
    assert "source:" not in result.output and "https://" not in result.output
    with_iris = run("describe", "李子", "--iris").output
    assert "— source:dongjing-ai-town [1246:1261]" in with_iris and "<id:E0041>" in with_iris


def test_describe_a_fact_by_the_label_timeline_prints(run) -> None:  # type: ignore[no-untyped-def]
    timeline = run("query", "--name", "timeline").output
    assert "洞泾实质落地投资" in timeline
    result = run("describe", "洞泾实质落地投资")
    assert result.exit_code == 0, result.stderr
    lines = result.output.splitlines()
    assert lines[0] == "洞泾实质落地投资  (投资)"
    assert any(line.startswith("  → 金额: ≥ 10,000,000,000 CNY (超百亿)  [") for line in lines)
    assert any(line.startswith("  → 企业数量: ≥ 20 家 (20余家)  [") for line in lines)
    assert result.output.count("20余家企业实质落地,投资金额超百亿") == 1
    assert "amount: amount" not in result.output and "companyCount" not in result.output
    english = run("describe", "Investment landed in Dongjing", "--lang", "en").output
    assert "  → amount: ≥ 10,000,000,000 CNY (超百亿)" in english
    assert "洞泾实质落地投资" in run("find", "洞泾实质落地投资").output


def test_describe_shortens_long_quotes_to_the_terminal(run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "60")
    result = run("describe", "洞泾实质落地投资")
    quotes = [line for line in result.output.splitlines() if line.startswith("  [")]
    assert quotes and all(_width(line) <= 60 for line in quotes)
    assert any("…" in line for line in quotes) and all(line.endswith("]") for line in quotes)


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


def test_installed_entry_point_runs_a_named_query(seed_dir: Path) -> None:
    script = Path(sys.executable).parent / "g60kg"
    env = dict(os.environ, PYTHONPATH=str(GRAPH_DIR), G60KG_DATA=str(seed_dir))
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


def _investments(run, *more: str):  # type: ignore[no-untyped-def]
    return run("query", "--name", "investments-in-place", "--param", "place=洞泾镇", *more)


def test_class_parameter_takes_the_bare_name_or_label(run) -> None:  # type: ignore[no-untyped-def]
    outputs = {
        value: run("query", "--name", "instances-of", "--param", f"class={value}").output
        for value in ("Company", "g60:Company", "企业", "company")
    }
    assert len(set(outputs.values())) == 1
    assert "科大智能" in outputs["Company"] and "(5 rows)" in outputs["Company"]


def test_code_list_parameter_takes_labels_in_both_languages(run) -> None:  # type: ignore[no-untyped-def]
    outputs = {
        value: _investments(run, "--param", f"status={value}").output
        for value in ("实质落地", "landed", "Landed", "investment-status:landed")
    }
    assert len(set(outputs.values())) == 1
    landed = outputs["landed"]
    assert "洞泾实质落地投资" in landed and "洞泾意向落地投资" not in landed
    assert "(1 row)" in landed


def test_a_value_that_names_nothing_lists_the_valid_values(run) -> None:  # type: ignore[no-untyped-def]
    result = _investments(run, "--param", "status=done")
    assert result.exit_code == 1 and result.stdout == ""
    assert "'done' is not a value of the code list 投资状态 / Investment statuses" in result.stderr
    assert "investment-status:landed (实质落地, Landed)" in result.stderr
    assert "closest" not in result.stderr and "科大" not in result.stderr
    unknown_class = run("query", "--name", "instances-of", "--param", "class=Compny")
    assert unknown_class.exit_code == 1 and "g60:Company (企业, Company)" in unknown_class.stderr


def test_an_entity_of_the_wrong_class_is_refused(run) -> None:  # type: ignore[no-untyped-def]
    result = run("query", "--name", "places-within", "--param", "place=李谦")
    assert result.exit_code == 1 and result.stdout == ""
    assert "'李谦' (李谦) is not a 地点 (Place)" in result.stderr


def test_parameter_values_are_terms_never_query_text(run) -> None:  # type: ignore[no-untyped-def]
    sneaky = "landed> } UNION { ?investment ?p ?o } #"
    result = _investments(run, "--param", f"status={sneaky}")
    assert result.exit_code == 1 and "is not a value of the code list" in result.stderr


def test_queries_name_lists_each_parameters_valid_values(run) -> None:  # type: ignore[no-untyped-def]
    result = run("queries", "investments-in-place", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    lines = result.output.splitlines()
    assert lines[0] == "investments-in-place: Investments in a place"
    assert "--param place=…: a place, e.g. 洞泾镇" in lines
    assert (
        "  an entity of class Place: name, alias, pinyin, CURIE or IRI (g60kg find NAME)" in lines
    )
    values = [line.split() for line in lines if line.startswith("    investment-status:")]
    assert values == [
        ["investment-status:intended", "意向落地", "Intended"],
        ["investment-status:landed", "实质落地", "Landed"],
        ["investment-status:landed-or-intended", "实质或意向落地", "Landed", "or", "intended"],
    ]
    classes = run("queries", "instances-of").output
    assert "g60:Company" in classes and "企业" in classes
    assert run("queries", "no-such-query").exit_code == 1


def _header(output: str) -> list[str]:
    return output.splitlines()[0].split()


def test_table_columns_come_from_the_projection(run) -> None:  # type: ignore[no-untyped-def]
    rows = _investments(run)
    none = run("query", "--name", "investments-in-place", "--param", "place=合肥")
    assert "(3 rows)" in rows.output and "(0 rows)" in none.output
    header = ["status", "investment", "destination", "amount", "currency", "count", "date"]
    assert _header(rows.output) == _header(none.output) == [*header, "part_of"]
    csv_rows = _investments(run, "--format", "csv").output.splitlines()[0].split(",")
    csv_none = (
        run("query", "--name", "investments-in-place", "--param", "place=合肥", "--format", "csv")
        .output.splitlines()[0]
        .split(",")
    )
    assert "investment_label" in csv_rows and "investment_label" in csv_none
    assert not any(c.endswith(("_zh", "_en")) for c in csv_rows + csv_none)


def test_table_shows_labels_and_amounts_in_words(run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "400")
    table = _investments(run).output
    assert "≥ 10,000,000,000 (超百亿)" in table and "≤ 10,000,000,000 (近百亿)" in table
    assert "≥ 20 (20余家)" in table and "洞泾实质落地投资" in table
    assert "https://" not in table and "claim:" not in table and "vocab:" not in table
    with_iris = _investments(run, "--iris").output
    assert "实质落地 <vocab:investment-status/landed>" in with_iris
    full = _investments(run, "--format", "csv").output
    assert "https://w3id.org/g60kg/claim/dongjing-ai-town/investment-landed" in full
    assert ",10000000000," in full


def test_table_fits_the_terminal(run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "80")
    result = run("query", "--name", "timeline", "--lang", "en")
    lines = result.output.splitlines()
    assert _header(result.output) == ["when", "thing", "class", "property"]
    assert max(_width(line) for line in lines) <= 80 and any("…" in line for line in lines)
    wide = json.loads(run("query", "--name", "timeline", "--format", "json").output)
    assert all(
        "…" not in b["thing_zh"]["value"] for b in wide["results"]["bindings"] if "thing_zh" in b
    )

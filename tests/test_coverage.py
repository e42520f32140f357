"""Coverage per member city, and "no data" notes instead of a silent empty table."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from g60kg.cli import main
from g60kg.kg import load
from g60kg.queries.coverage import corridor_coverage, format_coverage


@pytest.fixture(scope="module")
def seed_data(seed_dir: Path) -> Path:
    """The seed graph only: the first article and the corridor's skeleton, no curated areas."""
    return seed_dir


def test_coverage_has_one_row_per_member_with_the_seed_town_counted(seed_data: Path) -> None:
    rows = {row.label_en: row for row in corridor_coverage(load(seed_data))}
    assert len(rows) == 9
    songjiang = rows["Songjiang District"]
    assert songjiang.entities >= 13 and songjiang.classes["IndustrialBase"] == 2
    assert songjiang.latest == "2020-11-18" and songjiang.sources >= 2
    assert rows["Hefei"].entities == 1 and rows["Hefei"].latest is None


def test_coverage_table_reads_in_both_languages(seed_data: Path) -> None:
    rows = corridor_coverage(load(seed_data))
    assert "合肥市" in format_coverage(rows, "zh")
    table = format_coverage(rows, "en").splitlines()
    assert table[0].split() == ["place", "entities", "sources", "latest", "by", "class"]
    assert any(line.startswith("Songjiang District") for line in table)


def test_cli_stats_coverage(seed_data: Path) -> None:
    result = CliRunner().invoke(main, ["stats", "--coverage", "--data", str(seed_data)])
    assert result.exit_code == 0, result.output
    assert "松江区" in result.output and "2020-11-18" in result.output


def test_an_empty_named_query_says_the_graph_has_no_such_facts(seed_data: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "query",
            "--name",
            "sites-in-place",
            "--param",
            "place=合肥市",
            "--source",
            str(seed_data),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "(0 rows)" in result.stdout
    assert "no data: the graph holds no such facts for 合肥市" in result.stderr
    assert "it has 1 entities there" in result.stderr


def test_an_empty_class_says_there_is_no_entity_of_it(seed_data: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "query",
            "--name",
            "instances-of",
            "--param",
            "class=g60:University",
            "--source",
            str(seed_data),
        ],
    )
    assert "no data: the graph holds no entity of class 高校" in result.stderr


def test_the_three_city_questions_have_named_queries(seed_data: Path) -> None:
    runner = CliRunner()
    for name, expected in [
        ("sites-in-place", "洞泾人工智能小镇"),
        ("organisations-in-place", "G60科创走廊联席会议办公室"),
        ("plans-of-place", "三区两翼"),
    ]:
        result = runner.invoke(
            main, ["query", "--name", name, "--param", "place=松江区", "--source", str(seed_data)]
        )
        assert result.exit_code == 0 and expected in result.stdout, (name, result.output)

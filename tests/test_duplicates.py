"""Duplicate entities across the registry are refused, with both places named."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from g60kg.cli import main
from g60kg.records.duplicates import name_key


@pytest.fixture
def data(seed_copy: Path) -> Path:
    """The seed graph's data (the registry's top-level files hold both companies)."""
    return seed_copy


def _add(root: Path, text: str) -> None:
    (root / "entities" / "zz-test.yaml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("科大讯飞股份有限公司", "科大讯飞"),  # full name and short name without the legal suffix
        ("科大訊飛", "科大讯飞"),  # traditional and simplified
        ("北京联东投资(集团)有限公司", "北京联东投资（集团）"),  # brackets and the group suffix
    ],
)
def test_names_written_differently_share_a_key(first: str, second: str) -> None:
    assert name_key(first) == name_key(second)


def test_different_names_keep_different_keys() -> None:
    assert name_key("长三角G60科创走廊人工智能产业联盟") != name_key("长三角人工智能产业联盟")


def test_a_second_entry_for_an_existing_company_is_refused(data: Path) -> None:
    _add(
        data,
        """entities:
  - id: liandong-again
    iri: E0999
    type: Company
    zh: 北京联东投资集团
    en: Liandong Investment Group
    cites: [jsnews-2018-09-18]
""",
    )
    result = CliRunner().invoke(main, ["validate", "--data", str(data)])
    assert result.exit_code == 1
    assert "zz-test.yaml" in result.output and "'liandong-investment'" in result.output
    assert "distinct_from: [liandong-investment]" in result.output


def test_distinct_from_says_two_bodies_share_a_name(data: Path) -> None:
    _add(
        data,
        """entities:
  - id: liandong-other
    iri: E0999
    type: Company
    zh: 北京联东投资集团
    en: Liandong Investment Group
    cites: [jsnews-2018-09-18]
    distinct_from: [liandong-investment]
""",
    )
    result = CliRunner().invoke(main, ["validate", "--data", str(data)])
    assert result.exit_code == 0, result.output

"""Every statement of the whole corridor traces to a source with a URL (or a kept document) and
a date; none cites a host known for fabricated material."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from g60kg.rdf.build import default_data_dir
from g60kg.records.checks import AVOIDED_HOSTS
from g60kg.records.read import Data, read_data


@pytest.fixture(scope="module")
def data() -> Data:
    """The whole corridor's records, read once for this module."""
    return read_data(default_data_dir())


def test_every_statement_traces_to_a_dated_source(data: Data) -> None:
    assert len(data.statements) > 2000
    for st in data.statements:
        if st.source == "reference":
            assert st.cites, st.id
            for ref_id in st.cites:
                ref = data.references[ref_id]
                assert ref.url and ref.date and ref.publisher and ref.retrieved, ref_id
        else:
            source = data.sources[st.source]
            assert st.evidence and source.page_date, st.id


def test_no_reference_cites_an_avoided_host_and_most_cite_many_publishers(data: Data) -> None:
    hosts = {urlsplit(ref.url or "").hostname or "" for ref in data.references.values()}
    assert not {h for h in hosts for bad in AVOIDED_HOSTS if h == bad or h.endswith("." + bad)}
    assert len(data.references) >= 60
    assert len({ref.publisher for ref in data.references.values()}) >= 40


def test_the_seed_article_names_its_page_and_the_doubt_about_its_title() -> None:
    source = read_data(default_data_dir()).sources["dongjing-ai-town"]
    assert source.url == "https://robotxin.com/rengong/108886.html"
    assert urlsplit(source.url).hostname not in AVOIDED_HOSTS
    assert source.title == "40余家企业“双百亿”投资花落洞泾 人工智能小"  # cut off as published
    assert "cut off as published" in source.retrieved
    assert "no public record found gives it in full" in source.retrieved


def test_a_statement_resting_only_on_an_advert_repost_must_say_it_is_uncertain(
    seed_copy: Path,
) -> None:
    from click.testing import CliRunner
    from g60kg.cli import main

    with (seed_copy / "sources" / "reference.yaml").open("a", encoding="utf-8") as out:
        out.write(
            "  - id: repost-2021\n"
            "    title: 松江 report\n"
            "    publisher: 新华社\n"
            "    date: 2021-01-04\n"
            "    url: http://www.ydmotuo.com/xwzx/1.html\n"
            "    retrieved: 2026-12-06\n"
        )
    statements = seed_copy / "statements" / "reference.yaml"
    text = statements.read_text(encoding="utf-8")
    statements.write_text(
        text + "  - id: songjiang-within-shanghai-repost\n"
        "    subject: songjiang\n"
        "    predicate: directlyWithin\n"
        "    object: shanghai\n"
        "    cites: [repost-2021]\n",
        encoding="utf-8",
    )
    line = text.count("\n") + 1
    result = CliRunner().invoke(main, ["validate", "--data", str(seed_copy)])
    assert result.exit_code == 1
    assert (
        f"reference.yaml:{line}: reference statement 'songjiang-within-shanghai-repost' "
        "rests only on reposts on advert hosts"
    ) in result.output
    assert "set `confidence` below 1 and say why in a `note`" in result.output

    statements.write_text(
        statements.read_text(encoding="utf-8")
        + "    confidence: 0.7\n    note: Only a repost on an advert site was found.\n",
        encoding="utf-8",
    )
    assert CliRunner().invoke(main, ["validate", "--data", str(seed_copy)]).exit_code == 0


def test_one_page_is_one_source(seed_copy: Path) -> None:
    """Two curators citing the same page under two ids is refused, naming the first."""
    from click.testing import CliRunner
    from g60kg.cli import main

    references = seed_copy / "sources" / "reference.yaml"
    text = references.read_text(encoding="utf-8")
    line = text.count("\n") + 1
    references.write_text(
        text + "  - id: jjckb-2021-07-30-again\n"
        "    title: 长三角G60科创走廊逐步成型\n"
        "    publisher: 经济参考报\n"
        "    date: 2021-07-30\n"
        "    url: http://m.cxm1cxm.com/guonei/20210730/3018956.html\n"
        "    retrieved: 2026-12-06\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["validate", "--data", str(seed_copy)])
    assert result.exit_code == 1
    assert (
        f"reference.yaml:{line}: reference source 'jjckb-2021-07-30-again' has the URL of "
        "'jjckb-2021-07-30' (" in result.output
    ), result.output
    assert "cite 'jjckb-2021-07-30' instead and delete 'jjckb-2021-07-30-again'" in result.output


def test_no_two_sources_of_the_corridor_share_a_page(data: Data) -> None:
    urls = [ref.url for ref in data.references.values() if ref.url]
    assert len(urls) == len(set(urls))

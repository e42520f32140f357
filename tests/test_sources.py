"""Every statement of the whole corridor traces to a source with a URL (or a kept document) and
a date; none cites a host known for fabricated material."""

from __future__ import annotations

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

"""What the seed article's statements say, checked in the built graph."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from g60kg.rdf.build import compile_checked
from g60kg.rdf.namespaces import G60, OA
from g60kg.records.read import read_data
from rdflib import Dataset
from rdflib.namespace import PROV

Q = "PREFIX g60: <https://w3id.org/g60kg/ontology#> PREFIX schema: <https://schema.org/> "


@pytest.fixture(scope="module")
def ds(seed_dir: Path) -> Dataset:
    dataset = compile_checked(seed_dir)
    dataset.default_union = True
    return dataset


def test_every_document_claim_has_verified_evidence(ds: Dataset, seed_dir: Path) -> None:
    data = read_data(seed_dir)
    text = data.sources["dongjing-ai-town"].text
    claims = {
        s
        for s, _, o, _ in ds.quads((None, PROV.wasDerivedFrom, None, None))
        if str(o).endswith("/source/dongjing-ai-town")
    }
    assert len(claims) > 100
    for claim in claims:
        spans = list(ds.objects(claim, G60.evidence))
        assert spans, claim
        for span in spans:
            start, end = int(ds.value(span, OA.start)), int(ds.value(span, OA.end))  # type: ignore[arg-type]
            assert text[start:end] == str(ds.value(span, OA.exact))


def test_landed_and_intended_investment_keep_their_wording(ds: Dataset) -> None:
    rows = ds.query(
        Q
        + """
        SELECT ?status ?min ?max ?text WHERE {
          ?inv a g60:Investment ; g60:investmentStatus ?status ; g60:amount ?amount .
          ?amount g60:surfaceForm ?text .
          OPTIONAL { ?amount schema:minValue ?min } OPTIONAL { ?amount schema:maxValue ?max }
        }"""
    )
    found = {
        (
            str(r.status).rsplit("/", 1)[1],
            r.min and r.min.toPython(),
            r.max and r.max.toPython(),
            str(r.text),
        )  # type: ignore[union-attr]
        for r in rows
    }
    assert found == {
        ("landed", Decimal(10_000_000_000), None, "超百亿"),
        ("intended", None, Decimal(10_000_000_000), "近百亿"),
    }


def test_conference_is_dated_from_the_text(ds: Dataset) -> None:
    rows = list(
        ds.query(
            Q
            + """
        SELECT ?date ?how WHERE {
          ?event a g60:Conference ; g60:date ?date .
          ?claim g60:dateResolution ?how ; <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?event .
        }"""
        )
    )
    assert [(str(r[0]), str(r[1]).rsplit("/", 1)[1]) for r in rows] == [
        ("2020-11-18", "year-from-text")
    ]  # type: ignore[index]


def test_sanqu_liangyi_has_five_ordered_components(ds: Dataset) -> None:
    rows = ds.query(
        Q
        + """
        SELECT ?pos ?label WHERE {
          ?plan a g60:Plan ; rdfs:label "三区两翼"@zh ; g60:hasComponent ?c .
          ?c g60:position ?pos ; rdfs:label ?label FILTER (LANG(?label) = "zh")
        } ORDER BY ?pos""",
        initNs={"rdfs": "http://www.w3.org/2000/01/rdf-schema#"},
    )
    assert [str(r[1]) for r in rows] == [  # type: ignore[index]
        "长三角一体化战略实践区",
        "在线新经济实践区",
        "AI场景深度应用实践区",
        "人工智能",
        "在线新经济",
    ]


def test_statistics_have_period_unit_and_growth(ds: Dataset) -> None:
    rows = list(
        ds.query(
            Q
            + """
        SELECT ?period ?value ?growth WHERE {
          ?obs a g60:Observation ; g60:indicator <https://w3id.org/g60kg/vocab/indicator/local-fiscal-revenue> ;
               g60:refPeriod ?period ; g60:value/schema:value ?value ; g60:growthRate/schema:value ?growth .
        }"""
        )
    )
    assert [(str(r[0]), r[1].toPython(), r[2].toPython()) for r in rows] == [  # type: ignore[index, union-attr]
        ("2020-10", Decimal(544_000_000), Decimal("3.71"))
    ]

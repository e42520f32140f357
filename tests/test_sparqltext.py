"""Reading a query's shape and binding parameters, on texts built to mislead a lexer."""

from __future__ import annotations

from pathlib import Path

import pytest
from g60kg.sparql.text import QueryShape, SparqlTextError, bind_values, inspect_query
from pyoxigraph import Literal, NamedNode, QueryBoolean, QuerySolutions, RdfFormat, Store

DATASET = Path(__file__).parent / "fixtures" / "corridor.nq"
TOWN = NamedNode("https://w3id.org/g60kg/id/adm-310117106")


@pytest.fixture(scope="module")
def store() -> Store:
    loaded = Store()
    loaded.bulk_load(path=DATASET, format=RdfFormat.N_QUADS)
    return loaded


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("ASK { ?s ?p 'SERVICE <x:y>' } # SERVICE", QueryShape("ASK", False, ())),
        ("SELECT * { ?s ?p <http://e/SERVICE#FROM> }", QueryShape("SELECT", False, ())),
        ("select * { ?service ?p ?o }", QueryShape("SELECT", False, ())),
        ("SELECT * { ?s ?p ?o .SERVICE <x:y> {} }", QueryShape("SELECT", True, ())),
        ('SELECT * { ?s ?p """a\n" service """ }', QueryShape("SELECT", False, ())),
        ("BASE <http://e/> SELECT * FROM <g> {}", QueryShape("SELECT", False, ("http://e/g",))),
        ("SELECT * FROM NAMED u:g {}", QueryShape("SELECT", False, ("u:g",))),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", QueryShape("CONSTRUCT", False, ())),
        ("DELETE WHERE { ?s ?p ?o }", QueryShape("UPDATE", False, ())),
    ],
)
def test_inspect_query_sees_keywords_only_where_they_are_keywords(
    text: str, shape: QueryShape
) -> None:
    assert inspect_query(text) == shape


def test_a_hostile_literal_stays_one_literal(store: Store) -> None:
    hostile = Literal('洞泾镇"@zh } } ; DROP ALL ; SELECT * WHERE { #', language="zh")
    text = bind_values("SELECT ?s WHERE { ?s ?p ?label }", {"label": hostile})
    result = store.query(text, use_default_graph_as_union=True)
    assert isinstance(result, QuerySolutions) and list(result) == []


def test_binding_restricts_the_where_group_even_under_aggregation(store: Store) -> None:
    text = (
        "SELECT (COUNT(?x) AS ?n) WHERE { ?x <https://w3id.org/g60kg/ontology#locatedIn> ?place }"
    )
    bound = bind_values(text, {"place": TOWN})
    result = store.query(bound, use_default_graph_as_union=True)
    assert isinstance(result, QuerySolutions)
    assert next(iter(result))["n"] == Literal(1)


def test_binding_skips_a_construct_template_and_projection_groups(store: Store) -> None:
    construct = bind_values("CONSTRUCT { ?place ?p ?o } WHERE { ?place ?p ?o }", {"place": TOWN})
    assert construct.startswith("CONSTRUCT { ?place ?p ?o } WHERE { VALUES (?place)")
    ask = bind_values(
        "SELECT (EXISTS { ?place ?p 1 } AS ?e) WHERE { ?place a ?type }", {"place": TOWN}
    )
    assert "WHERE { VALUES (?place) { (<https://w3id.org/g60kg/id/adm-310117106>) }" in ask
    result = store.query(f"ASK {{ {{ {ask} }} }}", use_default_graph_as_union=True)
    assert isinstance(result, QueryBoolean) and bool(result)


@pytest.mark.parametrize(
    ("text", "bindings", "message"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", {"s; DROP": TOWN}, "not a SPARQL variable name"),
        ("SELECT * WHERE { ?s ?p ?o }", {"s": "<x:y>"}, "must be an IRI or a literal"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", {"s": TOWN}, "short form"),
        ("INSERT DATA { <a:a> <a:b> 1 }", {"s": TOWN}, "not a query"),
    ],
)
def test_binding_refuses_what_it_cannot_do_safely(
    text: str, bindings: dict[str, object], message: str
) -> None:
    with pytest.raises(SparqlTextError, match=message):
        bind_values(text, bindings)  # type: ignore[arg-type]

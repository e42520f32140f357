"""Named queries: headers, parameters, expected answers from the article on every backend,
identical across backends; safety checks; result formats keep language information."""

from __future__ import annotations

from typing import Any

import pytest
from g60kg.errors import QueryError, QueryRefused, QuerySyntaxError, UnknownName
from g60kg.kg import KnowledgeGraph
from g60kg.sparql.named import get_query, named_queries, parse_named_query, run_named
from g60kg.sparql.results import choose_language, records, to_dataframe, to_sparql_json
from g60kg.sparql.safety import check_query
from rdflib import Literal, URIRef

ID = "https://w3id.org/g60kg/id/"
G60 = "https://w3id.org/g60kg/ontology#"

# name → (params, column, expected values of that column in order)
EXPECTED: dict[str, tuple[dict[str, str], str, list[Any]]] = {
    "corridor-cities": (
        {"corridor": "长三角G60科创走廊"},
        "province_zh",
        ["上海市", "江苏省", "浙江省", "浙江省", "浙江省", "浙江省", "安徽省", "安徽省", "安徽省"],
    ),
    "places-within": (
        {"place": "松江区"},
        "sub_zh",
        [
            "长三角G60科创走廊洞泾人工智能产业基地",
            "洞泾人工智能小镇",
            "优图创新基地",
            "长三角一体化战略实践区",
            "在线新经济实践区",
            "AI场景深度应用实践区",
            "洞泾镇",
        ],
    ),
    "organisations-in-place": ({"place": "洞泾镇"}, "org", [ID + "E0024"]),
    "plans-of-place": ({"place": "洞泾镇"}, "plan", None),
    "sites-in-place": (
        {"place": "上海市"},
        "site",
        [ID + f"E00{n}" for n in (10, 11, 12, 13, 14, 15, 16)],
    ),
    "companies-in-place": (
        {"place": "上海市"},
        "company_zh",
        [
            "安徽省投资集团控股有限公司",
            "北京联东投资(集团)有限公司",
            "中铁上海投资有限公司",
            "上海嘉宏投资咨询有限公司",
            "科大智能",
        ],
    ),
    "investments-in-place": (
        {"place": "松江区", "status": "investment-status:landed"},
        "amount_text",
        ["超百亿"],
    ),
    "companies-at-event": (
        {"event": "2020长三角G60科创走廊洞泾人工智能产业基地(核心区)投资推介大会"},
        "company_zh",
        [
            "安徽省投资集团控股有限公司",
            "北京联东投资(集团)有限公司",
            "中铁上海投资有限公司",
            "上海嘉宏投资咨询有限公司",
        ],
    ),
    "plan-components": (
        {"programme": "三区两翼"},
        "component_zh",
        [
            "长三角一体化战略实践区",
            "在线新经济实践区",
            "AI场景深度应用实践区",
            "人工智能",
            "在线新经济",
        ],
    ),
    "posts": (
        {"of": "松江区"},
        "post_zh",
        ["松江区区委副书记", "松江区区长", "洞泾镇党委副书记", "洞泾镇镇长"],
    ),
    "timeline": ({}, "when", None),  # checked below: sorted, starts 2016-05
    "evidence-for": (
        {"subject": "科大智能"},
        "quote",
        ["随着科大智能为代表的一批优质企业入驻、开工、投产,洞泾镇作为松江区产业经济重要承载区"],
    ),
    "containment-chain": ({"place": "洞泾镇"}, "ancestor_zh", ["松江区", "上海市"]),
    "instances-of": ({"class": "g60:Company"}, "thing_en", None),  # checked below
    "observations": ({"place": "洞泾镇"}, "value_text", ["2300户", "22.08亿元", "5.44亿元"]),
    "sources": ({}, "source", None),  # checked below
    "describe": ({"entity": "李子"}, "predicate", None),  # checked below
}


def test_at_least_twelve_named_queries_with_complete_headers() -> None:
    queries = named_queries()
    assert len(queries) >= 12
    assert set(EXPECTED) == set(queries), "every named query has an expected answer here"
    for query in queries.values():
        assert query.name == query.path.stem
        assert query.title_zh and query.title_en and query.description


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_parameter_is_projected(name: str) -> None:
    query = get_query(name)
    projected = check_query(query.text).projected
    assert set(query.params) <= set(projected), f"{name} must SELECT its parameters"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_named_query_answers(any_kg: KnowledgeGraph, name: str) -> None:
    params, column, expected = EXPECTED[name]
    found = records(run_named(any_kg, name, params))
    values = [row[column] for row in found]
    if expected is not None:
        assert values == expected
    elif name == "timeline":
        texts = [str(v) for v in values]
        assert texts == sorted(texts) and texts[0] == "2016-05" and "2020-11-18" in texts
    elif name == "instances-of":
        assert "Keda Zhineng" in values and len(values) == 5
    elif name == "sources":
        assert values[0] == "https://w3id.org/g60kg/source/dongjing-ai-town"
    elif name == "describe":
        assert G60 + "holder" in values and G60 + "jurisdiction" not in values


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_backends_give_identical_answers(
    name: str, any_kg: KnowledgeGraph, kg: KnowledgeGraph
) -> None:
    params = EXPECTED[name][0]
    assert records(run_named(any_kg, name, params)) == records(run_named(kg, name, params))


def test_superclass_query_returns_towns_and_districts(any_kg: KnowledgeGraph) -> None:
    found = records(run_named(any_kg, "instances-of", {"class": "g60:Place"}))
    types = {row["thing_zh"]: row["type"] for row in found}
    assert types["洞泾镇"] == G60 + "Town" and types["松江区"] == G60 + "District"
    assert types["洞泾人工智能小镇"] == G60 + "FeatureTown"


def test_investments_keep_bounds_and_qualifiers(any_kg: KnowledgeGraph) -> None:
    found = {
        r["status"].rsplit("/", 1)[1]: r
        for r in records(run_named(any_kg, "investments-in-place", {"place": "洞泾镇"}))
    }
    landed, intended = found["landed"], found["intended"]
    assert (landed["amount_min"], landed["amount_max"], landed["amount_text"]) == (
        10_000_000_000,
        None,
        "超百亿",
    )
    assert landed["amount_qualifier"].endswith("/more-than") and landed["count_text"] == "20余家"
    assert (intended["amount_min"], intended["amount_max"], intended["amount_text"]) == (
        None,
        10_000_000_000,
        "近百亿",
    )
    assert intended["amount_qualifier"].endswith("/nearly") and intended["count_value"] == 20


def test_unknown_query_lists_the_valid_ones(kg: KnowledgeGraph) -> None:
    with pytest.raises(UnknownName, match=r"no named query 'nope'; valid: .*corridor-cities"):
        run_named(kg, "nope")


def test_unknown_or_missing_parameter_lists_the_valid_ones(kg: KnowledgeGraph) -> None:
    with pytest.raises(UnknownName, match="has no parameter town; valid: place"):
        run_named(kg, "containment-chain", {"town": "洞泾镇"})
    with pytest.raises(UnknownName, match="needs parameter place"):
        run_named(kg, "containment-chain")


def test_params_accept_iris_curies_labels_and_terms(kg: KnowledgeGraph) -> None:
    chains = [
        records(run_named(kg, "containment-chain", {"place": value}))
        for value in (
            ID + "adm-310117106",
            f"<{ID}adm-310117106>",
            "id:adm-310117106",
            "洞泾",
            URIRef(ID + "adm-310117106"),
        )
    ]
    assert all(chain == chains[0] for chain in chains) and len(chains[0]) == 2


def test_header_parsing(tmp_path: Any) -> None:
    path = tmp_path / "q.rq"
    path.write_text(
        "#+ name: q\n#+ title_zh: 题\n#+ title_en: T\n#+ description: D\n"
        "#+ params: a=first; b?=second (optional)\nSELECT ?a ?b WHERE { ?a ?p ?b }\n",
        encoding="utf-8",
    )
    query = parse_named_query(path)
    assert query.params == {"a": "first", "b": "second (optional)"} and query.optional == {"b"}


@pytest.mark.parametrize(
    "text",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
        "CLEAR ALL",
        "DROP GRAPH <https://w3id.org/g60kg/graph/entities>",
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT ?s WHERE { { SELECT ?s WHERE { SERVICE <https://x.org/q> { ?s ?p ?o } } } }",
        "SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }",
        "SELECT * FROM NAMED <https://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
    ],
)
def test_updates_service_and_remote_from_are_refused(any_kg: KnowledgeGraph, text: str) -> None:
    with pytest.raises(QueryRefused):
        any_kg.query(text)


def test_keywords_inside_strings_are_not_refused(kg: KnowledgeGraph) -> None:
    assert list(kg.query("SELECT ?s WHERE { ?s rdfs:label 'SERVICE <http://x> INSERT' }")) == []


def test_syntax_error_has_line_and_column(kg: KnowledgeGraph) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        kg.query("SELECT ?s\nWHERE { ?s ?p }")
    assert (caught.value.line, caught.value.column) == (2, 9)
    assert "line 2, column 9" in str(caught.value)


def test_unknown_prefix_is_a_syntax_error_with_position(kg: KnowledgeGraph) -> None:
    with pytest.raises(QuerySyntaxError, match="line 1, column 19: unknown prefix nope:"):
        kg.query("SELECT ?s WHERE { nope:x ?p ?s }")


def test_bound_variable_must_be_projected_on_every_backend(any_kg: KnowledgeGraph) -> None:
    with pytest.raises(QueryError, match=r"bound variable \?l is not projected"):
        any_kg.query("SELECT ?s WHERE { ?s rdfs:label ?l }", {"l": Literal("洞泾镇", lang="zh")})
    star = any_kg.query("SELECT * WHERE { ?s rdfs:label ?l }", {"l": Literal("洞泾镇", lang="zh")})
    assert [str(r.s) for r in star] == [ID + "adm-310117106"]  # type: ignore[union-attr]


def test_dataframe_keeps_language_columns(any_kg: KnowledgeGraph) -> None:
    df = to_dataframe(run_named(any_kg, "corridor-cities"))
    assert list(df["city_zh"])[:2] == ["松江区", "苏州市"]
    assert set(df["city_en_lang"]) == {"en"} and set(df["city_zh_lang"]) == {"zh"}
    assert df.loc[0, "code"] == "310117"


def test_pinyin_tags_are_lower_case_on_every_backend(any_kg: KnowledgeGraph) -> None:
    query = (
        "SELECT ?s ?l WHERE { ?s skos:altLabel ?l FILTER(langMatches(lang(?l), 'zh-Latn-pinyin')) }"
    )
    found = records(any_kg.query(query, {"s": URIRef(ID + "adm-310117106")}))
    assert found == [{"s": ID + "adm-310117106", "l": "dòng jīng zhèn", "l_lang": "zh-latn-pinyin"}]


def test_sparql_json_is_the_w3c_format(any_kg: KnowledgeGraph) -> None:
    doc = to_sparql_json(run_named(any_kg, "containment-chain", {"place": "洞泾镇"}))
    assert doc["head"]["vars"] == ["place", "ancestor", "ancestor_zh", "ancestor_en", "above"]
    first = doc["results"]["bindings"][0]
    assert first["ancestor"] == {"type": "uri", "value": ID + "adm-310117"}
    assert first["ancestor_zh"] == {"type": "literal", "value": "松江区", "xml:lang": "zh"}
    assert first["above"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"


def test_choose_language_falls_back(kg: KnowledgeGraph) -> None:
    found = choose_language(records(run_named(kg, "containment-chain", {"place": "洞泾镇"})), "en")
    assert [r["ancestor_label"] for r in found] == ["Songjiang District", "Shanghai"]
    assert "ancestor_zh" not in found[0] and "ancestor_zh_lang" not in found[0]

"""Questions analysts ask, as functions: a `KnowledgeGraph` first, plain Python values back.

Entities may be given as IRIs, CURIEs (`id:adm-310117`) or names (`松江区`, `Songjiang`),
resolved with `lookup.find`, which refuses ambiguous names. Labels come in `lang` (zh or en),
falling back to the other language and then the IRI's local name. Most answers come from the
named queries in `ontology/queries/`, so Python, SPARQL and the CLI agree.

Examples below use `kg = g60kg.load()`.
"""

from __future__ import annotations

import contextlib
import itertools
from decimal import Decimal
from typing import Any

from rdflib import URIRef

from ..errors import G60Error, NoPath
from ..kg import KnowledgeGraph
from ..rdf.namespaces import CLAIM, G60
from ..sparql.named import run_named
from ..sparql.results import choose_language, records
from .lookup import find, label, local_name, resolve
from .quantity import quantity_text

__all__ = [
    "components",
    "corridor_cities",
    "describe",
    "evidence",
    "find",
    "in_place",
    "investments",
    "neighbours",
    "path",
    "posts",
    "timeline",
    "types_of",
]

Record = dict[str, Any]


def _iri(kg: KnowledgeGraph, entity: str, lang: str) -> str:
    return str(resolve(kg, entity, lang))


def _named(kg: KnowledgeGraph, name: str, lang: str, **params: str) -> list[Record]:
    """Run a named query and fold its label columns into `<column>_label` in `lang`."""
    bound = {k: _iri(kg, v, lang) for k, v in params.items()}
    found = choose_language(records(run_named(kg, name, bound, lang)), lang)
    return [{k: v for k, v in row.items() if not k.endswith("_lang")} for row in found]


_TYPES = """
SELECT DISTINCT ?entity ?type WHERE {
  GRAPH ?g { ?entity a ?type }
  FILTER(?g != graph:inferred && ?type NOT IN (g60:Claim, rdf:Statement))
} ORDER BY ?type"""
_CLAIM_EVIDENCE = """
SELECT DISTINCT ?claim ?quote ?start ?end ?source ?source_title WHERE {
  { ?claim g60:evidence ?span .
    ?span oa:exact ?quote ; oa:start ?start ; oa:end ?end ; oa:hasSource ?source }
  UNION { ?claim g60:citesReference ?source }
  OPTIONAL { ?source rdfs:label ?source_title }
} ORDER BY ?start ?source"""


def types_of(kg: KnowledgeGraph, iri: str) -> list[str]:
    """The classes `iri` is asserted to belong to (local names), without inferred ones."""
    found = records(kg.query(_TYPES, {"entity": URIRef(iri)}, check=False))
    return [local_name(row["type"]) for row in found]


def _claim_evidence(kg: KnowledgeGraph, claim: str) -> list[Record]:
    """The spans (quote, start, end, source, source_title) or references behind one claim."""
    found = records(kg.query(_CLAIM_EVIDENCE, {"claim": URIRef(claim)}, check=False))
    return [
        {k: v for k, v in row.items() if k not in ("claim", "source_title_lang")} for row in found
    ]


def describe(kg: KnowledgeGraph, entity: str, lang: str = "zh") -> Record:
    """Everything said about an entity: labels, types, and each statement with its evidence.

    Each fact has `direction` (out: the entity is the subject; in: the object), the predicate
    and value with labels (`quantity` says whether the value is an amount or count, read in
    words), the supporting `claim`, and its `evidence` spans (quote, offsets, source and its
    label) or the `references` it cites. Derived containment (`g60:within`) is left out.

    >>> info = describe(kg, "李谦")
    >>> info["label"], info["types"]
    ('李谦', ['Person'])
    >>> [(f["predicate_label"], f["value_label"]) for f in info["facts"]][:2]
    [('任职人', '李谦任松江区区委副书记'), ('任职人', '李谦任松江区区长')]
    >>> info["facts"][2]["evidence"][0]["quote"]
    '区长李谦出席大会并发表讲话'

    A quantity (an amount, a count) reads with its bounds, unit and wording; facts such as an
    investment are described by the labels the CLI prints for them:

    >>> fact = describe(kg, "洞泾实质落地投资")
    >>> [f["value_label"] for f in fact["facts"] if f["quantity"]]
    ['≥ 10,000,000,000 CNY (超百亿)', '≥ 20 家 (20余家)']
    """
    iri = _iri(kg, entity, lang)
    facts = []
    for row in records(run_named(kg, "describe", {"entity": iri}, lang)):
        value, claim = row["value"], row["claim"]
        spans = _claim_evidence(kg, claim) if claim is not None else []
        is_iri = isinstance(value, str) and value.startswith(("http://", "https://"))
        amount = quantity_text(kg, value, lang) if is_iri else None
        references = [s["source"] for s in spans if s["quote"] is None]
        facts.append(
            {
                "direction": row["direction"],
                "predicate": row["predicate"],
                "predicate_label": label(kg, row["predicate"], lang),
                "value": value,
                "value_label": amount or (label(kg, value, lang) if is_iri else value),
                "quantity": amount is not None,
                "claim": claim,
                "evidence": [
                    s | {"source_label": s["source_title"] or label(kg, s["source"], lang)}
                    for s in spans
                    if s["quote"] is not None
                ],
                "references": references,
                "reference_labels": [label(kg, r, lang) for r in references],
            }
        )
    types = types_of(kg, iri)
    return {
        "iri": iri,
        "label": label(kg, iri, lang),
        "labels": {code: label(kg, iri, code) for code in ("zh", "en")},
        "types": types,
        "type_labels": [label(kg, f"{G60}{t}", lang) for t in types],
        "facts": facts,
    }


def evidence(
    kg: KnowledgeGraph,
    subject: str,
    predicate: str | None = None,
    value: str | None = None,
    lang: str = "zh",
) -> list[Record]:
    """Which source said what about `subject`, in which words: one record per evidence span.

    Optionally narrowed to one `predicate` (a CURIE such as `g60:directlyWithin`) and `value`.
    A reference claim has no quote; its `source` is the reference it cites. Given a claim or
    n-ary fact itself (an IRI under `claim/`), it returns that claim's own evidence.

    >>> found = evidence(kg, "洞泾镇", "g60:directlyWithin", "松江区")
    >>> [(e["quote"], e["start"], e["end"]) for e in found if e["quote"]]
    [('在松江区洞泾镇集体亮相', 636, 647)]
    >>> found[0]["source_label"]
    '40余家企业“双百亿”投资花落洞泾 人工智能小'
    >>> landed = "https://w3id.org/g60kg/claim/dongjing-ai-town/investment-landed"
    >>> [e["quote"] for e in evidence(kg, landed)][0]
    '20余家企业实质落地,投资金额超百亿'
    """
    iri = _iri(kg, subject, lang)
    if iri.startswith(str(CLAIM)) and predicate is None and value is None:
        return [
            span
            | {"claim": iri, "predicate": None, "object": None}
            | {"source_label": span["source_title"] or label(kg, span["source"], lang)}
            for span in _claim_evidence(kg, iri)
        ]
    wanted_p = _iri(kg, predicate, lang) if predicate else None
    wanted_v: set[str] = set()
    if value is not None:
        wanted_v.add(value)  # a literal value compares as text
        with contextlib.suppress(G60Error):  # not an entity name: text only
            wanted_v.add(_iri(kg, value, lang))
    out = []
    for row in records(run_named(kg, "evidence-for", {"subject": iri}, lang)):
        if wanted_p and row["predicate"] != wanted_p:
            continue
        if wanted_v and str(row["object"]) not in wanted_v:
            continue
        out.append(
            {
                "claim": row["claim"],
                "predicate": row["predicate"],
                "object": row["object"],
                "quote": row["quote"],
                "start": row["start"],
                "end": row["end"],
                "source": row["source"],
                "source_label": row["source_title"] or label(kg, row["source"], lang),
            }
        )
    return out


def neighbours(kg: KnowledgeGraph, entity: str, depth: int = 1, lang: str = "zh") -> list[Record]:
    """Entities and concepts within `depth` steps, either direction, with facts collapsed.

    >>> [(n["label"], n["distance"]) for n in neighbours(kg, "洞泾镇党委")]
    [('李子', 1), ('洞泾镇', 1), ('洞泾镇党委副书记', 1)]
    """
    if depth < 1:
        raise ValueError(f"depth must be at least 1, not {depth}")
    iri = _iri(kg, entity, lang)
    if iri not in kg.digraph:
        return []
    undirected = kg.digraph.to_undirected(as_view=True)
    import networkx as nx

    reached = nx.single_source_shortest_path_length(undirected, iri, cutoff=depth)
    found = [
        {
            "iri": node,
            "label": label(kg, node, lang),
            "type": kg.digraph.nodes[node].get("type"),
            "distance": distance,
        }
        for node, distance in reached.items()
        if node != iri
    ]
    return sorted(found, key=lambda n: (n["distance"], n["label"], n["iri"]))


def in_place(kg: KnowledgeGraph, place: str, lang: str = "zh") -> dict[str, list[Record]]:
    """What lies in a place or any of its sub-places: `places`, `sites` and `companies`.

    >>> found = in_place(kg, "松江区")
    >>> [p["sub_label"] for p in found["places"] if p["class"].endswith("#Town")]
    ['洞泾镇']
    >>> sorted({c["company_label"] for c in found["companies"]})[:2]
    ['上海嘉宏投资咨询有限公司', '中铁上海投资有限公司']
    """
    return {
        "places": _named(kg, "places-within", lang, place=place),
        "sites": _named(kg, "sites-in-place", lang, place=place),
        "companies": _named(kg, "companies-in-place", lang, place=place),
    }


def _bounds(item: Record, prefix: str) -> tuple[Any, Any]:
    exact = item[f"{prefix}_value"]
    if exact is not None:
        return exact, exact
    return item[f"{prefix}_min"], item[f"{prefix}_max"]


def _plain(number: Decimal) -> int | Decimal:
    return int(number) if number == number.to_integral_value() else number


def _total(items: list[Record], prefix: str) -> Record:
    """Add bounds honestly: lower bounds add up (a missing one counts as 0, amounts are never
    negative); the upper bound is known only if every item has one."""
    pairs = [_bounds(i, prefix) for i in items if i[f"{prefix}_text"] is not None]
    qualifiers = [i[f"{prefix}_qualifier"] for i in items if i[f"{prefix}_text"] is not None]
    low = sum((Decimal(lo) for lo, _ in pairs if lo is not None), Decimal(0))
    highs = [hi for _, hi in pairs]
    high = sum((Decimal(h) for h in highs), Decimal(0)) if pairs and None not in highs else None
    exact = bool(pairs) and all(q.endswith("/exact") for q in qualifiers)
    return {
        "at_least": _plain(low),
        "at_most": None if high is None else _plain(high),
        "exact": exact,
        "wording": [i[f"{prefix}_text"] for i in items if i[f"{prefix}_text"] is not None],
        "items": len(pairs),
    }


def investments(
    kg: KnowledgeGraph, place: str, status: str | None = None, lang: str = "zh"
) -> Record:
    """Investments into a place (sub-places included), optionally of one status, with totals.

    Amounts and company counts keep their bounds: `min` (超, 余: more than), `max` (近:
    nearly), `value` (exact or about), with qualifier and the source's wording. `totals` add
    only investments that no stated total includes, and never treat a bound as exact: the sum
    of “超百亿” and “近百亿” is at least 10,000,000,000 yuan with no known upper bound.

    >>> found = investments(kg, "洞泾镇")
    >>> for i in found["investments"]:
    ...     print(i["status_label"], i["amount_text"], i["count_text"])
    意向落地 近百亿 20家
    实质落地 超百亿 20余家
    实质或意向落地 None 40余家
    >>> found["totals"]["amount"]["at_least"], found["totals"]["amount"]["at_most"]
    (10000000000, None)
    >>> found["totals"]["companies"]["at_least"], found["totals"]["companies"]["wording"]
    (40, ['20家', '20余家'])
    """
    params = {"place": place} | ({"status": status} if status else {})
    found = _named(kg, "investments-in-place", lang, **params)
    merged: dict[str, Record] = {}
    for row in found:
        merged.setdefault(row["investment"], row | {"part_of": []})
        if row["part_of"]:
            merged[row["investment"]]["part_of"].append(row["part_of"])
    items = list(merged.values())
    totals_stated = {p for i in items for p in i["part_of"]}
    leaves = [i for i in items if i["investment"] not in totals_stated]
    return {
        "investments": items,
        "totals": {"amount": _total(leaves, "amount"), "companies": _total(leaves, "count")},
    }


def components(kg: KnowledgeGraph, programme: str, lang: str = "zh") -> list[Record]:
    """The components of a plan or slogan, in the order the source states them.

    >>> [c["component_label"] for c in components(kg, "三区两翼")]
    ['长三角一体化战略实践区', '在线新经济实践区', 'AI场景深度应用实践区', '人工智能', '在线新经济']
    >>> [c["role_label"] for c in components(kg, "三区两翼", lang="en")][-1]
    'Wing'
    """
    return _named(kg, "plan-components", lang, programme=programme)


def posts(kg: KnowledgeGraph, of: str, lang: str = "zh") -> list[Record]:
    """Who holds which post in a body, or in the bodies governing a place and its sub-places.

    >>> [(p["person_label"], p["post_label"]) for p in posts(kg, "洞泾镇")]
    [('李子', '洞泾镇党委副书记'), ('李子', '洞泾镇镇长')]
    """
    return _named(kg, "posts", lang, of=of)


def timeline(kg: KnowledgeGraph, lang: str = "zh") -> list[Record]:
    """Dated events, facts and observations in time order, at the source's precision.

    >>> first = timeline(kg, lang="en")[0]
    >>> first["when"], first["thing_label"]
    ('2016-05', 'Yangtze River Delta G60 Science and Technology Innovation Corridor')
    """
    return _named(kg, "timeline", lang)


def corridor_cities(
    kg: KnowledgeGraph, corridor: str | None = None, lang: str = "zh"
) -> list[Record]:
    """The corridor's member cities with their province-level units, by division code.

    >>> [(c["city_label"], c["province_label"]) for c in corridor_cities(kg)][:2]
    [('松江区', '上海市'), ('苏州市', '江苏省')]
    """
    params = {"corridor": corridor} if corridor else {}
    return _named(kg, "corridor-cities", lang, **params)


def path(kg: KnowledgeGraph, source: str, target: str, lang: str = "zh") -> list[Record]:
    """A shortest chain of labelled relations between two entities, in either direction.

    Each step gives `from`, `to`, their labels, the relation's label in `lang` and whether it
    was followed `forward` (from → to as stated) or backward.

    >>> steps = path(kg, "洞泾镇", "上海市")
    >>> " → ".join([steps[0]["from_label"]] + [s["to_label"] for s in steps])
    '洞泾镇 → 松江区 → 上海市'
    >>> steps[0]["relation"], steps[0]["forward"]
    ('直接隶属于', True)
    """
    import networkx as nx

    a, b = _iri(kg, source, lang), _iri(kg, target, lang)
    undirected = kg.digraph.to_undirected(as_view=True)
    try:
        nodes = nx.shortest_path(undirected, a, b)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        raise NoPath(f"no path between {label(kg, a, lang)!r} and {label(kg, b, lang)!r}") from None
    steps = []
    for x, y in itertools.pairwise(nodes):
        forward = kg.nx_collapsed.has_edge(x, y)
        u, v = (x, y) if forward else (y, x)
        edges = kg.nx_collapsed.get_edge_data(u, v)
        key = sorted(edges)[0]
        steps.append(
            {
                "from": x,
                "from_label": label(kg, x, lang),
                "relation": edges[key].get(f"label_{lang}", key),
                "predicate": edges[key].get("predicate"),
                "forward": forward,
                "to": y,
                "to_label": label(kg, y, lang),
            }
        )
    return steps

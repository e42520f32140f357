"""Named SPARQL queries: `ontology/queries/*.rq`, listed, read and run by name with parameters.

Each file starts with header lines `#+ key: value`: `name`, `title_zh`, `title_en`,
`description` and `params` (`name[kind]=what it is; other?=… (optional)`, a trailing `?` marks
an optional parameter). The kind in brackets says what a value names: `class` (a class of the
ontology), a code list (`investment-status`) or a class CURIE (`g60:Place`: an entity of that
class); without one, any entity or IRI. A parameter is bound as an RDF term, never pasted into
the text, and every query projects its parameters (Oxigraph binds only projected variables).

Examples below use `kg = g60kg.load()`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib.query import Result
from rdflib.term import Identifier

from ..errors import G60Error, UnknownName
from ..kg import KnowledgeGraph
from ..rdf.ontology import ontology_dir
from .header import parse_params, read_header

__all__ = ["NamedQuery", "bind_params", "get_query", "named_queries", "queries_dir", "run_named"]

HEADER_KEYS = ("name", "title_zh", "title_en", "description", "params")


@dataclass(frozen=True)
class NamedQuery:
    """One named query: its header fields, parameters (name → description) and SPARQL text."""

    name: str
    title_zh: str
    title_en: str
    description: str
    text: str
    path: Path
    params: dict[str, str] = field(default_factory=dict)
    optional: frozenset[str] = frozenset()
    kinds: dict[str, str] = field(default_factory=dict)


def queries_dir() -> Path:
    """The folder of the named queries, `ontology/queries/`."""
    return ontology_dir() / "queries"


def parse_named_query(path: Path) -> NamedQuery:
    """Read one `.rq` file and its `#+ key: value` header.

    >>> q = parse_named_query(queries_dir() / "investments-in-place.rq")
    >>> q.title_en, list(q.params)
    ('Investments in a place', ['place', 'status'])
    >>> q.kinds
    {'place': 'g60:Place', 'status': 'investment-status'}
    """
    text = path.read_text(encoding="utf-8")
    header = read_header(text)
    missing = [k for k in HEADER_KEYS if k not in header]
    if missing:
        raise G60Error(f"{path}: header lacks {', '.join(missing)} (lines `#+ key: value`)")
    try:
        spec = parse_params(header["params"])
    except ValueError as error:
        raise G60Error(f"{path}: {error}") from None
    return NamedQuery(
        name=header["name"],
        title_zh=header["title_zh"],
        title_en=header["title_en"],
        description=header["description"],
        text=text,
        path=path,
        params=spec.descriptions,
        optional=spec.optional,
        kinds=spec.kinds,
    )


@cache
def _load_all(folder: Path) -> dict[str, NamedQuery]:
    found = [parse_named_query(p) for p in sorted(folder.glob("*.rq"))]
    return {q.name: q for q in found}


def named_queries(folder: Path | None = None) -> dict[str, NamedQuery]:
    """Every named query by name.

    >>> len(named_queries()) >= 12, "corridor-cities" in named_queries()
    (True, True)
    """
    return dict(_load_all(folder or queries_dir()))


def get_query(name: str) -> NamedQuery:
    """The named query `name`; an unknown name raises `UnknownName` listing the valid ones.

    >>> get_query("timeline").title_zh
    '时间线'
    """
    queries = named_queries()
    if name not in queries:
        raise UnknownName(f"no named query {name!r}", queries)
    return queries[name]


def bind_params(
    kg: KnowledgeGraph,
    query: NamedQuery,
    params: Mapping[str, str | Identifier] | None = None,
    lang: str = "zh",
) -> dict[str, Identifier]:
    """Check the parameters against the query's header and turn strings into RDF terms.

    A string may be an IRI, a CURIE (`id:adm-310117`, `g60:Place`, `industry:ai`) or an entity
    label or alias; a parameter of a kind also takes a class or concept by local name or label
    (`Company`, `实质落地`, `landed`). All go through `kg.resolve` (`queries.lookup.resolve`),
    which refuses ambiguous names and values of the wrong kind.

    >>> bind_params(kg, get_query("posts"), {"of": "松江区"})
    {'of': rdflib.term.URIRef('https://w3id.org/g60kg/id/adm-310117')}
    >>> bind_params(kg, get_query("instances-of"), {"class": "Company"})
    {'class': rdflib.term.URIRef('https://w3id.org/g60kg/ontology#Company')}
    """
    given = dict(params or {})
    unknown = sorted(set(given) - set(query.params))
    if unknown:
        raise UnknownName(
            f"query {query.name!r} has no parameter {', '.join(unknown)}", query.params
        )
    missing = sorted(set(query.params) - set(given) - query.optional)
    if missing:
        raise UnknownName(
            f"query {query.name!r} needs parameter {', '.join(missing)}", query.params
        )
    return {
        name: value
        if isinstance(value, Identifier)
        else kg.resolve(value, lang, query.kinds.get(name))
        for name, value in given.items()
    }


def run_named(
    kg: KnowledgeGraph,
    name: str,
    params: Mapping[str, str | Identifier] | None = None,
    lang: str = "zh",
) -> Result:
    """Run the named query `name` with `params` bound as terms.

    >>> result = run_named(kg, "corridor-cities")
    >>> [str(row.city_zh) for row in result][:3]
    ['松江区', '苏州市', '杭州市']
    """
    query = get_query(name)
    return kg.query(query.text, bind_params(kg, query, params, lang), check=False)

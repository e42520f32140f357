"""Read the named SPARQL queries (``*.rq`` with ``#+ key: value`` header lines) as examples.

Example:

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "towns.rq").write_text(
...     "#+ name: towns\\n#+ title_zh: 城镇\\n"
...     "#+ params: place[g60:Place]=a place; kind?[admin-level]=a level\\n"
...     "SELECT ?t WHERE { ?t ?p ?place }\\n", encoding="utf-8")
>>> [(e.name, e.title_zh, e.params) for e in read_examples(folder)]
[('towns', '城镇', {'place': 'a place', 'kind': 'a level'})]

On a served store, `bind_examples` binds each required parameter to the entity its
description names after "e.g.", so every example of the page runs as it stands.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from pyoxigraph import Literal, NamedNode, QuerySolutions, Store

from g60kg.sparql.header import ParamSpec, parse_params, read_header
from g60kg.sparql.text import SparqlTextError, bind_values

__all__ = ["Example", "bind_examples", "example_values", "read_example", "read_examples"]

_EXAMPLE_VALUES = re.compile(r"e\.g\.\s*([^;()]+)")
_CURIE = re.compile(r"^([A-Za-z][\w-]*):([\w./-]+)$")
_NAMED = """
SELECT DISTINCT ?entity WHERE {
  VALUES ?property { <http://www.w3.org/2000/01/rdf-schema#label>
                     <http://www.w3.org/2004/02/skos/core#altLabel> }
  ?entity ?property ?name
  FILTER(isIRI(?entity) && isLiteral(?name) && str(?name) = ?text)
} LIMIT 2
"""


@dataclass(frozen=True)
class Example:
    """One named query: its name, titles, description, parameters and SPARQL text."""

    name: str
    text: str
    title_zh: str = ""
    title_en: str = ""
    description: str = ""
    params: dict[str, str] = field(default_factory=dict)
    optional: tuple[str, ...] = ()
    bound: dict[str, str] = field(default_factory=dict)


def read_example(path: Path) -> Example:
    """One ``.rq`` file as an Example; the file stem names it unless a header does."""
    text = path.read_text(encoding="utf-8")
    header = read_header(text)
    try:
        spec = parse_params(header.get("params", ""))
    except ValueError:  # a query of the user's own folder with a header of its own: no form
        spec = ParamSpec()
    return Example(
        name=header.get("name", path.stem),
        text=text,
        title_zh=header.get("title_zh", ""),
        title_en=header.get("title_en", ""),
        description=header.get("description", ""),
        params=spec.descriptions,
        optional=tuple(name for name in spec.descriptions if name in spec.optional),
    )


def read_examples(folder: Path | None) -> list[Example]:
    """Every ``*.rq`` file of ``folder`` in name order; none when there is no folder."""
    if folder is None or not folder.is_dir():
        return []
    return [read_example(path) for path in sorted(folder.glob("*.rq"))]


def example_values(description: str) -> list[str]:
    """The values a parameter's description gives after "e.g.", in order ("or" and commas
    separate them).

    >>> example_values("a body (e.g. 松江区区委) or a place (e.g. 松江区)")
    ['松江区区委']
    >>> example_values("an ontology class, e.g. Company or g60:Place")
    ['Company', 'g60:Place']
    >>> example_values("IRI of a place")
    []
    """
    match = _EXAMPLE_VALUES.search(description)
    if match is None:
        return []
    return [value for value in re.split(r"\s*,\s*|\s+or\s+", match.group(1).strip()) if value]


def _term(store: Store, value: str, prefixes: Mapping[str, str]) -> NamedNode | None:
    """The IRI a CURIE expands to, or the one entity named ``value``; None if not exactly one."""
    curie = _CURIE.match(value)
    if curie and curie.group(1) in prefixes:
        return NamedNode(prefixes[curie.group(1)] + curie.group(2))
    query = bind_values(_NAMED, {"text": Literal(value)})
    found = store.query(query, use_default_graph_as_union=True)
    assert isinstance(found, QuerySolutions)
    entities = [row["entity"] for row in found]
    only = entities[0] if len(entities) == 1 else None
    return only if isinstance(only, NamedNode) else None


def bind_examples(
    examples: Sequence[Example], store: Store, prefixes: Mapping[str, str]
) -> list[Example]:
    """The examples with every required parameter bound (a ``VALUES`` line at the start of
    the WHERE group) to the first entity its description names after "e.g." that is one
    entity of ``store`` (or a CURIE of ``prefixes``).

    A parameter marked optional (``name?``), without an example value, or whose values name
    no single entity stays unbound; ``bound`` records what was bound.
    """
    result = []
    for example in examples:
        terms: dict[str, NamedNode] = {}
        bound: dict[str, str] = {}
        for name, description in example.params.items():
            if name in example.optional:
                continue
            for value in example_values(description):
                term = _term(store, value, prefixes)
                if term is not None:
                    terms[name], bound[name] = term, value
                    break
        try:
            result.append(replace(example, text=bind_values(example.text, terms), bound=bound))
        except SparqlTextError:  # no WHERE group to bind in: offered as written
            result.append(example)
    return result

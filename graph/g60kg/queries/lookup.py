"""Names to entities and entities to names: `find` by label or alias, `label` in a language.

Examples below use `kg = g60kg.load()`.
"""

from __future__ import annotations

import difflib
import re
import weakref
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from rdflib import Literal, URIRef

from ..errors import AmbiguousEntity, EntityNotFound, G60Error
from ..kg import KnowledgeGraph
from ..names import local_name, matching, pick_label
from ..rdf.namespaces import ID, PREFIXES, VOCAB

__all__ = ["LANGS", "entity_names", "find", "label", "local_name", "pick_label", "resolve"]

LANGS = ("zh", "en")
_LABELS = """
SELECT DISTINCT ?s ?p ?l WHERE {
  VALUES ?p { rdfs:label skos:altLabel }
  ?s ?p ?l
  FILTER(isIRI(?s) && isLiteral(?l))
}"""
_CURIE = re.compile(r"^([A-Za-z][\w-]*):([\w./-]+)$")


@dataclass
class _Index:
    """Every label of every node, and the names (labels and aliases) of entities."""

    labels: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


_CACHE: weakref.WeakKeyDictionary[KnowledgeGraph, _Index] = weakref.WeakKeyDictionary()


def _index(kg: KnowledgeGraph) -> _Index:
    """Built once per graph with one query; the graph is read-only for queries."""
    if kg not in _CACHE:
        index = _Index()
        for iri, p, text, tag in _label_rows(kg):
            if p.endswith("#label"):
                index.labels[iri].setdefault(tag, text)
            if iri.startswith(str(ID)) and "/mention/" not in iri:
                index.names[iri].add(text)
        _CACHE[kg] = index
    return _CACHE[kg]


def _label_rows(kg: KnowledgeGraph) -> Iterator[tuple[str, str, str, str]]:
    """(IRI, property, text, lower-case language tag) of every label and alias; read straight
    from Oxigraph when the graph is there (tens of thousands of rows, no rdflib terms)."""
    if kg.store is not None:
        prefixes = dict(PREFIXES)
        found = kg.store.query(_LABELS, prefixes=prefixes, use_default_graph_as_union=True)
        for s, p, lit in found:  # type: ignore[union-attr]
            yield s.value, p.value, lit.value, (getattr(lit, "language", None) or "").lower()
        return
    for s, p, lit in kg.query(_LABELS, check=False):  # type: ignore[misc]
        assert isinstance(lit, Literal)
        yield str(s), str(p), str(lit), (lit.language or "").lower()


def entity_names(kg: KnowledgeGraph) -> Mapping[str, set[str]]:
    """Every name (labels in every language, aliases, pinyin) of every entity, by IRI.

    >>> "洞泾" in entity_names(kg)["https://w3id.org/g60kg/id/adm-310117106"]
    True
    """
    return _index(kg).names


def label(kg: KnowledgeGraph, iri: str, lang: str = "zh") -> str:
    """The label of `iri` in `lang`, falling back to Chinese, English, then the IRI's local name.

    >>> label(kg, "https://w3id.org/g60kg/id/adm-310117106", "en")
    'Dongjing Town'
    >>> label(kg, "https://w3id.org/g60kg/ontology#Town")
    '镇'
    """
    return pick_label(_index(kg).labels.get(str(iri), {}), lang) or local_name(str(iri))


def find(kg: KnowledgeGraph, name: str, lang: str = "zh") -> str:
    """The IRI of the one entity whose label or alias is `name`.

    Tries an exact match, then a normalised one (width, case, tone marks, brackets, spaces
    ignored), then a normalised substring. Several entities at the first step that matches
    raise `AmbiguousEntity` listing them; none at all raises `EntityNotFound` with the closest
    labels. Pinyin works too: the build adds a pinyin alias to every entity.

    >>> find(kg, "洞泾镇")
    'https://w3id.org/g60kg/id/adm-310117106'
    >>> find(kg, "songjiang district") == find(kg, "松江区")
    True
    >>> find(kg, "李 谦")
    'https://w3id.org/g60kg/id/E0040'
    >>> find(kg, "洞泾人工智能")
    Traceback (most recent call last):
    ...
    g60kg.errors.AmbiguousEntity: '洞泾人工智能' is ambiguous; candidates: ...
    """
    if not name.strip():
        raise G60Error("an empty name matches nothing")
    names = _index(kg).names
    found = matching(names, name)
    if len(found) == 1:
        return found[0]
    if found:
        raise AmbiguousEntity(name, [(iri, label(kg, iri, lang)) for iri in found])
    shown = {label(kg, iri, lang) for iri in names} | {t for ts in names.values() for t in ts}
    raise EntityNotFound(name, difflib.get_close_matches(name, sorted(shown), n=5, cutoff=0.3))


_NOT_IN_IRI = re.compile(r"[\x00-\x20<>\"{}|^`\\]")


def _iri(iri: str, given: str) -> URIRef:
    """``iri`` as a term, or an error when it holds what no IRI may (a space, <, >, quotes)."""
    bad = _NOT_IN_IRI.search(iri)
    if bad:
        raise G60Error(
            f"{given!r} is not an IRI: it holds {bad.group()!r}; write <https://…> without "
            "spaces, quotes or angle brackets inside, or give an entity's name"
        )
    return URIRef(iri)


def resolve(kg: KnowledgeGraph, text: str, lang: str = "zh") -> URIRef:
    """Turn user input into an IRI: `<iri>`, `http(s)://…`, a CURIE (`id:adm-310117`,
    `g60:Town`), a code-list concept (`industry:ai`), or else an entity name through `find`.

    >>> str(resolve(kg, "id:adm-310117"))
    'https://w3id.org/g60kg/id/adm-310117'
    >>> str(resolve(kg, "investment-status:landed"))
    'https://w3id.org/g60kg/vocab/investment-status/landed'
    >>> str(resolve(kg, "合肥"))
    'https://w3id.org/g60kg/id/adm-340100'
    """
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        return _iri(text[1:-1], text)
    if re.match(r"^https?://\S+$", text):
        return _iri(text, text)
    curie = _CURIE.match(text)
    if curie:
        prefix, local = curie.groups()
        if prefix in PREFIXES:
            return _iri(PREFIXES[prefix] + local, text)
        concept = f"{VOCAB}{prefix}/{local}"
        if concept in _index(kg).labels:
            return URIRef(concept)
    return URIRef(find(kg, text, lang))

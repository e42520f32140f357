"""Names to entities and entities to names: `find` by label or alias (entities, and the facts
whose labels the CLI prints), `label` in a language, and `resolve`, the one resolver of what a
user typed (names, CURIEs, IRIs, classes and code-list values).

Examples below use `kg = g60kg.load()`.
"""

from __future__ import annotations

import contextlib
import difflib
import json
import re
import weakref
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef

from ..errors import AmbiguousEntity, EntityNotFound, G60Error
from ..kg import KnowledgeGraph, build_stamp
from ..names import local_name, matching, normalise, pick_label, ranked
from ..output import write_bytes
from ..rdf.namespaces import CLAIM, ID, PREFIXES, VOCAB
from .vocabulary import pick_term

__all__ = [
    "LANGS",
    "entity_names",
    "find",
    "find_all",
    "label",
    "local_name",
    "pick_label",
    "resolve",
]

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
    """Every label of every node; the names (labels and aliases) of entities, and of what
    `find` also finds: entities and facts (claims with labels, such as investments)."""

    labels: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    findable: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    normalised: dict[str, str] = field(default_factory=dict)


_CACHE: weakref.WeakKeyDictionary[KnowledgeGraph, _Index] = weakref.WeakKeyDictionary()


INDEX_NAME = "g60kg.names.json"


def _index(kg: KnowledgeGraph) -> _Index:
    """Built once per graph with one query; the graph is read-only for queries. A graph
    opened from a kept store keeps its index beside the build, so the next command reads it
    instead of asking the store for every label again."""
    if kg not in _CACHE:
        kept = _read_kept_index(kg.kept_from) if kg.kept_from is not None else None
        _CACHE[kg] = kept or _query_index(kg)
        if kept is None and kg.kept_from is not None:
            _keep_index(kg.kept_from, _CACHE[kg])
    return _CACHE[kg]


def _query_index(kg: KnowledgeGraph) -> _Index:
    index = _Index()
    ids, claims = str(ID), str(CLAIM)
    for iri, p, text, tag in _label_rows(kg):
        if p.endswith("#label"):
            index.labels[iri].setdefault(tag, text)
        if "/mention/" in iri:
            continue
        if iri.startswith(ids):
            index.names[iri].add(text)
        if iri.startswith((ids, claims)):
            index.findable[iri].add(text)
    index.normalised.update((t, normalise(t)) for ts in index.findable.values() for t in ts)
    return index


def _read_kept_index(nquads: Path) -> _Index | None:
    """The index kept beside `nquads`, when it was made from that very build."""
    try:
        found = json.loads((nquads.parent / INDEX_NAME).read_text(encoding="utf-8"))
        if found.get("made-from") != build_stamp(nquads):
            return None
        index = _Index()
        index.labels.update(found["labels"])
        index.names.update((iri, set(texts)) for iri, texts in found["names"].items())
        index.findable.update((iri, set(texts)) for iri, texts in found["findable"].items())
        index.normalised.update(found["normalised"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return index


def _keep_index(nquads: Path, index: _Index) -> None:
    record = {
        "made-from": build_stamp(nquads),
        "labels": index.labels,
        "names": {iri: sorted(texts) for iri, texts in index.names.items()},
        "findable": {iri: sorted(texts) for iri, texts in index.findable.items()},
        "normalised": index.normalised,
    }
    with contextlib.suppress(OSError, G60Error):  # a read-only build folder: just not kept
        write_bytes(nquads.parent / INDEX_NAME, json.dumps(record, ensure_ascii=False).encode())


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


def find_all(kg: KnowledgeGraph, name: str, lang: str = "zh") -> list[str]:
    """Every entity or fact that `name` names, best first (see `g60kg.names.ranked`); none at
    all raises `EntityNotFound` with the closest labels.

    >>> [label(kg, iri) for iri in find_all(kg, "洞泾镇党")]
    ['洞泾镇党委', '洞泾镇党委副书记', '李子任洞泾镇党委副书记']
    """
    if not name.strip():
        raise G60Error("an empty name matches nothing")
    index = _index(kg)
    names = index.findable
    found = ranked(names, name, index.normalised)
    if found:
        return found
    shown = {label(kg, iri, lang) for iri in names} | {t for ts in names.values() for t in ts}
    raise EntityNotFound(name, difflib.get_close_matches(name, sorted(shown), n=5, cutoff=0.3))


def find(kg: KnowledgeGraph, name: str, lang: str = "zh") -> str:
    """The IRI of the one entity or fact whose label or alias is `name`.

    Tries an exact match, then a normalised one (width, case, tone marks, brackets, spaces
    ignored), then a normalised substring. Several entities at the first step that matches
    raise `AmbiguousEntity` listing them; none at all raises `EntityNotFound` with the closest
    labels. Pinyin works too: the build adds a pinyin alias to every entity. Facts are found
    by the labels the CLI prints for them.

    >>> find(kg, "洞泾镇")
    'https://w3id.org/g60kg/id/adm-310117106'
    >>> find(kg, "songjiang district") == find(kg, "松江区")
    True
    >>> find(kg, "李 谦")
    'https://w3id.org/g60kg/id/E0040'
    >>> find(kg, "洞泾实质落地投资")
    'https://w3id.org/g60kg/claim/dongjing-ai-town/investment-landed'
    >>> find(kg, "洞泾人工智能")
    Traceback (most recent call last):
    ...
    g60kg.errors.AmbiguousEntity: '洞泾人工智能' is ambiguous; candidates: ...
    """
    if not name.strip():
        raise G60Error("an empty name matches nothing")
    index = _index(kg)
    found = matching(index.findable, name, index.normalised)
    if len(found) == 1:
        return found[0]
    if found:
        raise AmbiguousEntity(name, [(iri, label(kg, iri, lang)) for iri in found])
    find_all(kg, name, lang)  # raises EntityNotFound with the closest labels
    raise AssertionError("unreachable: find_all found what matching did not")


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


def _literal_iri(kg: KnowledgeGraph, text: str) -> URIRef | None:
    """`<iri>`, `http(s)://…`, a CURIE (`id:adm-310117`, `g60:Town`) or a code-list concept
    (`industry:ai`) as an IRI; None for anything else (a name)."""
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
    return None


def _of_class(kg: KnowledgeGraph, iri: str, cls: URIRef) -> bool:
    return bool(kg.query("ASK { ?x a ?c }", {"x": URIRef(iri), "c": cls}, check=False).askAnswer)


def _entity_of(kg: KnowledgeGraph, text: str, cls: URIRef, lang: str) -> URIRef:
    """The entity named `text` that belongs to `cls` (which also settles an ambiguous name)."""
    try:
        iri = str(_literal_iri(kg, text) or find(kg, text, lang))
    except AmbiguousEntity as exc:
        fitting = [(i, n) for i, n in exc.candidates if _of_class(kg, i, cls)]
        if len(fitting) != 1:
            raise AmbiguousEntity(text, fitting or exc.candidates) from None
        iri = fitting[0][0]
    if not _of_class(kg, iri, cls):
        raise G60Error(
            f"{text!r} ({label(kg, iri, lang)}) is not a {label(kg, cls, lang)} "
            f"({local_name(str(cls))}); give one, e.g. from `g60kg query --name instances-of "
            f"--param class={local_name(str(cls))}`"
        )
    return URIRef(iri)


def resolve(kg: KnowledgeGraph, text: str, lang: str = "zh", kind: str | None = None) -> URIRef:
    """Turn user input into an IRI: `<iri>`, `http(s)://…`, a CURIE (`id:adm-310117`,
    `g60:Town`), a code-list concept (`industry:ai`), or else an entity name through `find`.

    `kind` narrows what is wanted: `"class"` (a class of the ontology, by CURIE, local name or
    label), a code list such as `"investment-status"` (a concept, by CURIE, notation or label),
    or a class CURIE such as `"g60:Place"` (an entity of that class). A value of another kind
    raises a `G60Error` that lists or points to the valid ones.

    >>> str(resolve(kg, "id:adm-310117"))
    'https://w3id.org/g60kg/id/adm-310117'
    >>> str(resolve(kg, "investment-status:landed"))
    'https://w3id.org/g60kg/vocab/investment-status/landed'
    >>> str(resolve(kg, "合肥"))
    'https://w3id.org/g60kg/id/adm-340100'
    >>> str(resolve(kg, "Company", kind="class"))
    'https://w3id.org/g60kg/ontology#Company'
    >>> str(resolve(kg, "实质落地", kind="investment-status"))
    'https://w3id.org/g60kg/vocab/investment-status/landed'
    >>> resolve(kg, "李谦", kind="g60:Place")
    Traceback (most recent call last):
    ...
    g60kg.errors.G60Error: '李谦' (李谦) is not a 地点 (Place); give one, e.g. ...
    """
    text = text.strip()
    if kind is not None and ":" not in kind:
        return pick_term(kg, kind, text)
    if kind is not None:
        return _entity_of(kg, text, _literal_iri(kg, kind) or URIRef(kind), lang)
    return _literal_iri(kg, text) or URIRef(find(kg, text, lang))

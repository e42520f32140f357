"""Terms of the vocabulary a parameter may name: the classes of the ontology, or the concepts of
one code list (`investment-status`, `industry`, …), each with the value to type and its labels;
and which of them the words a user typed name.

Examples below use `kg = g60kg.load()`.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from ..errors import UnknownName
from ..kg import KnowledgeGraph
from ..names import local_name, matching
from ..rdf.namespaces import G60, VOCAB
from ..sparql.results import records

__all__ = ["CLASS", "Term", "describe_terms", "pick_term", "terms"]

CLASS = "class"
_CLASSES = """
SELECT DISTINCT ?term ?zh ?en WHERE {
  ?term a owl:Class FILTER(STRSTARTS(STR(?term), STR(g60:)))
  OPTIONAL { ?term rdfs:label ?zh FILTER(langMatches(lang(?zh), "zh")) }
  OPTIONAL { ?term rdfs:label ?en FILTER(langMatches(lang(?en), "en")) }
} ORDER BY ?term"""
_CONCEPTS = """
SELECT DISTINCT ?scheme ?term ?zh ?en WHERE {
  ?term skos:inScheme ?scheme
  OPTIONAL { ?term skos:prefLabel ?zh FILTER(langMatches(lang(?zh), "zh")) }
  OPTIONAL { ?term skos:prefLabel ?en FILTER(langMatches(lang(?en), "en")) }
} ORDER BY ?term"""


@dataclass(frozen=True)
class Term:
    """A class or concept: its IRI, the value to type (a CURIE) and its labels."""

    iri: str
    value: str
    zh: str
    en: str

    def names(self) -> set[str]:
        """Everything a user may type for it: the CURIE, its local name, IRI and labels."""
        return {self.iri, self.value, local_name(self.iri), self.zh, self.en} - {""}


def terms(kg: KnowledgeGraph, kind: str) -> list[Term]:
    """The classes of the ontology (`kind="class"`) or the concepts of the code list `kind`.

    >>> [(t.value, t.zh, t.en) for t in terms(kg, "investment-status")][0]
    ('investment-status:intended', '意向落地', 'Intended')
    >>> [t.value for t in terms(kg, "class")][:2]
    ['g60:AdministrativeUnit', 'g60:City']
    """
    if kind == CLASS:
        found = records(kg.query(_CLASSES, check=False))
        prefix, base = "g60:", str(G60)
    else:
        scheme = URIRef(f"{VOCAB}{kind}")
        found = records(kg.query(_CONCEPTS, {"scheme": scheme}, check=False))
        prefix, base = f"{kind}:", f"{scheme}/"
    return [
        Term(row["term"], prefix + row["term"][len(base) :], row["zh"] or "", row["en"] or "")
        for row in found
        if row["term"].startswith(base)
    ]


def describe_terms(kg: KnowledgeGraph, kind: str) -> str:
    """What a parameter of this kind may be, in a few words, for messages and listings.

    >>> describe_terms(kg, "investment-status")
    'a value of the code list 投资状态 / Investment statuses'
    """
    if kind == CLASS:
        return "a class of the ontology"
    scheme = URIRef(f"{VOCAB}{kind}")
    names = records(kg.query("SELECT ?s ?l WHERE { ?s skos:prefLabel ?l }", {"s": scheme}))
    labels = " / ".join(sorted((row["l"] for row in names), key=lambda x: x.isascii()))
    return f"a value of the code list {labels or kind}"


def pick_term(kg: KnowledgeGraph, kind: str, text: str) -> URIRef:
    """The class or concept of `kind` that `text` names: its CURIE, IRI, local name, or its
    Chinese or English label (case, width and spaces ignored). Anything else raises
    `UnknownName` listing the valid values with their labels.

    >>> str(pick_term(kg, "investment-status", "实质落地"))
    'https://w3id.org/g60kg/vocab/investment-status/landed'
    >>> pick_term(kg, "investment-status", "landed") == pick_term(kg, "investment-status", "Landed")
    True
    >>> str(pick_term(kg, "class", "Company"))
    'https://w3id.org/g60kg/ontology#Company'
    >>> pick_term(kg, "investment-status", "done")
    Traceback (most recent call last):
    ...
    g60kg.errors.UnknownName: 'done' is not a value of the code list 投资状态 / ...
    """
    found = terms(kg, kind)
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    hits = matching({t.iri: t.names() for t in found}, text)
    if len(hits) == 1:
        return URIRef(hits[0])
    listed = [f"{t.value} ({t.zh}, {t.en})" for t in found if not hits or t.iri in hits]
    what = describe_terms(kg, kind)
    problem = f"{text!r} names several: pick one" if hits else f"{text!r} is not {what}"
    raise UnknownName(problem, listed)

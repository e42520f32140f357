"""Turn checked records into an RDF dataset: one named graph per source, claims as nodes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS
from rdflib.term import Node

from ..errors import Problem
from ..pinyin import pinyin
from ..records.read import Data, Entity, Span, Statement, Where
from .literals import add_quantity, literal
from .namespaces import (
    CLAIM,
    ENTITIES_GRAPH,
    G60,
    ID,
    OA,
    ONTOLOGY_GRAPH,
    PREFIXES,
    REFERENCE_GRAPH,
    SCHEMA,
    SOURCE,
    reference_graph,
    source_graph,
)
from .ontology import Ontology

__all__ = ["compile_dataset", "entity_iri", "pinyin"]

CONTEXT_CHARS = 12


def entity_iri(entity: Entity) -> URIRef:
    """The persistent IRI of an entity."""
    return ID[entity.iri]


class _Compiler:
    def __init__(self, data: Data, onto: Ontology) -> None:
        self.data, self.onto = data, onto
        self.ds = Dataset()
        for prefix, ns in PREFIXES.items():
            self.ds.bind(prefix, ns)
        self.problems: list[Problem] = []
        self.facts = {(st.source, st.id) for st in data.statements if st.kind == "fact"}
        self.current_source = ""

    # ---- terms -----------------------------------------------------------------------------
    def ref(self, name: Any, where: Where, expect: URIRef | None = None) -> URIRef | None:
        """An entity handle or `scheme:code` concept as an IRI, checked against `expect`."""
        text = str(name)
        if ":" in text:
            concept = self.onto.concept(text)
            if concept is None:
                self.problems.append(
                    where.problem(
                        f"unknown concept '{text}'", "use a scheme:code of ontology/vocab.ttl"
                    )
                )
            return concept
        entity = self.data.entities.get(text)
        if entity is None and (self.current_source, text) in self.facts:
            return CLAIM[f"{self.current_source}/{text}"]
        if entity is None:
            self.problems.append(
                where.problem(
                    f"dangling reference: no entity with id '{text}'",
                    "define it in data/entities/*.yaml or correct the id",
                )
            )
            return None
        if expect is not None and str(expect).startswith(str(G60)):
            supers = {s for t in entity.types for s in self.onto.superclasses(t)}
            if expect not in supers:
                self.problems.append(
                    where.problem(
                        f"'{text}' is a {'/'.join(entity.types)}, not a "
                        f"{expect.removeprefix(str(G60))}",
                        "point to an entity of the property's range or use another property",
                    )
                )
        return entity_iri(entity)

    def prop(self, name: str | None, where: Where) -> tuple[URIRef, str, URIRef | None] | None:
        if not name or name not in self.onto.properties:
            self.problems.append(
                where.problem(
                    f"unknown property '{name}'",
                    "use a property of ontology/g60.ttl (its local name, e.g. directlyWithin)",
                )
            )
            return None
        kind, rng = self.onto.properties[name]
        return G60[name], kind, rng

    # ---- building blocks -------------------------------------------------------------------
    def labels(self, g: Graph, node: URIRef, zh: str | None, en: str | None, where: Where) -> None:
        if not zh or not en:
            self.problems.append(
                where.problem(
                    "label missing a language: both 'zh' and 'en' are required",
                    "add the missing `zh:` / `en:` label",
                )
            )
        for text, lang in ((zh, "zh"), (en, "en")):
            if text:
                g.add((node, RDFS.label, Literal(text, lang=lang)))
                g.add((node, SKOS.prefLabel, Literal(text, lang=lang)))
        if zh:
            # lower-case tag: Oxigraph normalises tags to lower case, so TriG and N-Quads agree
            g.add((node, SKOS.altLabel, Literal(pinyin(zh), lang="zh-latn-pinyin")))

    def span(self, g: Graph, node: URIRef, span: Span) -> None:
        """Describe `node` as the evidence span `span` (quote, offsets, context)."""
        text = self.data.sources[span.source].text
        g.add((node, RDF.type, G60.EvidenceSpan))
        g.add((node, OA.exact, Literal(span.quote)))
        g.add((node, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger)))
        g.add((node, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger)))
        g.add((node, OA.prefix, Literal(text[max(0, span.start - CONTEXT_CHARS) : span.start])))
        g.add((node, OA.suffix, Literal(text[span.end : span.end + CONTEXT_CHARS])))
        g.add((node, OA.hasSource, SOURCE[span.source]))

    def evidence(self, g: Graph, owner: URIRef, spans: Iterable[Span]) -> None:
        for n, span in enumerate(spans, 1):
            node = URIRef(f"{owner}/evidence/{n}")
            g.add((owner, G60.evidence, node))
            self.span(g, node, span)

    def value(self, g: Graph, subject: URIRef, name: str, raw: Any, st: Statement) -> list[Node]:
        """Add `subject name raw` (raw may be a list); return the objects added."""
        resolved = self.prop(name, st.where)
        if resolved is None:
            return []
        prop, kind, rng = resolved
        added: list[Node] = []
        values = raw if isinstance(raw, list) else [raw]
        for n, item in enumerate(values, 1):
            obj: Node | None
            if kind == "quantity":
                obj = URIRef(f"{subject}/{name}" + (f"/{n}" if len(values) > 1 else ""))
                if not add_quantity(g, obj, item, st, rng, self.problems, self.ref):
                    continue
            elif kind == "entity":
                obj = self.ref(item, st.where, rng)
            else:
                obj = literal(item, rng, st.where, self.problems)
            if obj is not None:
                g.add((subject, prop, obj))
                added.append(obj)
        return added

    def provenance(self, g: Graph, claim: URIRef, st: Statement) -> None:
        g.add((claim, RDF.type, G60.Claim))
        if st.source == "reference":
            for ref in st.cites:
                g.add((claim, G60.citesReference, SOURCE[ref]))
                g.add((claim, PROV.wasDerivedFrom, SOURCE[ref]))
        else:
            g.add((claim, PROV.wasDerivedFrom, SOURCE[st.source]))
            self.evidence(g, claim, st.evidence)
        if st.confidence is not None:
            g.add((claim, G60.confidence, Literal(st.confidence, datatype=XSD.decimal)))
        if st.note:
            g.add((claim, G60.curatorNote, Literal(st.note, lang="en")))
        if st.date_resolution:
            concept = self.ref(f"date-resolution:{st.date_resolution}", st.where)
            if concept is not None:
                g.add((claim, G60.dateResolution, concept))

    # ---- records ---------------------------------------------------------------------------
    def entity(self, entity: Entity) -> None:
        g = self.ds.graph(ENTITIES_GRAPH)
        node = entity_iri(entity)
        for type_name in entity.types:
            g.add((node, RDF.type, G60[type_name]))
        self.labels(g, node, entity.zh, entity.en, entity.where)
        for lang, alias in entity.aliases:
            g.add((node, SKOS.altLabel, Literal(alias, lang=lang)))
        if entity.division_code:
            g.add((node, G60.divisionCode, Literal(entity.division_code)))
        if entity.note:
            g.add((node, G60.curatorNote, Literal(entity.note, lang="en")))
        for ref in entity.cites:
            g.add((node, G60.citesReference, SOURCE[ref]))
        for n, span in enumerate(entity.mentions, 1):
            mention = URIRef(f"{node}/mention/{n}")
            sg = self.ds.graph(source_graph(span.source))
            sg.add((node, G60.mentionedIn, mention))
            self.span(sg, mention, span)

    def statement(self, st: Statement) -> None:
        # A reference statement lives in the graph of the first source it cites (its primary
        # source), so `GRAPH ?g` tells who said it; its claim node lists every source it cites.
        if st.source == "reference":
            graph = reference_graph(st.cites[0]) if st.cites else REFERENCE_GRAPH
        else:
            graph = source_graph(st.source)
        self.statement_in(self.ds.graph(graph), st)

    def statement_in(self, g: Graph, st: Statement) -> None:
        self.current_source = st.source
        claim = CLAIM[f"{st.source}/{st.id}"]
        if st.kind == "fact":
            if st.fact not in self.onto.fact_classes:
                self.problems.append(
                    st.where.problem(
                        f"unknown fact class '{st.fact}'",
                        f"use one of {', '.join(sorted(self.onto.fact_classes))}",
                    )
                )
                return
            g.add((claim, RDF.type, G60[st.fact]))
            self.labels(g, claim, st.zh, st.en, st.where)
            for name, raw in st.properties.items():
                self.value(g, claim, str(name), raw, st)
            self.provenance(g, claim, st)
        elif st.kind == "components":
            self.components(g, claim, st)
        else:
            self.triple(g, claim, st)

    def triple(self, g: Graph, claim: URIRef, st: Statement) -> None:
        """Assert `subject predicate object(s)`, each triple reified as its own claim."""
        subject = self.ref(st.subject, st.where)
        resolved = self.prop(st.predicate, st.where)
        if subject is None or resolved is None:
            return
        prop, kind, _ = resolved
        if kind == "entity" and st.value is not None:
            self.problems.append(st.where.problem(f"'{st.predicate}' takes an `object:`"))
            return
        if kind != "entity" and st.object is not None:
            self.problems.append(st.where.problem(f"'{st.predicate}' takes a `value:`"))
            return
        raw = st.object if st.object is not None else st.value
        values = raw if isinstance(raw, list) else [raw]
        for n, item in enumerate(values, 1):
            added = self.value(g, subject, str(st.predicate), item, st)
            node = claim if len(values) == 1 else URIRef(f"{claim}/{n}")
            for obj in added:
                g.add((node, RDF.type, RDF.Statement))
                g.add((node, RDF.subject, subject))
                g.add((node, RDF.predicate, prop))
                g.add((node, RDF.object, obj))
                self.provenance(g, node, st)

    def components(self, g: Graph, claim: URIRef, st: Statement) -> None:
        subject = self.ref(st.subject, st.where, G60.Programme)
        if subject is None:
            return
        for n, comp in enumerate(st.components, 1):
            node = URIRef(f"{claim}/{n}")
            if not isinstance(comp, Mapping):
                self.problems.append(st.where.problem(f"component {n} must be a mapping"))
                continue
            g.add((subject, G60.hasComponent, node))
            g.add((node, RDF.type, G60.Component))
            g.add((node, G60.position, Literal(n)))
            self.labels(g, node, comp.get("zh"), comp.get("en"), st.where)
            if comp.get("item"):
                item = self.ref(comp["item"], st.where)
                if item is not None:
                    g.add((node, G60.item, item))
            if comp.get("role"):
                role = self.ref(comp["role"], st.where)
                if role is not None:
                    g.add((node, G60.componentRole, role))
            self.provenance(g, node, st)

    def sources(self) -> None:
        for source in self.data.sources.values():
            g = self.ds.graph(source_graph(source.id))
            node = SOURCE[source.id]
            g.add((node, RDF.type, G60.SourceDocument))
            g.add((node, RDF.type, SCHEMA.NewsArticle))
            g.add((node, SCHEMA.headline, Literal(source.title, lang="zh")))
            g.add((node, RDFS.label, Literal(source.title, lang="zh")))
            g.add((node, DCTERMS.language, Literal(source.language)))
            g.add((node, G60.retrievalNote, Literal(source.retrieved, lang="en")))
            g.add((node, SCHEMA.sha256, Literal(source.sha256)))
            for publisher, lang in ((source.publisher_zh, "zh"), (source.publisher_en, "en")):
                if publisher:
                    g.add((node, SCHEMA.publisher, Literal(publisher, lang=lang)))
            page_date = literal(source.page_date, XSD.date, source.where, self.problems)
            if page_date is not None:
                g.add((node, G60.pageDate, page_date))
            if source.url:
                g.add((node, SCHEMA.url, URIRef(source.url)))
            if source.site:
                g.add((node, SCHEMA.isPartOf, Literal(source.site)))
        for ref in self.data.references.values():
            g = self.ds.graph(reference_graph(ref.id))
            node = SOURCE[ref.id]
            g.add((node, RDF.type, G60.ReferenceSource))
            g.add((node, RDFS.label, Literal(ref.title, lang="zh")))
            g.add((node, SCHEMA.headline, Literal(ref.title, lang="zh")))
            if ref.publisher:
                g.add((node, SCHEMA.publisher, Literal(ref.publisher, lang="zh")))
            published = literal(ref.date, None, ref.where, self.problems) if ref.date else None
            if published is not None:
                g.add((node, SCHEMA.datePublished, published))
            if ref.url:
                g.add((node, SCHEMA.url, URIRef(ref.url)))
            if ref.note:
                g.add((node, G60.curatorNote, Literal(ref.note, lang="en")))
            retrieved = (
                literal(ref.retrieved, XSD.date, ref.where, self.problems)
                if ref.retrieved
                else None
            )
            if retrieved is not None:
                g.add((node, G60.retrieved, retrieved))

    def doubts(self) -> None:
        for doubt in self.data.doubts:
            g = self.ds.graph(source_graph(doubt.span.source))
            node = CLAIM[f"{doubt.span.source}/doubt/{doubt.id}"]
            g.add((node, RDF.type, G60.Doubt))
            g.add((node, G60.curatorNote, Literal(doubt.note, lang="en")))
            g.add((node, PROV.wasDerivedFrom, SOURCE[doubt.span.source]))
            self.evidence(g, node, [doubt.span])


def compile_dataset(data: Data, onto: Ontology) -> tuple[Dataset, list[Problem]]:
    """Compile records into a dataset; also return every problem met on the way."""
    compiler = _Compiler(data, onto)
    ontology_graph = compiler.ds.graph(ONTOLOGY_GRAPH)
    for triple in onto.graph:
        ontology_graph.add(triple)
    compiler.sources()
    for entity in data.entities.values():
        compiler.entity(entity)
    for statement in data.statements:
        compiler.statement(statement)
    compiler.doubts()
    return compiler.ds, compiler.problems

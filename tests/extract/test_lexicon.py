"""The extractor's word lists agree with the graph's vocabulary."""

from __future__ import annotations

from g60kg.extract import extract
from g60kg.extract.lexicon import INDUSTRIES
from g60kg.rdf.namespaces import VOCAB
from g60kg.rdf.ontology import ontology_dir
from rdflib import Graph, Literal
from rdflib.namespace import SKOS


def test_every_industry_name_is_a_label_of_its_concept_in_the_vocabulary() -> None:
    vocab = Graph().parse(ontology_dir() / "vocab.ttl")
    for name, code in INDUSTRIES.items():
        concept = VOCAB[f"industry/{code}"]
        assert (concept, SKOS.inScheme, VOCAB["industry"]) in vocab, code
        names = {*vocab.objects(concept, SKOS.prefLabel), *vocab.objects(concept, SKOS.altLabel)}
        assert Literal(name, lang="zh") in names, f"{name} is not a label of industry/{code}"


def test_industries_of_the_national_lists_are_proposed_as_concepts() -> None:
    text = "该区重点发展电子信息、生命健康和卫星互联网产业，培育元宇宙等未来产业。"
    found = extract(text.encode(), source_id="demo", nlp="")
    concepts = {row["zh"]: row["concept"] for row in found.concepts}
    assert concepts == {
        "电子信息": "industry:electronic-information",
        "生命健康": "industry:life-health",
        "卫星互联网": "industry:satellite-internet",
        "元宇宙": "industry:metaverse",
    }

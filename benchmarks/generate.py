"""Generate a corridor-shaped g60kg dataset of a given size as N-Quads, deterministically.

The output has the shape `g60kg build` writes: the ontology graph, an `entities` graph, a
`reference` graph, one named graph per synthetic source document and the `inferred` graph
(`g60:within` closure and superclass types). Places nest province > city > district > town
with `adm-<division code>` IRIs; companies carry zh/en labels and a pinyin alternative label;
investments, observations and post holdings are n-ary facts with evidence spans and
quantities; simple statements are reified claims. Lines are streamed to the file, so memory
stays flat whatever the size.

    python benchmarks/generate.py 1e6 --out benchmarks/out/corridor-1e6.nq
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TextIO

from g60kg.rdf.compile import pinyin
from g60kg.rdf.namespaces import ONTOLOGY_GRAPH
from g60kg.rdf.ontology import load_ontology
from rdflib import URIRef

__all__ = ["Place", "generate", "main"]

BASE = "https://w3id.org/g60kg/"
G60 = BASE + "ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
SCHEMA = "https://schema.org/"
DCTERMS = "http://purl.org/dc/terms/"
CNY = "http://qudt.org/vocab/currency/CNY"
ENTITIES = BASE + "graph/entities"
REFERENCE = BASE + "graph/reference"
INFERRED = BASE + "graph/inferred"
ADMIN_DIVISIONS = BASE + "source/admin-divisions"

PROVINCES = [
    ("310000", "上海市", "Shanghai", "Municipality"),
    ("330000", "浙江省", "Zhejiang Province", "Province"),
    ("320000", "江苏省", "Jiangsu Province", "Province"),
    ("340000", "安徽省", "Anhui Province", "Province"),
]
# The nine corridor cities; Songjiang is a district of Shanghai, the rest prefecture-level cities.
CITIES = [
    ("310117", "310000", "松江区", "Songjiang District", "District"),
    ("330400", "330000", "嘉兴市", "Jiaxing", "City"),
    ("330100", "330000", "杭州市", "Hangzhou", "City"),
    ("330700", "330000", "金华市", "Jinhua", "City"),
    ("320500", "320000", "苏州市", "Suzhou", "City"),
    ("330500", "330000", "湖州市", "Huzhou", "City"),
    ("341800", "340000", "宣城市", "Xuancheng", "City"),
    ("340200", "340000", "芜湖市", "Wuhu", "City"),
    ("340100", "340000", "合肥市", "Hefei", "City"),
]
SYLLABLES = "泾亭枫洞新华阳泉山湖安宁明德康泰丰盛云海星辰启航睿智汇源嘉禾翠溪青松永兴远景"
TRADES = [
    ("智能科技", "Intelligent Technology"),
    ("机器人", "Robotics"),
    ("数据服务", "Data Services"),
    ("芯片", "Semiconductor"),
    ("视觉技术", "Vision Technology"),
    ("云计算", "Cloud Computing"),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚"
INDICATORS = ["gdp", "fiscal-revenue", "local-fiscal-revenue", "businesses-attracted"]


@cache
def _pinyin(text: str) -> str:
    return pinyin(text)


def _title(text: str) -> str:
    return "".join(s.capitalize() for s in _plain(text).split())


@cache
def _plain(text: str) -> str:
    """Toneless pinyin, for English names where no English name exists."""
    from pypinyin import lazy_pinyin

    return " ".join(lazy_pinyin(text))


def _literal(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    )
    if lang:
        return f'"{escaped}"@{lang}'
    if datatype:
        return f'"{escaped}"^^<{datatype}>'
    return f'"{escaped}"'


@dataclass
class Place:
    """An administrative unit of the generated corridor."""

    code: str
    zh: str
    en: str
    kind: str
    parents: list[str] = field(default_factory=list)  # nearest first

    @property
    def iri(self) -> str:
        return f"{BASE}id/adm-{self.code}"


class _Writer:
    """Writes quads as N-Quads lines and the inferred superclass types of every typed node."""

    def __init__(self, out: TextIO, supers: dict[str, list[str]]) -> None:
        self.out = out
        self.supers = supers
        self.count = 0

    def quad(self, s: str, p: str, o: str, g: str) -> None:
        self.out.write(f"<{s}> <{p}> {o} <{g}> .\n")
        self.count += 1

    def iri(self, s: str, p: str, o: str, g: str) -> None:
        self.quad(s, p, f"<{o}>", g)

    def typed(self, node: str, classes: list[str], g: str) -> None:
        for cls in classes:
            self.iri(node, RDF + "type", cls, g)
        inferred = {sup for cls in classes for sup in self.supers.get(cls, [])} - set(classes)
        for sup in sorted(inferred):
            self.iri(node, RDF + "type", sup, INFERRED)

    def labels(self, node: str, zh: str, en: str, g: str) -> None:
        for text, lang in ((zh, "zh"), (en, "en")):
            self.quad(node, RDFS + "label", _literal(text, lang), g)
            self.quad(node, SKOS + "prefLabel", _literal(text, lang), g)
        self.quad(node, SKOS + "altLabel", _literal(_pinyin(zh), "zh-Latn-pinyin"), g)


def _superclasses() -> dict[str, list[str]]:
    onto = load_ontology()
    found: dict[str, list[str]] = {}
    for cls in onto.graph.subjects(predicate=URIRef(RDFS + "subClassOf")):
        ups = onto.graph.transitive_objects(cls, URIRef(RDFS + "subClassOf"))
        found[str(cls)] = sorted(str(c) for c in ups if isinstance(c, URIRef) and c != cls)
    return found


def _ontology_lines() -> Iterator[str]:
    onto = load_ontology()
    yield from sorted(
        f"{s.n3()} {p.n3()} {o.n3()} <{ONTOLOGY_GRAPH}> .\n" for s, p, o in onto.graph
    )


def _places(rng: random.Random, towns: int) -> list[Place]:
    """Provinces, the nine corridor cities, then districts and towns spread over the cities."""
    provinces = {c: Place(c, zh, en, kind) for c, zh, en, kind in PROVINCES}
    places = list(provinces.values())
    cities = []
    for code, province, zh, en, kind in CITIES:
        cities.append(Place(code, zh, en, kind, [provinces[province].iri]))
    places += cities
    per_district = max(12, -(-towns // (len(cities) * 90)))
    districts = -(-towns // per_district)
    names: set[str] = set()

    def name(suffix: str) -> str:
        tries = 0
        while True:
            length = 2 + tries // 20
            text = "".join(rng.choice(SYLLABLES) for _ in range(length)) + suffix
            if text not in names:
                names.add(text)
                return text
            tries += 1

    made = 0
    for n in range(districts):
        city = cities[n % len(cities)]
        if city.kind == "District":
            parent, code = city, city.code
        else:
            zh = name("区")
            parent = Place(
                f"{city.code[:4]}{n // len(cities) + 1:02d}",
                zh,
                f"{_title(zh[:-1])} District",
                "District",
                [city.iri, *city.parents],
            )
            places.append(parent)
            code = parent.code
        for t in range(per_district):
            if made == towns:
                break
            zh = name("镇")
            serial = n // len(cities) * per_district + t + 1 if city.kind == "District" else t + 1
            places.append(
                Place(
                    f"{code}{serial:03d}",
                    zh,
                    f"{_title(zh[:-1])} Town",
                    "Town",
                    [parent.iri, *parent.parents],
                )
            )
            made += 1
    return places


def _write_places(w: _Writer, places: list[Place]) -> None:
    w.typed(ADMIN_DIVISIONS, [G60 + "ReferenceSource"], REFERENCE)
    w.quad(ADMIN_DIVISIONS, RDFS + "label", _literal("统计用区划代码", "zh"), REFERENCE)
    w.quad(ADMIN_DIVISIONS, SCHEMA + "headline", _literal("统计用区划代码", "zh"), REFERENCE)
    for place in places:
        w.typed(place.iri, [G60 + place.kind], ENTITIES)
        w.labels(place.iri, place.zh, place.en, ENTITIES)
        w.quad(place.iri, G60 + "divisionCode", _literal(place.code), ENTITIES)
        w.iri(place.iri, G60 + "citesReference", ADMIN_DIVISIONS, ENTITIES)
        for ancestor in place.parents:
            w.iri(place.iri, G60 + "within", ancestor, INFERRED)
        if place.parents:
            claim = f"{BASE}claim/reference/adm-{place.code}-within"
            w.iri(place.iri, G60 + "directlyWithin", place.parents[0], REFERENCE)
            w.typed(claim, [RDF + "Statement", G60 + "Claim"], REFERENCE)
            w.iri(claim, RDF + "subject", place.iri, REFERENCE)
            w.iri(claim, RDF + "predicate", G60 + "directlyWithin", REFERENCE)
            w.iri(claim, RDF + "object", place.parents[0], REFERENCE)
            w.iri(claim, G60 + "citesReference", ADMIN_DIVISIONS, REFERENCE)
            w.iri(claim, PROV + "wasDerivedFrom", ADMIN_DIVISIONS, REFERENCE)


class _Article:
    """One synthetic news article: its source graph and the entities it introduces."""

    def __init__(self, w: _Writer, rng: random.Random, serial: int, town: Place) -> None:
        self.w, self.rng, self.town = w, rng, town
        self.id = f"article-{serial:07d}"
        self.graph = f"{BASE}graph/source/{self.id}"
        self.source = f"{BASE}source/{self.id}"
        self.year = 2018 + serial % 7
        self.page_date = f"{self.year}-{1 + serial % 12:02d}-{1 + serial % 27:02d}"
        self.offset = 0

    def claim(self, local: str) -> str:
        return f"{BASE}claim/{self.id}/{local}"

    def span(self, node: str, quote: str, g: str | None = None) -> None:
        g = g or self.graph
        w = self.w
        start, self.offset = self.offset, self.offset + len(quote) + self.rng.randint(2, 40)
        nni = XSD + "nonNegativeInteger"
        w.typed(node, [G60 + "EvidenceSpan"], g)
        w.quad(node, OA + "exact", _literal(quote), g)
        w.quad(node, OA + "start", _literal(str(start), datatype=nni), g)
        w.quad(node, OA + "end", _literal(str(start + len(quote)), datatype=nni), g)
        w.quad(node, OA + "prefix", _literal("……" + quote[:2]), g)
        w.quad(node, OA + "suffix", _literal(quote[-2:] + "……"), g)
        w.iri(node, OA + "hasSource", self.source, g)

    def provenance(self, claim: str, quote: str) -> None:
        self.w.iri(claim, PROV + "wasDerivedFrom", self.source, self.graph)
        self.w.iri(claim, G60 + "evidence", f"{claim}/evidence/1", self.graph)
        self.span(f"{claim}/evidence/1", quote)

    def statement(self, local: str, s: str, p: str, o: str, quote: str) -> None:
        """A simple claim: the triple itself and its reification with evidence."""
        w, g = self.w, self.graph
        w.quad(s, p, o, g)
        claim = self.claim(local)
        w.typed(claim, [RDF + "Statement", G60 + "Claim"], g)
        w.iri(claim, RDF + "subject", s, g)
        w.iri(claim, RDF + "predicate", p, g)
        w.quad(claim, RDF + "object", o, g)
        w.quad(claim, G60 + "confidence", _literal("1", datatype=XSD + "decimal"), g)
        self.provenance(claim, quote)

    def quantity(self, node: str, amount: int, money: bool, text: str, unit: str) -> None:
        w, g = self.w, self.graph
        qualifier = self.rng.choice(["exact", "more-than", "about"])
        bound = {"exact": "value", "about": "value", "more-than": "minValue"}[qualifier]
        w.typed(node, [SCHEMA + ("MonetaryAmount" if money else "QuantitativeValue")], g)
        w.quad(node, SCHEMA + bound, _literal(str(amount), datatype=XSD + "decimal"), g)
        w.iri(node, G60 + "qualifier", f"{BASE}vocab/qualifier/{qualifier}", g)
        w.quad(node, G60 + "surfaceForm", _literal(text, "zh"), g)
        w.iri(node, G60 + "unit", unit, g)
        if money:
            w.quad(node, SCHEMA + "currency", _literal("CNY"), g)

    def fact(self, local: str, cls: str, zh: str, en: str, quote: str) -> str:
        node = self.claim(local)
        self.w.typed(node, [G60 + "Claim", G60 + cls], self.graph)
        self.w.labels(node, zh, en, self.graph)
        self.provenance(node, quote)
        return node

    def entity(self, iri: str, cls: str, zh: str, en: str, mention: str) -> None:
        """An entity of the registry, named in this article."""
        self.w.typed(iri, [G60 + cls], ENTITIES)
        self.w.labels(iri, zh, en, ENTITIES)
        self.w.iri(iri, G60 + "mentionedIn", f"{iri}/mention/1", self.graph)
        self.span(f"{iri}/mention/1", mention)


def _write_article(a: _Article, rng: random.Random, serials: Iterator[int]) -> None:
    w, g, town = a.w, a.graph, a.town
    title = f"{town.zh}人工智能产业推介会签约{rng.randint(3, 30)}个项目"
    w.typed(a.source, [G60 + "SourceDocument", SCHEMA + "NewsArticle"], g)
    w.quad(a.source, SCHEMA + "headline", _literal(title, "zh"), g)
    w.quad(a.source, RDFS + "label", _literal(title, "zh"), g)
    w.quad(a.source, DCTERMS + "language", _literal("zh"), g)
    w.quad(a.source, G60 + "retrievalNote", _literal("Synthetic benchmark article.", "en"), g)
    sha = hashlib.sha256(a.id.encode()).hexdigest()
    w.quad(a.source, SCHEMA + "sha256", _literal(sha), g)
    w.quad(a.source, SCHEMA + "publisher", _literal(f"{town.zh}融媒体中心", "zh"), g)
    w.quad(a.source, SCHEMA + "publisher", _literal(f"{town.en} Media Centre", "en"), g)
    w.quad(a.source, G60 + "pageDate", _literal(a.page_date, datatype=XSD + "date"), g)
    w.iri(a.source, SCHEMA + "url", f"https://example.org/news/{a.id}.html", g)

    event = f"{BASE}id/E{next(serials):07d}"
    event_zh = f"{a.year}{town.zh}人工智能产业投资推介大会"
    a.entity(
        event, "Conference", event_zh, f"{a.year} {town.en} AI Investment Conference", event_zh
    )
    a.statement("event-held-in", event, G60 + "heldIn", f"<{town.iri}>", f"在{town.zh}举行")
    event_date = f"{a.year}-{rng.randint(1, int(a.page_date[5:7])):02d}-01"
    a.statement(
        "event-date",
        event,
        G60 + "date",
        _literal(event_date, datatype=XSD + "date"),
        f"{event_date}日",
    )

    for n in range(1, rng.randint(2, 6) + 1):
        zh_name = rng.choice(SYLLABLES) + rng.choice(SYLLABLES)
        trade_zh, trade_en = rng.choice(TRADES)
        company = f"{BASE}id/E{next(serials):07d}"
        zh = f"{zh_name}{trade_zh}有限公司"
        en = f"{_title(zh_name)} {trade_en} Co., Ltd."
        a.entity(company, "Company", zh, en, zh)
        w.quad(company, SKOS + "altLabel", _literal(zh_name + trade_zh, "zh"), ENTITIES)
        a.statement(f"company-{n}-located-in", company, G60 + "locatedIn", f"<{town.iri}>",
                    f"{zh}落户{town.zh}")  # fmt: skip
        a.statement(f"company-{n}-industry", company, G60 + "industry",
                    f"<{BASE}vocab/industry/ai>", f"{zh}专注人工智能")  # fmt: skip
        yi = rng.randint(1, 200)
        text = f"{yi}亿元"
        quote = f"{zh}投资{text}"
        inv = a.fact(f"investment-{n}", "Investment", f"{zh}投资{town.zh}",
                     f"{en} invests in {town.en}", quote)  # fmt: skip
        status = rng.choice(["landed", "intended"])
        w.iri(inv, G60 + "investmentStatus", f"{BASE}vocab/investment-status/{status}", g)
        w.iri(inv, G60 + "destination", town.iri, g)
        w.iri(inv, G60 + "investor", company, g)
        w.iri(inv, G60 + "announcedAt", event, g)
        w.iri(inv, G60 + "amount", f"{inv}/amount", g)
        a.quantity(f"{inv}/amount", yi * 100_000_000, True, text, CNY)

    indicator = rng.choice(INDICATORS)
    count = indicator == "businesses-attracted"
    number = rng.randint(10, 900)
    text = f"{number}家" if count else f"{number}亿元"
    obs = a.fact("observation-1", "Observation", f"{town.zh}{a.year}年{indicator}",
                 f"{indicator} of {town.en}, {a.year}", f"{town.zh}{text}")  # fmt: skip
    w.iri(obs, G60 + "indicator", f"{BASE}vocab/indicator/{indicator}", g)
    w.iri(obs, G60 + "refArea", town.iri, g)
    w.quad(obs, G60 + "refPeriod", _literal(str(a.year), datatype=XSD + "gYear"), g)
    w.iri(obs, G60 + "periodType", f"{BASE}vocab/period-type/as-of", g)
    w.iri(obs, G60 + "value", f"{obs}/value", g)
    unit = f"{BASE}vocab/count-unit/company" if count else CNY
    a.quantity(f"{obs}/value", number * (1 if count else 100_000_000), not count, text, unit)

    person = f"{BASE}id/E{next(serials):07d}"
    name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
    a.entity(person, "Person", name, _title(name), name)
    gov = f"{BASE}id/E{next(serials):07d}"
    gov_zh = f"{town.zh}人民政府"
    a.entity(gov, "GovernmentBody", gov_zh, f"{town.en} People's Government", gov_zh)
    w.iri(gov, G60 + "jurisdiction", town.iri, ENTITIES)
    post = f"{BASE}id/E{next(serials):07d}"
    a.entity(post, "Post", f"{town.zh}镇长", f"Mayor of {town.en}", f"{town.zh}镇长")
    w.iri(post, G60 + "postIn", gov, ENTITIES)
    w.iri(post, G60 + "role", f"{BASE}vocab/role/town-mayor", ENTITIES)
    holding = a.fact("post-holding-1", "PostHolding", f"{name}任{town.zh}镇长",
                     f"{_title(name)}, Mayor of {town.en}", f"{town.zh}镇长{name}")  # fmt: skip
    w.iri(holding, G60 + "holder", person, g)
    w.iri(holding, G60 + "post", post, g)
    w.iri(holding, G60 + "organization", gov, g)
    w.quad(holding, G60 + "postTitle", _literal("镇长", "zh"), g)
    w.quad(holding, G60 + "attestedOn", _literal(a.page_date, datatype=XSD + "date"), g)


def generate(triples: int, out: Path, seed: int = 60) -> dict[str, object]:
    """Write about `triples` quads to `out` (N-Quads) and return a description of them.

    The same `triples` and `seed` always give the same bytes.
    """
    rng = random.Random(seed)
    supers = _superclasses()
    towns = max(20, triples // 400)
    places = _places(rng, towns)
    town_list = [p for p in places if p.kind == "Town"]
    out.parent.mkdir(parents=True, exist_ok=True)
    articles = 0
    with out.open("w", encoding="utf-8", buffering=1 << 20) as handle:
        w = _Writer(handle, supers)
        for line in _ontology_lines():
            handle.write(line)
            w.count += 1
        _write_places(w, places)
        serials = iter(range(1, 1 << 40))
        while w.count < triples:
            articles += 1
            _write_article(_Article(w, rng, articles, rng.choice(town_list)), rng, serials)
        count = w.count
    sample = random.Random(seed).choice(town_list)
    meta: dict[str, object] = {
        "quads": count,
        "seed": seed,
        "places": len(places),
        "towns": len(town_list),
        "articles": articles,
        "sample_label_zh": sample.zh,
        "sample_iri": sample.iri,
    }
    out.with_suffix(".json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n")
    return meta


def parse_size(text: str) -> int:
    """`1e6` or `1000000` as an int."""
    return int(float(text))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=parse_size, help="about how many quads, e.g. 1e6")
    parser.add_argument("--out", type=Path, required=True, help="the N-Quads file to write")
    parser.add_argument("--seed", type=int, default=60)
    args = parser.parse_args(argv)
    print(json.dumps(generate(args.size, args.out, args.seed), ensure_ascii=False))


if __name__ == "__main__":
    main()

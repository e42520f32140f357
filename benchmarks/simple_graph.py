"""A simple, deterministic synthetic graph for the backend benchmark (not the corridor generator).

Provinces contain cities, cities districts, districts towns; companies settle in towns;
investments of companies go to towns with an amount bounded the way the real data is (min,
max or value). The same `n_triples` always gives the same bytes.
"""

from __future__ import annotations

import random

__all__ = ["simple_nquads"]

BASE = "https://w3id.org/g60kg/"
G60 = BASE + "ontology#"
ID = BASE + "id/"
CLAIM = BASE + "claim/synthetic/"
VOCAB = BASE + "vocab/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SCHEMA = "https://schema.org/"
DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
ENTITIES = f"<{BASE}graph/entities>"
FANOUT = (10, 8, 10)  # cities per province, districts per city, towns per district
PLACE_TRIPLES = 5
COMPANY_TRIPLES = 5
INVESTMENT_TRIPLES = 12
BOUNDS = ("minValue", "maxValue", "value")
QUALIFIERS = {"minValue": "more-than", "maxValue": "nearly", "value": "exact"}
STATUSES = ("landed", "intended")


def _iri(text: str) -> str:
    return f"<{text}>"


def simple_nquads(n_triples: int = 1_000_000, seed: int = 60) -> bytes:
    """N-Quads of about `n_triples` triples (within a few percent), deterministic for a seed.

    >>> len(simple_nquads(5_000).splitlines()) > 4_000
    True
    """
    rng = random.Random(seed)
    per_province = 1 + FANOUT[0] * (1 + FANOUT[1] * (1 + FANOUT[2]))
    provinces = max(1, n_triples // 10 // (per_province * PLACE_TRIPLES))
    lines: list[str] = []
    towns: list[str] = []

    def place(iri: str, cls: str, name: str, parent: str | None) -> None:
        graph = ENTITIES
        lines.append(f"{_iri(iri)} <{RDF_TYPE}> <{G60}{cls}> {graph} .")
        lines.append(f'{_iri(iri)} <{LABEL}> "{name}"@zh {graph} .')
        lines.append(f'{_iri(iri)} <{LABEL}> "{cls} {name}"@en {graph} .')
        lines.append(f'{_iri(iri)} <{G60}divisionCode> "{iri.rsplit("-", 1)[-1]}" {graph} .')
        if parent is not None:
            lines.append(f"{_iri(iri)} <{G60}directlyWithin> {_iri(parent)} {graph} .")

    for p in range(provinces):
        province = f"{ID}adm-p{p}"
        place(province, "Province", f"省{p}", None)
        for c in range(FANOUT[0]):
            city = f"{province}c{c}"
            place(city, "City", f"市{p}-{c}", province)
            for d in range(FANOUT[1]):
                district = f"{city}d{d}"
                place(district, "District", f"区{p}-{c}-{d}", city)
                for t in range(FANOUT[2]):
                    town = f"{district}t{t}"
                    place(town, "Town", f"镇{p}-{c}-{d}-{t}", district)
                    towns.append(town)
    remaining = max(0, n_triples - len(lines))
    companies = remaining // 4 // COMPANY_TRIPLES
    investments = (remaining - companies * COMPANY_TRIPLES) // INVESTMENT_TRIPLES
    for n in range(companies):
        company, graph = f"{ID}C{n:07d}", f"<{BASE}graph/source/synthetic-{n % 10}>"
        lines.append(f"{_iri(company)} <{RDF_TYPE}> <{G60}Company> {ENTITIES} .")
        lines.append(f'{_iri(company)} <{LABEL}> "公司{n}"@zh {ENTITIES} .')
        lines.append(f'{_iri(company)} <{LABEL}> "Company {n}"@en {ENTITIES} .')
        lines.append(f"{_iri(company)} <{G60}settledIn> {_iri(rng.choice(towns))} {graph} .")
        lines.append(f"{_iri(company)} <{G60}industry> <{VOCAB}industry/ai> {graph} .")
    for n in range(investments):
        fact, graph = f"{CLAIM}investment-{n}", f"<{BASE}graph/source/synthetic-{n % 10}>"
        amount, bound = f"{fact}/amount", rng.choice(BOUNDS)
        status = rng.choice(STATUSES)
        value = rng.randrange(1, 1000) * 10_000_000
        lines += [
            f"{_iri(fact)} <{RDF_TYPE}> <{G60}Investment> {graph} .",
            f"{_iri(fact)} <{RDF_TYPE}> <{G60}Claim> {graph} .",
            f'{_iri(fact)} <{LABEL}> "投资{n}"@zh {graph} .',
            f"{_iri(fact)} <{G60}destination> {_iri(rng.choice(towns))} {graph} .",
            f"{_iri(fact)} <{G60}investor> <{ID}C{rng.randrange(max(companies, 1)):07d}> {graph} .",
            f"{_iri(fact)} <{G60}investmentStatus> <{VOCAB}investment-status/{status}> {graph} .",
            f"{_iri(fact)} <{G60}amount> {_iri(amount)} {graph} .",
            f"{_iri(amount)} <{RDF_TYPE}> <{SCHEMA}MonetaryAmount> {graph} .",
            f'{_iri(amount)} <{SCHEMA}{bound}> "{value}"^^<{DECIMAL}> {graph} .',
            f"{_iri(amount)} <{G60}qualifier> <{VOCAB}qualifier/{QUALIFIERS[bound]}> {graph} .",
            f'{_iri(amount)} <{G60}surfaceForm> "{value // 100_000_000}亿"@zh {graph} .',
            f'{_iri(amount)} <{SCHEMA}currency> "CNY" {graph} .',
        ]
    return ("\n".join(lines) + "\n").encode("utf-8")

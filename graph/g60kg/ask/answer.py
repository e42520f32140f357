"""Answer an intent from the graph: one read-only SPARQL query with the entities bound as terms,
then the evidence behind every answer (the source, its date and the quoted words, or the cited
public report).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from rdflib import URIRef

from ..kg import KnowledgeGraph
from ..queries.lookup import label
from ..rdf.namespaces import G60
from .intents import Intent

__all__ = ["Answer", "Reply", "answer_intent", "evidence_of"]

PLAN_CLASSES = ("Programme", "Plan", "Slogan", "Document", "PlanDocument", "PolicyDocument")
PLACING = "g60:directlyWithin|g60:partOf|g60:locatedIn|g60:settledIn|g60:heldIn"

SPARQL: dict[str, str] = {
    "where": f"""SELECT DISTINCT ?answer ?rel ?first ?depth WHERE {{
  {{ ?x {PLACING} ?answer . BIND(?answer AS ?first) BIND(1 AS ?depth) ?x ?rel ?first }}
  UNION {{
    ?x {PLACING} ?first . ?first g60:directlyWithin+ ?answer . ?x ?rel ?first BIND(2 AS ?depth)
  }}
  FILTER(?rel IN (g60:directlyWithin, g60:partOf, g60:locatedIn, g60:settledIn, g60:heldIn))
  ?answer a ?level .
}}""",
    "in-place": f"""SELECT DISTINCT ?answer ?rel ?first WHERE {{
  {{ ?answer {PLACING} ?x . BIND(?x AS ?first) }}
  UNION {{ ?answer {PLACING} ?first . ?first (g60:directlyWithin|g60:partOf)+ ?x }}
  ?answer ?rel ?first .
  FILTER(?rel IN (g60:directlyWithin, g60:partOf, g60:locatedIn, g60:settledIn, g60:heldIn))
  ?answer a ?cls .
}}""",
    # plans and policies of a place: issued by it or a body of it, or for it (or a place in it)
    "plans-in-place": """SELECT DISTINCT ?answer ?rel ?first WHERE {
  { ?answer ?rel ?x . BIND(?x AS ?first) }
  UNION { ?answer ?rel ?first . ?first (g60:directlyWithin|g60:partOf)+ ?x }
  UNION { ?answer ?rel ?first . ?first g60:jurisdiction|g60:locatedIn ?x }
  FILTER(?rel IN (g60:issuedBy, g60:programmeOf, g60:appliesTo, g60:targets))
  { ?answer a ?cls } UNION { ?answer a ?also }
  BIND(IF(?rel IN (g60:issuedBy, g60:programmeOf), 0, 1) AS ?rank)
  {  # a plan of this place alone before one shared by the nine cities
    SELECT ?answer (COUNT(DISTINCT ?o) AS ?spread) WHERE {
      ?answer g60:issuedBy|g60:programmeOf|g60:appliesTo|g60:targets ?o
    } GROUP BY ?answer
  }
} ORDER BY ?spread ?rank""",
    "members-corridor": """SELECT DISTINCT ?answer ?rel ?first WHERE {
  ?x ?rel ?answer . FILTER(?rel IN (g60:memberCity)) BIND(?answer AS ?first)
}""",
    "members-programme": """SELECT DISTINCT ?answer ?fact ?position WHERE {
  ?x g60:hasComponent ?fact . ?fact g60:position ?position .
  OPTIONAL { ?fact g60:item ?item }
  BIND(COALESCE(?item, ?fact) AS ?answer)
} ORDER BY ?position""",
    "members-body": """SELECT DISTINCT ?answer ?rel ?first WHERE {
  { ?answer g60:memberOf ?x BIND(g60:memberOf AS ?rel) }
  UNION { ?answer g60:parentOrganization ?x BIND(g60:parentOrganization AS ?rel) }
  UNION { ?answer g60:directlyWithin ?x BIND(g60:directlyWithin AS ?rel) }
  UNION { ?answer g60:partOf ?x BIND(g60:partOf AS ?rel) }
  UNION { ?x g60:chairedBy ?answer BIND(g60:chairedBy AS ?rel) }
  UNION { ?x g60:participant ?answer BIND(g60:participant AS ?rel) }
  BIND(?x AS ?first)
}""",
    "member-of": """SELECT DISTINCT ?answer ?rel ?first WHERE {
  { ?x g60:memberOf ?answer BIND(g60:memberOf AS ?rel) }
  UNION { ?answer g60:chairedBy ?x BIND(g60:chairedBy AS ?rel) }
  BIND(?x AS ?first)
}""",
    "person-posts": """SELECT DISTINCT ?answer ?fact ?org ?when WHERE {
  ?fact a g60:PostHolding ; g60:holder ?x ; g60:post ?answer ; g60:organization ?org .
  OPTIONAL { ?fact g60:attestedOn ?when }
}""",
    "post-holder": """SELECT DISTINCT ?answer ?fact ?post ?when WHERE {
  ?fact a g60:PostHolding ; g60:holder ?answer ; g60:post ?post ; g60:organization ?org .
  OPTIONAL { ?fact g60:postTitle ?title }
  OPTIONAL { ?fact g60:attestedOn ?when }
  OPTIONAL { ?post rdfs:label ?post_label }
  FILTER(CONTAINS(LCASE(STR(COALESCE(?post_label, ""))), LCASE(?word))
         || CONTAINS(LCASE(COALESCE(?title, "")), LCASE(?word)))
}""",
    "post-holder-of": """SELECT DISTINCT ?answer ?fact ?post ?when WHERE {
  ?fact a g60:PostHolding ; g60:holder ?answer ; g60:post ?x .
  BIND(?x AS ?post)
  OPTIONAL { ?fact g60:attestedOn ?when }
}""",
    "who-role": """SELECT DISTINCT ?answer ?rel ?first WHERE {
  ?x ?rel ?answer . BIND(?answer AS ?first)
}""",
    # who invested in a place or a site: the investors of investments made there
    "investors": """SELECT DISTINCT ?answer ?fact WHERE {
  ?fact g60:investor ?answer ; g60:destination ?where .
  ?where (g60:directlyWithin|g60:partOf|g60:locatedIn)* ?x .
}""",
    "when": """SELECT DISTINCT ?answer ?rel ?via ?fact ?status ?how WHERE {
  { ?x ?rel ?answer FILTER(?rel IN (g60:founded, g60:date, g60:when)) BIND(?x AS ?via) }
  UNION {
    ?via ?how ?x FILTER(?how IN (g60:unveiled, g60:released))
    ?via ?rel ?answer FILTER(?rel IN (g60:date, g60:when))
  }
  UNION {
    ?x g60:subEventOf ?via . ?via ?rel ?answer FILTER(?rel IN (g60:date, g60:when))
    FILTER NOT EXISTS { ?x g60:date|g60:when ?own }
  }
  UNION { ?fact a g60:StatusChange ; g60:statusOf ?x ; g60:siteStatus ?status ; g60:when ?answer }
} ORDER BY ?answer""",
    "how-much": """SELECT DISTINCT ?fact ?q ?measure ?indicator ?period ?target WHERE {
  ?fact ?role ?x .
  FILTER(?role IN (g60:refArea, g60:destination, g60:targetOf, g60:targetArea, g60:investor))
  ?fact ?measure ?q .
  FILTER(?measure IN (g60:value, g60:amount, g60:companyCount, g60:growthRate))
  OPTIONAL { ?fact g60:indicator ?indicator }
  OPTIONAL { ?fact a g60:Target BIND(true AS ?target) }
  OPTIONAL { ?fact g60:refPeriod|g60:targetYear|g60:date ?period }
} ORDER BY ?period""",
    "on-date": """SELECT DISTINCT ?answer ?when WHERE {
  ?answer g60:date|g60:when ?when .
  ?answer a g60:Event .
  FILTER(STRSTARTS(STR(?when), ?year))
} ORDER BY ?when""",
    "on-date-about": """SELECT DISTINCT ?answer ?when WHERE {
  ?answer g60:date|g60:when ?when .
  ?answer a g60:Event .
  FILTER(STRSTARTS(STR(?when), ?year))
  FILTER(EXISTS { ?answer ?p ?x }
    || EXISTS { ?answer g60:heldIn|g60:subEventOf ?y . ?y (g60:directlyWithin|g60:partOf)+ ?x }
    || EXISTS { ?answer rdfs:label ?l . ?x rdfs:label|skos:altLabel ?n
                FILTER(STRLEN(STR(?n)) >= 2 && CONTAINS(STR(?l), STR(?n))) })
} ORDER BY ?when""",
    "happened": """SELECT DISTINCT ?answer ?when ?fact ?status WHERE {
  { ?fact a g60:StatusChange ; g60:statusOf ?answer ; g60:siteStatus ?status ; g60:when ?when }
  UNION { ?answer g60:founded ?when BIND(g60:founded AS ?status) }
  FILTER(STRSTARTS(STR(?when), ?year))
} ORDER BY ?when""",
}

_EVIDENCE = """SELECT DISTINCT ?source ?title ?publisher ?date ?url ?quote WHERE {
  ?claim prov:wasDerivedFrom ?source .
  OPTIONAL { ?claim g60:evidence ?span . ?span oa:exact ?quote ; oa:hasSource ?source }
  OPTIONAL { ?source rdfs:label ?title }
  OPTIONAL { ?source schema:publisher ?publisher }
  OPTIONAL { ?source schema:datePublished|g60:pageDate ?date }
  OPTIONAL { ?source schema:url ?url }
}"""

_TRIPLE_CLAIMS = """SELECT DISTINCT ?claim WHERE {
  ?claim rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
}"""

_QUANTITY = """SELECT ?value ?min ?max ?unit ?currency ?text ?qualifier WHERE {
  OPTIONAL { ?q schema:value ?value } OPTIONAL { ?q schema:minValue ?min }
  OPTIONAL { ?q schema:maxValue ?max } OPTIONAL { ?q g60:unit ?unit }
  OPTIONAL { ?q schema:currency ?currency } OPTIONAL { ?q g60:surfaceForm ?text }
  OPTIONAL { ?q g60:qualifier ?qualifier }
}"""


@dataclass
class Answer:
    """One answer: an entity or a value, with its labels and the evidence behind it."""

    label: str
    label_en: str
    value: str | None = None
    iri: str | None = None
    note: str | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)
    tags: tuple[str, ...] = ()


@dataclass
class Reply:
    """Everything `ask` returns: the interpretation, the SPARQL it ran and the answers."""

    question: str
    interpretation: str
    sparql: str = ""
    bindings: dict[str, str] = field(default_factory=dict)
    answers: list[Answer] = field(default_factory=list)
    message: str | None = None


def run(kg: KnowledgeGraph, sparql: str, bound: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows of `sparql` with `bound` terms as bindings (projected, as `kg.query` requires)."""
    head = sparql.split("WHERE", 1)[0]
    names = " ".join(f"?{name}" for name in bound if f"?{name} " not in head + " ")
    text = re.sub(r"^SELECT( DISTINCT)? ", lambda m: f"{m.group(0)}{names} ", sparql, count=1)
    rows: list[Any] = list(kg.query(text, bound))
    return [{k: row[k] for k in row.labels} for row in rows]


def evidence_of(kg: KnowledgeGraph, claims: list[URIRef]) -> list[dict[str, Any]]:
    """Source, title, publisher, date, URL and quote behind each claim, once each."""
    seen: set[tuple[str, ...]] = set()
    found = []
    for claim in claims:
        for row in run(kg, _EVIDENCE, {"claim": claim}):
            item = {k: (None if v is None else str(v)) for k, v in row.items() if k != "claim"}
            key = (str(item["source"]), str(item["quote"]))
            if key not in seen:
                seen.add(key)
                found.append(item)
    return found


def _triple_evidence(kg: KnowledgeGraph, s: Any, p: Any, o: Any) -> list[dict[str, Any]]:
    rows = run(kg, _TRIPLE_CLAIMS, {"s": s, "p": p, "o": o})
    return evidence_of(kg, [row["claim"] for row in rows])


def _entity_answer(kg: KnowledgeGraph, iri: Any) -> Answer:
    if isinstance(iri, URIRef):
        return Answer(label(kg, iri, "zh"), label(kg, iri, "en"), iri=str(iri))
    return Answer(str(iri), str(iri), value=str(iri))


def _figure_tags(kg: KnowledgeGraph, data: dict[str, Any]) -> tuple[str, ...]:
    """What kind of figure a row is: its indicator code, unit or currency, growth if any, and
    whether it is a target."""
    tags = [str(data["indicator"]).rsplit("/", 1)[-1]] if data.get("indicator") else []
    for row in run(kg, "SELECT ?u WHERE { ?q g60:unit|schema:currency ?u }", {"q": data["q"]}):
        tags.append(str(row["u"]).rsplit("/", 1)[-1])
    if str(data.get("measure", "")).endswith("growthRate"):
        tags.append("growth")
    if str(data.get("measure", "")).endswith("#amount"):
        tags.append("amount")
    if data.get("target") is not None:
        tags.append("target")
    return tuple(tags)


def _number(value: Any) -> str:
    """1e10 as 10,000,000,000; decimals as written."""
    text = str(value)
    return f"{int(text):,}" if text.lstrip("-").isdigit() else text


def quantity_text(kg: KnowledgeGraph, q: URIRef) -> str:
    """A quantity as the source wrote it, then normalised with its bound.

    E.g. 超百亿 (≥ 10000000000 CNY): a "more than" amount is a minimum.
    """
    rows = run(kg, _QUANTITY, {"q": q})
    if not rows:
        return str(q)
    r = SimpleNamespace(**rows[0])
    unit = str(r.currency or (label(kg, r.unit, "en") if r.unit else ""))
    if r.value is not None:
        bound = f"= {_number(r.value)}"
        if r.qualifier is not None and str(r.qualifier).endswith("/about"):
            bound = f"≈ {_number(r.value)}"
    elif r.min is not None:
        bound = f"≥ {_number(r.min)}"
    else:
        bound = f"≤ {_number(r.max)}"
    text = f"{r.text} " if r.text else ""
    return f"{text}({bound} {unit})".strip()


def _bindings(intent: Intent, x: URIRef) -> tuple[str, dict[str, Any]]:
    """The query to run for `intent` about entity `x`, and its bound terms."""
    from rdflib import Literal

    kind = intent.kind
    bound: dict[str, Any] = {"x": x}
    if kind == "where":
        bound["level"] = G60[intent.level or "Place"]
    elif kind == "in-place" and intent.cls in PLAN_CLASSES:
        # "plans" mean plan documents as well as the programmes they set out
        also = "Document" if intent.cls == "Programme" else intent.cls
        return SPARQL["plans-in-place"], {**bound, "cls": G60[intent.cls], "also": G60[also]}
    elif kind == "in-place":
        bound["cls"] = G60[intent.cls or "Organization"]
    elif kind == "who-role" and intent.relation == "investor":
        return SPARQL["investors"], bound
    elif kind == "who-role":
        bound["rel"] = G60[intent.relation or "issuedBy"]
    elif kind == "post-holder":
        bound = {"word": Literal(intent.post or "")}
    return SPARQL[kind], bound


def _members_query(kg: KnowledgeGraph, x: URIRef) -> str:
    types = {str(row["t"]) for row in run(kg, "SELECT ?t WHERE { ?x a ?t }", {"x": x})}
    if str(G60.Corridor) in types:
        return SPARQL["members-corridor"]
    if str(G60.Programme) in types or run(
        kg, "SELECT ?c WHERE { ?x g60:hasComponent ?c }", {"x": x}
    ):
        return SPARQL["members-programme"]
    return SPARQL["members-body"]


def answer_intent(
    kg: KnowledgeGraph, intent: Intent, x: URIRef | None
) -> tuple[str, dict[str, Any], list[Answer]]:
    """Run the intent's query about `x` and turn its rows into answers with evidence."""
    from rdflib import Literal

    bound: dict[str, Any]
    if intent.kind == "on-date" and x is not None:
        sparql, bound = SPARQL["on-date-about"], {"year": Literal(intent.year or ""), "x": x}
    elif intent.kind == "on-date":
        sparql, bound = SPARQL["on-date"], {"year": Literal(intent.year or "")}
    elif intent.kind == "members":
        assert x is not None
        sparql, bound = _members_query(kg, x), {"x": x}
        # 合肥市包括哪些区县: only districts; 走廊涉及哪些省份: the provinces it spans
        if intent.cls and sparql in (SPARQL["members-body"], SPARQL["members-corridor"]):
            sparql = sparql.replace("(g60:memberCity)", "(g60:memberCity, g60:spansUnit)")
            sparql = sparql.replace("AS ?first)", "AS ?first) ?answer a ?cls .")
            bound["cls"] = G60[intent.cls]
    else:
        assert x is not None or intent.kind == "post-holder"
        sparql, bound = _bindings(intent, x if x is not None else URIRef(""))
        if intent.kind == "post-holder" and x is not None and _is_post(kg, x):
            sparql, bound = SPARQL["post-holder-of"], {"x": x}
        elif intent.kind == "post-holder" and x is not None:
            sparql = sparql.replace(
                "g60:organization ?org .",
                "g60:organization ?org . ?org (g60:jurisdiction/g60:directlyWithin*)? ?x .",
            )
            bound["x"] = x
    rows = run(kg, sparql, bound)
    if (
        intent.kind == "on-date" and "happened" in intent.words and x is None
    ):  # founded, approved, signed …
        rows += run(kg, SPARQL["happened"], bound)
    if not rows and intent.kind == "where" and intent.level == "City":  # 市 may be a municipality
        rows = run(kg, sparql, {**bound, "level": G60.Municipality})
    answers = [_row_answer(kg, intent, x, data) for data in rows]
    if intent.kind == "when" and intent.words:
        answers = _of_kind(answers, intent.words)
    answers = _merged(answers)
    if intent.kind == "post-holder":  # the holder attested most recently first
        latest = [max(re.findall(r"\d{4}(?:-\d\d)*", a.note or "") or [""]) for a in answers]
        answers = [
            a
            for _, a in sorted(zip(latest, answers, strict=True), key=lambda p: p[0], reverse=True)
        ]
    if intent.kind == "how-much":
        # A figure of the kind and the year the question names, or none: never another figure.
        answers = _most_relevant(answers, intent.words) if intent.words else []
        if intent.topic:
            answers = _of_topic(answers, intent.topic)
        if intent.year:
            answers = [a for a in answers if (a.note or "").startswith(intent.year)]
    return sparql, bound, answers


def _of_kind(answers: list[Answer], kinds: tuple[str, ...]) -> list[Answer]:
    """The dates of what the question names (揭牌, 开工, 成立 …), or all dates when none is."""
    chosen = [a for a in answers if set(a.tags) & set(kinds)]
    return chosen or answers


_DATED = re.compile(r"^(.*?) ?\(([\d-]+(?:, [\d-]+)*)\)$")


def _merged(answers: list[Answer]) -> list[Answer]:
    """One answer per entity or value, with the evidence of all its rows; a post attested on
    several dates is one answer with those dates, e.g. "… (2021-01-23, 2024-01-19)"."""
    out: dict[tuple[str | None, str | None, str | None, str], Answer] = {}
    dates: dict[tuple[str | None, str | None, str | None, str], set[str]] = {}
    for a in answers:
        m = _DATED.match(a.note or "")
        key = (a.iri, a.value, m.group(1) if m else a.note, a.label)
        if key in out:
            seen = {(e.get("source"), e.get("quote")) for e in out[key].evidence}
            out[key].evidence += [
                e for e in a.evidence if (e.get("source"), e.get("quote")) not in seen
            ]
        else:
            out[key] = a
        if m:
            dates.setdefault(key, set()).update(m.group(2).split(", "))
    for key, found in dates.items():
        out[key].note = f"{key[2]} ({', '.join(sorted(found))})".lstrip()
    return list(out.values())


def _when_tags(data: dict[str, Any]) -> tuple[str, ...]:
    """What a date is the date of: founded, unveiled, released, held, or a site's status."""
    if data.get("how") is not None:
        return (str(data["how"]).rsplit("#", 1)[-1],)
    if data.get("status") is not None:
        status = str(data["status"]).rsplit("/", 1)[-1]
        return (status, "opened") if status == "operating" else (status,)
    rel = str(data.get("rel", "")).rsplit("#", 1)[-1]
    return ("founded",) if rel == "founded" else ("held",)


def _is_post(kg: KnowledgeGraph, x: URIRef) -> bool:
    return bool(run(kg, "SELECT ?t WHERE { ?x a g60:Post }", {"x": x}))


def _of_topic(answers: list[Answer], topic: str) -> list[Answer]:
    """The figures about the industry the question names (机器人, AI …): a figure about another
    industry answers another question."""
    return [a for a in answers if re.search(topic, f"{a.label} {a.label_en}".lower())]


def _most_relevant(answers: list[Answer], kinds: tuple[str, ...]) -> list[Answer]:
    """Keep the figures of the kinds the question names; none fits: no answer, not a guess."""
    return [a for a in answers if all(set(a.tags) & set(group.split("|")) for group in kinds)]


def _row_answer(
    kg: KnowledgeGraph, intent: Intent, x: URIRef | None, data: dict[str, Any]
) -> Answer:
    """One row as an answer, with the evidence for the statement that makes it an answer."""
    kind = intent.kind
    if kind == "how-much":
        fact = data["fact"]
        answer = Answer(label(kg, fact, "zh"), label(kg, fact, "en"), iri=str(fact))
        answer.value = quantity_text(kg, data["q"])
        answer.tags = _figure_tags(kg, data)
        answer.note = str(data["period"]) if data.get("period") is not None else None
        answer.evidence = evidence_of(kg, [fact])
        return answer
    answer = _entity_answer(kg, data.get("answer"))
    if kind == "on-date" and data.get("status") is not None:  # what happened to an entity
        status, when = data["status"], data["when"]
        answer.note = f"{label(kg, status, 'zh')} / {label(kg, status, 'en')} ({when})"
        answer.evidence = (
            evidence_of(kg, [data["fact"]])
            if data.get("fact") is not None
            else _triple_evidence(kg, data["answer"], G60.founded, when)
        )
        return answer
    if kind == "when":
        answer.tags = _when_tags(data)
    rel, first = data.get("rel"), data.get("first")
    if data.get("fact") is not None:  # an n-ary fact carries its own evidence
        answer.evidence = evidence_of(kg, [data["fact"]])
        extra = data.get("org") or data.get("post") or data.get("status")
        notes = [f"{label(kg, extra, 'zh')} / {label(kg, extra, 'en')}"] if extra else []
        if data.get("when") is not None:
            notes.append(f"({data['when']})")
        answer.note = " ".join(notes) or None
        return answer
    triple: tuple[Any, Any, Any] | None = None
    if kind == "where" and first is not None:
        triple = (x, rel, first)
    elif kind == "in-place" and first is not None:
        triple = (data["answer"], rel, first)
    elif kind == "member-of" and rel is not None:
        chair = str(rel) == str(G60.chairedBy)
        triple = (data["answer"], rel, x) if chair else (x, rel, data["answer"])
    elif kind == "members" and rel is not None:
        answer.tags = (str(rel).rsplit("#", 1)[-1],)
        forward = str(rel) in (
            str(G60.memberCity),
            str(G60.spansUnit),
            str(G60.chairedBy),
            str(G60.participant),
        )
        triple = (x, rel, data["answer"]) if forward else (data["answer"], rel, x)
    elif kind in ("who-role", "when") and rel is not None:
        triple = (data.get("via") or x, rel, data["answer"])
        if kind == "when" and data.get("how") is not None:
            via = data["via"]
            answer.note = f"{label(kg, via, 'zh')} / {label(kg, via, 'en')}"
        elif kind == "when":
            answer.note = f"{label(kg, rel, 'zh')} / {label(kg, rel, 'en')}"
    elif kind == "on-date" and data.get("when") is not None:
        answer.note = str(data["when"])
        for prop in (G60.date, G60.when):
            answer.evidence += _triple_evidence(kg, data["answer"], prop, data["when"])
    if triple is not None:
        answer.evidence = _triple_evidence(kg, *triple)
    return answer

"""`ask`: a plain question in Chinese or English, answered from the graph with its evidence."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from rdflib import URIRef

from ..errors import G60Error
from ..kg import KnowledgeGraph
from ..queries.lookup import label
from ..rdf.namespaces import G60
from ..text import to_simplified
from .answer import Answer, Reply, answer_intent, evidence_of
from .intents import (
    CLASS_WORDS,
    EXAMPLES,
    POST_WORDS,
    ROLE_WORDS,
    Intent,
    _first,
    content_words,
    read_intent,
)
from .spot import Mention, spot

__all__ = ["ask"]

KIND_TEXT = {
    "where": ("{x}位于哪里", "where {x} is"),
    "in-place": ("{x}内的{cls}", "{cls} in {x}"),
    "members": ("{x}的组成或成员", "members or components of {x}"),
    "member-of": ("{x}所属的联盟或组织", "bodies {x} is a member of"),
    "person-posts": ("{x}担任的职务", "posts held by {x}"),
    "post-holder": ("担任{post}的人", "who holds the post {post}"),
    "posts-in": ("在{x}担任职务的人", "who holds posts in {x}"),
    "who-role": ("{x}的{rel}", "{rel} of {x}"),
    "when": ("{x}的时间", "dates of {x}"),
    "how-much": ("{x}的数量与金额", "figures about {x}"),
    "on-date": ("{year}的活动", "events in {year}"),
    "on-date-about": ("{year}与{x}有关的活动", "events about {x} in {year}"),
    "path": ("{x}与{y}之间的关系", "how {x} and {y} are related"),
}


# A name the graph does not know, glued to one it knows: 「G60科创走廊火星基地」.
UNKNOWN_NAME = re.compile(
    r"^(?![有的在是和与位属包什哪怎如为由谁何了吗呢])[\u4e00-\u9fffA-Za-z0-9]{1,8}?"
    r"(基地|园区|产业园|中心|小镇|实验室|研究院|研究所|公司|集团|大学|联盟|科技城|科学城|试验区|先导区)"
)


# The same in English, for a proper name in title case: 「Suzhou Quantum Valley」 where the graph
# knows only Suzhou.
UNKNOWN_NAME_EN = re.compile(
    r"^(?:\s+[A-Z][\w'-]*){0,3}?\s+(?:Corridor|Park|Zone|Town|Cent(?:er|re)|Base|Lab|Laboratory|"
    r"Institute|Alliance|Valley)\b"
)


# Words that ask rather than name: 「腾讯优图实验室隶属于哪家公司」 names no 「…公司」.
ASKING = re.compile(r"多少|几|哪|什么|谁|隶属|加入|属于|位于|接入")


def _unknown_name(question: str, mentions: list[Mention]) -> str | None:
    """The longer name a question uses where the graph knows only its first part, if any.

    >>> suzhou = Mention("Suzhou", 13, 19, ())
    >>> _unknown_name("Where is the Suzhou Quantum Valley?", [suzhou])
    'Suzhou Quantum Valley'
    """
    for m in mentions:
        rest = question[m.end :]
        tail = UNKNOWN_NAME.match(rest) or (m.text.isascii() and UNKNOWN_NAME_EN.match(rest))
        if tail and not ASKING.search(to_simplified(tail.group(0))):
            return m.text + tail.group(0)
    return None


def _is_english(question: str) -> bool:
    return not re.search(r"[\u4e00-\u9fff]", question)


def _is_a(kg: KnowledgeGraph, iri: str, cls: str) -> bool:
    return bool(kg.query(f"ASK {{ ?x a g60:{cls} }}", {"x": URIRef(iri)}).askAnswer)


def _subject(kg: KnowledgeGraph, intent: Intent) -> Mention | None:
    """The mention the question is about: a place for in-place questions, else the first."""
    if not intent.mentions:
        return None
    if intent.kind == "in-place":
        places = [m for m in intent.mentions if _is_a(kg, m.iris[0], "Place")]
        return places[-1] if places else intent.mentions[0]
    if intent.kind == "members" and len(intent.mentions) > 1:
        # 芜湖“六个之城”分别是什么: a place's own slogan, plan or body is what has the parts
        first, last = intent.mentions[0], intent.mentions[-1]
        if _is_a(kg, first.iris[0], "Place") and not _is_a(kg, last.iris[0], "Place"):
            return last
    return intent.mentions[0]


def _other_reading(kg: KnowledgeGraph, intent: Intent, x: URIRef, question: str) -> Intent | None:
    """The other way to read "X有哪些…" when the first gave nothing: the parts or members of X
    (杭州六小龙有哪些企业, 哪些城市加入了G60科创走廊), or what lies in a place (X包括哪些基地).
    """
    if intent.kind == "in-place":
        cls = intent.cls if intent.cls not in ("Organization", "Company") else None
        return replace(intent, kind="members", cls=cls)
    if intent.kind == "members" and intent.cls and _is_a(kg, str(x), "Place"):
        return replace(intent, kind="in-place")
    if intent.kind == "post-holder" and (relation := _first(ROLE_WORDS, question.lower())):
        return replace(intent, kind="who-role", relation=relation)  # Who chairs the alliance?
    if intent.kind == "person-posts" and (post := re.search(POST_WORDS, question)):
        return replace(intent, kind="post-holder", post=post.group(0))  # 松江区有哪些副区长
    return None


def _interpretation(kg: KnowledgeGraph, intent: Intent, lang: str) -> str:
    i = 1 if lang == "en" else 0
    names = [label(kg, m.iris[0], lang) for m in intent.mentions]
    cls = label(kg, str(G60[intent.cls]), lang) if intent.cls else ""
    rel = label(kg, str(G60[intent.relation]), lang) if intent.relation else ""
    kind = "on-date-about" if intent.kind == "on-date" and names else intent.kind
    kind = "posts-in" if kind == "post-holder" and names and not intent.post else kind
    return KIND_TEXT[kind][i].format(
        x=names[0] if names else "", y=names[1] if len(names) > 1 else "",
        cls=cls, rel=rel, post=intent.post or "", year=intent.year or "",
    )  # fmt: skip


def _path(kg: KnowledgeGraph, intent: Intent) -> list[Answer]:
    from ..queries.analyst import path

    a, b = intent.mentions[0].iris[0], intent.mentions[1].iris[0]
    answers = []
    for step in path(kg, a, b, "zh"):
        en = path_label_en = label(kg, step["predicate"], "en") if step["predicate"] else ""
        answer = Answer(
            f"{step['from_label']} —{step['relation']}→ {step['to_label']}",
            f"{label(kg, step['from'], 'en')} —{path_label_en}→ {label(kg, step['to'], 'en')}",
            iri=step["to"],
        )
        s, o = (step["from"], step["to"]) if step["forward"] else (step["to"], step["from"])
        if step["predicate"]:
            from .answer import _triple_evidence

            answer.evidence = _triple_evidence(kg, URIRef(s), URIRef(step["predicate"]), URIRef(o))
        del en
        answers.append(answer)
    return answers


def _no_answer(kg: KnowledgeGraph, intent: Intent, x: URIRef | None, lang: str) -> str:
    subject = label(kg, x, lang) if x is not None else ""
    about = (f" about {subject}" if lang == "en" else f"关于{subject}的") if subject else ""
    text = (
        f"The graph holds no such facts{about}; nothing is made up."
        if lang == "en"
        else f"图谱中没有{about}此类事实（不作推测）。"
    )
    if x is not None and _is_a(kg, str(x), "Place"):
        from ..queries.coverage import place_coverage

        cov = place_coverage(kg, x)
        text += (
            f" It holds {cov.entities} entities there from {cov.sources} sources"
            f" (latest fact {cov.latest or 'none'}): coverage is thin; see g60kg stats --coverage."
            if lang == "en"
            else f" 图谱在此有 {cov.entities} 个实体、{cov.sources} 个来源"
            f"（最新事实 {cov.latest or '无'}），覆盖有限；见 g60kg stats --coverage。"
        )
    return text


def _counted(
    kg: KnowledgeGraph, intent: Intent, x: URIRef, question: str, listed: list[Answer]
) -> list[Answer]:
    """A count question (杭州有几个区县, 联盟有几家成员): the sourced figure when the graph holds
    one, then the graph's own list counted, with the caveat that it counts only what the graph
    holds, then the list itself (each item with its evidence)."""
    words = content_words(to_simplified(question).lower()) or ("member-count",)
    figures = answer_intent(kg, Intent("how-much", intent.mentions, words=words), x)[2]
    # members, not the body's own parts (its office)
    if re.search(r"成员|member", to_simplified(question)):
        parts = {"partOf", "directlyWithin", "parentOrganization"}
        listed = [a for a in listed if not parts & set(a.tags)] or listed
    if not listed:
        return figures
    n = len(listed)
    count = Answer(
        f"图谱所载{n}个",
        f"{n} in the graph",
        note="只计图谱中已有的条目，未必完整；各条目及其证据见下 / counts only what the "
        "graph holds, which may be incomplete; each item and its evidence below",
    )
    return [*figures, count, *listed]


def ask(kg: KnowledgeGraph, question: str, lang: str | None = None) -> Reply:
    """Answer `question` from the graph: entities or values, each with its evidence.

    >>> reply = ask(kg, "洞泾镇位于哪个区？")
    >>> [a.label for a in reply.answers]
    ['松江区']
    >>> "在松江区洞泾镇集体亮相" in [e["quote"] for e in reply.answers[0].evidence]
    True
    """
    if not question.strip():
        raise G60Error("an empty question; ask e.g. " + EXAMPLES[0])
    lang = lang or ("en" if _is_english(question) else "zh")
    mentions = spot(kg, question)
    intent = read_intent(question, mentions)
    if intent is None:
        return Reply(
            question,
            "not understood" if lang == "en" else "未能理解",
            message=("I understand questions like these:\n" if lang == "en" else "可以这样问：\n")
            + "\n".join(f"  {e}" for e in EXAMPLES),
        )
    reply = Reply(question, _interpretation(kg, intent, lang))
    unknown = _unknown_name(question, mentions)
    if unknown:
        reply.message = (
            f"The graph holds no entity named '{unknown}'; nothing is made up."
            if lang == "en"
            else f"图谱中没有名为“{unknown}”的实体（不作推测）。"
        )
        return reply
    if intent.kind == "how-much" and not intent.words:
        reply.message = (
            "Which figure? Name it, e.g. investment, companies, area, output, GDP, members."
            if lang == "en"
            else "请说明要哪项数字，如：投资金额、企业数量、面积、产值、GDP、成员数量。"
        )
        return reply
    ambiguous = [m for m in intent.mentions if len(m.iris) > 1]
    if ambiguous:
        m = ambiguous[0]
        readings = "; ".join(f"{label(kg, i, 'zh')} / {label(kg, i, 'en')}" for i in m.iris)
        reply.message = (
            f"'{m.text}' may mean: {readings}. Answering for the first; name one to choose."
            if lang == "en"
            else f"“{m.text}”可指：{readings}。以下按第一种理解作答，请写全名以选择。"
        )
    if intent.kind == "path":
        if len(intent.mentions) < 2:
            return reply
        try:
            reply.answers = _path(kg, intent)
        except G60Error as exc:
            reply.message = str(exc)
        reply.sparql = "(networkx shortest path over the collapsed graph)"
        return reply
    subject = _subject(kg, intent)
    x = URIRef(subject.iris[0]) if subject else None
    if x is None and intent.kind not in ("on-date", "post-holder"):
        reply.message = _no_answer(kg, intent, None, lang)
        return reply
    sparql, bound, answers = answer_intent(kg, intent, x)
    if not answers and x is not None and (other := _other_reading(kg, intent, x, question)):
        sparql, bound, answers = answer_intent(kg, other, x)
        if answers:
            intent = other
            reply.interpretation = _interpretation(kg, intent, lang)
    if not answers and intent.kind == "in-place" and subject is not None:
        # 杭州有哪些人工智能小镇: the kind of thing asked for was read as a name; it is the class
        cls = _first(CLASS_WORDS, to_simplified(subject.text).lower()) or intent.cls
        for m in reversed(intent.mentions):
            if m is not subject and _is_a(kg, m.iris[0], "Place"):
                sparql, bound, answers = answer_intent(
                    kg, replace(intent, cls=cls), URIRef(m.iris[0])
                )
                if answers:
                    x = URIRef(m.iris[0])
                    break
    if intent.count and x is not None:
        answers = _counted(kg, intent, x, question, answers)
    reply.sparql = sparql
    reply.bindings = {k: str(v) for k, v in bound.items()}
    reply.answers = answers
    if not answers:
        reply.message = _no_answer(kg, intent, x, lang)
    return reply


def reply_json(reply: Reply) -> dict[str, Any]:
    """The reply as `{"question", "interpretation", "sparql", "answers": [...]}`."""
    return {
        "question": reply.question,
        "interpretation": reply.interpretation,
        "sparql": reply.sparql,
        "bindings": reply.bindings,
        "message": reply.message,
        "answers": [
            {
                "label": a.label,
                "label_en": a.label_en,
                "value": a.value,
                "iri": a.iri,
                "note": a.note,
                "evidence": a.evidence,
            }
            for a in reply.answers
        ],
    }


__all__ += ["evidence_of", "reply_json"]

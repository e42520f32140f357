"""Words on the views: entity, relation and class labels in a language, and the page's texts."""

from __future__ import annotations

import networkx as nx

from g60kg.names import label_of, local_name
from g60kg.viz.select import resolve_entity

__all__ = [
    "LANGUAGES",
    "TEXT",
    "check_language",
    "class_label",
    "default_title",
    "label_of",
    "local_name",
    "term_label",
]

LANGUAGES = ("zh", "en")

TEXT: dict[str, dict[str, str]] = {
    "zh": {
        "title": "长三角G60科创走廊人工智能产业知识图谱",
        "search": "按中文或英文名称搜索实体",
        "graph": "知识图谱",
        "legend": "类型（勾选以显示）",
        "details": "详情",
        "click": "点击节点或关系查看详情与证据。",
        "type": "类型",
        "iri": "IRI",
        "source": "来源",
        "from": "主体",
        "to": "客体",
        "predicate": "谓词",
        "noEvidence": "无原文证据（参考来源）。",
        "noMatch": "没有找到匹配的实体。",
        "settling": "正在布局…",
        "status": "{nodes} 个实体，{edges} 条关系",
        "large": "；图较大，布局已预先计算",
    },
    "en": {
        "title": "AI industry knowledge graph of the G60 corridor",
        "search": "Search entities by Chinese or English name",
        "graph": "Knowledge graph",
        "legend": "Types (tick to show)",
        "details": "Details",
        "click": "Click a node or link to see its details and evidence.",
        "type": "Type",
        "iri": "IRI",
        "source": "Source",
        "from": "Subject",
        "to": "Object",
        "predicate": "Predicate",
        "noEvidence": "No quoted evidence (reference source).",
        "noMatch": "No entity matches.",
        "settling": "Laying out…",
        "status": "{nodes} entities, {edges} links",
        "large": "; a large graph, laid out in advance",
    },
}


def check_language(lang: str) -> None:
    """Raise ValueError naming the languages when `lang` is not one of them."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of: {', '.join(LANGUAGES)}")


# Terms the view uses from outside the g60 ontology, named in our words.
OTHER_TERMS: dict[str, dict[str, str]] = {
    "Concept": {"zh": "概念", "en": "Concept"},
    "Thing": {"zh": "事物", "en": "Thing"},
}


def class_label(G: nx.MultiDiGraph, name: str, lang: str) -> str:
    """Return the label of the class `name` in `lang`, from `G.graph["class_labels"]` if given.

    `class_labels` maps the local name of an ontology term (class or property) to
    `{"zh": ..., "en": ...}` (the ontology's rdfs:label); without it, the local name.

    >>> G = nx.MultiDiGraph(class_labels={"Town": {"zh": "镇", "en": "town"}})
    >>> class_label(G, "Town", "zh"), class_label(G, "City", "zh"), class_label(G, "Concept", "zh")
    ('镇', 'City', '概念')
    """
    labels = G.graph.get("class_labels") or {}
    found = labels.get(name) or OTHER_TERMS.get(name) or {}
    return str(found.get(lang) or name)


def term_label(G: nx.MultiDiGraph, name: str, lang: str) -> str:
    """Return the label of the ontology property `name` (an attribute of a node) in `lang`.

    >>> G = nx.MultiDiGraph(class_labels={"companyCount": {"zh": "企业数量", "en": "count"}})
    >>> term_label(G, "companyCount", "zh"), term_label(G, "companyCount", "en")
    ('企业数量', 'count')
    """
    return class_label(G, name, lang)


def default_title(G: nx.MultiDiGraph, lang: str, focus: str | None) -> str:
    """The graph's name in `lang`, followed by the focus entity's label when there is one."""
    title = TEXT[lang]["title"]
    if focus is None:
        return title
    center = resolve_entity(G, focus)
    return f"{title} — {label_of(G.nodes[center], lang, local_name(center))}"

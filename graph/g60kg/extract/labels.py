"""Chinese and English labels for the facts and components the engine proposes.

The core requires both labels on every n-ary fact and component. They are built from the
labels of the participants and of the code-list concepts; an English label of a new entity is a
pinyin placeholder, so these are placeholders too, for the curator to polish.

Examples
--------
>>> names = {"dongjing": ("洞泾镇", "Dongjing Town")}
>>> props = {"investmentStatus": "investment-status:landed", "destination": "dongjing"}
>>> fact_labels("Investment", props, names)
('洞泾镇实质落地投资', 'Landed investment in Dongjing Town')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from g60kg.extract.romanise import pinyin_words

__all__ = ["fact_labels", "pinyin_label"]

_CONCEPTS = {
    "investment-status:landed": ("实质落地", "Landed"),
    "investment-status:intended": ("意向落地", "Intended"),
    "investment-status:landed-or-intended": ("实质或意向落地", "Landed or intended"),
    "indicator:businesses-attracted": ("招商户数", "Businesses attracted"),
    "indicator:fiscal-revenue": ("财政收入", "Fiscal revenue"),
    "indicator:local-fiscal-revenue": ("地方财政收入", "Local fiscal revenue"),
    "indicator:land-area": ("面积", "Land area"),
    "indicator:planned-area": ("规划面积", "Planned area"),
    "indicator:resident-population": ("人口", "Population"),
    "indicator:gdp": ("地区生产总值", "GDP"),
}


def pinyin_label(zh: str) -> str:
    """A placeholder English label: the pinyin of ``zh``, word by word, capitalised."""
    return " ".join(w[:1].upper() + w[1:] for w in pinyin_words(zh)) or zh


def fact_labels(
    fact: str, properties: Mapping[str, Any], names: Mapping[str, tuple[str, str]]
) -> tuple[str, str]:
    """(zh, en) labels for a fact from its participants' labels and its concepts."""

    def name(key: str) -> tuple[str, str]:
        ref = str(properties.get(key, ""))
        return names.get(ref) or _CONCEPTS.get(ref) or (ref, ref)

    if fact == "Investment":
        (place_zh, place_en), (status_zh, status_en) = name("destination"), name("investmentStatus")
        return f"{place_zh}{status_zh}投资", f"{status_en} investment in {place_en}"
    if fact == "Observation":
        (area_zh, area_en), (what_zh, what_en) = name("refArea"), name("indicator")
        return f"{area_zh}{what_zh}", f"{what_en} of {area_en}"
    if fact == "PostHolding":
        (who_zh, who_en), (post_zh, post_en) = name("holder"), name("post")
        if "post" not in properties:
            post_zh = str(properties.get("postTitle", {}).get("zh", ""))
            post_en = pinyin_label(post_zh)
        return f"{who_zh}任{post_zh}", f"{who_en} as {post_en}"
    return fact, fact

"""Find entities of the registry that are probably one thing recorded twice.

Two entities are flagged when a name of one and a name of the other (labels and aliases) agree
once written the same way: traditional characters as simplified, full-width as half-width, case,
spaces, brackets and punctuation ignored, and a company's legal suffix (有限公司, 股份有限公司,
(集团) …) dropped. A short name that is another entity's full name is caught by the aliases a
curator records (简称). Two bodies that really are different and share a name say so with
`distinct_from: [other-id]` on either entity.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator

from ..errors import Problem
from .read import Data, Entity

__all__ = ["duplicate_problems", "name_key"]

LEGAL_SUFFIXES = re.compile(
    r"(股份有限公司|有限责任公司|有限公司|股份公司|集团公司|\(集团\)|集团|"
    r"co\.?,? ?ltd\.?|co\.?|ltd\.?|inc\.?|corporation|corp\.?|group|limited)$"
)
IGNORED = re.compile(r"[\s\-_·・.,，、:：;；'\"“”‘’《》〈〉「」()（）\[\]【】]+")


def _to_simplified(text: str) -> str:
    from ..text import to_simplified

    return to_simplified(text)


def name_key(name: str) -> str:
    """The form two names take when they are the same name written differently.

    >>> name_key("科大訊飛股份有限公司") == name_key("科大讯飞")
    True
    >>> name_key("Beijing Liandong Investment (Group) Co., Ltd.")
    'beijingliandonginvestment'
    """
    text = _to_simplified(unicodedata.normalize("NFKC", name)).lower().strip()
    previous = None
    while previous != text:
        previous = text
        text = IGNORED.sub(" ", text).strip()
        text = LEGAL_SUFFIXES.sub("", text).strip()
    return IGNORED.sub("", text)


def _names(entity: Entity) -> Iterable[str]:
    yield entity.zh
    yield entity.en
    for _, alias in entity.aliases:
        yield alias


def _pairs(data: Data) -> Iterator[tuple[Entity, Entity, str]]:
    by_key: dict[str, list[Entity]] = defaultdict(list)
    for entity in data.entities.values():
        for key in {name_key(name) for name in _names(entity) if name}:
            if len(key) >= 2:
                by_key[key].append(entity)
    seen: set[tuple[str, str]] = set()
    for key, entities in sorted(by_key.items()):
        for i, first in enumerate(entities):
            for second in entities[i + 1 :]:
                pair = (min(first.id, second.id), max(first.id, second.id))
                if pair not in seen:
                    seen.add(pair)
                    yield first, second, key


def duplicate_problems(data: Data) -> list[Problem]:
    """One problem per pair of entities sharing a name, unless one says it is distinct."""
    problems = []
    for first, second, key in _pairs(data):
        if second.id in first.distinct_from or first.id in second.distinct_from:
            continue
        problems.append(
            second.where.problem(
                f"'{second.id}' ({second.zh}) and '{first.id}' ({first.zh}, "
                f"{first.where.file}:{first.where.line}) share the name '{key}'",
                f"if they are one, keep one entity and move the other's names to its aliases; "
                f"if two, add `distinct_from: [{first.id}]` to '{second.id}'",
            )
        )
    return problems

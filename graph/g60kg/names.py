"""Names of things, one rule each: an IRI's local name, the label to show in a language, and
which entities a name a user typed matches (shared by `find`, `describe`, `path` and `viz`).

>>> local_name("https://w3id.org/g60kg/id/adm-310117106"), local_name("http://x/o#Town")
('adm-310117106', 'Town')
>>> normalise("Li  Qián（李谦）")
'liqian李谦'
>>> matching({"e1": {"李谦", "Li Qian"}, "e2": {"李子"}}, "李 谦")
['e1']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

__all__ = ["label_of", "local_name", "matching", "normalise", "pick_label", "ranked"]

_IGNORED = re.compile(r"[\s()（）【】《》“”\"'·・,，、:：_-]+")


def local_name(iri: str) -> str:
    """The last segment of an IRI (after its last `/` or `#`), used when a node has no label."""
    return re.split(r"[#/]", str(iri).rstrip("/#"))[-1]


def pick_label(labels: Mapping[str, str], lang: str = "zh") -> str | None:
    """The label in `lang`, else Chinese, else English (tags compared lower-case, as langMatches).

    >>> pick_label({"en": "Songjiang District", "zh": "松江区"}, "en")
    'Songjiang District'
    >>> pick_label({"zh-latn-pinyin": "sōng jiāng qū"}, "en")
    'sōng jiāng qū'
    >>> pick_label({}) is None
    True
    """
    lowered = {tag.lower(): text for tag, text in labels.items()}
    for wanted in (lang.lower(), "zh", "en"):
        if wanted in lowered:
            return lowered[wanted]
        for tag, text in sorted(lowered.items()):
            if tag.startswith(wanted + "-"):
                return text
    return None


def label_of(data: Mapping[str, object], lang: str, fallback: str) -> str:
    """The `label_<lang>` of a networkx node's or edge's data, by the rule of `pick_label`,
    else `fallback`.

    >>> label_of({"label_zh": "洞泾镇"}, "en", "x"), label_of({}, "en", "x")
    ('洞泾镇', 'x')
    """
    labels = {k[len("label_") :]: str(v) for k, v in data.items() if k.startswith("label_") and v}
    return pick_label(labels, lang) or fallback


def normalise(text: str) -> str:
    """Width, case, tone marks, brackets, punctuation and spaces do not matter."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _IGNORED.sub("", plain)


def _score(
    text: str, name: str, wanted: str, plain: str | None = None
) -> tuple[int, int, int] | None:
    """How well `text` matches what was typed (lower is better), or None: the step that
    matches (exact, normalised, part of), then how much of `text` is left over, then where.
    `plain` is `text` normalised, when known already."""
    if text == name:
        return (0, 0, 0)
    plain = normalise(text) if plain is None else plain
    if plain == wanted:
        return (1, 0, 0)
    if wanted and wanted in plain:
        return (2, len(plain) - len(wanted), plain.index(wanted))
    return None


def ranked(
    names: Mapping[str, Iterable[str]], name: str, normalised: Mapping[str, str] | None = None
) -> list[str]:
    """Every entity (key of `names`) that `name` names, best first: exact names, then normalised
    ones (see `normalise`), then names that hold it, the closest in length first. `normalised`
    may give texts already normalised (an index kept beside a build holds them).

    >>> ranked({"e1": {"洞泾人工智能小镇"}, "e2": {"洞泾镇"}, "e3": {"洞泾"}}, "洞泾")
    ['e3', 'e2', 'e1']
    """
    wanted = normalise(name)
    known = normalised or {}
    scored = []
    for key, texts in names.items():
        found = (_score(t, name, wanted, known.get(t)) for t in texts)
        scores = [s for s in found if s is not None]
        if scores:
            scored.append((min(scores), key))
    return [key for _, key in sorted(scored)]


def matching(
    names: Mapping[str, Iterable[str]], name: str, normalised: Mapping[str, str] | None = None
) -> list[str]:
    """The entities (keys of `names`) that `name` names, at the first step that finds any: an
    exact name, then a normalised one (see `normalise`), then a normalised part of a name.
    Several results mean the name is ambiguous; none, that nothing is called so. `normalised`
    as for `ranked`."""
    wanted = normalise(name)
    known = normalised or {}
    steps: dict[str, int] = {}
    for key, texts in names.items():
        found = (_score(t, name, wanted, known.get(t)) for t in texts)
        scores = [s[0] for s in found if s is not None]
        if scores:
            steps[key] = min(scores)
    first = min(steps.values(), default=None)
    return sorted(key for key, step in steps.items() if step == first)

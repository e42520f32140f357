"""The graph's own names as a lexicon for mention detection, with the sources behind each entity
so that an evaluation can leave an article's own sources out.

In deployment, new articles about the corridor name entities the graph often knows: their
labels, aliases and short names are read from ``data/entities`` (the files the graph is built
from) and found in the text by :func:`find_known` (longest name first, on word boundaries; short
and generic names are not used). Measured on articles written from public reports, such a
lexicon can leak answers: the curators may have curated the same report into the graph. So every
entity carries the URLs of the sources that evidence it (its ``cites``, and those of every
statement naming it), and :func:`leave_sources_out` drops the entities whose *only* sources are
an article's own (the gold file's ``sources``).

Examples
--------
>>> normalise_url("https://www.Example.com/a/b.html?id=1#top")
'example.com/a/b.html?id=1'
>>> sorted(gold_urls({"sources": ["http://example.com/x (repost of 浙江在线, 2019-11-17)"]}))
['example.com/x']
>>> record = GazetteerRecord("spc", "E1", "Company", ("思必驰科技股份有限公司", "思必驰"))
>>> known = KnownEntity(record, frozenset({"example.com/x"}))
>>> [r.handle for r in leave_sources_out([known], {"example.com/x"})]
[]
>>> [r.handle for r in leave_sources_out([known], {"example.com/y"})]
['spc']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from g60kg.extract.linking import GazetteerRecord, group_of
from g60kg.extract.normalise import to_simplified
from g60kg.extract.tokens import Token, frequency, tag, token_starts, tokenise

__all__ = [
    "KnownEntity",
    "NameIndex",
    "gold_urls",
    "known_entities",
    "leave_sources_out",
    "listed_urls",
    "normalise_url",
    "usable_name",
]

_URL = re.compile(r"https?://[^\s<>\"'（）()，,；;]+", re.IGNORECASE)


@dataclass(frozen=True)
class KnownEntity:
    """A graph entity as a gazetteer record, with the (normalised) URLs of its sources."""

    record: GazetteerRecord
    sources: frozenset[str]


def normalise_url(url: str) -> str:
    """A URL reduced to what names a page: no scheme, no ``www.``, no fragment, no trailing
    slash, host in lower case."""
    url = url.strip().split("#", 1)[0]
    url = re.sub(r"^[a-z]+://", "", url, flags=re.IGNORECASE)
    host, _, rest = url.partition("/")
    host = host.lower().removeprefix("www.")
    return f"{host}/{rest}".rstrip("/") if rest else host


def gold_urls(gold: Mapping[str, Any]) -> set[str]:
    """Every URL written anywhere in a gold file (its ``sources``, notes), normalised."""
    return {normalise_url(u) for text in _strings(gold) for u in _URL.findall(text)}


def listed_urls(listing: object, names: set[str]) -> set[str]:
    """URLs of a sources listing (a YAML or JSON document of any shape) for one article: the
    URLs inside every mapping that holds one of ``names`` (the article's file name or gold
    stem) as a value, and under every key equal to one of them.

    >>> listing = {"articles": [{"article": "a.txt", "sources": ["http://x.cn/1"]},
    ...                         {"article": "b.txt", "url": "http://y.cn/2"}], "b": "http://z.cn"}
    >>> sorted(listed_urls(listing, {"b.txt", "b"}))
    ['y.cn/2', 'z.cn']
    """
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, Mapping):
            values = {v for v in node.values() if isinstance(v, str)}
            if values & names:
                found.update(_urls(node))
            for key, value in node.items():
                if str(key) in names:
                    found.update(_urls(value))
                walk(value)
        elif isinstance(node, list | tuple):
            for item in node:
                walk(item)

    walk(listing)
    return found


def _urls(node: object) -> set[str]:
    return {normalise_url(u) for text in _strings(node) for u in _URL.findall(text)}


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def leave_sources_out(entities: Iterable[KnownEntity], urls: set[str]) -> list[GazetteerRecord]:
    """The records of ``entities`` minus those whose only sources are among ``urls``.

    An entity with no recorded source is kept (nothing ties it to the article).
    """
    return [e.record for e in entities if not (e.sources and e.sources <= urls)]


def known_entities(data: Path) -> list[KnownEntity]:
    """Every entity of ``data/entities`` with the URLs of the sources that evidence it.

    Sources are the entity's own ``cites``, the ``cites`` of reference statements that name it
    (as subject, object or a fact's part), and the source of every article's statements file
    that names it; reference ids are resolved through ``data/sources``.
    """
    yaml = YAML(typ="safe")
    urls = _source_urls(data, yaml)
    cited: dict[str, set[str]] = {}
    rows: list[tuple[dict[str, Any], Path]] = []
    for path in sorted((data / "entities").rglob("*.yaml")):
        document = yaml.load(path.read_text(encoding="utf-8")) or {}
        for item in document.get("entities") or []:
            rows.append((item, path))
            cited.setdefault(str(item["id"]), set()).update(_cites(item))
    handles = set(cited)
    for path in sorted((data / "statements").rglob("*.yaml")):
        document = yaml.load(path.read_text(encoding="utf-8")) or {}
        source = str(document.get("source") or "")
        for row in document.get("statements") or []:
            refs = set(_cites(row)) or ({source} if source and source != "reference" else set())
            for handle in _named(row, handles):
                cited[handle].update(refs)
    found = []
    for item, _ in rows:
        kind = item.get("type")
        kind = str(kind[0] if isinstance(kind, list) else kind)
        names = [item.get("zh", "")] + [a.get("zh", "") for a in item.get("aliases") or []]
        names = [to_simplified(str(n)) for n in names if n]
        record = GazetteerRecord(
            str(item["id"]), str(item["iri"]), kind, tuple(names), str(item.get("en") or "")
        )
        sources = frozenset(urls[c] for c in cited[str(item["id"])] if c in urls)
        found.append(KnownEntity(record, sources))
    return found


def _cites(row: Mapping[str, Any]) -> list[str]:
    cites = row.get("cites") or []
    return [str(c) for c in cites] if isinstance(cites, list) else [str(cites)]


def _named(row: object, handles: set[str]) -> Iterator[str]:
    """Entity handles a statement names: any string value that is a handle."""
    if isinstance(row, str):
        if row in handles:
            yield row
    elif isinstance(row, Mapping):
        for key, value in row.items():
            if key not in ("id", "cites", "evidence", "note", "zh", "en"):
                yield from _named(value, handles)
    elif isinstance(row, list):
        for item in row:
            yield from _named(item, handles)


def _source_urls(data: Path, yaml: YAML) -> dict[str, str]:
    """Source and reference ids to normalised URLs."""
    urls: dict[str, str] = {}
    for path in sorted((data / "sources").rglob("*.yaml")):
        document = yaml.load(path.read_text(encoding="utf-8")) or {}
        rows = document.get("references") or [document]
        for row in rows:
            if isinstance(row, Mapping) and row.get("id") and row.get("url"):
                urls[str(row["id"])] = normalise_url(str(row["url"]))
    return urls


class NameIndex:
    """Names the graph knows, found in a text longest first on word boundaries.

    A name is used when it names things of one class group only and is not generic: at least
    two characters, not only Latin letters and digits, and not made only of dictionary words
    that are not proper nouns (人工智能小镇, 产业园). A name is found where a word starts and
    where one ends (jieba's tokens; a function word glued to it is cut off).

    >>> index = NameIndex({"思必驰": "Company", "产业园": "IndustrialPark", "奇瑞": "Company"})
    >>> text = "与思必驰签约，奇瑞汽车产业园"
    >>> [(text[s:e], kind) for s, e, kind in index.find(text, 0, len(text))]
    [('思必驰', 'Company'), ('奇瑞', 'Company')]
    """

    def __init__(self, names: Mapping[str, str]):
        self.by_head: dict[str, list[tuple[str, str]]] = {}
        for name, kind in names.items():
            if usable_name(name) and _usable_as(name, kind):
                self.by_head.setdefault(name[:2], []).append((name, kind))
        for rows in self.by_head.values():
            rows.sort(key=lambda row: (-len(row[0]), row[0]))

    def __bool__(self) -> bool:
        return bool(self.by_head)

    def find(
        self, text: str, start: int, end: int, tokens: Sequence[Token] | None = None
    ) -> list[tuple[int, int, str]]:
        """(start, end, class) of every known name in ``text[start:end]`` on word boundaries,
        the longest at each place, none overlapping; ``tokens``: that span's jieba tokens."""
        if not self.by_head:
            return []
        tokens = tokenise(text, start, end) if tokens is None else list(tokens)
        starts, ends = token_starts(tokens), _token_ends(tokens)
        found = []
        position = start
        while position < end - 1:
            rows = self.by_head.get(text[position : position + 2], [])
            hit = None
            if position in starts or not _cjk(text[position - 1 : position]):
                for name, kind in rows:
                    stop = position + len(name)
                    if stop > end or not text.startswith(name, position):
                        continue
                    if stop not in ends and _cjk(text[stop : stop + 1]):
                        continue
                    if group_of(kind) == "place" and _MEDIA.match(text, stop):
                        continue  # 浙江在线: a news outlet, not the place
                    hit = (position, stop, kind)
                    break
            if hit is None:
                position += 1
                continue
            found.append(hit)
            position = hit[1]
        return found


_MEDIA = re.compile(r"在线|日报|晚报|商报|新闻网|电视台|广播电视台|发布[^会]")


def _usable_as(name: str, kind: str) -> bool:
    """Slogans are phrases (双引擎), not names; a place's two-character short name (姑苏) is
    left to the rules, which read it only when the full name is written too; a place named
    with its parent (苏州市吴江区) is left to the rules, which read the two units.

    >>> [_usable_as(n, k) for n, k in [("双引擎", "Slogan"), ("姑苏", "District"),
    ...  ("苏州市吴江区", "District"), ("吴江区", "District"), ("中国声谷", "IndustrialPark")]]
    [False, False, False, True, True]
    """
    if kind == "Slogan":
        return False
    if group_of(kind) == "place":
        return len(name) >= 3 and not re.search(r"[省市].", name)
    return True


_TRAILING_BOUNDARY = frozenset("在于与和及的是将从向对把被为也已")


def _token_ends(tokens: Sequence[Token]) -> set[int]:
    """Where words end, counting a function word jieba glued to the end of an unknown name."""
    ends = {t.end for t in tokens}
    for token in tokens:
        glued = len(token.word) > 1 and token.word[-1] in _TRAILING_BOUNDARY
        if glued and tag(token.word) is None:
            ends.add(token.end - 1)
    return ends


def _cjk(char: str) -> bool:
    return bool(char) and ("\u4e00" <= char <= "\u9fff" or char.isalnum())


_PROPER = frozenset({"ns", "nz", "nt", "eng"})


@lru_cache(maxsize=65536)
def usable_name(name: str) -> bool:
    """Whether a known name is specific enough to be looked for in text: one of its words is
    not in jieba's dictionary, is a proper noun, holds Latin letters or digits, or is rare
    (奇点 in 奇点汽车); a name made only of common words (人工智能小镇) is generic.

    >>> names = ("思必驰", "腾讯", "奇点汽车", "产业园", "人工智能小镇", "G60", "中心")
    >>> [usable_name(n) for n in names]
    [True, True, True, False, False, False, False]
    """
    if len(name) < 2 or re.fullmatch(r"[\x00-\x7f]+", name):
        return False
    words = [t.word for t in tokenise(name, 0, len(name)) if t.word.strip()]
    if len(words) == 1 and tag(name) in ("nr", "nrt"):
        return True  # a person's name (jieba also tags some common words nr: 小镇)
    if len(words) == len(name) and tag(name) is None:
        return True  # jieba cuts a word it does not know into characters (珑睿)
    return any(_specific(w) for w in words)


_RARE = 100  # jieba dictionary counts: 奇点 32, 引擎 160, 人工智能 151, 小镇 362


def _specific(word: str) -> bool:
    if tag(word) is None or tag(word) in _PROPER or re.search(r"[A-Za-z0-9]", word):
        return True
    return frequency(word) < _RARE


_LEGAL = re.compile(r"(?:集团)?(?:股份有限公司|有限责任公司|有限公司|股份公司)$")
_TRADE = re.compile(
    r"(?:集团|控股|实业|发展|投资|科技|技术|信息|网络|智能|软件|电子|数据|数字|人工智能|智能装备"
    r"|机器人|装备|制造|汽车|新能源|能源|材料|新材料|医药|生物|半导体|微电子|光电|通信|航天)$"
)


def brand(name: str, places: Mapping[str, str]) -> str | None:
    """The short name a company goes by, from its legal name: no legal suffix, no leading
    place, no trailing trade words (上海珑睿信息科技有限公司 → 珑睿); None when nothing specific
    is left.

    >>> [brand(n, {"上海": "Municipality", "苏州": "City"}) for n in (
    ...     "上海珑睿信息科技有限公司", "思必驰科技股份有限公司", "苏州科技有限公司", "华为云")]
    ['珑睿', '思必驰', None, None]
    """
    core = _LEGAL.sub("", name)
    if core == name:
        return None
    core = re.sub(r"[(（][\u4e00-\u9fff]{2,3}[)）]", "", core)  # 启智(芜湖)智能机器人: the seat
    for _ in range(3):
        head = next((p for p in places if core.startswith(p) and len(core) > len(p) + 1), None)
        if head is None:
            break
        core = core[len(head) :]
    while _TRADE.search(core) and len(_TRADE.sub("", core)) >= 2:
        core = _TRADE.sub("", core)
    if not 2 <= len(core) <= 5 or core in places or not usable_name(core):
        return None
    return core if not _TRADE.fullmatch(core) else None

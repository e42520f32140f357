"""Pinyin readings of names: the converter on known polyphones, and every Chinese label of the
project's graph (the full data, read from its build) read with them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from g60kg.extract.labels import pinyin_label
from g60kg.extract.romanise import pinyin_words
from g60kg.kg import KnowledgeGraph
from g60kg.pinyin import NAME_READINGS, pinyin, readings
from pyoxigraph import RdfFormat, Store

LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT = "http://www.w3.org/2004/02/skos/core#altLabel"

# (phrase, index of the polyphone in it, its reading there): places and organisations first,
# then the same characters in the posts and words the graph's labels also hold.
POLYPHONES = [
    ("长三角", 0, "cháng"),
    ("长江", 0, "cháng"),
    ("长兴", 0, "cháng"),
    ("长临河", 0, "cháng"),
    ("长合区", 0, "cháng"),
    ("长光卫星", 0, "cháng"),
    ("市长", 1, "zhǎng"),
    ("区长", 1, "zhǎng"),
    ("校长", 1, "zhǎng"),
    ("董事长", 2, "zhǎng"),
    ("增长", 1, "zhǎng"),
    ("银行", 1, "háng"),
    ("行业", 0, "háng"),
    ("行动", 0, "xíng"),
    ("执行", 1, "xíng"),
    ("重庆", 0, "chóng"),
    ("重点", 0, "zhòng"),
    ("重大", 0, "zhòng"),
    ("乐清", 0, "yuè"),
    ("欢乐", 1, "lè"),
    ("莫干山", 1, "gān"),
    ("干窑", 0, "gān"),
    ("干线", 0, "gàn"),
    ("影都", 1, "dū"),
    ("之都", 1, "dū"),
    ("调度", 0, "diào"),
    ("调整", 0, "tiáo"),
    ("六安", 0, "lù"),
    ("蚌埠", 0, "bèng"),
]
# Phrases the graph holds today: the full-data test must meet each of them at least once.
IN_GRAPH = {
    "长三角",
    "长江",
    "长临河",
    "长合区",
    "市长",
    "董事长",
    "银行",
    "行动",
    "重点",
    "莫干山",
}


@pytest.mark.parametrize(("phrase", "index", "reading"), POLYPHONES)
def test_known_polyphones_are_read_right(phrase: str, index: int, reading: str) -> None:
    assert readings(phrase)[index] == reading


def test_every_name_override_is_one_syllable_per_character() -> None:
    for name, reading in NAME_READINGS.items():
        assert len(reading.split()) == len(name), name


def test_labels_and_handles_of_extraction_read_names_right() -> None:
    assert pinyin("长三角") == "cháng sān jiǎo"
    assert pinyin_words("长三角") == ["changsanjiao"]
    assert pinyin_label("莫干山").startswith("Mogan")
    assert pinyin_label("合肥市") == "Hefeishi"  # unlinked: a placeholder, for the curator


def _expected(label: str) -> Iterator[tuple[int, str, str]]:
    """(position, reading, phrase) the polyphone list asks of ``label``; the longest phrase
    decides a character that two phrases cover (市长 inside 城市长三角 is cháng)."""
    wanted: dict[int, tuple[int, str, str]] = {}
    for phrase, index, reading in POLYPHONES:
        start = label.find(phrase)
        while start >= 0:
            at = start + index
            if at not in wanted or wanted[at][0] < len(phrase):
                wanted[at] = (len(phrase), reading, phrase)
            start = label.find(phrase, start + 1)
    for at, (_, reading, phrase) in sorted(wanted.items()):
        yield at, reading, phrase


@pytest.fixture(scope="module")
def zh_labels() -> dict[str, str]:
    """Every Chinese label of the project's graph with its stored pinyin label ('' if none)."""
    from g60kg.kg import default_source

    store = Store()
    store.bulk_load(path=str(Path(default_source())), format=RdfFormat.N_QUADS)
    found = store.query(
        f"""SELECT DISTINCT ?zh ?py WHERE {{
          ?s <{LABEL}> ?zh FILTER(lang(?zh) = "zh")
          OPTIONAL {{ ?s <{ALT}> ?py FILTER(lang(?py) = "zh-latn-pinyin") }}
        }}""",
        use_default_graph_as_union=True,
    )
    labels: dict[str, str] = {}
    for row in found:  # type: ignore[union-attr]
        labels[row["zh"].value] = row["py"].value if row["py"] is not None else ""
    return labels


def test_every_chinese_label_of_the_graph_reads_its_polyphones_right(
    zh_labels: dict[str, str],
) -> None:
    assert len(zh_labels) > 1000
    wrong, met = [], set()
    for label in zh_labels:
        read = readings(label)
        for at, reading, phrase in _expected(label):
            met.add(phrase)
            if read[at] != reading:
                wrong.append(f"{label}: {label[at]} read {read[at]}, not {reading} ({phrase})")
    assert wrong == []
    assert met >= IN_GRAPH


def test_every_stored_pinyin_label_is_the_converter_s_reading(zh_labels: dict[str, str]) -> None:
    stored = {zh: py for zh, py in zh_labels.items() if py}
    assert len(stored) > 1000
    assert [zh for zh, py in stored.items() if py != pinyin(zh)] == []
    assert stored["长三角"] == "cháng sān jiǎo"


def test_find_takes_the_pinyin_of_changsanjiao(kg: KnowledgeGraph) -> None:
    from g60kg.queries.lookup import find, label

    for typed in ("changsanjiao", "chang san jiao", "cháng sān jiǎo"):
        assert label(kg, find(kg, typed), "zh") == "长三角", typed

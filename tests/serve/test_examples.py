"""The page's examples: each required parameter bound to the entity its description names, so
an example runs as it stands (on the seed graph here; the browser test runs all on the full one)."""

from __future__ import annotations

from pathlib import Path

from g60kg.kg import KnowledgeGraph
from g60kg.rdf.namespaces import PREFIXES
from g60kg.serve.examples import bind_examples, read_examples
from pyoxigraph import QuerySolutions

QUERIES = Path(__file__).resolve().parents[2] / "ontology" / "queries"
# Examples whose entity the seed article names (the others are about other member cities).
SEED_ARTICLE = [
    "companies-at-event",
    "containment-chain",
    "describe",
    "evidence-for",
    "investments-in-place",
    "observations",
    "plan-components",
    "posts",
]


def test_examples_are_bound_to_their_example_entities_and_answer(kg: KnowledgeGraph) -> None:
    store = kg.store
    assert store is not None
    examples = {e.name: e for e in bind_examples(read_examples(QUERIES), store, PREFIXES)}
    assert examples["investments-in-place"].bound == {"place": "洞泾镇"}  # status? stays open
    assert examples["describe"].bound == {"entity": "李谦"}
    assert examples["instances-of"].bound == {"class": "g60:Place"}  # "Company" names several
    assert examples["corridor-cities"].bound == {}  # its only parameter is optional
    assert len([e for e in examples.values() if e.bound]) >= 12
    for name in SEED_ARTICLE:
        example = examples[name]
        assert "VALUES (" in example.text and example.text.startswith("#+ name:")
        found = store.query(example.text, prefixes=PREFIXES, use_default_graph_as_union=True)
        assert isinstance(found, QuerySolutions)
        assert list(found), f"{example.name} bound to {example.bound} returned no rows"

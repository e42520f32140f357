"""How big and how slow the HTML view gets: a generated corridor-shaped graph of N entities.

    .venv/bin/python benchmarks/viz_sizes.py 500 2000 5000 [--browser]

For each size: the time to write the page, its size, and with --browser the time headless
Chromium takes until the page is drawn and settled. Pages go to benchmarks/out/ (ignored by git).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import networkx as nx
from g60kg.viz import write_html

ID = "https://w3id.org/g60kg/id/"
G60 = "https://w3id.org/g60kg/ontology#"
OUT = Path(__file__).parent / "out"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# (class, share of the entities, Chinese stem, English stem)
KINDS = [
    ("City", 0.01, "市", "City"),
    ("District", 0.03, "区", "District"),
    ("Town", 0.10, "镇", "Town"),
    ("IndustrialPark", 0.06, "产业园", "Industrial Park"),
    ("Company", 0.55, "智能科技有限公司", "Intelligent Technology Co."),
    ("Conference", 0.05, "人工智能大会", "AI Conference"),
    ("Person", 0.08, "先生", "Person"),
    ("Investment", 0.12, "投资", "Investment"),
]
RELATIONS = {
    "directlyWithin": ("直接隶属于", "directly within"),
    "locatedIn": ("位于", "located in"),
    "heldIn": ("举办地", "held in"),
    "speaker": ("讲话人", "speaker"),
    "investor": ("投资方", "investor"),
    "destination": ("投资目的地", "destination"),
}


def corridor_graph(n: int, seed: int = 60) -> nx.MultiDiGraph:
    """Return a graph shaped like `kg.nx` with about `n` entities and 1.2 links per entity."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    members: dict[str, list[str]] = {}
    for kind, share, zh, en in KINDS:
        count = max(1, round(n * share))
        members[kind] = [f"{ID}{kind}-{i}" for i in range(count)]
        for i, iri in enumerate(members[kind]):
            G.add_node(iri, label_zh=f"第{i}{zh}", label_en=f"{en} {i}", type=kind, types=[kind])

    def link(s: str, p: str, o: str) -> None:
        zh, en = RELATIONS[p]
        quote = f"{G.nodes[s]['label_zh']}{zh}{G.nodes[o]['label_zh']}"
        span = {"quote": quote, "source": "generated", "source_title": "生成的", "start": 0}
        span["end"] = len(quote)
        G.add_edge(s, o, key=p, predicate=G60 + p, label_zh=zh, label_en=en, evidence=[span])

    for kind, parent in [("District", "City"), ("Town", "District")]:
        for iri in members[kind]:
            link(iri, "directlyWithin", rng.choice(members[parent]))
    for kind, p, target in [
        ("IndustrialPark", "locatedIn", "Town"),
        ("Company", "locatedIn", "Town"),
        ("Conference", "heldIn", "Town"),
        ("Investment", "destination", "Town"),
    ]:
        for iri in members[kind]:
            link(iri, p, rng.choice(members[target]))
    for iri in members["Person"]:
        link(rng.choice(members["Conference"]), "speaker", iri)
    for iri in members["Investment"]:
        for company in rng.sample(members["Company"], 2):
            link(iri, "investor", company)
    return G


def browser_seconds(page_path: Path) -> float:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(
            profile, executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_FLAGS
        )
        page = context.new_page()
        page.route(lambda url: not url.startswith("file:"), lambda route: route.abort())
        start = time.perf_counter()
        page.goto(page_path.as_uri())
        page.wait_for_selector("body[data-ready=true]", timeout=600_000)
        seconds = time.perf_counter() - start
        context.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[500, 2000, 5000])
    parser.add_argument("--browser", action="store_true", help="also time headless Chromium")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    print("| entities | links | write_html s | page MB | browser ready s |")
    print("|---:|---:|---:|---:|---:|")
    for n in args.sizes:
        G = corridor_graph(n)
        out = OUT / f"corridor-{n}.html"
        start = time.perf_counter()
        write_html(G, out)
        seconds = time.perf_counter() - start
        ready = f"{browser_seconds(out):.1f}" if args.browser else "-"
        size = out.stat().st_size / 1e6
        print(f"| {len(G)} | {G.number_of_edges()} | {seconds:.2f} | {size:.2f} | {ready} |")


if __name__ == "__main__":
    main()

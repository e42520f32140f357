"""Export the graph for other tools: RDF serialisations of the dataset, and GraphML, GEXF or CSV
of the networkx view for Gephi, Cytoscape and spreadsheets.

Every export is rendered in memory and then written atomically: an error leaves no partial file.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter
from rdflib import Dataset, Graph, Literal
from rdflib.plugins.serializers.trig import TrigSerializer
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.term import Node

from g60kg.output import check_output_path, write_bytes, write_files

from .formats import FORMATS, GRAPH_FORMATS, RDF_FORMATS

__all__ = ["FORMATS", "GRAPH_FORMATS", "RDF_FORMATS", "export", "flat_graph"]


def _evidence_text(item: dict[str, Any]) -> str:
    where = str(item.get("source_title") or item.get("source") or "")
    if item.get("start") is not None:
        where += f" [{item['start']}–{item.get('end', '')}]"
    return f"{item.get('quote', '')} — {where}" if where else str(item.get("quote", ""))


def flat_graph(G: nx.MultiDiGraph, *, lang: str = "zh") -> nx.MultiDiGraph:
    """Return a copy of `G` whose attribute values are all strings or integers.

    Lists become "|"-separated text, `attrs` become `attr_<key>` columns, evidence becomes a
    count, the quotes with their sources, and the full spans as JSON. `label` is the label in
    `lang` (what Gephi and Cytoscape show).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("id/a", label_zh="洞泾镇", type="Town", types=["Town", "Place"])
    >>> flat_graph(G).nodes["id/a"]["types"]
    'Town|Place'
    """
    other = "en" if lang == "zh" else "zh"
    if not G.is_multigraph():
        G = nx.MultiDiGraph(G)
    flat = nx.MultiDiGraph()
    # Sorted nodes, edges, attributes and evidence: the store's iteration order varies between
    # runs, the bytes written must not.
    for node, data in sorted(G.nodes(data=True), key=lambda item: str(item[0])):
        zh, en = str(data.get("label_zh") or ""), str(data.get("label_en") or "")
        row: dict[str, Any] = {
            "label": str(data.get(f"label_{lang}") or data.get(f"label_{other}") or node),
            "label_zh": zh,
            "label_en": en,
            "type": str(data.get("type") or ""),
            "types": "|".join(data.get("types") or []),
        }
        attrs = data.get("attrs") or {}
        row.update({f"attr_{k}": str(attrs[k]) for k in sorted(attrs)})
        flat.add_node(node, **row)
    edges = sorted(G.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    for u, v, key, data in edges:
        evidence = sorted(
            data.get("evidence") or [],
            key=lambda item: json.dumps(item, sort_keys=True, default=str),
        )
        flat.add_edge(
            u,
            v,
            key=key,
            label=str(data.get(f"label_{lang}") or data.get(f"label_{other}") or key),
            predicate=str(data.get("predicate") or key),
            label_zh=str(data.get("label_zh") or ""),
            label_en=str(data.get("label_en") or ""),
            evidence_count=len(evidence),
            evidence=" | ".join(_evidence_text(item) for item in evidence),
            evidence_json=json.dumps(evidence, ensure_ascii=False, sort_keys=True),
        )
    return flat


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> bytes:
    text = io.StringIO(newline="")
    writer = csv.DictWriter(text, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue().encode("utf-8")


def _csv_files(flat: nx.MultiDiGraph) -> dict[str, bytes]:
    """nodes.csv and edges.csv, with the column names Gephi's import recognises (Id, Source…)."""
    node_rows = [{"Id": n, "Label": d["label"], **d} for n, d in flat.nodes(data=True)]
    attrs = sorted({k for _, d in flat.nodes(data=True) for k in d if k.startswith("attr_")})
    node_cols = ["Id", "Label", "label_zh", "label_en", "type", "types", *attrs]
    for row in node_rows:
        row.pop("label")
    edge_rows = [
        {"Source": u, "Target": v, "Type": "Directed", "Label": d["label"], "key": k, **d}
        for u, v, k, d in flat.edges(keys=True, data=True)
    ]
    for row in edge_rows:
        row.pop("label")
    edge_cols = ["Source", "Target", "Type", "Label", "key", "predicate", "label_zh", "label_en"]
    edge_cols += ["evidence_count", "evidence", "evidence_json"]
    return {"nodes.csv": _csv(node_rows, node_cols), "edges.csv": _csv(edge_rows, edge_cols)}


def _union(dataset: Graph) -> Graph:
    union = Graph()
    for prefix, namespace in dataset.namespaces():
        union.bind(prefix, namespace)
    if isinstance(dataset, Dataset):
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            union.add((s, p, o))
    else:
        for triple in dataset:
            union.add(triple)
    return union


def _long_form(serializer: TurtleSerializer, node: Node) -> str | None:
    """The literal's full form where Turtle's short form would change its lexical form.

    rdflib writes xsd:decimal "10000000000" as 10000000000.0 and xsd:double "1.5" as 1.5e+00,
    which read back as other terms: the dataset would not round-trip.
    """
    if not isinstance(node, Literal) or node.datatype is None:
        return None
    if node._literal_n3(use_plain=True) == str(node):
        return None
    return node._literal_n3(qname_callback=lambda dt: serializer.get_pname(dt, False))


class _ExactTurtle(TurtleSerializer):
    def label(self, node: Node, position: int) -> str:
        return _long_form(self, node) or super().label(node, position)


class _ExactTrig(TrigSerializer):
    def __init__(self, store: Graph) -> None:
        super().__init__(store)
        self.contexts.sort(key=lambda graph: str(graph.identifier))  # the store keeps no order

    def label(self, node: Node, position: int) -> str:
        return _long_form(self, node) or super().label(node, position)


def _with_graphs(graph: Graph) -> Graph:
    """A dataset as it is; a plain graph as the default graph of a new dataset."""
    if graph.context_aware:
        return graph
    dataset = Dataset()
    for prefix, namespace in graph.namespaces():
        dataset.bind(prefix, namespace)
    for triple in graph:
        dataset.add(triple)
    return dataset


def _rdf_bytes(graph: Graph, fmt: str) -> bytes:
    dataset = _with_graphs(graph)
    buffer = io.BytesIO()
    if fmt == "turtle":
        _ExactTurtle(_union(dataset)).serialize(buffer, encoding="utf-8")
    elif fmt == "trig":
        _ExactTrig(dataset).serialize(buffer, encoding="utf-8")
    elif fmt == "nquads":
        dataset.serialize(buffer, format="nquads", encoding="utf-8")
        lines = sorted(line for line in buffer.getvalue().split(b"\n") if line)
        return b"".join(line + b"\n" for line in lines)
    else:
        dataset.serialize(buffer, format="json-ld", encoding="utf-8")
        document = _sorted_jsonld(json.loads(buffer.getvalue()))
        return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    return buffer.getvalue()


def _sorted_jsonld(value: Any, key: str = "") -> Any:
    """The JSON-LD document with keys and unordered arrays sorted (an `@list` keeps its order).

    The store yields graphs and statements in no fixed order; sorted, the same dataset gives the
    same file.
    """
    if isinstance(value, dict):
        return {k: _sorted_jsonld(v, k) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_sorted_jsonld(v) for v in value]
        if key == "@list":
            return items
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def export(source: Any, format: str, out: Path | str, *, lang: str = "zh") -> list[Path]:
    """Write `source` in `format` to `out` and return the files written.

    Parameters
    ----------
    source : an rdflib `Dataset` (or `Graph`) for turtle, trig, nquads and jsonld; the networkx
        view (`kg.nx`) for graphml, gexf and csv. An object with `.dataset` and `.nx`
        attributes (the loaded graph) serves both.
    format : one of `FORMATS`.
    out : a file; for csv a folder (created if missing) that receives nodes.csv and edges.csv.
    lang : which label becomes `label` in graphml, gexf and csv ("zh" or "en").

    Raises
    ------
    OutputError : the folder of `out` is missing or not writable.
    ValueError : an unknown format or language.
    TypeError : `source` is not what the format needs.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}; choose one of: {', '.join(FORMATS)}")
    if lang not in ("zh", "en"):
        raise ValueError(f"unknown language {lang!r}; choose one of: zh, en")
    if format in RDF_FORMATS:
        dataset = getattr(source, "dataset", source)
        if not isinstance(dataset, Graph):
            raise TypeError(f"{format} needs the RDF dataset, not {type(source).__name__}")
        check_output_path(out)
        return [write_bytes(out, _rdf_bytes(dataset, format))]

    G = getattr(source, "nx", source)
    if not isinstance(G, nx.Graph):
        raise TypeError(f"{format} needs the networkx view (kg.nx), not {type(source).__name__}")
    flat = flat_graph(G, lang=lang)
    if format == "csv":
        return write_files(out, _csv_files(flat))
    check_output_path(out)
    buffer = io.BytesIO()
    if format == "graphml":
        nx.write_graphml(flat, buffer, encoding="utf-8", named_key_ids=True)
    else:
        _write_gexf(flat, buffer)
    return [write_bytes(out, buffer.getvalue())]


def _write_gexf(G: nx.MultiDiGraph, buffer: io.BytesIO) -> None:
    """GEXF 1.2 without the date networkx stamps in it: the same graph gives the same file."""
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
    writer.add_graph(G)
    writer.write(buffer)

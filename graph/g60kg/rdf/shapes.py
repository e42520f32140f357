"""SHACL Core shapes compiled to SPARQL, so the shapes run inside the store.

pyshacl walks the graph node by node in Python; at a million quads that takes minutes. The
SHACL Core constraints our shapes use map onto plain SPARQL, one query per constraint, which
Oxigraph answers in seconds. `compile_shapes` refuses any construct it does not translate, so a
new kind of shape fails loudly instead of being skipped.

Two deliberate differences from pyshacl, both about literals: `sh:datatype` compares datatype
IRIs only (an ill-formed lexical form such as "abc"^^xsd:integer is not reported), and an
integer-derived datatype (`xsd:nonNegativeInteger`, …) also accepts an `xsd:integer` in its
value range, because Oxigraph stores those literals as `xsd:integer`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from ..errors import UnsupportedShape
from .ontology import ontology_dir

__all__ = ["ShapeQuery", "compile_shapes", "shape_problems"]

SH = Namespace("http://www.w3.org/ns/shacl#")
INTEGER_RANGES = {
    XSD.nonNegativeInteger: ">= 0",
    XSD.positiveInteger: "> 0",
    XSD.nonPositiveInteger: "<= 0",
    XSD.negativeInteger: "< 0",
}
IGNORED = {RDF.type, SH.message, SH.name, SH.description, RDFS.comment, RDFS.label}
NODE_KEYS = {SH.targetClass, SH.targetObjectsOf, SH.property, SH.nodeKind, SH["class"], SH["or"]}
VALUE_KEYS = {
    SH.datatype, SH.nodeKind, SH.languageIn, SH.pattern, SH["class"], SH["in"],
    SH.minInclusive, SH.maxInclusive, SH["or"],
}  # fmt: skip
COUNT_KEYS = {SH.minCount, SH.maxCount, SH.qualifiedValueShape, SH.qualifiedMinCount}


@dataclass(frozen=True)
class ShapeQuery:
    """One constraint as a query whose rows (`?focus`) are the nodes that break it."""

    shape: str
    path: str | None
    message: str
    sparql: str


def _n3(term: Node) -> str:
    return str(term.n3())


def _values(shapes: Graph, node: Node, key: URIRef) -> list[Node]:
    return sorted(shapes.objects(node, key), key=str)


def _one(shapes: Graph, node: Node, key: URIRef) -> Node | None:
    found = _values(shapes, node, key)
    return found[0] if found else None


def _items(shapes: Graph, head: Node) -> list[Node]:
    return list(Collection(shapes, head))


def _check_keys(shapes: Graph, node: Node, allowed: set[URIRef], where: str) -> None:
    for key in set(shapes.predicates(node, None)) - allowed - IGNORED:
        raise UnsupportedShape(f"{where}: {_n3(key)} is not translated to SPARQL")


def _is_instance(var: str, cls: Node) -> str:
    return f"EXISTS {{ {var} rdf:type/rdfs:subClassOf* {_n3(cls)} }}"


def _value_conditions(shapes: Graph, node: Node, where: str) -> Iterator[tuple[str, str]]:
    """(constraint name, SPARQL expression true when ?v conforms) for each value constraint."""
    for datatype in _values(shapes, node, SH.datatype):
        test = f"(isLiteral(?v) && DATATYPE(?v) = {_n3(datatype)})"
        if datatype in INTEGER_RANGES:
            test = (
                f"({test} || (isLiteral(?v) && DATATYPE(?v) = xsd:integer "
                f"&& ?v {INTEGER_RANGES[datatype]}))"  # type: ignore[index]
            )
        yield f"sh:datatype {_n3(datatype)}", test
    for kind in _values(shapes, node, SH.nodeKind):
        kinds = {SH.IRI: "isIRI(?v)", SH.Literal: "isLiteral(?v)", SH.BlankNode: "isBlank(?v)"}
        if kind not in kinds:
            raise UnsupportedShape(f"{where}: sh:nodeKind {_n3(kind)}")
        yield f"sh:nodeKind {_n3(kind)}", kinds[kind]  # type: ignore[index]
    for head in _values(shapes, node, SH.languageIn):
        langs = " || ".join(f'LANGMATCHES(LANG(?v), "{lang}")' for lang in _items(shapes, head))
        yield "sh:languageIn", f"(isLiteral(?v) && ({langs}))"
    for pattern in _values(shapes, node, SH.pattern):
        flags = _one(shapes, node, SH.flags)
        args = f", {_n3(Literal(str(flags)))}" if flags else ""
        yield f"sh:pattern {pattern}", f"(!isBlank(?v) && REGEX(STR(?v), {_n3(pattern)}{args}))"
    for cls in _values(shapes, node, SH["class"]):
        yield f"sh:class {_n3(cls)}", _is_instance("?v", cls)
    for head in _values(shapes, node, SH["in"]):
        members = ", ".join(_n3(item) for item in _items(shapes, head))
        yield "sh:in", f"(?v IN ({members}))"
    for key, op in ((SH.minInclusive, ">="), (SH.maxInclusive, "<=")):
        for bound in _values(shapes, node, key):
            yield (
                f"sh:{key.removeprefix(str(SH))} {bound}",
                f"COALESCE(?v {op} {_n3(bound)}, false)",
            )
    for head in _values(shapes, node, SH["or"]):
        options = []
        for option in _items(shapes, head):
            _check_keys(shapes, option, VALUE_KEYS, f"{where} sh:or")
            tests = [test for _, test in _value_conditions(shapes, option, where)]
            options.append("(" + " && ".join(tests or ["true"]) + ")")
        yield "sh:or", "(" + " || ".join(options) + ")"


def _targets(shapes: Graph, shape: Node) -> str | None:
    parts = []
    classes = _values(shapes, shape, SH.targetClass)
    if classes:
        values = " ".join(_n3(c) for c in classes)
        parts.append(
            f"{{ VALUES ?class {{ {values} }} ?focus rdf:type ?type . "
            "?type rdfs:subClassOf* ?class }"
        )
    for prop in _values(shapes, shape, SH.targetObjectsOf):
        parts.append(f"{{ ?subject {_n3(prop)} ?focus }}")
    return " UNION ".join(parts) if parts else None


def _query(target: str, body: str) -> str:
    return (
        "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
        f"SELECT DISTINCT ?focus WHERE {{\n  {{ SELECT DISTINCT ?focus WHERE {{ {target} }} }}\n"
        f"  {body}\n}}"
    )


def _property_queries(shapes: Graph, shape: Node, prop: Node, target: str) -> Iterator[ShapeQuery]:
    where = f"{_n3(shape)} property {_n3(prop)}"
    _check_keys(shapes, prop, {SH.path} | VALUE_KEYS | COUNT_KEYS, where)
    path = _one(shapes, prop, SH.path)
    if not isinstance(path, URIRef):
        raise UnsupportedShape(f"{where}: only a single IRI sh:path is translated")
    message = _one(shapes, prop, SH.message)
    p = _n3(path)

    def made(name: str, body: str) -> ShapeQuery:
        return ShapeQuery(str(shape), str(path), str(message or name), _query(target, body))

    for name, test in _value_conditions(shapes, prop, where):
        yield made(name, f"?focus {p} ?v . FILTER (!({test}))")
    for key, having in ((SH.minCount, "<"), (SH.maxCount, ">")):
        for count in _values(shapes, prop, key):
            yield made(
                f"sh:{key.removeprefix(str(SH))} {count}",
                f"{{ SELECT ?focus (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {{ SELECT DISTINCT ?focus "
                f"WHERE {{ {target} }} }} OPTIONAL {{ ?focus {p} ?v }} }} GROUP BY ?focus }}\n"
                f"  FILTER (?n {having} {count})",
            )
    qualified = _one(shapes, prop, SH.qualifiedValueShape)
    if qualified is not None:
        _check_keys(shapes, qualified, VALUE_KEYS, f"{where} sh:qualifiedValueShape")
        tests = " && ".join(test for _, test in _value_conditions(shapes, qualified, where))
        least = _one(shapes, prop, SH.qualifiedMinCount) or Literal(0)
        yield made(
            f"sh:qualifiedMinCount {least}",
            f"{{ SELECT ?focus (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {{ SELECT DISTINCT ?focus "
            f"WHERE {{ {target} }} }} OPTIONAL {{ ?focus {p} ?v FILTER ({tests or 'true'}) }} }} "
            f"GROUP BY ?focus }}\n  FILTER (?n < {least})",
        )


def _node_queries(shapes: Graph, shape: Node, target: str) -> Iterator[ShapeQuery]:
    message = _one(shapes, shape, SH.message)
    where = _n3(shape)
    for kind in _values(shapes, shape, SH.nodeKind):
        name = f"sh:nodeKind {_n3(kind)}"
        test = {SH.IRI: "isIRI(?focus)", SH.BlankNode: "isBlank(?focus)"}.get(kind)  # type: ignore[call-overload]
        if test is None:
            raise UnsupportedShape(f"{where}: {name}")
        yield ShapeQuery(
            str(shape), None, str(message or name), _query(target, f"FILTER (!{test})")
        )
    for cls in _values(shapes, shape, SH["class"]):
        name = f"sh:class {_n3(cls)}"
        body = f"FILTER (!{_is_instance('?focus', cls)})"
        yield ShapeQuery(str(shape), None, str(message or name), _query(target, body))
    for head in _values(shapes, shape, SH["or"]):
        options = []
        for option in _items(shapes, head):
            _check_keys(shapes, option, {SH.path, SH.minCount}, f"{where} sh:or")
            path = _one(shapes, option, SH.path)
            if not isinstance(path, URIRef) or _one(shapes, option, SH.minCount) != Literal(1):
                raise UnsupportedShape(f"{where}: sh:or options must be [sh:path P; sh:minCount 1]")
            options.append(f"EXISTS {{ ?focus {_n3(path)} ?any }}")
        body = f"FILTER (!({' || '.join(options)}))"
        yield ShapeQuery(str(shape), None, str(message or "sh:or"), _query(target, body))


def compile_shapes(shapes: Graph) -> list[ShapeQuery]:
    """Every constraint of every targeted node shape as a SPARQL query.

    >>> from g60kg.rdf.ontology import ontology_dir
    >>> queries = compile_shapes(Graph().parse(ontology_dir() / "shapes.ttl"))
    >>> any(q.message == "a quantity has a unit" for q in queries)
    True
    """
    found: list[ShapeQuery] = []
    for shape in sorted(shapes.subjects(RDF.type, SH.PropertyShape), key=str):
        if _targets(shapes, shape):
            raise UnsupportedShape(f"{_n3(shape)}: targets on a property shape")
    for shape in sorted(shapes.subjects(RDF.type, SH.NodeShape), key=str):
        target = _targets(shapes, shape)
        if target is None:
            continue
        _check_keys(shapes, shape, NODE_KEYS, _n3(shape))
        found += _node_queries(shapes, shape, target)
        for prop in _values(shapes, shape, SH.property):
            found += _property_queries(shapes, shape, prop, target)
    return found


def shape_problems(data: Graph, shapes_path: Path | None = None) -> list[str]:
    """One line per violation, as `validate.shacl_problems` writes them, found by SPARQL.

    `data` is queried as one graph: pass a union-default `Dataset` (as `g60kg.load` gives) or
    a plain `Graph`. On Oxigraph every query runs natively.
    """
    shapes = Graph().parse(shapes_path or ontology_dir() / "shapes.ttl", format="turtle")
    lines = set()
    for query in compile_shapes(shapes):
        for row in data.query(query.sparql):
            path = f" {query.path}" if query.path else ""
            lines.add(f"SHACL: {row[0]}{path}: {query.message}")  # type: ignore[index]
    return sorted(lines)

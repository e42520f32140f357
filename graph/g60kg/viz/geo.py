"""Place the corridor on a map: administrative centroids from an offline gazetteer, no tiles.

Coordinates come from the county-level centroids that the `cpca` package ships
(`cpca/resources/adcodes.csv`, longitude and latitude per division code), read as a data file
without importing the package. A unit below county level (a town) takes its county's centroid; a
site or organisation takes the centroid of the place it lies in (`directlyWithin`, `locatedIn`,
`settledIn`), fanned out around it on a small golden-angle spiral so that neighbours do not cover
each other. Nothing is fetched: the map is the nine members, their districts and what sits there,
drawn in longitude/latitude.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping
from functools import cache
from importlib import metadata
from pathlib import Path

import networkx as nx

from ..errors import GazetteerError

__all__ = ["GazetteerError", "division_centroids", "map_graph", "place_coordinates"]

# Relations that put a thing in a place, in order of preference.
PLACING = ("directlyWithin", "locatedIn", "settledIn", "heldIn")
# Map degrees to screen units for the interactive page (about 1 km = 1 unit near the corridor).
PAGE_SCALE = 100.0
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


@cache
def division_centroids() -> dict[str, tuple[float, float]]:
    """Longitude and latitude of every county-level and higher division, keyed by 6-digit code.

    >>> lon, lat = division_centroids()["310117"]   # 松江区
    >>> 121.0 < lon < 121.5 and 30.9 < lat < 31.2
    True
    """
    try:
        dist = metadata.distribution("cpca")
    except metadata.PackageNotFoundError as err:
        raise GazetteerError(
            "the map needs the offline gazetteer of the 'cpca' package; pip install cpca"
        ) from err
    text = Path(str(dist.locate_file("cpca/resources/adcodes.csv"))).read_text(encoding="utf-8")
    table: dict[str, tuple[float, float]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        code = row["adcode"][:6]
        if row["longitude"] and row["latitude"]:
            table[code] = (float(row["longitude"]), float(row["latitude"]))
    return table


def _code(G: nx.MultiDiGraph, node: str) -> str | None:
    code = (G.nodes[node].get("attrs") or {}).get("divisionCode")
    return str(code) if code else None


def _centroid(code: str, table: Mapping[str, tuple[float, float]]) -> tuple[float, float] | None:
    """A county-level or higher unit's own centroid (the gazetteer has none below counties)."""
    return table.get(code) if len(code) == 6 else None


def _nearest_centroid(code: str, table: Mapping[str, tuple[float, float]]) -> str | None:
    """The code of the closest unit above one the gazetteer lacks: county, then city, province."""
    for prefix in (code[:6], code[:4] + "00", code[:2] + "0000"):
        if prefix in table:
            return prefix
    return None


def _parent(G: nx.MultiDiGraph, node: str) -> str | None:
    for relation in PLACING:
        targets = sorted(v for _, v, k in G.out_edges(node, keys=True) if k == relation)
        if targets:
            return str(targets[0])
    return None


def place_coordinates(G: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Longitude and latitude of every entity of `G` that can be placed on the map.

    Administrative units take their gazetteer centroid; anything placed in a unit (at any depth)
    takes that centroid plus a small deterministic offset, so that siblings do not overlap.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("sj", attrs={"divisionCode": "310117"})
    >>> G.add_node("base")
    >>> _ = G.add_edge("base", "sj", key="directlyWithin")
    >>> sorted(place_coordinates(G))
    ['base', 'sj']
    """
    table = division_centroids()
    anchored: dict[str, tuple[float, float]] = {}
    for node in G.nodes:
        code = _code(G, node)
        point = _centroid(code, table) if code else None
        if point is not None:
            anchored[node] = point
    children: dict[str, list[str]] = {}
    for node in sorted(G.nodes):
        if node in anchored:
            continue
        seen = {node}
        parent = _parent(G, node)
        while parent is not None and parent not in anchored and parent not in seen:
            seen.add(parent)
            parent = _parent(G, parent)
        code = _code(G, node)
        if parent is None and code and (nearest := _nearest_centroid(code, table)):
            parent = f"division:{nearest}"  # a unit below county level with no parent in G
            anchored.setdefault(parent, table[nearest])
        if parent in anchored:
            children.setdefault(parent, []).append(node)
    placed = {node: point for node, point in anchored.items() if node in G}
    for parent, members in children.items():
        lon, lat = anchored[parent]
        # units below the parent (districts, towns) take the inner turns, so they stay closest
        members.sort(key=lambda n: G.nodes[n].get("type") not in ("District", "Town"))
        for i, node in enumerate(members, 1):
            radius = 0.012 * math.sqrt(i)
            angle = i * GOLDEN_ANGLE
            placed[node] = (lon + radius * math.cos(angle), lat + radius * math.sin(angle))
    return placed


MAP_KINDS = ("City", "District", "Town", "Site")


def map_graph(G: nx.MultiDiGraph, *, kinds: tuple[str, ...] = MAP_KINDS) -> nx.MultiDiGraph:
    """The places of `G` that have a spot on the map, each node with `lon`, `lat` and `pos`.

    `kinds` are the classes kept (by default cities, districts, towns and sites; provinces are
    left out, their centroid being their capital's); add "Organization" or "Event" to place those.
    `pos` is in page units (x east, y south, as a browser draws).
    """
    coordinates = {
        node: point
        for node, point in place_coordinates(G).items()
        if set(G.nodes[node].get("types") or ()) & set(kinds)
    }
    H: nx.MultiDiGraph = G.subgraph(coordinates).copy()
    if not coordinates:
        return H
    mean_lat = sum(lat for _, lat in coordinates.values()) / len(coordinates)
    shrink = math.cos(math.radians(mean_lat))
    for node, (lon, lat) in coordinates.items():
        H.nodes[node].update(lon=lon, lat=lat, pos=(lon * shrink * PAGE_SCALE, -lat * PAGE_SCALE))
    return H

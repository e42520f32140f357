"""The map view: places at their administrative centroids, drawn without any tile server."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from g60kg.cli import main
from g60kg.kg import load
from g60kg.viz.geo import division_centroids, map_graph, place_coordinates

CITIES = {
    "adm-310117": "Songjiang",
    "adm-330400": "Jiaxing",
    "adm-330100": "Hangzhou",
    "adm-330700": "Jinhua",
    "adm-320500": "Suzhou",
    "adm-330500": "Huzhou",
    "adm-341800": "Xuancheng",
    "adm-340200": "Wuhu",
    "adm-340100": "Hefei",
}
ID = "https://w3id.org/g60kg/id/"


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return load().nx


def test_the_nine_members_lie_where_the_corridor_is(G: nx.MultiDiGraph) -> None:
    coordinates = place_coordinates(G)
    points = {name: coordinates[ID + code] for code, name in CITIES.items()}
    for lon, lat in points.values():
        assert 116.5 < lon < 122.0 and 28.5 < lat < 32.5
    # Songjiang is the corridor's eastern end and Hefei its western one; Jinhua lies furthest south.
    assert max(points, key=lambda n: points[n][0]) == "Songjiang"
    assert min(points, key=lambda n: points[n][0]) == "Hefei"
    assert min(points, key=lambda n: points[n][1]) == "Jinhua"


def test_a_town_and_its_sites_sit_near_their_district_not_on_it(G: nx.MultiDiGraph) -> None:
    coordinates = place_coordinates(G)
    songjiang = coordinates[ID + "adm-310117"]
    dongjing = coordinates[ID + "adm-310117106"]
    assert dongjing != songjiang
    assert abs(dongjing[0] - songjiang[0]) < 0.1 and abs(dongjing[1] - songjiang[1]) < 0.1


def test_map_keeps_units_and_sites_not_provinces(G: nx.MultiDiGraph) -> None:
    H = map_graph(G)
    kinds = {d["type"] for _, d in H.nodes(data=True)}
    assert "City" in kinds and "Province" not in kinds and "Company" not in kinds
    assert all("pos" in d and "lon" in d for _, d in H.nodes(data=True))


def test_the_gazetteer_is_read_offline_from_the_installed_package() -> None:
    lon, lat = division_centroids()["340100"]  # 合肥市
    assert 117.0 < lon < 117.5 and 31.6 < lat < 32.0


def test_cli_writes_a_map_page_with_fixed_positions_and_a_png(tmp_path: Path) -> None:
    runner = CliRunner()
    page = tmp_path / "map.html"
    result = runner.invoke(main, ["viz", "--map", "--out", str(page), "--lang", "en"])
    assert result.exit_code == 0, result.output
    text = page.read_text(encoding="utf-8")
    data = json.loads(
        re.search(r'<script type="application/json"[^>]*>(.*?)</script>', text, re.S).group(1)
    )  # type: ignore[union-attr]
    assert data["options"]["physics"]["enabled"] is False
    labels = {node["label"] for node in data["nodes"]}
    assert {"Hefei", "Songjiang District", "Jinhua"} <= labels
    picture = tmp_path / "map.png"
    result = runner.invoke(main, ["viz", "--map", "--out", str(picture)])
    assert result.exit_code == 0, result.output
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and picture.stat().st_size > 20_000

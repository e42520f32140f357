"""How each class of entity looks: a colour and a shape, shared by the HTML and the pictures."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Style", "node_size", "style_of"]


@dataclass(frozen=True)
class Style:
    """The look of one class: a vis-network shape, its text symbol for legends, and a colour."""

    shape: str
    symbol: str
    color: str

    @property
    def marker(self) -> str:
        """The matplotlib marker of the shape."""
        return _MARKERS[self.shape]


_MARKERS = {
    "dot": "o",
    "square": "s",
    "diamond": "D",
    "triangle": "^",
    "star": "*",
    "hexagon": "h",
    "triangleDown": "v",
}
_DOT = ("dot", "●")
_SQUARE = ("square", "■")
_DIAMOND = ("diamond", "◆")
_TRIANGLE = ("triangle", "▲")
_STAR = ("star", "★")
_HEXAGON = ("hexagon", "⬢")
_DOWN = ("triangleDown", "▼")

# Most specific classes first within a family; families differ by shape, classes by colour.
_STYLES: dict[str, Style] = {
    name: Style(shape, symbol, color)
    for (shape, symbol), classes in [
        (
            _DOT,
            {
                "Province": "#08306b",
                "Municipality": "#08519c",
                "ProvinceLevelUnit": "#08519c",
                "City": "#2171b5",
                "District": "#4292c6",
                "Town": "#6baed6",
                "AdministrativeUnit": "#9ecae1",
                "Corridor": "#3f007d",
                "Region": "#6a51a3",
                "Road": "#969696",
                "Place": "#bdbdbd",
            },
        ),
        (
            _SQUARE,
            {
                "ScienceCity": "#00441b",
                "PilotZone": "#006d2c",
                "ComputingCentre": "#1b7837",
                "IndustrialBase": "#00441b",
                "IndustrialPark": "#238b45",
                "FeatureTown": "#41ab5d",
                "InnovationBase": "#74c476",
                "PlannedZone": "#a1d99b",
                "Site": "#c7e9c0",
            },
        ),
        (
            _DIAMOND,
            {
                "Company": "#d94801",
                "University": "#7f2704",
                "Laboratory": "#8c2d04",
                "ResearchInstitute": "#a63603",
                "Fund": "#f16913",
                "IndustryAlliance": "#fd8d3c",
                "GovernmentBody": "#a50f15",
                "PartyCommittee": "#cb181d",
                "CooperationBody": "#fd8d3c",
                "Organization": "#fdae6b",
            },
        ),
        (_TRIANGLE, {"Person": "#ae017e", "Post": "#f768a1"}),
        (
            _STAR,
            {
                "Conference": "#e7298a",
                "Summit": "#ce1256",
                "SigningCeremony": "#dd3497",
                "Unveiling": "#c994c7",
                "Launch": "#df65b0",
                "PanelDiscussion": "#d4b9da",
                "Exhibition": "#980043",
                "Competition": "#e78ac3",
                "Groundbreaking": "#91003f",
                "Opening": "#f1b6da",
                "Event": "#e7e1ef",
            },
        ),
        (
            _HEXAGON,
            {
                "Investment": "#b8860b",
                "PostHolding": "#daa520",
                "Observation": "#eedd82",
                "StatusChange": "#bdb76b",
                "Target": "#cdad00",
                "Fact": "#f0e68c",
            },
        ),
        (
            _DOWN,
            {
                "Plan": "#01665e",
                "Slogan": "#35978f",
                "Programme": "#80cdc1",
                "Component": "#c7eae5",
                "PlanDocument": "#543005",
                "PolicyDocument": "#8c510a",
                "Document": "#bf812d",
                "Platform": "#5e3c99",
            },
        ),
    ]
    for name, color in classes.items()
}
_OTHER = Style("dot", "●", "#7f7f7f")


def style_of(types: Sequence[str]) -> Style:
    """Return the style of the most specific class in `types` that has one (grey otherwise).

    >>> style_of(["Town", "AdministrativeUnit"]).shape
    'dot'
    >>> style_of(["SomethingNew"]).color
    '#7f7f7f'
    """
    for name in types:
        if name in _STYLES:
            return _STYLES[name]
    return _OTHER


def node_size(degree: int) -> float:
    """Return a node's drawn size from its number of links: grows with the square root, capped.

    >>> node_size(0), node_size(4), node_size(10_000)
    (10.0, 18.0, 50.0)
    """
    return min(10.0 + 4.0 * math.sqrt(degree), 50.0)

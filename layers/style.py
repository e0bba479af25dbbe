"""Colours, line styles and legend entries: one definition for screen and print."""

from __future__ import annotations

from dataclasses import dataclass

import texts

# Eleven colours light enough that black labels and dark outlines stay readable on a projector, every pair
# ΔE(CAM02-UCS) >= 10 apart with normal vision and under simulated deutan, protan and tritan vision (no
# published 11-colour set does that: Paul Tol's "light" scheme (#ffaabb, #aaaa00, #44bb99, #bbcc33), Okabe-Ito
# (#cc79a7), ColorBrewer Set3 (#fb8072, #bebada, #ffed6f), Paired (#b2df8a) and Pastel2 (#e6f5c9), Tol's "pale"
# (#cceeff)). In the order of the 2021 district list (district_colours), so that neighbouring districts differ
# by ΔE >= 14.9 (tests/test_palettes.py).
DISTRICT_PALETTE = [
    "#ffaabb", "#fb8072", "#bebada", "#ffed6f", "#cceeff", "#aaaa00",
    "#44bb99", "#b2df8a", "#cc79a7", "#bbcc33", "#e6f5c9",
]
BACKGROUND = "#f4f1ea"
COMMUNE_EDGE = "#5f5f5f"
DISTRICT_EDGE = "#222222"
PROVINCE_EDGE = "#000000"
BORDER_LINE = "#c51b7d"  # ColorBrewer PiYG magenta: a red would match the dark classes under protan vision
SELECTION_EDGE = "#0b3d91"
DIM_FILL = "#ffffff"
NO_DATA = "#cfcfcf"  # units with no value in the current view
CLICKED_ROW = "#fff2a8"
VILLAGE_COLOUR = "#5e3c99"  # village points and count badges (static/map.css uses the same)
TOP_EDGE = "#e66101"  # "first to invest" outline in the priority view (ColorBrewer PuOr orange)
DIM_OPACITY = 0.65

COMMUNE_STYLE = {"color": COMMUNE_EDGE, "weight": 0.6, "fillOpacity": 1}  # the legend's and the print's colours
DISTRICT_STYLE = {"color": DISTRICT_EDGE, "weight": 2.2, "fill": False}
PROVINCE_STYLE = {"color": PROVINCE_EDGE, "weight": 3.2, "fill": False}
BORDER_STYLE = {"color": BORDER_LINE, "weight": 5, "dashArray": "10 6"}
TOP_STYLE = {"color": TOP_EDGE, "weight": 4, "fill": False}
SELECTION_STYLE = {"color": SELECTION_EDGE, "weight": 2.5, "fill": False}
# Uncertain zones (2026-2030): hatched in ZONE_HATCH over a light fill (static/map.css, templates/hatch.js).
ZONE_HATCH = "#6a3d9a"
ZONE_STYLE = {"color": ZONE_HATCH, "weight": 1.2, "dashArray": "4 3", "fillColor": ZONE_HATCH, "fillOpacity": 0.35}
DIM_STYLE = {"color": DIM_FILL, "weight": 0, "fillColor": DIM_FILL, "fillOpacity": DIM_OPACITY}


@dataclass(frozen=True)
class LegendEntry:
    label: str
    fill: str | None = None  # a filled box
    line: str | None = None  # or a line symbol
    dashed: bool = False
    weight: int = 2  # line symbols: pixel width, so province and district lines differ
    hatched: bool = False  # a box of diagonal lines: a place whose boundary is not known


# Official district names start with one of these (the GSO list); not text the app writes.
DISTRICT_PREFIX, CITY_PREFIX = "Huyện ", "Thành phố "  # not user text


def short_district_name(district: str) -> str:
    """'Huyện Cao Lộc' -> 'Cao Lộc'; 'Thành phố Lạng Sơn' -> 'TP Lạng Sơn' (labels, legends)."""
    for prefix, short in ((DISTRICT_PREFIX, "{name}"), (CITY_PREFIX, texts.CITY_SHORT)):
        if district.startswith(prefix):
            return short.format(name=district[len(prefix):])
    return district


def district_colours(districts: list[str], order: tuple[str, ...] = ()) -> dict[str, str]:
    """A stable colour per district: by its place in `order` (the 2021 list's district order, so a former
    district keeps its colour on the 2026-2030 map), else in the order given."""
    present = set(districts)
    ordered = list(dict.fromkeys(order or districts))
    return {d: DISTRICT_PALETTE[i % len(DISTRICT_PALETTE)] for i, d in enumerate(ordered) if d in present}


def district_legend(colours: dict[str, str]) -> list[LegendEntry]:
    return [LegendEntry(short_district_name(d), fill=c) for d, c in colours.items()]


def outline_legend(districts: bool = True, zones: bool = False) -> list[LegendEntry]:
    """The lines under every view: province, districts (2021-2025 only), border, uncertain zones (2026-2030)."""
    return [
        LegendEntry(texts.LEGEND_PROVINCE, line=PROVINCE_EDGE, weight=4),
        *([LegendEntry(texts.LEGEND_DISTRICT, line=DISTRICT_EDGE, weight=2)] if districts else []),
        LegendEntry(texts.LEGEND_BORDER, line=BORDER_LINE, dashed=True, weight=4),
        *([LegendEntry(texts.LEGEND_ZONES, fill=ZONE_HATCH, hatched=True)] if zones else []),
    ]

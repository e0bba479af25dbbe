"""The base map's shapes as layers drawn from shared geometry (templates/map_geometry.js).

The geometry is the data set's (`WebLayers`), fetched from its static file when the page has one (`url`),
else written inline (a downloaded map, the comparison page). The element itself carries only what a view
changes: the units' colours and tooltip lines.
"""

from __future__ import annotations

from layers import style
from layers.web.elements import Script
from layers.web.geojson import ZONE_FIELDS, WebLayers
from layers.web.webtext import web_text

# From this many units they are drawn on one canvas instead of one SVG path each (benchmarks/scale.py):
# SVG keeps a province's paths in the page (keyboard focus, CSS hatching, tests by selector).
CANVAS_FROM = 1500
HOVER_STYLE = {"weight": 3, "color": style.SELECTION_EDGE}
# The units a filter leaves out, washed out as the print map's white veil does it (style.DIM_STYLE).
DIMMED_STYLE = {"fillOpacity": round(1 - style.DIM_OPACITY, 3), "opacity": round(1 - style.DIM_OPACITY, 3)}


def geometry_layers(layers: WebLayers, fills: dict[str, str], details: dict[str, dict[str, str]],
                    url: str | None = None) -> Script:
    """The units coloured by `fills` (code -> colour), with the period's tooltip fields and a view's
    `details` (code -> label -> value; also a popup when there are any), then zones and outlines; their
    shapes fetched from `url` (the geometry's static file), else written in the page."""
    others = [{"key": "districts", "style": {**style.DISTRICT_STYLE, "className": "district-outline"}},
              {"key": "province", "style": {**style.PROVINCE_STYLE, "className": "province-outline"}},
              {"key": "border", "style": {**style.BORDER_STYLE, "className": "border-line"}}]
    if layers.has_zones:
        others.insert(0, {"key": "zones", "style": {**style.ZONE_STYLE, "className": "uncertain-zone"},
                          "fields": _fields(ZONE_FIELDS)})
    palette, fill_index = _fill_index(layers.unit_codes, fills)
    # With an overview (layers/web/detail_levels.py) that is drawn first and the geometry follows.
    two_levels = bool(url and layers.overview_url)
    return Script(
        "map_geometry.js", url=layers.overview_url if two_levels else url, geometry=None if url else layers.parts(),
        detail_url=url if two_levels else None, detail_from=layers.detail_from if two_levels else None,
        palette=palette, fill_index=fill_index, fields=_fields(layers.tooltip_fields), details=_detail_rows(details),
        unit_style={**style.COMMUNE_STYLE, "className": "commune"}, hover_style=HOVER_STYLE,
        dimmed_style=DIMMED_STYLE, chosen_style={**style.SELECTION_STYLE, "className": "commune-selected"},
        top_style={**style.TOP_STYLE, "className": "commune-top"},
        no_data=style.NO_DATA, others=others, canvas=len(layers.unit_codes) >= CANVAS_FROM)


def _fill_index(codes: tuple[str, ...], fills: dict[str, str]) -> tuple[list[str], list[int]]:
    """The view's colours as a palette and, per unit in the geometry's order, its colour's place in it (-1: no
    colour): a few bytes a unit instead of its code and colour, so a view of 10,000 units stays small."""
    palette = sorted(set(fills.values()))
    place = {colour: i for i, colour in enumerate(palette)}
    return palette, [place.get(fills.get(code), -1) for code in codes]


def _fields(fields: dict[str, str]) -> list[list[str]]:
    return [[key, web_text(label)] for key, label in fields.items()]


def _detail_rows(details: dict[str, dict[str, str]]) -> dict | None:
    """{"labels": [...], "values": {code: [...]}}, escaped: every unit shows every label, "–" where it has
    no value (a unit missing from `details` too)."""
    if not details:
        return None
    labels = list(dict.fromkeys(label for lines in details.values() for label in lines))
    return {"labels": [web_text(label) for label in labels],
            "values": {code: [web_text(lines.get(label, "–")) for label in labels] for code, lines in details.items()}}

"""Where the web map looks: centre and zoom for a set of communes.

st_folium can move the map to a centre and zoom without redrawing it, but has
no fit-to-bounds, so the Web Mercator arithmetic is done here.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from layers.prepared import MapData

MAP_HEIGHT_PX = 720
MAP_WIDTH_PX = 1000  # assumed: the page's map is about this wide on a desktop screen (its column sets it)
# The legend sits top right, at most this far in from the map's right edge (its box, up to ~360 px wide in
# static/map.css, and Leaflet's 10 px margin). A selection is fitted into the part of the map left of it,
# so the legend covers none of it; the province's opening view is left as it is (the legend covers only
# corners of it that hold no commune).
LEGEND_WIDTH_PX = 380


def view_for_bounds(bounds, width_px: int = MAP_WIDTH_PX, height_px: int = MAP_HEIGHT_PX,
                    max_zoom: float = 13.0, covered_right_px: int = 0) -> tuple[tuple[float, float], float]:
    """Centre and the largest quarter-step zoom at which `bounds` fits a map of this size, left of a strip
    `covered_right_px` wide on its right (the legend).

    The bounds' centre is put half the strip's width left of the map's centre: the middle of the free part
    whatever the map's real width (the zoom assumes `width_px`).
    """
    west, south, east, north = bounds

    def mercator_y(lat: float) -> float:
        s = math.sin(math.radians(lat))
        return math.log((1 + s) / (1 - s)) / 2

    world_x = max(east - west, 1e-6) / 360.0
    world_y = max(mercator_y(north) - mercator_y(south), 1e-9) / (2 * math.pi)
    padding = 0.9
    free_width = width_px - covered_right_px
    zoom = min(math.log2(free_width * padding / 256 / world_x), math.log2(height_px * padding / 256 / world_y))
    zoom = min(max_zoom, math.floor(zoom * 4) / 4)
    shift = covered_right_px / 2 / (256 * 2 ** zoom) * 360.0  # degrees of longitude per pixel at this zoom
    return ((south + north) / 2, (west + east) / 2 + shift), zoom


def view_of(data: MapData, codes: list[str]) -> tuple[tuple[float, float], float]:
    """Centre and zoom showing the chosen communes clear of the legend; the province (the map's opening view)
    for none or all."""
    chosen = data.web_communes[data.web_communes["gso_code"].isin(codes)]
    if chosen.empty or len(chosen) == len(data.web_communes):
        return view_for_bounds(data.layers.bounds)
    return view_for_bounds(tuple(chosen.total_bounds), covered_right_px=LEGEND_WIDTH_PX)

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


def view_for_bounds(bounds, width_px: int = 1000, height_px: int = MAP_HEIGHT_PX,
                    max_zoom: float = 13.0) -> tuple[tuple[float, float], float]:
    """Centre and the largest quarter-step zoom at which `bounds` fits a map of this size."""
    west, south, east, north = bounds
    centre = ((south + north) / 2, (west + east) / 2)

    def mercator_y(lat: float) -> float:
        s = math.sin(math.radians(lat))
        return math.log((1 + s) / (1 - s)) / 2

    world_x = max(east - west, 1e-6) / 360.0
    world_y = max(mercator_y(north) - mercator_y(south), 1e-9) / (2 * math.pi)
    padding = 0.9
    zoom = min(math.log2(width_px * padding / 256 / world_x), math.log2(height_px * padding / 256 / world_y))
    return centre, min(max_zoom, math.floor(zoom * 4) / 4)


def view_of(data: MapData, codes: list[str]) -> tuple[tuple[float, float], float]:
    """Centre and zoom showing the chosen communes; the province (the map's opening view) for none or all."""
    chosen = data.web_communes[data.web_communes["gso_code"].isin(codes)]
    if chosen.empty or len(chosen) == len(data.web_communes):
        return view_for_bounds(data.layers.bounds)
    return view_for_bounds(tuple(chosen.total_bounds))

"""Where the web map looks: centre and zoom for a set of communes.

st_folium can move the map to a centre and zoom without redrawing it, but has
no fit-to-bounds, so the Web Mercator arithmetic is done here.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import shapely

if TYPE_CHECKING:
    from layers.prepared import MapData

MAP_HEIGHT_PX = 720
MAP_WIDTH_PX = 1000  # assumed: the page's map is about this wide on a desktop screen (its column sets it)
# The legend sits top right, at most this far in from the map's right edge (its box, up to ~360 px wide in
# static/map.css, and Leaflet's 10 px margin), and at most this far down (its max-height, 60 % of the map's
# frame, and the margin). A selection is fitted so that none of it lies under that box; the province's opening
# view is left as it is (the legend covers only corners of it that hold no commune).
LEGEND_WIDTH_PX = 380
LEGEND_HEIGHT_PX = round(0.6 * MAP_HEIGHT_PX) + 10
PADDING = 0.9  # a fitted selection fills at most this share of the map's width and height
PLACEMENTS = (0.0, 0.5, 1.0)  # how far a selection may be moved left / down of centre, as shares of the room


def view_for_bounds(bounds, width_px: int = MAP_WIDTH_PX, height_px: int = MAP_HEIGHT_PX,
                    max_zoom: float = 13.0, covered_right_px: int = 0) -> tuple[tuple[float, float], float]:
    """Centre and the largest quarter-step zoom at which `bounds` fits a map of this size, left of a strip
    `covered_right_px` wide on its right (the legend).

    The bounds' centre is put half the strip's width left of the map's centre: the middle of the free part
    whatever the map's real width (the zoom assumes `width_px`).
    """
    west, south, east, north = bounds
    world_x = max(east - west, 1e-6) / 360.0
    world_y = max(_mercator_y(north) - _mercator_y(south), 1e-9) / (2 * math.pi)
    free_width = width_px - covered_right_px
    zoom = min(math.log2(free_width * PADDING / 256 / world_x), math.log2(height_px * PADDING / 256 / world_y))
    zoom = min(max_zoom, math.floor(zoom * 4) / 4)
    shift = covered_right_px / 2 / (256 * 2 ** zoom) * 360.0  # degrees of longitude per pixel at this zoom
    return ((south + north) / 2, (west + east) / 2 + shift), zoom


def view_clear_of_legend(shape, width_px: int = MAP_WIDTH_PX, height_px: int = MAP_HEIGHT_PX,
                         max_zoom: float = 13.0) -> tuple[tuple[float, float], float]:
    """Centre and the largest quarter-step zoom at which `shape` (lon/lat) fits the map with none of it under
    the legend's box (top right).

    A selection that leaves the top right of its bounds empty (the border communes, a strip from north-west to
    south-east) may use the whole map's width: it is tried centred, then moved left and down. What never fits
    so falls back on the fit left of a full-height strip, which always clears the legend. A map wider than
    `width_px` moves the legend further from the centre, so the view stays clear of it there too.
    """
    west, south, east, north = shapely.bounds(shape)
    fallback = view_for_bounds((west, south, east, north), width_px, height_px, max_zoom, LEGEND_WIDTH_PX)
    world = _to_world(shape)  # Web Mercator, 0..1 from the west and from the north
    shapely.prepare(world)
    x0, y0, x1, y1 = shapely.bounds(world)
    zoom = max_zoom
    while zoom > fallback[1]:
        scale = 256 * 2 ** zoom
        w, h = (x1 - x0) * scale, (y1 - y0) * scale
        room_x, room_y = (width_px * PADDING - w) / 2, (height_px * PADDING - h) / 2
        if room_x >= 0 and room_y >= 0:
            for left in PLACEMENTS:
                for down in PLACEMENTS:
                    # The map's centre in world units: the selection's centre, moved on screen by the offsets.
                    cx = (x0 + x1) / 2 + left * room_x / scale
                    cy = (y0 + y1) / 2 - down * room_y / scale
                    legend = shapely.box(cx + (width_px / 2 - LEGEND_WIDTH_PX) / scale, cy - height_px / 2 / scale,
                                         cx + width_px / 2 / scale, cy + (LEGEND_HEIGHT_PX - height_px / 2) / scale)
                    if not world.intersects(legend):
                        return _from_world(cx, cy), zoom
        zoom -= 0.25
    return fallback


def view_of(data: MapData, codes: list[str]) -> tuple[tuple[float, float], float]:
    """Centre and zoom showing the chosen communes clear of the legend; the province (the map's opening view)
    for none or all."""
    chosen = data.web_communes[data.web_communes["gso_code"].isin(codes)]
    if chosen.empty or len(chosen) == len(data.web_communes):
        return view_for_bounds(data.layers.bounds)
    return view_clear_of_legend(chosen.geometry.union_all())


def _mercator_y(lat: float) -> float:
    s = math.sin(math.radians(lat))
    return math.log((1 + s) / (1 - s)) / 2


def _to_world(shape):
    def project(xy: np.ndarray) -> np.ndarray:
        s = np.sin(np.radians(xy[:, 1]))
        return np.column_stack([(xy[:, 0] + 180) / 360, 0.5 - np.log((1 + s) / (1 - s)) / (4 * math.pi)])
    return shapely.transform(shape, project)


def _from_world(x: float, y: float) -> tuple[float, float]:
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y))))
    return lat, x * 360 - 180

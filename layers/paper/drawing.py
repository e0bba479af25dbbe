"""The map itself on paper: communes in the view's colours, uncertain zones, outlines, the selection,
villages, watermark.

Colours come only from the MapView and line widths from the legend's symbols,
so the page matches the screen and its own legend.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import shapely
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.patches import Circle
from pyproj import Transformer

import texts
from layers import style
from layers.paper.frame import MapFrame
from layers.paper.geometry import PRINT_CRS, PrintGeometry, closed, line_segments, polygon_path, without_slivers
from layers.paper.legend import SELECTION_WIDTH_PT, TOP_WIDTH_PT, dim_colour, outline_width, zone_style
from layers.paper.text import font, text_size_pt
from layers.view import MapView

COMMUNE_EDGE_PT = 0.25
VILLAGE_DOT_PT = 2.6  # a village point's diameter on A4, in points (scaled like the text)
VILLAGE_DOT_EDGE_PT = 0.35
# Over the names: a name that found no spot clear of the points (layers/paper/labels.py) hides none of them.
VILLAGE_DOT_ZORDER = 13
BADGE_TEXT_PT = 5.0  # the number on a village disc, on A4
BADGE_GAP_IN = 0.008  # air between a village disc and its neighbours
WATERMARK_COLOUR = "#b00020"
WATERMARK_ALPHA = 0.16


def draw_features(ax, view: MapView, geometry: PrintGeometry, selected: np.ndarray) -> None:
    fills = [view.fills.get(code, style.NO_DATA) for code in geometry.codes]
    if selected.any():
        fills = [fill if inside else dim_colour(fill) for fill, inside in zip(fills, selected)]
    ax.add_collection(PathCollection(geometry.commune_paths, facecolors=fills, edgecolors=style.COMMUNE_EDGE,
                                     linewidths=COMMUNE_EDGE_PT, zorder=1))
    _draw_zones(ax, geometry, selected)
    ax.add_collection(PathCollection(geometry.district_paths, facecolors="none", edgecolors=style.DISTRICT_EDGE,
                                     linewidths=outline_width(style.DISTRICT_EDGE), zorder=3,
                                     joinstyle="round"))
    if selected.any():
        shared = geometry.zone_geoms[geometry.zones_shared_with(selected)]
        union = without_slivers(closed(shapely.union_all(np.concatenate([geometry.commune_geoms[selected], shared]))))
        ax.add_collection(PathCollection([polygon_path(union)], facecolors="none",
                                         edgecolors=style.SELECTION_EDGE, linewidths=SELECTION_WIDTH_PT,
                                         zorder=4, joinstyle="round"))
    ax.add_collection(PathCollection(geometry.province_paths, facecolors="none", edgecolors=style.PROVINCE_EDGE,
                                     linewidths=outline_width(style.PROVINCE_EDGE), zorder=5,
                                     joinstyle="round"))
    ax.add_collection(LineCollection(line_segments(geometry.border_geom), colors=style.BORDER_LINE,
                                     linewidths=outline_width(style.BORDER_LINE), linestyles=(0, (3, 1.6)),
                                     zorder=6, capstyle="butt"))


def _draw_zones(ax, geometry: PrintGeometry, selected: np.ndarray) -> None:
    """The uncertain zones (2026-2030) hatched as in the legend.

    Under a filter, a zone shared with a selected unit is part of the selection
    (some of it belongs to that unit); the others are veiled like the communes.
    """
    inside = geometry.zones_shared_with(selected) if selected.any() else np.ones(len(geometry.zone_paths), bool)
    for dimmed, mask in ((False, inside), (True, ~inside)):
        if not mask.any():
            continue
        paths = [geometry.zone_paths[i] for i in np.flatnonzero(mask)]
        fill, edge = zone_style(dimmed)
        ax.add_collection(PathCollection(paths, facecolors=fill["facecolor"], hatch=fill["hatch"],
                                         hatchcolors=fill["hatchcolor"], hatch_linewidth=fill["hatch_linewidth"],
                                         edgecolors=fill["edgecolor"], linewidths=fill["linewidth"], zorder=2))
        ax.add_collection(PathCollection(paths, facecolors=edge["facecolor"], edgecolors=edge["edgecolor"],
                                         linewidths=edge["linewidth"], linestyles=[edge["linestyle"]], zorder=2,
                                         joinstyle="round"))


def draw_top(ax, geometry: PrintGeometry, top: np.ndarray) -> None:
    """The priority view's first N communes, each outlined as on screen."""
    if top.any():
        ax.add_collection(PathCollection([geometry.commune_paths[i] for i in np.flatnonzero(top)],
                                         facecolors="none", edgecolors=style.TOP_EDGE, linewidths=TOP_WIDTH_PT,
                                         zorder=7, joinstyle="round"))


def split_villages(villages: pd.DataFrame | None, geometry: PrintGeometry) -> tuple[np.ndarray, dict[int, int]]:
    """Village points (metres) where coordinates exist; per commune index, the count of the rest.

    No position is invented: a village without coordinates is only counted.
    """
    if villages is None or villages.empty:
        return np.empty((0, 2)), {}
    known = villages[villages["gso_code"].astype(str).isin(set(geometry.codes))]
    if {"lon", "lat"} <= set(known.columns):
        lon, lat = pd.to_numeric(known["lon"], errors="coerce"), pd.to_numeric(known["lat"], errors="coerce")
        has_xy = (lon.notna() & lat.notna()).to_numpy()
    else:
        lon = lat = None
        has_xy = np.zeros(len(known), dtype=bool)
    points = np.empty((0, 2))
    if has_xy.any():
        to_map = Transformer.from_crs("EPSG:4326", PRINT_CRS, always_xy=True)
        xs, ys = to_map.transform(lon.to_numpy()[has_xy], lat.to_numpy()[has_xy])
        points = np.column_stack([xs, ys])
    index = {code: i for i, code in enumerate(geometry.codes)}
    counts = known.loc[~has_xy, "gso_code"].astype(str).value_counts()
    return points, {index[code]: int(n) for code, n in counts.items()}


def draw_village_points(ax, points: np.ndarray, fs: float) -> None:
    if len(points):
        ax.scatter(points[:, 0], points[:, 1], s=(VILLAGE_DOT_PT * fs) ** 2, c=style.VILLAGE_COLOUR,
                   edgecolors="white", linewidths=VILLAGE_DOT_EDGE_PT, zorder=VILLAGE_DOT_ZORDER)


def village_point_boxes(frame: MapFrame, points: np.ndarray, fs: float) -> list[tuple]:
    """The page boxes (inches) of the village points inside the map: names keep off them
    (layers/paper/labels.py, draw_district_labels)."""
    radius = (VILLAGE_DOT_PT * fs / 2 + VILLAGE_DOT_EDGE_PT) / 72
    fx0, fy0, fx1, fy1 = frame.box
    boxes = []
    for x, y in points:
        px, py = frame.to_page(x, y)
        if fx0 <= px <= fx1 and fy0 <= py <= fy1:
            boxes.append((px - radius, py - radius, px + radius, py + radius))
    return boxes


def village_badge_boxes(frame: MapFrame, geometry: PrintGeometry, badges: dict[int, int],
                        fs: float) -> dict[int, tuple]:
    """Where each commune's village disc would sit on its anchor (page inches), for the communes on this map:
    district names look for room clear of them (layers/paper/labels.py)."""
    boxes = {}
    fx0, fy0, fx1, fy1 = frame.box
    for i, count in badges.items():
        px, py = frame.to_page(*geometry.commune_anchors[i])
        radius = _badge_radius(count, fs)
        box = (px - radius, py - radius, px + radius, py + radius)
        if box[0] >= fx0 and box[1] >= fy0 and box[2] <= fx1 and box[3] <= fy1:
            boxes[i] = box
    return boxes


def draw_village_badges(ax, frame: MapFrame, geometry: PrintGeometry, badges: dict[int, int],
                        fs: float, obstacles: list | tuple = (), selected: np.ndarray | None = None
                        ) -> dict[int, tuple]:
    """A purple disc with the number of villages on each commune that has uncoordinated ones; under a filter
    (`selected`), the other communes' discs are veiled as the communes are.

    The filter's communes first, then those with more villages; a disc that would touch one already drawn
    (the city's small wards) or an obstacle (a district name, the scale bar) moves to the nearest free spot
    round its commune's anchor. Returns each disc's page box.
    """
    boxes: dict[int, tuple] = {}
    size = BADGE_TEXT_PT * fs
    fx0, fy0, fx1, fy1 = frame.box
    veiled = np.zeros(len(geometry.codes), dtype=bool) if selected is None or not selected.any() else ~selected
    at_anchor = village_badge_boxes(frame, geometry, badges, fs)
    for i in sorted(at_anchor, key=lambda i: (veiled[i], -badges[i])):
        anchor = at_anchor[i]
        radius = (anchor[2] - anchor[0]) / 2
        for dx, dy in _spots_round(radius):
            box = (anchor[0] + dx, anchor[1] + dy, anchor[2] + dx, anchor[3] + dy)
            inside = box[0] >= fx0 and box[1] >= fy0 and box[2] <= fx1 and box[3] <= fy1
            if inside and not any(_overlap(box, other, BADGE_GAP_IN) for other in [*boxes.values(), *obstacles]):
                break
        else:
            box = anchor  # nowhere free near it: on its anchor
        x, y = frame.to_metres((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
        fill = dim_colour(style.VILLAGE_COLOUR) if veiled[i] else style.VILLAGE_COLOUR
        ax.add_patch(Circle((x, y), radius * frame.metres_per_inch, facecolor=fill, edgecolor="white",
                            linewidth=0.5, zorder=9))
        ax.text(x, y, str(badges[i]), fontproperties=font(size, bold=True), color="white", ha="center",
                va="center_baseline", zorder=10)
        boxes[i] = box
    return boxes


def _badge_radius(count: int, fs: float) -> float:
    w, h = text_size_pt(str(count), BADGE_TEXT_PT * fs, bold=True)
    return (max(w, h * 0.75) / 2 + 1.4) / 72


def _spots_round(radius: float, rings: int = 4) -> list[tuple[float, float]]:
    """Offsets (inches) from an anchor: the anchor, then rings a disc apart, nearest first."""
    spots = [(0.0, 0.0)]
    for ring in range(1, rings + 1):
        distance, count = ring * (2 * radius + BADGE_GAP_IN), 6 * ring
        spots += [(distance * math.cos(2 * math.pi * k / count + math.pi / 2),
                   distance * math.sin(2 * math.pi * k / count + math.pi / 2)) for k in range(count)]
    return spots


def _overlap(a: tuple, b: tuple, gap: float) -> bool:
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


def draw_watermark(ax, frame: MapFrame) -> None:
    """'Dữ liệu minh họa' diagonally across the map, light enough to read the map through."""
    w, h = frame.width, frame.height
    angle = math.degrees(math.atan2(h, w))
    text_w = text_size_pt(texts.ILLUSTRATIVE, 100, bold=True)[0] / 72
    size = 100 * 0.7 * math.hypot(w, h) / text_w
    ax.text(0.5, 0.5, texts.ILLUSTRATIVE, transform=ax.transAxes, rotation=angle, rotation_mode="anchor",
            ha="center", va="center", fontproperties=font(size, bold=True), color=WATERMARK_COLOUR,
            alpha=WATERMARK_ALPHA, zorder=30)

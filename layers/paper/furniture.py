"""Map furniture on paper: north arrow and scale bar in the emptiest corners, and the locator inset.

The scale bar and the "1:N" line are true on paper because the frame's extent
is at a round scale (layout.fit_extent); the arrow points to true north.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.figure import Figure
from matplotlib.patches import Polygon as PolygonPatch
from matplotlib.patches import Rectangle
from pyproj import Transformer

import texts
from geo.vnformat import vn_number
from layers import style
from layers.paper.frame import MapFrame
from layers.paper.geometry import PRINT_CRS, PrintGeometry, line_segments
from layers.paper.layout import PageLayout, box_size, fit_extent, scale_bar_km
from layers.paper.text import TEXT_COLOUR, font, text_size_pt

SIZE_FURNITURE = 6.5  # points on A4 (scaled up on A3 by PageLayout.font_scale)
EXTENT_BOX_COLOUR = "#000000"


def _corner_boxes(frame: MapFrame, w: float, h: float, margin: float) -> dict[str, tuple]:
    x0, y0, x1, y1 = frame.box
    return {
        "top-left": (x0 + margin, y1 - margin - h, x0 + margin + w, y1 - margin),
        "top-right": (x1 - margin - w, y1 - margin - h, x1 - margin, y1 - margin),
        "bottom-left": (x0 + margin, y0 + margin, x0 + margin + w, y0 + margin + h),
        "bottom-right": (x1 - margin - w, y0 + margin, x1 - margin, y0 + margin + h),
    }


def _emptiest(frame: MapFrame, boxes: dict[str, tuple], names: tuple[str, ...], land) -> str:
    """The corner whose box covers the least of the mapped land (ties: first named)."""
    return min(names, key=lambda n: round(shapely.area(shapely.intersection(frame.box_to_metres(boxes[n]), land)), -3))


def draw_furniture(ax, frame: MapFrame, geometry: PrintGeometry, fs: float) -> list[tuple]:
    """North arrow and scale bar in the emptiest corners; returns their page boxes."""
    margin = 0.12 * fs
    bar_km = scale_bar_km(frame.extent[2] - frame.extent[0])
    bar_in = bar_km * 1000 / frame.metres_per_inch
    scale_text = texts.PRINT_SCALE.format(denominator=vn_number(frame.denominator, 0))
    scale_w = max(bar_in + 0.45 * fs, text_size_pt(scale_text, SIZE_FURNITURE * fs)[0] / 72 + 0.2 * fs)
    scale_boxes = _corner_boxes(frame, scale_w, 0.52 * fs, margin)
    arrow_boxes = _corner_boxes(frame, 0.5 * fs, 0.82 * fs, margin)
    land = geometry.province_geom
    scale_corner = _emptiest(frame, scale_boxes, ("bottom-left", "bottom-right"), land)
    arrow_corner = _emptiest(frame, arrow_boxes, ("top-right", "top-left"), land)
    _north_arrow(ax, frame, arrow_boxes[arrow_corner], fs)
    _scale_bar(ax, frame, scale_boxes[scale_corner], bar_km, bar_in, scale_text, fs)
    return [scale_boxes[scale_corner], arrow_boxes[arrow_corner]]


def _backdrop(ax, frame: MapFrame, b: tuple) -> None:
    x0, y0 = frame.to_metres(b[0], b[1])
    x1, y1 = frame.to_metres(b[2], b[3])
    ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, facecolor="white", alpha=0.85, edgecolor="#9a9a9a",
                           linewidth=0.4, zorder=19))


def _true_north_degrees(frame: MapFrame) -> float:
    """Angle of true north from grid north at the map centre (meridian convergence, ~1° here)."""
    to_geo = Transformer.from_crs(PRINT_CRS, "EPSG:4326", always_xy=True)
    to_map = Transformer.from_crs("EPSG:4326", PRINT_CRS, always_xy=True)
    cx, cy = (frame.extent[0] + frame.extent[2]) / 2, (frame.extent[1] + frame.extent[3]) / 2
    lon, lat = to_geo.transform(cx, cy)
    nx, ny = to_map.transform(lon, lat + 0.05)
    return math.degrees(math.atan2(nx - cx, ny - cy))


def _north_arrow(ax, frame: MapFrame, b: tuple, fs: float) -> None:
    """A classic half-filled arrow pointing to true north, with 'Bắc' above it."""
    _backdrop(ax, frame, b)
    m = frame.metres_per_inch
    cx, _ = frame.to_metres((b[0] + b[2]) / 2, 0)
    _, base_y = frame.to_metres(0, b[1] + 0.1 * fs)
    length, half = 0.45 * fs * m, 0.12 * fs * m
    angle = math.radians(_true_north_degrees(frame))

    def rotate(points):
        c, s = math.cos(angle), math.sin(angle)
        return [(cx + (x - cx) * c + (y - base_y) * s, base_y - (x - cx) * s + (y - base_y) * c) for x, y in points]

    tip, notch = (cx, base_y + length), (cx, base_y + length * 0.28)
    left, right = (cx - half, base_y), (cx + half, base_y)
    ax.add_patch(PolygonPatch(rotate([tip, left, notch]), closed=True, facecolor=TEXT_COLOUR,
                              edgecolor=TEXT_COLOUR, linewidth=0.6, zorder=20))
    ax.add_patch(PolygonPatch(rotate([tip, notch, right]), closed=True, facecolor="white",
                              edgecolor=TEXT_COLOUR, linewidth=0.6, zorder=20))
    label_x, label_y = rotate([(cx, base_y + length + 0.09 * fs * m)])[0]
    ax.text(label_x, label_y, texts.PRINT_NORTH, fontproperties=font(SIZE_FURNITURE * fs * 1.15, bold=True),
            ha="center", va="bottom", color=TEXT_COLOUR, zorder=21)


def _scale_bar(ax, frame: MapFrame, b: tuple, bar_km: float, bar_in: float, scale_text: str, fs: float) -> None:
    """Alternating black/white segments labelled in km, with the ratio scale under them."""
    _backdrop(ax, frame, b)
    m = frame.metres_per_inch
    x0, y_top = frame.to_metres(b[0] + 0.12 * fs, b[3] - 0.2 * fs)
    seg_h = 0.055 * fs * m
    segments = 4
    seg_len = bar_km * 1000 / segments
    for i in range(segments):
        ax.add_patch(Rectangle((x0 + i * seg_len, y_top - seg_h), seg_len, seg_h,
                               facecolor=TEXT_COLOUR if i % 2 == 0 else "white", edgecolor=TEXT_COLOUR,
                               linewidth=0.5, zorder=20))
    label_font = font(SIZE_FURNITURE * fs)
    for i, km in ((0, 0), (segments // 2, bar_km / 2), (segments, bar_km)):
        text = _km(km) + (f" {texts.PRINT_KM}" if i == segments else "")
        ax.text(x0 + i * seg_len, y_top + 0.03 * fs * m, text, fontproperties=label_font,
                ha="left" if i == segments else "center", va="bottom", color=TEXT_COLOUR, zorder=21,
                transform=ax.transData)
    _, y_text = frame.to_metres(0, b[1] + 0.1 * fs)
    ax.text(x0, y_text, scale_text, fontproperties=label_font, ha="left", va="bottom", color=TEXT_COLOUR,
            zorder=21)


def _km(value: float) -> str:
    return vn_number(value, 3)  # Vietnamese decimal comma: 2,5


def draw_inset(fig: Figure, page_ax, layout: PageLayout, geometry: PrintGeometry, frame: MapFrame,
               selected: np.ndarray, width: float, height: float) -> None:
    """The province in miniature (its districts, when the period has them) with the main map's extent
    (when zoomed) and the selection."""
    x0, y0, x1, y1 = layout.inset
    fs = layout.font_scale
    title_h = text_size_pt(texts.PRINT_INSET_TITLE, SIZE_FURNITURE * fs * 1.25, bold=True)[1] / 72 * 1.4
    page_ax.text(x0, y1, texts.PRINT_INSET_TITLE, fontproperties=font(SIZE_FURNITURE * fs * 1.25, bold=True),
                 ha="left", va="top", color=TEXT_COLOUR)
    box_w, box_h = box_size((x0, y0, x1, y1 - title_h))
    ax = fig.add_axes((x0 / width, y0 / height, box_w / width, box_h / height))
    extent, _ = fit_extent(geometry.bounds, box_w, box_h, padding=0.06)
    ax.set_xlim(extent[0], extent[2])
    ax.set_ylim(extent[1], extent[3])
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_linewidth(0.5)
        spine.set_color("#777777")
    land = geometry.district_paths or geometry.province_paths  # 2026-2030 has no districts
    ax.add_collection(PathCollection(land, facecolors="#ececec", edgecolors="#9a9a9a", linewidths=0.3, zorder=1))
    if selected.any():
        shared = np.flatnonzero(geometry.zones_shared_with(selected))
        ax.add_collection(PathCollection([geometry.commune_paths[i] for i in np.flatnonzero(selected)]
                                         + [geometry.zone_paths[i] for i in shared],
                                         facecolors=style.SELECTION_EDGE, edgecolors="none", alpha=0.55, zorder=2))
    ax.add_collection(PathCollection(geometry.province_paths, facecolors="none", edgecolors=style.PROVINCE_EDGE,
                                     linewidths=0.7, zorder=3))
    ax.add_collection(LineCollection(line_segments(geometry.border_geom), colors=style.BORDER_LINE,
                                     linewidths=0.9, linestyles=(0, (3, 1.6)), zorder=4))
    ex = frame.extent
    pb = geometry.bounds
    if ex[0] > pb[0] or ex[1] > pb[1] or ex[2] < pb[2] or ex[3] < pb[3]:
        ax.add_patch(Rectangle((ex[0], ex[1]), ex[2] - ex[0], ex[3] - ex[1], facecolor="none",
                               edgecolor=EXTENT_BOX_COLOUR, linewidth=1.1, zorder=5))
        size = SIZE_FURNITURE * fs
        ax.add_patch(Rectangle((0.03, 0.035), 0.06, 0.035, transform=ax.transAxes, facecolor="none",
                               edgecolor=EXTENT_BOX_COLOUR, linewidth=0.9, zorder=6))
        ax.text(0.11, 0.0525, texts.PRINT_INSET_EXTENT, transform=ax.transAxes, fontproperties=font(size),
                ha="left", va="center", color=TEXT_COLOUR, zorder=6)

"""Map furniture on paper: north arrow and scale bar in the emptiest corners, and the locator inset (Viet Nam
with its archipelagos, and the province in miniature).

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
from layers.paper.geometry import ARCHIPELAGOS, PRINT_CRS, PrintGeometry, country_outline, line_segments, polygon_path
from layers.paper.layout import MM_PER_INCH, PageLayout, box_size, needed_scale, scale_bar_km
from layers.paper.text import TEXT_COLOUR, font, text_size_pt

SIZE_FURNITURE = 6.5  # points on A4 (scaled up on A3 by PageLayout.font_scale)
EXTENT_BOX_COLOUR = "#000000"
COUNTRY_FILL, COUNTRY_EDGE = "#ececec", "#9a9a9a"
LOCATOR_FILL = "#b2182b"  # the province on the map of Viet Nam
ISLAND_COLOUR = "#555555"  # the archipelagos' islands (a dot each: smaller than a dot at this scale) and names


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
    """Where the map lies: Viet Nam with the Hoàng Sa and Trường Sa archipelagos and the province in red,
    and, drawn out of it in the sea to the north-east, the province in miniature with the selection and the
    main map's extent (when zoomed)."""
    x0, y0, x1, y1 = layout.inset
    fs = layout.font_scale
    title_font = font(SIZE_FURNITURE * fs * 1.25, bold=True)
    title_h = text_size_pt(texts.PRINT_INSET_TITLE, SIZE_FURNITURE * fs * 1.25, bold=True)[1] / 72 * 1.4
    page_ax.text(x0, y1, texts.PRINT_INSET_TITLE, fontproperties=title_font, ha="left", va="top", color=TEXT_COLOUR)
    page_ax.text(x1, y1, texts.PRINT_INSET_SOURCE, fontproperties=font(SIZE_FURNITURE * fs * 0.8), ha="right",
                 va="top", color="#777777")
    box = (x0, y0, x1, y1 - title_h)
    outline = country_outline()
    extent = _fit_exact(outline.bounds, *box_size(box), padding=0.04)
    country = _inset_axes(fig, box, extent, width, height)
    country.add_collection(PathCollection([polygon_path(outline.mainland)], facecolors=COUNTRY_FILL,
                                          edgecolors=COUNTRY_EDGE, linewidths=0.3, zorder=1))
    country.add_collection(PathCollection(geometry.province_paths, facecolors=LOCATOR_FILL, edgecolors="none",
                                          zorder=2))
    label_font = font(SIZE_FURNITURE * fs * 0.9)
    for name, label in ((ARCHIPELAGOS[0], texts.PRINT_PARACELS), (ARCHIPELAGOS[1], texts.PRINT_SPRATLYS)):
        islands = outline.islands[name]
        points = np.array([(p.x, p.y) for p in shapely.point_on_surface(list(islands.geoms))])
        country.scatter(points[:, 0], points[:, 1], s=(0.9 * fs) ** 2, color=ISLAND_COLOUR, linewidths=0, zorder=3)
        west, south, east, _ = islands.bounds
        country.text((west + east) / 2, south - 0.012 * (extent[3] - extent[1]), label, fontproperties=label_font,
                     ha="center", va="top", color=ISLAND_COLOUR, zorder=3)
    _province_in_miniature(fig, country, box, extent, outline, geometry, frame, selected, width, height, fs)


def _province_in_miniature(fig: Figure, country, box: tuple, extent: tuple, outline, geometry: PrintGeometry,
                           frame: MapFrame, selected: np.ndarray, width: float, height: float, fs: float) -> None:
    """The province (its districts, when the period has them), the selection and the main map's extent, in a
    panel over the sea north-east of Viet Nam, joined to the province's place on the country map."""
    inches_per_metre = (box[2] - box[0]) / (extent[2] - extent[0])

    def to_page(x: float, y: float) -> tuple[float, float]:
        return box[0] + (x - extent[0]) * inches_per_metre, box[1] + (y - extent[1]) * inches_per_metre

    def to_metres(x: float, y: float) -> tuple[float, float]:
        return extent[0] + (x - box[0]) / inches_per_metre, extent[1] + (y - box[1]) / inches_per_metre

    margin = 0.04 * fs
    _, _, coast_east, _ = shapely.intersection(outline.mainland, shapely.box(
        extent[0], geometry.bounds[1], extent[2], extent[3])).bounds  # the coast east of the province's latitudes
    left = to_page(coast_east, 0)[0] + 3 * margin
    bottom = to_page(0, outline.islands[ARCHIPELAGOS[0]].bounds[3])[1] + 4 * margin + 0.12 * fs
    panel = (left, bottom, box[2] - margin, box[3] - margin)
    mini = _inset_axes(fig, panel, _fit_exact(geometry.bounds, *box_size(panel), padding=0.05), width, height)
    mini.set_facecolor("white")
    land = geometry.district_paths or geometry.province_paths  # 2026-2030 has no districts
    mini.add_collection(PathCollection(land, facecolors=COUNTRY_FILL, edgecolors=COUNTRY_EDGE, linewidths=0.3,
                                       zorder=1))
    if selected.any():
        shared = np.flatnonzero(geometry.zones_shared_with(selected))
        mini.add_collection(PathCollection([geometry.commune_paths[i] for i in np.flatnonzero(selected)]
                                           + [geometry.zone_paths[i] for i in shared],
                                           facecolors=style.SELECTION_EDGE, edgecolors="none", alpha=0.55, zorder=2))
    mini.add_collection(PathCollection(geometry.province_paths, facecolors="none", edgecolors=style.PROVINCE_EDGE,
                                       linewidths=0.7, zorder=3))
    mini.add_collection(LineCollection(line_segments(geometry.border_geom), colors=style.BORDER_LINE,
                                       linewidths=0.9, linestyles=(0, (3, 1.6)), zorder=4))
    # joined to the province on the country map, from its two eastern corners to the panel's western ones
    west, south, east, north = geometry.bounds
    for (x, y), corner_y in (((east, north), panel[3]), ((east, south), panel[1])):
        corner = to_metres(panel[0], corner_y)
        country.plot([x, corner[0]], [y, corner[1]], color=COUNTRY_EDGE, linewidth=0.4, zorder=2)
    ex, pb = frame.extent, geometry.bounds
    if ex[0] > pb[0] or ex[1] > pb[1] or ex[2] < pb[2] or ex[3] < pb[3]:
        mini.add_patch(Rectangle((ex[0], ex[1]), ex[2] - ex[0], ex[3] - ex[1], facecolor="none",
                                 edgecolor=EXTENT_BOX_COLOUR, linewidth=1.1, zorder=5))
        size = SIZE_FURNITURE * fs * 0.9
        key_w, key_h = 0.16 * fs, 0.07 * fs
        key_y = panel[1] - margin - key_h
        country.add_patch(Rectangle(to_metres(panel[0], key_y), key_w / inches_per_metre, key_h / inches_per_metre,
                                    facecolor="none", edgecolor=EXTENT_BOX_COLOUR, linewidth=0.9, zorder=6))
        country.text(*to_metres(panel[0] + key_w + 0.05 * fs, key_y + key_h / 2), texts.PRINT_INSET_EXTENT,
                     fontproperties=font(size), ha="left", va="center", color=TEXT_COLOUR, zorder=6)


def _inset_axes(fig: Figure, box: tuple, extent: tuple, width: float, height: float):
    """Axes filling `box` (page inches) showing `extent` (metres), which has the box's proportions."""
    ax = fig.add_axes((box[0] / width, box[1] / height, (box[2] - box[0]) / width, (box[3] - box[1]) / height))
    ax.set_xlim(extent[0], extent[2])
    ax.set_ylim(extent[1], extent[3])
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_linewidth(0.5)
        spine.set_color("#777777")
    return ax


def _fit_exact(bounds: tuple, box_w: float, box_h: float, padding: float) -> tuple:
    """`bounds` padded and widened to the proportions of a box (no round scale: the inset prints none)."""
    west, south, east, north = bounds
    metres_per_inch = needed_scale(bounds, box_w, box_h, padding) * MM_PER_INCH / 1000
    cx, cy = (west + east) / 2, (south + north) / 2
    return (cx - box_w * metres_per_inch / 2, cy - box_h * metres_per_inch / 2,
            cx + box_w * metres_per_inch / 2, cy + box_h * metres_per_inch / 2)

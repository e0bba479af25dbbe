"""The print map: a MapView as a PNG or vector PDF page for reports (A4/A3).

Drawn with matplotlib from the full-resolution geometry in UTM zone 48N
(EPSG:32648), so lengths on paper are true and the scale bar and "1:N" can be
trusted. Colours and legend classes come only from the MapView, the same
object the web map draws, so the page matches the screen. The matplotlib
object API is used (a private Figure per call, explicit font on every text)
so concurrent renders in Streamlit's threads do not share state.
"""

from __future__ import annotations

import datetime
import io
import math
import threading
import weakref
from dataclasses import dataclass

import matplotlib
import numpy as np
import pandas as pd
import shapely
from matplotlib import patheffects
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.figure import Figure
from matplotlib.patches import Circle
from matplotlib.patches import Polygon as PolygonPatch
from matplotlib.patches import Rectangle
from matplotlib.path import Path
from pyproj import Transformer
from shapely.geometry import box as shapely_box
from shapely.ops import polylabel

import texts
from geo.vnformat import vn_number
from geo.province import ProvinceData
from layers import style
from layers.printlabels import Label, font, nfc, place_without_overlap, text_size_pt, wrap_to_width
from layers.printlegend import (SELECTION_WIDTH_PT, TOP_WIDTH_PT, dim_colour, draw_legend, legend_content,
                                legend_items, outline_width, overlay_items)
from layers.printpage import (PageLayout, fit_extent, format_thousands, page_layout, paper_inches,
                              scale_bar_km)
from layers.view import MapView

__all__ = ["render_print_map", "legend_items", "PRINT_CRS"]

PRINT_CRS = "EPSG:32648"  # WGS 84 / UTM zone 48N: metric, true scale across the province
FORMATS = ("png", "pdf")
COMMUNE_EDGE_PT = 0.25
TEXT_COLOUR = "#1a1a1a"
DIMMED_TEXT = "#8a8a8a"
WATERMARK_COLOUR = "#b00020"
WATERMARK_ALPHA = 0.16
ILLUSTRATIVE_COLOUR = "#9a5b00"
EXTENT_BOX_COLOUR = "#000000"
MIN_SPAN_M = 12_000  # smallest map extent: a single commune still shows what surrounds it

# Text sizes on A4, in points (scaled up on A3 by PageLayout.font_scale).
SIZE_HEADER, SIZE_TITLE, SIZE_SUBTITLE = 8.5, 17.0, 10.5
SIZE_DISTRICT, SIZE_COMMUNE, SIZE_NEIGHBOUR = 8.0, 5.6, 9.0
SIZE_FOOTER, SIZE_FURNITURE = 7.0, 6.5

# Vector text in the PDF, with the TrueType font embedded (Type 42), so it can be
# searched, copied and printed sharply. Read when the PDF is written; setting
# the same value each time is safe from any thread.
matplotlib.rcParams["pdf.fonttype"] = 42
# Text is printed as typed: a "$…$" in an export title is not TeX math (and a
# "$\foo$" would otherwise stop the export).
matplotlib.rcParams["text.parse_math"] = False
# Glyphs are drawn at their true widths, not snapped to the pixel grid: hinted
# text at 150 dpi came out ~5 % wider than measured, so wrapped lines and
# label boxes (layers/printlabels.py) no longer matched what was drawn.
matplotlib.rcParams["text.hinting"] = "no_hinting"


@dataclass(frozen=True)
class PrintGeometry:
    """The province in the print CRS, with label anchor points: computed once per data set."""

    codes: np.ndarray
    names: np.ndarray
    areas: np.ndarray
    commune_paths: list
    commune_geoms: np.ndarray
    commune_anchors: np.ndarray  # (n, 2) metres: deepest point inside each commune
    district_names: list
    district_paths: list
    district_anchors: np.ndarray
    district_areas: np.ndarray
    province_paths: list
    province_geom: object
    border_geom: object
    bounds: tuple


_CACHE: dict[int, tuple[weakref.ref, PrintGeometry]] = {}
_CACHE_LOCK = threading.Lock()


def print_geometry(data: ProvinceData) -> PrintGeometry:
    """Projected geometry for `data`, cached while `data` is alive (the app keeps one)."""
    key = id(data)
    with _CACHE_LOCK:
        hit = _CACHE.get(key)
        if hit is not None and hit[0]() is data:
            return hit[1]
    geometry = _build_geometry(data)
    with _CACHE_LOCK:
        for stale in [k for k, (ref, _) in _CACHE.items() if ref() is None]:
            del _CACHE[stale]
        _CACHE[key] = (weakref.ref(data), geometry)
    return geometry


def _build_geometry(data: ProvinceData) -> PrintGeometry:
    communes = data.communes.to_crs(PRINT_CRS)
    districts = data.districts.to_crs(PRINT_CRS)
    province = data.province.to_crs(PRINT_CRS)
    border = data.border_line.to_crs(PRINT_CRS)
    commune_geoms = communes.geometry.values
    district_geoms = districts.geometry.values
    return PrintGeometry(
        codes=communes["gso_code"].astype(str).to_numpy(),
        names=np.array([nfc(n) for n in communes["commune_name"]], dtype=object),
        areas=shapely.area(commune_geoms),
        commune_paths=[_polygon_path(g) for g in commune_geoms],
        commune_geoms=np.asarray(commune_geoms),
        commune_anchors=np.array([_anchor(g) for g in commune_geoms]),
        district_names=[nfc(style.short_district_name(d)).upper() for d in districts["district"]],
        district_paths=[_polygon_path(g) for g in district_geoms],
        district_anchors=np.array([_anchor(g) for g in district_geoms]),
        district_areas=shapely.area(district_geoms),
        province_paths=[_polygon_path(g) for g in province.geometry.values],
        province_geom=shapely.union_all(province.geometry.values),
        border_geom=shapely.union_all(border.geometry.values),
        bounds=tuple(province.total_bounds),
    )


def _anchor(geom) -> tuple[float, float]:
    """Pole of inaccessibility of the largest part: inside the polygon, away from its edges."""
    largest = max(getattr(geom, "geoms", [geom]), key=lambda part: part.area)
    point = polylabel(largest, tolerance=25.0)
    return point.x, point.y


def _polygon_path(geom) -> Path:
    """One matplotlib path per (multi)polygon; holes are separate closed rings."""
    rings = []
    for polygon in getattr(geom, "geoms", [geom]):
        for ring in (polygon.exterior, *polygon.interiors):
            coords = np.asarray(ring.coords)[:, :2]
            codes = np.full(len(coords), Path.LINETO, dtype=Path.code_type)
            codes[0], codes[-1] = Path.MOVETO, Path.CLOSEPOLY
            rings.append(Path(coords, codes))
    return Path.make_compound_path(*rings)


def _line_segments(geom) -> list[np.ndarray]:
    return [np.asarray(line.coords)[:, :2] for line in getattr(geom, "geoms", [geom]) if not line.is_empty]


@dataclass
class _MapFrame:
    """The map's box on the page and the metre <-> inch mapping inside it."""

    box: tuple[float, float, float, float]  # x, y, w, h (inches)
    extent: tuple[float, float, float, float]  # metres
    denominator: int

    @property
    def metres_per_inch(self) -> float:
        return (self.extent[2] - self.extent[0]) / self.box[2]

    def to_page(self, x: float, y: float) -> tuple[float, float]:
        return (self.box[0] + (x - self.extent[0]) / self.metres_per_inch,
                self.box[1] + (y - self.extent[1]) / self.metres_per_inch)

    def page_box(self) -> tuple[float, float, float, float]:
        return self.box[0], self.box[1], self.box[0] + self.box[2], self.box[1] + self.box[3]

    def box_to_metres(self, b: tuple[float, float, float, float]):
        m = self.metres_per_inch
        return shapely_box(self.extent[0] + (b[0] - self.box[0]) * m, self.extent[1] + (b[1] - self.box[1]) * m,
                           self.extent[0] + (b[2] - self.box[0]) * m, self.extent[1] + (b[3] - self.box[1]) * m)


def render_print_map(view: MapView, data: ProvinceData, *, page: str = "A4", orientation: str = "landscape",
                     dpi: int = 300, fmt: str = "png", title: str | None = None,
                     export_date: datetime.date | None = None, highlighted: tuple[str, ...] = (),
                     villages: pd.DataFrame | None = None) -> bytes:
    """The page as PNG (at `dpi`, with the dpi recorded in the file) or vector PDF bytes.

    `highlighted` are the communes the screen outlines in orange (priority view's
    top N); `villages` (gso_code, village[, lon, lat]) the extremely
    disadvantaged villages shown on screen: points where they have coordinates,
    a count on their commune where they do not. Both as on the web map.
    """
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}, not {fmt!r}")
    if not 50 <= dpi <= 1200:
        raise ValueError(f"dpi must be between 50 and 1200, not {dpi}")
    fig = build_figure(view, data, page=page, orientation=orientation, title=title, export_date=export_date,
                       pixel_dpi=dpi if fmt == "png" else None, highlighted=highlighted, villages=villages)
    matplotlib.rcParams["pdf.fonttype"] = 42
    title_text = nfc(title if title is not None else view.title)
    buffer = io.BytesIO()
    if fmt == "png":
        fig.savefig(buffer, format="png", dpi=dpi, metadata={"Title": title_text, "Software": None})
    else:
        fig.savefig(buffer, format="pdf", metadata={"Title": title_text, "Subject": nfc(view.subtitle),
                                                     "Creator": texts.APP_TITLE, "CreationDate": None})
    return buffer.getvalue()


def build_figure(view: MapView, data: ProvinceData, *, page: str = "A4", orientation: str = "landscape",
                 title: str | None = None, export_date: datetime.date | None = None,
                 pixel_dpi: int | None = None, highlighted: tuple[str, ...] = (),
                 villages: pd.DataFrame | None = None) -> Figure:
    """The whole page as a matplotlib Figure (not attached to pyplot).

    With `pixel_dpi`, the figure is sized to whole pixels at that dpi, so a
    300 dpi A4 PNG is 3508 x 2480 pixels rather than one pixel short.
    """
    layout = page_layout(page, orientation)
    width, height = paper_inches(page, orientation)
    if pixel_dpi:
        width, height = round(width * pixel_dpi) / pixel_dpi, round(height * pixel_dpi) / pixel_dpi
    geometry = print_geometry(data)
    fig = Figure(figsize=(width, height), dpi=pixel_dpi or 72, facecolor="white")

    page_ax = fig.add_axes((0, 0, 1, 1))
    page_ax.set_xlim(0, width)
    page_ax.set_ylim(0, height)
    page_ax.set_axis_off()

    selected = _selected_mask(view, geometry)
    focus_bounds = (_at_least(tuple(shapely.total_bounds(geometry.commune_geoms[selected])), MIN_SPAN_M)
                    if selected.any() else geometry.bounds)
    extent, denominator = fit_extent(focus_bounds, layout.map[2], layout.map[3])
    frame = _MapFrame(layout.map, extent, denominator)
    map_ax = _map_axes(fig, frame, width, height)
    fs = layout.font_scale

    _draw_features(map_ax, view, geometry, selected)
    top = np.isin(geometry.codes, list(highlighted))
    _draw_top(map_ax, geometry, top)
    points, badges = _split_villages(villages, geometry)
    _draw_village_points(map_ax, points, fs)
    obstacles = _draw_furniture(map_ax, frame, geometry, fs)
    obstacles += _draw_district_labels(map_ax, frame, geometry, fs, obstacles)
    obstacles += _draw_neighbour_label(map_ax, frame, geometry, fs, obstacles)
    badge_boxes = _draw_village_badges(map_ax, frame, geometry, badges, fs)  # data: drawn even under a name
    obstacles += list(badge_boxes.values())
    _draw_commune_labels(map_ax, frame, geometry, selected, fs, obstacles, below=badge_boxes)
    if view.illustrative:
        _draw_watermark(map_ax, frame)

    title_text = nfc(title if title is not None else view.title)
    _draw_header(page_ax, layout, title_text, nfc(view.subtitle))
    overlays = overlay_items(int(top.sum()), village_points=len(points) > 0, village_badges=bool(badge_boxes))
    draw_legend(page_ax, layout.legend, legend_content(view, bool(selected.any()), overlays), fs)
    _draw_inset(fig, page_ax, layout, geometry, frame, selected, width, height)
    _draw_footer(page_ax, layout, view, export_date or datetime.date.today())
    return fig


def _at_least(bounds: tuple, span: float) -> tuple:
    """Widen small bounds around their centre: one commune is shown with its neighbours."""
    west, south, east, north = bounds
    cx, cy = (west + east) / 2, (south + north) / 2
    half_w, half_h = max(east - west, span) / 2, max(north - south, span) / 2
    return cx - half_w, cy - half_h, cx + half_w, cy + half_h


def _selected_mask(view: MapView, geometry: PrintGeometry) -> np.ndarray:
    """Communes inside the filters; all False when nothing (or everything) is filtered."""
    mask = np.isin(geometry.codes, list(view.selected))
    return mask if 0 < mask.sum() < len(mask) else np.zeros(len(mask), dtype=bool)


def _map_axes(fig: Figure, frame: _MapFrame, width: float, height: float):
    x, y, w, h = frame.box
    ax = fig.add_axes((x / width, y / height, w / width, h / height))
    ax.set_xlim(frame.extent[0], frame.extent[2])
    ax.set_ylim(frame.extent[1], frame.extent[3])
    ax.set_aspect("auto")  # the extent already has the frame's proportions (fit_extent)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_facecolor("white")
    for spine in ax.spines.values():
        spine.set_linewidth(0.8)
        spine.set_color(TEXT_COLOUR)
    return ax


def _draw_features(ax, view: MapView, geometry: PrintGeometry, selected: np.ndarray) -> None:
    fills = [view.fills.get(code, style.NO_DATA) for code in geometry.codes]
    if selected.any():
        fills = [fill if inside else dim_colour(fill) for fill, inside in zip(fills, selected)]
    ax.add_collection(PathCollection(geometry.commune_paths, facecolors=fills, edgecolors=style.COMMUNE_EDGE,
                                     linewidths=COMMUNE_EDGE_PT, zorder=1))
    ax.add_collection(PathCollection(geometry.district_paths, facecolors="none", edgecolors=style.DISTRICT_EDGE,
                                     linewidths=outline_width(style.DISTRICT_EDGE), zorder=3,
                                     joinstyle="round"))
    if selected.any():
        union = _without_slivers(shapely.union_all(geometry.commune_geoms[selected]))
        ax.add_collection(PathCollection([_polygon_path(union)], facecolors="none",
                                         edgecolors=style.SELECTION_EDGE, linewidths=SELECTION_WIDTH_PT,
                                         zorder=4, joinstyle="round"))
    ax.add_collection(PathCollection(geometry.province_paths, facecolors="none", edgecolors=style.PROVINCE_EDGE,
                                     linewidths=outline_width(style.PROVINCE_EDGE), zorder=5,
                                     joinstyle="round"))
    ax.add_collection(LineCollection(_line_segments(geometry.border_geom), colors=style.BORDER_LINE,
                                     linewidths=outline_width(style.BORDER_LINE), linestyles=(0, (3, 1.6)),
                                     zorder=6, capstyle="butt"))


def _without_slivers(geom, min_area_m2: float = 10_000):
    """Drop holes and islands under a hectare: gaps between source polygons, not real enclaves."""
    parts = [shapely.Polygon(p.exterior, [r for r in p.interiors if shapely.Polygon(r).area >= min_area_m2])
             for p in getattr(geom, "geoms", [geom]) if p.area >= min_area_m2]
    return shapely.MultiPolygon(parts) if len(parts) != 1 else parts[0]


def _draw_top(ax, geometry: PrintGeometry, top: np.ndarray) -> None:
    """The priority view's first N communes, each outlined as on screen."""
    if top.any():
        ax.add_collection(PathCollection([geometry.commune_paths[i] for i in np.flatnonzero(top)],
                                         facecolors="none", edgecolors=style.TOP_EDGE, linewidths=TOP_WIDTH_PT,
                                         zorder=7, joinstyle="round"))


def _split_villages(villages: pd.DataFrame | None, geometry: PrintGeometry) -> tuple[np.ndarray, dict[int, int]]:
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


def _draw_village_points(ax, points: np.ndarray, fs: float) -> None:
    if len(points):
        ax.scatter(points[:, 0], points[:, 1], s=(2.6 * fs) ** 2, c=style.VILLAGE_COLOUR, edgecolors="white",
                   linewidths=0.35, zorder=9)


def _draw_village_badges(ax, frame: _MapFrame, geometry: PrintGeometry, badges: dict[int, int],
                         fs: float) -> dict[int, tuple]:
    """A purple disc with the number of villages on each commune that has uncoordinated ones."""
    boxes = {}
    size = 5.0 * fs
    for i, count in badges.items():
        x, y = geometry.commune_anchors[i]
        px, py = frame.to_page(x, y)
        w, h = text_size_pt(str(count), size, bold=True)
        radius = (max(w, h * 0.75) / 2 + 1.4) / 72
        box = (px - radius, py - radius, px + radius, py + radius)
        fx0, fy0, fx1, fy1 = frame.page_box()
        if box[0] < fx0 or box[1] < fy0 or box[2] > fx1 or box[3] > fy1:
            continue
        ax.add_patch(Circle((x, y), radius * frame.metres_per_inch, facecolor=style.VILLAGE_COLOUR,
                            edgecolor="white", linewidth=0.5, zorder=9))
        ax.text(x, y, str(count), fontproperties=font(size, bold=True), color="white", ha="center",
                va="center_baseline", zorder=10)
        boxes[i] = box
    return boxes


def _corner_boxes(frame: _MapFrame, w: float, h: float, margin: float) -> dict[str, tuple]:
    x0, y0, x1, y1 = frame.page_box()
    return {
        "top-left": (x0 + margin, y1 - margin - h, x0 + margin + w, y1 - margin),
        "top-right": (x1 - margin - w, y1 - margin - h, x1 - margin, y1 - margin),
        "bottom-left": (x0 + margin, y0 + margin, x0 + margin + w, y0 + margin + h),
        "bottom-right": (x1 - margin - w, y0 + margin, x1 - margin, y0 + margin + h),
    }


def _emptiest(frame: _MapFrame, boxes: dict[str, tuple], names: tuple[str, ...], land) -> str:
    """The corner whose box covers the least of the mapped land (ties: first named)."""
    return min(names, key=lambda n: round(shapely.area(shapely.intersection(frame.box_to_metres(boxes[n]), land)), -3))


def _draw_furniture(ax, frame: _MapFrame, geometry: PrintGeometry, fs: float) -> list[tuple]:
    """North arrow and scale bar in the emptiest corners; returns their page boxes."""
    margin = 0.12 * fs
    bar_km = scale_bar_km(frame.extent[2] - frame.extent[0])
    bar_in = bar_km * 1000 / frame.metres_per_inch
    scale_text = texts.PRINT_SCALE.format(denominator=format_thousands(frame.denominator))
    scale_w = max(bar_in + 0.45 * fs, text_size_pt(scale_text, SIZE_FURNITURE * fs)[0] / 72 + 0.2 * fs)
    scale_boxes = _corner_boxes(frame, scale_w, 0.52 * fs, margin)
    arrow_boxes = _corner_boxes(frame, 0.5 * fs, 0.82 * fs, margin)
    land = geometry.province_geom
    scale_corner = _emptiest(frame, scale_boxes, ("bottom-left", "bottom-right"), land)
    arrow_corner = _emptiest(frame, arrow_boxes, ("top-right", "top-left"), land)
    _north_arrow(ax, frame, arrow_boxes[arrow_corner], fs)
    _scale_bar(ax, frame, scale_boxes[scale_corner], bar_km, bar_in, scale_text, fs)
    return [scale_boxes[scale_corner], arrow_boxes[arrow_corner]]


def _to_metres(frame: _MapFrame, x: float, y: float) -> tuple[float, float]:
    m = frame.metres_per_inch
    return frame.extent[0] + (x - frame.box[0]) * m, frame.extent[1] + (y - frame.box[1]) * m


def _backdrop(ax, frame: _MapFrame, b: tuple) -> None:
    x0, y0 = _to_metres(frame, b[0], b[1])
    x1, y1 = _to_metres(frame, b[2], b[3])
    ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, facecolor="white", alpha=0.85, edgecolor="#9a9a9a",
                           linewidth=0.4, zorder=19))


def _true_north_degrees(frame: _MapFrame) -> float:
    """Angle of true north from grid north at the map centre (meridian convergence, ~1° here)."""
    to_geo = Transformer.from_crs(PRINT_CRS, "EPSG:4326", always_xy=True)
    to_map = Transformer.from_crs("EPSG:4326", PRINT_CRS, always_xy=True)
    cx, cy = (frame.extent[0] + frame.extent[2]) / 2, (frame.extent[1] + frame.extent[3]) / 2
    lon, lat = to_geo.transform(cx, cy)
    nx, ny = to_map.transform(lon, lat + 0.05)
    return math.degrees(math.atan2(nx - cx, ny - cy))


def _north_arrow(ax, frame: _MapFrame, b: tuple, fs: float) -> None:
    """A classic half-filled arrow pointing to true north, with 'Bắc' above it."""
    _backdrop(ax, frame, b)
    m = frame.metres_per_inch
    cx, _ = _to_metres(frame, (b[0] + b[2]) / 2, 0)
    _, base_y = _to_metres(frame, 0, b[1] + 0.1 * fs)
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


def _scale_bar(ax, frame: _MapFrame, b: tuple, bar_km: float, bar_in: float, scale_text: str, fs: float) -> None:
    """Alternating black/white segments labelled in km, with the ratio scale under them."""
    _backdrop(ax, frame, b)
    m = frame.metres_per_inch
    x0, y_top = _to_metres(frame, b[0] + 0.12 * fs, b[3] - 0.2 * fs)
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
    _, y_text = _to_metres(frame, 0, b[1] + 0.1 * fs)
    ax.text(x0, y_text, scale_text, fontproperties=label_font, ha="left", va="bottom", color=TEXT_COLOUR,
            zorder=21)


def _km(value: float) -> str:
    return vn_number(value, 3)  # Vietnamese decimal comma: 2,5


def _label(frame: _MapFrame, key: str, text: str, x: float, y: float, size: float, bold: bool = False) -> Label:
    w, h = text_size_pt(text, size, bold)
    px, py = frame.to_page(x, y)
    return Label(key=key, text=text, x=px, y=py, width=w / 72, height=h / 72)


def _draw_district_labels(ax, frame: _MapFrame, geometry: PrintGeometry, fs: float, obstacles: list) -> list:
    size = SIZE_DISTRICT * fs
    order = np.argsort(-geometry.district_areas)
    candidates = [_label(frame, str(i), geometry.district_names[i], *geometry.district_anchors[i], size, bold=True)
                  for i in order]
    kept = place_without_overlap(candidates, obstacles, frame.page_box(), pad=0.03)
    halo = [patheffects.withStroke(linewidth=2.4, foreground="white")]
    for label in kept:
        x, y = geometry.district_anchors[int(label.key)]
        ax.text(x, y, label.text, fontproperties=font(size, bold=True), ha="center", va="center",
                color=TEXT_COLOUR, zorder=12, path_effects=halo)
    return [_padded(label, 0.02) for label in kept]


def _padded(label: Label, pad: float) -> tuple:
    return (label.x - label.width / 2 - pad, label.y - label.height / 2 - pad,
            label.x + label.width / 2 + pad, label.y + label.height / 2 + pad)


def _draw_neighbour_label(ax, frame: _MapFrame, geometry: PrintGeometry, fs: float, obstacles: list) -> list:
    """'TRUNG QUỐC' just beyond the border line, where it fits outside the province."""
    size = SIZE_NEIGHBOUR * fs
    text = texts.PRINT_NEIGHBOUR
    border = geometry.border_geom
    if border.is_empty:
        return []
    _, h = text_size_pt(text, size)
    fractions = (0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8, 0.15, 0.85, 0.1, 0.9)
    # Inches of open ground around the name, and how far out from the line: a roomy spot first.
    spots = [(c, extra, f) for c in (0.3, 0.12, 0.03) for extra in (0.0, 0.3, 0.6) for f in fractions]
    prepared = geometry.province_geom
    shapely.prepare(prepared)
    for clearance, extra, fraction in spots:
        offset = (h / 72 / 2 + clearance + extra + 0.06) * frame.metres_per_inch
        p = border.interpolate(fraction, normalized=True)
        q = border.interpolate(min(fraction + 0.01, 1.0), normalized=True)
        dx, dy = q.x - p.x, q.y - p.y
        norm = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / norm, dx / norm
        if geometry.province_geom.contains(shapely.Point(p.x + nx * 500, p.y + ny * 500)):
            nx, ny = -nx, -ny  # point away from the province, into China
        x, y = p.x + nx * offset, p.y + ny * offset
        label = _label(frame, "neighbour", text, x, y, size)
        box = _padded(label, 0.03)
        if prepared.intersects(frame.box_to_metres(_padded(label, clearance))):
            continue
        if place_without_overlap([label], obstacles, frame.page_box(), pad=0.03):
            ax.text(x, y, text, fontproperties=font(size), ha="center", va="center",
                    color="#6b6b6b", zorder=12)
            return [box]
    return []


def _draw_commune_labels(ax, frame: _MapFrame, geometry: PrintGeometry, selected: np.ndarray, fs: float,
                         obstacles: list, below: dict[int, tuple] | None = None) -> None:
    """Commune names where they fit: selected first, then larger communes; colliding ones dropped.

    A commune with a village badge (`below`: its box) has its name under the badge.
    """
    size = _commune_label_size(frame.denominator) * fs
    below = below or {}
    order = sorted(range(len(geometry.codes)), key=lambda i: (not selected[i], -geometry.areas[i]))
    candidates = []
    for i in order:
        label = _label(frame, str(i), geometry.names[i], *geometry.commune_anchors[i], size)
        if i in below:
            label = Label(label.key, label.text, label.x, below[i][1] - label.height / 2 - 0.01, label.width,
                          label.height)
        candidates.append(label)
    province = geometry.province_geom
    shapely.prepare(province)

    def on_land(box: tuple) -> bool:  # a name hanging over the province edge reads as a place outside
        return province.contains(frame.box_to_metres(box))

    kept = place_without_overlap(candidates, obstacles, frame.page_box(), pad=0.012, accept=on_land)
    dimmed = selected.any()
    for label in kept:
        i = int(label.key)
        x, y = _to_metres(frame, label.x, label.y)
        ax.text(x, y, label.text, fontproperties=font(size), ha="center", va="center", zorder=11,
                color=DIMMED_TEXT if dimmed and not selected[i] else TEXT_COLOUR)


def _commune_label_size(denominator: int) -> float:
    """Commune names grow as the map zooms in: few communes, room for larger text."""
    if denominator >= 600_000:
        return SIZE_COMMUNE
    if denominator >= 250_000:
        return SIZE_COMMUNE * 1.2
    return SIZE_COMMUNE * 1.45


def _draw_watermark(ax, frame: _MapFrame) -> None:
    """'Dữ liệu minh họa' diagonally across the map, light enough to read the map through."""
    w, h = frame.box[2], frame.box[3]
    angle = math.degrees(math.atan2(h, w))
    text_w = text_size_pt(texts.ILLUSTRATIVE, 100, bold=True)[0] / 72
    size = 100 * 0.7 * math.hypot(w, h) / text_w
    ax.text(0.5, 0.5, texts.ILLUSTRATIVE, transform=ax.transAxes, rotation=angle, rotation_mode="anchor",
            ha="center", va="center", fontproperties=font(size, bold=True), color=WATERMARK_COLOUR,
            alpha=WATERMARK_ALPHA, zorder=30)


def _draw_header(ax, layout: PageLayout, title: str, subtitle: str) -> None:
    """Province line, title and the filters, shrunk (never cut) until they fit the header band."""
    x, y, w, h = layout.header
    fs = layout.font_scale
    cx, top = x + w / 2, y + h
    ax.text(cx, top, texts.PRINT_HEADER.upper(), fontproperties=font(SIZE_HEADER * fs, bold=True),
            ha="center", va="top", color="#555555")
    header_h = text_size_pt("Ág", SIZE_HEADER * fs)[1] / 72 * 1.3
    for step in range(12):
        size = (SIZE_TITLE - step) * fs
        sub_size = max(SIZE_SUBTITLE * fs - step * 0.5 * fs, 7 * fs)
        lines = wrap_to_width(title, size, w * 72, bold=True)
        sub_lines = wrap_to_width(subtitle, sub_size, w * 72) if subtitle else []
        line_h = text_size_pt("Ág", size, bold=True)[1] / 72
        sub_h = text_size_pt("Ág", sub_size)[1] / 72
        if header_h + line_h * 1.12 * len(lines) + 0.04 * fs + sub_h * 1.15 * len(sub_lines) <= h:
            break
    y_text = top - header_h
    ax.text(cx, y_text, "\n".join(lines), fontproperties=font(size, bold=True), ha="center", va="top",
            color=TEXT_COLOUR, linespacing=1.1)
    if sub_lines:
        y_sub = y_text - line_h * 1.12 * len(lines) - 0.04 * fs
        ax.text(cx, y_sub, "\n".join(sub_lines), fontproperties=font(sub_size), ha="center", va="top",
                color="#333333", linespacing=1.1)


def _draw_inset(fig: Figure, page_ax, layout: PageLayout, geometry: PrintGeometry, frame: _MapFrame,
                selected: np.ndarray, width: float, height: float) -> None:
    """The province in miniature with the main map's extent (when zoomed) and the selection."""
    x, y, w, h = layout.inset
    fs = layout.font_scale
    title_h = text_size_pt(texts.PRINT_INSET_TITLE, SIZE_FURNITURE * fs * 1.25, bold=True)[1] / 72 * 1.4
    page_ax.text(x, y + h, texts.PRINT_INSET_TITLE, fontproperties=font(SIZE_FURNITURE * fs * 1.25, bold=True),
                 ha="left", va="top", color=TEXT_COLOUR)
    box = (x, y, w, h - title_h)
    ax = fig.add_axes((box[0] / width, box[1] / height, box[2] / width, box[3] / height))
    extent, _ = fit_extent(geometry.bounds, box[2], box[3], padding=0.06)
    ax.set_xlim(extent[0], extent[2])
    ax.set_ylim(extent[1], extent[3])
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_linewidth(0.5)
        spine.set_color("#777777")
    ax.add_collection(PathCollection(geometry.district_paths, facecolors="#ececec", edgecolors="#9a9a9a",
                                     linewidths=0.3, zorder=1))
    if selected.any():
        ax.add_collection(PathCollection([geometry.commune_paths[i] for i in np.flatnonzero(selected)],
                                         facecolors=style.SELECTION_EDGE, edgecolors="none", alpha=0.55, zorder=2))
    ax.add_collection(PathCollection(geometry.province_paths, facecolors="none", edgecolors=style.PROVINCE_EDGE,
                                     linewidths=0.7, zorder=3))
    ax.add_collection(LineCollection(_line_segments(geometry.border_geom), colors=style.BORDER_LINE,
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


def _draw_footer(ax, layout: PageLayout, view: MapView, export_date: datetime.date) -> None:
    """Source and date line on the left, the CRS on the right, the illustrative note when due."""
    x, y, w, h = layout.footer
    fs = layout.font_scale
    size = SIZE_FOOTER * fs
    line = nfc(view.source_line + "; " + texts.PRINT_EXPORT_DATE.format(date=export_date.strftime("%d/%m/%Y")))
    crs_w = text_size_pt(texts.PRINT_CRS, size * 0.95)[0] / 72
    lines = wrap_to_width(line, size, (w - crs_w - 0.25) * 72)
    if view.illustrative:
        lines_note = [texts.ILLUSTRATIVE_NOTE]
    else:
        lines_note = []
    line_h = text_size_pt("Ág", size)[1] / 72 * 1.15
    top = y + h
    ax.text(x, top, "\n".join(lines), fontproperties=font(size), ha="left", va="top", color=TEXT_COLOUR,
            linespacing=1.15)
    if lines_note:
        ax.text(x, top - line_h * len(lines) - 0.02, lines_note[0], fontproperties=font(size, bold=True),
                ha="left", va="top", color=ILLUSTRATIVE_COLOUR)
    ax.text(x + w, top, texts.PRINT_CRS, fontproperties=font(size * 0.95), ha="right", va="top", color="#555555")

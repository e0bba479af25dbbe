"""One unit's page of the atlas: its map at its own scale, the province map's legend, a locator, its facts and
its indicator table, under the page's header and over its footer.

The map is the print map's (layers/paper/drawing, labels, furniture) with the unit as the selection: the unit
in the view's colour, outlined; its neighbours greyed (the print map's veil over "no data") and named in grey;
its villages only. District names are left off at this scale (the facts name the unit's district): placing
them was most of a page's time. The legend is the province map's, made once, with its whole-province counts,
so a colour means the same class on every page. Only what lies near the frame is drawn (`near`).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import shapely
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.path import Path
from matplotlib.transforms import Affine2D

import texts
from layers import style
from layers.paper.atlas_blocks import draw_facts, draw_indicator_table, table_height
from layers.paper.atlas_sheets import IndicatorRow, UnitSheet
from layers.paper.drawing import (
    draw_features,
    draw_top,
    draw_village_badges,
    draw_village_points,
    draw_watermark,
    split_villages,
    village_badge_boxes,
    village_point_boxes,
)
from layers.paper.frame import MapFrame, map_axes, map_frame
from layers.paper.furniture import draw_furniture
from layers.paper.geometry import PrintGeometry, line_segments, polygon_path
from layers.paper.header_footer import draw_footer, draw_header
from layers.paper.labels import HALO, draw_commune_labels, draw_district_labels, draw_neighbour_label
from layers.paper.layout import MM_PER_INCH, Box, PageLayout, needed_scale, paper_units
from layers.paper.legend import SELECTION_WIDTH_PT, LegendContent, LegendItem, dim_colour, draw_legend
from layers.paper.text import TEXT_COLOUR, font
from layers.view import MapView

SIZE_PAGE_NUMBER = 7.5
SIZE_LOCATOR_TITLE = 7.0
LOCATOR_UNIT = "#b2182b"  # the unit on the locator, as the print map's locator marks the province
LOCATOR_TOLERANCE_M = 150.0  # the locator is a thumbnail: its outlines are simplified once per atlas
NEAR_MARGIN = 0.25  # what lies within this share of the frame's width beyond it is drawn too


@dataclass(frozen=True)
class UnitLayout:
    """The boxes of a unit page (inches from its lower left); `page` carries header, map, legend, locator
    (as `inset`) and footer for the print map's header and footer functions."""

    page: PageLayout
    facts: Box
    table: Box


def unit_layout(paper: str, orientation: str, rows: Sequence[IndicatorRow] = ()) -> UnitLayout:
    """Landscape: the map with the legend and locator under it on the left, the facts and the table on the
    right. Portrait: the map across the top, legend, locator and facts under it, the table at the bottom, as
    tall as `rows` (every page's indicators) need at the table's preferred size, within limits."""
    width, height, s, mm = paper_units(paper, orientation)
    margin, gap = mm(10), mm(5)
    header_h, footer_h = mm(20), mm(10)
    header = (margin, height - margin - header_h, width - margin, height - margin)
    footer = (margin, margin, width - margin, margin + footer_h)
    x0, x1 = margin, width - margin
    y0, y1 = margin + footer_h + mm(3), height - margin - header_h - mm(3)
    band = mm(52)  # legend and locator
    if orientation == "landscape":
        split = x0 + (x1 - x0) * 0.52
        map_box = (x0, y0 + band + gap, split, y1)
        inset = (split - band, y0, split, y0 + band)
        legend = (x0, y0, split - band - gap, y0 + band)
        table_h = min(max(table_height(rows, x1 - split - gap, s ** 0.5), (y1 - y0) * 0.4), (y1 - y0) * 0.62)
        table = (split + gap, y0, x1, y0 + table_h)
        facts = (split + gap, table[3] + gap, x1, y1)
    else:
        table_h = min(max(table_height(rows, x1 - x0, s ** 0.5), (y1 - y0) * 0.25), (y1 - y0) * 0.42)
        middle = (y0 + table_h + gap, y0 + table_h + gap + mm(60))  # legend, locator and facts
        map_box = (x0, middle[1] + gap, x1, y1)
        side = mm(40)
        inset = (x0, middle[1] - side - mm(6), x0 + side, middle[1])
        legend_w = (x1 - x0 - side - 2 * gap) * 0.44
        legend = (x0 + side + gap, middle[0], x0 + side + gap + legend_w, middle[1])
        facts = (legend[2] + gap, middle[0], x1, middle[1])
        table = (x0, y0, x1, y0 + table_h)
    page = PageLayout(width=width, height=height, scale=s, header=header, map=map_box, legend=legend, inset=inset,
                      footer=footer)
    return UnitLayout(page=page, facts=facts, table=table)


@dataclass(frozen=True)
class Locator:
    """The province as a thumbnail, simplified once per atlas: its outline, districts (if any) and border."""

    outline: list
    districts: list
    border: list
    extent: tuple


def make_locator(geometry: PrintGeometry, districts, box: Box) -> Locator:
    """The thumbnail of the province for a locator in `box` (page inches); `districts` are the district
    polygons in the print CRS (none in 2026-2030)."""
    def simple(geom):
        return shapely.simplify(geom, LOCATOR_TOLERANCE_M)

    west, south, east, north = geometry.bounds
    w, h = box[2] - box[0], box[3] - box[1]
    metres_per_inch = needed_scale(geometry.bounds, w, h, 0.04) * MM_PER_INCH / 1000
    cx, cy = (west + east) / 2, (south + north) / 2
    extent = (cx - w * metres_per_inch / 2, cy - h * metres_per_inch / 2,
              cx + w * metres_per_inch / 2, cy + h * metres_per_inch / 2)
    return Locator(outline=[polygon_path(simple(geometry.province_geom))],
                   districts=[polygon_path(simple(d)) for d in districts],
                   border=line_segments(simple(geometry.border_geom)), extent=extent)


@dataclass(frozen=True)
class UnitPageContext:
    """What every unit page shares: made once per atlas."""

    view: MapView
    geometry: PrintGeometry
    legend: LegendContent
    layout: UnitLayout
    locator: Locator
    title: str  # the atlas's title, under each unit's name
    heading: str  # the line above it (the province)
    export_date: datetime.date
    villages: pd.DataFrame | None
    top: tuple[str, ...]


def atlas_legend(content: LegendContent, unit_noun: str) -> LegendContent:
    """The province map's legend with the page's own marks: the unit outlined, its neighbours greyed. How the
    priority score is made is said once, on the cover, and each unit's score with its parts beside its map."""
    marks = (LegendItem(label=texts.ATLAS_LEGEND_UNIT.format(units=unit_noun).capitalize(), line=style.SELECTION_EDGE,
                        line_width=SELECTION_WIDTH_PT),
             LegendItem(label=texts.ATLAS_LEGEND_NEIGHBOURS, fill=dim_colour(style.NO_DATA)))
    return replace(content, outlines=content.outlines + marks, recipe="")


def near(geometry: PrintGeometry, extent: tuple) -> PrintGeometry:
    """The units and zones within reach of the frame, and the outlines cut to it: a page draws and labels
    a few dozen shapes, not the whole province."""
    x0, y0, x1, y1 = extent
    reach = (x1 - x0) * NEAR_MARGIN
    area = shapely.box(x0 - reach, y0 - reach, x1 + reach, y1 + reach)
    units = shapely.intersects(geometry.commune_geoms, area)
    zones = shapely.intersects(geometry.zone_geoms, area) if len(geometry.zone_geoms) else np.zeros(0, bool)
    districts = [i for i, p in enumerate(geometry.district_paths)
                 if area.intersects(shapely.box(*p.get_extents().get_points().ravel()))]
    province = _polygons(shapely.intersection(geometry.province_geom, area))
    return replace(
        geometry, codes=geometry.codes[units], names=geometry.names[units], areas=geometry.areas[units],
        commune_paths=[geometry.commune_paths[i] for i in np.flatnonzero(units)],
        commune_geoms=geometry.commune_geoms[units], commune_anchors=geometry.commune_anchors[units],
        district_names=[geometry.district_names[i] for i in districts],
        district_paths=[geometry.district_paths[i] for i in districts],
        district_anchors=geometry.district_anchors[districts].reshape(-1, 2),
        district_areas=geometry.district_areas[districts],
        province_paths=[polygon_path(province)] if not province.is_empty else [], province_geom=province,
        border_geom=shapely.intersection(geometry.border_geom, area),
        zone_names=geometry.zone_names[zones], zone_paths=[geometry.zone_paths[i] for i in np.flatnonzero(zones)],
        zone_geoms=geometry.zone_geoms[zones], zone_anchors=geometry.zone_anchors[zones].reshape(-1, 2),
        zone_areas=geometry.zone_areas[zones],
        zone_units=tuple(geometry.zone_units[i] for i in np.flatnonzero(zones)))


def _polygons(geom):
    """The polygons of a clipped shape (a cut along the clip's edge may also leave lines or points)."""
    parts = [part for part in shapely.get_parts(geom) if isinstance(part, shapely.Polygon) and not part.is_empty]
    return shapely.MultiPolygon(parts) if len(parts) != 1 else parts[0]


def blank_page(layout: PageLayout) -> tuple[Figure, object]:
    """A white page the size of the atlas's paper (a Figure of its own, not pyplot's), and an axes over it
    whose units are inches."""
    fig = Figure(figsize=(layout.width, layout.height), dpi=72, facecolor="white")
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, layout.width)
    ax.set_ylim(0, layout.height)
    ax.set_axis_off()
    return fig, ax


def unit_figure(sheet: UnitSheet, context: UnitPageContext, number: int, total: int) -> Figure:
    """The page of one unit, numbered `number` of `total`."""
    layout = context.layout.page
    fig, page_ax = blank_page(layout)
    fs = layout.font_scale
    frame = draw_page_map(fig, context, sheet.shown)
    draw_header(page_ax, layout, context.heading, sheet.name, context.title)
    draw_legend(page_ax, layout.legend, context.legend, fs)
    draw_locator(page_ax, layout, context, sheet.shown, frame)
    draw_facts(page_ax, context.layout.facts, sheet.facts, fs)
    draw_indicator_table(page_ax, context.layout.table, sheet.indicators, fs)
    draw_footer(page_ax, layout, context.view, context.export_date)
    draw_page_number(page_ax, layout, number, total)
    return fig


def draw_page_number(ax, layout: PageLayout, number: int, total: int) -> None:
    """"Trang n/N" at the foot of the page, under the coordinate system's note."""
    x0, y0, x1, _ = layout.footer
    ax.text(x1, y0, texts.ATLAS_PAGE_NUMBER.format(page=number, pages=total),
            fontproperties=font(SIZE_PAGE_NUMBER * layout.font_scale, bold=True), ha="right", va="bottom",
            color=TEXT_COLOUR)


def draw_page_map(fig: Figure, context: UnitPageContext, members: Sequence[str], coloured: Sequence[str] | None = None,
                  districts: PrintGeometry | None = None) -> MapFrame:
    """The page's map: framed on `members` (a unit; a district's units) and outlined round them; `coloured`
    (default all of them) in the view's colours, named first and with their villages; the rest greyed as
    neighbours. With `districts` (a geometry whose district fields are the neighbouring districts), their
    names too."""
    layout, geometry = context.layout.page, context.geometry
    fs = layout.font_scale
    coloured = list(members if coloured is None else coloured)
    frame = map_frame(layout.map, geometry, np.isin(geometry.codes, list(members)))
    local = near(geometry, frame.extent)
    outlined, selected = np.isin(local.codes, list(members)), np.isin(local.codes, coloured)
    ax = map_axes(fig, frame, layout.width, layout.height)
    own = {code: context.view.fills[code] for code in coloured if code in context.view.fills}
    own.update({code: dim_colour(style.NO_DATA) for code in members if code not in set(coloured)})
    draw_features(ax, replace(context.view, fills=own), local, outlined)  # the others: "no data", veiled
    draw_top(ax, local, selected & np.isin(local.codes, list(context.top)))
    villages = None if context.villages is None else \
        context.villages[context.villages["gso_code"].astype(str).isin(coloured)]
    points, badges = split_villages(villages, local)
    draw_village_points(ax, points, fs)
    obstacles = draw_furniture(ax, frame, local, fs)
    named = None if districts is None else _districts_in(districts, local, frame.extent)
    if named is not None and named.district_paths:
        marks = village_point_boxes(frame, points, fs) + list(village_badge_boxes(frame, local, badges, fs).values())
        obstacles += draw_district_labels(ax, frame, named, fs, obstacles, marks=marks)
    obstacles += draw_neighbour_label(ax, frame, local, fs, obstacles)
    badge_boxes = draw_village_badges(ax, frame, local, badges, fs, obstacles, selected=selected)
    obstacles += list(badge_boxes.values())
    draw_commune_labels(ax, frame, local, selected, fs, obstacles, below=badge_boxes)
    names = set(local.names[selected])
    for text in list(ax.texts):  # the page's own names, readable on a dark class colour too (Khu vực III)
        if text.get_text() in names:
            _halo_under(ax, text)
    if context.view.illustrative:
        draw_watermark(ax, frame)
    return frame


def _districts_in(districts: PrintGeometry, local: PrintGeometry, extent: tuple) -> PrintGeometry:
    """`local` with the district fields of those of `districts` that reach into the map's `extent`."""
    x0, y0, x1, y1 = extent

    def reaches(path) -> bool:
        box = path.get_extents()
        return box.x0 < x1 and box.x1 > x0 and box.y0 < y1 and box.y1 > y0

    return local.with_districts(districts, [i for i, path in enumerate(districts.district_paths) if reaches(path)])


def locator_box(layout: PageLayout) -> Box:
    """The locator's square, in the inset box under its title."""
    x0, y0, x1, y1 = layout.inset
    side = min(x1 - x0, y1 - y0 - _locator_title_size(layout) * 1.6 / 72)
    return x0, y0, x0 + side, y0 + side


def _locator_title_size(layout: PageLayout) -> float:
    return SIZE_LOCATOR_TITLE * layout.font_scale


def _halo_under(ax, text) -> None:
    """A white outline under `text`, drawn as a shape of its own, so the name itself stays text in the PDF
    (a text with a path effect is written as outlines, which a reader cannot search or copy)."""
    x, y = text.get_position()
    ax.text(x, y, text.get_text(), fontproperties=text.get_fontproperties(), ha=text.get_ha(), va=text.get_va(),
            color="white", zorder=text.get_zorder() - 0.1, path_effects=HALO)


def draw_locator(page_ax, layout: PageLayout, context: UnitPageContext, codes: Sequence[str], frame: MapFrame) -> None:
    """The province in miniature with the page's units in red and the map's extent boxed, under a title; drawn on the
    page itself through a transform (metres to page inches), since an axes of its own costs more to make than
    all it holds."""
    x0, _, _, y1 = layout.inset
    page_ax.text(x0, y1, texts.PRINT_INSET_TITLE, fontproperties=font(_locator_title_size(layout), bold=True),
                 ha="left", va="top", color=TEXT_COLOUR)
    box = locator_box(layout)
    locator, geometry = context.locator, context.geometry
    ex = locator.extent
    scale = (box[2] - box[0]) / (ex[2] - ex[0])
    to_page = Affine2D().translate(-ex[0], -ex[1]).scale(scale).translate(box[0], box[1]) + page_ax.transData
    clip = Rectangle((box[0], box[1]), box[2] - box[0], box[3] - box[1], transform=page_ax.transData)
    unit = [geometry.commune_paths[i] for i in np.flatnonzero(np.isin(geometry.codes, list(codes)))]
    extent = Path.unit_rectangle().transformed(Affine2D().scale(frame.extent[2] - frame.extent[0],
                                                                frame.extent[3] - frame.extent[1])
                                               .translate(frame.extent[0], frame.extent[1]))
    for artist in (
            PathCollection(locator.outline, facecolors="#ececec", edgecolors="none", zorder=1),
            PathCollection(unit, facecolors=LOCATOR_UNIT, edgecolors="none", zorder=2),
            PathCollection(locator.districts, facecolors="none", edgecolors="#9a9a9a", linewidths=0.3, zorder=3),
            PathCollection(locator.outline, facecolors="none", edgecolors=style.PROVINCE_EDGE, linewidths=0.6,
                           zorder=4),
            LineCollection(locator.border, colors=style.BORDER_LINE, linewidths=0.7, linestyles=(0, (3, 1.6)),
                           zorder=5),
            PathCollection([extent], facecolors="none", edgecolors="#000000", linewidths=0.8, zorder=6)):
        artist.set_transform(to_page)
        artist.set_clip_path(clip)
        page_ax.add_artist(artist)

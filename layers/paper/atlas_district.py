"""One district's page of the atlas: the unit page's frame (layers/paper/atlas_unit) with the district's units
as the page's units: its map at its own scale, its filtered units in the view's colours and named, the rest of
its units and its neighbours greyed, the neighbouring districts named; the province map's legend; its facts and
its indicators rolled up (atlas_districts).

District outlines are those the print map draws: the 11 districts of 2021-2025 (ProvinceData.districts). The
2026-2030 data has no districts, so a former district is the union of its units as the map draws them (a unit
spanning two former districts lies wholly in the one holding most of it); it is outlined as the page's units
and named where it neighbours the page's, but not drawn as a district line, which the legend would not explain.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import shapely
from matplotlib.figure import Figure

from geo.province import ProvinceData
from geo.vnformat import nfc
from geo.webgeom import label_point
from layers.paper.atlas_blocks import LABEL_COLOUR, LINE_SPACING, draw_facts, draw_indicator_table
from layers.paper.atlas_districts import DistrictSheet, district_keys, district_title
from layers.paper.atlas_unit import (
    UnitPageContext,
    blank_page,
    draw_locator,
    draw_page_map,
    draw_page_number,
)
from layers.paper.geometry import PrintGeometry, closed, polygon_path
from layers.paper.header_footer import draw_footer, draw_header
from layers.paper.layout import Box
from layers.paper.legend import draw_legend
from layers.paper.text import font, wrap_to_width
from layers.style import short_district_name

ANCHOR_TOLERANCE_M = 25.0  # as the print map's label anchors (layers/paper/geometry.py)
NOTE_SIZE_PT = 6.0  # the table's note, on A4
FACTS_SMALLEST_PT = 6.5  # a district's facts end with its units by rank: the last of them go before the text
#                          shrinks below this (on A4)


@dataclass(frozen=True)
class DistrictShapes:
    """Every district (former district) of the period, for naming a page's neighbours: made once per atlas."""

    keys: tuple[str, ...]  # as the table names them ("Huyện Bắc Sơn")
    geometry: PrintGeometry  # whose district fields are these districts, in `keys` order

    def others(self, key: str) -> PrintGeometry:
        """The geometry with every district but `key`: the neighbours a page names."""
        return self.geometry.with_districts(self.geometry, [i for i, k in enumerate(self.keys) if k != key])


def district_shapes(data: ProvinceData, geometry: PrintGeometry, table: pd.DataFrame) -> DistrictShapes:
    """2021-2025: the print map's districts. 2026-2030: each former district as the union of its units (the
    table's `district`), named "… (cũ)"."""
    if len(data.districts):
        return DistrictShapes(keys=tuple(nfc(str(d)) for d in data.districts["district"]), geometry=geometry)
    district_of = pd.Series(district_keys(table).to_numpy(), index=table["gso_code"].astype(str))
    groups = pd.Series(geometry.codes).map(district_of)
    keys, shapes = [], []
    for key, positions in groups.groupby(groups, sort=False).indices.items():
        keys.append(nfc(key))
        shapes.append(closed(shapely.union_all(geometry.commune_geoms[positions])))
    anchors = [label_point(shape, tolerance=ANCHOR_TOLERANCE_M) for shape in shapes]
    names = [short_district_name(district_title(key, data.period)).upper() for key in keys]
    return DistrictShapes(keys=tuple(keys), geometry=replace(
        geometry, district_names=names, district_paths=[polygon_path(s) for s in shapes],
        district_anchors=np.array([(p.x, p.y) for p in anchors]).reshape(-1, 2),
        district_areas=np.asarray(shapely.area(shapes), dtype=float)))


def district_figure(sheet: DistrictSheet, context: UnitPageContext, shapes: DistrictShapes, number: int,
                    total: int) -> Figure:
    """The page of one district, numbered `number` of `total`."""
    layout = context.layout.page
    fig, page_ax = blank_page(layout)
    fs = layout.font_scale
    frame = draw_page_map(fig, context, sheet.units, sheet.shown, districts=shapes.others(sheet.code))
    draw_header(page_ax, layout, context.heading, sheet.name, context.title)
    draw_legend(page_ax, layout.legend, context.legend, fs)
    draw_locator(page_ax, layout, context, sheet.units, frame)
    draw_facts(page_ax, context.layout.facts, sheet.facts, fs, smallest=FACTS_SMALLEST_PT)
    _draw_table(page_ax, context.layout.table, sheet, fs)
    draw_footer(page_ax, layout, context.view, context.export_date)
    draw_page_number(page_ax, layout, number, total)
    return fig


def _draw_table(ax, box: Box, sheet: DistrictSheet, fs: float) -> None:
    """The rolled-up indicator table, with how it was rolled up in small type under it (not among the facts,
    where it would take the room of the units by rank)."""
    x0, y0, x1, y1 = box
    size = NOTE_SIZE_PT * fs
    lines = wrap_to_width(sheet.table_note, size, (x1 - x0) * 72) if sheet.table_note and sheet.indicators else []
    note_h = len(lines) * size * LINE_SPACING / 72
    draw_indicator_table(ax, (x0, y0 + note_h + (size / 72 if lines else 0), x1, y1), sheet.indicators, fs)
    if lines:
        ax.text(x0, y0 + note_h, "\n".join(lines), fontproperties=font(size), ha="left", va="top",
                color=LABEL_COLOUR, linespacing=LINE_SPACING)

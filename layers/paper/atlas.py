"""The atlas: the map page's view as one PDF with a cover, the print map of them all, a contents list and one page
per unit.

`render_atlas` takes the map page's model (layers.page.MapPage: its view, filter, options) and the period's
data, plans the pages (atlas_sheets: which units, in which order, what each page says), then draws them one at
a time (atlas_front: cover and contents; atlas_unit: a unit's page) into matplotlib's PdfPages, closing each
figure before the next, so memory holds one page, not the atlas. With `png_dpi`, each page is also written
as a PNG into a ZIP. Fonts are embedded once, as TrueType (Type 42), so the text is searchable.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from matplotlib.figure import Figure

import texts
from geo.province import ProvinceData
from geo.vnformat import COUNT_FORMAT, export_now, nfc
from layers.page import MapPage
from layers.paper.atlas_district import district_figure, district_shapes
from layers.paper.atlas_districts import PER_DISTRICT, PER_UNIT, PERS, district_noun, plan_district_atlas
from layers.paper.atlas_front import Cover, contents_figure, contents_grid, contents_pages, cover_figure
from layers.paper.atlas_sheets import ORDER_NAME, ORDERS, AtlasPlan, plan_atlas
from layers.paper.atlas_unit import (
    UnitPageContext,
    atlas_legend,
    draw_page_number,
    locator_box,
    make_locator,
    unit_figure,
    unit_layout,
)
from layers.paper.geometry import PRINT_CRS, print_geometry
from layers.paper.header_footer import province_heading
from layers.paper.layout import page_layout
from layers.paper.legend import legend_content, overlay_items
from layers.paper.page_writer import PNG_DPI, PageWriter, Progress
from layers.paper.render import build_figure
from layers.thematic import PRIORITY

__all__ = ["ORDERS", "PERS", "PER_DISTRICT", "PER_UNIT", "ZIP_MIME", "AtlasFiles", "render_atlas",
           "render_atlas_files"]  # ORDERS from atlas_sheets, PERS... from atlas_districts

ZIP_MIME = "application/zip"
# Embedded TrueType text, titles printed as typed, unhinted glyphs: matplotlib's settings made by render.py.


@dataclass(frozen=True)
class AtlasFiles:
    pdf: bytes
    png_zip: bytes | None  # each page as a PNG, when asked
    pages: int


def render_atlas(page: MapPage, data: ProvinceData, table: pd.DataFrame, **options) -> bytes:
    """The atlas as PDF bytes (see render_atlas_files for the options)."""
    return render_atlas_files(page, data, table, **options).pdf


def render_atlas_files(page: MapPage, data: ProvinceData, table: pd.DataFrame, *, order: str = ORDER_NAME,
                       units: Sequence[str] | None = None, villages: pd.DataFrame | None = None, paper: str = "A4",
                       orientation: str = "portrait", title: str | None = None,
                       export_date: datetime.date | None = None, png_dpi: int | None = None,
                       progress: Progress | None = None, per: str = PER_UNIT) -> AtlasFiles:
    """The atlas of `page` over `data` (the period's full-resolution boundaries) and `table` (one row per unit
    with its values: layers.page's input).

    `units`: the units to print (default: the page's filter; all when it has none), in `order` (ORDERS: by
    name, by priority rank, by gap to the target); `villages` (gso_code, village[, lon, lat]) when the map
    shows them; `title` defaults to the view's. `progress(done, total)` is called after every page. `per`
    (PERS): one page per unit, or per district (2021-2025) / former district (2026-2030) holding at least one
    of the units, its units' values rolled up (atlas_districts).
    """
    if png_dpi is not None and not PNG_DPI[0] <= png_dpi <= PNG_DPI[1]:
        raise ValueError(f"png_dpi must be between {PNG_DPI[0]} and {PNG_DPI[1]}, not {png_dpi}")
    if per not in PERS:
        raise ValueError(f"per must be one of {PERS}, not {per!r}")
    if per == PER_UNIT:
        plan = plan_atlas(page, table, data.period, order=order, units=units, villages=villages)
    else:
        plan = plan_district_atlas(page, table, data.period, order=order, units=units)
    if not plan.sheets:
        raise ValueError("an atlas needs at least one unit")
    view = page.built.view
    title = nfc(title if title is not None else view.title)
    day = export_date or export_now().date()
    layout = unit_layout(paper, orientation, plan.sheets[0].indicators)  # the same indicators on every page
    grid = contents_grid(layout, orientation)
    front = 2 + contents_pages(1 + len(plan.sheets), grid)  # the cover, the map of them all, the contents
    total = front + len(plan.sheets)
    noun = texts.UNIT_NOUN[data.period.key] if per == PER_UNIT else district_noun(data.period)
    context = _context(page, data, plan, layout, title, day, villages, noun)
    cover = _cover(page, data, plan, title, day, noun)
    if per == PER_UNIT:
        def sheet_figure(sheet, number: int) -> Figure:
            return unit_figure(sheet, context, number, total)
    else:
        shapes = district_shapes(data, context.geometry, table)

        def sheet_figure(sheet, number: int) -> Figure:
            return district_figure(sheet, context, shapes, number, total)

    metadata = {"Title": title, "Subject": nfc(view.subtitle), "Creator": texts.APP_TITLE, "CreationDate": None}
    with PageWriter(metadata, total, progress, png_dpi) as pages:
        emit = pages.emit
        emit(cover_figure(cover, view, layout, total))
        emit(print_map_page(page, data, villages, paper, orientation, title, day, 2, total))
        entries = [(texts.ATLAS_CONTENTS_OVERVIEW, "", 2)]
        entries += [(sheet.entry, sheet.note, front + 1 + i) for i, sheet in enumerate(plan.sheets)]
        for k in range(front - 2):
            emit(contents_figure(entries[k * grid.per_page:(k + 1) * grid.per_page], grid, layout, view, day,
                                 3 + k, total))
        for i, sheet in enumerate(plan.sheets):
            emit(sheet_figure(sheet, front + 1 + i))
    return AtlasFiles(pdf=pages.pdf, png_zip=pages.png_zip, pages=total)


def print_map_page(page: MapPage, data: ProvinceData, villages: pd.DataFrame | None, paper: str,
                   orientation: str, title: str, day: datetime.date, number: int, total: int) -> Figure:
    """The print map of `page` as the export section's PDF prints it (layers/paper/render.build_figure: its top
    units, its villages), numbered "Trang number/total": the atlas's page 2, whose legend every unit page
    repeats, and each page of a briefing pack."""
    fig = build_figure(page.built.view, data, page=paper, orientation=orientation, title=title, export_date=day,
                       highlighted=page.built.top, villages=villages)
    draw_page_number(fig.axes[0], page_layout(paper, orientation), number, total)  # the first axes is the page's
    return fig


def _context(page: MapPage, data: ProvinceData, plan: AtlasPlan, layout, title: str, day: datetime.date,
             villages: pd.DataFrame | None, noun: str) -> UnitPageContext:
    built, geometry = page.built, print_geometry(data)
    view = built.view
    chosen = {code for sheet in plan.sheets for code in sheet.shown}
    own = None if villages is None else villages[villages["gso_code"].astype(str).isin(chosen)]
    placed = pd.Series(dtype=bool) if own is None else own[["lon", "lat"]].notna().all(axis=1) \
        if {"lon", "lat"} <= set(own.columns) else pd.Series(False, index=own.index)
    has_xy, no_xy = bool(placed.any()), bool((~placed).any())  # villages as points; as a count on their unit
    top = built.top if page.choices.options.kind == PRIORITY else ()
    overlays = overlay_items(len(top), village_points=has_xy, village_badges=no_xy, top_of=view.top_n)
    content = legend_content(view, False, overlays, districts=bool(geometry.district_paths),
                             zones=bool(geometry.zone_paths), units=None)
    districts = data.districts.to_crs(PRINT_CRS).geometry.values if len(data.districts) else []
    return UnitPageContext(view=view, geometry=geometry, legend=atlas_legend(content, noun),
                           layout=layout, locator=make_locator(geometry, districts, locator_box(layout.page)),
                           title=title, heading=province_heading(data.province), export_date=day, villages=own,
                           top=tuple(top))


def _cover(page: MapPage, data: ProvinceData, plan: AtlasPlan, title: str, day: datetime.date, noun: str) -> Cover:
    view = page.built.view
    units = texts.ATLAS_COVER_UNIT_COUNT.format(count=COUNT_FORMAT.number(len(plan.sheets)), units=noun)
    return Cover(heading=province_heading(data.province), title=title, view_title=nfc(view.title),
                 period=texts.PERIOD_NAMES[data.period.key], filters=nfc(page.subtitle), units=units,
                 order=plan.order_words, recipe=plan.recipe, sources=tuple(nfc(s) for s in view.sources),
                 export_date=day, illustrative=view.illustrative)

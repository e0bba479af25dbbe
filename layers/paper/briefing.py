"""The briefing pack as one PDF: an optional cover listing the views, then one page per view, each that view's
print map exactly as the map page's PDF export prints it (layers/paper/render.build_figure), numbered
"Trang k/n".

Views may be of different periods and data sources: the caller hands each one's map page model, its period's
full-resolution boundaries and its villages (BriefingSheet). Pages are drawn one at a time into matplotlib's
PdfPages and let go before the next (layers/paper/page_writer.py), with the atlas's cover head, print map page
and page number; fonts are embedded as TrueType (Type 42), so the text is searchable.
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
from layers.briefing import PackEntry, entry
from layers.page import MapPage
from layers.paper.atlas import print_map_page
from layers.paper.atlas_blocks import draw_facts
from layers.paper.atlas_front import draw_cover_head
from layers.paper.atlas_unit import blank_page, draw_page_number
from layers.paper.header_footer import province_heading
from layers.paper.layout import PageLayout, page_layout
from layers.paper.page_writer import PageWriter, Progress


@dataclass(frozen=True)
class BriefingSheet:
    """One view of the pack, ready to print: the map page's model, its period's boundaries, the villages its
    map shows (None when it shows none) and the title typed for it ("" for the view's own)."""

    page: MapPage
    data: ProvinceData
    villages: pd.DataFrame | None = None
    title: str = ""

    @property
    def printed_title(self) -> str:
        return nfc(self.title or self.page.built.view.title)


def render_briefing(sheets: Sequence[BriefingSheet], *, cover: bool = True, cover_title: str = "",
                    paper: str = "A4", orientation: str = "landscape", export_date: datetime.date | None = None,
                    progress: Progress | None = None) -> bytes:
    """The pack as PDF bytes: with `cover`, a first page naming the pack (`cover_title` under "Tài liệu họp"),
    the date and each view with its page; then each sheet's print map. `progress(done, total)` after each page."""
    if not sheets:
        raise ValueError("a briefing pack needs at least one view")
    day = export_date or export_now().date()
    layout = page_layout(paper, orientation)
    first = 2 if cover else 1  # the first view's page
    total = len(sheets) + first - 1
    metadata = {"Title": nfc(cover_title) or texts.BRIEFING_KIND, "Creator": texts.APP_TITLE, "CreationDate": None}
    with PageWriter(metadata, total, progress) as pages:
        emit = pages.emit

        if cover:
            entries = [entry(sheet.page, sheet.printed_title) for sheet in sheets]
            emit(cover_figure(entries, layout, province_heading(sheets[0].data.province), cover_title, day, total))
        for k, sheet in enumerate(sheets):
            emit(print_map_page(sheet.page, sheet.data, sheet.villages, paper, orientation, sheet.printed_title, day,
                                first + k, total))
    return pages.pdf


def cover_figure(entries: Sequence[PackEntry], layout: PageLayout, heading: str, title: str,
                 day: datetime.date, total: int) -> Figure:
    """Page 1: the province, "Tài liệu họp", the title typed, the illustrative stamp when any view shows demo
    data, then the date and each view with its page number."""
    fig, ax = blank_page(layout)
    fs = layout.font_scale
    x0, _, x1, _ = layout.header
    y = draw_cover_head(ax, layout, heading, texts.BRIEFING_KIND, nfc(title), any(e.illustrative for e in entries))
    first = total - len(entries) + 1
    facts = [(texts.XLSX_EXPORTED_AT, day.strftime("%d/%m/%Y")),
             (texts.BRIEFING_COVER_MAPS, texts.BRIEFING_COVER_COUNT.format(count=COUNT_FORMAT.number(len(entries))))]
    facts += [(texts.BRIEFING_COVER_PAGE.format(page=first + k), _cover_line(e)) for k, e in enumerate(entries)]
    draw_facts(ax, (x0, layout.footer[3], x1, y), [(nfc(k), nfc(v)) for k, v in facts], fs)
    draw_page_number(ax, layout, 1, total)
    return fig


def _cover_line(e: PackEntry) -> str:
    """A view on the cover: its title naming its period (a title typed for it may not), filters and data."""
    title = e.title if e.period in e.title else texts.TITLE_IN_PERIOD.format(title=e.title, period=e.period)
    return texts.BRIEFING_COVER_ENTRY.format(title=title, filters=e.filters, source=e.source)


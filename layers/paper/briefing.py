"""The briefing pack as one PDF: an optional cover listing the views, then one page per view, each that view's
print map exactly as the map page's PDF export prints it (layers/paper/render.build_figure), numbered
"Trang k/n".

Views may be of different periods and data sources: the caller hands each one's map page model, its period's
full-resolution boundaries and its villages (BriefingSheet). Pages are drawn one at a time into matplotlib's
PdfPages and let go before the next, as the atlas does (layers/paper/atlas.py), with the atlas's cover pieces
and page number; fonts are embedded as TrueType (Type 42), so the text is searchable.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import matplotlib
import pandas as pd
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

import texts
from geo.province import ProvinceData
from geo.vnformat import COUNT_FORMAT, export_now, nfc
from layers.briefing import PackEntry, entry
from layers.page import MapPage
from layers.paper.atlas_blocks import draw_facts
from layers.paper.atlas_front import MUTED, SIZE_HEADING, SIZE_KIND, SIZE_TITLE, draw_stamp
from layers.paper.atlas_unit import blank_page, draw_page_number
from layers.paper.header_footer import province_heading
from layers.paper.layout import PageLayout, page_layout
from layers.paper.render import build_figure
from layers.paper.text import LINE_SAMPLE, TEXT_COLOUR, font, text_size_pt, wrap_to_width

# As the print map (render.py): embedded TrueType text, titles printed as typed, unhinted glyphs.
matplotlib.rcParams["pdf.fonttype"] = 42
matplotlib.rcParams["text.parse_math"] = False
matplotlib.rcParams["text.hinting"] = "no_hinting"

Progress = Callable[[int, int], None]  # (pages done, pages in all)


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
    buffer = io.BytesIO()
    with PdfPages(buffer, metadata=metadata) as pdf:
        done = 0

        def emit(fig: Figure) -> None:
            nonlocal done
            pdf.savefig(fig)
            fig.clear()  # the page is written: let its artists go before the next is drawn
            done += 1
            if progress is not None:
                progress(done, total)

        if cover:
            entries = [entry(sheet.page, sheet.printed_title) for sheet in sheets]
            emit(cover_figure(entries, layout, province_heading(sheets[0].data.province), cover_title, day, total))
        for k, sheet in enumerate(sheets):
            emit(view_figure(sheet, layout, paper, orientation, day, first + k, total))
    return buffer.getvalue()


def view_figure(sheet: BriefingSheet, layout: PageLayout, paper: str, orientation: str, day: datetime.date,
                number: int, total: int) -> Figure:
    """A view's page: the print map as the export section prints it (its title, top N, villages), numbered."""
    built = sheet.page.built
    fig = build_figure(built.view, sheet.data, page=paper, orientation=orientation, title=sheet.printed_title,
                       export_date=day, highlighted=built.top, villages=sheet.villages)
    draw_page_number(fig.axes[0], layout, number, total)  # the first axes is the page's
    return fig


def cover_figure(entries: Sequence[PackEntry], layout: PageLayout, heading: str, title: str,
                 day: datetime.date, total: int) -> Figure:
    """Page 1: the province, "Tài liệu họp", the title typed, the illustrative stamp when any view shows demo
    data, then the date and each view with its page number."""
    fig, ax = blank_page(layout)
    fs = layout.font_scale
    x0, _, x1, top = layout.header
    width = x1 - x0
    y = top
    ax.text(x0, y, heading.upper(), fontproperties=font(SIZE_HEADING * fs, bold=True), ha="left", va="top",
            color=MUTED)
    y -= _line(SIZE_HEADING * fs) * 2.2
    ax.text(x0, y, texts.BRIEFING_KIND.upper(), fontproperties=font(SIZE_KIND * fs, bold=True), ha="left",
            va="top", color=MUTED)
    y -= _line(SIZE_KIND * fs) * 1.4
    if title.strip():
        lines = wrap_to_width(nfc(title), SIZE_TITLE * fs, width * 72, bold=True)
        ax.text(x0, y, "\n".join(lines), fontproperties=font(SIZE_TITLE * fs, bold=True), ha="left", va="top",
                color=TEXT_COLOUR, linespacing=1.15)
        y -= _line(SIZE_TITLE * fs) * 1.15 * len(lines) + 0.15 * fs
    ax.plot([x0, x1], [y, y], color=TEXT_COLOUR, linewidth=1.2)
    y -= 0.25 * fs
    if any(e.illustrative for e in entries):
        y = draw_stamp(ax, x0, y, width, fs)
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


def _line(size: float) -> float:
    return text_size_pt(LINE_SAMPLE, size)[1] / 72

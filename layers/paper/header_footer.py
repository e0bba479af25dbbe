"""The page around the map: title and filters above it, sources, date and CRS below it.

The header shrinks its text (never cuts it) until it fits its band; the footer
wraps the source line beside the CRS and the illustrative note, shrinking it to fit too.
"""

from __future__ import annotations

import datetime

import geopandas as gpd

import texts
from geo.vnformat import nfc
from layers.paper.layout import PageLayout, box_size
from layers.paper.text import LINE_SAMPLE, TEXT_COLOUR, font, text_size_pt, wrap_to_width
from layers.view import MapView

# Text sizes on A4, in points (scaled up on A3 by PageLayout.font_scale).
SIZE_HEADER, SIZE_TITLE, SIZE_SUBTITLE = 8.5, 17.0, 10.5
SIZE_FOOTER = 7.0
SMALLEST_FOOTER = 5.5  # the footer shrinks to this, never further (a printed page stays readable)
ILLUSTRATIVE_COLOUR = "#9a5b00"


def province_heading(province: gpd.GeoDataFrame) -> str:
    """The line above the title: the name the province's outline file gives (the province, or what a national
    data set calls itself), else the province this app was made for."""
    names = province.get("province")
    name = names.iloc[0] if names is not None and len(names) else None
    return (nfc(name).strip() if isinstance(name, str) else "") or texts.PRINT_HEADER


def draw_header(ax, layout: PageLayout, heading: str, title: str, subtitle: str) -> None:
    """Province line (`heading`), title and the filters, shrunk (never cut) until they fit the header band."""
    x0, _, x1, top = layout.header
    w, h = box_size(layout.header)
    fs = layout.font_scale
    cx = (x0 + x1) / 2
    ax.text(cx, top, heading.upper(), fontproperties=font(SIZE_HEADER * fs, bold=True),
            ha="center", va="top", color="#555555")
    header_h = text_size_pt(LINE_SAMPLE, SIZE_HEADER * fs)[1] / 72 * 1.3
    for step in range(12):
        size = (SIZE_TITLE - step) * fs
        sub_size = max(SIZE_SUBTITLE * fs - step * 0.5 * fs, 7 * fs)
        lines = wrap_to_width(title, size, w * 72, bold=True)
        sub_lines = wrap_to_width(subtitle, sub_size, w * 72) if subtitle else []
        line_h = text_size_pt(LINE_SAMPLE, size, bold=True)[1] / 72
        sub_h = text_size_pt(LINE_SAMPLE, sub_size)[1] / 72
        if header_h + line_h * 1.12 * len(lines) + 0.04 * fs + sub_h * 1.15 * len(sub_lines) <= h:
            break
    y_text = top - header_h
    ax.text(cx, y_text, "\n".join(lines), fontproperties=font(size, bold=True), ha="center", va="top",
            color=TEXT_COLOUR, linespacing=1.1)
    if sub_lines:
        y_sub = y_text - line_h * 1.12 * len(lines) - 0.04 * fs
        ax.text(cx, y_sub, "\n".join(sub_lines), fontproperties=font(sub_size), ha="center", va="top",
                color="#333333", linespacing=1.1)


def draw_footer(ax, layout: PageLayout, view: MapView, export_date: datetime.date) -> None:
    """Source and date lines on the left; on the right the CRS and, under it, the illustrative note when due.
    The source text shrinks (to SMALLEST_FOOTER, never cut) until it fits the footer band: 2026-2030's list of
    sources is five lines long at the first size."""
    x0, y0, x1, top = layout.footer
    fs = layout.font_scale
    line = nfc(view.source_line + "; " + texts.PRINT_EXPORT_DATE.format(date=export_date.strftime("%d/%m/%Y")))
    right_w = max([text_size_pt(texts.PRINT_CRS, SIZE_FOOTER * fs * 0.95)[0]] + [
        text_size_pt(texts.ILLUSTRATIVE_NOTE, SIZE_FOOTER * fs, bold=True)[0]] * view.illustrative) / 72
    for size in _footer_sizes(fs):
        lines = wrap_to_width(line, size, (x1 - x0 - right_w - 0.25) * 72)
        line_h = text_size_pt(LINE_SAMPLE, size)[1] / 72 * 1.15
        if line_h * len(lines) <= top - y0:
            break
    ax.text(x0, top, "\n".join(lines), fontproperties=font(size), ha="left", va="top", color=TEXT_COLOUR,
            linespacing=1.15)
    right_size = SIZE_FOOTER * fs
    ax.text(x1, top, texts.PRINT_CRS, fontproperties=font(right_size * 0.95), ha="right", va="top", color="#555555")
    if view.illustrative:
        below_crs = top - text_size_pt(LINE_SAMPLE, right_size)[1] / 72 * 1.3
        ax.text(x1, below_crs, texts.ILLUSTRATIVE_NOTE, fontproperties=font(right_size, bold=True), ha="right",
                va="top", color=ILLUSTRATIVE_COLOUR)


def _footer_sizes(font_scale: float) -> list[float]:
    """The footer's text sizes to try, largest first, in half points."""
    steps = int((SIZE_FOOTER - SMALLEST_FOOTER) / 0.5)
    return [(SIZE_FOOTER - 0.5 * step) * font_scale for step in range(steps + 1)]

"""The atlas's first pages: the cover (what the atlas shows, from which data, when) and the contents (each
unit and its page), on the same paper as the unit pages, with the same footer and page numbers."""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

import texts
from geo.vnformat import COUNT_FORMAT, nfc
from layers.paper.atlas_blocks import draw_facts
from layers.paper.atlas_unit import UnitLayout, blank_page, draw_page_number
from layers.paper.drawing import WATERMARK_COLOUR
from layers.paper.header_footer import ILLUSTRATIVE_COLOUR, draw_footer
from layers.paper.layout import Box, PageLayout
from layers.paper.text import TEXT_COLOUR, font, line_height, text_size_pt, wrap_to_width
from layers.view import MapView

SIZE_KIND, SIZE_TITLE, SIZE_HEADING = 13.0, 24.0, 9.0  # on A4
SIZE_STAMP = 20.0
SIZE_CONTENTS_TITLE, SIZE_ENTRY = 16.0, 8.5
CONTENTS_COLUMNS = {"landscape": 3, "portrait": 2}
MUTED = "#555555"


@dataclass(frozen=True)
class Cover:
    """What the cover says."""

    heading: str  # the province
    title: str
    view_title: str
    period: str
    filters: str
    units: str  # how many units the atlas has, in words
    order: str
    recipe: str
    sources: tuple[str, ...]
    export_date: datetime.date
    illustrative: bool


def cover_figure(cover: Cover, view: MapView, layout: UnitLayout, total: int) -> Figure:
    """Page 1: the province, "Tập bản đồ", the title, the illustrative stamp when due, then what the atlas
    holds (view, period, filters, units, order, how priority scores were made, sources, date)."""
    page = layout.page
    fig, ax = blank_page(page)
    fs = page.font_scale
    x0, _, x1, _ = page.header
    y = draw_cover_head(ax, page, cover.heading, texts.ATLAS_COVER_KIND, cover.title, cover.illustrative)
    facts = [(texts.ATLAS_COVER_VIEW, cover.view_title), (texts.PERIOD_LABEL, cover.period),
             (texts.XLSX_FILTERS, cover.filters), (texts.ATLAS_COVER_UNITS, cover.units),
             (texts.ATLAS_COVER_ORDER, cover.order), (texts.COL_SCORE, cover.recipe)]
    facts += [(texts.XLSX_SOURCES if i == 0 else "", source) for i, source in enumerate(cover.sources)]
    facts.append((texts.XLSX_EXPORTED_AT, cover.export_date.strftime("%d/%m/%Y")))
    draw_facts(ax, (x0, page.footer[3] + 0.3 * fs, x1, y), [(nfc(k), nfc(v)) for k, v in facts], fs)
    draw_footer(ax, page, view, cover.export_date)
    draw_page_number(ax, page, 1, total)
    return fig


def draw_cover_head(ax, page: PageLayout, heading: str, kind: str, title: str, illustrative: bool) -> float:
    """The top of a cover (the atlas's, the briefing pack's): the province, the kind of document ("Tập bản đồ"),
    the title when there is one, a rule, and the illustrative stamp when due; returns the height left below."""
    fs = page.font_scale
    x0, _, x1, top = page.header
    width = x1 - x0
    y = top
    ax.text(x0, y, heading.upper(), fontproperties=font(SIZE_HEADING * fs, bold=True), ha="left", va="top",
            color=MUTED)
    y -= line_height(SIZE_HEADING * fs) * 2.2
    ax.text(x0, y, kind.upper(), fontproperties=font(SIZE_KIND * fs, bold=True), ha="left", va="top", color=MUTED)
    y -= line_height(SIZE_KIND * fs) * 1.4
    if title.strip():
        lines = wrap_to_width(title, SIZE_TITLE * fs, width * 72, bold=True)
        ax.text(x0, y, "\n".join(lines), fontproperties=font(SIZE_TITLE * fs, bold=True), ha="left", va="top",
                color=TEXT_COLOUR, linespacing=1.15)
        y -= line_height(SIZE_TITLE * fs) * 1.15 * len(lines) + 0.15 * fs
    ax.plot([x0, x1], [y, y], color=TEXT_COLOUR, linewidth=1.2)
    y -= 0.25 * fs
    return draw_stamp(ax, x0, y, width, fs) if illustrative else y


def draw_stamp(ax, x: float, y: float, width: float, fs: float) -> float:
    """"Dữ liệu minh họa" in a red frame, with the note under it; returns the height left below."""
    size = SIZE_STAMP * fs
    w, h = text_size_pt(texts.ILLUSTRATIVE, size, bold=True)
    pad = 0.1 * fs
    box_w, box_h = w / 72 + 2 * pad, h / 72 + 2 * pad
    ax.add_patch(Rectangle((x, y - box_h), box_w, box_h, facecolor="none", edgecolor=WATERMARK_COLOUR,
                           linewidth=2.0))
    ax.text(x + pad, y - box_h / 2, texts.ILLUSTRATIVE, fontproperties=font(size, bold=True), ha="left",
            va="center", color=WATERMARK_COLOUR)
    note = wrap_to_width(texts.ILLUSTRATIVE_NOTE, 10 * fs, (width - box_w - 0.2 * fs) * 72, bold=True)
    ax.text(x + box_w + 0.2 * fs, y - box_h / 2, "\n".join(note), fontproperties=font(10 * fs, bold=True),
            ha="left", va="center", color=ILLUSTRATIVE_COLOUR)
    return y - box_h - 0.3 * fs


# --- contents ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ContentsGrid:
    """How many entries a contents page holds: rows per column, columns, and the column boxes' geometry."""

    rows: int
    columns: int
    size: float
    line_h: float
    body: Box

    @property
    def per_page(self) -> int:
        return self.rows * self.columns


def contents_grid(layout: UnitLayout, orientation: str) -> ContentsGrid:
    page = layout.page
    fs = page.font_scale
    size = SIZE_ENTRY * fs
    line_h = line_height(size) * 1.45
    x0, _, x1, top = page.header
    body = (x0, page.footer[3] + 0.2 * fs, x1, top - line_height(SIZE_CONTENTS_TITLE * fs) * 2.2)
    rows = max(int((body[3] - body[1]) / line_h), 1)
    return ContentsGrid(rows=rows, columns=CONTENTS_COLUMNS[orientation], size=size, line_h=line_h, body=body)


def contents_pages(count: int, grid: ContentsGrid) -> int:
    """How many pages the contents of `count` units take (at least one)."""
    return max(math.ceil(count / grid.per_page), 1)


def contents_figure(entries: Sequence[tuple[str, str, int]], grid: ContentsGrid, layout: UnitLayout, view: MapView,
                    export_date: datetime.date, number: int, total: int) -> Figure:
    """One page of the contents: `entries` (name, what it is ordered by, page) down the columns, the page
    numbers right-aligned, the order's value in grey before them."""
    fig, ax = blank_page(layout.page)
    page = layout.page
    fs = page.font_scale
    x0, _, x1, top = page.header
    ax.text(x0, top, texts.ATLAS_CONTENTS_TITLE, fontproperties=font(SIZE_CONTENTS_TITLE * fs, bold=True),
            ha="left", va="top", color=TEXT_COLOUR)
    gap = 0.3 * fs
    column_w = (x1 - x0 - gap * (grid.columns - 1)) / grid.columns
    number_w = text_size_pt("0000", grid.size)[0] / 72
    note_w = max((text_size_pt(note, grid.size)[0] / 72 for _, note, _ in entries), default=0.0)
    for k, (entry, note, page_number) in enumerate(entries):
        column, row = divmod(k, grid.rows)
        left = x0 + column * (column_w + gap)
        y = grid.body[3] - row * grid.line_h
        name = _fitted(entry, grid.size, (column_w - number_w - note_w - 0.2 * fs) * 72)
        ax.text(left, y, name, fontproperties=font(grid.size), ha="left", va="top", color=TEXT_COLOUR)
        if note:
            ax.text(left + column_w - number_w - 0.1 * fs, y, note, fontproperties=font(grid.size), ha="right",
                    va="top", color=MUTED)
        ax.text(left + column_w, y, COUNT_FORMAT.number(page_number), fontproperties=font(grid.size), ha="right",
                va="top", color=TEXT_COLOUR)
    draw_footer(ax, page, view, export_date)
    draw_page_number(ax, page, number, total)
    return fig


def _fitted(text: str, size: float, width_pt: float) -> str:
    """`text` on one line of `width_pt`, cut with "…" when longer (a name too long for its column)."""
    if text_size_pt(text, size)[0] <= width_pt:
        return text
    while text and text_size_pt(text + "…", size)[0] > width_pt:
        text = text[:-1]
    return text.rstrip() + "…"

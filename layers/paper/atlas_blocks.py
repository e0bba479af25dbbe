"""Blocks of text in a box on an atlas page: a unit's facts (what, value) and its indicator table.

Each block is laid out at the largest font size at which it fits its box, measured with the real font
(layers/paper/text.py), so nothing is cut at any paper size; at the smallest size what still does not fit is
left off and the block says how much. Drawn on an axes whose data units are page inches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.patches import Rectangle

import texts
from layers.paper.atlas_sheets import TARGET_YEARS, IndicatorRow
from layers.paper.layout import Box, box_size
from layers.paper.text import TEXT_COLOUR, font, text_size_pt, wrap_to_width

SIZES_PT = (9.0, 8.5, 8.0, 7.5, 7.0, 6.5, 6.0, 5.5, 5.0)  # on A4, scaled by the page's font scale
LABEL_COLOUR = "#555555"
RULE_COLOUR = "#9a9a9a"
HEADER_FILL = "#e9e9e9"
ZEBRA_FILL = "#f5f5f5"
# Lines of text, in ems: matplotlib (3.11) spaces the lines of a multi-line text by its line spacing times the
# font's typographic ascender + descender, which for DejaVu Sans is exactly one em; rows of facts and of the
# table are as many such lines apart, plus a little air (ROW_GAP, in ems).
LINE_SPACING = 1.25
ROW_GAP = 0.3
MEASURE_PT = 10.0
TABLE_SIZE_PT = 7.0  # the table's size when the page has room for it
TABLE_SIZES_PT = (8.0, 7.5, 7.0, 6.5, 6.0, 5.5, 5.0)
TABLE_PAD = 0.45 / 72  # inches of air round a cell, per point of text


def _line(size: float) -> float:
    """The distance between two lines of text at `size` (inches), as matplotlib draws them."""
    return size * LINE_SPACING / 72


def _rows_height(rows, size: float) -> float:
    """The height (inches) of rows of (label lines, value lines) at `size`."""
    return sum(max(len(a), len(b)) * _line(size) + ROW_GAP * size / 72 for a, b in rows)


def _widest(lines: Sequence[str], size: float, bold: bool = False) -> float:
    """The width (inches) of the widest of `lines` at `size`."""
    return max((text_size_pt(line, MEASURE_PT, bold)[0] for line in lines), default=0.0) / 72 * size / MEASURE_PT


def _wrap(text: str, size: float, width_pt: float, bold: bool = False) -> list[str]:
    """`text` wrapped to `width_pt` at `size`, measured at MEASURE_PT: widths are in proportion to the size
    (text.py measures at one size and scales), so the layouts tried at each size share their measurements."""
    return wrap_to_width(text, MEASURE_PT, width_pt * MEASURE_PT / size, bold)


# --- facts: what, value ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class _FactsLayout:
    size: float
    label_w: float
    rows: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # (label lines, value lines)
    left_off: int  # rows not drawn for want of room


def _facts_layout(facts: Sequence[tuple[str, str]], box: Box, size: float) -> tuple[_FactsLayout, float]:
    width, _ = box_size(box)
    gap = size * 0.8 / 72
    label_w = min(_widest([label for label, _ in facts], size, bold=True), width * 0.38)
    rows = tuple((tuple(_wrap(label, size, label_w * 72, bold=True)),
                  tuple(_wrap(value, size, (width - label_w - gap) * 72))) for label, value in facts)
    height = _rows_height(rows, size)
    return _FactsLayout(size, label_w, rows, 0), height


def draw_facts(ax, box: Box, facts: Sequence[tuple[str, str]], font_scale: float = 1.0,
               smallest: float = SIZES_PT[-1]) -> None:
    """Rows of "what: value", the values wrapped beside their labels, at the largest size that fits `box`;
    at `smallest` (points on A4), the rows that do not fit are left off, and said."""
    _, box_h = box_size(box)
    for base in [size for size in SIZES_PT if size >= smallest] or SIZES_PT[:1]:
        layout, height = _facts_layout(facts, box, base * font_scale)
        if height <= box_h:
            break
    else:
        layout = _cut(layout, box_h)
    size, line_h = layout.size, _line(layout.size)
    x0, _, _, y = box
    value_x = x0 + layout.label_w + size * 0.8 / 72
    for label_lines, value_lines in layout.rows:
        ax.text(x0, y, "\n".join(label_lines), fontproperties=font(size, bold=True), color=LABEL_COLOUR,
                ha="left", va="top", linespacing=LINE_SPACING)
        ax.text(value_x, y, "\n".join(value_lines), fontproperties=font(size), color=TEXT_COLOUR, ha="left",
                va="top", linespacing=LINE_SPACING)
        y -= max(len(label_lines), len(value_lines)) * line_h + ROW_GAP * size / 72
    if layout.left_off:
        ax.text(x0, y, texts.ATLAS_LEFT_OFF.format(count=layout.left_off), fontproperties=font(size),
                color=LABEL_COLOUR, ha="left", va="top")


def _cut(layout: _FactsLayout, box_h: float) -> _FactsLayout:
    """The rows that fit at the smallest size, the last one's value cut with "…", and how many were left off."""
    line_h, kept = _line(layout.size), []
    room = box_h - line_h  # a line for the "left off" note
    for label_lines, value_lines in layout.rows:
        if _rows_height([*kept, (label_lines, value_lines)], layout.size) <= room:
            kept.append((label_lines, value_lines))
            continue
        fit = int((room - _rows_height(kept, layout.size)) / line_h)
        if fit >= len(label_lines) and fit:  # part of the value: its first lines, the last one ending in "…"
            shown = value_lines[:fit]
            kept.append((label_lines, (*shown[:-1], shown[-1] + " …")))
        break
    return _FactsLayout(layout.size, layout.label_w, tuple(kept), len(layout.rows) - len(kept))


# --- the indicator table ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _TableLayout:
    size: float
    widths: tuple[float, ...]  # inches, label column first
    header: tuple[tuple[str, ...], ...]  # each column's header lines
    rows: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # (label lines, the numbers)
    title_h: float
    header_h: float
    height: float


def table_headers() -> tuple[str, ...]:
    years = [(texts.COL_TARGET.format(year=year), texts.ATLAS_COL_GAP) for year in TARGET_YEARS]
    return (texts.ATLAS_COL_INDICATOR, texts.ATLAS_COL_VALUE, *[h for pair in years for h in pair])


def _table_layout(rows: Sequence[IndicatorRow], box: Box, size: float) -> _TableLayout:
    width, _ = box_size(box)
    pad = size * TABLE_PAD
    headers = table_headers()
    numbers = [(row.value, *[text for pair in row.targets for text in pair]) for row in rows]
    widths = [max(_widest([cells[k] for cells in numbers], size), _two_lines(header, size)) + 2 * pad
              for k, header in enumerate(headers[1:])]
    label_w = width - sum(widths)
    header_lines = [tuple(_wrap(h, size, (w - 2 * pad) * 72 + 0.01, bold=True))
                    for h, w in zip(headers, (label_w, *widths))]
    wrapped = tuple((tuple(_wrap(row.label, size, (label_w - 2 * pad) * 72)), cells)
                    for row, cells in zip(rows, numbers))
    line_h = _line(size)
    title_h = _line(size * 1.1) * 1.3
    header_h = max(len(lines) for lines in header_lines) * line_h + 2 * pad
    height = title_h + header_h + sum(_row_height(label, size) for label, _ in wrapped) + line_h
    return _TableLayout(size, (label_w, *widths), tuple(header_lines), wrapped, title_h, header_h, height)


def _two_lines(header: str, size: float) -> float:
    """The narrowest width (inches) at which `header` takes at most two lines, split between words."""
    words = header.split()
    splits = [(" ".join(words[:k]), " ".join(words[k:])) for k in range(1, len(words))] or [(header, "")]
    return min(_widest(pair, size, bold=True) for pair in splits)


def table_height(rows: Sequence[IndicatorRow], width: float, font_scale: float = 1.0) -> float:
    """The height (inches) the table of `rows` takes `width` wide at its preferred size, TABLE_SIZE_PT."""
    return _table_layout(rows, (0.0, 0.0, width, 1.0), TABLE_SIZE_PT * font_scale).height


def _row_height(label: tuple[str, ...], size: float) -> float:
    return len(label) * _line(size) + size * TABLE_PAD


def draw_indicator_table(ax, box: Box, rows: Sequence[IndicatorRow], font_scale: float = 1.0) -> None:
    """The unit's indicators against the 2025 and 2030 targets: a title, a shaded header, rows in light
    stripes, numbers right-aligned; at the largest size that fits `box` (then rows are left off, and said)."""
    x0, _, x1, top = box
    if not rows:
        ax.text(x0, top, texts.ATLAS_NO_INDICATORS, fontproperties=font(SIZES_PT[2] * font_scale), ha="left",
                va="top", color=LABEL_COLOUR)
        return
    _, box_h = box_size(box)
    for base in TABLE_SIZES_PT:
        layout = _table_layout(rows, box, base * font_scale)
        if layout.height <= box_h:
            break
    size = layout.size
    pad = size * TABLE_PAD
    ax.text(x0, top, texts.ATLAS_TABLE_TITLE, fontproperties=font(size * 1.1, bold=True), ha="left", va="top",
            color=TEXT_COLOUR)
    y = top - layout.title_h
    ax.add_patch(Rectangle((x0, y - layout.header_h), x1 - x0, layout.header_h, facecolor=HEADER_FILL,
                           edgecolor="none"))
    lefts = [x0 + sum(layout.widths[:k]) for k in range(len(layout.widths))]
    for k, lines in enumerate(layout.header):
        x, ha = (lefts[k] + pad, "left") if k == 0 else (lefts[k] + layout.widths[k] - pad, "right")
        ax.text(x, y - pad, "\n".join(lines), fontproperties=font(size, bold=True), ha=ha, va="top",
                color=TEXT_COLOUR, linespacing=LINE_SPACING, multialignment=ha)
    y -= layout.header_h
    shown = _rows_that_fit(layout, y - box[1])
    for i, (label, cells) in enumerate(shown):
        row_h = _row_height(label, size)
        if i % 2:
            ax.add_patch(Rectangle((x0, y - row_h), x1 - x0, row_h, facecolor=ZEBRA_FILL, edgecolor="none"))
        ax.text(x0 + pad, y - pad / 2, "\n".join(label), fontproperties=font(size), ha="left", va="top",
                color=TEXT_COLOUR, linespacing=LINE_SPACING)
        for k, cell in enumerate(cells, start=1):
            ax.text(lefts[k] + layout.widths[k] - pad, y - pad / 2, cell, fontproperties=font(size), ha="right",
                    va="top", color=TEXT_COLOUR)
        y -= row_h
    ax.plot([x0, x1], [y, y], color=RULE_COLOUR, linewidth=0.5)
    if len(shown) < len(layout.rows):
        ax.text(x0, y - pad, texts.ATLAS_ROWS_LEFT_OFF.format(count=len(layout.rows) - len(shown)),
                fontproperties=font(size), ha="left", va="top", color=LABEL_COLOUR)


def _rows_that_fit(layout: _TableLayout, room: float) -> tuple:
    """The rows that fit `room` (inches), keeping a line for the "left off" note when some do not."""
    heights = [_row_height(label, layout.size) for label, _ in layout.rows]
    if sum(heights) <= room:
        return layout.rows
    count, used, note = 0, 0.0, _line(layout.size)
    while count < len(heights) and used + heights[count] + note <= room:
        used += heights[count]
        count += 1
    return layout.rows[:count]

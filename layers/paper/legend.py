"""The legend of the print map, taken from the MapView and nothing else.

The classes, their colours and labels (with limits and units) are exactly
`view.legend`, in its order, so the printed legend is the screen's legend;
this module only lays them out on paper (wrapping, columns, font size).
Below the classes come the line symbols (as on screen: no district line when
the period has no districts, the hatched uncertain zones when it has them) and
the marks the page adds for what is drawn over the map: the filter, the
priority top N, villages; last, how the numbers were made (MapView.recipe).
Counts are printed once, in their own column, and count what the page shows
(the selection under a filter, the column header says so).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from matplotlib.colors import to_rgb
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, Rectangle

import texts
from geo.vnformat import COUNT_FORMAT, nfc
from layers import style
from layers.paper.layout import Box, box_size
from layers.paper.text import LINE_SAMPLE, TEXT_COLOUR, font, text_size_pt, wrap_to_width
from layers.view import MapView, top_label

LINE_PT_PER_WEIGHT = 0.45  # web line weights (px) -> print line widths (pt), same ratios as on screen
SELECTION_WIDTH_PT = 1.3
TOP_WIDTH_PT = style.TOP_STYLE["weight"] * LINE_PT_PER_WEIGHT
LEGEND_SIZES_PT = (9.0, 8.5, 8.0, 7.5, 7.0, 6.5, 6.0)
# The recipe paragraph under the legend: smaller than the legend's text, at most NOTE_MAX_PT (on A4), so a long
# list of indicators costs the classes as little size as it can.
NOTE_SCALE = 0.85
NOTE_MAX_PT = 6.5
NOTE_COLOUR = "#333333"
# Uncertain zones: ZONE_HATCH lines over a light fill, a thin dashed edge (web: style.ZONE_STYLE, hatch.js).
ZONE_HATCH_PATTERN = "/////"
ZONE_HATCH_WIDTH_PT = 0.6
ZONE_FILL_SHARE = 0.08  # how much of ZONE_HATCH tints the white under the hatch
ZONE_EDGE_PT = style.ZONE_STYLE["weight"] * LINE_PT_PER_WEIGHT
ZONE_DASHES = (0, (3, 2))


@dataclass(frozen=True)
class LegendItem:
    label: str
    fill: str | None = None
    line: str | None = None
    dashed: bool = False
    line_width: float = 1.0  # points, for line symbols
    count: int | None = None  # communes in the class, when the view counted them
    marker: str | None = None  # "point" (a village) or "badge" (a count of villages)
    hatched: bool = False  # an uncertain zone: `fill` is the hatch colour


def dim_colour(colour: str) -> str:
    """A fill as seen under the web map's white veil (same colour and opacity as the screen)."""
    base, veil = to_rgb(colour), to_rgb(style.DIM_FILL)
    mixed = [b * (1 - style.DIM_OPACITY) + v * style.DIM_OPACITY for b, v in zip(base, veil)]
    return "#" + "".join(f"{round(c * 255):02x}" for c in mixed)


def _tint(colour: str, share: float) -> str:
    """`colour` at `share` over white."""
    mixed = [share * c + (1 - share) for c in to_rgb(colour)]
    return "#" + "".join(f"{round(c * 255):02x}" for c in mixed)


def zone_style(dimmed: bool = False) -> tuple[dict, dict]:
    """Patch keywords for an uncertain zone's hatched fill and for its dashed edge, on the map and in the
    legend alike; `dimmed` under the filter's white veil.

    Two shapes, and the fill's edge is not "none", because PDF viewers (poppler) draw the hatch with the
    stroke's dashes and the stroke's transparency.
    """
    hatch, fill = style.ZONE_HATCH, _tint(style.ZONE_HATCH, ZONE_FILL_SHARE)
    if dimmed:
        hatch, fill = dim_colour(hatch), dim_colour(fill)
    return ({"facecolor": fill, "hatch": ZONE_HATCH_PATTERN, "hatchcolor": hatch,
             "hatch_linewidth": ZONE_HATCH_WIDTH_PT, "edgecolor": fill, "linewidth": 0},
            {"facecolor": "none", "edgecolor": hatch, "linewidth": ZONE_EDGE_PT, "linestyle": ZONE_DASHES})


def legend_items(view: MapView, units: Sequence[str] | None = None) -> tuple[LegendItem, ...]:
    """The classes to print: `view.legend` one for one, each with its count printed once.

    With `units` (the codes the page shows: the selection, or every unit), each filled class counts the
    units among them drawn in its colour (a unit without a fill is drawn as "no data"): what the reader
    sees, since the map tells classes apart by colour alone. Without, the view's own counts (the whole
    province); so too where classes share a colour (a national set's districts), or no count under a filter.
    A label that states its own count is printed without it (MapView.counted_labels).
    """
    fills = [entry.fill for entry in view.legend if entry.fill]
    shared = len(set(fills)) < len(fills)  # colours repeat (hundreds of districts): a colour is not a class
    partial = units is not None and len(set(units)) < len(view.fills)
    drawn = None if units is None or shared else Counter(view.fills.get(code, style.NO_DATA) for code in units)
    items = []
    for entry in view.legend:
        if shared and partial:
            count = None  # neither the colours nor the whole set's counts say how many are chosen
        else:
            count = view.counts.get(entry.label) if drawn is None else drawn[entry.fill] if entry.fill else None
        label = view.counted_labels.get(entry.label, entry.label) if count is not None else entry.label
        items.append(LegendItem(label=nfc(label), fill=entry.fill, line=entry.line, dashed=entry.dashed,
                                line_width=entry.weight * LINE_PT_PER_WEIGHT, count=count))
    return tuple(items)


def outline_items(view: MapView, selection_active: bool | None = None, *, districts: bool = True,
                  zones: bool = False) -> tuple[LegendItem, ...]:
    """Line symbols (province, districts, border, uncertain zones) as on screen, plus the filter's marks.

    `selection_active` says whether the page dims communes outside the filter
    (not when the filter keeps every commune); by default, whether any is selected.
    `districts` and `zones` say whether the map has district lines (2021-2025)
    and uncertain zones (2026-2030), as for style.outline_legend.
    """
    items = [LegendItem(label=nfc(e.label), fill=e.fill, line=e.line, dashed=e.dashed, hatched=e.hatched,
                        line_width=e.weight * LINE_PT_PER_WEIGHT)
             for e in style.outline_legend(districts=districts, zones=zones)]
    if bool(view.selected) if selection_active is None else selection_active:
        items.append(LegendItem(label=texts.PRINT_LEGEND_SELECTED, line=style.SELECTION_EDGE,
                                line_width=SELECTION_WIDTH_PT))
        items.append(LegendItem(label=texts.PRINT_LEGEND_DIMMED, fill=dim_colour(style.NO_DATA)))
    return tuple(items)


def overlay_items(top_count: int = 0, village_points: bool = False, village_badges: bool = False,
                  top_of: int = 0) -> tuple[LegendItem, ...]:
    """Symbols for what is drawn over the communes: priority top N, village points, village counts."""
    items = []
    if top_count:
        items.append(LegendItem(label=top_label(top_count, top_of), line=style.TOP_EDGE,
                                line_width=TOP_WIDTH_PT))
    if village_points:
        items.append(LegendItem(label=texts.PRINT_LEGEND_VILLAGE_POINTS, fill=style.VILLAGE_COLOUR, marker="point"))
    if village_badges:
        items.append(LegendItem(label=texts.PRINT_LEGEND_VILLAGE_BADGES, fill=style.VILLAGE_COLOUR, marker="badge"))
    return tuple(items)


def outline_width(colour: str) -> float:
    """The print width of the outline drawn in `colour`, so map lines match their legend symbols."""
    for entry in style.outline_legend():
        if entry.line == colour:
            return entry.weight * LINE_PT_PER_WEIGHT
    raise KeyError(colour)


@dataclass(frozen=True)
class _Row:
    kind: str  # "heading", "colhead", "entry", "gap", "note"
    lines: tuple[str, ...] = ()
    item: LegendItem | None = None
    size: float = 0.0  # a note's font size (points); the other rows use the legend's


@dataclass(frozen=True)
class LegendContent:
    """What the legend lists: the view's classes, then line symbols, then overlays."""

    title: str
    classes: tuple[LegendItem, ...]
    outlines: tuple[LegendItem, ...]
    overlays: tuple[LegendItem, ...] = ()
    count_title: str = texts.PRINT_LEGEND_COUNT  # the count column's header: what is counted
    recipe: str = ""  # how the numbers were made (MapView.recipe), under everything else
    left_out: int = 0  # classes not printed for want of room (the hundreds of districts of a country)


def legend_content(view: MapView, selection_active: bool | None = None, overlays: tuple[LegendItem, ...] = (), *,
                   districts: bool = True, zones: bool = False, units: Sequence[str] | None = None) -> LegendContent:
    """The legend of `view`; with `units`, the classes count those units (legend_items), and under an
    active filter the count column says it counts the selection."""
    active = bool(view.selected) if selection_active is None else selection_active
    count_title = texts.PRINT_LEGEND_COUNT_SELECTED if active and units is not None else texts.PRINT_LEGEND_COUNT
    classes = legend_items(view, units)
    counted = any(item.count is not None for item in classes)
    title = view.counted_labels.get(view.legend_title, view.legend_title) if counted else view.legend_title
    return LegendContent(nfc(title), classes,
                         outline_items(view, selection_active, districts=districts, zones=zones), overlays,
                         count_title=count_title, recipe=nfc(view.recipe))


def _blocks(content: LegendContent, size: float, label_width_pt: float, count_width_pt: float,
            max_lines: int, note_size: float) -> list[list[_Row]] | None:
    """The legend's sections as rows at one font size, labels wrapped to the column.

    Class labels leave room for the count column; the other symbols have no
    count and may use it. None if a label needs more than `max_lines` lines.
    """
    heading = wrap_to_width(content.title, size * 1.1, label_width_pt + count_width_pt, bold=True)
    if len(heading) > max(max_lines, 2):
        return None
    first = [_Row("heading", tuple(heading))]
    if any(item.count is not None for item in content.classes):
        first.append(_Row("colhead", (content.count_title,)))
    blocks = [first, [_Row("heading", (texts.PRINT_LEGEND_OUTLINES,))]]
    sections = [(content.classes, label_width_pt), (content.outlines, label_width_pt + count_width_pt)]
    if content.overlays:
        blocks.append([])
        sections.append((content.overlays, label_width_pt + count_width_pt))
    for block, (items, width) in zip(blocks, sections):
        for item in items:
            lines = wrap_to_width(item.label, size, width)
            if len(lines) > max_lines:
                return None
            block.append(_Row("entry", tuple(lines), item))
    if content.left_out:  # says, under the classes printed, that the list goes on in the table
        more = texts.PRINT_LEGEND_LEFT_OUT.format(count=COUNT_FORMAT.number(content.left_out))
        blocks[0].append(_Row("note", tuple(wrap_to_width(more, note_size, label_width_pt + count_width_pt)),
                              size=note_size))
    if content.recipe:  # a paragraph across the whole column, symbol and count included
        note = wrap_to_width(content.recipe, note_size, label_width_pt + count_width_pt + _symbol_width(size) * 72)
        blocks.append([_Row("note", tuple(note), size=note_size)])  # a sentence that says what it is
    return blocks


def _row_height(row: _Row, line_h: float) -> float:
    if row.kind == "gap":
        return line_h * 0.6
    if row.kind == "heading":
        return line_h * 1.15 * len(row.lines) + line_h * 0.15
    if row.kind == "colhead":
        return line_h * 0.85
    if row.kind == "note":
        return _line_height(row.size) * len(row.lines)
    return line_h * max(len(row.lines), 1)


def _height(rows: list[_Row], line_h: float) -> float:
    return sum(_row_height(row, line_h) for row in rows)


def _flow(blocks: list[list[_Row]], line_h: float, box_h: float, ncols: int,
          split: bool) -> list[list[_Row]] | None:
    """Sections into at most `ncols` columns of height `box_h`, or None if they do not fit.

    A section that does not fit under the previous one starts a new column;
    only with `split` may a section be cut, and never right after a heading.
    """
    columns: list[list[_Row]] = [[]]
    gap = _Row("gap")
    for block in blocks:
        lead = [gap] if columns[-1] else []
        if _height(columns[-1] + lead + block, line_h) <= box_h:
            columns[-1].extend(lead + block)
            continue
        if _height(block, line_h) <= box_h and len(columns) < ncols:
            columns.append(list(block))
            continue
        if not split:
            return None
        rows = lead + block
        for i, row in enumerate(rows):
            h = _row_height(row, line_h)
            keep_with_next = row.kind in ("heading", "colhead") and i + 1 < len(rows)
            need = h + (_row_height(rows[i + 1], line_h) if keep_with_next else 0)
            if _height(columns[-1], line_h) + need > box_h and columns[-1]:
                if len(columns) == ncols:
                    return None
                columns.append([])
                if row.kind == "gap":
                    continue
            columns[-1].append(row)
    return columns


@dataclass(frozen=True)
class LegendLayout:
    size: float
    columns: list[list[_Row]]
    column_width: float  # inches


def layout_legend(content: LegendContent, box: Box, font_scale: float = 1.0) -> LegendLayout:
    """The largest font and fewest columns at which the whole legend fits the box.

    Tried in order of how well they read: one line per label and whole
    sections (down to 7 pt), then labels on two lines, then sections split
    across columns at any size. A legend that fits no way (the hundreds of
    districts of a national data set) keeps as many classes as fit, in the
    view's order, and says how many more the table lists.
    """
    fitted = _fitted(content, box, font_scale)
    if fitted is not None:
        return fitted
    best = None
    low, high = 1, len(content.classes) - 1
    while low <= high:  # the most classes that fit with the "and N more" line
        middle = (low + high) // 2
        layout = _fitted(replace(content, classes=content.classes[:middle],
                                 left_out=len(content.classes) - middle), box, font_scale)
        if layout is None:
            high = middle - 1
        else:
            best, low = layout, middle + 1
    if best is not None:
        return best
    box_w, _ = box_size(box)
    size = LEGEND_SIZES_PT[-1] * font_scale
    rows = [row for block in (_blocks(content, size, 10_000, 0, 99, size * NOTE_SCALE) or []) for row in block]
    return LegendLayout(size, [rows], box_w)  # too long for any layout: draw it, clipped by the page


def _fitted(content: LegendContent, box: Box, font_scale: float) -> LegendLayout | None:
    """`layout_legend`'s attempts, in their order; None when none fits."""
    box_w, box_h = box_size(box)
    readable = [s for s in LEGEND_SIZES_PT if s >= 7.0]
    attempts = ([(s, 1, False) for s in readable] + [(s, 2, False) for s in readable]
                + [(s, 2, True) for s in LEGEND_SIZES_PT])
    counts = [COUNT_FORMAT.number(item.count) for item in content.classes if item.count is not None]
    for base, max_lines, split in attempts:
        size = base * font_scale
        line_h = _line_height(size)
        count_w = (max(text_size_pt(c, size)[0] for c in counts) / 72 + size * 0.8 / 72) if counts else 0.0
        for ncols in (1, 2, 3):
            col_gap = size * 1.2 / 72
            column_w = (box_w - (ncols - 1) * col_gap) / ncols
            label_w_pt = (column_w - _symbol_width(size) - count_w) * 72
            if label_w_pt <= size * 4:
                break
            note_size = min(size * NOTE_SCALE, NOTE_MAX_PT * font_scale)
            blocks = _blocks(content, size, label_w_pt, count_w * 72, max_lines, note_size)
            if blocks is None:
                continue
            columns = _flow(blocks, line_h, box_h, ncols, split)
            if columns is not None:
                return LegendLayout(size, columns, column_w)
    return None


def _line_height(size: float) -> float:
    return text_size_pt(LINE_SAMPLE, size)[1] * 1.35 / 72


def _symbol_width(size: float) -> float:
    return size * 2.9 / 72  # symbol (2.2 em) plus the gap before the label, in inches


def draw_legend(ax, box: Box, content: LegendContent, font_scale: float = 1.0) -> list[str]:
    """Draw the legend on `ax` (whose data units are page inches); returns the labels drawn."""
    layout = layout_legend(content, box, font_scale)
    size = layout.size
    line_h = _line_height(size)
    col_gap = size * 1.2 / 72
    x0, _, _, y1 = box
    drawn: list[str] = []
    for c, column in enumerate(layout.columns):
        x = x0 + c * (layout.column_width + col_gap)
        right = x + layout.column_width
        y = y1
        for row in column:
            h = _row_height(row, line_h)
            if row.kind == "heading":
                for k, line in enumerate(row.lines):
                    ax.text(x, y - (k + 0.5) * line_h * 1.15, line, fontproperties=font(size * 1.1, bold=True),
                            color=TEXT_COLOUR, va="center", ha="left")
            elif row.kind == "note":
                for k, line in enumerate(row.lines):
                    ax.text(x, y - (k + 0.5) * _line_height(row.size), line, fontproperties=font(row.size),
                            color=NOTE_COLOUR, va="center", ha="left")
            elif row.kind == "colhead":
                ax.text(right, y - h / 2, row.lines[0], fontproperties=font(size * 0.8),
                        color="#555555", va="center", ha="right")
            elif row.kind == "entry":
                _draw_symbol(ax, row.item, x, y - line_h / 2, size)
                for k, line in enumerate(row.lines):
                    ax.text(x + _symbol_width(size), y - (k + 0.5) * line_h, line, fontproperties=font(size),
                            color=TEXT_COLOUR, va="center", ha="left")
                if row.item.count is not None:
                    ax.text(right, y - line_h / 2, COUNT_FORMAT.number(row.item.count), fontproperties=font(size),
                            color=TEXT_COLOUR, va="center", ha="right")
                drawn.append(row.item.label)
            y -= h
    return drawn


def _draw_symbol(ax, item: LegendItem, x: float, y: float, size: float) -> None:
    w, h = size * 2.2 / 72, size * 1.15 / 72
    if item.marker == "point":
        ax.add_patch(Circle((x + w / 2, y), size * 0.3 / 72, facecolor=item.fill, edgecolor="white", linewidth=0.4))
    elif item.marker == "badge":
        ax.add_patch(Circle((x + w / 2, y), size * 0.62 / 72, facecolor=item.fill, edgecolor="white", linewidth=0.5))
    elif item.hatched:
        for zone in zone_style():
            ax.add_patch(Rectangle((x, y - h / 2), w, h, **zone))
    elif item.fill:
        ax.add_patch(Rectangle((x, y - h / 2), w, h, facecolor=item.fill, edgecolor=style.COMMUNE_EDGE,
                               linewidth=0.5))
    else:
        ax.add_line(Line2D([x, x + w], [y, y], color=item.line, linewidth=item.line_width,
                           linestyle=(0, (3, 1.6)) if item.dashed else "-", solid_capstyle="butt",
                           dash_capstyle="butt"))

"""Paper, page layout and map scale for the print map.

Kept apart from the drawing so the arithmetic a report depends on (the paper
is exactly A4/A3, the scale written on the page is the true scale) can be
tested without rendering anything.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

MM_PER_INCH = 25.4
PAPER_MM = {"A4": (210.0, 297.0), "A3": (297.0, 420.0)}  # ISO 216, short side first
ORIENTATIONS = ("landscape", "portrait")
# Round scales ("1:850.000", "1:1.100.000"): steps of 0.1 below 2, 0.25 to 5, 0.5 to 10 (x 10^k).
# Finer than the classic 1-2-5 series so the province fills the frame on A4.
NICE_STEPS = tuple([round(1 + 0.1 * i, 2) for i in range(10)] + [round(2 + 0.25 * i, 2) for i in range(12)]
                   + [round(5 + 0.5 * i, 2) for i in range(11)])

# A selection is shown on a frame of its own only if that is at least this much larger in scale than the whole
# province's frame (fit_focus): a wider selection is the province's map, at the province's scale.
MIN_ZOOM = 1.25

# Every box on the page, in inches from its lower left: x0, y0, x1, y1 (shapely's bounds order).
Box = tuple[float, float, float, float]


def box_size(box: Box) -> tuple[float, float]:
    """Width and height of a box."""
    x0, y0, x1, y1 = box
    return x1 - x0, y1 - y0


def paper_inches(page: str, orientation: str) -> tuple[float, float]:
    """Exact paper width and height in inches (A4 landscape: 297 x 210 mm)."""
    if page not in PAPER_MM:
        raise ValueError(f"page must be one of {sorted(PAPER_MM)}, not {page!r}")
    if orientation not in ORIENTATIONS:
        raise ValueError(f"orientation must be one of {ORIENTATIONS}, not {orientation!r}")
    short, long = PAPER_MM[page]
    width, height = (long, short) if orientation == "landscape" else (short, long)
    return width / MM_PER_INCH, height / MM_PER_INCH


@dataclass(frozen=True)
class PageLayout:
    """Where each part of the page goes (boxes x0, y0, x1, y1 in inches); `scale` is 1 on A4, about 1.41 on A3."""

    width: float
    height: float
    scale: float
    header: Box
    map: Box
    legend: Box
    inset: Box
    footer: Box

    @property
    def font_scale(self) -> float:
        # Text grows more slowly than the paper: an A3 page shows more communes, not just bigger ones.
        return math.sqrt(self.scale)


def paper_units(page: str, orientation: str) -> tuple[float, float, float, Callable[[float], float]]:
    """The paper's width and height in inches, its scale against A4 (an A3 page is an A4 page enlarged), and
    millimetres as drawn on it, in inches: an A4 millimetre grown by that scale."""
    width, height = paper_inches(page, orientation)
    scale = min(width, height) / (PAPER_MM["A4"][0] / MM_PER_INCH)
    return width, height, scale, lambda value: value * scale / MM_PER_INCH


def page_layout(page: str, orientation: str) -> PageLayout:
    """A QGIS-like print layout: header on top, map, a side (or bottom) panel, footer.

    Landscape puts legend and locator inset in a column right of the map;
    portrait puts them in a band under it.
    """
    width, height, s, mm = paper_units(page, orientation)
    margin, gap = mm(10), mm(5)
    header_h, footer_h = mm(22), mm(10)
    header = _box(margin, height - margin - header_h, width - 2 * margin, header_h)
    footer = _box(margin, margin, width - 2 * margin, footer_h)
    body_y = margin + footer_h + mm(2)
    body_h = height - margin - header_h - mm(2) - body_y
    if orientation == "landscape":
        panel_w = mm(72)
        map_w = width - 2 * margin - gap - panel_w
        map_box = _box(margin, body_y, map_w, body_h)
        panel_x = margin + map_w + gap
        inset_h = min(panel_w * 0.95, body_h * 0.38)  # the rest is the legend's, a priority score's recipe included
        inset = _box(panel_x, body_y, panel_w, inset_h)
        legend = _box(panel_x, body_y + inset_h + gap, panel_w, body_h - inset_h - gap)
    else:
        panel_h = mm(66)
        map_w = width - 2 * margin
        map_box = _box(margin, body_y + panel_h + gap, map_w, body_h - panel_h - gap)
        inset_w = min(panel_h * 1.05, map_w * 0.36)
        inset = _box(width - margin - inset_w, body_y, inset_w, panel_h)
        legend = _box(margin, body_y, map_w - inset_w - gap, panel_h)
    return PageLayout(width=width, height=height, scale=s, header=header, map=map_box, legend=legend,
                      inset=inset, footer=footer)


def _box(x: float, y: float, w: float, h: float) -> Box:
    """The box whose lower left corner is (x, y) and size w x h."""
    return x, y, x + w, y + h


def nice_scale(denominator: float) -> int:
    """The smallest round scale denominator not below `denominator` (so everything still fits)."""
    if denominator <= 0:
        raise ValueError("scale denominator must be positive")
    power = 10 ** math.floor(math.log10(denominator))
    for step in NICE_STEPS:
        if step * power >= denominator * (1 - 1e-9):
            return int(round(step * power))
    return int(round(10 * power))


def needed_scale(bounds: tuple[float, float, float, float], frame_w_in: float, frame_h_in: float,
                 padding: float = 0.03) -> float:
    """The exact scale denominator at which `bounds` (metres), padded, just fill the frame."""
    west, south, east, north = bounds
    span_x = max(east - west, 1.0) * (1 + 2 * padding)
    span_y = max(north - south, 1.0) * (1 + 2 * padding)
    return max(span_x / frame_w_in, span_y / frame_h_in) / (MM_PER_INCH / 1000)


def fit_extent(bounds: tuple[float, float, float, float], frame_w_in: float, frame_h_in: float,
               padding: float = 0.03) -> tuple[tuple[float, float, float, float], int]:
    """Extent (metres) filling the frame at a round scale, centred on `bounds`; and the scale.

    `bounds` are in a metric CRS. The returned extent has exactly the frame's
    aspect ratio, so one paper millimetre is the same distance across and
    down, and the printed "1:N" is the true scale on paper.
    """
    west, south, east, north = bounds
    denominator = nice_scale(needed_scale(bounds, frame_w_in, frame_h_in, padding))
    metres_per_inch = denominator * MM_PER_INCH / 1000
    cx, cy = (west + east) / 2, (south + north) / 2
    half_w, half_h = frame_w_in * metres_per_inch / 2, frame_h_in * metres_per_inch / 2
    return (cx - half_w, cy - half_h, cx + half_w, cy + half_h), denominator


def fit_focus(focus: tuple[float, float, float, float] | None, whole: tuple[float, float, float, float],
              frame_w_in: float, frame_h_in: float) -> tuple[tuple[float, float, float, float], int]:
    """The extent and round scale of a map of `focus` (a selection; None: nothing selected) inside `whole`
    (the province), both in metres.

    A selection gets a frame of its own only when that zooms in by at least MIN_ZOOM; a wider one (Khu vực
    III, the border communes, two districts at opposite ends) is printed on the whole province's frame.
    Fitting such a selection's own bounds gave near-identical maps of the province at another round scale
    (1:850.000 beside the province's 1:900.000 on A4), because a few kilometres less in the bounds is
    enough to reach the next step of the series.
    """
    if focus is not None and needed_scale(focus, frame_w_in, frame_h_in) * MIN_ZOOM <= \
            needed_scale(whole, frame_w_in, frame_h_in):
        return fit_extent(focus, frame_w_in, frame_h_in)
    return fit_extent(whole, frame_w_in, frame_h_in)


def scale_bar_km(extent_width_m: float, fraction: float = 0.25) -> float:
    """A round bar length (km) of at most `fraction` of the map width."""
    target = extent_width_m / 1000 * fraction
    best = None
    for length in (0.5, 1, 2, 2.5, 5, 10, 20, 25, 30, 40, 50, 100, 200):
        if length <= target:
            best = length
    return best if best is not None else 0.5

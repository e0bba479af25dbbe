"""The map's frame on the page: where it sits, what it shows, and inches <-> metres inside it.

The extent has exactly the frame's proportions at a round scale (layout.fit_extent, fit_focus),
so a label's box on paper (inches) and a place on the map (metres) convert both ways.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from matplotlib.figure import Figure
from shapely.geometry import box as shapely_box

from layers.paper.geometry import PrintGeometry
from layers.paper.layout import Box, box_size, fit_focus
from layers.paper.text import TEXT_COLOUR
from layers.view import MapView

MIN_SPAN_M = 12_000  # smallest map extent: a single commune still shows what surrounds it


@dataclass
class MapFrame:
    """The map's box on the page and the metre <-> inch mapping inside it."""

    box: Box  # x0, y0, x1, y1 (inches on the page)
    extent: tuple[float, float, float, float]  # x0, y0, x1, y1 (metres)
    denominator: int

    @property
    def width(self) -> float:
        return self.box[2] - self.box[0]

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]

    @property
    def metres_per_inch(self) -> float:
        return (self.extent[2] - self.extent[0]) / self.width

    def to_page(self, x: float, y: float) -> tuple[float, float]:
        return (self.box[0] + (x - self.extent[0]) / self.metres_per_inch,
                self.box[1] + (y - self.extent[1]) / self.metres_per_inch)

    def to_metres(self, x: float, y: float) -> tuple[float, float]:
        m = self.metres_per_inch
        return self.extent[0] + (x - self.box[0]) * m, self.extent[1] + (y - self.box[1]) * m

    def box_to_metres(self, b: Box):
        m = self.metres_per_inch
        return shapely_box(self.extent[0] + (b[0] - self.box[0]) * m, self.extent[1] + (b[1] - self.box[1]) * m,
                           self.extent[0] + (b[2] - self.box[0]) * m, self.extent[1] + (b[3] - self.box[1]) * m)


def map_frame(box: Box, geometry: PrintGeometry, selected: np.ndarray) -> MapFrame:
    """The frame showing the selection and the uncertain zones it shares (widened to MIN_SPAN_M), or the
    whole province when none or when the selection spans most of it (layout.fit_focus): the frame depends
    on the selection and the page only, never on the view."""
    focus_bounds = None
    if selected.any():
        shared = geometry.zone_geoms[geometry.zones_shared_with(selected)]
        focus = np.concatenate([geometry.commune_geoms[selected], shared])
        focus_bounds = _at_least(tuple(shapely.total_bounds(focus)), MIN_SPAN_M)
    extent, denominator = fit_focus(focus_bounds, geometry.bounds, *box_size(box))
    return MapFrame(box, extent, denominator)


def _at_least(bounds: tuple, span: float) -> tuple:
    """Widen small bounds around their centre: one commune is shown with its neighbours."""
    west, south, east, north = bounds
    cx, cy = (west + east) / 2, (south + north) / 2
    half_w, half_h = max(east - west, span) / 2, max(north - south, span) / 2
    return cx - half_w, cy - half_h, cx + half_w, cy + half_h


def selected_mask(view: MapView, geometry: PrintGeometry) -> np.ndarray:
    """Communes inside the filters; all False when nothing (or everything) is filtered."""
    mask = np.isin(geometry.codes, list(view.selected))
    return mask if 0 < mask.sum() < len(mask) else np.zeros(len(mask), dtype=bool)


def map_axes(fig: Figure, frame: MapFrame, width: float, height: float):
    x0, y0, _, _ = frame.box
    ax = fig.add_axes((x0 / width, y0 / height, frame.width / width, frame.height / height))
    ax.set_xlim(frame.extent[0], frame.extent[2])
    ax.set_ylim(frame.extent[1], frame.extent[3])
    ax.set_aspect("auto")  # the extent already has the frame's proportions (fit_extent)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_facecolor("white")
    for spine in ax.spines.values():
        spine.set_linewidth(0.8)
        spine.set_color(TEXT_COLOUR)
    return ax

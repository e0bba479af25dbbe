"""Names on the print map: labels placed in order of priority, none colliding with another.

Label boxes are measured with the real font (text.py) in inches on the page;
districts first, then "TRUNG QUỐC" beyond the border, then commune names,
selected communes and larger ones first, with the names of the uncertain
zones (2026-2030: the old commune, in italics) ranked among them by area.
A district name moves off the village dots and count badges (data, drawn
first) to the nearest clear spot in its district. A name over a hatched zone
gets a white halo so the hatch does not cross it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
import shapely
from matplotlib import patheffects
from matplotlib.path import Path

import texts
from layers import style
from layers.paper.frame import MapFrame
from layers.paper.geometry import PrintGeometry
from layers.paper.layout import Box
from layers.paper.text import TEXT_COLOUR, font, text_size_pt

MARK_PAD_IN = 0.02  # a district name's white halo reaches about this far beyond its letters
SPOT_STEP_IN = 0.04  # a district name looks for room in steps this wide (and half its height)
BESIDE_IN = 0.35  # how far from its anchor a district name may go outside its district (the city)
NAME_SHARE = 0.5  # a district name covers at most this share of its district's extent on the page
SPOTS_PER_ROUND = 256
# Text sizes on A4, in points (scaled up on A3 by PageLayout.font_scale).
SIZE_DISTRICT, SIZE_COMMUNE, SIZE_NEIGHBOUR = 8.0, 5.6, 9.0
DIMMED_TEXT = "#8a8a8a"
ZONE_TEXT = style.ZONE_HATCH  # an old commune's name on its uncertain zone
HALO = [patheffects.withStroke(linewidth=2.4, foreground="white")]
ZONE_HALO_PT = 1.8


@dataclass(frozen=True)
class Label:
    """A label candidate: `x`, `y` its centre in inches on the page."""

    key: str
    text: str
    x: float
    y: float
    width: float  # inches
    height: float


def box_of(label: Label, pad: float = 0.0) -> Box:
    return (label.x - label.width / 2 - pad, label.y - label.height / 2 - pad,
            label.x + label.width / 2 + pad, label.y + label.height / 2 + pad)


def overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_without_overlap(candidates: list[Label], obstacles: list[Box], frame: Box, pad: float = 0.02,
                          accept: Callable[[Box], bool] | None = None) -> list[Label]:
    """Keep candidates in order of priority, dropping any whose box hits a kept one.

    `obstacles` are boxes already on the page (district names, north arrow,
    scale bar); `frame` is the map's box; a label must lie wholly inside it.
    `pad` (inches) keeps a little air between neighbours; `accept` may veto a
    box for other reasons (e.g. a commune name reaching outside the province).
    """
    kept: list[Label] = []
    taken = list(obstacles)
    for label in candidates:
        box = box_of(label, pad)
        inside = (box[0] >= frame[0] and box[1] >= frame[1] and box[2] <= frame[2] and box[3] <= frame[3])
        if (inside and not any(overlaps(box, other) for other in taken)
                and (accept is None or accept(box_of(label)))):
            kept.append(label)
            taken.append(box)
    return kept


def _label(frame: MapFrame, key: str, text: str, x: float, y: float, size: float, bold: bool = False,
           italic: bool = False) -> Label:
    w, h = text_size_pt(text, size, bold, italic)
    px, py = frame.to_page(x, y)
    return Label(key=key, text=text, x=px, y=py, width=w / 72, height=h / 72)


def draw_district_labels(ax, frame: MapFrame, geometry: PrintGeometry, fs: float, obstacles: list,
                         marks: list | tuple = ()) -> list:
    """District names, larger districts first, none on another or on an obstacle (furniture).

    `marks` are the boxes of what the villages put on the map (dots, count
    badges): a name goes to the spot nearest its anchor, inside its district,
    that covers none of them, or else the fewest. Returns the names' boxes.
    """
    size = SIZE_DISTRICT * fs
    marks_array = np.asarray(marks, dtype=float).reshape(-1, 4)
    taken, boxes = list(obstacles), []
    for i in np.argsort(-geometry.district_areas):
        label = _label(frame, str(i), geometry.district_names[i], *geometry.district_anchors[i], size, bold=True)
        if not _room_for(label, geometry.district_paths[i], frame):
            continue
        label = district_spot(label, geometry.district_paths[i], frame, taken, marks_array)
        if label is None:
            continue
        x, y = frame.to_metres(label.x, label.y)
        ax.text(x, y, label.text, fontproperties=font(size, bold=True), ha="center", va="center",
                color=TEXT_COLOUR, zorder=12, path_effects=HALO)
        taken.append(box_of(label, 0.03))
        boxes.append(box_of(label, 0.02))
    return boxes


def district_spot(label: Label, district: Path, frame: MapFrame, taken: list, marks: np.ndarray,
                  pad: float = 0.03) -> Label | None:
    """`label` at the spot nearest its anchor, inside the frame and clear of the `taken` boxes, that covers none
    of `marks` (an (n, 4) array of boxes): inside `district` (metres) if it can, else just beside it (a
    district too small for its name: the city); where every spot covers some, the one covering the fewest
    (inside on a tie). None if no spot is clear of `taken`."""
    offsets = _spots(label, district, frame)
    half = np.array([-label.width / 2, -label.height / 2, label.width / 2, label.height / 2])
    taken_array = np.asarray(taken, dtype=float).reshape(-1, 4)
    best = None  # (marks covered, outside its district, spot): the least of these wins, the nearest on a tie
    for start in range(0, len(offsets), SPOTS_PER_ROUND):  # nearest first: most names stop in the first round
        chunk = offsets[start:start + SPOTS_PER_ROUND]
        centres = np.column_stack([label.x + chunk[:, 0], label.y + chunk[:, 1]])
        boxes = np.tile(centres, 2) + half
        padded = boxes + [-pad, -pad, pad, pad]
        clear = ((padded[:, 0] >= frame.box[0]) & (padded[:, 1] >= frame.box[1])
                 & (padded[:, 2] <= frame.box[2]) & (padded[:, 3] <= frame.box[3])
                 & ~_hits(padded, taken_array).any(axis=1))
        covered = _hits(boxes + [-MARK_PAD_IN, -MARK_PAD_IN, MARK_PAD_IN, MARK_PAD_IN], marks).sum(axis=1)
        for k in np.flatnonzero(clear):
            if best is not None and best[:2] <= (covered[k], False):
                continue  # a nearer spot is at least as good
            dx, dy = chunk[k]
            outside = bool(dx or dy) and not _inside(tuple(boxes[k]), district, frame)  # its anchor is its own
            if outside and math.hypot(dx, dy) > BESIDE_IN:
                continue
            if best is None or (covered[k], outside) < best[:2]:
                best = (int(covered[k]), outside, replace(label, x=float(centres[k, 0]), y=float(centres[k, 1])))
                if best[:2] == (0, False):
                    return best[2]
    return None if best is None else best[2]


def _hits(boxes: np.ndarray, others: np.ndarray) -> np.ndarray:
    """(n, m) booleans: box i overlaps other j."""
    return ((boxes[:, None, 0] < others[None, :, 2]) & (others[None, :, 0] < boxes[:, None, 2])
            & (boxes[:, None, 1] < others[None, :, 3]) & (others[None, :, 1] < boxes[:, None, 3]))


def _spots(label: Label, district: Path, frame: MapFrame) -> np.ndarray:
    """Offsets (inches) from a district name's anchor over its district's extent and a little beyond,
    nearest first."""
    (x0, y0), (x1, y1) = (frame.to_page(*corner) for corner in district.get_extents().get_points())
    step_x, step_y = SPOT_STEP_IN, label.height / 2
    xs = np.arange(math.floor((x0 - BESIDE_IN - label.x) / step_x),
                   math.ceil((x1 + BESIDE_IN - label.x) / step_x) + 1) * step_x
    ys = np.arange(math.floor((y0 - BESIDE_IN - label.y) / step_y),
                   math.ceil((y1 + BESIDE_IN - label.y) / step_y) + 1) * step_y
    grid = np.array(np.meshgrid(xs, ys)).reshape(2, -1).T
    return grid[np.lexsort((np.abs(grid[:, 0]), np.hypot(grid[:, 0], grid[:, 1])))]


def _room_for(label: Label, district: Path, frame: MapFrame) -> bool:
    """Whether the district is drawn large enough to carry its name: the name's box covers at most
    NAME_SHARE of the district's extent on the page. Names thin out with the scale: the province's city keeps
    its name (about 0.4) on a province map, while on a map of the country a name would span several
    districts and read as theirs."""
    (x0, y0), (x1, y1) = (frame.to_page(*corner) for corner in district.get_extents().get_points())
    return label.width * label.height <= NAME_SHARE * abs(x1 - x0) * abs(y1 - y0)


def _inside(box: Box, district: Path, frame: MapFrame) -> bool:
    corners = [frame.to_metres(x, y) for x in (box[0], box[2]) for y in (box[1], box[3])]
    return bool(district.contains_points(corners).all())


def draw_neighbour_label(ax, frame: MapFrame, geometry: PrintGeometry, fs: float, obstacles: list) -> list:
    """'TRUNG QUỐC' just beyond the border line, where it fits outside the province."""
    size = SIZE_NEIGHBOUR * fs
    text = texts.PRINT_NEIGHBOUR
    border = geometry.border_geom
    if border.is_empty:
        return []
    _, h = text_size_pt(text, size)
    fractions = (0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8, 0.15, 0.85, 0.1, 0.9)
    # Inches of open ground around the name, and how far out from the line: a roomy spot first.
    spots = [(c, extra, f) for c in (0.3, 0.12, 0.03) for extra in (0.0, 0.3, 0.6) for f in fractions]
    prepared = geometry.province_geom
    shapely.prepare(prepared)
    for clearance, extra, fraction in spots:
        offset = (h / 72 / 2 + clearance + extra + 0.06) * frame.metres_per_inch
        p = border.interpolate(fraction, normalized=True)
        q = border.interpolate(min(fraction + 0.01, 1.0), normalized=True)
        dx, dy = q.x - p.x, q.y - p.y
        norm = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / norm, dx / norm
        if geometry.province_geom.contains(shapely.Point(p.x + nx * 500, p.y + ny * 500)):
            nx, ny = -nx, -ny  # point away from the province, into China
        x, y = p.x + nx * offset, p.y + ny * offset
        label = _label(frame, "neighbour", text, x, y, size)
        box = box_of(label, 0.03)
        if prepared.intersects(frame.box_to_metres(box_of(label, clearance))):
            continue
        if place_without_overlap([label], obstacles, frame.box, pad=0.03):
            ax.text(x, y, text, fontproperties=font(size), ha="center", va="center",
                    color="#6b6b6b", zorder=12)
            return [box]
    return []


COMMUNE_PAD = 0.012  # inches of air around a commune name


def draw_commune_labels(ax, frame: MapFrame, geometry: PrintGeometry, selected: np.ndarray, fs: float,
                        obstacles: list, below: dict[int, tuple] | None = None) -> None:
    """Commune names where they fit: selected first, then larger communes; colliding ones dropped.

    A commune with a village badge on its anchor (`below`: the badges' boxes) has its name under the
    badge. Uncertain zones are named like communes (keys "z<i>"), in italics.
    """
    size = _commune_label_size(frame.denominator) * fs
    below = below or {}
    zone_inside = geometry.zones_shared_with(selected)
    communes = [((not selected[i], -geometry.areas[i]), str(i)) for i in range(len(geometry.codes))]
    zones = [((not zone_inside[i], -area), f"z{i}") for i, area in enumerate(geometry.zone_areas)]
    candidates = []
    for _, key in sorted(communes + zones, key=lambda entry: entry[0]):
        if key.startswith("z"):
            i = int(key[1:])
            candidates.append(_label(frame, key, geometry.zone_names[i], *geometry.zone_anchors[i], size,
                                     italic=True))
            continue
        i = int(key)
        label = _label(frame, key, geometry.names[i], *geometry.commune_anchors[i], size)
        if i in below and _centred_on(below[i], label):  # a badge moved off its anchor is only in the way
            # under the badge, further than the air kept between names (else the badge itself drops the name)
            label = Label(label.key, label.text, label.x, below[i][1] - label.height / 2 - COMMUNE_PAD - 0.004,
                          label.width, label.height)
        candidates.append(label)
    province = geometry.province_geom
    shapely.prepare(province)

    def on_land(box: tuple) -> bool:  # a name hanging over the province edge reads as a place outside
        return province.contains(frame.box_to_metres(box))

    kept = place_without_overlap(candidates, obstacles, frame.box, pad=COMMUNE_PAD, accept=on_land)
    dimmed = selected.any()
    hatched = shapely.union_all(geometry.zone_geoms) if len(geometry.zone_geoms) else None
    for label in kept:
        x, y = frame.to_metres(label.x, label.y)
        if label.key.startswith("z"):
            _halo(ax, x, y, label.text, font(size, italic=True))
            ax.text(x, y, label.text, fontproperties=font(size, italic=True), ha="center", va="center", zorder=11,
                    color=DIMMED_TEXT if dimmed and not zone_inside[int(label.key[1:])] else ZONE_TEXT)
            continue
        i = int(label.key)
        if hatched is not None and hatched.intersects(frame.box_to_metres(box_of(label))):
            _halo(ax, x, y, label.text, font(size))
        ax.text(x, y, label.text, fontproperties=font(size), ha="center", va="center", zorder=11,
                color=DIMMED_TEXT if dimmed and not selected[i] else TEXT_COLOUR)


def _centred_on(box: Box, label: Label) -> bool:
    return math.isclose((box[0] + box[2]) / 2, label.x, abs_tol=1e-6) and \
        math.isclose((box[1] + box[3]) / 2, label.y, abs_tol=1e-6)


def _halo(ax, x, y, text: str, fontproperties) -> None:
    """A white outline under a name that lies over the hatch, drawn as its own shape under the text,
    so the name itself stays real text in the PDF (searchable), as names without a halo are."""
    ax.text(x, y, text, fontproperties=fontproperties, ha="center", va="center", zorder=11, color="white",
            path_effects=[patheffects.Stroke(linewidth=ZONE_HALO_PT, foreground="white")])


def _commune_label_size(denominator: int) -> float:
    """Commune names grow as the map zooms in: few communes, room for larger text."""
    if denominator >= 600_000:
        return SIZE_COMMUNE
    if denominator >= 250_000:
        return SIZE_COMMUNE * 1.2
    return SIZE_COMMUNE * 1.45

"""Is a palette colour-blind safe? Colour differences in CAM02-UCS under simulated colour vision deficiency.

Each colour is seen four ways: with normal vision and with full deuteranomaly, protanomaly and tritanomaly
(Machado et al. 2009 at severity 100, i.e. dichromacy; colorspacious's "sRGB1+CVD" space), then placed in
CAM02-UCS, where a distance (ΔE) of about 1 is just noticeable. Map classes that a reader must match to
a legend need far more than that: the usual rule of thumb is ΔE ≳ 10-12 between classes adjacent in a
legend. We hold every class pair that must be told apart, and every line or point symbol against the fills
under it, to MIN_DELTA_E = 10, the low end of that range.

Used by tests/test_palettes.py and benchmarks/palettes.py; the app does not import it (colorspacious is a
test dependency).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

import numpy as np
from colorspacious import cspace_convert
from matplotlib.colors import to_rgb

NORMAL = "normal"
DEFICIENCIES = (NORMAL, "deuteranomaly", "protanomaly", "tritanomaly")
SEVERITY = 100  # the strongest form: the anomalous cone missing altogether

MIN_DELTA_E = 10.0  # CAM02-UCS; the low end of the 10-12 rule of thumb for map classes
MIN_LIGHTNESS_STEP = 3.0  # J' between adjacent ramp classes, so that "darker = more" holds for everyone

RAMP, CATEGORIES, OVERLAY, PAIRS = "ramp", "categories", "overlay", "pairs"


@lru_cache(maxsize=4096)
def ucs(colour: str, deficiency: str = NORMAL) -> tuple[float, float, float]:
    """J', a', b' of `colour` (any matplotlib colour) as seen with `deficiency`."""
    rgb = np.array(to_rgb(colour))
    if deficiency != NORMAL:
        space = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": SEVERITY}
        rgb = np.clip(cspace_convert(rgb, space, "sRGB1"), 0, 1)
    return tuple(float(v) for v in cspace_convert(rgb, "sRGB1", "CAM02-UCS"))


def delta_e(a: str, b: str, deficiency: str = NORMAL) -> float:
    """The CAM02-UCS distance between two colours as seen with `deficiency`."""
    return float(np.linalg.norm(np.subtract(ucs(a, deficiency), ucs(b, deficiency))))


def lightness(colour: str, deficiency: str = NORMAL) -> float:
    return ucs(colour, deficiency)[0]


@dataclass(frozen=True)
class Measure:
    """The worst case of one palette under one deficiency."""

    deficiency: str
    min_delta_e: float
    worst: tuple[str, str]  # the two colours (classes, or symbol and fill) that came closest
    monotonic: bool = True  # ramps: lightness keeps one direction from the first class to the last
    min_lightness_step: float | None = None  # ramps: the smallest J' step between adjacent classes

    def passes(self, threshold: float = MIN_DELTA_E) -> bool:
        steps_ok = self.min_lightness_step is None or self.min_lightness_step >= MIN_LIGHTNESS_STEP
        return self.min_delta_e >= threshold and self.monotonic and steps_ok


def closest(pairs: list[tuple[str, str]], deficiency: str = NORMAL) -> Measure:
    """The pair in `pairs` that is hardest to tell apart with `deficiency`."""
    distances = [delta_e(a, b, deficiency) for a, b in pairs]
    i = int(np.argmin(distances))
    return Measure(deficiency, distances[i], pairs[i])


def ramp(colours: list[str], deficiency: str = NORMAL) -> Measure:
    """An ordered ramp: adjacent classes far enough apart, and lightness monotonic."""
    worst = closest(list(zip(colours, colours[1:])), deficiency)
    steps = np.diff([lightness(c, deficiency) for c in colours])
    monotonic = bool(np.all(steps > 0) or np.all(steps < 0))
    return Measure(deficiency, worst.min_delta_e, worst.worst, monotonic, float(np.min(np.abs(steps))))


def categories(colours: list[str], deficiency: str = NORMAL) -> Measure:
    """Unordered classes: every pair far enough apart."""
    return closest(list(combinations(colours, 2)), deficiency)


def overlay(symbol: str, fills: list[str], deficiency: str = NORMAL) -> Measure:
    """A line or point symbol against each fill it may be drawn over."""
    return closest([(symbol, fill) for fill in fills], deficiency)


@dataclass(frozen=True)
class PaletteCheck:
    """One thing a reader must be able to tell apart, on one view."""

    name: str
    kind: str  # RAMP, CATEGORIES, OVERLAY, or PAIRS (explicit pairs, e.g. neighbouring districts)
    colours: tuple[str, ...] = ()  # classes, or the fills under `symbol`
    symbol: str = ""  # OVERLAY: the line or point colour
    pairs: tuple[tuple[str, str], ...] = ()
    asserted: bool = True  # False: measured and reported only (see app_palettes)

    def measure(self, deficiency: str) -> Measure:
        if self.kind == RAMP:
            return ramp(list(self.colours), deficiency)
        if self.kind == CATEGORIES:
            return categories(list(self.colours), deficiency)
        if self.kind == OVERLAY:
            return overlay(self.symbol, list(self.colours), deficiency)
        return closest(list(self.pairs), deficiency)

    def measures(self) -> dict[str, Measure]:
        return {d: self.measure(d) for d in DEFICIENCIES}


def district_neighbours(districts, name_column: str = "district", metric_crs: int = 32648,
                        min_shared_m: float = 100.0) -> list[tuple[str, str]]:
    """Pairs of districts sharing a boundary at least `min_shared_m` long (a corner does not count)."""
    geoms = districts.to_crs(metric_crs)
    names, shapes = geoms[name_column].tolist(), [g.buffer(1.0) for g in geoms.geometry]
    return [(names[i], names[j]) for i, j in combinations(range(len(names)), 2)
            if shapes[i].intersection(shapes[j]).area / 2.0 >= min_shared_m]


def veiled(colour: str) -> str:
    """`colour` under the white veil that dims the communes outside a filter (the screen's DIM_STYLE)."""
    from layers.paper.legend import dim_colour
    return dim_colour(colour)


def app_palettes(district_colours: dict[str, str], neighbours: list[tuple[str, str]]) -> list[PaletteCheck]:
    """Every palette of every view, and every symbol against the fills it is drawn over.

    `district_colours` as the app assigns them, `neighbours` the district pairs that share a boundary.
    Reported only: dimmed against undimmed fills (the lightest classes are nearly white, so a white veil
    cannot move them 10 units; the selected communes also get an outline), and the two purples of the
    village symbol and the uncertain-zone hatch, which never sit on each other.
    """
    from geo.vocabulary import CATEGORY_I, CATEGORY_II, CATEGORY_III
    from layers import style, thematic

    nd, bg = style.NO_DATA, style.BACKGROUND
    category = [thematic.CATEGORY_COLOURS[c] for c in (CATEGORY_I, CATEGORY_II, CATEGORY_III)]
    gap_met, shortfall = thematic.GAP_COLOURS[0], list(thematic.GAP_COLOURS[1:])
    views = {
        "admin": list(district_colours.values()),
        "category": [*category, thematic.OUTSIDE_COLOUR],
        **{f"indicator k={k}": list(colours) for k, colours in thematic.SEQUENTIAL.items()},
        "gap": list(thematic.GAP_COLOURS),
        "priority": list(thematic.PRIORITY_COLOURS),
    }
    checks = [
        PaletteCheck("admin: neighbouring districts", PAIRS,
                     pairs=tuple((district_colours[a], district_colours[b]) for a, b in neighbours
                                 if a in district_colours and b in district_colours)),
        PaletteCheck("admin: all district pairs", CATEGORIES, tuple(district_colours.values())),
        PaletteCheck("category: I < II < III", RAMP, tuple(category)),
        PaletteCheck("category: I, II, III, outside, no data", CATEGORIES, (*category, thematic.OUTSIDE_COLOUR, nd)),
        *[PaletteCheck(f"indicator: {k} classes", RAMP, tuple(c)) for k, c in thematic.SEQUENTIAL.items()],
        PaletteCheck("gap: shortfall classes", RAMP, tuple(shortfall)),
        PaletteCheck("gap: met vs shortfall", OVERLAY, tuple(shortfall), symbol=gap_met),
        PaletteCheck("priority: bands", RAMP, tuple(thematic.PRIORITY_COLOURS)),
        *[PaletteCheck(f"no data vs {view}", OVERLAY, tuple(fills), symbol=nd)
          for view, fills in views.items() if view != "admin"],  # the admin view colours every unit
    ]
    for view, fills in views.items():
        under = (*fills, nd)
        checks += [
            PaletteCheck(f"border line on {view}", OVERLAY, (*under, bg, style.PROVINCE_EDGE),
                         symbol=style.BORDER_LINE),
            PaletteCheck(f"village symbol on {view}", OVERLAY, under, symbol=style.VILLAGE_COLOUR),
            PaletteCheck(f"selection outline on {view}", OVERLAY, under, symbol=style.SELECTION_EDGE),
        ]
    checks.append(PaletteCheck("top-N outline on priority", OVERLAY, (*views["priority"], nd), symbol=style.TOP_EDGE))
    checks += [PaletteCheck(f"dimmed vs shown, {view}", PAIRS, pairs=tuple((c, veiled(c)) for c in fills),
                            asserted=False) for view, fills in views.items()]
    checks.append(PaletteCheck("zone hatch vs village symbol", OVERLAY, (style.VILLAGE_COLOUR,),
                               symbol=style.ZONE_HATCH, asserted=False))
    return checks

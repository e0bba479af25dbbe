"""Issue 13: every view's palette is colour-blind safe, checked by a colour-vision-deficiency simulation.

The checker (tests/palette_check.py) must first show it can fail: a red/green pair that everyone with normal
vision tells apart but a deuteranope does not, and ColorBrewer's 7-class Greens whose middle classes are
closer than the threshold. Then every palette and overlay of the app passes under every simulated deficiency.
The table of numbers: .venv/bin/python -m benchmarks.palettes
"""

from __future__ import annotations

import pytest

from geo.vocabulary import CATEGORY_I, CATEGORY_II, CATEGORY_III
from layers import style, thematic
from tests import palette_check as pc

TAB_RED, TAB_GREEN = "#d62728", "#2ca02c"  # matplotlib's default red and green, the textbook confusion pair
COLORBREWER_GREENS_7 = ["#edf8e9", "#c7e9c0", "#a1d99b", "#74c476", "#41ab5d", "#238b45", "#005a32"]


# --- the checker can fail -------------------------------------------------------------------------------

def test_a_red_green_pair_passes_for_normal_vision_and_fails_for_a_deuteranope():
    pair = [TAB_RED, TAB_GREEN]
    assert pc.categories(pair, pc.NORMAL).passes()
    assert not pc.categories(pair, "deuteranomaly").passes()
    assert pc.delta_e(*pair, "deuteranomaly") < pc.delta_e(*pair) / 10  # far apart for most, close for some


def test_the_simulation_leaves_greys_alone_and_moves_colours():
    """A grey has no hue to lose; a saturated red does."""
    for deficiency in pc.DEFICIENCIES:
        assert pc.delta_e("#808080", "#808080", deficiency) == 0
        assert pc.ucs("#808080", deficiency) == pytest.approx(pc.ucs("#808080"), abs=1e-3)
    assert abs(pc.ucs(TAB_RED, "deuteranomaly")[1]) < abs(pc.ucs(TAB_RED)[1]) / 3  # the red-green axis collapses


def test_colorbrewer_seven_greens_fail_the_threshold():
    """ColorBrewer's 7-class Greens: its 2nd and 3rd classes are ~8 apart under protan vision."""
    measure = pc.ramp(COLORBREWER_GREENS_7, "protanomaly")
    assert not measure.passes() and measure.worst == ("#c7e9c0", "#a1d99b")


def test_a_ramp_whose_lightness_turns_back_fails():
    zigzag = ["#ffffcc", "#2c7fb8", "#ffff00"]  # far apart, but the dark class sits in the middle
    measure = pc.ramp(zigzag)
    assert measure.min_delta_e > pc.MIN_DELTA_E and not measure.monotonic and not measure.passes()


def test_an_overlay_on_its_own_colour_fails():
    assert not pc.overlay(style.VILLAGE_COLOUR, ["#ffffff", style.VILLAGE_COLOUR]).passes()


# --- the app's palettes ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def district_colours(province):
    """The colours as the app assigns them (layers.prepared: by the 2021 list's district order)."""
    return style.district_colours(province.communes["district"].tolist(), order=province.district_order)


@pytest.fixture(scope="module")
def neighbours(province):
    return pc.district_neighbours(province.districts)


@pytest.fixture(scope="module")
def checks(district_colours, neighbours):
    return pc.app_palettes(district_colours, neighbours)


def test_district_adjacency_comes_from_the_boundaries(neighbours):
    """The city is enclosed by Cao Lộc; Đình Lập (south-east) and Tràng Định (north) are far apart."""
    pairs = {frozenset(p) for p in neighbours}
    assert frozenset({"Thành phố Lạng Sơn", "Huyện Cao Lộc"}) in pairs
    assert frozenset({"Huyện Lộc Bình", "Huyện Đình Lập"}) in pairs
    assert frozenset({"Huyện Đình Lập", "Huyện Tràng Định"}) not in pairs
    assert all(len(p) == 2 for p in pairs) and len(pairs) >= 15  # 11 districts, each with a few neighbours


def test_every_district_has_its_own_colour(district_colours):
    assert len(district_colours) == 11 and len(set(district_colours.values())) == 11


def test_every_palette_is_checked(checks):
    names = {c.name for c in checks if c.asserted}
    for expected in ("admin: neighbouring districts", "admin: all district pairs", "category: I < II < III",
                     "gap: shortfall classes", "priority: bands", "top-N outline on priority"):
        assert expected in names
    assert sum(n.startswith("indicator: ") for n in names) == len(thematic.SEQUENTIAL) == 5
    assert sum(n.startswith("border line on ") for n in names) == 9  # admin, category, 5 ramps, gap, priority


def test_every_palette_passes_under_every_deficiency(checks):
    failures = [f"{c.name} / {d}: ΔE {m.min_delta_e:.1f} {m.worst}" + ("" if m.monotonic else " (lightness turns)")
                for c in checks if c.asserted for d, m in c.measures().items() if not m.passes()]
    assert failures == []


@pytest.mark.parametrize("deficiency", pc.DEFICIENCIES)
def test_ramps_run_light_to_dark(deficiency):
    """The meaning survives: category III darkest, more = darker, a bigger shortfall = darker, higher priority =
    darker, whatever the reader's colour vision."""
    ramps = [[thematic.CATEGORY_COLOURS[c] for c in (CATEGORY_I, CATEGORY_II, CATEGORY_III)],
             *thematic.SEQUENTIAL.values(), thematic.GAP_COLOURS[1:], thematic.PRIORITY_COLOURS]
    for colours in ramps:
        lightness = [pc.lightness(c, deficiency) for c in colours]
        assert lightness == sorted(lightness, reverse=True), colours


def test_the_top_outline_and_village_symbols_keep_apart_from_the_priority_bands():
    """Issue 13: priority bands distinct from the purple village badges and the orange top-N outline."""
    for deficiency in pc.DEFICIENCIES:
        assert pc.overlay(style.VILLAGE_COLOUR, thematic.PRIORITY_COLOURS, deficiency).passes()
        assert pc.overlay(style.TOP_EDGE, thematic.PRIORITY_COLOURS, deficiency).passes()


def test_the_screen_shows_the_checked_colours():
    """The web map fills communes opaque, as the legend and the print map do, so what is checked is shown."""
    assert style.COMMUNE_STYLE["fillOpacity"] == 1

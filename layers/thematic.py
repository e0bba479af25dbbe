"""The thematic views of issue 4 as MapViews: category, indicator, gap to target, priority.

Each function turns a per-commune table into colours, legend entries (with class
limits and units) and counts. The same MapView is drawn on screen and in print.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd

import texts
from geo.classify import classify
from geo.gaps import gap_class, gap_class_labels, gap_series
from geo.indicators import INDICATORS, Indicator
from geo.priority import COMPONENTS, Weights, priority_scores
from geo.vnformat import SCORE_FORMAT, indicator_format, slider_label
from geo.vocabulary import (
    CATEGORIES,
    CATEGORY_I,
    CATEGORY_II,
    CATEGORY_III,
    PERIOD_2021,
    Period,
)
from layers import tables
from layers.style import NO_DATA, LegendEntry
from layers.view import MapView, district_view

# Colour-blind safe: every class pair a reader must tell apart differs by ΔE(CAM02-UCS) >= 10 with normal
# vision and under simulated deutan, protan and tritan vision (tests/palette_check.py, tests/test_palettes.py).
# Area categories: ColorBrewer OrRd (9-class scheme, classes 3, 5 and 9); III is the darkest, the most urgent,
# and dark enough to stay apart from the magenta border line.
CATEGORY_COLOURS = {CATEGORY_III: "#7f0000", CATEGORY_II: "#fc8d59", CATEGORY_I: "#fdd49e"}
OUTSIDE_COLOUR = "#92c5de"  # outside the ethnic-minority and mountain area (Yên Thịnh)
# ColorBrewer Greens (the 9-class scheme as matplotlib's "Greens" interpolates it), sampled from 10 % of its
# length (not white, so that a veiled commune still differs) to its darkest colour at equal lightness steps:
# ColorBrewer's own 6 and 7-class Greens have neighbours ~8 apart under protan vision.
# Light to dark; the darkest is "most".
SEQUENTIAL = {
    3: ["#e9f7e5", "#39a257", "#00441b"],
    4: ["#e9f7e5", "#6dc072", "#19833e", "#00441b"],
    5: ["#e9f7e5", "#8ace88", "#39a257", "#087432", "#00441b"],
    6: ["#e9f7e5", "#9cd797", "#55b567", "#278f48", "#006b2b", "#00441b"],
    7: ["#e9f7e5", "#a9dca3", "#6dc072", "#39a257", "#19833e", "#006428", "#00441b"],
}
# Gaps: met in blue (ColorBrewer RdBu), shortfall from yellow-orange to dark red (ColorBrewer YlOrRd 9-class,
# classes 3, 5, 7 and 9).
GAP_COLOURS = ["#4393c3", "#fed976", "#fd8d3c", "#e31a1c", "#800026"]
# ColorBrewer Blues (interpolated), light to mid-dark at equal lightness steps: it stops before the darkest
# blues, which the purple village badges and the selection outline become under deutan and protan vision;
# no orange, so the "top N" outline stands out.
PRIORITY_COLOURS = ["#e8f1fa", "#add0e6", "#72b2d8", "#4191c6", "#2070b4"]
PRIORITY_BREAKS = (20, 40, 60, 80, 100)


def _no_data_entry(count: int) -> list[LegendEntry]:
    return [LegendEntry(texts.LEGEND_NO_DATA, fill=NO_DATA)] if count else []


def category_view(table: pd.DataFrame, *, subtitle: str = "", selected: tuple[str, ...] = (),
                  illustrative: bool = False, sources: tuple[str, ...] = (), period: Period = PERIOD_2021) -> MapView:
    """Units by area category of `period` (QĐ 861/QĐ-TTg; NĐ 272/2025/NĐ-CP), with counts beside the
    official totals where they are published (2021-2025 only).

    `table` needs gso_code, area_category ("I"/"II"/"III"/None) and in_area (bool).
    """
    fills, counts, legend = {}, {}, []
    bare = {texts.LEGEND_TITLE_CATEGORY[period.key]: texts.COL_CATEGORY}  # texts without counts, for print
    for code, category, in_area in zip(table["gso_code"], table["area_category"], table["in_area"]):
        if category in CATEGORY_COLOURS:
            fills[code] = CATEGORY_COLOURS[category]
        elif not in_area:
            fills[code] = OUTSIDE_COLOUR
    official = period.official_category_counts
    for category in CATEGORIES:
        n = int((table["area_category"] == category).sum())
        label = (texts.CATEGORY_LEGEND.format(category=category, count=n, official=official[category]) if official
                 else texts.CATEGORY_LEGEND_COUNT.format(category=category, count=n))
        legend.append(LegendEntry(label, fill=CATEGORY_COLOURS[category]))
        counts[label], bare[label] = n, texts.CATEGORY_NAMES[category]
    outside = int((~table["in_area"].astype(bool)).sum())
    if outside:  # 2026-2030: no unit is known to lie outside the area
        legend.append(LegendEntry(texts.CATEGORY_OUTSIDE.format(count=outside), fill=OUTSIDE_COLOUR))
        bare[legend[-1].label] = texts.OUTSIDE_AREA_LABEL
    missing = len(table) - len(fills)
    legend.extend(_no_data_entry(missing))
    return MapView(title=texts.VIEW_CATEGORIES[period.key], legend_title=texts.LEGEND_TITLE_CATEGORY[period.key],
                   fills=fills,
                   legend=tuple(legend), subtitle=subtitle, selected=selected, illustrative=illustrative,
                   sources=sources, counts=counts, counted_labels=bare)


def indicator_view(table: pd.DataFrame, indicator: Indicator, method: str, k: int = 5, *, subtitle: str = "",
                   selected: tuple[str, ...] = (), illustrative: bool = False,
                   sources: tuple[str, ...] = ()) -> MapView:
    """Communes coloured in classes of one indicator; darker = better when higher is better."""
    values = table.set_index("gso_code")[indicator.id] if indicator.id in table else pd.Series(dtype=float)
    classes = classify(values, method, k=k, indicator=indicator)
    ramp = SEQUENTIAL[min(max(classes.k, 3), 7)][: max(classes.k, 1)] if classes.k >= 3 else \
        [SEQUENTIAL[3][0], SEQUENTIAL[3][2]][: classes.k]
    if not indicator.higher_is_better:
        ramp = list(reversed(ramp))  # the darkest green is always the best
    fills = {code: ramp[c] for code, c in classes.class_of.items() if c >= 0}
    unit, written = indicator.display_unit, indicator_format(indicator)
    legend, counts = [], {}
    for i in range(classes.k):
        low, high = written.number(classes.lower[i]), written.text(classes.upper[i])
        label = classes.labels[i] if classes.labels else (  # a class of one value: "0,0% số thôn"
            high if written.text(classes.lower[i]) == high else texts.CLASS_RANGE.format(low=low, high=high))
        legend.append(LegendEntry(label, fill=ramp[i]))
        counts[label] = classes.counts()[i]
    legend.extend(_no_data_entry(int((classes.class_of < 0).sum()) + len(table) - len(values)))
    return MapView(title=indicator.label, legend_title=texts.LEGEND_TITLE_INDICATOR.format(unit=unit),
                   fills=fills, legend=tuple(legend), subtitle=subtitle, selected=selected,
                   illustrative=illustrative, sources=sources, counts=counts)


def _gap_classes(table: pd.DataFrame, indicator: Indicator, year: int) -> pd.DataFrame:
    """Per commune (index gso_code): value, target, gap and gap class, for the colours.

    The table shown under the map is layers.tables.gap_table.
    """
    values = table.set_index("gso_code")[indicator.id] if indicator.id in table else \
        pd.Series(float("nan"), index=table["gso_code"])
    gaps = gap_series(values, indicator, year)
    out = pd.DataFrame({"value": values, "target": indicator.target(year), "gap": gaps})
    out["gap_class"] = out["gap"].map(gap_class)
    return out.sort_values("gap", ascending=False, na_position="last")


def gap_view(table: pd.DataFrame, indicator: Indicator, year: int, *, subtitle: str = "",
             selected: tuple[str, ...] = (), illustrative: bool = False,
             sources: tuple[str, ...] = ()) -> MapView:
    gaps = _gap_classes(table, indicator, year)
    fills = {code: GAP_COLOURS[c] for code, c in gaps["gap_class"].items() if c >= 0}
    labels = gap_class_labels(indicator)
    legend = [LegendEntry(label, fill=colour) for label, colour in zip(labels, GAP_COLOURS)]
    counts = {label: int((gaps["gap_class"] == i).sum()) for i, label in enumerate(labels)}
    legend.extend(_no_data_entry(int((gaps["gap_class"] < 0).sum())))
    target = indicator.target(year)
    title = texts.VIEW_GAP.format(label=indicator.label, year=year)
    legend_title = texts.LEGEND_TITLE_GAP.format(year=year, target=indicator_format(indicator).text(target))
    return MapView(title=title, legend_title=legend_title, fills=fills, legend=tuple(legend), subtitle=subtitle,
                   selected=selected, illustrative=illustrative, sources=sources, counts=counts)


def priority_view(scores: pd.DataFrame, *, subtitle: str = "", selected: tuple[str, ...] = (),
                  illustrative: bool = False, sources: tuple[str, ...] = ()) -> MapView:
    """Communes by priority score (0-100) in fixed bands of 20 points."""
    bands = pd.cut(scores["score"], bins=(-0.001, *PRIORITY_BREAKS), labels=False)
    fills = {code: PRIORITY_COLOURS[int(b)] for code, b in bands.items() if pd.notna(b)}
    legend, counts = [], {}
    lows = (0, *PRIORITY_BREAKS[:-1])
    for i, (low, high) in enumerate(zip(lows, PRIORITY_BREAKS)):
        label = texts.CLASS_RANGE.format(low=SCORE_FORMAT.number(low), high=SCORE_FORMAT.text(high))
        legend.append(LegendEntry(label, fill=PRIORITY_COLOURS[i]))
        counts[label] = int((bands == i).sum())
    return MapView(title=texts.VIEW_PRIORITY, legend_title=texts.LEGEND_TITLE_PRIORITY, fills=fills,
                   legend=tuple(legend), subtitle=subtitle, selected=selected, illustrative=illustrative,
                   sources=sources, counts=counts)


# --- one entry point for the app: which view, with which options -------------------------

ADMIN, CATEGORY, INDICATOR, GAP, PRIORITY = "admin", "category", "indicator", "gap", "priority"
VIEW_KINDS = (ADMIN, CATEGORY, INDICATOR, GAP, PRIORITY)


@dataclass(frozen=True)
class ViewOptions:
    kind: str = ADMIN
    indicator_id: str | None = None
    method: str = "natural_breaks"
    k: int = 5
    year: int = 2025
    weights: Weights = Weights()
    ticked: tuple[str, ...] = ()
    top_n: int = 10


@dataclass
class BuiltView:
    view: MapView
    table: pd.DataFrame  # the table under the map, column ids (layers.tables), in display order
    top: tuple[str, ...] = ()  # GSO codes to outline as "first to invest" (priority view)
    scores: pd.DataFrame | None = None
    headers: dict[str, str] = field(default_factory=tables.column_headers)  # id -> Vietnamese, for display


def priority_recipe(options: ViewOptions) -> str:
    """How the priority score was made, in words: the weights, the indicators ticked, the target year."""
    weights = ", ".join(texts.PRIORITY_RECIPE_WEIGHT.format(component=texts.COMPONENT_NAMES[c],
                                                            weight=slider_label(getattr(options.weights, c)))
                        for c in COMPONENTS)
    ticked = "; ".join(INDICATORS[i].label for i in options.ticked) or texts.PRIORITY_RECIPE_NO_INDICATOR
    return texts.PRIORITY_RECIPE.format(weights=weights, year=options.year, indicators=ticked)


def view_scores(options: ViewOptions, table: pd.DataFrame) -> pd.DataFrame | None:
    """Priority scores of all communes for the priority view (None for the other views)."""
    if options.kind != PRIORITY:
        return None
    return priority_scores(table, table.set_index("gso_code"), list(options.ticked), options.weights, options.year)


def build_view(options: ViewOptions, table: pd.DataFrame, colours: dict[str, str], *, subtitle: str,
               selected: tuple[str, ...], illustrative: bool, sources: tuple[str, ...],
               scores: pd.DataFrame | None = None, period: Period = PERIOD_2021) -> BuiltView:
    """The MapView and its table for the chosen view, on the rows of `table` (all 200 communes).

    Classes and scores are computed on all communes, so filtering never changes a
    commune's colour; the table keeps only the selected rows.
    """
    common = dict(subtitle=subtitle, selected=selected, illustrative=illustrative, sources=sources)
    shown = table[table["gso_code"].isin(selected)] if selected else table
    if options.kind == CATEGORY:
        view = replace(category_view(table, **common, period=period), details=tables.category_details(table))
        return BuiltView(view, tables.category_table(shown))
    if options.kind in (INDICATOR, GAP):
        indicator = INDICATORS[options.indicator_id]
        if options.kind == INDICATOR:
            view = indicator_view(table, indicator, options.method, options.k, **common)
            view = replace(view, details=tables.value_details(table, indicator))
            return BuiltView(view, tables.indicator_table(shown, indicator),
                             headers=tables.column_headers(indicator))
        view = gap_view(table, indicator, options.year, **common)
        view = replace(view, details=tables.value_details(table, indicator, options.year))
        return BuiltView(view, tables.gap_table(shown, indicator, options.year),
                         headers=tables.column_headers(indicator, options.year))
    if options.kind == PRIORITY:
        scores = scores if scores is not None else view_scores(options, table)
        view = replace(priority_view(scores, **common),
                       details=tables.priority_details(table, scores), recipe=priority_recipe(options),
                       top_n=options.top_n)
        # the top N of the whole province, those of them the filters show: a filter hides, it never re-ranks
        first = scores.sort_values("rank").index[: options.top_n]
        top = tuple(first[first.isin(shown["gso_code"])])
        return BuiltView(view, tables.priority_table(shown, scores), top=top,
                         scores=scores)
    view = district_view(table, colours, subtitle, selected, sources, period)
    return BuiltView(replace(view, illustrative=illustrative), tables.category_table(shown))

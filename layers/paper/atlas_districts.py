"""What each page of the atlas by district says, as plain data: one page per district of 2021-2025, or per
former district of 2026-2030 (the one holding most of a unit's area: the table's `district`, as the table
under the map and the district filter group them).

A district is in the atlas when at least one of its units is in the filter; its page colours and counts those
units only, and rolls their indicator values up to the district by the catalogue's rule (geo.roll_up), against
the same 2025/2030 targets as a unit's page. Kept apart from the drawing (atlas_district.py), as atlas_sheets is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import pandas as pd

import texts
from geo.indicators import INDICATORS, NONE, SUM
from geo.programme import indicators_with_values
from geo.roll_up import RolledUp, roll_up_units
from geo.vnformat import COUNT_FORMAT, NO_NUMBER, SCORE_FORMAT, nfc
from geo.vocabulary import CARRIED, CATEGORY_I, CATEGORY_II, CATEGORY_III, Period
from layers.page import MapPage
from layers.paper.atlas_sheets import (
    ORDER_GAP,
    ORDER_NAME,
    ORDER_RANK,
    AtlasPlan,
    IndicatorRow,
    atlas_units,
    indicator_row,
    order_keys,
    vietnamese_key,
)
from layers.style import CITY_PREFIX, DISTRICT_PREFIX
from layers.tables import category_name
from layers.thematic import PRIORITY, priority_recipe

PER_UNIT, PER_DISTRICT = "unit", "district"
PERS = (PER_UNIT, PER_DISTRICT)  # one page per unit, or per district (former district)
CATEGORY_ORDER = (texts.CATEGORY_NAMES[CATEGORY_III], texts.CATEGORY_NAMES[CATEGORY_II],
                  texts.CATEGORY_NAMES[CATEGORY_I], texts.OUTSIDE_AREA_LABEL, texts.NO_VALUE)


@dataclass(frozen=True)
class DistrictSheet:
    """One district's page, as data."""

    code: str  # the district as the table names it ("Huyện Bắc Sơn"): the page's key
    name: str  # the page's title ("Huyện Bắc Sơn", 2026-2030 "Huyện Bắc Sơn (cũ)")
    entry: str  # as the contents lists it
    facts: tuple[tuple[str, str], ...]
    indicators: tuple[IndicatorRow, ...]
    note: str = ""  # what it is ordered by, beside its name in the contents ("điểm TB 54,2")
    units: tuple[str, ...] = ()  # every unit of the district: the map's frame and outline
    shown: tuple[str, ...] = ()  # those in the filter: coloured, counted, rolled up
    table_note: str = ""  # how the table's values were rolled up, under it


def district_noun(period: Period) -> str:
    """"huyện" (2021-2025) or "huyện cũ" (2026-2030)."""
    return texts.ATLAS_DISTRICT_NOUN[period.key]


def district_title(district: str, period: Period) -> str:
    """A district's name as its page is titled: a former district says it is one."""
    name = nfc(district)
    if period.has_districts or name == texts.ATLAS_NO_DISTRICT:
        return name
    return texts.ATLAS_FORMER_DISTRICT_NAME.format(name=name)


def bare_district_name(district: str) -> str:
    """"Huyện Bắc Sơn" -> "Bắc Sơn", "Thành phố Lạng Sơn" -> "Lạng Sơn": what districts are sorted by."""
    name = nfc(district)
    for prefix in (DISTRICT_PREFIX, CITY_PREFIX):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def plan_district_atlas(page: MapPage, table: pd.DataFrame, period: Period, *, order: str = ORDER_NAME,
                        units: Sequence[str] | None = None) -> AtlasPlan:
    """The pages of the atlas by district of `page` over `table` (one row per unit of `period`): the districts
    holding at least one of the filter's units (`units`, default the page's selection, all when none), in
    `order` (by name; by the mean priority score of their filtered units, highest first; by the gap of their
    rolled-up values, as plan_atlas orders units)."""
    options, rows, codes, scores = atlas_units(page, table, period, order, units)
    chosen = rows.loc[list(dict.fromkeys(codes))]
    districts = list(dict.fromkeys(district_keys(chosen)))
    shown_ids = [i for i in indicators_with_values(table) if INDICATORS[i].aggregate != NONE]
    rolled = {d: roll_up_units(chosen[district_keys(chosen) == d], shown_ids) for d in districts}
    keys, notes, words = _order(order, page, period, districts, chosen, rolled, scores)
    districts.sort(key=lambda d: (keys.get(d, float("inf")), vietnamese_key(bare_district_name(d)),
                                  vietnamese_key(d)))
    sheets = tuple(replace(_sheet(d, page, period, table, chosen, rolled[d], scores), note=notes.get(d, ""))
                   for d in districts)
    return AtlasPlan(sheets=sheets, order_words=words, recipe=priority_recipe(options))


def _order(order: str, page: MapPage, period: Period, districts: list[str], chosen: pd.DataFrame,
           rolled: dict[str, dict[str, RolledUp]], scores: pd.DataFrame
           ) -> tuple[dict[str, float], dict[str, str], str]:
    """Per district, a number to sort by (smaller first), its words in the contents; the order in words."""
    if order == ORDER_NAME:
        return {}, {}, texts.ATLAS_ORDER_NAMES[ORDER_NAME]
    if order == ORDER_RANK:
        means = mean_scores(chosen, scores)
        notes = {d: texts.ATLAS_NOTE_MEAN_SCORE.format(score=SCORE_FORMAT.number(m)) for d, m in means.items()}
        words = texts.ATLAS_ORDER_DISTRICT_RANK.format(units=texts.UNIT_NOUN[period.key])
        return {d: -m for d, m in means.items()}, notes, words
    frame = pd.DataFrame([{"gso_code": d, **{i: r.value for i, r in rolled[d].items()}} for d in districts])
    keys, notes, words = order_keys(ORDER_GAP, page, frame, pd.DataFrame())
    return keys, notes, texts.ATLAS_ORDER_DISTRICT_GAP.format(order=words, district=district_noun(period))


def district_keys(frame: pd.DataFrame) -> pd.Series:
    """Each row's district as the pages name it: NFC (as the boundary files' names are read), and a unit with
    none (a national data set may leave it empty) under one page of its own rather than "nan"."""
    return frame["district"].map(lambda d: nfc(d.strip()) if isinstance(d, str) and d.strip()
                                 else texts.ATLAS_NO_DISTRICT)


def mean_scores(chosen: pd.DataFrame, scores: pd.DataFrame) -> dict[str, float]:
    """Per district, the unweighted mean priority score of its units in `chosen` that have one."""
    score = chosen["gso_code"].map(scores["score"]) if "score" in scores else pd.Series(dtype=float)
    means = pd.to_numeric(score, errors="coerce").groupby(district_keys(chosen)).mean().dropna()
    return means.to_dict()


def _sheet(district: str, page: MapPage, period: Period, table: pd.DataFrame, chosen: pd.DataFrame,
           rolled: dict[str, RolledUp], scores: pd.DataFrame) -> DistrictSheet:
    mine = chosen[district_keys(chosen) == district]
    members = tuple(table.loc[district_keys(table) == district, "gso_code"].astype(str))
    noun, units = district_noun(period), texts.UNIT_NOUN[period.key]
    count = len(mine)
    facts = [(texts.ATLAS_FACT_UNITS.format(units=units),
              COUNT_FORMAT.number(count) if count == len(members) else texts.ATLAS_FACT_UNITS_FILTERED.format(
                  shown=COUNT_FORMAT.number(count), total=COUNT_FORMAT.number(len(members)), units=units,
                  district=noun)),
             (texts.ATLAS_FACT_CATEGORIES, _categories(mine)),
             (page.built.headers.get("villages", texts.COL_VILLAGES),
              COUNT_FORMAT.number(int(pd.to_numeric(mine["n_villages"], errors="coerce").fillna(0).sum()))),
             (texts.ATLAS_FACT_BORDER.format(units=units).capitalize(),
              COUNT_FORMAT.number(sum(pd.notna(v) and bool(v) for v in mine["is_border"])))]
    means = mean_scores(mine, scores)
    if district in means:
        facts.append((texts.ATLAS_FACT_MEAN_SCORE, SCORE_FORMAT.text(means[district])))
    if count < len(members):
        facts.append((texts.ATLAS_FACT_FILTER, texts.ATLAS_FILTER_NOTE.format(units=units, district=noun)))
    if not period.has_districts:
        facts.append((texts.ATLAS_FACT_GROUPING, texts.ATLAS_FORMER_DISTRICT_NOTE))
    if page.choices.options.kind == PRIORITY:  # last: as many as fit, then "… và N mục khác"
        facts += _ranking(mine, scores, units)
    carried = page.choices.source == CARRIED
    approximate = carried and "carry_note" in mine and bool(mine["carry_note"].fillna("").astype(str).str.len().any())
    name = district_title(district, period)
    return DistrictSheet(code=district, name=name, entry=name, facts=tuple((nfc(k), nfc(v)) for k, v in facts),
                         indicators=tuple(rolled_row(r, i, units, carried, approximate) for i, r in rolled.items()),
                         units=members,
                         shown=tuple(mine["gso_code"].astype(str)),
                         table_note=texts.ATLAS_ROLL_UP_NOTE.format(district=noun, units=units) if rolled else "")


def _categories(mine: pd.DataFrame) -> str:
    """"Khu vực III: 5; Khu vực II: 3; ...": the units by area category, in the categories' order."""
    counts = category_name(mine).value_counts()
    return "; ".join(texts.ATLAS_FACT_CATEGORY_COUNT.format(name=name, count=COUNT_FORMAT.number(counts[name]))
                     for name in (*CATEGORY_ORDER, *sorted(set(counts.index) - set(CATEGORY_ORDER)))
                     if name in counts)


def _ranking(mine: pd.DataFrame, scores: pd.DataFrame, units: str) -> list[tuple[str, str]]:
    """The district's units by rank, a row each, the first row titled."""
    ranked = scores.reindex(mine["gso_code"]).dropna(subset=["score"]).sort_values("rank") \
        if "score" in scores else pd.DataFrame()
    names = mine.set_index("gso_code")["commune"]
    return [(texts.ATLAS_FACT_RANKING.format(units=units).capitalize() if k == 0 else "",
             texts.ATLAS_FACT_RANKED.format(name=nfc(names[code]), score=SCORE_FORMAT.number(row["score"]),
                                            rank=COUNT_FORMAT.number(row["rank"])))
            for k, (code, row) in enumerate(ranked.iterrows())]


def rolled_row(rolled: RolledUp, indicator_id: str, units: str, carried: bool = False,
               approximate: bool = False) -> IndicatorRow:
    """The district's line of the indicator table: the rolled-up value against the targets, its label saying
    when it is estimated (`carried`: a rate carried over from 2021-2025 is, as geo/carry_over combined it; a
    count added up is not), approximate (a unit left out
    a split old commune) and how many units gave a value when not all did. A count summed over only some of
    the units is a floor, not the district's count: no gap is written for it."""
    indicator = INDICATORS[indicator_id]
    row = indicator_row(pd.Series({indicator.id: rolled.value}), indicator)
    if indicator.aggregate == SUM and not rolled.complete:
        row = replace(row, targets=tuple((target, NO_NUMBER) for target, _ in row.targets))
    marks = [texts.ESTIMATED_MARK] if rolled.estimated or (carried and indicator.aggregate != SUM) else []
    if approximate:
        marks.append(texts.APPROXIMATE_MARK)
    if not rolled.complete:
        marks.append(texts.ATLAS_GIVEN.format(given=COUNT_FORMAT.number(rolled.given),
                                              total=COUNT_FORMAT.number(rolled.units), units=units))
    if not marks:
        return row
    return replace(row, label=texts.ATLAS_ROW_MARKS.format(label=row.label, marks=", ".join(marks)))

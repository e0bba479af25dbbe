"""What an import would change against the data in use, said before anything is stored.

The store replaces a whole dataset with each import, so a near-empty file, a
file of another district or of another period would silently wipe the list in
use. `describe_changes` compares the checked frame with the current one and
says, in Vietnamese, what is added, removed, changed and kept (per commune for
villages and categories, old -> new per value for indicators), and which
changes are drastic enough to need a second explicit confirmation.
Pure: frames in, a `Changes` out; the import page only displays it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import NamedTuple

import pandas as pd

import texts
from geo.errors import preview
from geo.imports.places import village_key
from geo.imports.reference import Reference
from geo.indicators import INDICATORS, YES_NO
from geo.vnformat import NO_NUMBER, vn_number
from geo.vocabulary import (
    CATEGORIES_KIND,
    KINDS,
    OFFICIAL_AREA_COMMUNES,
    PERIOD_2021,
    VILLAGE_INDICATORS_KIND,
    VILLAGES_KIND,
)

MAX_TABLE_ROWS = 500  # a page of changes people can read; the headline counts the rest
NAMES_PREVIEW = 8  # village names shown per cell before "… (+n)"
VALUE_TOLERANCE = 1e-9  # imported values are rounded to 10 decimals (indicator_sheets._finish)
COORD_TOLERANCE = 1e-9
# Totals further than 10 % from the official ones need a second confirmation.
# A department correcting its list moves a few villages or communes (the lists
# were amended during 2021-2025, see totals.py), i.e. a few per cent at most;
# a file of another district, another period or an unfinished draft is off by
# far more than 10 %. Note that for the 8 communes of area II any difference
# (1 of 8 = 12.5 %) exceeds 10 %: a wrong KV II count is worth a second look.
TOTAL_TOLERANCE = 0.10
AREA_SHARE_MINIMUM = 1 - TOTAL_TOLERANCE  # categories must cover 90 % of the area units (199; 65)
NO_YEAR = -1  # stands for a missing year inside comparison keys (NA never equals NA)


@dataclass(frozen=True, eq=False)
class Changes:
    """What replacing the data in use by an import's frame would change."""

    kind: str
    headline: str  # one Vietnamese sentence (two when villages are respelled or moved)
    table: pd.DataFrame  # column ids (keys of texts.CHG_COLUMNS), Vietnamese cells, at most MAX_TABLE_ROWS rows
    before: int  # units (villages, communes, values) in use
    after: int  # units in the new file
    added: int
    removed: int
    changed: int  # same unit, other content (category, value, village coordinates)
    unchanged: int  # same unit, same content (a village only respelled counts here)
    respelled: int = 0  # villages kept under the same key whose written name differs
    warnings: list[str] = field(default_factory=list)  # each needs the second confirmation
    first_import: bool = False  # nothing of this kind was in use
    hidden_rows: int = 0  # table rows left out by the bound
    table_note: str = ""  # says how many rows are left out, "" when none

    @property
    def needs_second_confirmation(self) -> bool:
        return bool(self.warnings)

    @property
    def identical(self) -> bool:
        """Nothing at all would change: the page offers no new version."""
        return not (self.added or self.removed or self.changed or self.respelled)


def describe_changes(kind: str, new: pd.DataFrame, current: pd.DataFrame | None,
                     reference: Reference) -> Changes:
    """Compare an import's frame with the one in use (None when nothing is stored yet)."""
    if kind not in KINDS:
        raise ValueError(f"unknown dataset kind {kind!r}; expected one of {KINDS}")
    first = current is None or current.empty
    current = new.iloc[0:0] if first else current  # also an empty frame stored without columns
    places = _Places(reference)
    if kind == CATEGORIES_KIND:
        parts = _categories(new, current, places)
    elif kind == VILLAGES_KIND:
        parts = _villages(new, current, places)
    else:
        parts = _values(new, current, places, village_level=kind == VILLAGE_INDICATORS_KIND)
    table, hidden, note = _bounded(parts.table, parts.rows)
    if not reference.has_districts:  # 2026-2030: the units alone, no empty district column
        table = table.drop(columns="district")
    counts, respelled = parts.counts, parts.respelled
    units = texts.UNIT_NOUN[reference.period.key]  # "xã"; "xã, phường" in 2026-2030
    warnings = _shrink_warning(kind, counts["before"], counts["after"], units) + _total_warnings(kind, new, reference)
    headline = _headline(kind, counts, respelled, first, units)
    return Changes(kind=kind, headline=headline, table=table, respelled=respelled, warnings=warnings,
                   first_import=first, hidden_rows=hidden, table_note=note, **counts)


class _Parts(NamedTuple):
    """One kind's comparison: counts, the display table (maybe already cut) and its full length."""

    counts: dict[str, int]
    table: pd.DataFrame
    rows: int
    respelled: int


# --- places ----------------------------------------------------------------------
class _Places:
    """District and commune names by code, in the order of the official list."""

    def __init__(self, reference: Reference):
        self.reference = reference
        self.order = {code: i for i, code in enumerate(reference.commune_list["gso_code"])}

    def district(self, code: str) -> str:
        try:
            return self.reference.district_of(code)
        except KeyError:
            return ""

    def commune(self, code: str) -> str:
        try:
            return self.reference.commune_of(code)
        except KeyError:
            return code  # a code the list no longer knows: the code is all there is to show

    def rank(self, code: str) -> int:
        return self.order.get(code, len(self.order))


def _codes(frame: pd.DataFrame) -> pd.Series:
    return frame["gso_code"].astype(str).str.strip()


def _village_keys(frame: pd.DataFrame) -> pd.Series:
    """Stored keys, or keys made from the names for versions stored before keys existed."""
    if "village_key" in frame.columns:
        return frame["village_key"].fillna("").astype(str)
    return frame["village"].map(lambda name: village_key(str(name)))


OLD, NEW, BOTH = "old", "new", "both"


def _compare(old: pd.DataFrame, new: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Outer join on `keys`, first row per key kept; `side` says OLD, NEW or BOTH."""
    merged = old.drop_duplicates(keys).merge(new.drop_duplicates(keys), on=keys, how="outer",
                                             suffixes=("_old", "_new"), indicator="side")
    merged["side"] = merged["side"].map({"left_only": OLD, "right_only": NEW, "both": BOTH})
    return merged


def _close(old: pd.Series, new: pd.Series, tolerance: float) -> pd.Series:
    old, new = pd.to_numeric(old, errors="coerce"), pd.to_numeric(new, errors="coerce")
    return ((old - new).abs() <= tolerance) | (old.isna() & new.isna())


def _counts(merged: pd.DataFrame, changed: pd.Series) -> dict[str, int]:
    both = merged["side"] == BOTH
    added, removed = int((merged["side"] == NEW).sum()), int((merged["side"] == OLD).sum())
    n_changed = int((both & changed).sum())
    n_unchanged = int(both.sum()) - n_changed
    return {"before": removed + n_changed + n_unchanged, "after": added + n_changed + n_unchanged,
            "added": added, "removed": removed, "changed": n_changed, "unchanged": n_unchanged}


# --- categories --------------------------------------------------------------------
def _categories(new: pd.DataFrame, current: pd.DataFrame, places: _Places):
    def tidy(frame):
        return pd.DataFrame({"gso_code": _codes(frame),
                             "area_category": frame["area_category"].astype(str).str.strip()})

    merged = _compare(tidy(current), tidy(new), ["gso_code"])
    changed = merged["area_category_old"] != merged["area_category_new"]
    counts = _counts(merged, changed)
    labels = texts.CHG_CATEGORY_CHANGE
    rows = []
    for record in merged.itertuples(index=False):
        old, new_ = record.area_category_old, record.area_category_new
        if record.side == BOTH and old == new_:
            continue
        change = labels[record.side]
        code = record.gso_code
        rows.append((places.rank(code), {
            "district": places.district(code), "commune": places.commune(code),
            "category_before": old if isinstance(old, str) else NO_NUMBER,
            "category_after": new_ if isinstance(new_, str) else NO_NUMBER,
            "change": change}))
    columns = ["district", "commune", "category_before", "category_after", "change"]
    return _Parts(counts, _sorted_frame(rows, columns), len(rows), 0)


# --- villages --------------------------------------------------------------------
def _village_frame(frame: pd.DataFrame) -> pd.DataFrame:
    tidy = pd.DataFrame({"gso_code": _codes(frame), "village_key": _village_keys(frame),
                         "village": frame["village"].astype(str)})
    for axis in ("lon", "lat"):
        tidy[axis] = pd.to_numeric(frame[axis], errors="coerce") if axis in frame.columns else math.nan
    return tidy


def _villages(new: pd.DataFrame, current: pd.DataFrame, places: _Places):
    merged = _compare(_village_frame(current), _village_frame(new), ["gso_code", "village_key"])
    both = merged["side"] == BOTH
    moved = both & ~(_close(merged["lon_old"], merged["lon_new"], COORD_TOLERANCE)
                     & _close(merged["lat_old"], merged["lat_new"], COORD_TOLERANCE))
    respelled = both & (merged["village_old"] != merged["village_new"])
    counts = _counts(merged, moved)
    merged = merged.assign(moved=moved, respelled=respelled)
    rows = []
    for code, group in merged.groupby("gso_code", sort=False):
        added = group.loc[group["side"] == NEW, "village_new"].tolist()
        removed = group.loc[group["side"] == OLD, "village_old"].tolist()
        spelt = [texts.CHG_RESPELLED_ITEM.format(old=old, new=new_) for old, new_
                 in group.loc[group["respelled"], ["village_old", "village_new"]].itertuples(index=False)]
        shifted = group.loc[group["moved"], "village_new"].tolist()
        if not (added or removed or spelt or shifted):
            continue
        rows.append((places.rank(code), {
            "district": places.district(code), "commune": places.commune(code),
            "villages_before": int((group["side"] != NEW).sum()),
            "villages_after": int((group["side"] != OLD).sum()),
            "added": preview(added, NAMES_PREVIEW), "removed": preview(removed, NAMES_PREVIEW),
            "respelled": preview(spelt, NAMES_PREVIEW), "moved": preview(shifted, NAMES_PREVIEW)}))
    columns = ["district", "commune", "villages_before", "villages_after", "added", "removed", "respelled", "moved"]
    return _Parts(counts, _sorted_frame(rows, columns), len(rows), int(respelled.sum()))


# --- indicator values --------------------------------------------------------------
def _value_frame(frame: pd.DataFrame, village_level: bool) -> pd.DataFrame:
    years = pd.to_numeric(frame["year"], errors="coerce") if "year" in frame.columns else pd.Series(
        math.nan, index=frame.index)
    tidy = pd.DataFrame({"gso_code": _codes(frame),
                         "village_key": _village_keys(frame) if village_level else "",
                         "indicator": frame["indicator"].astype(str),
                         "year": years.fillna(NO_YEAR).astype(int),
                         "value": pd.to_numeric(frame["value"], errors="coerce")})
    tidy["village"] = frame["village"].astype(str) if village_level else ""
    return tidy


def _values(new: pd.DataFrame, current: pd.DataFrame, places: _Places, village_level: bool):
    keys = ["gso_code", "village_key", "indicator", "year"]
    old_values, new_values = _value_frame(current, village_level), _value_frame(new, village_level)
    merged = _compare(old_values, new_values, keys)
    changed = ~_close(merged["value_old"], merged["value_new"], VALUE_TOLERANCE)
    counts = _counts(merged, changed)
    respelled = 0
    if village_level:  # a village written another way is one village, but its new spelling is news
        place = ["gso_code", "village_key", "village"]
        names = _compare(old_values[place], new_values[place], place[:2])
        respelled = int(((names["side"] == BOTH) & (names["village_old"] != names["village_new"])).sum())
    shown = merged[(merged["side"] != BOTH) | changed].copy()
    catalogue = {ind_id: i for i, ind_id in enumerate(INDICATORS)}
    shown["rank"] = shown["gso_code"].map(places.rank)
    shown["village"] = shown["village_new"].fillna(shown["village_old"])
    shown["ind_rank"] = shown["indicator"].map(lambda i: catalogue.get(i, len(catalogue)))
    shown = shown.sort_values(["rank", "gso_code", "village", "ind_rank", "indicator", "year"], kind="stable")
    labels = texts.CHG_VALUE_CHANGE
    columns = ["district", "commune"] + (["village"] if village_level else []) + ["indicator", "year", "values",
                                                                                    "change"]
    rows = []
    for record in shown.head(MAX_TABLE_ROWS).itertuples(index=False):
        ind = INDICATORS.get(record.indicator)
        old, new_ = _value_pair(record.value_old, record.value_new, ind)
        row = {"district": places.district(record.gso_code), "commune": places.commune(record.gso_code),
               "indicator": ind.label if ind else record.indicator,
               "year": str(record.year) if record.year != NO_YEAR else NO_NUMBER,
               "values": texts.CHG_VALUE_ARROW.format(old=old, new=new_),
               "change": labels[record.side]}
        if village_level:
            row["village"] = record.village
        rows.append((0, row))
    # rows are built for the shown part only: a sheet may hold 100,000 values
    return _Parts(counts, _sorted_frame(rows, columns), len(shown), respelled)


def _value_pair(old, new, ind) -> tuple[str, str]:
    """Both values as Vietnamese readers write them, precise enough to show they differ."""
    def text(value, decimals):
        if value is None or pd.isna(value):
            return NO_NUMBER
        if ind is not None and ind.kind == YES_NO and value in (0, 1):
            return texts.YES if value == 1 else texts.NO
        return vn_number(value, decimals)

    shown = text(old, 4), text(new, 4)
    if shown[0] == shown[1]:
        shown = text(old, 10), text(new, 10)
    return shown


# --- table, headline, warnings -------------------------------------------------------
def _sorted_frame(rows: list[tuple[int, dict]], columns: list[str]) -> pd.DataFrame:
    ordered = [row for _, row in sorted(rows, key=lambda item: item[0])]
    return pd.DataFrame(ordered, columns=columns)


def _bounded(table: pd.DataFrame, total: int) -> tuple[pd.DataFrame, int, str]:
    """At most MAX_TABLE_ROWS rows of a table that had `total`, and a line saying what is left out."""
    hidden = max(total - MAX_TABLE_ROWS, 0)
    table = table.head(MAX_TABLE_ROWS).reset_index(drop=True)
    note = texts.CHG_MORE_ROWS.format(shown=_n(MAX_TABLE_ROWS), more=_n(hidden)) if hidden else ""
    return table, hidden, note


def _n(number: int) -> str:
    return vn_number(number, 0)


def _headline(kind: str, counts: dict[str, int], respelled: int, first: bool, units: str) -> str:
    """What the import does in one sentence; a list of categories counts the period's `units`."""
    numbers = {name: _n(value) for name, value in counts.items()}
    what = texts.CHG_WHAT[kind].format(n=numbers["after"], units=units)
    if first:
        return texts.CHG_FIRST.format(what=what)
    if not (counts["added"] or counts["removed"] or counts["changed"] or respelled):
        return texts.CHG_IDENTICAL.format(what=what)
    headline = texts.CHG_HEADLINES[kind].format(**numbers, units=units)
    if kind == VILLAGES_KIND and counts["changed"]:
        headline += " " + texts.CHG_VILLAGES_MOVED.format(count=numbers["changed"])
    if respelled:
        headline += " " + texts.CHG_RESPELLED.format(count=_n(respelled))
    return headline


def _shrink_warning(kind: str, before: int, after: int, units: str) -> list[str]:
    if after * 2 >= before:
        return []
    unit = units if kind == CATEGORIES_KIND else texts.CHG_UNITS[kind]
    return [texts.CHG_WARN_SHRINK.format(after=_n(after), before=_n(before), unit=unit)]


def _far(found: int, official: int) -> bool:
    return abs(found - official) > TOTAL_TOLERANCE * official


def _total_warnings(kind: str, new: pd.DataFrame, reference: Reference) -> list[str]:
    """Totals far from the period's official ones (644 or 385 villages; 199 area communes and 88/8/103,
    or the 65 units, whose per-category counts are not public)."""
    period = reference.period
    old_period = period.key == PERIOD_2021.key
    percent = _n(round(TOTAL_TOLERANCE * 100))
    if kind == VILLAGES_KIND:
        found = len(new.drop_duplicates(["gso_code", "village_key"])) if "village_key" in new.columns else len(new)
        official = period.official_village_total
        if _far(found, official):
            template = texts.CHG_WARN_VILLAGE_TOTAL if old_period else texts.CHG_WARN_VILLAGE_TOTAL_2026
            return [template.format(found=_n(found), official=_n(official), percent=percent)]
        return []
    if kind != CATEGORIES_KIND:
        return []
    warnings = []
    tidy = pd.DataFrame({"gso_code": _codes(new), "area_category": new["area_category"].astype(str).str.strip()})
    tidy = tidy.drop_duplicates("gso_code")
    area = OFFICIAL_AREA_COMMUNES if old_period else period.unit_count  # no 2026-2030 unit is known outside
    if len(tidy) < AREA_SHARE_MINIMUM * area:
        template = texts.CHG_WARN_AREA_COMMUNES if old_period else texts.CHG_WARN_AREA_UNITS
        warnings.append(template.format(found=_n(len(tidy)), official=_n(area),
                                        percent=_n(round(AREA_SHARE_MINIMUM * 100))))
    counts = tidy["area_category"].value_counts()
    for category, official in (period.official_category_counts or {}).items():
        found = int(counts.get(category, 0))
        if _far(found, official):
            warnings.append(texts.CHG_WARN_CATEGORY_TOTAL.format(category=category, found=_n(found),
                                                                 official=_n(official), percent=percent))
    return warnings

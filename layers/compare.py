"""The two periods compared: what each of the two side-by-side maps shows, and the tables of what changed.

Pure (no Streamlit): ui/compare_page.py draws it, tests call it on hand-built tables.
- `compare_views`: the MapView of each period for one subject, the area categories or one indicator on a
  colour scale shared by both periods, so that one colour means one value on both maps.
- `category_changes`: per new unit, its 2026-2030 category beside its old communes' 2021-2025 ones, and
  whether it entered or left khu vực III.
- `village_changes`: each 2021-2025 extremely disadvantaged village, found by name (or not) in the
  2026-2030 list of the unit its old commune went to; a split old commune's villages have no unit.

Old communes are named by their 2021 code through the 2021-2025 table (codes were reused in 2025: 06040
was xã Đại Đồng, and is xã Thất Khê). Column ids and status ids are English; `display_changes` and
`display_villages` give the Vietnamese headers and words at the last moment.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pandas as pd

import texts
from geo.imports.places import village_key
from geo.indicators import INDICATORS
from geo.new_units import PART
from geo.programme import indicators_with_values
from geo.vocabulary import CATEGORY_III, PERIOD_2021, PERIOD_2026, PERIODS
from layers import tables
from layers.thematic import CATEGORY, INDICATOR, category_view, indicator_view
from layers.view import MapView

PERIOD_ORDER = (PERIOD_2021.key, PERIOD_2026.key)  # the left map, the right map: oldest first
# The subject of the two maps: the area categories, or an indicator id.
CATEGORY_SUBJECT = CATEGORY
LIST_SEPARATOR = "; "

CHANGE_COLUMNS = ["new_code", "new_commune", "change", "category_2026", "old_categories", "left_communes"]
ENTERED, LEFT, STAYED, OUTSIDE, UNKNOWN = "entered", "left", "stayed", "outside", "unknown"
CHANGES = (ENTERED, LEFT)  # what the "only changes" filter keeps

VILLAGE_COLUMNS = ["new_code", "new_commune", "old_code", "old_commune", "village", "status"]
MATCHED, NO_MATCH, DUPLICATE, UNPLACED = "matched", "no_match", "duplicate", "unplaced"


# --- the two maps ---------------------------------------------------------------------------------

def subjects(tables_by_period: dict[str, pd.DataFrame]) -> list[str]:
    """What both maps can show: the categories, then every indicator with values in both periods."""
    held = [set(indicators_with_values(table)) for table in tables_by_period.values()]
    return [CATEGORY_SUBJECT] + [i for i in INDICATORS if all(i in ids for ids in held)]


def compare_views(subject: str, tables_by_period: dict[str, pd.DataFrame], *, illustrative: dict[str, bool],
                  sources: dict[str, tuple[str, ...]]) -> dict[str, MapView]:
    """Period key -> the MapView of that period's units for `subject` (CATEGORY_SUBJECT or an indicator id)."""
    if subject == CATEGORY_SUBJECT:
        return {key: replace(category_view(table, illustrative=illustrative[key], sources=sources[key],
                                           period=PERIODS[key]),
                             details=tables.category_details(table))
                for key, table in tables_by_period.items()}
    return _shared_scale_views(INDICATORS[subject], tables_by_period, illustrative, sources)


def _shared_scale_views(indicator, tables_by_period, illustrative, sources) -> dict[str, MapView]:
    """One indicator on both maps, classed once over the values of both periods (natural breaks)."""
    pooled = pd.concat([pd.DataFrame({"gso_code": key + "/" + table["gso_code"],
                                      indicator.id: table[indicator.id]})
                        for key, table in tables_by_period.items()], ignore_index=True)
    shared = indicator_view(pooled, indicator, "natural_breaks")
    views = {}
    for key, table in tables_by_period.items():
        prefix = key + "/"
        fills = {code[len(prefix):]: colour for code, colour in shared.fills.items() if code.startswith(prefix)}
        missing = len(table) - len(fills)
        legend = tuple(entry for entry in shared.legend if entry.label != texts.LEGEND_NO_DATA)
        if missing:
            legend += (next(e for e in shared.legend if e.label == texts.LEGEND_NO_DATA),)
        per_colour = Counter(fills.values())
        counts = {entry.label: missing if entry.label == texts.LEGEND_NO_DATA else per_colour[entry.fill]
                  for entry in legend}
        views[key] = replace(shared, fills=fills, legend=legend, counts=counts, illustrative=illustrative[key],
                             sources=sources[key],
                             legend_title=texts.COMPARE_LEGEND_SHARED.format(title=shared.legend_title),
                             details=tables.value_details(table, indicator))
    return views


def map_title(period: str, view: MapView, has_data: bool) -> dict:
    """What is written over and under a period's map (layers.web.compare.Side's heading, basis, sources and
    notes): the period, its legal basis, its sources, and that it has no data. Illustrative data is named
    in the sources and in the banner on the map itself."""
    basis = texts.PERIOD_BASIS[period]
    return {"heading": texts.PERIOD_NAMES[period], "basis": basis,
            "sources": texts.SOURCE_PREFIX + "; ".join(part for part in view.sources if part != basis),
            "notes": () if has_data else (texts.COMPARE_MAP_NO_DATA,)}


def view_kind(subject: str) -> str:
    """The thematic view kind (layers.thematic) a subject is drawn as, e.g. for layers.view.view_sources."""
    return CATEGORY if subject == CATEGORY_SUBJECT else INDICATOR


def subject_name(subject: str) -> str:
    return texts.COMPARE_SUBJECT_CATEGORY if subject == CATEGORY_SUBJECT else INDICATORS[subject].label


def missing_period(frames: dict[str, pd.DataFrame]) -> str | None:
    """The first period (key) whose frame is empty: nothing can be compared with it."""
    return next((key for key, frame in frames.items() if frame.empty), None)


# --- khu vực III: who entered, who left ------------------------------------------------------------

def category_changes(crosswalk: pd.DataFrame, table_2021: pd.DataFrame, table_2026: pd.DataFrame) -> pd.DataFrame:
    """One row per new unit (by code): its 2026-2030 category, each old commune's 2021-2025 category, and
    `change`: ENTERED (the unit is in KV III, none of its old communes was), LEFT (it is not, some old
    commune was; they are named in left_communes), STAYED, OUTSIDE (in neither), or UNKNOWN (a period has
    no categories at all). A unit missing from a period's list counts as not KV III in that period."""
    old = table_2021.set_index("gso_code")
    new = table_2026.set_index("gso_code")
    has_old, has_new = _has_categories(table_2021), _has_categories(table_2026)
    rows = []
    for code, members in crosswalk.groupby("new_code", sort=True):
        parts = set(members.loc[members["whole_or_part"] == PART, "old_gso_code_2021"])
        old_names, old_kv3, old_cells = [], [], []
        for old_code in members["old_gso_code_2021"]:
            name = old.at[old_code, "commune"] + (texts.PART_SUFFIX if old_code in parts else "")
            old_names.append(name)
            old_cells.append(texts.COMPARE_OLD_CATEGORY.format(
                commune=name, category=_category_label(old, old_code, has_old)))
            if has_old and old.at[old_code, "area_category"] == CATEGORY_III:
                old_kv3.append(name)
        in_kv3 = has_new and code in new.index and new.at[code, "area_category"] == CATEGORY_III
        if not (has_old and has_new):
            change = UNKNOWN
        elif in_kv3:
            change = STAYED if old_kv3 else ENTERED
        else:
            change = LEFT if old_kv3 else OUTSIDE
        rows.append({
            "new_code": code,
            "new_commune": members.iloc[0]["new_commune"],
            "category_2026": _category_label(new, code, has_new),
            "old_categories": LIST_SEPARATOR.join(old_cells),
            "change": change,
            "left_communes": LIST_SEPARATOR.join(old_kv3) if change == LEFT else "",
        })
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS)


def only_changes(changes: pd.DataFrame) -> pd.DataFrame:
    return changes[changes["change"].isin(CHANGES)]


def changes_summary(changes: pd.DataFrame) -> str:
    """How many units entered, left or stayed in KV III, and how many old communes left it."""
    left = changes.loc[changes["change"] == LEFT, "left_communes"]
    communes = {name.removesuffix(texts.PART_SUFFIX) for cell in left for name in cell.split(LIST_SEPARATOR)}
    counts = changes["change"].value_counts()
    return texts.COMPARE_CHANGES_SUMMARY.format(entered=int(counts.get(ENTERED, 0)), left=int(counts.get(LEFT, 0)),
                                                communes=len(communes), stayed=int(counts.get(STAYED, 0)))


def display_changes(changes: pd.DataFrame) -> pd.DataFrame:
    """The changes table as people read it: Vietnamese words and headers."""
    return tables.display_table(changes.assign(change=changes["change"].map(texts.COMPARE_CHANGE)),
                                texts.COMPARE_COLUMNS)


def _has_categories(table: pd.DataFrame) -> bool:
    return bool(table["area_category"].notna().any())


def _category_label(table: pd.DataFrame, code: str, has_list: bool) -> str:
    """"KV III", "ngoài vùng", "không có trong danh sách" (the period has a list without it), or
    "Chưa có dữ liệu" (the period has no list)."""
    if not has_list:
        return texts.NO_VALUE
    if code not in table.index:
        return texts.COMPARE_NOT_LISTED
    category = table.at[code, "area_category"]
    if category in texts.CROSSWALK_CATEGORY_SHORT:
        return texts.CROSSWALK_CATEGORY_SHORT[category]
    return texts.CROSSWALK_OUTSIDE_SHORT if not table.at[code, "in_area"] else texts.COMPARE_NOT_LISTED


# --- villages that left the list ----------------------------------------------------------------

def village_changes(crosswalk: pd.DataFrame, table_2021: pd.DataFrame, villages_2021: pd.DataFrame,
                    villages_2026: pd.DataFrame) -> pd.DataFrame:
    """Every 2021-2025 village (rows gso_code, village) with its `status` in the 2026-2030 list (rows keyed
    by new unit codes): MATCHED by name in the list of the unit its old commune went to whole; NO_MATCH
    (left the list, or was renamed: not guessed); DUPLICATE (the old communes have more villages of that
    name than the unit's new list); UNPLACED (its old commune was split: no unit can be named).

    Names are compared with the importers' key (geo.imports.places.village_key): case, the "Thôn"/"Xóm"
    prefix and the tone-mark placement do not count; any other difference does."""
    names = table_2021.set_index("gso_code")["commune"]
    parts = crosswalk[crosswalk["whole_or_part"] == PART].groupby("old_gso_code_2021")
    split_codes = parts["new_code"].agg(LIST_SEPARATOR.join)
    split_names = parts["new_commune"].agg(LIST_SEPARATOR.join)
    whole = crosswalk[crosswalk["whole_or_part"] != PART].set_index("old_gso_code_2021")
    old = villages_2021.loc[villages_2021["village"].notna(), ["gso_code", "village"]].copy()
    old["key"] = old["village"].map(village_key)
    old["unit"] = old["gso_code"].map(whole["new_code"])
    wanted = Counter(zip(old["unit"], old["key"]))
    listed = Counter(zip(villages_2026["gso_code"], villages_2026["village"].map(village_key)))
    rows = []
    for old_code, village, key, unit in zip(old["gso_code"], old["village"], old["key"], old["unit"]):
        if old_code in split_codes.index:
            new_code, new_name, status = split_codes[old_code], split_names[old_code], UNPLACED
        elif old_code not in whole.index:  # not in the crosswalk (geo.crosswalk reports it): no unit to name
            new_code, new_name, status = "", "", UNPLACED
        else:
            new_code, new_name = unit, whole.at[old_code, "new_commune"]
            found = listed[(unit, key)]
            status = MATCHED if found >= wanted[(unit, key)] else NO_MATCH if found == 0 else DUPLICATE
        rows.append({"new_code": new_code, "new_commune": new_name, "old_code": old_code,
                     "old_commune": names.get(old_code, ""), "village": village, "status": status})
    frame = pd.DataFrame(rows, columns=VILLAGE_COLUMNS)
    return frame.sort_values(["new_code", "old_code"], kind="stable").reset_index(drop=True)


def villages_left(villages: pd.DataFrame) -> pd.DataFrame:
    """The villages not found in the new list, or not placeable."""
    return villages[villages["status"] != MATCHED]


def villages_summary(villages: pd.DataFrame) -> str:
    counts = villages["status"].value_counts()
    return texts.COMPARE_VILLAGES_SUMMARY.format(**{status: int(counts.get(status, 0))
                                                    for status in (NO_MATCH, DUPLICATE, UNPLACED, MATCHED)})


def display_villages(villages: pd.DataFrame) -> pd.DataFrame:
    return tables.display_table(villages.assign(status=villages["status"].map(texts.COMPARE_VILLAGE_STATUS)),
                                texts.COMPARE_COLUMNS)


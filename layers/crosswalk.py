"""The 2025 crosswalk as two tables a planner reads: each new unit with the old communes it came from,
and each old commune with where it went; the programme lists of both periods side by side.

Old communes are named and placed by their 2021 code through the 2021-2025 table (codes were reused in
2024-2025, e.g. 06040). An old commune split between two units (Bính Xá, Kiên Mộc, Đại Đồng) is listed
under both with "(một phần)"; its villages are not added to either unit, since nobody published which
part each village is in, and the unit's row says so. Column ids are English; `display_crosswalk` gives
the Vietnamese headers at the last moment, as layers.tables.display_table does for the map's tables.
"""

from __future__ import annotations

import pandas as pd

import texts
from geo.names import folded_name_key, query_key
from geo.new_units import PART
from geo.programme import Programme
from geo.vocabulary import CATEGORIES
from layers.style import short_district_name
from layers.tables import category_name, display_table

UNIT_COLUMNS = ["new_code", "other_code", "new_commune", "new_type", "former_districts", "old_communes",
                "old_codes", "old_categories", "old_villages", "villages_note", "category_2026", "villages_2026"]
OLD_COLUMNS = ["old_code", "old_commune", "district", "category_2021", "villages_2021", "village_names_2021",
               "new_communes", "new_codes"]
# Columns holding names a search matches (one name, or several joined by LIST_SEPARATOR).
NAME_COLUMNS = ("new_commune", "old_communes", "old_commune", "new_communes")
CODE_COLUMNS = ("new_code", "other_code", "old_codes", "old_code", "new_codes")
LIST_SEPARATOR = "; "


def units_table(crosswalk: pd.DataFrame, table_2021: pd.DataFrame, table_2026: pd.DataFrame) -> pd.DataFrame:
    """One row per new unit (crosswalk order by code): its codes, the old communes it came from with
    their 2021-2025 categories and villages, and its own 2026-2030 category and villages."""
    old = table_2021.set_index("gso_code")
    old_labels = pd.Series(_category_labels(table_2021).values, index=old.index)
    has_categories, has_villages = _has_lists(table_2021)
    new = table_2026.set_index("gso_code")
    new_categories = pd.Series(category_name(table_2026).values, index=new.index)
    has_categories_2026, has_villages_2026 = _has_lists(table_2026)
    rows = []
    for code, members in crosswalk.groupby("new_code", sort=True):
        first = members.iloc[0]
        codes = members["old_gso_code_2021"].tolist()
        parts = set(members.loc[members["whole_or_part"] == PART, "old_gso_code_2021"])
        whole = [c for c in codes if c not in parts]
        split_notes = [texts.CROSSWALK_SPLIT_VILLAGES.format(count=int(old.at[c, "n_villages"]),
                                                             commune=old.at[c, "commune"])
                       for c in codes if c in parts and old.at[c, "n_villages"] > 0]
        other = first["new_code_vietnam_provinces"]
        rows.append({
            "new_code": code,
            "other_code": other if other and other != code else "",
            "new_commune": first["new_commune"],
            "new_type": str(first["new_type"]).capitalize(),
            "former_districts": ", ".join(dict.fromkeys(short_district_name(old.at[c, "district"]) for c in codes)),
            "old_communes": LIST_SEPARATOR.join(old.at[c, "commune"] + (texts.PART_SUFFIX if c in parts else "")
                                                for c in codes),
            "old_codes": LIST_SEPARATOR.join(codes),
            "old_categories": _category_counts(old_labels[codes]) if has_categories else texts.NO_VALUE,
            "old_villages": int(old.loc[whole, "n_villages"].sum()) if has_villages else texts.NO_VALUE,
            "villages_note": LIST_SEPARATOR.join(split_notes) if has_villages else "",
            "category_2026": new_categories.get(code, texts.NO_VALUE) if has_categories_2026 else texts.NO_VALUE,
            "villages_2026": int(new.at[code, "n_villages"]) if has_villages_2026 and code in new.index
            else texts.NO_VALUE,
        })
    return pd.DataFrame(rows, columns=UNIT_COLUMNS)


def old_communes_table(crosswalk: pd.DataFrame, table_2021: pd.DataFrame) -> pd.DataFrame:
    """One row per 2021 commune (by code): its district, 2021-2025 category and villages, and the new
    unit(s) it went to, "(một phần)" where it was split."""
    went = crosswalk.assign(label=crosswalk["new_commune"] + crosswalk["whole_or_part"].map(
        lambda w: texts.PART_SUFFIX if w == PART else "")).groupby("old_gso_code_2021", sort=False)
    labels = went["label"].agg(lambda s: LIST_SEPARATOR.join(dict.fromkeys(s)))
    new_codes = went["new_code"].agg(lambda s: LIST_SEPARATOR.join(dict.fromkeys(s)))
    has_categories, has_villages = _has_lists(table_2021)
    ordered = table_2021.sort_values("gso_code")
    frame = pd.DataFrame({
        "old_code": ordered["gso_code"].values,
        "old_commune": ordered["commune"].values,
        "district": ordered["district"].map(short_district_name).values,
        "category_2021": category_name(ordered).values if has_categories else texts.NO_VALUE,
        "villages_2021": ordered["n_villages"].astype(int).values if has_villages else texts.NO_VALUE,
        "village_names_2021": ordered["village_names"].fillna("").values,
        "new_communes": ordered["gso_code"].map(labels).fillna("").values,
        "new_codes": ordered["gso_code"].map(new_codes).fillna("").values,
    })
    return frame[OLD_COLUMNS]


def search(frame: pd.DataFrame, text: str) -> pd.DataFrame:
    """The rows of a crosswalk table whose old or new names match `text`, ignoring case, diacritics and
    the Xã/Phường/Thị trấn prefix; a query of digits matches codes. An empty query keeps every row."""
    query = str(text or "").strip()
    if not query:
        return frame
    if query.isdigit():
        columns = [c for c in CODE_COLUMNS if c in frame.columns]
        mask = frame[columns].apply(lambda column: column.astype(str).str.contains(query, regex=False)).any(axis=1)
        return frame[mask]
    wanted = " " + query_key(query)
    columns = [c for c in NAME_COLUMNS if c in frame.columns]
    mask = frame[columns].apply(lambda column: column.map(lambda cell: any(
        wanted in " " + key for key in cell_keys(cell)))).any(axis=1)
    return frame[mask]


def cell_keys(cell: object) -> list[str]:
    """The search key of each name in a cell ("Xã Đình Lập (một phần); Xã Kiên Mộc" -> two keys)."""
    names = str(cell).split(LIST_SEPARATOR.strip())
    return [folded_name_key(name.strip().removesuffix(texts.PART_SUFFIX.strip())) for name in names if name.strip()]


def display_crosswalk(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with its Vietnamese headers, for the page and the Excel export alike."""
    return display_table(frame, texts.CROSSWALK_COLUMNS)


def export_sources(crosswalk_file: str, programmes: dict[str, Programme]) -> list[str]:
    """The "Nguồn" lines of an export: the resolution and the crosswalk file, and for each period (key ->
    its programme) where the lists shown come from: the imported files, or the demonstration set."""
    sources = [texts.CROSSWALK_SOURCE.format(file=crosswalk_file)]
    for period, programme in programmes.items():
        if programme.illustrative:
            sources.append(texts.CROSSWALK_SOURCE_DATA.format(period=period, source=texts.ILLUSTRATIVE_NOTE))
        elif programme.files:
            files = texts.SOURCE_FILES.format(files=", ".join(sorted(set(programme.files.values()))))
            sources.append(texts.CROSSWALK_SOURCE_DATA.format(period=period, source=files))
    return sources


def export_filters(text: str) -> str:
    """The filter line of an export: the search, or the whole province."""
    query = str(text or "").strip()
    return texts.CROSSWALK_FILTER_SEARCH.format(text=query) if query else texts.SUBTITLE_WHOLE_PROVINCE


def _has_lists(table: pd.DataFrame) -> tuple[bool, bool]:
    """(categories, villages): whether the period's table holds any, so "none stored" is not shown as 0."""
    return bool(table["area_category"].notna().any()), bool(table["n_villages"].sum() > 0)


def _category_labels(table: pd.DataFrame) -> pd.Series:
    """Each commune's category in short ("KV III"), "ngoài vùng", or "chưa có dữ liệu"."""
    short = table["area_category"].map(texts.CROSSWALK_CATEGORY_SHORT)
    return short.where(table["in_area"], texts.CROSSWALK_OUTSIDE_SHORT).fillna(texts.CROSSWALK_UNKNOWN_SHORT)


def _category_counts(labels: pd.Series) -> str:
    """"KV III: 3, KV II: 1": how many of a unit's old communes are in each category, most disadvantaged first."""
    order = [texts.CROSSWALK_CATEGORY_SHORT[c] for c in CATEGORIES] + [texts.CROSSWALK_OUTSIDE_SHORT,
                                                                       texts.CROSSWALK_UNKNOWN_SHORT]
    counts = labels.value_counts()
    return ", ".join(texts.CROSSWALK_CATEGORY_COUNT.format(category=label, count=int(counts[label]))
                     for label in order if label in counts)

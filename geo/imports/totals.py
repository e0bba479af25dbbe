"""Compare an imported list with the official totals of the 2021-2025 decisions.

A difference is a note, not an error: the lists were amended during the period
(QĐ 698/QĐ-TTg, QĐ 497/QĐ-UBDT, communes reaching the new-rural standard), so
the official count is a check the user should read, not a rule the app enforces.
Where the official per-commune list is unknown (it is, for both decisions) the
notes name the communes behind each count so staff can compare with their file.
"""

from __future__ import annotations

import pandas as pd

import texts
from geo.errors import preview
from geo.imports.problems import ProblemLog
from geo.imports.reference import Reference
from geo.vocabulary import CATEGORIES, OFFICIAL_CATEGORY_COUNTS, OFFICIAL_VILLAGE_COUNTS, OFFICIAL_VILLAGE_TOTAL

SUMMARY_COLUMNS = ["item", "found", "official", "difference"]


def describe_difference(found: int, official: int) -> str:
    if found == official:
        return texts.TOT_DIFF_SAME
    if found > official:
        return texts.TOT_DIFF_MORE.format(n=found - official)
    return texts.TOT_DIFF_LESS.format(n=official - found)


def compare_categories(frame: pd.DataFrame, ref: Reference, log: ProblemLog) -> pd.DataFrame:
    """Counts per category against 88/8/103, and the area communes the file lacks."""
    rows = []
    counts = frame["area_category"].value_counts() if not frame.empty else pd.Series(dtype=int)
    for category in CATEGORIES:
        found, official = int(counts.get(category, 0)), OFFICIAL_CATEGORY_COUNTS[category]
        rows.append({"item": texts.TOT_ITEM_CATEGORY.format(category=category), "found": found,
                     "official": official, "difference": found - official})
        if found != official:
            log.note("category_total", texts.TOT_CATEGORY.format(
                category=category, found=found, official=official, diff=describe_difference(found, official)))
    present = set(frame["gso_code"]) if not frame.empty else set()
    missing = [ref.label(code) for code in ref.area_codes if code not in present]
    if missing:
        log.note("missing_communes", texts.TOT_MISSING_COMMUNES.format(count=len(missing),
                                                                       items=preview(missing, limit=30)))
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def compare_villages(frame: pd.DataFrame, ref: Reference, log: ProblemLog,
                     categories: pd.DataFrame | None) -> pd.DataFrame:
    """Total against 644 and, when categories are known, against 84/24/536 commune by commune."""
    total = len(frame)
    rows = [{"item": texts.TOT_ITEM_VILLAGES, "found": total, "official": OFFICIAL_VILLAGE_TOTAL,
             "difference": total - OFFICIAL_VILLAGE_TOTAL}]
    if total != OFFICIAL_VILLAGE_TOTAL:
        log.note("village_total", texts.TOT_VILLAGES.format(found=total, official=OFFICIAL_VILLAGE_TOTAL,
                                                            diff=describe_difference(total, OFFICIAL_VILLAGE_TOTAL)))
    if categories is None or categories.empty:
        log.note("village_no_categories", texts.TOT_VILLAGES_NO_CATEGORIES)
        return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    category_of = categories.set_index("gso_code")["area_category"]
    per_commune = frame.groupby("gso_code").size() if total else pd.Series(dtype=int)
    assigned = per_commune.index.to_series().map(category_of)
    for category in reversed(CATEGORIES):
        codes = assigned[assigned == category].index
        found, official = int(per_commune[codes].sum()), OFFICIAL_VILLAGE_COUNTS[category]
        rows.append({"item": texts.TOT_ITEM_VILLAGES_CATEGORY.format(category=category), "found": found,
                     "official": official, "difference": found - official})
        if found != official:
            items = [f"{ref.label(code)}: {int(per_commune[code])}" for code in codes]
            log.note("village_category_total", texts.TOT_VILLAGES_CATEGORY.format(
                category=category, found=found, official=official, diff=describe_difference(found, official),
                items=preview(items, limit=40) or "—"))
    uncategorised = assigned[assigned.isna()].index
    if len(uncategorised):
        items = [f"{ref.label(code)}: {int(per_commune[code])}" for code in uncategorised]
        log.note("village_uncategorised", texts.TOT_VILLAGES_UNCATEGORISED.format(
            count=int(per_commune[uncategorised].sum()), items=preview(items, limit=30)))
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)

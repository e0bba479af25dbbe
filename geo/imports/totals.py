"""Compare an imported list with the official totals of its period.

A difference is a note, not an error: the lists were amended during the period
(QĐ 698/QĐ-TTg, QĐ 497/QĐ-UBDT, communes reaching the new-rural standard), so
the official count is a check the user should read, not a rule the app enforces.
Where the official per-commune list is unknown (it is, for both decisions) the
notes name the communes behind each count so staff can compare with their file.

2026-2030 (the reference's period says which): the province's decision of
29/01/2026 gives 385 villages and names the 16 units that have none; how many
units are in each category is not public, which the totals table says instead
of comparing.
"""

from __future__ import annotations

import pandas as pd

import texts
from geo.errors import preview
from geo.imports.problems import ProblemLog
from geo.imports.reference import Reference
from geo.names import name_key
from geo.vnformat import NO_NUMBER
from geo.vocabulary import (
    CATEGORIES,
    NEW_UNITS_WITHOUT_VILLAGES,
    OFFICIAL_VILLAGE_COUNTS,
    PERIOD_2021,
)

SUMMARY_COLUMNS = ["item", "found", "official", "difference"]


def describe_difference(found: int, official: int) -> str:
    if found == official:
        return texts.TOT_DIFF_SAME
    if found > official:
        return texts.TOT_DIFF_MORE.format(n=found - official)
    return texts.TOT_DIFF_LESS.format(n=official - found)


def compare_categories(frame: pd.DataFrame, ref: Reference, log: ProblemLog) -> pd.DataFrame:
    """Counts per category against the published ones (88/8/103 in 2021-2025; none published for
    2026-2030), and the area communes the file lacks."""
    official_counts = ref.period.official_category_counts
    units = texts.UNIT_NOUN[ref.period.key].capitalize()  # "Xã khu vực III"; "Xã, phường khu vực III"
    rows = []
    counts = frame["area_category"].value_counts() if not frame.empty else pd.Series(dtype=int)
    for category in CATEGORIES:
        found = int(counts.get(category, 0))
        item = texts.TOT_ITEM_CATEGORY.format(units=units, category=category)
        if official_counts is None:
            rows.append({"item": item, "found": found, "official": texts.TOT_NOT_PUBLISHED, "difference": NO_NUMBER})
            continue
        official = official_counts[category]
        rows.append({"item": item, "found": found, "official": official, "difference": found - official})
        if found != official:
            log.note("category_total", texts.TOT_CATEGORY.format(
                category=category, found=found, official=official, diff=describe_difference(found, official)))
    present = set(frame["gso_code"]) if not frame.empty else set()
    missing = [ref.label(code) for code in ref.area_codes if code not in present]
    if missing:
        template = texts.TOT_MISSING_COMMUNES if ref.has_districts else texts.TOT_MISSING_UNITS
        log.note("missing_communes", template.format(count=len(missing), items=preview(missing, limit=30)))
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def compare_villages(frame: pd.DataFrame, ref: Reference, log: ProblemLog,
                     categories: pd.DataFrame | None) -> pd.DataFrame:
    """Total against the period's (644; 385) and, in 2021-2025 when categories are known, against
    84/24/536 commune by commune; in 2026-2030, the 16 units without villages."""
    total = len(frame)
    official = ref.period.official_village_total
    rows = [{"item": texts.TOT_ITEM_VILLAGES, "found": total, "official": official,
             "difference": total - official}]
    if total != official:
        template = texts.TOT_VILLAGES if ref.period.key == PERIOD_2021.key else texts.TOT_VILLAGES_2026
        log.note("village_total", template.format(found=total, official=official,
                                                  diff=describe_difference(total, official)))
    if ref.period.key != PERIOD_2021.key:
        rows.append(_units_without_villages(frame, ref, log))
        return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
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


def units_without_villages(ref: Reference) -> list[str]:
    """Codes of the units the decision of 29/01/2026 gives no village (DOMAIN.md), found by name."""
    wanted = {name_key(name) for name in NEW_UNITS_WITHOUT_VILLAGES}
    return [code for code, name in zip(ref.commune_list["gso_code"], ref.commune_list["commune"])
            if name_key(name) in wanted]


def _units_without_villages(frame: pd.DataFrame, ref: Reference, log: ProblemLog) -> dict:
    """The summary row of the 16 units without villages, and a note naming those the file gives villages."""
    codes = units_without_villages(ref)
    per_unit = frame.groupby("gso_code").size() if len(frame) else pd.Series(dtype=int)
    with_villages = [code for code in codes if code in per_unit.index]
    if with_villages:
        items = [f"{ref.label(code)}: {int(per_unit[code])}" for code in with_villages]
        log.note("units_without_villages", texts.TOT_UNITS_WITHOUT_VILLAGES.format(
            count=len(with_villages), items=preview(items, limit=20)))
    found, official = len(codes) - len(with_villages), len(NEW_UNITS_WITHOUT_VILLAGES)
    return {"item": texts.TOT_ITEM_UNITS_WITHOUT_VILLAGES, "found": found, "official": official,
            "difference": found - official}

"""Old (2021-2025) communes to the 65 units of 1 July 2025 (NQ 1672/NQ-UBTVQH15)."""

from __future__ import annotations

import pandas as pd

import texts
from geo.boundaries import require_columns
from geo.errors import DataError, preview
from geo.names import CommuneMatcher, CommuneRecord, normalise_code

COLUMNS = ["new_commune", "new_type", "new_code", "new_code_vietnam_provinces", "old_gso_code_2021",
           "whole_or_part"]
PART_SUFFIX = texts.PART_SUFFIX


def read_crosswalk(path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    require_columns(frame, COLUMNS, path.name)
    frame["old_gso_code_2021"] = frame["old_gso_code_2021"].map(normalise_code)
    for column in ("new_code", "new_code_vietnam_provinces"):
        frame[column] = frame[column].map(normalise_code)
    frame["whole_or_part"] = frame["whole_or_part"].str.strip().str.lower()
    return frame


def new_commune_by_old_code(crosswalk: pd.DataFrame, old_codes: pd.Series, file: str) -> pd.Series:
    """For each 2021 code, the 2025 unit(s) it went to, e.g. "Xã Đình Lập (một phần)".

    Every 2021 commune must appear: a gap in the crosswalk is a data error.
    """
    labels = crosswalk.assign(
        label=crosswalk["new_commune"] + crosswalk["whole_or_part"].map(lambda w: PART_SUFFIX if w == "part" else "")
    ).groupby("old_gso_code_2021")["label"].agg(lambda s: "; ".join(dict.fromkeys(s)))
    missing = sorted(set(old_codes) - set(labels.index))
    if missing:
        raise DataError(texts.ERR_CROSSWALK_MISSING.format(file=file, items=preview(missing)), file=file)
    return old_codes.map(labels)


def new_units(crosswalk: pd.DataFrame) -> pd.DataFrame:
    """The 65 units of 1 July 2025, one row each in the crosswalk's order: new_code, new_commune, new_type."""
    return crosswalk.drop_duplicates("new_code")[["new_code", "new_commune", "new_type"]].reset_index(drop=True)


def code_aliases(crosswalk: pd.DataFrame) -> dict[str, str]:
    """The other public source's code -> the CV 1027 code, for the five units where they differ (LISTS.md D)."""
    units = crosswalk.drop_duplicates("new_code")
    return {alt: code for code, alt in zip(units["new_code"], units["new_code_vietnam_provinces"])
            if alt and alt != code}


def new_units_matcher(crosswalk: pd.DataFrame) -> CommuneMatcher:
    """Names of the 65 units to their codes, as the old communes' names are matched (no districts)."""
    return CommuneMatcher([CommuneRecord(code=r.new_code, name=r.new_commune, commune_type=r.new_type, district=None)
                           for r in new_units(crosswalk).itertuples()])

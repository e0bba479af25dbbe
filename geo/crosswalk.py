"""Old (2021-2025) communes to the 65 units of 1 July 2025 (NQ 1672/NQ-UBTVQH15)."""

from __future__ import annotations

import pandas as pd

import texts
from geo.boundaries import require_columns
from geo.errors import DataError, preview
from geo.names import normalise_code

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

"""The import page's tables: history, an import's problems, changes, totals and preview, as people read them.

Vietnamese headers and words, Vietnam time and numbers; every cell that may be
missing is an empty cell, never "None".
"""

from __future__ import annotations

import pandas as pd

import texts
from geo.editors import Editor
from geo.imports.problems import ERROR, NOTE
from geo.indicators import INDICATORS
from geo.vnformat import vietnam_time, vn_number
from geo.vocabulary import PERIODS


def history_table(events: pd.DataFrame) -> pd.DataFrame:
    """The store's event history (`Store.event_history`) as the page shows it: Vietnam time, Vietnamese words.

    Every cell is text, so a missing version or row count is an empty cell, never "None".
    """

    def number(value) -> str:
        return "" if pd.isna(value) else vn_number(value, 0)

    def version(value) -> str:
        return "" if pd.isna(value) else str(int(value))

    out = pd.DataFrame({
        "at": events["at"].map(vietnam_time),
        "action": [texts.HISTORY_ACTIONS[a].format(version=version(v))
                   for a, v in zip(events["action"], events["version_id"])],
        "kind": [texts.DATASET_LABELS[period][kind] for kind, period in zip(events["kind"], events["period"])],
        "source": events["source"].map(texts.SOURCE_LABELS),
        "period": events["period"],
        "version_id": events["version_id"].map(version),
        "replaced_version_id": events["replaced_version_id"].map(version),
        "in_use_version_id": events["in_use_version_id"].map(lambda v: version(v) or texts.HISTORY_NO_DATA),
        "file_name": events["file_name"].fillna("").astype(str),
        "row_count": events["row_count"].map(number),
    })
    # When, what, who: the editor's name stays in view next to the action, before the wide columns.
    out.insert(2, "by", [texts.HISTORY_BY_NOBODY if pd.isna(user) else Editor(user, name or user).label
                         for user, name in zip(events["by_user"], events["by_name"])])
    return out.rename(columns=texts.HISTORY_COLUMNS).reset_index(drop=True)


def version_labels(history: pd.DataFrame) -> dict[int, str]:
    """Version id -> "Phiên bản 3: tệp «khu_vuc.xlsx», 199 dòng, nhập lúc 05/03/2025 10:12".

    `history` is `Store.history(kind, source)`. A label never says whether the
    version is in use: Streamlit keeps a selectbox's choice by its label, so a
    label that changes after a rollback would show a stale or lost choice.
    """

    return {int(r.version_id): texts.ROLLBACK_VERSION_OPTION.format(
        version=r.version_id, file=r.file_name, rows=vn_number(r.row_count, 0), at=vietnam_time(r.imported_at))
        for r in history.itertuples()}


def problems_table(problems: pd.DataFrame) -> pd.DataFrame:
    """An import's problems (`ImportResult.problems_frame`) for display: Vietnamese headers and severity
    words; a file-wide note has an empty row cell, not "None"."""
    severity = {ERROR: texts.IMP_SEVERITY_ERROR, NOTE: texts.IMP_SEVERITY_NOTE}
    shown = problems.copy()
    shown["severity"] = shown["severity"].map(severity)
    shown["row"] = shown["row"].map(lambda r: "" if r is None or pd.isna(r) else str(int(r)))
    return shown.rename(columns=texts.IMP_PROBLEM_COLUMNS)


def _unit_header(headers: dict[str, str], period: str | None) -> dict[str, str]:
    """`headers` with the unit column named as `period` calls its units ("Xã"; "Xã, phường" in 2026-2030)."""
    if period is None or PERIODS[period].has_districts:
        return headers
    return {**headers, "commune": texts.COL_UNIT_2026}


def changes_table(table: pd.DataFrame, period: str | None = None) -> pd.DataFrame:
    """What confirming would change (`Changes.table`) with Vietnamese headers; the cells are already words."""
    return table.rename(columns=_unit_header(texts.CHG_COLUMNS, period))


def import_summary(summary: pd.DataFrame) -> pd.DataFrame:
    """An import's totals for display: Vietnamese headers, only the columns it has."""
    return summary.rename(columns=texts.TOT_SUMMARY_COLUMNS)


def import_preview(frame: pd.DataFrame, period: str | None = None) -> pd.DataFrame:
    """What an import would store, as a person reads it: Vietnamese headers (the unit column as `period`
    calls it), indicator labels, Vietnamese numbers, no internal keys."""
    out = frame.drop(columns=[c for c in ("village_key",) if c in frame.columns]).copy()
    if "indicator" in out.columns:
        out["indicator"] = out["indicator"].map(lambda i: INDICATORS[i].label if i in INDICATORS else i)
    for column in ("value", "lon", "lat"):
        if column in out.columns:
            out[column] = out[column].map(lambda v: vn_number(v, 6 if column != "value" else 2))
    if "year" in out.columns:
        out["year"] = out["year"].map(lambda y: "" if pd.isna(y) else str(int(y)))
    return out.rename(columns=_unit_header(texts.IMPORT_PREVIEW_COLUMNS, period))

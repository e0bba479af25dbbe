"""Tables behind the maps, with Vietnamese headers, and the lines that explain each commune.

The table under the map and the Excel export are the same frame, so what a
planner reads on screen is what goes into the report.
"""

from __future__ import annotations

import pandas as pd

import texts
from geo.gaps import gap_series
from geo.indicators import INDICATORS, Indicator
from geo.priority import COMPONENTS
from geo.vnformat import vietnam_time, vn_number
from layers.style import short_district_name

CATEGORY_NAMES = {"III": "Khu vực III", "II": "Khu vực II", "I": "Khu vực I"}


def category_name(table: pd.DataFrame) -> pd.Series:
    named = table["area_category"].map(CATEGORY_NAMES)
    return named.where(table["in_area"], texts.OUTSIDE_AREA).fillna(texts.NO_VALUE)


def _base(table: pd.DataFrame) -> pd.DataFrame:
    """The identifying columns; the index is the input's, so later sorting by it stays aligned."""
    return pd.DataFrame(index=table.index, data={
        texts.COL_CODE: table["gso_code"].values,
        texts.COL_COMMUNE: table["commune"].values,
        texts.COL_DISTRICT: table["district"].map(short_district_name).values,
        texts.COL_CATEGORY: category_name(table).values,
        texts.COL_BORDER: table["is_border"].map({True: texts.YES, False: ""}).values,
        texts.COL_VILLAGES: table["n_villages"].values,
    })


def category_table(table: pd.DataFrame) -> pd.DataFrame:
    out = _base(table)
    out[texts.COL_NEW_COMMUNE] = table["new_commune_2025"].values
    return out


def indicator_table(table: pd.DataFrame, indicator: Indicator) -> pd.DataFrame:
    """Worst first: the communes furthest from the target lead the list."""
    out = _base(table)
    values = table[indicator.id] if indicator.id in table else pd.Series(float("nan"), index=table.index)
    out[texts.COL_VALUE.format(unit=indicator.display_unit)] = values.round(1).values
    order = values.sort_values(ascending=indicator.higher_is_better, na_position="last").index
    return out.loc[order].reset_index(drop=True)


def gap_table(table: pd.DataFrame, indicator: Indicator, year: int) -> pd.DataFrame:
    out = _base(table)
    values = table[indicator.id] if indicator.id in table else pd.Series(float("nan"), index=table.index)
    gaps = gap_series(values, indicator, year)
    unit = indicator.display_unit
    out[texts.COL_VALUE.format(unit=unit)] = values.round(1).values
    out[texts.COL_TARGET.format(year=year)] = indicator.target(year)
    out[texts.COL_GAP] = gaps.round(1).values
    out[texts.COL_MET] = gaps.map(lambda g: "" if pd.isna(g) else (texts.YES if g <= 0 else texts.NO)).values
    order = gaps.sort_values(ascending=False, na_position="last").index
    return out.loc[order].reset_index(drop=True)


def priority_table(table: pd.DataFrame, scores: pd.DataFrame) -> pd.DataFrame:
    out = _base(table)
    indexed = scores.reindex(table["gso_code"])
    out.insert(0, texts.COL_RANK, indexed["rank"].values)
    out[texts.COL_SCORE] = indexed["score"].round(1).values
    for component in COMPONENTS:
        out[texts.COMPONENT_LABELS[component]] = indexed[f"{component}_points"].round(1).values
    out[texts.COL_MISSING] = indexed["missing"].map(
        lambda ids: ", ".join(INDICATORS[i].label for i in ids) if isinstance(ids, list) else "").values
    return out.sort_values(texts.COL_RANK).reset_index(drop=True)


def priority_details(table: pd.DataFrame, scores: pd.DataFrame) -> dict[str, dict[str, str]]:
    """How each score was made, line by line, for the map popup."""
    details = {}
    communes = table.set_index("gso_code")[["area_category", "n_villages", "is_border"]]
    for code, row in scores.join(communes).to_dict("index").items():
        lines = {texts.COL_SCORE: f"{vn_number(row['score'])} ({texts.COL_RANK.lower()} {int(row['rank'])})"}
        raw = {
            "category": CATEGORY_NAMES.get(row["area_category"], texts.NO_VALUE),
            "villages": str(int(row["n_villages"])),
            "gaps": vn_number(row["gaps"], 2),
            "border": texts.YES if row["is_border"] else texts.NO,
        }
        for component in COMPONENTS:
            lines[texts.COMPONENT_LABELS[component]] = texts.SCORE_LINE.format(
                raw=raw[component], points=vn_number(row[f"{component}_points"]))
        if row["missing"]:
            lines[texts.COL_MISSING] = ", ".join(INDICATORS[i].label for i in row["missing"])
        details[code] = lines
    return details


def value_details(table: pd.DataFrame, indicator: Indicator, year: int | None = None) -> dict[str, dict[str, str]]:
    """Tooltip lines for an indicator or gap view: the value, and the gap when a year is given."""
    values = table.set_index("gso_code")[indicator.id] if indicator.id in table else pd.Series(dtype=float)
    label = texts.COL_VALUE.format(unit=indicator.display_unit)
    details = {code: {label: vn_number(values.get(code))} for code in table["gso_code"]}
    if year is not None:
        gaps = gap_series(values, indicator, year)
        for code in details:
            gap = gaps.get(code)
            details[code][texts.COL_GAP] = texts.NO_VALUE if gap is None or pd.isna(gap) else (
                texts.GAP_MET if gap <= 0 else vn_number(gap))
    return details


def category_details(table: pd.DataFrame) -> dict[str, dict[str, str]]:
    names = category_name(table)
    return {code: {texts.COL_CATEGORY: name, texts.COL_VILLAGES: str(n)}
            for code, name, n in zip(table["gso_code"], names, table["n_villages"])}


def border_gaps_table(table: pd.DataFrame, indicator_ids: list[str], year: int) -> pd.DataFrame:
    """Each border commune and the targets it still misses (of the indicators with data)."""
    border = table[table["is_border"]]
    rows = []
    for _, row in border.iterrows():
        missed, met, unknown = [], 0, 0
        for ind_id in indicator_ids:
            ind = INDICATORS[ind_id]
            value = row.get(ind_id)
            gap = ind.gap(value, year) if ind_id in row and pd.notna(value) else None
            if gap is None:
                unknown += 1
            elif gap > 0:
                missed.append(f"{ind.label} ({vn_number(value)} / {vn_number(ind.target(year))})")
            else:
                met += 1
        rows.append({
            texts.COL_COMMUNE: row["commune"],
            texts.COL_DISTRICT: short_district_name(row["district"]),
            texts.COL_CATEGORY: category_name(row.to_frame().T).iloc[0],
            texts.COL_N_MISSED: len(missed),
            texts.COL_MISSED: "; ".join(missed),
            texts.COL_N_MET: met,
            texts.COL_N_UNKNOWN: unknown,
        })
    frame = pd.DataFrame(rows)
    return frame.sort_values(texts.COL_N_MISSED, ascending=False).reset_index(drop=True) if rows else frame


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
        "kind": events["kind"].map(texts.DATASET_LABELS),
        "source": events["source"].map(texts.SOURCE_LABELS),
        "version_id": events["version_id"].map(version),
        "replaced_version_id": events["replaced_version_id"].map(version),
        "in_use_version_id": events["in_use_version_id"].map(lambda v: version(v) or texts.HISTORY_NO_DATA),
        "file_name": events["file_name"].fillna("").astype(str),
        "row_count": events["row_count"].map(number),
    })
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
    """An import's problems for display: a file-wide note has an empty row cell, not "None"."""
    row = texts.IMP_PROBLEM_COLUMNS["row"]
    shown = problems.copy()
    shown[row] = shown[row].map(lambda r: "" if r is None or pd.isna(r) else str(int(r)))
    return shown


def import_summary(summary: pd.DataFrame) -> pd.DataFrame:
    """An import's totals for display: Vietnamese headers, only the columns it has."""
    return summary.rename(columns=texts.TOT_SUMMARY_COLUMNS)


def import_preview(frame: pd.DataFrame) -> pd.DataFrame:
    """What an import would store, as a person reads it: Vietnamese headers, indicator labels,
    Vietnamese numbers, no internal keys."""
    out = frame.drop(columns=[c for c in ("village_key",) if c in frame.columns]).copy()
    if "indicator" in out.columns:
        out["indicator"] = out["indicator"].map(lambda i: INDICATORS[i].label if i in INDICATORS else i)
    for column in ("value", "lon", "lat"):
        if column in out.columns:
            out[column] = out[column].map(lambda v: vn_number(v, 6 if column != "value" else 2))
    if "year" in out.columns:
        out["year"] = out["year"].map(lambda y: "" if pd.isna(y) else str(int(y)))
    return out.rename(columns=texts.IMPORT_PREVIEW_COLUMNS)

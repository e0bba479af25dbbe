"""Tables behind the maps, and the lines that explain each commune.

Every table has stable English column ids that code sorts and marks rows by;
`display_table` gives it its Vietnamese headers at the last moment, for the
page and the Excel export alike, so what a planner reads on screen is what goes
into the report. Numbers stay unrounded numbers (the page sorts by them, Excel
computes with them); `display_table` records each numeric column's decimals
(geo.vnformat), which `styled_table` and the Excel export write them with. The
border communes' table and the clicked commune's details are here too.
"""

from __future__ import annotations

import pandas as pd

import texts
from geo.border import (
    BUFFER_M,
    MIN_BORDER_KM,
    STATUS_BOTH,
    STATUS_COMPUTED_ONLY,
    STATUS_NONE,
    STATUS_SOURCED_ONLY,
)
from geo.gaps import gap_series
from geo.indicators import INDICATORS, Indicator
from geo.priority import COMPONENTS
from geo.vnformat import (
    COUNT_FORMAT,
    DECIMALS_ATTR,
    KM_FORMAT,
    NO_NUMBER,
    SCORE_FORMAT,
    SHARE_FORMAT,
    NumberFormat,
    indicator_format,
    vn_number,
)
from geo.vocabulary import PERIOD_2021, PERIOD_2026, Period
from layers.style import short_district_name

BORDER_LABELS = {
    STATUS_BOTH: texts.BORDER_BOTH,
    STATUS_SOURCED_ONLY: texts.BORDER_SOURCED_ONLY,
    STATUS_COMPUTED_ONLY: texts.BORDER_COMPUTED_ONLY,
    STATUS_NONE: texts.NO,
}


def border_word(is_border) -> str:
    """"Có"/"Không": the one word for a border commune in the table, the popup and the score lines."""
    return texts.YES if pd.notna(is_border) and bool(is_border) else texts.NO


# How the numeric columns of the map's tables are written; "value", "target" and "gap" follow their
# indicator (recorded per table in frame.attrs, see `_with_indicator_format`).
COLUMN_FORMATS: dict[str, NumberFormat] = {
    "rank": COUNT_FORMAT, "villages": COUNT_FORMAT, "n_missed": COUNT_FORMAT, "n_met": COUNT_FORMAT,
    "n_unknown": COUNT_FORMAT, "score": SCORE_FORMAT, "border_km": KM_FORMAT,
    **{f"{component}_points": SCORE_FORMAT for component in COMPONENTS},
}
INDICATOR_COLUMNS = ("value", "target", "gap")


# Headers that depend on the period's units: a 2026-2030 unit has no district, only a former one to
# group by, and its counterpart in the other period is the old communes it came from.
PERIOD_HEADERS = {
    PERIOD_2021.key: {"district": texts.COL_DISTRICT, "counterpart": texts.COL_NEW_COMMUNE},
    PERIOD_2026.key: {"district": texts.COL_FORMER_DISTRICT, "counterpart": texts.TOOLTIP_OLD_COMMUNES,
                      "commune": texts.COL_UNIT_2026},
}


def column_headers(indicator: Indicator | None = None, year: int | None = None,
                   period: Period = PERIOD_2021) -> dict[str, str]:
    """The Vietnamese header of each column id; the value and target headers name the indicator's unit and year."""
    headers = {
        "rank": texts.COL_RANK, "code": texts.COL_CODE, "commune": texts.COL_COMMUNE,
        "category": texts.COL_CATEGORY, "border": texts.COL_BORDER, **PERIOD_HEADERS[period.key],
        "villages": texts.COL_VILLAGES, "gap": texts.COL_GAP,
        "met": texts.COL_MET, "score": texts.COL_SCORE, "missing": texts.COL_MISSING,
        "n_missed": texts.COL_N_MISSED, "missed": texts.COL_MISSED, "n_met": texts.COL_N_MET,
        "n_unknown": texts.COL_N_UNKNOWN, "border_km": texts.COL_BORDER_KM, "border_status": texts.COL_BORDER_STATUS,
        "item": texts.COL_ITEM, "detail": texts.COL_DETAIL,
        **{f"{component}_points": texts.COMPONENT_LABELS[component] for component in COMPONENTS},
    }
    if indicator is not None:
        headers["value"] = texts.COL_VALUE.format(unit=indicator.display_unit)
    if year is not None:
        headers["target"] = texts.COL_TARGET.format(year=year)
    return headers


# The table under the map shows at most this many rows: a province's 200 communes whole; at national scale
# the first of 10,000 (serialised with their formats, they took 1.3 s and 70 MB of each first visit). The
# Excel export always has every row.
PAGE_TABLE_ROWS = 2000


def page_rows(table: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """The rows of `table` the page shows (the first PAGE_TABLE_ROWS, in its order) and how many there are."""
    return table.iloc[:PAGE_TABLE_ROWS], len(table)


def display_table(frame: pd.DataFrame, headers: dict[str, str] | None = None) -> pd.DataFrame:
    """`frame` as people read it: each column id replaced by its Vietnamese header, nothing else changed.

    `headers` defaults to `column_headers()`; a column without a header is a programming error (KeyError),
    never an English id on the page.
    """
    headers = column_headers() if headers is None else headers
    shown = frame.set_axis([headers[column] for column in frame.columns], axis="columns")
    shown.attrs = {DECIMALS_ATTR: {headers[column]: decimals for column, decimals in column_decimals(frame).items()}}
    return shown


def column_decimals(frame: pd.DataFrame) -> dict[str, int]:
    """Decimals of each numeric column of `frame` (column ids), as every reader sees them."""
    decimals = {column: written.decimals for column, written in COLUMN_FORMATS.items() if column in frame}
    decimals.update(frame.attrs.get(DECIMALS_ATTR, {}))
    return decimals


def styled_table(shown: pd.DataFrame):
    """A table of `display_table` as a Styler writing its numbers the Vietnamese way ("1.234,5", decimals of
    the column); the cells keep their numbers, so st.dataframe still sorts by value."""
    decimals = shown.attrs.get(DECIMALS_ATTR, {})
    formats = {header: NumberFormat(places).number for header, places in decimals.items() if header in shown}
    return shown.style.format(na_rep=NO_NUMBER).format(formats)


def _with_indicator_format(frame: pd.DataFrame, indicator: Indicator) -> pd.DataFrame:
    """`frame` remembering its indicator's decimals for the value, target and gap columns (JSON-safe attrs:
    Arrow serialises them when Streamlit sends the table)."""
    decimals = indicator_format(indicator).decimals
    frame.attrs[DECIMALS_ATTR] = {column: decimals for column in INDICATOR_COLUMNS if column in frame}
    return frame


def category_name(table: pd.DataFrame) -> pd.Series:
    named = table["area_category"].map(texts.CATEGORY_NAMES)
    return named.where(table["in_area"], texts.OUTSIDE_AREA_LABEL).fillna(texts.NO_VALUE)


def _base(table: pd.DataFrame) -> pd.DataFrame:
    """The identifying columns; the index is the input's, so later sorting by it stays aligned."""
    return pd.DataFrame(index=table.index, data={
        "code": table["gso_code"].values,
        "commune": table["commune"].values,
        "district": table["district"].map(short_district_name).values,
        "category": category_name(table).values,
        "border": table["is_border"].map(border_word).values,
        "villages": table["n_villages"].values,
    })


def category_table(table: pd.DataFrame) -> pd.DataFrame:
    out = _base(table)
    out["counterpart"] = table["counterpart"].values
    return out


def indicator_table(table: pd.DataFrame, indicator: Indicator) -> pd.DataFrame:
    """Worst first: the communes furthest from the target lead the list."""
    out = _base(table)
    values = table[indicator.id] if indicator.id in table else pd.Series(float("nan"), index=table.index)
    out["value"] = values.values  # unrounded: the Styler and Excel show the decimals, both rounding halves up
    order = values.sort_values(ascending=indicator.higher_is_better, na_position="last").index
    return _with_indicator_format(out.loc[order].reset_index(drop=True), indicator)


def gap_table(table: pd.DataFrame, indicator: Indicator, year: int) -> pd.DataFrame:
    out = _base(table)
    values = table[indicator.id] if indicator.id in table else pd.Series(float("nan"), index=table.index)
    gaps = gap_series(values, indicator, year)
    out["value"] = values.values
    out["target"] = indicator.target(year)
    out["gap"] = gaps.values
    out["met"] = gaps.map(lambda g: texts.NO_VALUE if pd.isna(g) else (texts.YES if g <= 0 else texts.NO)).values
    order = gaps.sort_values(ascending=False, na_position="last").index
    return _with_indicator_format(out.loc[order].reset_index(drop=True), indicator)


def priority_table(table: pd.DataFrame, scores: pd.DataFrame) -> pd.DataFrame:
    out = _base(table)
    indexed = scores.reindex(table["gso_code"])
    out.insert(0, "rank", indexed["rank"].values)
    out["score"] = indexed["score"].values
    for component in COMPONENTS:
        out[f"{component}_points"] = indexed[f"{component}_points"].values
    out["missing"] = indexed["missing"].map(
        lambda ids: ", ".join(INDICATORS[i].label for i in ids) if isinstance(ids, list) else "").values
    return out.sort_values("rank").reset_index(drop=True)


def priority_details(table: pd.DataFrame, scores: pd.DataFrame) -> dict[str, dict[str, str]]:
    """How each score was made, line by line, for the map popup."""
    details = {}
    communes = table.set_index("gso_code")[["area_category", "n_villages", "is_border"]]
    for code, row in scores.join(communes).to_dict("index").items():
        rank = COUNT_FORMAT.number(row["rank"])
        lines = {texts.COL_SCORE: f"{SCORE_FORMAT.number(row['score'])} ({texts.COL_RANK.lower()} {rank})"}
        raw = {
            "category": texts.CATEGORY_NAMES.get(row["area_category"], texts.NO_VALUE),
            "villages": COUNT_FORMAT.number(row["n_villages"]),
            "gaps": texts.GAPS_RAW.format(share=SHARE_FORMAT.text(100 * row["gaps"])),
            "border": border_word(row["is_border"]),
        }
        for component in COMPONENTS:
            lines[texts.COMPONENT_LABELS[component]] = texts.SCORE_LINE.format(
                raw=raw[component], points=SCORE_FORMAT.text(row[f"{component}_points"]))
        if row["missing"]:
            lines[texts.COL_MISSING] = ", ".join(INDICATORS[i].label for i in row["missing"])
        details[code] = lines
    return details


def value_details(table: pd.DataFrame, indicator: Indicator, year: int | None = None) -> dict[str, dict[str, str]]:
    """Tooltip lines for an indicator or gap view: the value, and the gap when a year is given."""
    values = table.set_index("gso_code")[indicator.id] if indicator.id in table else pd.Series(dtype=float)
    label, written = texts.COL_VALUE.format(unit=indicator.display_unit), indicator_format(indicator)
    details = {code: {label: written.number(values.get(code))} for code in table["gso_code"]}
    if year is not None:
        gaps = gap_series(values, indicator, year)
        for code in details:
            gap = gaps.get(code)
            details[code][texts.COL_GAP] = texts.NO_VALUE if gap is None or pd.isna(gap) else (
                texts.GAP_MET if gap <= 0 else written.number(gap))
    return details


def category_details(table: pd.DataFrame) -> dict[str, dict[str, str]]:
    names = category_name(table)
    return {code: {texts.COL_CATEGORY: name, texts.COL_VILLAGES: COUNT_FORMAT.number(n)}
            for code, name, n in zip(table["gso_code"], names, table["n_villages"])}


def border_gaps_table(table: pd.DataFrame, indicator_ids: list[str], year: int) -> pd.DataFrame:
    """Each border commune and the targets it still misses (of the indicators with data)."""
    border = table[table["is_border"]]
    gaps = {ind_id: gap_series(border[ind_id], INDICATORS[ind_id], year) for ind_id in indicator_ids
            if ind_id in border.columns}
    rows = []
    for index, row in border.iterrows():
        missed, met, unknown = [], 0, 0
        for ind_id in indicator_ids:
            ind = INDICATORS[ind_id]
            value = row.get(ind_id)
            gap = gaps[ind_id].loc[index] if ind_id in gaps else None
            if gap is None or pd.isna(gap):
                unknown += 1
            elif gap > 0:
                written = indicator_format(ind)
                missed.append(f"{ind.label} ({written.text(value)} / {written.text(ind.target(year))})")
            else:
                met += 1
        rows.append({
            "commune": row["commune"],
            "district": short_district_name(row["district"]),
            "category": category_name(row.to_frame().T).iloc[0],
            "n_missed": len(missed),
            "missed": "; ".join(missed),
            "n_met": met,
            "n_unknown": unknown,
        })
    frame = pd.DataFrame(rows)
    return frame.sort_values("n_missed", ascending=False).reset_index(drop=True) if rows else frame


def border_counts(communes: pd.DataFrame) -> dict:
    return {"sourced": int(communes["border_sourced"].sum()), "computed": int(communes["border_computed"].sum()),
            "min_km": vn_number(MIN_BORDER_KM, 1), "buffer_m": vn_number(BUFFER_M, 0)}  # "0,3 km", "500 m"


def border_table(communes: pd.DataFrame) -> pd.DataFrame:
    """Every commune that either list calls a border commune, disagreements first."""
    rows = communes[communes["is_border"]].copy()
    rows["order"] = rows["border_status"].map({STATUS_SOURCED_ONLY: 0, STATUS_COMPUTED_ONLY: 1, STATUS_BOTH: 2})
    rows = rows.sort_values(["order", "district", "commune"])
    return pd.DataFrame({
        "district": rows["district"].map(short_district_name),
        "commune": rows["commune"],
        "code": rows["gso_code"],
        "border_km": rows["border_km"].round(KM_FORMAT.decimals),  # also shown unstyled: rounded here
        "border_status": rows["border_status"].map(BORDER_LABELS),
        "counterpart": rows["counterpart"],
    })


def commune_details(table: pd.DataFrame, built, code: str, tooltip_fields: dict[str, str]) -> pd.DataFrame:
    """Two columns (what, value) for the clicked commune: the tooltip lines and the view's lines."""
    row = table.set_index("gso_code").loc[code]
    lines = {tooltip_fields["district"]: short_district_name(row["district"]), texts.COL_CODE: code,
             tooltip_fields["counterpart"]: row["counterpart"],
             texts.COL_VILLAGES: COUNT_FORMAT.number(row["n_villages"])}
    if row.get("village_names"):
        lines[texts.VILLAGE_NAMES] = row["village_names"]
    lines.update(built.view.details.get(code, {}))
    return pd.DataFrame({"item": list(lines), "detail": [str(v) for v in lines.values()]})


def unplaced_villages_table(unplaced: pd.DataFrame) -> pd.DataFrame:
    """2021-2025 villages of an old commune split between two new units: which units they may belong to
    (geo/carry_over.py `unplaced_villages`)."""
    return pd.DataFrame({"old_commune": unplaced["old_commune"], "village": unplaced["village"],
                         "candidates": unplaced["new_names"].map(texts.OR_JOIN.join)})

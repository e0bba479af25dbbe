"""Issue 13, defect 6: one way of writing numbers wherever a person reads one.

Vietnamese decimal comma and thousands dot, the indicator's decimals everywhere (table, popup, legend, print
legend, Excel number format), "%" stuck to its number, and "Biên giới" one word ("Có"/"Không") in the table and
the popup. Expected strings are written out by hand here, never taken from the code under test.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace

import pandas as pd
import pytest
from openpyxl import load_workbook

import texts
from geo.indicators import INDICATORS
from geo.programme import commune_table
from geo.vnformat import (
    COUNT_FORMAT,
    SCORE_FORMAT,
    indicator_format,
    slider_label,
    vn_number,
    with_unit,
)
from layers.export.excel import table_to_xlsx
from layers.paper.legend import legend_content
from layers.tables import category_table, column_headers, display_table, indicator_table, value_details
from layers.thematic import indicator_view, priority_view
from layers.web.basemap import build_base_map
from ui.map_click import highlight_row

ELECTRICITY = INDICATORS["electricity_households"]  # a percentage of households: one decimal, "%"
HOUSES = INDICATORS["temporary_houses"]  # a count of houses: whole, "nhà"
ROADS = INDICATORS["road_village_hardened"]  # a share of villages: one decimal, "% số thôn"


# --- the formatter ------------------------------------------------------------------------------------

def test_decimal_comma_and_thousands_dot():
    assert vn_number(1234.5, 1) == "1.234,5"
    assert vn_number(1234567.891, 2) == "1.234.567,89"
    assert vn_number(1234, 0) == "1.234"
    assert vn_number(None) == vn_number(float("nan")) == vn_number(pd.NA) == "–"


def test_fixed_decimals_keep_their_zeros_and_never_show_minus_zero():
    assert vn_number(86.0, 1) == "86"  # free text: trailing zeros dropped, as before
    assert vn_number(86.0, 1, fixed=True) == "86,0"  # a column of one quantity: always its decimals
    assert vn_number(-0.04, 1, fixed=True) == "0,0"
    assert vn_number(-1234.5, 1) == "-1.234,5"


def test_halves_round_away_from_zero_as_in_excel():
    assert vn_number(6.5, 0) == "7" and vn_number(2.5, 0) == "3"  # Python's round() would give 6 and 2
    assert vn_number(67.65, 1, fixed=True) == "67,7" and vn_number(-0.25, 1, fixed=True) == "-0,3"
    assert vn_number(2.675, 2) == "2,68"  # the decimal written, not the binary float just below it


def test_an_indicator_gives_its_decimals_and_unit():
    assert indicator_format(ELECTRICITY).number(67.61) == "67,6"
    assert indicator_format(ELECTRICITY).text(93.6) == "93,6%"  # "%" without a space, always
    assert indicator_format(ROADS).text(80) == "80,0% số thôn"
    assert indicator_format(HOUSES).text(12.0) == "12 nhà"  # a word unit after a space
    assert indicator_format(HOUSES).number(1234) == "1.234"
    assert indicator_format(ELECTRICITY).text(None) == "–"  # no unit after a missing value
    assert with_unit("5,0", "điểm %/năm") == "5,0 điểm %/năm"


def test_scores_counts_and_sliders():
    assert SCORE_FORMAT.number(67.61) == "67,6" and SCORE_FORMAT.text(20) == "20,0 điểm"
    assert COUNT_FORMAT.number(1234.0) == "1.234"
    assert slider_label(3.0) == "3,0" and slider_label(2.5) == "2,5" and slider_label(100) == "100,0"
    assert "." not in slider_label(0.5)


def test_excel_number_formats_follow_the_decimals():
    assert indicator_format(ELECTRICITY).excel == "#,##0.0"
    assert indicator_format(HOUSES).excel == "#,##0"
    assert SCORE_FORMAT.excel == "#,##0.0"


# --- every reader of one value sees the same thing ----------------------------------------------------

@pytest.fixture(scope="module")
def data(map_data_2021):
    return map_data_2021


@pytest.fixture(scope="module")
def table(data, demo_programme):
    return commune_table(data.communes, demo_programme)


@pytest.fixture(scope="module")
def electricity(table):
    """Every commune at 90 % except one at 95,56 %: the highest class ends at 95,56, shown 95,6."""
    values = pd.Series(90.0, index=table.index)
    values.iloc[:40] = [80.0 + i * 0.25 for i in range(40)]
    values.iloc[7] = 95.56
    values.iloc[8] = 92.05  # a half: "92,1" everywhere, as Excel rounds it (numpy's round would give 92.0)
    return table.assign(**{ELECTRICITY.id: values}), table["gso_code"].iloc[7]


def test_table_popup_legend_print_legend_and_excel_agree_on_one_value(data, electricity):
    frame, code = electricity
    view = indicator_view(frame, ELECTRICITY, "equal_interval", k=5)
    view = replace(view, details=value_details(frame, ELECTRICITY))
    header = "Giá trị (%)"
    # legend on screen and on paper: the top class ends at "95,6%" (not "95,56 %")
    assert view.legend[4].label == "92,4 – 95,6%"  # equal intervals of 80–95,56: 92,448 – 95,56
    assert [item.label for item in legend_content(view).classes][4] == "92,4 – 95,6%"
    page = build_base_map(data.layers, view).get_root().render()
    assert json.dumps("92,4 – 95,6%")[1:-1] in page
    # the popup and tooltip line of that commune
    assert view.details[code] == {header: "95,6"}
    assert '"95,6"' in page and "95,56" not in page
    # the table under the map: "95,6" shown, the number kept (so sorting is by value)
    rows = indicator_table(frame, ELECTRICITY)
    styled = highlight_row(rows, code, column_headers(ELECTRICITY))
    assert styled.data[header].dtype.kind == "f"
    shown = styled.to_string(delimiter="|").splitlines()
    position = shown[0].split("|").index(header)
    line = next(line for line in shown[1:] if f"|{code}|" in line)
    assert line.split("|")[position] == "95,6"
    half = frame["gso_code"].iloc[8]
    assert view.details[half] == {header: "92,1"}
    assert next(line for line in shown[1:] if f"|{half}|" in line).split("|")[position] == "92,1"
    cells = [row.split("|")[position] for row in shown[1:]]
    assert cells[0] == "80,0" and all(re.fullmatch(r"\d\d,\d", cell) for cell in cells)  # 80.0 is "80,0"
    # Excel: the number itself, unrounded for planners' sums, with a one-decimal number format
    book = load_workbook(io.BytesIO(table_to_xlsx(display_table(rows, column_headers(ELECTRICITY)), title="t",
                                                  sources=[], filters="", illustrative=False)))
    sheet = book.active
    headers = [c.value for c in sheet[1]]
    column, villages, codes = (headers.index(h) for h in (header, texts.COL_VILLAGES, texts.COL_CODE))
    cell = next(row[column] for row in sheet.iter_rows(min_row=2) if row[codes].value == code)
    assert cell.value == pytest.approx(95.56) and cell.number_format == "#,##0.0"  # the number; shown 95,6
    assert all(row[villages].number_format == "#,##0" for row in sheet.iter_rows(min_row=2))
    assert sheet.cell(row=1, column=column + 1).number_format == "General"  # the header is text


def test_a_count_indicator_is_whole_everywhere(data, electricity):
    frame, code = electricity
    frame = frame.assign(**{HOUSES.id: [float(i % 14) for i in range(len(frame))]})
    view = indicator_view(frame, HOUSES, "equal_interval", k=2)
    assert [e.label for e in view.legend][:2] == ["0 – 7 nhà", "7 – 13 nhà"]  # 0–6,5 and 6,5–13, whole
    assert value_details(frame, HOUSES)[code] == {"Giá trị (nhà)": "7"}


def test_priority_bands_are_written_as_scores():
    scores = pd.DataFrame({"score": [10.0, 55.5, 99.0]}, index=["a", "b", "c"])
    assert [e.label for e in priority_view(scores).legend] == [
        "0,0 – 20,0 điểm", "20,0 – 40,0 điểm", "40,0 – 60,0 điểm", "60,0 – 80,0 điểm", "80,0 – 100,0 điểm"]


# --- "Biên giới": one word ----------------------------------------------------------------------------

def test_border_is_the_same_word_in_the_table_and_the_popup(data, table):
    popup = {f["properties"]["gso_code"]: f["properties"]["border_label"] for f in data.layers.communes["features"]}
    shown = category_table(table).set_index("code")["border"]
    assert set(shown) == {"Có", "Không"}  # never blank
    assert {code: popup[code] for code in shown.index} == shown.to_dict()
    border_codes = set(data.communes.loc[data.communes["is_border"], "gso_code"])
    assert {code for code, word in popup.items() if word == "Có"} == border_codes
    assert len(border_codes) == 21  # either source (tests/test_filters_webmap.py: border filter by source)


def test_no_number_on_the_page_is_written_with_a_decimal_point(data, electricity):
    frame, _ = electricity
    view = replace(indicator_view(frame, ELECTRICITY, "natural_breaks", k=5),
                   details=value_details(frame, ELECTRICITY))
    labels = [e.label for e in view.legend] + [v for lines in view.details.values() for v in lines.values()]
    assert not [label for label in labels if re.search(r"\d\.\d", label) or " %" in label]


def test_a_class_of_one_value_is_written_once(electricity):
    frame, _ = electricity
    shares = [0.0] * 60 + [float(v) for v in range(20, 100)] + [100.0] * (len(frame) - 140)
    view = indicator_view(frame.assign(**{ROADS.id: shares}), ROADS, "natural_breaks", k=5)
    labels = [e.label for e in view.legend]
    assert labels[0] == "0,0% số thôn" and not [label for label in labels if "0,0 – 0,0" in label]

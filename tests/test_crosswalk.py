"""The crosswalk view (issue 12, point 5): each new unit with the old communes it came from, each old
commune with where it went, searchable and exportable. Expected names and codes come from
../shared/geodata/LISTS.md part D and langson_merger_2025.csv read by hand, not from the code."""

from __future__ import annotations

import csv
import datetime
import io
from collections import Counter

import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

import texts
from geo.crosswalk import read_crosswalk
from geo.demo import store_demo
from geo.programme import commune_table, load_programme
from geo.store import Store
from geo.vocabulary import DEMO, PERIOD_2021, PERIOD_2026
from layers import crosswalk as cw
from layers.export.excel import table_to_xlsx
from layers.prepared import period_data
from tests.conftest import EDITOR, ROOT

# LISTS.md part D, doubt 2: the five new units whose code differs in PyPI vietnam-provinces (CV 1027 first).
DISPUTED = {"Xã Quốc Khánh": ("06004", "06016"), "Xã Na Sầm": ("06124", "06214"),
            "Xã Thiện Tân": ("06436", "06421"), "Xã Cao Lộc": ("06211", "06193"), "Xã Ba Sơn": ("06196", "06202")}
# LISTS.md part D, doubt 3: the four old communes named Hòa Bình (Bình Gia, Văn Quan, Hữu Lũng, Chi Lăng).
HOA_BINH_CODES = {"06103", "06274", "06397", "06508"}


@pytest.fixture(scope="module")
def links(province):
    return read_crosswalk(province.files["crosswalk"])


@pytest.fixture(scope="module")
def units_2026(province):
    return period_data(province, PERIOD_2026.key).communes


@pytest.fixture(scope="module")
def empty_tables(province, units_2026, tmp_path_factory):
    store = Store.default(tmp_path_factory.mktemp("empty"))
    return (commune_table(province.communes, load_programme(store, None, PERIOD_2021.key)),
            commune_table(units_2026, load_programme(store, None, PERIOD_2026.key)))


@pytest.fixture(scope="module")
def demo_programme(reference, tmp_path_factory):
    store = Store.default(tmp_path_factory.mktemp("demo"))
    store_demo(store, reference, by=EDITOR)
    return load_programme(store, DEMO, PERIOD_2021.key)


@pytest.fixture(scope="module")
def demo_tables(province, empty_tables, demo_programme):
    return commune_table(province.communes, demo_programme), empty_tables[1]


def raw_crosswalk(province) -> list[dict]:
    """The crosswalk CSV as its rows, read without the code under test."""
    with open(province.files["crosswalk"], encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def row(frame, column, value):
    rows = frame[frame[column] == value]
    assert len(rows) == 1, value
    return rows.iloc[0]


def names(cell: str) -> set[str]:
    return set(cell.split("; "))


def test_one_row_per_new_unit_and_per_old_commune(links, empty_tables, commune_list):
    units = cw.units_table(links, *empty_tables)
    old = cw.old_communes_table(links, empty_tables[0])
    assert len(units) == 65 and units["new_code"].is_unique and units["new_commune"].is_unique
    assert units["new_type"].value_counts().to_dict() == {"Xã": 61, "Phường": 4}
    assert len(old) == 200 and set(old["old_code"]) == set(commune_list["gso_code"])
    assert (old["new_communes"] != "").all()


def test_that_khe_came_from_three_communes_and_part_of_dai_dong(links, empty_tables):
    thatkhe = row(cw.units_table(links, *empty_tables), "new_commune", "Xã Thất Khê")
    assert thatkhe["new_code"] == "06040"
    assert names(thatkhe["old_communes"]) == {"Xã Chí Minh", "Xã Chi Lăng", "Thị trấn Thất Khê",
                                              "Xã Đại Đồng (một phần)"}
    # TT Thất Khê is named by its 2021 code, not the 06040 it was given in 2025 (LISTS.md doubt 1)
    assert names(thatkhe["old_codes"]) == {"06013", "06034", "05995", "06040"}
    assert thatkhe["former_districts"] == "Tràng Định"


def test_split_communes_went_to_two_units_in_part(links, empty_tables):
    old = cw.old_communes_table(links, empty_tables[0])
    binh_xa = row(old, "old_commune", "Xã Bính Xá")
    assert names(binh_xa["new_communes"]) == {"Xã Đình Lập (một phần)", "Xã Kiên Mộc (một phần)"}
    assert names(binh_xa["new_codes"]) == {"06613", "06625"}
    kien_moc = row(old, "old_code", "06625")
    assert names(kien_moc["new_communes"]) == {"Xã Kiên Mộc (một phần)", "Xã Châu Sơn (một phần)"}
    assert row(old, "old_commune", "Xã Chí Minh")["new_communes"] == "Xã Thất Khê"
    split = old[old["new_communes"].str.contains(texts.PART_SUFFIX, regex=False)]
    assert set(split["old_commune"]) == {"Xã Bính Xá", "Xã Kiên Mộc", "Xã Đại Đồng"}


def test_the_five_disputed_units_show_both_codes(links, empty_tables):
    units = cw.units_table(links, *empty_tables)
    for name, (code, other) in DISPUTED.items():
        unit = row(units, "new_commune", name)
        assert (unit["new_code"], unit["other_code"]) == (code, other)
    assert (units.loc[~units["new_commune"].isin(list(DISPUTED)), "other_code"] == "").all()


def test_search_by_new_or_old_name_without_diacritics(links, empty_tables):
    units = cw.units_table(links, *empty_tables)
    old = cw.old_communes_table(links, empty_tables[0])
    # Xã Kiên Mộc (new) took Bắc Xa and parts of Bính Xá and Kiên Mộc; Châu Sơn took the rest of Kiên Mộc
    assert set(cw.search(units, "kien moc")["new_commune"]) == {"Xã Kiên Mộc", "Xã Châu Sơn"}
    assert set(cw.search(old, "kien moc")["old_code"]) == {"06619", "06622", "06625"}
    for query in ("Hòa Bình", "hoa binh", "Xã Hoà Bình", "XA HOA BINH"):
        assert set(cw.search(old, query)["old_code"]) == HOA_BINH_CODES, query
    assert set(cw.search(units, "TT Thất Khê")["new_commune"]) == {"Xã Thất Khê"}
    # the old table matches where a commune went too: Bính Xá went in part to xã Đình Lập
    assert set(cw.search(old, "dinh lap")["old_commune"]) == {"Thị trấn Đình Lập", "Xã Đình Lập", "Xã Bính Xá"}
    assert cw.search(old, "không có xã này").empty
    assert len(cw.search(old, "  ")) == 200
    assert set(cw.search(old, "06622")["old_commune"]) == {"Xã Bính Xá"}


def test_no_data_reads_no_data_not_zero(links, empty_tables):
    units = cw.units_table(links, *empty_tables)
    for column in ("old_categories", "old_villages", "category_2026", "villages_2026"):
        assert (units[column] == texts.NO_VALUE).all(), column
    old = cw.old_communes_table(links, empty_tables[0])
    assert (old["villages_2021"] == texts.NO_VALUE).all()


def test_villages_add_up_over_whole_old_communes(province, links, demo_tables):
    table_2021 = demo_tables[0]
    villages = dict(zip(table_2021["gso_code"], table_2021["n_villages"]))
    expected, split = Counter(), set()
    for line in raw_crosswalk(province):
        if line["whole_or_part"] == "whole":
            expected[line["new_code"]] += villages[line["old_gso_code_2021"]]
        else:
            split.add(line["old_gso_code_2021"])
    units = cw.units_table(links, *demo_tables)
    assert dict(zip(units["new_code"], units["old_villages"])) == {code: expected[code] for code in units["new_code"]}
    # every village is counted once, except those of the three split communes
    assert units["old_villages"].sum() + sum(villages[c] for c in split) == table_2021["n_villages"].sum()
    thatkhe = row(units, "new_commune", "Xã Thất Khê")
    dai_dong = villages["06040"]
    assert dai_dong > 0  # the demo gives Đại Đồng villages, so the note must name them
    assert "Xã Đại Đồng" in thatkhe["villages_note"] and str(dai_dong) in thatkhe["villages_note"]
    assert row(units, "new_commune", "Xã Na Sầm")["villages_note"] == ""


def test_categories_of_the_old_communes_are_counted(links, demo_tables):
    table_2021 = demo_tables[0].set_index("gso_code")
    members = ["06013", "06034", "05995", "06040"]  # Thất Khê's old communes, by hand from the CSV
    expected = Counter(f"KV {table_2021.at[c, 'area_category']}" for c in members)
    cell = row(cw.units_table(links, *demo_tables), "new_commune", "Xã Thất Khê")["old_categories"]
    counted = dict(part.split(": ") for part in cell.split(", "))
    assert {k: int(v) for k, v in counted.items()} == dict(expected)
    old = cw.old_communes_table(links, demo_tables[0])
    dai_dong = table_2021.at["06040", "area_category"]
    assert row(old, "old_code", "06040")["category_2021"] == texts.CATEGORY_NAMES[dai_dong]


def test_display_headers_are_vietnamese(links, empty_tables):
    for frame in (cw.units_table(links, *empty_tables), cw.old_communes_table(links, empty_tables[0])):
        shown = cw.display_crosswalk(frame)
        assert list(shown.columns) == [texts.CROSSWALK_COLUMNS[c] for c in frame.columns]
        assert not set(shown.columns) & set(frame.columns)


def test_excel_export_names_the_resolution_the_file_and_demo(links, demo_tables, demo_programme):
    sources = cw.export_sources("langson_merger_2025.csv", {PERIOD_2021.key: demo_programme})
    frame = cw.display_crosswalk(cw.search(cw.old_communes_table(links, demo_tables[0]), "hoa binh"))
    content = table_to_xlsx(frame, title=texts.CROSSWALK_TITLE_OLD, sources=sources,
                            filters=cw.export_filters("hoa binh"), illustrative=True,
                            exported_at=datetime.datetime(2026, 11, 2, 9, 30))
    book = load_workbook(io.BytesIO(content))
    table, about = book.worksheets
    assert table.max_row == 5 and table.cell(1, 2).value == texts.CROSSWALK_COLUMNS["old_commune"]
    text = " ".join(str(c.value) for line in about.iter_rows() for c in line if c.value is not None)
    assert "1672/NQ-UBTVQH15" in text and "langson_merger_2025.csv" in text
    assert texts.ILLUSTRATIVE_NOTE in text and "hoa binh" in text


def run(at):
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_page_shows_both_tabs_search_and_downloads(env, reference):
    store_demo(Store.default(env), reference, by=EDITOR)
    at = run(AppTest.from_file(str(ROOT / "ui" / "crosswalk_page.py"), default_timeout=120))
    assert [tab.label for tab in at.tabs] == ["Theo xã mới (65)", "Theo xã cũ (200)"]
    assert [len(frame.value) for frame in at.dataframe] == [65, 200]
    assert at.dataframe[0].value.columns[2] == texts.CROSSWALK_COLUMNS["new_commune"]
    assert len(at.get("download_button")) == 2
    assert any(texts.CROSSWALK_ILLUSTRATIVE == w.value for w in at.warning)
    at.text_input(key="crosswalk_search").input("kien moc")
    run(at)
    assert set(at.dataframe[0].value[texts.CROSSWALK_COLUMNS["new_commune"]]) == {"Xã Kiên Mộc", "Xã Châu Sơn"}
    assert set(at.dataframe[1].value[texts.CROSSWALK_COLUMNS["old_code"]]) == {"06619", "06622", "06625"}
    assert len(at.get("download_button")) == 2


def test_page_without_data_says_so(env):
    at = run(AppTest.from_file(str(ROOT / "ui" / "crosswalk_page.py"), default_timeout=120))
    assert [len(frame.value) for frame in at.dataframe] == [65, 200]
    assert any(texts.CROSSWALK_NO_DATA == i.value for i in at.info)
    assert not at.warning

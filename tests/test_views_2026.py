"""Every view of the map page on the 65 units of 2026-2030 (issue 12, point 2), on the demo set of both
periods. Expected counts come from the crosswalk and the border files, read here independently."""

from __future__ import annotations

import csv

import pytest

from geo.demo import store_demo
from geo.store import Store
from tests.apptest import run
from tests.conftest import EDITOR, SHARED, open_map_page


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("var")
    store_demo(Store.default(data_dir), by=EDITOR)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LANGSON_GEODATA_DIR", str(SHARED))
        patch.setenv("LANGSON_DATA_DIR", str(data_dir))
        yield open_map_page(period="2026-2030")


def crosswalk_rows() -> list[dict]:
    with open(SHARED / "langson_merger_2025.csv", encoding="utf-8-sig") as file:
        return list(csv.DictReader(file))


@pytest.mark.parametrize("kind", ["admin", "category", "indicator", "gap", "priority"])
def test_every_view_draws_the_65_units(app, kind):
    at = run(app.sidebar.selectbox(key="view_kind").set_value(kind))
    assert len(at.dataframe[0].value) == 65
    assert "Huyện cũ (để nhóm)" in at.dataframe[0].value.columns
    if kind == "gap":
        assert at.sidebar.radio(key="year_2026-2030").options == ["2030"]  # this period's targets


def test_the_former_district_grouping_filters_units(app):
    at = run(app.sidebar.selectbox(key="view_kind").set_value("category"))
    at = run(at.sidebar.multiselect(key="districts_2026-2030").set_value(["Huyện Đình Lập"]))
    # the units whose old communes were all in Đình Lập: Đình Lập, Kiên Mộc, Châu Sơn, Thái Bình
    units = {}
    for row in crosswalk_rows():
        units.setdefault(row["new_commune"], set()).add(row["old_district"])
    only_dinh_lap = {unit for unit, districts in units.items() if districts == {"Huyện Đình Lập"}}
    assert set(at.dataframe[0].value["Xã, phường"]) == only_dinh_lap
    run(at.sidebar.multiselect(key="districts_2026-2030").set_value([]))


def test_border_units_are_computed_and_compared_with_the_old_list_carried_over(app):
    """A unit counts as sourced when it took whole an old commune of the sourced list; every border unit
    is computed from the border line as for the old communes."""
    at = run(app.toggle(key="show_border_table").set_value(True))
    table = at.dataframe[-1].value
    run(at.toggle(key="show_border_table").set_value(False))
    with open(SHARED / "langson_border_communes.csv", encoding="utf-8-sig") as file:
        sourced_old = {row["gso_code"].zfill(5) for row in csv.DictReader(file)}
    sourced_units = {row["new_commune"] for row in crosswalk_rows()
                     if row["whole_or_part"] == "whole" and row["old_gso_code_2021"] in sourced_old}
    computed_only = table["Tình trạng"].str.startswith("Tính toán thấy giáp biên; chưa có nguồn dẫn")
    assert set(table.loc[~computed_only, "Xã, phường"]) == sourced_units
    assert "Xã Kiên Mộc" in set(table.loc[computed_only, "Xã, phường"])  # Bính Xá's border part: which unit is unknown
    assert "Gồm các xã cũ (2021-2025)" in table.columns and "Xã mới (2025)" not in table.columns


def test_border_gaps_list_every_border_unit(app):
    at = run(app.toggle(key="show_border_table").set_value(True))
    border_units = set(at.dataframe[-1].value["Xã, phường"])
    at = run(at.toggle(key="show_border_table").set_value(False))
    at = run(at.toggle(key="show_border_gaps").set_value(True))
    assert set(at.dataframe[-1].value["Xã, phường"]) == border_units
    run(at.toggle(key="show_border_gaps").set_value(False))


def test_gap_and_priority_views_use_the_2030_targets(app):
    from geo.indicators import INDICATORS

    at = run(app.sidebar.selectbox(key="view_kind").set_value("gap"))
    offered = at.sidebar.selectbox(key="indicator").options
    assert offered and all(INDICATORS[i].target(2030) is not None for i in
                           (i for i in INDICATORS if INDICATORS[i].label in offered))
    assert not at.dataframe[0].value["Mục tiêu 2030"].isna().any()
    at = run(at.sidebar.selectbox(key="view_kind").set_value("priority"))
    assert any("mục tiêu 2030" in caption.value for caption in at.sidebar.caption)
    assert "giai đoạn 2026-2030" in at.markdown[0].value  # the title names the period

"""2021-2025 data shown on the 65 new units (issue 12, point 4), as the map page offers it."""

from __future__ import annotations

import json

from geo.demo import store_demo
from geo.store import Store
from tests.apptest import run
from tests.conftest import EDITOR, open_map_page


def test_carried_data_is_offered_on_2026_units_and_says_how_it_was_combined(env):
    store_demo(Store.default(env), by=EDITOR)
    at = open_map_page(period="2026-2030")
    run(at.sidebar.radio(key="source_2026-2030").set_value("carried"))
    run(at.sidebar.selectbox(key="view_kind").set_value("indicator"))
    assert any("quy sang 65 xã, phường mới" in info.value for info in at.info)
    assert any(warning.value.startswith("Dữ liệu minh họa") for warning in at.warning)  # carried from the demo set
    run(at.sidebar.selectbox(key="indicator").set_value("electricity_households"))
    table = at.dataframe[0].value
    assert len(table) == 65
    notes = dict(zip(table["Xã, phường"], table["Ghi chú quy đổi"]))
    assert notes["Xã Đình Lập"].startswith("gần đúng") and "Bính Xá" in notes["Xã Đình Lập"]
    assert notes["Xã Bình Gia"] == ""
    value_header = next(column for column in table.columns if column.startswith("Giá trị"))
    assert "ước tính: trung bình không trọng số" in value_header  # the rule, in the table too
    unplaced = next(e for e in at.expander if e.label.startswith("Thôn ĐBKK 2021-2025 chưa xác định"))
    villages = unplaced.dataframe[0].value
    assert len(villages) > 0 and set(villages["Xã cũ"]) <= {"Xã Bính Xá", "Xã Kiên Mộc", "Xã Đại Đồng"}
    assert villages["Thuộc một trong hai xã mới"].str.contains(" hoặc ").all()
    # the legend states the rule: households with electricity have no population weights -> estimated mean
    script = json.loads(at.get("component_instance")[0].proto.json_args)["script"]
    assert json.dumps("ước tính: trung bình không trọng số")[1:-1] in script  # as the legend script holds it


def test_carried_is_not_offered_for_2021_2025(env):
    at = open_map_page(period="2021-2025")
    assert "carried" not in at.sidebar.radio(key="source_2021-2025").options

"""The period switch on the map page (issue 12): which period opens, the URL, and no data of one period
shown on the units of the other."""

from __future__ import annotations

import json

from geo.demo import generate_demo, store_demo
from geo.store import Store
from tests.apptest import run
from tests.conftest import EDITOR, open_map_page


def store_2021_only(env, reference):
    """The 2021-2025 demo set alone, as a store written before the demo had 2026-2030."""
    store = Store.default(env)
    for kind, frame in generate_demo(reference).items():
        store.save(kind, "demo", frame, "Dữ liệu minh họa 2021-2025", b"2021 only", period="2021-2025", by=EDITOR)


def test_with_2021_data_stored_a_bare_address_opens_2021_2025(env, reference):
    """2026-2030 unless the store holds nothing for it and something for 2021-2025."""
    store_2021_only(env, reference)
    at = open_map_page(period=None)
    assert at.sidebar.radio(key="period").value == "2021-2025" and at.query_params["period"] == "2021-2025"
    assert len(at.dataframe[0].value) == 200


def test_the_url_opens_a_period_and_the_switch_rewrites_it(env):
    at = open_map_page(period="2026-2030")
    assert len(at.dataframe[0].value) == 65 and "uncertain-zone" in json.loads(
        at.get("component_instance")[0].proto.json_args)["script"]
    run(at.sidebar.radio(key="period").set_value("2021-2025"))
    assert at.query_params["period"] == "2021-2025"
    assert len(at.dataframe[0].value) == 200 and "uncertain-zone" not in json.loads(
        at.get("component_instance")[0].proto.json_args)["script"]
    headers = list(at.dataframe[0].value.columns)
    assert "Huyện" in headers


def test_with_both_periods_stored_a_bare_address_opens_2026_2030(env):
    store_demo(Store.default(env), by=EDITOR)
    at = open_map_page(period=None)
    assert at.sidebar.radio(key="period").value == "2026-2030" and at.query_params["period"] == "2026-2030"
    assert len(at.dataframe[0].value) == 65


def test_2026_units_never_show_2021_lists(env, reference):
    """Some new units reuse an old commune's code (06040: xã Đại Đồng, then xã Thất Khê): the 2021-2025
    categories stored must not appear on the 2026-2030 map until lists of that period are imported."""
    store_2021_only(env, reference)
    at = open_map_page(period="2026-2030")
    run(at.sidebar.selectbox(key="view_kind").set_value("category"))
    assert any("Giai đoạn 2026-2030 chưa có dữ liệu" in info.value for info in at.info)
    table = at.dataframe[0].value
    assert len(table) == 65 and not table["Khu vực"].str.contains("Khu vực III").any()
    assert list(table.columns)[2] == "Huyện cũ (để nhóm)" and "Gồm các xã cũ (2021-2025)" in table.columns
    assert not at.warning  # nothing illustrative is drawn


def test_2026_demo_shows_its_own_categories_under_reused_codes(env):
    """With the demo of both periods, the 2026-2030 map shows the 2026-2030 demo categories and villages,
    never the 2021-2025 ones stored under the same codes (every new unit reuses an old commune's code)."""
    store = Store.default(env)
    store_demo(store, by=EDITOR)
    old = store.current("categories", "demo", "2021-2025").set_index("gso_code")["area_category"]
    new = store.current("categories", "demo", "2026-2030").set_index("gso_code")["area_category"]
    differs = [code for code in new.index if old.get(code) != new[code]]
    assert differs, "the two demo periods must differ somewhere for this test to tell them apart"
    at = open_map_page(period="2026-2030")
    run(at.sidebar.selectbox(key="view_kind").set_value("category"))
    table = at.dataframe[0].value.set_index("Mã GSO")
    assert len(table) == 65
    assert (table["Khu vực"] == "Khu vực " + new.reindex(table.index)).all()
    assert table["Số thôn ĐBKK"].sum() == 385
    assert at.warning and "Dữ liệu minh họa" in at.warning[0].value

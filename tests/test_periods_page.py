"""The period switch on the map page (issue 12): which period opens, the URL, and no data of one period
shown on the units of the other."""

from __future__ import annotations

import json

import pytest

from geo.demo import store_demo
from geo.store import Store
from tests.apptest import run
from tests.conftest import open_map_page


@pytest.fixture
def env(shared_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("LANGSON_GEODATA_DIR", str(shared_dir))
    monkeypatch.setenv("LANGSON_DATA_DIR", str(tmp_path / "var"))
    return tmp_path / "var"


def test_with_2021_data_stored_a_bare_address_opens_2021_2025(env):
    """2026-2030 unless the store holds nothing for it and something for 2021-2025."""
    store_demo(Store.default(env))
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


def test_2026_units_never_show_2021_lists(env):
    """Some new units reuse an old commune's code (06040: xã Đại Đồng, then xã Thất Khê): the 2021-2025
    categories stored must not appear on the 2026-2030 map until lists of that period are imported."""
    store_demo(Store.default(env))
    at = open_map_page(period="2026-2030")
    run(at.sidebar.selectbox(key="view_kind").set_value("category"))
    assert any("Giai đoạn 2026-2030 chưa có dữ liệu" in info.value for info in at.info)
    table = at.dataframe[0].value
    assert len(table) == 65 and not table["Khu vực"].str.contains("Khu vực III").any()
    assert list(table.columns)[2] == "Huyện cũ (để nhóm)" and "Gồm các xã cũ (2021-2025)" in table.columns
    assert not at.warning  # nothing illustrative is drawn

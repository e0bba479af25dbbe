"""AppTest of app.py: the filters change what is sent to the map component."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, chosen_codes, map_args, map_unit_codes, open_map_page


@pytest.fixture
def app(shared_dir, monkeypatch, tmp_path):
    monkeypatch.setenv("LANGSON_GEODATA_DIR", str(shared_dir))
    monkeypatch.setenv("LANGSON_DATA_DIR", str(tmp_path / "var"))
    return open_map_page()


def test_whole_province_is_sent_without_filters(app):
    args = map_args(app)
    assert len(map_unit_codes(args)) == 200 and '"geometry"' not in args["script"]  # shapes come as a file
    assert chosen_codes(args) == set()  # nothing dimmed, nothing outlined
    assert args["returned_objects"] == ["last_active_drawing"]  # a click reruns, panning never does
    assert all(link.startswith("/app/static/") for link in args["js_links"] + args["css_links"])


def test_district_filter_changes_the_selection_and_the_view(app):
    before = map_args(app)
    app.sidebar.multiselect(key="districts_2021-2025").select("Huyện Đình Lập").run()
    after = map_args(app)
    assert len(chosen_codes(after)) == 12
    assert after["zoom"] > before["zoom"]
    assert after["script"] == before["script"]  # the base map is not redrawn
    assert "12/200" in " ".join(c.value for c in app.caption)


def test_border_only_filter(app):
    app.sidebar.checkbox(key="border_only").check().run()
    assert len(chosen_codes(map_args(app))) == 21
    app.sidebar.radio(key="border_source").set_value("sourced").run()
    assert len(chosen_codes(map_args(app))) == 15


def test_search_box_finds_a_commune_without_tone_marks(app):
    app.sidebar.text_input(key="q").input("quoc khanh").run()  # Xã Quốc Khánh, Tràng Định
    assert chosen_codes(map_args(app)) == {"06004"}


def test_border_table_lists_disagreements(app):
    before = len(app.dataframe)  # the border table is drawn on request only
    app.toggle(key="show_border_table").set_value(True).run()
    assert len(app.dataframe) == before + 1
    table = app.dataframe[-1].value
    assert len(table) == 21
    assert table.iloc[0].iloc[4].startswith("Có theo nguồn dẫn") or "chưa có nguồn dẫn" in table.iloc[0].iloc[4]
    explained = " ".join(element.value for element in app.markdown)
    assert "0,3 km" in explained and "500 m" in explained and "0.3" not in explained  # Vietnamese numbers


def test_first_run_sends_the_map_before_the_widgets_and_the_table(shared_dir, monkeypatch, tmp_path):
    monkeypatch.setenv("LANGSON_GEODATA_DIR", str(shared_dir))
    monkeypatch.setenv("LANGSON_DATA_DIR", str(tmp_path / "var"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    first = at.get("component_instance")[0].proto.json_args
    # nothing competes with the map: no widget, no table, no export section
    assert not at.sidebar.radio and not at.sidebar.selectbox and not at.sidebar.multiselect
    assert not at.dataframe and not at.expander
    assert at.sidebar.header[0].value == "Nội dung bản đồ"
    script = json.loads(first)["script"]
    assert "setComponentValue" in script and '"map_drawn": true' in script  # the map asks for the rest
    at.run()  # the rerun the drawn map asks for
    assert at.sidebar.selectbox(key="view_kind").value == "admin" and at.sidebar.radio(key="source_2026-2030")
    # nothing stored: the page opens on 2026-2030 (the 65 units) and says so in its address
    assert len(at.dataframe) == 1 and len(at.dataframe[0].value) == 65
    assert at.sidebar.radio(key="period").value == "2026-2030" and at.query_params["period"] == "2026-2030"
    assert at.get("component_instance")[0].proto.json_args == first  # the map is not redrawn by it


def test_export_section_is_built_only_when_open(app):
    assert not app.get("download_button")
    app.session_state["export_open"] = True  # what the browser reports when a user opens it
    app.run()
    assert len(app.get("download_button")) == 5  # PNG, PDF, HTML, Excel, GeoPackage


def test_missing_data_gives_a_vietnamese_error(tmp_path, monkeypatch):
    monkeypatch.setenv("LANGSON_GEODATA_DIR", str(tmp_path))
    monkeypatch.setattr("geo.datadir.REPO_ROOT", tmp_path / "nowhere")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    assert at.error and "Không tìm thấy thư mục dữ liệu" in at.error[0].value


def test_two_sessions_do_not_share_choices_or_map(app):
    """The rendered map is shared between sessions by what it shows, never by who asked: a second
    visitor opening the page while the first has filtered a district sees the whole province."""
    app.sidebar.multiselect(key="districts_2021-2025").select("Huyện Đình Lập").run()
    assert len(chosen_codes(map_args(app))) == 12
    second = open_map_page()
    assert chosen_codes(map_args(second)) == set()
    assert second.sidebar.multiselect(key="districts_2021-2025").value == []
    app.run()  # the first session is unchanged by the second
    assert len(chosen_codes(map_args(app))) == 12


def test_a_long_table_shows_its_first_rows_and_says_how_many_there_are(shared_dir, monkeypatch, tmp_path):
    """At national scale the table under the map holds 10,000 rows: the page shows the first ones and says so
    (the Excel export has all of them). Lạng Sơn's 200 communes are shown whole, with nothing said."""
    monkeypatch.setenv("LANGSON_GEODATA_DIR", str(shared_dir))
    monkeypatch.setenv("LANGSON_DATA_DIR", str(tmp_path / "var"))
    whole = open_map_page()
    assert len(whole.dataframe[0].value) == 200 and not any("dòng đầu" in c.value for c in whole.caption)
    monkeypatch.setattr("layers.tables.PAGE_TABLE_ROWS", 20)
    cut = open_map_page()
    assert len(cut.dataframe[0].value) == 20
    assert any("Bảng hiển thị 20 dòng đầu trong 200 dòng" in c.value for c in cut.caption)

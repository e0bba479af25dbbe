"""AppTest of both pages on fixture files: import, refuse, roll back, and every map view."""

import json
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geo.demo import store_demo
from geo.store import Store
from tests.apptest import run, signed_in_import_page
from tests.conftest import EDITOR, ROOT, map_args, open_map_page, top_codes


def categories_csv(commune_list, category="III", broken_name=None):
    """A tidy categories file for the 199 area communes. The categories are test values, not real ones."""
    rows = commune_list[commune_list.commune != "Xã Yên Thịnh"]
    frame = pd.DataFrame({"Mã xã": rows.gso_code, "Huyện": rows.district, "Xã": rows.commune,
                          "Khu vực": category})
    if broken_name:
        frame = pd.concat([frame, pd.DataFrame([{"Mã xã": "", "Huyện": "Huyện Cao Lộc", "Xã": broken_name,
                                                  "Khu vực": "III"}])])
    return frame.to_csv(index=False).encode("utf-8")


def upload(at, name, content):
    at.file_uploader[0].set_value((name, content, "text/csv"))
    return run(at)


def import_page_of(period):
    """The import page with its "Giai đoạn" set to `period` (with an empty store it opens on 2026-2030)."""
    at = signed_in_import_page()
    at.radio(key="import_period").set_value(period)
    return run(at)


def test_file_with_errors_is_reported_and_not_stored(env, commune_list):
    at = import_page_of("2021-2025")
    at = upload(at, "khu_vuc_loi.csv", categories_csv(commune_list, broken_name="Xã Không Có"))
    assert at.error and "CHƯA được nhập" in at.error[0].value
    problems = at.dataframe[1].value if len(at.dataframe) > 1 else at.dataframe[0].value
    assert problems.astype(str).apply(lambda c: c.str.contains("Xã Không Có")).any().any()
    assert "confirm_import" not in [b.key for b in at.button]
    assert Store.default(env).history().empty


def confirm_import(at):
    """Acknowledge the second confirmation (these test files are far from the official totals), then confirm."""
    second = [c for c in at.checkbox if c.key and c.key.startswith("second_confirm_")]
    assert second, "a file of 199 communes all in one category needs the second confirmation"
    assert at.button(key="confirm_import").disabled
    at = run(second[0].check())
    return run(at.button(key="confirm_import").click())


def test_import_needs_second_confirmation_and_confirms_once(env, commune_list):
    at = import_page_of("2021-2025")
    at = upload(at, "khu_vuc_1.csv", categories_csv(commune_list, "III"))
    assert any("Chưa có dữ liệu: nhập mới khu vực của 199 xã" in t.value for t in at.text)
    changes = [list(d.value.columns) for d in at.dataframe]  # the per-commune changes, Vietnamese headers
    assert ["Huyện", "Xã", "Khu vực trước", "Khu vực sau", "Thay đổi"] in changes
    at = confirm_import(at)
    assert at.success and "phiên bản 1" in at.success[0].value
    # the next run compares with what is now stored: nothing new, no button, no second version
    assert "confirm_import" not in [b.key for b in at.button]
    assert len(Store.default(env).history()) == 1
    at = upload(at, "khu_vuc_2.csv", categories_csv(commune_list, "I"))
    assert any("đổi khu vực 199 xã" in t.value for t in at.text)
    confirm_import(at)
    store = Store.default(env)
    assert set(store.current("categories", "imported")["area_category"]) == {"I"}
    assert len(store.history()) == 2


def test_demo_button_stores_demo_apart(env):
    at = signed_in_import_page()
    run(at.button(key="make_demo").click())
    store = Store.default(env)
    assert store.current("categories", "demo") is not None
    assert store.current("categories", "imported") is None


def units_csv(shared_dir):
    """The 65 units of the crosswalk (CV 1027 codes) with categories; the categories are test values (the
    2026-2030 lists are not public)."""
    crosswalk = pd.read_csv(shared_dir / "langson_merger_2025.csv", dtype=str).drop_duplicates("new_code")
    frame = pd.DataFrame({"Mã xã": crosswalk.new_code, "Xã, phường": crosswalk.new_commune, "Khu vực": "II"})
    return frame.to_csv(index=False).encode("utf-8")


def test_a_2026_categories_file_is_imported_under_its_period(env, shared_dir, commune_list):
    at = signed_in_import_page()
    period = at.radio(key="import_period")
    assert period.options[0].startswith("2026-2030") and period.value == "2026-2030"  # first, and the default
    assert any("65 xã, phường" in m.value for m in at.markdown)  # the templates of this period
    # an old list given for 2026-2030: one error naming its period; choosing that period checks it again
    at = upload(at, "khu_vuc_2021.csv", categories_csv(commune_list))
    (problems,) = [d.value for d in at.dataframe if "Nội dung" in d.value.columns]
    assert len(problems) == 1 and "giai đoạn 2021-2025" in problems["Nội dung"][0]
    (said,) = [e.value.replace("\\", "") for e in at.error]  # said above the table, not "fix the rows"
    assert "Hãy sửa các dòng" not in said and "Hãy chọn giai đoạn «2021-2025» ở đầu trang" in said
    at.radio(key="import_period").set_value("2021-2025")
    at = run(at)
    assert "confirm_import" in [b.key for b in at.button]
    at.radio(key="import_period").set_value("2026-2030")
    at = upload(run(at), "khu_vuc_2026.csv", units_csv(shared_dir))
    assert any("Chưa có dữ liệu: nhập mới khu vực của 65 xã, phường." in t.value for t in at.text)
    at = run(at.button(key="confirm_import").click())
    assert "phiên bản 1" in at.success[0].value and "2026-2030" in at.success[0].value
    store = Store.default(env)
    assert len(store.current("categories", "imported", "2026-2030")) == 65
    assert store.current("categories", "imported", "2021-2025") is None
    (history,) = [d.value for d in at.dataframe if "Phiên bản đang dùng" in d.value.columns]
    assert history["Giai đoạn"].tolist() == ["2026-2030"]


def test_template_buttons_have_short_labels_in_a_row_that_wraps(env):
    """Four buttons of a quarter of the column each cut "Khu vực của xã, phường (NĐ 27…": the labels stay
    short, the full name is in the help, and the row wraps on a narrow window instead of cutting words."""
    at = signed_in_import_page()
    buttons = at.get("download_button")
    assert len(buttons) == 4 and all(len(b.proto.label) <= 26 for b in buttons)
    assert "Khu vực của xã, phường (NĐ 272/2025/NĐ-CP)" in buttons[0].proto.help
    assert "mau_khu_vuc_2026-2030.xlsx" in buttons[0].proto.help

    def holder(node):
        for child in getattr(node, "children", {}).values():
            if any(getattr(c, "type", None) == "download_button" for c in getattr(child, "children", {}).values()):
                return child
            found = holder(child)
            if found is not None:
                return found

    row = holder(at.main).proto.flex_container
    assert row.direction == row.Direction.HORIZONTAL and row.wrap


def test_an_untouched_template_says_how_many_units_wait_for_a_category(env, reference_2026):
    """The template downloaded from the page, uploaded as is: the red box says what to fill, not "fix the rows"."""
    from geo.templates import template_for

    at = upload(signed_in_import_page(), "mau_khu_vuc_2026-2030.xlsx", template_for("categories", reference_2026))
    (said,) = [e.value.replace("\\", "") for e in at.error]
    assert "tệp có 65 dòng ghi xã, phường nhưng cột «Khu vực (I, II, III)» chưa điền khu vực nào" in said
    assert "Hãy sửa các dòng" not in said and "không có dòng dữ liệu" not in said


@pytest.fixture
def demo_app(env, shared_dir):
    store_demo(Store.default(env), by=EDITOR)
    return open_map_page()


def test_first_run_map_starts_on_the_demo_data_like_the_sidebar(env):
    """With only demo data stored the sidebar starts on it, and so must the map drawn before the sidebar."""
    store_demo(Store.default(env), by=EDITOR)
    at = run(AppTest.from_file(str(ROOT / "app.py"), default_timeout=120))
    first = at.get("component_instance")[0].proto.json_args
    run(at)
    assert next(r for r in at.sidebar.radio if r.key.startswith("source_")).value == "demo"
    assert at.get("component_instance")[0].proto.json_args == first


def choose_view(at, kind):
    at.sidebar.selectbox(key="view_kind").set_value(kind)
    return run(at)


def test_category_view_with_counts_and_illustrative_label(demo_app):
    at = choose_view(demo_app, "category")
    assert at.warning and "Dữ liệu minh họa" in at.warning[0].value
    script = map_args(at)["script"]
    for label in ("Khu vực III: 88 xã (NQ: 88)", "Khu vực II: 8 xã (NQ: 8)", "Khu vực I: 103 xã (NQ: 103)"):
        assert json.dumps(label)[1:-1] in script
    assert "illustrative-banner" in script


def test_indicator_view_legend_has_limits_and_units(demo_app):
    at = choose_view(demo_app, "indicator")
    at.sidebar.selectbox(key="indicator").set_value("electricity_households")
    at.sidebar.selectbox(key="method").set_value("quantiles")
    at = run(at)
    script = map_args(at)["script"]
    assert script.count("legend-box") >= 5
    dash = re.escape(json.dumps("–")[1:-1])  # the legend's markup is in the script as JSON
    assert re.search(rf"\d,\d {dash} \d+,\d%", script)  # "93,6 – 95,6%": decimal comma, "%" without a space
    table = at.dataframe[0].value
    assert "Giá trị (%)" in table.columns
    values = table["Giá trị (%)"].dropna()
    assert values.is_monotonic_increasing  # worst first


def test_classes_at_the_targets_are_not_offered_for_an_indicator_without_a_target(demo_app):
    """Picking "at the targets" then an indicator the Resolution gives no level for (the poverty rate) drew an
    error; the choice now falls back to the first way of classing, and the map is drawn."""
    at = choose_view(demo_app, "indicator")
    at.sidebar.selectbox(key="indicator").set_value("electricity_households")
    at = run(at)
    at.sidebar.selectbox(key="method").set_value("targets")
    at = run(at)
    assert at.sidebar.selectbox(key="method").value == "targets"
    at.sidebar.selectbox(key="indicator").set_value("poor_household_rate")
    at = run(at)
    assert not at.exception
    import texts
    method = at.sidebar.selectbox(key="method")
    assert method.value == "natural_breaks" and texts.METHOD_NAMES["targets"] not in method.options
    assert "legend-box" in map_args(at)["script"]


def test_gap_view_sorted_by_largest_gap(demo_app):
    at = choose_view(demo_app, "gap")
    at.sidebar.selectbox(key="indicator").set_value("cultural_house_standard")
    at = run(at)
    gaps = at.dataframe[0].value["Còn thiếu so với mục tiêu"].dropna()
    assert gaps.is_monotonic_decreasing and gaps.iloc[0] > 0


def test_priority_weights_change_the_ranking_and_the_map(demo_app):
    at = choose_view(demo_app, "priority")
    table = at.dataframe[0].value
    assert table["Hạng"].is_monotonic_increasing
    top_before = table.iloc[0]["Mã GSO"]
    before = map_args(at)["feature_group"]
    for key in ("w_category", "w_villages", "w_gaps"):
        at.sidebar.select_slider(key=key).set_value(0.0)
    at.sidebar.select_slider(key="w_border").set_value(5.0)
    at = run(at)
    table = at.dataframe[0].value
    assert (table.iloc[0]["Biên giới"] == "Có")
    assert map_args(at)["feature_group"] != before
    assert len(top_codes(map_args(at))) == 10
    assert table.iloc[0]["Mã GSO"] != top_before or table.iloc[0]["Biên giới"] == "Có"


def test_filters_category_and_score_range(demo_app):
    at = choose_view(demo_app, "priority")
    at.sidebar.multiselect(key="categories").set_value(["II"])
    at = run(at)
    assert len(at.dataframe[0].value) == 8
    at.sidebar.multiselect(key="categories").set_value([])
    at.sidebar.select_slider(key="score_range").set_value((50.0, 100.0))
    at = run(at)
    assert (at.dataframe[0].value["Điểm ưu tiên"] >= 50).all()


def test_border_gaps_table(demo_app):
    at = run(demo_app.toggle(key="show_border_gaps").set_value(True))
    table = at.dataframe[-1].value
    assert len(table) == 21 and "Mục tiêu chưa đạt (giá trị / mục tiêu)" in table.columns
    assert table["Số mục tiêu chưa đạt"].is_monotonic_decreasing


def test_imported_source_without_data_says_so(env):
    at = choose_view(open_map_page(), "category")
    assert any("Chưa có dữ liệu phân định" in i.value for i in at.info)


@pytest.mark.parametrize("kind", ["category", "indicator", "gap", "priority"])
def test_every_view_survives_a_district_filter(demo_app, kind):
    at = choose_view(demo_app, kind)
    at.sidebar.multiselect(key="districts_2021-2025").set_value(["Huyện Đình Lập"])
    at = run(at)
    assert len(at.dataframe[0].value) == 12


def test_village_sheet_with_a_commune_only_column_and_vietnamese_check_tables(env, commune_list):
    """A village sheet whose "Tỷ lệ hộ nghèo" column is a commune-only indicator: the mapping step offers
    the village indicators (no crash), and the report's tables have Vietnamese headers and no "None"."""
    at = import_page_of("2021-2025")
    at.selectbox(key="import_kind").set_value("indicators_village")
    at = run(at)
    code = commune_list.gso_code.iloc[1]
    rows = f"Mã xã,Thôn,Tỷ lệ hộ nghèo (%),Thôn có nhà văn hóa đạt chuẩn\n{code},Thôn Thử,12,1\n"
    at = upload(at, "thon.csv", rows.encode("utf-8"))
    mapping = [s for s in at.selectbox if s.label.startswith("Chỉ tiêu của cột")]
    assert [s.value for s in mapping] == ["__undecided__", "cultural_house_standard"]
    shown = pd.concat([d.value.astype(str) for d in at.dataframe], axis=1)
    headers = " ".join(str(c) for d in at.dataframe for c in d.value.columns)
    assert "None" not in shown.to_string() and "nan" not in shown.to_string()
    for internal in ("gso_code", "indicator", "village_key", "unit"):
        assert internal not in headers


def test_a_file_is_read_once_across_reruns(env, commune_list, monkeypatch):
    """Ticking the second confirmation and confirming rerun the page; the 20 MB a file may have is read once."""
    import ui.import_upload as upload_section

    calls = []
    real = upload_section.import_file
    monkeypatch.setattr(upload_section, "import_file", lambda *a, **k: calls.append(a[2]) or real(*a, **k))
    at = import_page_of("2021-2025")
    at = upload(at, "khu_vuc_mot_lan.csv", categories_csv(commune_list, "II"))
    confirm_import(at)
    assert calls == ["khu_vuc_mot_lan.csv"]

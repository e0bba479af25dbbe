"""The map page and its link (issue 13): a link opens its view, changes are written back, a bad parameter is
named, choices survive a visit to another page, and the demo source says how to make it."""

from __future__ import annotations

import pytest

from geo.demo import store_demo
from geo.store import Store
from tests.apptest import run
from tests.conftest import EDITOR, chosen_codes, map_args, open_map_page


@pytest.fixture
def demo(env):
    store_demo(Store.default(env), by=EDITOR)
    return env


def test_a_link_opens_its_view_in_the_widgets_and_the_map(demo):
    at = open_map_page(source="demo", view="priority", weights="category:5,villages:0,gaps:1,border:2.5",
                       ticked=["electricity_households"], top="5", categories=["III"], q="gia mien",
                       villages="0", labels="large")
    side = at.sidebar
    assert side.selectbox(key="view_kind").value == "priority"
    assert [side.select_slider(key=f"w_{c}").value for c in ("category", "villages", "gaps", "border")] \
        == [5.0, 0.0, 1.0, 2.5]
    assert side.multiselect(key="ticked_2021-2025").value == ["electricity_households"]
    assert side.number_input(key="top_n").value == 5 and side.multiselect(key="categories").value == ["III"]
    assert side.text_input(key="q").value == "gia mien"
    assert not side.toggle(key="show_villages").value and side.toggle(key="large_labels").value
    assert "Tìm «gia mien»: Xã Gia Miễn — Văn Lãng" in at.caption[0].value.replace("\\", "")  # shown as plain text
    assert "06160" in chosen_codes(map_args(at))
    assert at.query_params["q"] == "gia mien" and at.query_params["top"] == "5"


def test_the_first_run_draws_the_linked_view(demo):
    """The map of the first run (before the sidebar exists) is the map of the link, so it is not redrawn."""
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update(period="2021-2025", source="demo", view="category", categories="III")
    first = map_args(run(at))
    assert map_args(run(at)) == first
    assert "Khu vực III" in at.caption[0].value


def test_a_link_naming_a_view_without_its_indicator_opens_it_on_the_first_run(demo):
    """The first run draws the link's view before the sidebar exists: an indicator view without an indicator
    showed a traceback (KeyError: None)."""
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT
    for view in ("indicator", "gap", "priority"):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.query_params.update(period="2021-2025", source="demo", view=view)
        first = map_args(run(at))
        assert map_args(run(at)) == first  # and the sidebar then holds the same view


def test_changes_are_written_to_the_link(demo):
    at = open_map_page(source="demo")
    at.sidebar.selectbox(key="view_kind").set_value("category")
    at.sidebar.multiselect(key="districts_2021-2025").set_value(["Huyện Văn Lãng"])
    run(at)
    assert at.query_params["view"] == "category" and at.query_params["districts"] == "Huyện Văn Lãng"
    at.sidebar.checkbox(key="border_only").check()
    run(at)
    assert at.query_params["border"] == "either"


def test_a_bad_parameter_is_named_in_vietnamese_and_the_rest_is_used(demo):
    at = open_map_page(source="demo", view="category", k="99", zoom="12")
    assert at.sidebar.selectbox(key="view_kind").value == "category"
    note = next(c.value for c in at.caption if "bỏ qua" in c.value)
    assert "zoom" in note and "Liên kết có tham số không dùng được" in note


def test_choices_survive_a_visit_to_the_import_page(demo):
    """Issue 13, defect 4: coming back from "Nhập dữ liệu" kept nothing (the view reset to "Hành chính")."""
    at = open_map_page(source="demo")
    at.sidebar.selectbox(key="view_kind").set_value("category")
    at.sidebar.multiselect(key="districts_2021-2025").set_value(["Huyện Văn Lãng"])
    run(at)
    at.switch_page("ui/import_page.py")
    run(at)
    at.query_params.clear()  # what the browser's address holds after the page switch, at worst
    at.switch_page("ui/map_page.py")
    run(at)
    assert at.sidebar.selectbox(key="view_kind").value == "category"
    assert at.sidebar.multiselect(key="districts_2021-2025").value == ["Huyện Văn Lãng"]


def test_choosing_the_demo_before_it_exists_says_how_to_make_it(env):
    """Issue 13, defect 8: a grey map and "0 xã" said nothing."""
    at = open_map_page(source="demo", view="category")
    assert any("Tạo dữ liệu minh họa" in w.value for w in at.warning)


def test_a_link_gives_the_same_table_and_map_as_the_same_choices_made_by_hand(demo):
    linked = open_map_page(source="demo", view="gap", indicator="hygienic_water_rural", year="2030",
                           districts=["Huyện Cao Lộc"])
    by_hand = open_map_page(source="demo")
    by_hand.sidebar.selectbox(key="view_kind").set_value("gap")
    run(by_hand)
    by_hand.sidebar.radio(key="year_2021-2025").set_value(2030)
    run(by_hand)
    by_hand.sidebar.selectbox(key="indicator").set_value("hygienic_water_rural")
    by_hand.sidebar.multiselect(key="districts_2021-2025").set_value(["Huyện Cao Lộc"])
    run(by_hand)
    assert linked.dataframe[0].value.equals(by_hand.dataframe[0].value)
    assert map_args(linked) == map_args(by_hand)
    assert linked.query_params == by_hand.query_params


def test_the_priority_view_chosen_by_hand_starts_with_three_indicators_ticked(demo):
    """Review: opening the page wrote "no indicator ticked" into the priority view's widget."""
    at = open_map_page(source="demo")
    at.sidebar.selectbox(key="view_kind").set_value("priority")
    run(at)
    assert len(at.sidebar.multiselect(key="ticked_2021-2025").value) == 3
    assert len(at.query_params["ticked"]) == 3


def test_switching_period_keeps_to_the_data_there_is(demo):
    """Review: with only the demo stored, switching period fell back to the (empty) imported data."""
    at = open_map_page()  # the demo is the only data: the sidebar starts on it
    at.sidebar.radio(key="period").set_value("2026-2030")
    run(at)
    assert at.sidebar.radio(key="source_2026-2030").value == "demo"


def test_the_note_on_a_bad_link_is_plain_text_and_goes_when_the_view_changes(demo):
    at = open_map_page(source="demo", **{"**bold**": "1"})
    note = next(c.value for c in at.caption if "bỏ qua" in c.value)
    assert "\\*\\*bold\\*\\*" in note  # markdown shown literally
    at.sidebar.selectbox(key="view_kind").set_value("category")
    run(at)
    assert not [c for c in at.caption if "bỏ qua" in c.value]

"""The map page as a pure function of the choices: selection, notices, tables, and the key its map is shared under."""

import re

import pandas as pd
import pytest

from geo.programme import Programme, commune_table
from geo.vocabulary import IMPORTED
from layers.page import Choices, map_page
from layers.prepared import prepare
from layers.style import CLICKED_ROW
from layers.tables import display_table
from layers.thematic import ViewOptions
from ui.map_click import highlight_row


@pytest.fixture(scope="module")
def data(map_data_2021):
    return map_data_2021


@pytest.fixture(scope="module")
def demo(demo_programme):
    return demo_programme


def page(data, programme, **choices):
    return map_page(Choices(**{"source": programme.source, **choices}), data, programme,
                    commune_table(data.communes, programme))


def test_a_district_filter_selects_its_communes_and_says_so(data, demo):
    model = page(data, demo, districts=("Huyện Đình Lập",))
    assert len(model.selected) == 12
    assert "Đình Lập" in model.subtitle and "Đang chọn 12/200 xã" in model.caption


def test_demo_data_is_illustrative_in_every_view(data, demo):
    """Issue 13 walk: the administrative map of the demo showed demo badges and a table of demo categories
    with no "Dữ liệu minh họa" on screen or on its exports."""
    category = page(data, demo, options=ViewOptions(kind="category"))
    assert category.built.view.illustrative and ("warning", category.notices[0][1]) == category.notices[0]
    for admin in (page(data, demo), page(data, demo, show_villages=False)):
        assert admin.built.view.illustrative and admin.notices[0][0] == "warning"
        assert "Dữ liệu minh họa" in admin.caption


def test_nothing_selected_is_said(data, demo):
    model = page(data, demo, border_only=True, districts=("Huyện Hữu Lũng",))  # Hữu Lũng is inland
    assert model.selected == () and any("info" == level for level, _ in model.notices)


def test_the_map_key_changes_with_what_the_map_shows_and_only_with_it(data, demo):
    base = page(data, demo)
    assert page(data, demo).map_key == base.map_key
    for changed in (dict(osm=True), dict(large_labels=True), dict(districts=("Huyện Đình Lập",)),
                    dict(options=ViewOptions(kind="category")), dict(show_villages=False)):
        assert page(data, demo, **changed).map_key != base.map_key, changed
    empty = Programme(source=IMPORTED, categories=demo.categories.iloc[0:0], villages=demo.villages.iloc[0:0],
                      commune_indicators=demo.commune_indicators.iloc[0:0],
                      village_indicators=demo.village_indicators.iloc[0:0])
    # without villages the village switch draws nothing different
    assert page(data, empty, show_villages=False).map_key[2:] == page(data, empty).map_key[2:]


def test_tables_keep_column_ids_and_show_vietnamese_headers(data, demo):
    category = page(data, demo, options=ViewOptions(kind="category")).built
    assert list(category.table.columns) == ["code", "commune", "district", "category", "border", "villages",
                                            "counterpart"]
    assert list(display_table(category.table, category.headers).columns) == [
        "Mã GSO", "Xã", "Huyện", "Khu vực", "Biên giới", "Số thôn ĐBKK", "Xã mới (2025)"]
    priority = page(data, demo, options=ViewOptions(kind="priority")).built
    assert priority.table.columns[0] == "rank" and priority.table["rank"].is_monotonic_increasing
    shown = display_table(priority.table, priority.headers)
    assert shown.columns[0] == "Hạng" and "Theo biên giới" in shown.columns and "border_points" not in shown.columns
    gap = page(data, demo, options=ViewOptions(kind="gap", indicator_id="electricity_households", year=2030)).built
    assert list(gap.table.columns[-4:]) == ["value", "target", "gap", "met"]
    assert list(display_table(gap.table, gap.headers).columns[-4:]) == [
        "Giá trị (%)", "Mục tiêu 2030", "Còn thiếu so với mục tiêu", "Đạt mục tiêu"]


def test_a_column_without_a_header_is_never_shown_as_its_id():
    with pytest.raises(KeyError):
        display_table(pd.DataFrame({"code": ["20044"], "unheard_of": [1]}))


def test_the_clicked_commune_row_is_marked_by_its_code(data, demo):
    built = page(data, demo, options=ViewOptions(kind="priority")).built
    code = built.table["code"].iloc[3]
    styled = highlight_row(built.table, code, built.headers)
    assert styled.data.columns[0] == "Hạng" and styled.data.equals(display_table(built.table, built.headers))
    marked = re.findall(r"_(row\d+)_col(\d+)", styled.to_html().split(CLICKED_ROW)[0].split("<style")[1])
    assert {row for row, _ in marked} == {"row3"} and len(marked) == len(built.table.columns)  # the whole row
    # nothing clicked: nothing marked, the numbers still written the Vietnamese way (a Styler, defect 6)
    plain = highlight_row(built.table, None, built.headers)
    assert plain.data.equals(display_table(built.table, built.headers)) and CLICKED_ROW not in plain.to_html()


@pytest.fixture(scope="module")
def data_2026(shared_dir):
    return prepare({"LANGSON_GEODATA_DIR": str(shared_dir)}, period="2026-2030")


def test_each_period_names_itself_and_its_legal_basis(data, data_2026):
    """Issue 12: title, legend and source line of every view (and so of every export) name the period and
    its legal basis; the 2021 official totals (88/8/103) are never set beside 2026-2030 counts."""
    codes = data_2026.communes["gso_code"]
    categories = pd.DataFrame({"gso_code": codes, "area_category": ["III"] * 30 + ["II"] * 5 + ["I"] * 30})
    empty = pd.DataFrame(columns=["gso_code", "village"])
    lists_2026 = Programme(source=IMPORTED, categories=categories, villages=empty,
                           commune_indicators=pd.DataFrame(columns=["gso_code", "indicator", "value"]),
                           village_indicators=pd.DataFrame(columns=["gso_code", "village", "indicator", "value"]))
    new = page(data_2026, lists_2026, options=ViewOptions(kind="category")).built.view
    assert "2026-2030" in new.title and "NĐ 272/2025/NĐ-CP" in new.title
    assert "Khu vực III: 30 xã" in [entry.label for entry in new.legend]  # test values, not the real list
    assert not any("NQ:" in entry.label for entry in new.legend)
    assert new.sources[0].startswith("Giai đoạn 2026-2030: NĐ 272/2025/NĐ-CP")
    old = page(data, lists_2026, options=ViewOptions(kind="category")).built.view
    assert "QĐ 861/QĐ-TTg" in old.title and any("(NQ: 88)" in entry.label for entry in old.legend)
    assert old.sources[0].startswith("Giai đoạn 2021-2025: QĐ 861/QĐ-TTg")


def test_border_gaps_use_the_period_targets_unless_the_gap_view_chose_a_year(data, data_2026, demo):
    assert page(data, demo).target_year == 2025
    assert page(data_2026, demo).target_year == 2030
    assert page(data, demo, options=ViewOptions(kind="gap", indicator_id="electricity_households",
                                                year=2030)).target_year == 2030


def test_titles_and_subtitles_name_the_period(data, data_2026, demo):
    assert page(data, demo, options=ViewOptions(kind="priority")).built.view.title.endswith("— giai đoạn 2021-2025")
    grouped = page(data_2026, demo, districts=("Huyện Đình Lập",))
    assert grouped.subtitle == "Huyện cũ: Đình Lập" and "xã, phường" in grouped.caption
    assert page(data, demo, districts=("Huyện Đình Lập",)).subtitle == "Huyện: Đình Lập"


def test_every_filter_is_said_in_the_description(data, demo):
    """Issue 13, defect 1: with "Khu vực III" chosen, the caption (and so the print subtitle, the PDF
    metadata and the Excel "Nguồn" sheet, which all read the subtitle) must not say only "Toàn tỉnh"."""
    model = page(data, demo, options=ViewOptions(kind="category"), categories=("III",))
    assert model.subtitle == "Toàn tỉnh · Khu vực III"
    assert "Khu vực III" in model.caption and model.built.view.subtitle == model.subtitle
    ranked = page(data, demo, options=ViewOptions(kind="priority"), score_range=(40.0, 100.0), border_only=True)
    # scores are written with one decimal (defect 6)
    assert "điểm ưu tiên 40,0–100,0" in ranked.subtitle and "chỉ xã biên giới" in ranked.subtitle
    assert "điểm ưu tiên" not in page(data, demo, options=ViewOptions(kind="priority"),
                                      score_range=(0.0, 100.0)).subtitle  # the full range filters nothing


def test_a_search_is_said_with_what_it_found(data, demo):
    """Issue 13, defect 5: the search in words: what was typed and the communes found, or "không tìm thấy"."""
    found = page(data, demo, query="gia mien")
    assert found.selected == ("06160",) and found.subtitle == "Tìm «gia mien»: Xã Gia Miễn — Văn Lãng"
    many = page(data, demo, query="tan")
    assert many.subtitle.endswith(f"và {len(many.selected) - 3} nơi khác") and many.subtitle.count("—") == 3
    missing = page(data, demo, query="gia mienx")
    assert missing.selected == () and missing.subtitle == "Tìm «gia mienx»: không tìm thấy"
    assert any("Không tìm thấy" in text for _, text in missing.notices)


def test_the_top_n_is_the_province_ranking_and_a_filter_only_hides(data, demo):
    """Issue 13, defect 3: searching the commune ranked 165th must not outline it as "first to invest"."""
    options = ViewOptions(kind="priority", ticked=("electricity_households",), top_n=10)
    whole = page(data, demo, options=options)
    scores = whole.built.scores.sort_values("rank")
    assert whole.built.top == tuple(scores.index[:10])
    far_down = scores.index[164]
    assert page(data, demo, options=options, query=far_down).built.top == ()
    first = scores.index[0]
    assert page(data, demo, options=options, query=first).built.top == (first,)

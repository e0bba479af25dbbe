"""Compare the periods (issue 12, point 6): the tables of what changed, the two synchronised maps as one
offline page, and the page itself.

Codes and names come from ../shared/geodata/langson_merger_2025.csv read by hand. Every category and
village name below is a TEST VALUE written for these tests: the 2021-2025 categories (QĐ 861/QĐ-TTg) and
villages (QĐ 612/QĐ-UBDT) are not public, and the 2026-2030 ones are the province's to import.
"""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import texts
from geo.crosswalk import read_crosswalk
from geo.demo import store_demo
from geo.programme import commune_table, load_programme
from geo.store import Store
from geo.vocabulary import PERIOD_2021, PERIOD_2026
from layers import compare
from layers.export.offline_html import inline_assets
from layers.prepared import prepare
from layers.thematic import CATEGORY_COLOURS
from layers.web.compare import Side, compare_page
from tests.apptest import run
from tests.conftest import EDITOR, ROOT
from tests.test_export_html import CDN_HOSTS, HARMLESS_URLS

OLD, NEW = PERIOD_2021.key, PERIOD_2026.key
# New units (code: name) of the crosswalk used here, and their old communes (2021 code: name).
UNITS = {"05983": "Phường Lương Văn Tri", "05986": "Phường Tam Thanh", "06004": "Xã Quốc Khánh",
         "06040": "Xã Thất Khê", "06613": "Xã Đình Lập", "06625": "Xã Kiên Mộc"}
OLD_NAMES = {"05983": "Phường Chi Lăng", "05989": "Xã Quảng Lạc", "05974": "Phường Tam Thanh",
             "05986": "Xã Hoàng Đồng", "06004": "Xã Quốc Khánh", "06016": "Xã Tri Phương", "06025": "Xã Đội Cấn",
             "06040": "Xã Đại Đồng", "06013": "Xã Chí Minh", "06034": "Xã Chi Lăng", "05995": "Thị trấn Thất Khê",
             "06613": "Thị trấn Đình Lập", "06622": "Xã Bính Xá", "06628": "Xã Đình Lập", "06619": "Xã Bắc Xa",
             "06625": "Xã Kiên Mộc"}
# TEST VALUES. Old: Quảng Lạc II, Hoàng Đồng III, Bính Xá and Kiên Mộc III (both split), the rest I.
OLD_CATEGORIES = {**{code: "I" for code in OLD_NAMES}, "05989": "II", "05986": "III", "06622": "III", "06625": "III"}
# TEST VALUES. New: Lương Văn Tri III (its old communes were I and II), Tam Thanh I (Hoàng Đồng was III),
# Đình Lập II (part of Bính Xá was III), Kiên Mộc III (Bính Xá, Kiên Mộc were III), Thất Khê III under the
# code 06040 that was Đại Đồng's (I), Quốc Khánh I.
NEW_CATEGORIES = {"05983": "III", "05986": "I", "06004": "I", "06040": "III", "06613": "II", "06625": "III"}


def table(categories: dict[str, str | None], names: dict[str, str]) -> pd.DataFrame:
    """A period table as state.table gives it, reduced to what the comparison reads."""
    return pd.DataFrame({"gso_code": list(names), "commune": list(names.values()),
                         "area_category": [categories.get(code) for code in names],
                         "in_area": True, "n_villages": 0, "village_names": ""})


@pytest.fixture(scope="module")
def links(province):
    crosswalk = read_crosswalk(province.files["crosswalk"])
    return crosswalk[crosswalk["new_code"].isin(UNITS)]


@pytest.fixture(scope="module")
def changes(links):
    return compare.category_changes(links, table(OLD_CATEGORIES, OLD_NAMES), table(NEW_CATEGORIES, UNITS))


def row(frame: pd.DataFrame, code: str) -> pd.Series:
    rows = frame[frame["new_code"] == code]
    assert len(rows) == 1, code
    return rows.iloc[0]


def test_the_crosswalk_rows_used_here_are_the_units_named(links):
    assert dict(zip(links["new_code"], links["new_commune"])) == UNITS
    assert set(links["old_gso_code_2021"]) == set(OLD_NAMES)


def test_a_unit_none_of_whose_old_communes_was_kv3_entered(changes):
    unit = row(changes, "05983")
    assert unit["change"] == compare.ENTERED and unit["category_2026"] == "KV III"
    assert unit["old_categories"] == "Phường Chi Lăng: KV I; Xã Quảng Lạc: KV II"
    assert unit["left_communes"] == ""


def test_an_old_kv3_commune_whose_unit_is_not_kv3_left(changes):
    unit = row(changes, "05986")
    assert unit["change"] == compare.LEFT and unit["category_2026"] == "KV I"
    assert unit["left_communes"] == "Xã Hoàng Đồng"
    assert "Xã Hoàng Đồng: KV III" in unit["old_categories"]


def test_a_split_commune_counts_in_both_of_its_units(changes):
    # Bính Xá (KV III) went in part to Đình Lập (now II) and in part to Kiên Mộc (now III).
    dinh_lap, kien_moc = row(changes, "06613"), row(changes, "06625")
    assert dinh_lap["change"] == compare.LEFT
    assert dinh_lap["left_communes"] == "Xã Bính Xá (một phần)"
    assert "Xã Bính Xá (một phần): KV III" in dinh_lap["old_categories"]
    assert kien_moc["change"] == compare.STAYED and kien_moc["left_communes"] == ""
    assert "Xã Kiên Mộc (một phần): KV III" in kien_moc["old_categories"]


def test_a_reused_code_is_read_in_its_own_period(changes):
    # 06040 was Đại Đồng (test value I) and is Thất Khê (test value III): Thất Khê entered KV III.
    that_khe, quoc_khanh = row(changes, "06040"), row(changes, "06004")
    assert that_khe["new_commune"] == "Xã Thất Khê" and that_khe["change"] == compare.ENTERED
    assert "Xã Đại Đồng (một phần): KV I" in that_khe["old_categories"]
    assert quoc_khanh["change"] == compare.OUTSIDE


def test_only_changes_and_the_summary(changes):
    assert set(compare.only_changes(changes)["new_code"]) == {"05983", "05986", "06040", "06613"}
    # 2 entered (Lương Văn Tri, Thất Khê), 2 with a commune leaving (Hoàng Đồng, Bính Xá), 1 stayed.
    assert compare.changes_summary(changes) == texts.COMPARE_CHANGES_SUMMARY.format(
        entered=2, left=2, communes=2, stayed=1)


def test_without_a_category_list_nothing_is_called_a_change(links):
    changes = compare.category_changes(links, table(OLD_CATEGORIES, OLD_NAMES), table({}, UNITS))
    assert set(changes["change"]) == {compare.UNKNOWN}
    assert set(changes["category_2026"]) == {texts.NO_VALUE}
    assert compare.only_changes(changes).empty


def test_display_is_vietnamese(changes):
    shown = compare.display_changes(changes)
    assert list(shown.columns) == [texts.COMPARE_COLUMNS[c] for c in compare.CHANGE_COLUMNS]
    assert set(shown[texts.COMPARE_COLUMNS["change"]]) <= set(texts.COMPARE_CHANGE.values())


# --- villages ---------------------------------------------------------------------------------------

# TEST VALUES: 2021-2025 villages by old commune, and the 2026-2030 list by new unit.
VILLAGES_2021 = pd.DataFrame([
    ("05983", "Thôn Nà Pàn"),  # also in Quảng Lạc, the other old commune of Lương Văn Tri
    ("05983", "Khối Tân Lập"),  # 2026: "Thôn Tân Lập" (another prefix)
    ("05989", "Thôn Nà Pàn"),
    ("05989", "THÔN HOÀ BÌNH"),  # 2026: "Thôn Hòa Bình" (case, tone-mark placement)
    ("05989", "Thôn Khòn Pát"),  # 2026: "Thôn Khòn Pát Mới" (renamed: not guessed)
    ("05974", "Thôn Pác Cáp"),  # not in Tam Thanh's 2026 list (it is in Lương Văn Tri's)
    ("06622", "Thôn Tà Keo"),  # Bính Xá: split between Đình Lập and Kiên Mộc
    ("06040", "Thôn Bản Nầng"),  # Đại Đồng: split; 06040 is Thất Khê's code in 2026
], columns=["gso_code", "village"])
VILLAGES_2026 = pd.DataFrame([
    ("05983", "Nà Pàn"), ("05983", "Thôn Tân Lập"), ("05983", "Thôn Hòa Bình"), ("05983", "Thôn Khòn Pát Mới"),
    ("05983", "Thôn Pác Cáp"), ("06040", "Thôn Bản Nầng"), ("06613", "Thôn Tà Keo"),
], columns=["gso_code", "village"])


@pytest.fixture(scope="module")
def villages(links):
    return compare.village_changes(links, table(OLD_CATEGORIES, OLD_NAMES), VILLAGES_2021, VILLAGES_2026)


def status(villages: pd.DataFrame, old_code: str, village: str) -> pd.Series:
    rows = villages[(villages["old_code"] == old_code) & (villages["village"] == village)]
    assert len(rows) == 1, village
    return rows.iloc[0]


def test_every_2021_village_is_listed_once(villages):
    assert len(villages) == len(VILLAGES_2021)
    assert list(villages.columns) == compare.VILLAGE_COLUMNS


def test_names_match_across_prefix_case_and_tone_placement(villages):
    assert status(villages, "05983", "Khối Tân Lập")["status"] == compare.MATCHED
    hoa_binh = status(villages, "05989", "THÔN HOÀ BÌNH")
    assert hoa_binh["status"] == compare.MATCHED and hoa_binh["new_commune"] == "Phường Lương Văn Tri"


def test_a_renamed_or_missing_village_is_not_matched(villages):
    renamed = status(villages, "05989", "Thôn Khòn Pát")
    assert renamed["status"] == compare.NO_MATCH and renamed["new_code"] == "05983"
    # Listed in 2026 under another unit only: still not matched in its own unit.
    moved = status(villages, "05974", "Thôn Pác Cáp")
    assert moved["status"] == compare.NO_MATCH and moved["new_commune"] == "Phường Tam Thanh"


def test_two_old_villages_of_one_name_for_one_new_name_are_not_guessed(villages):
    assert status(villages, "05983", "Thôn Nà Pàn")["status"] == compare.DUPLICATE
    assert status(villages, "05989", "Thôn Nà Pàn")["status"] == compare.DUPLICATE


def test_a_split_communes_villages_have_no_unit(villages):
    ta_keo = status(villages, "06622", "Thôn Tà Keo")
    assert ta_keo["status"] == compare.UNPLACED and ta_keo["old_commune"] == "Xã Bính Xá"
    assert ta_keo["new_commune"] == "Xã Đình Lập; Xã Kiên Mộc"
    # Đại Đồng's village is not matched through the code 06040, which is Thất Khê's in 2026.
    assert status(villages, "06040", "Thôn Bản Nầng")["status"] == compare.UNPLACED


def test_villages_left_summary_and_display(villages):
    left = compare.villages_left(villages)
    assert len(left) == 6
    assert compare.villages_summary(villages) == texts.COMPARE_VILLAGES_SUMMARY.format(
        no_match=2, duplicate=2, unplaced=2, matched=2)
    shown = compare.display_villages(left)
    assert texts.COMPARE_VILLAGE_STATUS["no_match"] in set(shown[texts.COMPARE_COLUMNS["status"]])
    assert shown.columns[-1] == texts.COMPARE_COLUMNS["status"]


def test_a_period_without_a_list_is_named():
    empty = VILLAGES_2026.iloc[0:0]
    assert compare.missing_period({OLD: VILLAGES_2021, NEW: empty}) == NEW
    assert compare.missing_period({OLD: VILLAGES_2021, NEW: VILLAGES_2026}) is None


# --- the two maps -------------------------------------------------------------------------------------

def test_subjects_are_categories_and_indicators_of_both_periods():
    a = pd.DataFrame({"gso_code": ["1"], "road_village_hardened": [50.0], "electricity_households": [90.0]})
    b = pd.DataFrame({"gso_code": ["2"], "road_village_hardened": [70.0], "electricity_households": [None]})
    assert compare.subjects({OLD: a, NEW: b}) == [compare.CATEGORY_SUBJECT, "road_village_hardened"]


def test_an_indicator_has_one_colour_scale_on_both_maps():
    # TEST VALUES: the same value gets the same colour on both maps, whatever else each period holds.
    old = pd.DataFrame({"gso_code": ["05983", "05986", "06040"], "road_village_hardened": [0.0, 50.0, 100.0]})
    new = pd.DataFrame({"gso_code": ["06040", "05983"], "road_village_hardened": [50.0, None]})
    views = compare.compare_views("road_village_hardened", {OLD: old, NEW: new},
                                  illustrative={OLD: False, NEW: False}, sources={OLD: (), NEW: ()})
    assert views[OLD].fills["05986"] == views[NEW].fills["06040"]
    assert views[OLD].fills["06040"] != views[NEW].fills["06040"]  # the reused code keeps its own value
    classes = [entry.label for entry in views[OLD].legend]
    assert [entry.label for entry in views[NEW].legend] == classes + [texts.LEGEND_NO_DATA]
    assert texts.LEGEND_NO_DATA not in classes  # the 2021 map has a value for every unit


@pytest.fixture(scope="module")
def map_data(shared_dir):
    return {key: prepare({"LANGSON_GEODATA_DIR": str(shared_dir)}, key) for key in compare.PERIOD_ORDER}


def page_of(map_data, tables, *, illustrative=False, sources=("Nguồn thử",), title="So sánh thử") -> str:
    views = compare.compare_views(compare.CATEGORY_SUBJECT, tables,
                                  illustrative={key: illustrative for key in tables},
                                  sources={key: sources for key in tables})
    sides = [Side(map_data[key].layers, views[key], **compare.map_title(key, views[key], illustrative))
             for key in compare.PERIOD_ORDER]
    return compare_page(*sides, title=title)


@pytest.fixture(scope="module")
def empty_tables(map_data, tmp_path_factory):
    store = Store.default(tmp_path_factory.mktemp("empty"))
    return {key: commune_table(map_data[key].communes, load_programme(store, None, key)) for key in map_data}


@pytest.fixture(scope="module")
def exported(map_data, empty_tables):
    return inline_assets(page_of(map_data, empty_tables))


def test_the_page_holds_two_maps_their_legends_titles_and_the_sync(exported):
    assert len(re.findall(r"\bL\.map\(", exported)) == 2
    assert exported.count('"map-legend"') == 2  # one legend box per map
    assert "target.setView(source.getCenter(), source.getZoom()" in exported  # templates/compare_sync.js
    for key in compare.PERIOD_ORDER:
        assert texts.PERIOD_NAMES[key] in exported and texts.PERIOD_BASIS[key] in exported
    assert "QĐ 861/QĐ-TTg" in exported and "QĐ 612/QĐ-UBDT" in exported and "NĐ 272/2025/NĐ-CP" in exported
    assert exported.count(texts.COMPARE_MAP_NO_DATA) == 2  # neither period has data here
    assert "<title>So sánh thử</title>" in exported


def test_the_page_works_offline(exported):
    assert not re.search(r"<script[^>]*\bsrc=", exported, re.IGNORECASE)
    assert not re.search(r"<link[^>]*\bhref=", exported, re.IGNORECASE)
    assert "/app/static" not in exported
    lowered = exported.lower()
    assert all(host not in lowered for host in CDN_HOSTS)
    urls = set(re.findall(r"""(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\s"'<>)]*""", exported, re.IGNORECASE))
    assert all(url.startswith(HARMLESS_URLS) for url in urls), urls
    assert "Leaflet 1.9.3" in exported and ".compare-title" in exported


def test_demo_data_is_marked_on_both_maps(map_data, empty_tables):
    page = page_of(map_data, empty_tables, illustrative=True, sources=(texts.ILLUSTRATIVE_NOTE,))
    assert page.count('"illustrative-banner"') == 2
    assert page.count(texts.ILLUSTRATIVE_NOTE) == 2  # the sources under each map (the banners are JSON)
    assert texts.COMPARE_MAP_NO_DATA not in page


def test_text_from_files_is_escaped(map_data, empty_tables):
    page = page_of(map_data, empty_tables, sources=("<img src=x onerror=alert(1)>", "{{ 7*7 }}"))
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "{{ 7*7 }}" not in page and "&#123;&#123; 7*7 &#125;&#125;" in page


def test_category_colours_are_the_map_pages(map_data, empty_tables):
    tables = {key: frame.assign(area_category="III") for key, frame in empty_tables.items()}
    views = compare.compare_views(compare.CATEGORY_SUBJECT, tables, illustrative={OLD: False, NEW: False},
                                  sources={OLD: (), NEW: ()})
    assert set(views[NEW].fills.values()) == {CATEGORY_COLOURS["III"]} and len(views[NEW].fills) == 65
    assert views[OLD].title != views[NEW].title


# --- the page ---------------------------------------------------------------------------------------

def iframe_page(at) -> str:
    frames = at.get("iframe")
    assert len(frames) == 1
    return frames[0].proto.srcdoc


def test_page_without_data_says_so_and_draws_both_maps(env):
    at = run(AppTest.from_file(str(ROOT / "ui" / "compare_page.py"), default_timeout=120))
    infos = [i.value for i in at.info]
    assert texts.COMPARE_NO_DATA[OLD] in infos and texts.COMPARE_NO_DATA[NEW] in infos
    assert not at.warning
    page = iframe_page(at)
    assert page.count('class="folium-map"') == 2 and page.count(texts.COMPARE_MAP_NO_DATA) == 2
    assert at.selectbox(key="compare_subject").options == [texts.COMPARE_SUBJECT_CATEGORY]
    assert [b.proto.label for b in at.get("download_button")][0] == texts.COMPARE_HTML


def test_page_with_demo_data_marks_it_and_shows_the_changes(env, reference):
    store_demo(Store.default(env), reference, by=EDITOR)
    at = run(AppTest.from_file(str(ROOT / "ui" / "compare_page.py"), default_timeout=120))
    assert texts.COMPARE_ILLUSTRATIVE in [w.value for w in at.warning]
    assert '"illustrative-banner"' in iframe_page(at)
    changes = at.dataframe[0].value
    assert set(changes[texts.COMPARE_COLUMNS["change"]]) <= {texts.COMPARE_CHANGE[c] for c in compare.CHANGES}
    assert len(at.dataframe) == 2  # the villages table too: both periods have a demo list
    assert len(at.get("download_button")) == 3  # the page, and each table to Excel
    subject = at.selectbox(key="compare_subject")
    assert len(subject.options) > 1  # the demo sets of both periods hold indicators
    run(subject.select_index(1))
    shared_scale = texts.COMPARE_LEGEND_SHARED.format(title="")
    assert iframe_page(at).count(json.dumps(shared_scale)[1:-1]) == 2  # in each legend (a JSON string)
    at.checkbox(key="compare_only_changes").uncheck()
    run(at)
    assert len(at.dataframe[0].value) == 65

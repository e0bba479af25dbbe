"""The atlas by district (issue 16, item 1): one page per district of 2021-2025, or per former district of
2026-2030, with its units' values rolled up.

Pages are read back as a reader has them (pypdf's extracted text) against values worked out by hand from a
small table typed here: the city's 8 units and 2 of Cao Lộc's 22.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import replace

import geopandas as gpd
import pandas as pd
import pytest

import texts
from geo.border import METRIC_CRS
from geo.crosswalk import read_crosswalk
from geo.programme import commune_table, empty_programme
from geo.vocabulary import PERIODS
from layers.page import Choices, map_page
from layers.paper.atlas import render_atlas_files
from layers.paper.atlas_districts import plan_district_atlas
from layers.thematic import ViewOptions
from tests.conftest import open_map_page
from tests.test_atlas import HOSTILE, page_and_table, page_texts, squeezed, title_of

EXPORT_DATE = datetime.date(2026, 3, 5)
CITY, CAO_LOC = "Thành phố Lạng Sơn", "Huyện Cao Lộc"
CITY_CODES = ["05971", "05974", "05977", "05980", "05983", "05986", "05989", "05992"]
CAO_LOC_CODES = ["06184", "06190"]  # Thị trấn Đồng Đăng, Xã Bảo Lâm: 2 of the district's 22
GAP_VIEW = ViewOptions(kind="gap", indicator_id="electricity_households", year=2025)
NAN = float("nan")
# The fixture, by unit: electricity (%, MEAN), temporary houses (SUM), commune health standard (0/100, share of
# communes), area category, villages, border.
HAND = pd.DataFrame({
    "gso_code": CITY_CODES + CAO_LOC_CODES,
    "electricity_households": [90, 92, 94, 96, 98, 100, NAN, NAN, 80, 90],
    "temporary_houses": [1, 2, 3, 4, 5, 6, 7, 8, 4, NAN],
    "commune_health_standard": [100, 100, 100, 0, 100, 0, 100, 100, 0, 0],
    "area_category": ["III", "III", "II", "I", "I", "I", "I", "I", "III", "II"],
    "n_villages": [3, 0, 0, 0, 0, 1, 2, 0, 5, 4],
    "is_border": [False] * 8 + [True, True],
})
# Worked out by hand: city electricity (90+92+94+96+98+100)/6 = 95,0 from 6 of 8 (target 99,6: short 4,6);
# houses 1+...+8 = 36 (target 0); health 6 of 8 = 75,0 % (target 100: short 25,0).
# Cao Lộc: electricity (80+90)/2 = 85,0 (short 14,6); houses 4 from 1 of 2; health 0 of 2 = 0,0 % (short 100,0).
ELECTRICITY = "Tỷ lệ hộ dân được sử dụng điện lưới"
HOUSES = "Số nhà tạm, nhà dột nát"
HEALTH = "Xã đạt Bộ tiêu chí quốc gia về y tế xã"
DISTRICTS_BY_NAME = ["Huyện Bắc Sơn", "Huyện Bình Gia", "Huyện Cao Lộc", "Huyện Chi Lăng", "Huyện Đình Lập",
                     "Huyện Hữu Lũng", "Thành phố Lạng Sơn", "Huyện Lộc Bình", "Huyện Tràng Định", "Huyện Văn Lãng",
                     "Huyện Văn Quan"]


def fixture_table(data) -> pd.DataFrame:
    """The period's units with the hand-typed values on the fixture's ten, nothing on the others."""
    table = commune_table(data.communes, empty_programme())
    hand = HAND.set_index("gso_code")
    for column in hand.columns:
        table[column] = table["gso_code"].map(hand[column])
    table["is_border"] = table["is_border"].fillna(False).astype(bool)
    table["n_villages"] = table["n_villages"].fillna(0).astype(int)
    return table


CELL = r"(?:[\d.]+(?:,\d+)?|–|-|Đạt)"
NUMBERS = re.compile(rf"{CELL}(?: {CELL}){{4}}")  # a row's value, then target and gap for 2025 and 2030


def line_of(text: str, start: str) -> str:
    """The indicator's row as the reader extracts it: its label (over one line or more), then its numbers."""
    at = text.index(start)
    numbers = NUMBERS.search(text, at + len(start))
    return text[at:numbers.end()]


@pytest.fixture(scope="module")
def by_district(map_data_2021):
    table = fixture_table(map_data_2021)
    page = map_page(Choices(source=None, period="2021-2025", options=GAP_VIEW), map_data_2021, empty_programme(),
                    table)
    files = render_atlas_files(page, map_data_2021.province_data, table, per="district", order="gap",
                               units=CITY_CODES + CAO_LOC_CODES, export_date=EXPORT_DATE)
    return page, table, files, page_texts(files.pdf)


def test_one_page_per_district_with_a_filtered_unit(by_district):
    _, _, files, pages = by_district
    assert len(pages) == files.pages == 2 + 1 + 2  # the cover, the map of them all, the contents, 2 districts
    assert [title_of(text) for text in pages[3:]] == [CAO_LOC, CITY]  # by gap: Cao Lộc short 14,6, city 4,6
    assert texts.ATLAS_COVER_UNIT_COUNT.format(count=2, units="huyện") in pages[0]
    for number, text in enumerate(pages, start=1):
        assert texts.ATLAS_PAGE_NUMBER.format(page=number, pages=files.pages) in text
    assert f"{CAO_LOC} 14,6% 4" in pages[2] and f"{CITY} 4,6% 5" in pages[2]  # the contents


def test_the_city_page_rolls_its_units_up(by_district):
    _, _, _, pages = by_district
    city = pages[4]
    assert "95,0 99,6 4,6 99,6 4,6" in line_of(city, ELECTRICITY)
    assert "36 0 36 0 36" in line_of(city, HOUSES)
    assert "75,0 100,0 25,0 100,0 25,0" in line_of(city, HEALTH)
    # the mean is estimated and says how many units gave a value; the sum and the share of communes are exact
    assert squeezed(f"— {texts.ESTIMATED_MARK}, 6/8 xã có số liệu") in squeezed(city)
    assert texts.ESTIMATED_MARK not in line_of(city, HOUSES) + line_of(city, HEALTH)
    assert squeezed(texts.ATLAS_ROLL_UP_NOTE.format(district="huyện", units="xã")) in squeezed(city)  # how, under it
    facts = squeezed(city)
    for fact in ("Sốxã8", "Khuvực III:2;Khuvực II:1;Khuvực I:5", "SốthônĐBKK6", "Xãbiêngiới0"):
        assert squeezed(fact) in facts, fact
    assert squeezed(texts.ATLAS_FILTER_NOTE.format(units="xã", district="huyện")) not in facts  # all 8 shown


def test_a_district_with_some_units_in_the_filter_counts_those_and_says_so(by_district):
    _, _, _, pages = by_district
    cao_loc = pages[3]
    assert "85,0 99,6 14,6 99,6 14,6" in line_of(cao_loc, ELECTRICITY)
    assert "4 0 – 0 –" in line_of(cao_loc, HOUSES)  # 4 houses in the one unit with data: a floor, no gap
    assert "0,0 100,0 100,0 100,0 100,0" in line_of(cao_loc, HEALTH)
    facts = squeezed(cao_loc)
    assert squeezed("1/2 xã có số liệu") in facts
    assert squeezed("2 trong bộ lọc (trên 22 xã của huyện)") in facts
    assert squeezed("Khu vực III: 1; Khu vực II: 1") in facts and squeezed("Xã biên giới 2") in facts
    assert squeezed("Số thôn ĐBKK 9") in facts
    assert squeezed(texts.ATLAS_FILTER_NOTE.format(units="xã", district="huyện")) in facts
    assert "Đồng Đăng" in cao_loc and "Bảo Lâm" in cao_loc  # its filtered units named on its map


# --- orders ------------------------------------------------------------------------------------------------------

def test_name_order_is_the_vietnamese_alphabet_of_the_districts(map_data_2021):
    table = fixture_table(map_data_2021)
    page = map_page(Choices(source=None, period="2021-2025"), map_data_2021, empty_programme(), table)
    plan = plan_district_atlas(page, table, map_data_2021.period, order="name")
    assert [sheet.name for sheet in plan.sheets] == DISTRICTS_BY_NAME
    assert plan.sheets[2].units and set(CAO_LOC_CODES) <= set(plan.sheets[2].units)
    assert len(plan.sheets[2].units) == len(plan.sheets[2].shown) == 22


def test_priority_order_is_the_mean_score_of_the_filtered_units(map_data_2021):
    table = fixture_table(map_data_2021)
    page = map_page(Choices(source=None, period="2021-2025", options=ViewOptions(kind="priority", year=2025)),
                    map_data_2021, empty_programme(), table)
    codes = CITY_CODES + CAO_LOC_CODES
    scores = pd.DataFrame({"score": [10, 20, 30, 40, 50, 60, 70, 80, 90, 70], "rank": [10, 9, 8, 7, 6, 5, 4, 3, 1, 2]},
                          index=pd.Index(codes, name="gso_code"))
    page = replace(page, built=replace(page.built, scores=scores))
    plan = plan_district_atlas(page, table, map_data_2021.period, order="rank", units=codes)
    assert [(sheet.name, sheet.note) for sheet in plan.sheets] == [(CAO_LOC, "điểm TB 80,0"), (CITY, "điểm TB 45,0")]
    facts = dict(plan.sheets[0].facts)
    assert facts[texts.ATLAS_FACT_MEAN_SCORE] == "80,0 điểm"
    ranking = [value for label, value in plan.sheets[0].facts[-2:]]  # the priority view lists its units by rank
    assert ranking == ["Thị trấn Đồng Đăng: 90,0 (hạng 1)", "Xã Bảo Lâm: 70,0 (hạng 2)"]
    assert texts.ATLAS_ORDER_DISTRICT_RANK.format(units="xã") == plan.order_words


def test_gap_order_without_a_gap_view_uses_the_mean_shortfall(map_data_2021):
    table = fixture_table(map_data_2021)
    page = map_page(Choices(source=None, period="2021-2025"), map_data_2021, empty_programme(), table)
    plan = plan_district_atlas(page, table, map_data_2021.period, order="gap", units=CITY_CODES + CAO_LOC_CODES)
    # 2025 shortfalls as shares of the way to go (a target of 0 houses: of the worst district's 36):
    # city (4,6/99,6 + 36/36 + 25/100) / 3 = 0,432; Cao Lộc (14,6/99,6 + 4/36 + 100/100) / 3 = 0,419
    assert [sheet.name for sheet in plan.sheets] == [CITY, CAO_LOC]
    assert [sheet.note for sheet in plan.sheets] == ["thiếu 43%", "thiếu 42%"]


# --- 2026-2030: former districts ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def data_2026(shared_dir):
    from layers.prepared import prepare
    return prepare({"LANGSON_GEODATA_DIR": str(shared_dir)}, "2026-2030")


def largest_former_district(province) -> dict[str, str]:
    """Per new unit whose whole old communes lie in two districts or more, the district holding most of their
    area, worked out from the old communes' polygons and the crosswalk."""
    crosswalk = read_crosswalk(province.files["crosswalk"])
    whole = crosswalk[crosswalk["whole_or_part"] == "whole"]
    old = gpd.GeoDataFrame(province.communes).to_crs(METRIC_CRS).set_index("gso_code")
    areas = whole.assign(district=whole["old_gso_code_2021"].map(old["district"]),
                         area=whole["old_gso_code_2021"].map(old.geometry.area))
    by_district = areas.groupby(["new_code", "district"])["area"].sum().reset_index()
    spanning = by_district.groupby("new_code").filter(lambda rows: len(rows) > 1)
    return {code: rows.loc[rows["area"].idxmax(), "district"] for code, rows in spanning.groupby("new_code")}


def test_2026_units_are_grouped_by_the_former_district_holding_most_of_them(data_2026, province):
    table = commune_table(data_2026.communes, empty_programme())
    page = map_page(Choices(source=None, period="2026-2030"), data_2026, empty_programme(), table)
    plan = plan_district_atlas(page, table, data_2026.period, order="name")
    pages_of = {}
    for sheet in plan.sheets:
        assert sheet.name == texts.ATLAS_FORMER_DISTRICT_NAME.format(name=sheet.code)
        for code in sheet.units:
            pages_of.setdefault(code, []).append(sheet.code)
    assert sorted(pages_of) == sorted(table["gso_code"]) and all(len(p) == 1 for p in pages_of.values())
    spanning = largest_former_district(province)
    assert len(spanning) >= 3
    assert {code: pages_of[code][0] for code in spanning} == spanning


def test_a_2026_page_says_how_units_are_placed(data_2026):
    page, table = page_and_table(data_2026, empty_programme(), query="Kiên Mộc")
    files = render_atlas_files(page, data_2026.province_data, table, per="district", orientation="landscape",
                               export_date=EXPORT_DATE)
    pages = page_texts(files.pdf)
    assert len(pages) == 4 and title_of(pages[3]).endswith("(cũ)")
    assert squeezed(texts.ATLAS_FORMER_DISTRICT_NOTE) in squeezed(pages[3])
    assert "Kiên Mộc" in pages[3] and texts.ATLAS_COVER_UNIT_COUNT.format(count=1, units="huyện cũ") in pages[0]


def test_the_nouns_cover_every_period_and_a_bad_choice_is_refused(by_district, map_data_2021):
    assert set(texts.ATLAS_DISTRICT_NOUN) == set(PERIODS)
    page, table, _, _ = by_district
    with pytest.raises(ValueError):
        render_atlas_files(page, map_data_2021.province_data, table, per="commune")


# --- hostile names ------------------------------------------------------------------------------------------------

def test_a_hostile_long_district_name_is_printed_as_written(map_data_2021):
    data = map_data_2021.province_data
    name = f"{HOSTILE} " + "Tên huyện rất dài " * 8
    communes, districts = data.communes.copy(), data.districts.copy()
    communes.loc[communes["district"] == CITY, "district"] = name
    districts.loc[districts["district"] == CITY, "district"] = name
    hostile = replace(data, communes=communes, districts=districts)
    table = fixture_table(hostile)
    page = map_page(Choices(source=None, period="2021-2025", options=GAP_VIEW), map_data_2021, empty_programme(),
                    table)  # a view not coloured by district: the page's colours are the real districts'
    files = render_atlas_files(page, hostile, table, per="district", units=CITY_CODES[:2] + CAO_LOC_CODES,
                               title=HOSTILE, export_date=EXPORT_DATE)
    pages = page_texts(files.pdf)
    assert len(pages) == 5
    assert HOSTILE in pages[2]  # the contents: the name, cut with "…" to its column
    page_of = next(text for text in pages[3:] if HOSTILE in title_of(text))
    assert squeezed(name) in squeezed(page_of)  # the title, wrapped if need be, but whole


# --- the export section ----------------------------------------------------------------------------------------

def test_the_export_section_builds_the_atlas_by_district(shared_dir, monkeypatch, tmp_path):
    monkeypatch.setenv("LANGSON_GEODATA_DIR", str(shared_dir))
    monkeypatch.setenv("LANGSON_DATA_DIR", str(tmp_path / "var"))
    app = open_map_page(q="Quảng Lạc")  # one unit, in the city
    app.session_state["export_open"] = True
    app.run()
    per = next(r for r in app.radio if r.label == texts.EXPORT_ATLAS_PER)
    assert per.options == ["xã", "huyện"]  # the period's unit, or its district
    per.set_value("district").run()
    assert not app.exception
    app.button(key="export_atlas").click().run()
    assert not app.exception
    _, files = app.session_state["export_atlas_files"]
    pages = page_texts(files.pdf)
    assert files.pages == 4 and title_of(pages[3]) == CITY
    assert squeezed("1 trong bộ lọc (trên 8 xã của huyện)") in squeezed(pages[3])
    next(r for r in app.radio if r.label == texts.EXPORT_ATLAS_PER).set_value("unit").run()
    assert "export_atlas_files" not in app.session_state  # an atlas of districts is not kept for units


def test_values_carried_over_are_estimated_and_a_split_old_commune_makes_them_approximate(map_data_2021):
    """2021-2025 values carried over to new units are estimated wherever they are combined, even a share of
    communes whose units all say 0 or 100; a district holding a unit that left out a split old commune is
    approximate too."""
    from geo.vocabulary import CARRIED
    table = fixture_table(map_data_2021)
    table["carry_note"] = ""
    table.loc[table["gso_code"] == CAO_LOC_CODES[0], "carry_note"] = "gần đúng: chưa tính Xã Kiên Mộc"
    page = map_page(Choices(source=None, period="2021-2025"), map_data_2021, empty_programme(), table)
    page = replace(page, choices=replace(page.choices, source=CARRIED))
    plan = plan_district_atlas(page, table, map_data_2021.period, units=CITY_CODES + CAO_LOC_CODES)
    rows = {sheet.name: {row.label.split(" (")[0]: row.label for row in sheet.indicators} for sheet in plan.sheets}
    assert rows[CITY][HEALTH].endswith(f"— {texts.ESTIMATED_MARK}")  # 0/100 in every unit, yet carried over
    assert f"{texts.ESTIMATED_MARK}, {texts.APPROXIMATE_MARK}" in rows["Huyện Cao Lộc"][HEALTH]
    assert texts.APPROXIMATE_MARK not in " ".join(rows[CITY].values())
    assert rows[CITY][HOUSES] == f"{HOUSES} (nhà)"  # counts carried over are added up: exact
    assert rows["Huyện Cao Lộc"][HOUSES] == f"{HOUSES} (nhà) — {texts.APPROXIMATE_MARK}, 1/2 xã có số liệu"


def test_units_without_a_district_get_a_page_of_their_own_not_nan(map_data_2021):
    table = fixture_table(map_data_2021)
    page = map_page(Choices(source=None, period="2021-2025"), map_data_2021, empty_programme(), table)
    table.loc[table["gso_code"].isin(CAO_LOC_CODES), "district"] = NAN
    plan = plan_district_atlas(page, table, map_data_2021.period, units=CITY_CODES + CAO_LOC_CODES)
    assert [sheet.name for sheet in plan.sheets] == ["Chưa rõ huyện", CITY]
    assert set(plan.sheets[0].shown) == set(CAO_LOC_CODES)

"""The atlas (issue 16, item 1): one PDF with a cover, the contents and one page per unit of the filter.

Pages are read back as a reader has them (pypdf's extracted text), against the table under the map: each unit's
name and values as the table writes them, the filter's units only, the order asked for, the illustrative
marking, hostile names printed as written, fonts embedded. Small filters keep it fast (a city of 8 units).
"""

from __future__ import annotations

import datetime
import io
import math
import re
import zipfile
from dataclasses import replace

import pandas as pd
import pypdf
import pytest
from fontTools.ttLib import TTFont
from PIL import Image

import texts
from geo.programme import commune_table, empty_programme
from geo.vnformat import NumberFormat
from layers import tables
from layers.page import Choices, map_page
from layers.paper import atlas
from layers.paper.atlas import ORDERS, render_atlas, render_atlas_files
from layers.paper.atlas_front import ContentsGrid
from layers.paper.atlas_sheets import plan_atlas, vietnamese_key
from layers.prepared import prepare
from layers.thematic import ViewOptions
from tests.conftest import open_map_page

HOSTILE = "<b>&\"'{{7*7}}$x$"
EXPORT_DATE = datetime.date(2026, 3, 5)
CITY = "Thành phố Lạng Sơn"  # 8 units of 2021-2025
GAP_VIEW = ViewOptions(kind="gap", indicator_id="electricity_households", year=2025)
# The city's units in Vietnamese dictionary order (đ after d, by the name without its type), typed from the list.
CITY_BY_NAME = ["Phường Chi Lăng", "Phường Đông Kinh", "Xã Hoàng Đồng", "Phường Hoàng Văn Thụ", "Xã Mai Pha",
                "Xã Quảng Lạc", "Phường Tam Thanh", "Phường Vĩnh Trại"]


def page_and_table(data, programme, **choices):
    table = commune_table(data.communes, programme)
    return map_page(Choices(source=programme.source, period=data.period.key, **choices), data, programme, table), table


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def title_of(text: str) -> str:
    """A unit page's title: the line under the province's."""
    return text.splitlines()[1]


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def city_gap(map_data_2021, demo_programme):
    """The gap view filtered to the city, ordered by gap, with its villages; rendered once."""
    page, table = page_and_table(map_data_2021, demo_programme, options=GAP_VIEW, districts=(CITY,))
    calls = []
    files = render_atlas_files(page, map_data_2021.province_data, table, order="gap", villages=demo_programme.villages,
                               export_date=EXPORT_DATE, progress=lambda done, total: calls.append((done, total)))
    return page, files, page_texts(files.pdf), calls


@pytest.fixture(scope="module")
def data_2026(shared_dir):
    return prepare({"LANGSON_GEODATA_DIR": str(shared_dir)}, "2026-2030")


# --- pages ----------------------------------------------------------------------------------------------------

def test_pages_are_the_cover_the_contents_and_one_per_unit(city_gap):
    page, files, pages, calls = city_gap
    units = len(page.built.table)
    assert units == 8
    assert len(pages) == files.pages == 2 + 1 + units  # the cover, the map of them all, one page of contents
    assert calls == [(done, files.pages) for done in range(1, files.pages + 1)]
    assert squeezed(page.built.view.legend_title) in squeezed(pages[1])  # the print map of the filter
    assert texts.ATLAS_CONTENTS_TITLE in pages[2]
    for number, text in enumerate(pages, start=1):
        assert texts.ATLAS_PAGE_NUMBER.format(page=number, pages=files.pages) in text


def test_each_unit_page_has_its_name_and_values_as_the_table_under_the_map(city_gap):
    page, _, pages, _ = city_gap
    table = page.built.table
    decimals = tables.column_decimals(table)
    written = {column: NumberFormat(decimals[column]).number for column in ("value", "target", "gap")}
    rows = table.set_index("commune")
    assert sorted(title_of(text) for text in pages[3:]) == sorted(rows.index)
    for text in pages[3:]:
        row = rows.loc[title_of(text)]
        gap = written["gap"](row["gap"]) if row["gap"] > 0 else texts.ATLAS_GAP_MET
        # the indicator's line of the page's table: value, the 2025 target, what is still missing
        line = next(line for line in text.splitlines() if line.startswith("Tỷ lệ hộ dân được sử dụng điện lưới"))
        assert f"{written['value'](row['value'])} {written['target'](row['target'])} {gap}" in line
        assert f"{texts.COL_CATEGORY} {row['category']}" in text and f"{texts.COL_CODE} {row['code']}" in text


def test_the_contents_lists_each_unit_at_its_page(city_gap):
    _, _, pages, _ = city_gap
    contents = pages[2]
    assert re.search(re.escape(texts.ATLAS_CONTENTS_OVERVIEW) + r"\s+2$", contents, re.MULTILINE)
    for number, text in enumerate(pages[3:], start=4):
        entry = texts.ATLAS_ENTRY_DISTRICT.format(name=title_of(text), district="TP Lạng Sơn")
        assert re.search(re.escape(entry) + r".*\s" + str(number) + r"$", contents, re.MULTILINE), entry


def test_the_filter_limits_the_pages(city_gap, map_data_2021):
    page, files, pages, _ = city_gap
    outside = map_data_2021.communes.loc[map_data_2021.communes["district"] != CITY, "commune"]
    titles = {title_of(text) for text in pages[3:]}
    assert titles == set(page.built.table["commune"]) and not titles & set(outside)
    assert texts.ATLAS_COVER_UNIT_COUNT.format(count=8, units="xã") in pages[0]


def test_gap_order_puts_the_largest_gap_first(city_gap):
    page, _, pages, _ = city_gap
    gaps = page.built.table.set_index("commune")["gap"]
    order = [gaps[title_of(text)] for text in pages[3:]]
    assert order == sorted(order, reverse=True)
    assert texts.ATLAS_ORDER_GAP_ONE.format(label="Tỷ lệ hộ dân được sử dụng điện lưới quốc gia và các nguồn điện "
                                           "phù hợp khác", year=2025) in squeezed_lines(pages[0])


def squeezed_lines(text: str) -> str:
    """Text with its line breaks as spaces (a long line on the cover wraps)."""
    return re.sub(r"\s*\n\s*", " ", text)


def test_rank_order_follows_the_priority_table(map_data_2021, demo_programme):
    page, table = page_and_table(map_data_2021, demo_programme, options=ViewOptions(kind="priority", year=2025),
                                 districts=("Huyện Đình Lập",))
    plan = plan_atlas(page, table, map_data_2021.period, order="rank")
    ranks = page.built.table.set_index("code")["rank"]
    assert sorted(sheet.code for sheet in plan.sheets) == sorted(ranks.index)
    assert [ranks[sheet.code] for sheet in plan.sheets] == sorted(ranks)
    assert plan.sheets[0].note == texts.ATLAS_NOTE_RANK.format(rank=ranks.min())


def test_name_order_is_the_vietnamese_alphabet(map_data_2021, demo_programme):
    page, table = page_and_table(map_data_2021, demo_programme, districts=(CITY,))
    assert [sheet.name for sheet in plan_atlas(page, table, map_data_2021.period, order="name").sheets] == \
        CITY_BY_NAME
    names = ["Đình Lập", "Dương Hưu", "Bình Gia", "Bắc Sơn", "An Hùng", "Ái Quốc", "ấp Mới"]
    assert sorted(names, key=vietnamese_key) == ["Ái Quốc", "An Hùng", "ấp Mới", "Bắc Sơn", "Bình Gia", "Dương Hưu",
                                                 "Đình Lập"]
    with pytest.raises(ValueError):
        plan_atlas(page, table, map_data_2021.period, order="size")
    assert set(ORDERS) == set(texts.ATLAS_ORDER_NAMES)


# --- cover, fonts, hostile names --------------------------------------------------------------------------------

def test_the_cover_says_what_the_atlas_holds_and_marks_demo_data(city_gap):
    page, _, pages, _ = city_gap
    cover = squeezed_lines(pages[0])
    assert texts.ATLAS_COVER_KIND.upper() in cover
    for part in (page.built.view.title, page.subtitle, "05/03/2026", *page.built.view.sources):
        assert part in cover, part
    assert texts.ILLUSTRATIVE in cover and texts.ILLUSTRATIVE_NOTE in cover
    assert all(squeezed(texts.ILLUSTRATIVE) in squeezed(text) for text in pages)  # footer (and watermark)


def test_data_that_is_not_demo_is_not_marked_and_a_split_unit_names_its_old_communes(data_2026):
    programme = empty_programme()
    page, table = page_and_table(data_2026, programme, query="Kiên Mộc")
    files = render_atlas_files(page, data_2026.province_data, table, orientation="landscape", png_dpi=72,
                               export_date=EXPORT_DATE)
    pages = page_texts(files.pdf)
    assert len(pages) == files.pages == 4
    assert all(squeezed(texts.ILLUSTRATIVE) not in squeezed(text) for text in pages)
    unit = squeezed(pages[3])
    assert title_of(pages[3]) == "Xã Kiên Mộc"
    assert squeezed(texts.TOOLTIP_OLD_COMMUNES) in unit
    assert squeezed(f"Xã Bắc Xa; Xã Bính Xá{texts.PART_SUFFIX[:-1]}") in unit  # the old communes it came from
    assert unit.count("BínhXá") >= 2  # and the uncertain zone, named on the map
    assert squeezed(texts.ATLAS_NO_INDICATORS) in unit
    with zipfile.ZipFile(io.BytesIO(files.png_zip)) as pngs:
        assert pngs.namelist() == [texts.ATLAS_PNG_NAME.format(page=n) for n in (1, 2, 3, 4)]
        image = Image.open(io.BytesIO(pngs.read(pngs.namelist()[3])))
    assert image.size == (round(297 / 25.4 * 72), round(210 / 25.4 * 72))  # A4 landscape at 72 dpi


def test_fonts_are_embedded_truetype_with_the_vietnamese_letters(city_gap):
    _, files, _, _ = city_gap
    reader = pypdf.PdfReader(io.BytesIO(files.pdf))
    fonts = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            program = descendant["/FontDescriptor"].get_object()["/FontFile2"].get_object().get_data()
            fonts[str(font["/BaseFont"])] = set(TTFont(io.BytesIO(program)).getBestCmap())
    assert fonts and all("DejaVuSans" in name for name in fonts)
    needed = {ord(c) for c in "Phường Đông Kinh Chỉ tiêu Còn thiếu Mục lục Tập bản đồ" if not c.isspace()}
    assert needed <= set().union(*fonts.values())


def test_hostile_names_are_printed_as_written(map_data_2021, demo_programme):
    data = map_data_2021.province_data
    communes = data.communes.copy()
    ward = communes.index[communes["gso_code"] == "05971"][0]  # Phường Hoàng Văn Thụ
    communes.loc[ward, ["commune", "commune_name"]] = HOSTILE
    hostile = replace(data, communes=communes)
    villages = pd.concat([demo_programme.villages, pd.DataFrame({"gso_code": ["05971"], "village": [HOSTILE]})])
    programme = replace(demo_programme, villages=villages)
    table = commune_table(communes, programme)
    page = map_page(Choices(source=programme.source, period="2021-2025", districts=(CITY,)),
                    map_data_2021, programme, table)
    pdf = render_atlas(page, hostile, table, units=["05971", "05974"], villages=villages, title=HOSTILE,
                       export_date=EXPORT_DATE)
    pages = page_texts(pdf)
    assert HOSTILE in pages[0] and HOSTILE in pages[1]  # the title on the cover and over the map of them all
    assert HOSTILE in pages[2]  # the unit in the contents
    unit = next(text for text in pages[3:] if title_of(text) == HOSTILE)
    assert unit.count(HOSTILE) >= 4  # its name above and on its map, the atlas title, its village
    assert pypdf.PdfReader(io.BytesIO(pdf)).metadata["/Title"] == HOSTILE


# --- pure parts -------------------------------------------------------------------------------------------------

def test_a_long_list_runs_over_several_contents_pages(map_data_2021, demo_programme, monkeypatch):
    small = ContentsGrid(rows=2, columns=2, size=8.5, line_h=0.2, body=(0.4, 1.0, 7.8, 10.0))
    monkeypatch.setattr(atlas, "contents_grid", lambda layout, orientation: small)
    page, table = page_and_table(map_data_2021, demo_programme, districts=(CITY,))
    units = ["05971", "05974", "05977", "05980", "05983"]
    pdf = render_atlas(page, map_data_2021.province_data, table, units=units, export_date=EXPORT_DATE)
    pages = page_texts(pdf)
    contents = math.ceil((1 + len(units)) / small.per_page)  # the map of them all, then the units
    assert contents == 2 and len(pages) == 2 + contents + len(units)
    assert re.search(r"Phường Vĩnh Trại — TP Lạng Sơn\s+9$", pages[3], re.MULTILINE)  # 5th of 5 on page 9
    assert title_of(pages[8]) == "Phường Vĩnh Trại"


def test_bad_options_are_refused(map_data_2021, demo_programme):
    page, table = page_and_table(map_data_2021, demo_programme, districts=(CITY,))
    with pytest.raises(ValueError):
        render_atlas(page, map_data_2021.province_data, table, png_dpi=10)
    with pytest.raises(KeyError):
        render_atlas(page, map_data_2021.province_data, table, units=["99999"])


# --- the export section ----------------------------------------------------------------------------------------

def test_the_export_section_builds_the_atlas_and_offers_it(shared_dir, monkeypatch, tmp_path):
    monkeypatch.setenv("LANGSON_GEODATA_DIR", str(shared_dir))
    monkeypatch.setenv("LANGSON_DATA_DIR", str(tmp_path / "var"))
    app = open_map_page(q="Quảng Lạc")  # one unit
    app.session_state["export_open"] = True
    app.run()
    assert not app.exception
    order = next(s for s in app.selectbox if s.label == texts.EXPORT_ATLAS_ORDER)
    assert order.options == [texts.ATLAS_ORDER_NAMES[o] for o in ORDERS]
    assert texts.EXPORT_ATLAS_PNG in [c.label for c in app.checkbox]
    assert texts.EXPORT_ATLAS_SAVE_PDF.format(pages=4) not in [b.proto.label for b in app.get("download_button")]
    app.button(key="export_atlas").click().run()
    assert not app.exception
    labels = [b.proto.label for b in app.get("download_button")]
    assert texts.EXPORT_ATLAS_SAVE_PDF.format(pages=4) in labels and texts.EXPORT_ATLAS_SAVE_ZIP not in labels
    _, files = app.session_state["export_atlas_files"]
    assert title_of(page_texts(files.pdf)[3]) == "Xã Quảng Lạc"
    next(t for t in app.text_input if t.label == texts.EXPORT_TITLE).input("Tập khác").run()
    assert texts.EXPORT_ATLAS_SAVE_PDF.format(pages=4) not in [b.proto.label for b in app.get("download_button")]
    assert "export_atlas_files" not in app.session_state  # an atlas of another title is not kept

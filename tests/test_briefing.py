"""The briefing pack (issue 16, item 2): saved views read from pasted links and saved lists, and printed as one
PDF with a cover and one page per view.

Links are written here by hand, as a user copies them from the address bar; the PDF's pages are read back as
a reader has them (pypdf's extracted text), against each view's own map page model.
"""

from __future__ import annotations

import datetime
import io
import re
from dataclasses import replace

import pypdf
import pytest

import texts
from geo.programme import commune_table, empty_programme, indicators_with_values
from layers import briefing
from layers.briefing import MAX_LINE, MAX_VIEWS, PackedView, list_file, read_links, read_list_file
from layers.page import Choices, map_page
from layers.paper.briefing import BriefingSheet, render_briefing
from layers.view_link import PARAMS, completed, from_params, to_params

EXPORT_DATE = datetime.date(2026, 3, 5)
CATEGORY = "period=2021-2025&source=demo&view=category"
TWO_DISTRICTS = ("period=2021-2025&source=demo&view=indicator&indicator=electricity_households&method=quantiles&k=5"
                 "&districts=Huy%E1%BB%87n+V%C4%83n+L%C3%A3ng&districts=Huy%E1%BB%87n+Cao+L%E1%BB%99c")
PRIORITY = "period=2021-2025&source=demo&view=priority&weights=category:3,villages:2,gaps:3,border:1&top=10"
# Markup, a script tag, TeX and template syntax, then right-to-left and bidi-control characters: printed as typed,
# never interpreted (a PDF reader gives the right-to-left part back in its own order, so it is checked apart).
MARKUP = "<b>x</b><script>alert(1)</script> **đậm** [a](http://x) $x$ {{7*7}}"
RTL = "\u202eأبج\u202c"
HOSTILE = f"{MARKUP} {RTL}"


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --- reading links ----------------------------------------------------------------------------------------------

def test_a_whole_address_a_question_mark_part_and_a_bare_query_are_the_same_view():
    text = (f"http://10.0.0.5:8501/?{CATEGORY}\n"
            f"?{CATEGORY}\n"
            f"{CATEGORY}\n"
            f"10.0.0.5:8501/?{CATEGORY}#top\n")
    reading = read_links(text)
    assert reading.errors == ()
    assert len(reading.views) == 4 and len(set(reading.views)) == 1
    assert reading.views[0].link_params == {"period": ["2021-2025"], "source": ["demo"], "view": ["category"]}
    assert reading.views[0].period == "2021-2025"


def test_repeated_parameters_keep_every_value_in_order():
    (view,) = read_links(f"http://h/?{TWO_DISTRICTS}").views
    assert view.link_params["districts"] == ["Huyện Văn Lãng", "Huyện Cao Lộc"]


def test_comments_blank_lines_and_windows_line_ends_and_the_title_before_a_link():
    text = f"# Họp giao ban\r\n\r\n# Phân định khu vực\r\n?{CATEGORY}\r\n\r\n?{PRIORITY}\r\n"
    reading = read_links(text)
    assert reading.errors == ()
    assert [v.title for v in reading.views] == ["Phân định khu vực", ""]
    assert reading.views[1].link_params["view"] == ["priority"]


def test_a_bad_line_is_named_by_its_number_and_the_good_lines_still_load():
    text = f"?{CATEGORY}\n\nxin chào các anh chị\nhttp://example.com/trang\n?{PRIORITY}\n?period=2031-2035&view=category\n"
    reading = read_links(text)
    assert [v.link_params["view"] for v in reading.views] == [["category"], ["priority"]]
    assert reading.errors == (texts.BRIEFING_LINE_NOT_LINK.format(line=3),
                              texts.BRIEFING_LINE_NOT_LINK.format(line=4),
                              texts.BRIEFING_LINE_PERIOD.format(line=6, periods="2026-2030, 2021-2025"))
    assert "Dòng 3" in reading.errors[0]


def test_a_parameter_name_alone_is_not_a_link():
    assert read_links("view\nq=\n").views == ()
    assert len(read_links("view\nq=\n").errors) == 2


def test_unknown_parameters_are_dropped_and_known_ones_kept():
    (view,) = read_links("?view=gap&utm_source=mail&year=2030").views
    assert set(view.link_params) == {"view", "year"} and set(view.link_params) <= set(PARAMS)


def test_a_very_long_line_is_refused_without_being_read():
    long_line = "?view=category&q=" + "x" * MAX_LINE
    reading = read_links(f"?{CATEGORY}\n{long_line}\n")
    assert len(reading.views) == 1
    assert reading.errors == (texts.BRIEFING_LINE_TOO_LONG.format(line=2, limit=MAX_LINE),)


def test_at_most_thirty_views_and_the_first_line_left_out_is_named():
    text = "\n".join(f"?{CATEGORY}&q=x{i}" for i in range(MAX_VIEWS + 5))
    reading = read_links(text)
    assert len(reading.views) == MAX_VIEWS == 30
    assert reading.errors == (texts.BRIEFING_TOO_MANY.format(limit=MAX_VIEWS, line=31),)
    assert len(read_links(text, room=2).views) == 2  # a pack that already holds 28


def test_a_huge_paste_is_refused_whole():
    reading = read_links(f"?{CATEGORY}\n" * (briefing.MAX_TEXT // 10))
    assert reading.views == () and reading.errors == (texts.BRIEFING_PASTE_TOO_LONG.format(limit=briefing.MAX_TEXT),)


# --- the saved list ---------------------------------------------------------------------------------------------

def test_the_saved_list_reads_back_as_the_same_pack():
    pack = (PackedView.of({"period": "2021-2025", "source": "demo", "view": "category"}, "Khu vực"),
            read_links(f"?{TWO_DISTRICTS}").views[0],
            PackedView.of({"view": "priority", "ticked": [""], "q": HOSTILE}, HOSTILE))
    content = list_file(pack, titles=["", "Điện lưới hai huyện", ""], address="http://10.0.0.5:8501/",
                        illustrative=[True, False, False])
    lines = content.decode("utf-8").splitlines()
    assert lines[0] == "# Dữ liệu minh họa — không phải số liệu chính thức"  # demo data, said in the file too
    assert lines[1] == "# Khu vực" and lines[2].startswith("http://10.0.0.5:8501/?period=2021-2025")
    assert lines[4] == "# Điện lưới hai huyện"  # a view without its own title is saved under the one shown
    assert sum(line.startswith("# Dữ liệu minh họa") for line in lines) == 1
    back = read_list_file(content)
    assert back.errors == ()
    assert [v.params for v in back.views] == [v.params for v in pack]
    assert [v.title for v in back.views] == ["Khu vực", "Điện lưới hai huyện", HOSTILE.replace("  ", " ")]
    assert back.views[2].link_params["q"] == [HOSTILE]  # markup and bidi characters kept as they are


def test_a_saved_list_from_windows_with_a_bom_is_read():
    content = "\ufeff# Bản đồ khu vực\r\n?period=2021-2025&view=category\r\n".encode()
    reading = read_list_file(content)
    assert reading.errors == () and reading.views[0].title == "Bản đồ khu vực"


def test_a_binary_or_huge_or_foreign_encoded_file_gets_a_vietnamese_error():
    assert read_list_file(b"\x89PNG\r\n\x1a\n\x00\x00").errors == (texts.BRIEFING_FILE_NOT_TEXT,)
    assert read_list_file("# Bản đồ\n?view=category\n".encode("utf-16")).errors == (texts.BRIEFING_FILE_NOT_TEXT,)
    assert read_list_file("# café\n?view=category\n".encode("cp1252")).errors == (texts.BRIEFING_FILE_NOT_TEXT,)
    huge = read_list_file(b"#" * (briefing.MAX_FILE_BYTES + 1))
    assert huge.views == () and huge.errors == (texts.BRIEFING_FILE_TOO_BIG.format(limit=256),)


def test_a_title_is_one_line_without_control_characters_and_bounded():
    view = PackedView.of({"view": "category"}, "a\x00b\nc\td" + "é" * 500)
    assert view.title.startswith("a b c d") and len(view.title) == briefing.MAX_TITLE


# --- the pack ---------------------------------------------------------------------------------------------------

def test_adding_moving_and_removing_keep_the_order_and_the_limit():
    a, b, c = (PackedView.of({"view": kind}) for kind in ("category", "priority", "admin"))
    pack, left_off = briefing.added((a,), [b, c, b, a])
    assert pack == (a, b, c) and left_off == 0  # each view once
    assert briefing.moved(pack, 2, -1) == (a, c, b)
    assert briefing.moved(pack, 0, -1) == pack and briefing.moved(pack, 2, 1) == pack
    assert briefing.removed(pack, 1) == (a, c)
    many = tuple(PackedView.of({"view": "category", "q": str(i)}) for i in range(MAX_VIEWS - 1))
    full, left_off = briefing.added(many, [a, b, c])
    assert len(full) == MAX_VIEWS and full[-1] == a and left_off == 2


def test_the_map_address_is_the_apps_root():
    assert briefing.map_address("http://10.0.0.5:8501/briefing_page") == "http://10.0.0.5:8501/"
    assert briefing.map_address("https://gis.langson.gov.vn/ban-do/briefing_page") == \
        "https://gis.langson.gov.vn/ban-do/"
    assert briefing.map_address(None) == "" and briefing.map_address("javascript:alert(1)") == ""


# --- the PDF ----------------------------------------------------------------------------------------------------

def sheet_of(query: str, data, programme, title: str = "") -> BriefingSheet:
    """A pasted link made into its print page as the briefing page makes it (ui/briefing_page.view_page)."""
    (view,) = read_links(query).views
    table = commune_table(data.communes, programme)
    reading = from_params(view.link_params, Choices(source=programme.source, period=data.period.key),
                          data.district_names)
    choices = completed(reading, indicators_with_values(table))
    page = map_page(choices, data, programme, table)
    return BriefingSheet(page=page, data=data.province_data,
                         villages=programme.villages if page.with_villages else None, title=title or view.title)


@pytest.fixture(scope="module")
def three(map_data_2021, demo_programme):
    """The category view, an indicator view of two districts and the priority view, with a cover; built once."""
    sheets = [sheet_of(f"?{q}", map_data_2021, demo_programme) for q in (CATEGORY, TWO_DISTRICTS, PRIORITY)]
    calls = []
    pdf = render_briefing(sheets, cover_title="Họp giao ban quý I", export_date=EXPORT_DATE,
                          progress=lambda done, total: calls.append((done, total)))
    return sheets, pdf, [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages], calls


def test_pages_are_the_cover_and_one_per_view_numbered(three):
    sheets, _, pages, calls = three
    assert len(pages) == 1 + len(sheets) == 4
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]
    for k, text in enumerate(pages, start=1):
        assert f"Trang {k}/4" in text


def test_each_page_has_its_views_title_and_filters(three):
    sheets, _, pages, _ = three
    assert [sheet.page.choices.options.kind for sheet in sheets] == ["category", "indicator", "priority"]
    assert sheets[1].page.subtitle == "Huyện: Văn Lãng, Cao Lộc"  # the link's two districts, read back
    for sheet, text in zip(sheets, pages[1:], strict=True):
        lines = text.splitlines()
        assert squeezed(sheet.page.built.view.title) in squeezed(" ".join(lines[1:4]))
        assert sheet.page.subtitle in text
        assert squeezed(texts.ILLUSTRATIVE_NOTE) in squeezed(text)  # the print map's mark of demo data


def test_the_cover_lists_the_views_with_their_pages_and_marks_demo_data(three):
    sheets, _, pages, _ = three
    cover = squeezed(pages[0])
    assert squeezed(texts.BRIEFING_KIND.upper()) in cover and squeezed("Họp giao ban quý I") in cover
    assert "05/03/2026" in pages[0]
    assert squeezed(texts.ILLUSTRATIVE_NOTE) in cover  # the stamp's note
    for k, sheet in enumerate(sheets, start=2):
        assert squeezed(texts.BRIEFING_COVER_PAGE.format(page=k) + sheet.page.built.view.title) in cover
        assert squeezed(sheet.page.subtitle) in cover


def test_the_print_page_is_the_export_sections_pdf_with_a_page_number(three, map_data_2021):
    from layers.paper.render import render_print_map
    sheets, _, pages, _ = three
    page = sheets[2].page
    alone = render_print_map(page.built.view, map_data_2021.province_data, fmt="pdf", export_date=EXPORT_DATE,
                             highlighted=page.built.top, villages=sheets[2].villages)
    text = pypdf.PdfReader(io.BytesIO(alone)).pages[0].extract_text()
    assert pages[3].replace("Trang 4/4", "").split() == text.split()


def test_fonts_are_embedded_truetype(three):
    _, pdf, _, _ = three
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            assert "/FontFile2" in descendant["/FontDescriptor"].get_object()  # TrueType, embedded


def test_without_a_cover_and_without_demo_data_nothing_is_marked(map_data_2021):
    programme = empty_programme()
    sheet = sheet_of(f"?{CATEGORY.replace('demo', 'imported')}", map_data_2021, programme)
    pdf = render_briefing([sheet], cover=False, export_date=EXPORT_DATE, orientation="portrait")
    pages = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) == 1 and "Trang 1/1" in pages[0]
    assert squeezed(texts.ILLUSTRATIVE) not in squeezed(pages[0])
    cover = render_briefing([sheet], export_date=EXPORT_DATE)
    cover_text = squeezed(pypdf.PdfReader(io.BytesIO(cover)).pages[0].extract_text())
    assert squeezed(texts.ILLUSTRATIVE) not in cover_text and squeezed(texts.ILLUSTRATIVE_NOTE) not in cover_text


def test_views_of_both_periods_in_one_pack(map_data_2021, demo_programme, shared_dir):
    from layers.prepared import prepare
    data_2026 = prepare({"LANGSON_GEODATA_DIR": str(shared_dir)}, "2026-2030")
    sheets = [sheet_of(f"?{CATEGORY}", map_data_2021, demo_programme),
              sheet_of("?period=2026-2030&source=imported&view=admin", data_2026, empty_programme(), "Xã mới")]
    pdf = render_briefing(sheets, export_date=EXPORT_DATE)
    pages = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    assert "2021-2025" in pages[1] and "Xã mới" in pages[2].splitlines()[1]
    assert "Trang 3 Xã mới — giai đoạn 2026-2030. Bộ lọc" in pages[0]  # a title typed names no period: added
    assert pages[0].count("2021-2025") == 1  # the view's own title names it: not twice


def test_hostile_text_in_a_link_and_in_a_district_name_is_printed_as_typed(map_data_2021, demo_programme):
    data = map_data_2021
    districts = data.province_data.districts.copy()
    communes = data.province_data.communes.copy()
    city = "Thành phố Lạng Sơn"
    communes.loc[communes["district"] == city, "district"] = HOSTILE
    districts.loc[districts["district"] == city, "district"] = HOSTILE
    hostile = replace(data, province_data=replace(data.province_data, communes=communes, districts=districts))
    searched = PackedView.of({"period": "2021-2025", "source": "demo", "view": "category", "q": HOSTILE}, HOSTILE)
    district = PackedView.of({"period": "2021-2025", "source": "demo", "view": "category", "districts": [HOSTILE]})
    back = read_links(list_file([searched, district], titles=["", "Huyện"]).decode()).views
    table = commune_table(communes, demo_programme)
    sheets = []
    for view in back:
        reading = from_params(view.link_params, Choices(source="demo", period="2021-2025"),
                              [*data.district_names, HOSTILE])
        page = map_page(completed(reading, []), hostile, demo_programme, table)
        sheets.append(BriefingSheet(page, hostile.province_data, None, view.title))
    assert sheets[0].page.choices.query == HOSTILE and sheets[1].page.choices.districts == (HOSTILE,)
    assert to_params(sheets[0].page.choices)["q"] == HOSTILE
    assert all(squeezed(MARKUP) in squeezed(sheet.page.subtitle) for sheet in sheets)
    pdf = render_briefing(sheets, cover_title=HOSTILE, export_date=EXPORT_DATE)
    pages = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    # cover: its title, the first view's title and search, the second's district; a page: its title and filter
    for text, times in ((pages[0], 4), (pages[1], 2), (pages[2], 1)):
        assert squeezed(text).count(squeezed(MARKUP)) >= times, text
        assert "أبج" in text
    assert "Huyện" in pages[2].splitlines()[1]


def test_a_view_of_demo_data_carried_over_is_named_illustrative():
    """2026-2030 data carried over from the demo set is illustrative though its source is "carried": the pack's
    list says both; demo data is named once."""
    from types import SimpleNamespace

    from geo.vocabulary import CARRIED, DEMO, IMPORTED

    def page(source, illustrative):
        return SimpleNamespace(built=SimpleNamespace(view=SimpleNamespace(title="T", illustrative=illustrative)),
                               choices=SimpleNamespace(period="2026-2030", source=source), subtitle="Toàn tỉnh")

    assert briefing.entry(page(CARRIED, True)).source == f"{texts.SOURCE_NAMES[CARRIED]} · {texts.ILLUSTRATIVE}"
    assert briefing.entry(page(CARRIED, False)).source == texts.SOURCE_NAMES[CARRIED]
    assert briefing.entry(page(DEMO, True)).source == texts.ILLUSTRATIVE
    assert briefing.entry(page(IMPORTED, False)).source == texts.SOURCE_NAMES[IMPORTED]

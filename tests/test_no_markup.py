"""Nothing from a file or the URL is rendered as markup: markdown, links, images, colours and LaTeX show literally.

The probes go in as an uploaded file's name, a broken commune name inside the file, the file name of a
stored version (the map page's "Nguồn", the import history), the search `q` of the URL, village names (the
import's tables, the map's popups, the tables of the next period and the crosswalk), an unknown commune, a
sheet name, a column header and a value of an upload. Every element Streamlit renders as markdown must carry
them escaped (tests/browser/test_no_markup_in_browser.py
checks what the browser then shows and requests).
"""

import html
import io
import json
import re
import zipfile
from xml.sax.saxutils import escape as xml_escape

import pandas as pd
import pytest

from geo.imports import import_villages
from geo.store import Store
from geo.vocabulary import CARRIED, IMPORTED
from tests.apptest import run, signed_in_import_page
from tests.conftest import EDITOR, open_map_page
from tests.import_fixtures import csv_text, xlsx_bytes
from ui.plain_text import WORD_JOINER, plain

PROBES = ("![x](http://127.0.0.1:9/b.png)", "[link](http://x)", ":red[x]", "$x$", "**b**")
PROBE = " ".join(PROBES)
FILE_NAME = f"{PROBE}.csv"
# Element kinds whose text Streamlit renders as markdown (st.text and dataframes are plain already).
MARKDOWN_KINDS = ("markdown", "caption", "error", "warning", "info", "success", "title", "header", "subheader")


def markdown_texts(at) -> list[str]:
    """The markdown source of every element and label the page renders as markdown, the sidebar's too."""
    texts = [str(e.value) for kind in MARKDOWN_KINDS for e in at.get(kind)]
    texts += [e.label for e in at.expander]
    texts += [w.label for kind in ("checkbox", "button", "selectbox", "radio", "text_input", "toggle")
              for w in at.get(kind)]
    return texts


def shown(markdown: str) -> str:
    """What the reader sees of escaped markdown: escapes undone, the invisible word joiners gone."""
    return re.sub(r"\\(.)", r"\1", markdown).replace(WORD_JOINER, "")


def assert_inert(at, expected: int = 1) -> None:
    """No markdown source holds a probe unescaped, and at least `expected` of them show all probes."""
    texts = markdown_texts(at)
    for text in texts:
        for probe in PROBES:
            assert probe not in text, f"{probe!r} reaches Streamlit as markup in {text!r}"
        assert "](http" not in text and "![" not in text  # no link or image, whatever comes around it
    showing = [t for t in texts if PROBE in shown(t)]
    assert len(showing) >= expected, texts
    assert all(plain(PROBE) in t for t in showing)


def categories_csv(commune_list, broken_name=None) -> bytes:
    """The 199 area communes in category III (a test value, not the official list), with a broken row."""
    rows = commune_list[commune_list.commune != "Xã Yên Thịnh"]
    frame = pd.DataFrame({"Mã xã": rows.gso_code, "Huyện": rows.district, "Xã": rows.commune, "Khu vực": "III"})
    if broken_name:
        frame = pd.concat([frame, pd.DataFrame([{"Mã xã": "", "Huyện": "Huyện Cao Lộc", "Xã": broken_name,
                                                  "Khu vực": "III"}])])
    return frame.to_csv(index=False).encode("utf-8")


def test_plain_escapes_streamlit_markdown_and_breaks_what_it_finds_after():
    escaped = plain(PROBE)
    for probe in PROBES:
        assert probe not in escaped
    assert shown(escaped) == PROBE
    # found by Streamlit in the text after unescaping: autolinks, icons, directives
    for text, broken in (("http://127.0.0.1:9", "http:" + WORD_JOINER), (":material/home:", ":" + WORD_JOINER + "m"),
                         ("www.x.vn", "www" + WORD_JOINER), ("a@b.vn", "@" + WORD_JOINER),
                         (":streamlit:", ":" + WORD_JOINER + "s")):
        assert broken in plain(text).replace("\\", ""), text
    assert plain("Ghi chú: 10:12") == r"Ghi chú\: 10\:12"  # a colon before a space or digit is left as it is


def test_a_file_name_and_a_commune_name_from_the_upload_are_inert(env, commune_list):
    at = signed_in_import_page()
    at.radio(key="import_period").set_value("2021-2025")
    at = run(at)
    at.file_uploader[0].set_value((FILE_NAME, categories_csv(commune_list, broken_name=PROBE), "text/csv"))
    at = run(at)
    assert at.error, "the broken row blocks the import"
    assert_inert(at)  # "Tệp «…» CHƯA được nhập"
    problems = [d.value for d in at.dataframe if "Nội dung" in d.value.columns]
    assert problems and problems[0].astype(str).apply(lambda c: c.str.contains(PROBE, regex=False)).any().any()


def test_a_stored_file_name_is_inert_in_the_import_history_and_its_rollback(env, commune_list):
    store = Store.default(env)
    rows = commune_list[commune_list.commune != "Xã Yên Thịnh"]
    frame = pd.DataFrame({"gso_code": rows.gso_code.tolist(), "area_category": "III"})
    first = store.save("categories", "imported", frame, FILE_NAME, b"1", by=EDITOR)
    store.save("categories", "imported", frame.assign(area_category="I"), FILE_NAME, b"2", by=EDITOR)
    at = signed_in_import_page()
    assert_inert(at)  # "Đang dùng: phiên bản 2 (tệp «…»)"
    at.selectbox(key="rollback_version_categories_imported_2021-2025").set_value(first)
    at = run(at.button(key="rollback_ask").click())
    assert at.warning
    assert_inert(at, expected=2)  # the question names both files


def test_a_stored_file_name_is_inert_on_the_map_page(env, commune_list):
    store = Store.default(env)
    rows = commune_list[commune_list.commune != "Xã Yên Thịnh"]
    store.save("categories", "imported", pd.DataFrame({"gso_code": rows.gso_code.tolist(), "area_category": "III"}),
               FILE_NAME, b"1", by=EDITOR)
    at = open_map_page(source="imported")
    assert_inert(at)  # the caption's "Nguồn" names the file


@pytest.mark.parametrize("query", [PROBE, "Gia Miễn " + PROBE])
def test_the_search_in_the_url_is_inert(env, query):
    at = open_map_page(q=query)
    assert_inert(at)  # the caption says what was searched


# --- what is inside a file: village and commune names, sheet names, column headers, values ---------------

# A village name carrying every probe; a trailing "**" would be read as a footnote mark and left out of a name.
VILLAGE = f"Thôn {PROBE} Một"
SPLIT_COMMUNE = "06622"  # Xã Bính Xá, split between Xã Đình Lập and Xã Kiên Mộc (../shared/geodata crosswalk)
SHEET_PART = "xl/workbook.xml"


def table_cells(at) -> list[str]:
    """Every header and cell of the page's tables as text (tables are plain text in the browser)."""
    cells = []
    for element in at.dataframe:
        frame = element.value if isinstance(element.value, pd.DataFrame) else element.value.data  # a Styler's
        cells += [str(c) for c in frame.columns] + frame.astype(str).to_numpy().ravel().tolist()
    return cells


def in_tables(at, text: str) -> bool:
    return any(text in cell for cell in table_cells(at))


def uploaded(kind: str, name: str, content: bytes):
    """The import page of 2021-2025, an editor signed in, with `content` uploaded as `kind` under `name`."""
    at = signed_in_import_page()
    at.radio(key="import_period").set_value("2021-2025")
    at = run(at)
    at.selectbox(key="import_kind").set_value(kind)
    at = run(at)
    at.file_uploader[0].set_value((name, content, "application/octet-stream"))
    return run(at)


def xlsx_with_sheet_name(rows: list[list[object]], sheet_name: str) -> bytes:
    """An .xlsx whose one sheet is called `sheet_name`, written into the workbook part: Excel and openpyxl
    refuse "[", ":" or "*" in a sheet name, a file made by another program (or made to attack) may have them."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes({"PLACEHOLDER": rows})))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == SHEET_PART:
                data = data.replace(b'name="PLACEHOLDER"', f'name="{xml_escape(sheet_name)}"'.encode("utf-8"))
            target.writestr(item, data)
    return out.getvalue()


def test_a_village_name_and_an_unknown_commune_of_a_village_list_are_inert(env):
    rows = [["Huyện", "Xã", "Tên thôn"], ["Huyện Chi Lăng", "Xã Hòa Bình", VILLAGE],
            ["Huyện Chi Lăng", PROBE, "Thôn Thử"]]
    at = uploaded("villages", FILE_NAME, csv_text(rows).encode("utf-8"))
    assert at.error, "the unknown commune blocks the import"
    assert_inert(at)  # "Tệp «…» có 1 lỗi nên CHƯA được nhập"
    assert in_tables(at, f"«{PROBE}»")  # the problem names the commune as written
    assert in_tables(at, VILLAGE)  # the preview
    at = uploaded("villages", "thon.csv", csv_text(rows[:2]).encode("utf-8"))
    assert not at.error and "confirm_import" in [b.key for b in at.button]
    assert_inert(at, expected=0)  # the headline, the warnings and the second confirmation say counts only
    changes = [d.value for d in at.dataframe if "Thêm" in d.value.columns]
    assert changes and changes[0]["Thêm"].str.contains(VILLAGE, regex=False).any()


@pytest.mark.parametrize("rows", [
    [["Huyện", "Xã", "Tên thôn"], ["Huyện Chi Lăng", "Xã Không Có", "Thôn Thử"]],  # a row's problem names it
    [["Cột một", "Cột hai"], ["x", "y"]],  # no header found: "Đã xem các trang tính: …"
], ids=["row", "no_header"])
def test_a_sheet_name_is_inert(env, rows):
    at = uploaded("villages", "thon.xlsx", xlsx_with_sheet_name(rows, PROBE))
    assert at.error
    assert_inert(at, expected=0)
    assert in_tables(at, PROBE)


def test_a_column_header_and_a_value_are_inert_in_the_mapping_and_the_problems(env, commune_list):
    code = commune_list.gso_code.iloc[1]
    rows = [["Mã xã", "Thôn", PROBE, "Thôn có nhà văn hóa đạt chuẩn"], [code, "Thôn Thử", "12", PROBE]]
    at = uploaded("indicators_village", "chi_tieu.csv", csv_text(rows).encode("utf-8"))
    assert_inert(at, expected=0)  # the column-mapping step's expander, captions and labels hold no header
    assert any(f"«{PROBE}»" in t.value for t in at.text)  # "Cột C «…» — giá trị đầu: 12", plain text
    # the first values, cut short in that line
    assert any(PROBES[0] in t.value for t in at.text if "Thôn có nhà văn hóa" in t.value)
    assert in_tables(at, f"«{PROBE}» không hợp lệ")  # the value, as the problem quotes it
    assert in_tables(at, f"cột C «{PROBE}»")  # the header, as the note about the column quotes it


def test_a_column_header_named_by_the_whole_file_error_is_inert(env, commune_list):
    """A column chosen as an indicator but left empty: the red box names the column."""
    rows = [["Mã xã", PROBE]] + [[code, ""] for code in commune_list.gso_code.iloc[:3]]
    at = uploaded("indicators_commune", "chi_tieu.csv", csv_text(rows).encode("utf-8"))
    (choice,) = [s for s in at.selectbox if s.label.startswith("Chỉ tiêu của cột")]
    choice.set_value("electricity_households")  # a commune indicator (geo/indicators.py)
    at = run(next(b for b in at.button if b.label == "Áp dụng cách ghép cột").click())
    assert at.error
    assert_inert(at)  # "tệp có 3 dòng ghi xã nhưng cột «…» chưa điền giá trị nào"


@pytest.fixture
def stored_villages(env, reference):
    """VILLAGE in a split commune without coordinates (a badge) and in another commune with them (a point)."""
    rows = [["Mã xã", "Thôn", "Kinh độ", "Vĩ độ"], [SPLIT_COMMUNE, VILLAGE, "", ""],
            [reference.area_codes[1], VILLAGE, "106,6", "21,7"]]
    result = import_villages(csv_text(rows).encode("utf-8"), "thon.csv", reference)
    assert result.ok, result.problems_frame()
    Store.default(env).save_result(result, by=EDITOR)


def test_village_names_are_inert_on_the_map(stored_villages):
    at = open_map_page(source=IMPORTED)
    assert_inert(at, expected=0)
    script = json.loads(at.get("component_instance")[0].proto.json_args)["script"]
    # in the map's data only (a point's popup name and hover title, a badge's list), as JSON of text with
    # nothing to escape for HTML
    assert script.count(json.dumps(html.escape(VILLAGE))[1:-1]) == 3


def test_village_names_are_inert_in_the_tables_of_the_next_period_and_the_crosswalk(stored_villages):
    at = open_map_page(period="2026-2030", source=CARRIED)
    assert_inert(at, expected=0)  # "Thôn ĐBKK 2021-2025 chưa xác định thuộc xã mới nào (1)"
    assert in_tables(at, VILLAGE)  # the village of the split commune, not yet placed
    at.switch_page("ui/crosswalk_page.py")
    at = run(at)
    assert_inert(at, expected=0)
    assert in_tables(at, VILLAGE)

"""Nothing from a file or the URL is rendered as markup: markdown, links, images, colours and LaTeX show literally.

The probes go in as an uploaded file's name, a broken commune name inside the file, the file name of a
stored version (the map page's "Nguồn", the import history) and the search `q` of the URL. Every
element Streamlit renders as markdown must carry them escaped (tests/browser/test_no_markup_in_browser.py
checks what the browser then shows and requests).
"""

import re

import pandas as pd
import pytest

from geo.store import Store
from tests.apptest import import_page, run
from tests.conftest import open_map_page
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
    at = import_page()
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
    first = store.save("categories", "imported", frame, FILE_NAME, b"1")
    store.save("categories", "imported", frame.assign(area_category="I"), FILE_NAME, b"2")
    at = import_page()
    assert_inert(at)  # "Đang dùng: phiên bản 2 (tệp «…»)"
    at.selectbox(key="rollback_version_categories_imported_2021-2025").set_value(first)
    at = run(at.button(key="rollback_ask").click())
    assert at.warning
    assert_inert(at, expected=2)  # the question names both files


def test_a_stored_file_name_is_inert_on_the_map_page(env, commune_list):
    store = Store.default(env)
    rows = commune_list[commune_list.commune != "Xã Yên Thịnh"]
    store.save("categories", "imported", pd.DataFrame({"gso_code": rows.gso_code.tolist(), "area_category": "III"}),
               FILE_NAME, b"1")
    at = open_map_page(source="imported")
    assert_inert(at)  # the caption's "Nguồn" names the file


@pytest.mark.parametrize("query", [PROBE, "Gia Miễn " + PROBE])
def test_the_search_in_the_url_is_inert(env, query):
    at = open_map_page(q=query)
    assert_inert(at)  # the caption says what was searched

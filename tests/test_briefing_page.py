"""The briefing pack page (issue 16, item 2) as a user drives it: a view added from the map page's export section,
links pasted, views moved and removed, a saved list opened, the PDF built and offered; errors in Vietnamese
naming the line; a view whose period cannot be read is named and skipped."""

from __future__ import annotations

import io
import re

import pypdf
import pytest

import texts
from geo.demo import store_demo
from geo.errors import DataError
from geo.store import Store
from layers.briefing import PackedView
from tests.apptest import run
from tests.conftest import EDITOR, open_map_page
from ui.plain_text import WORD_JOINER

PAGE = "ui/briefing_page.py"
PACK = "briefing_pack"
PRIORITY = "http://10.0.0.5:8501/?period=2021-2025&source=demo&view=priority&top=5"
TWO_DISTRICTS = ("?period=2021-2025&source=demo&view=indicator&indicator=electricity_households"
                 "&districts=Huy%E1%BB%87n+V%C4%83n+L%C3%A3ng&districts=Huy%E1%BB%87n+Cao+L%E1%BB%99c")
# Words of Streamlit's or Python's English that must not reach this page.
ENGLISH = re.compile(r"\b(the|and|of|None|nan|Error|Traceback|Exception|page|view|link|Upload|Browse|Download)\b")


@pytest.fixture
def demo(env):
    store_demo(Store.default(env), by=EDITOR)
    return env


def briefing(at):
    at.switch_page(PAGE)
    return run(at)


def shown(at) -> list[str]:
    """Every text of the page a user reads: headings, notes, captions, labels, help."""
    texts_ = [e.value for kind in ("markdown", "caption", "info", "success", "error", "warning") for e in at.get(kind)]
    texts_ += [w.label for kind in ("button", "text_area", "text_input", "checkbox", "radio") for w in at.get(kind)]
    texts_ += [b.proto.label for b in at.get("download_button")]
    texts_ += [w.help or "" for kind in ("button", "text_area") for w in at.get(kind)]
    return [said(t) for t in texts_]


def said(text) -> str:
    """Text as the user reads it: without the escapes and word joiners that keep it plain (ui/plain_text.py)."""
    return str(getattr(text, "value", text)).replace("\\", "").replace(WORD_JOINER, "")


def rows(at) -> list[str]:
    """The pack's rows, "1. title", in order."""
    return [t for t in shown(at) if re.match(r"^\d+\. ", t)]


def paste(at, text: str):
    at.text_area(key="briefing_links").input(text)
    return run(at.button(key="briefing_links_add").click())


def test_an_empty_pack_says_how_to_fill_it(env):
    at = briefing(run(open_map_page()))
    assert texts.BRIEFING_EMPTY in [i.value for i in at.info]
    assert not [b for b in at.button if b.key == "briefing_build"]
    assert not [t for t in shown(at) if ENGLISH.search(t)]


def test_add_from_the_map_page_paste_reorder_remove_and_build_the_pdf(demo):
    at = open_map_page(view="category")
    at.session_state["export_open"] = True
    at = run(at)
    at = run(at.button(key="export_briefing_add").click())
    assert texts.BRIEFING_ADDED.format(count=1, page=texts.PAGE_BRIEFING) in [c.value for c in at.caption]
    (added,) = at.session_state[PACK]
    assert added.link_params["view"] == ["category"] and added.period == "2021-2025"

    at = briefing(at)
    assert rows(at) == ["1. Phân định xã khu vực I, II, III (QĐ 861/QĐ-TTg) — giai đoạn 2021-2025"]
    at = paste(at, f"# Điện lưới hai huyện\n{TWO_DISTRICTS}\n\n{PRIORITY}\n")
    assert said(at.success[0]) == texts.BRIEFING_LINKS_ADDED.format(count=2)
    assert at.text_area(key="briefing_links").value == ""  # all taken
    titles = rows(at)
    assert titles[1:] == ["2. Điện lưới hai huyện", "3. Điểm ưu tiên đầu tư — giai đoạn 2021-2025"]
    assert any("Huyện: Văn Lãng, Cao Lộc" in t for t in shown(at))  # the filters, in words

    at = run(at.button(key="briefing_up_2").click())  # priority before the districts
    assert [r.split(". ", 1)[1] for r in rows(at)] == [titles[0][3:], titles[2][3:], titles[1][3:]]
    at = run(at.button(key="briefing_remove_0").click())
    assert [r.split(". ", 1)[1] for r in rows(at)] == [titles[2][3:], titles[1][3:]]

    at.text_input(key="briefing_cover_title").input("Họp giao ban quý I")
    at = run(at.button(key="briefing_build").click())
    (save,) = [b for b in at.get("download_button") if b.proto.label == texts.BRIEFING_SAVE_PDF.format(pages=3)]
    _, _, pdf, pages = at.session_state["_briefing_pdf"]
    texts_ = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    assert len(texts_) == pages == 3
    assert "Họp giao ban quý I" in texts_[0] and "Trang 2 Điểm ưu tiên" in texts_[0]
    assert "Điện lưới hai huyện" in texts_[2].splitlines()[1] and "Huyện: Văn Lãng, Cao Lộc" in texts_[2]
    assert all(texts.PRINT_LEGEND_VILLAGE_BADGES in text for text in texts_[1:])  # villages, as the map shows them
    assert not [t for t in shown(at) if ENGLISH.search(t)]

    at = run(at.button(key="briefing_down_0").click())  # another order: the PDF made before is let go
    assert not [b for b in at.get("download_button") if b.proto.label == texts.BRIEFING_SAVE_PDF.format(pages=3)]


def test_a_bad_line_is_named_and_the_pack_keeps_what_it_had(demo):
    at = briefing(run(open_map_page()))
    at = paste(at, PRIORITY)
    at = paste(at, f"{TWO_DISTRICTS}\nđây không phải liên kết\n?period=2099-2100&view=category")
    assert [said(e) for e in at.error] == [
        texts.BRIEFING_LINE_NOT_LINK.format(line=2),
        texts.BRIEFING_LINE_PERIOD.format(line=3, periods="2026-2030, 2021-2025")]
    assert len(rows(at)) == 2  # the first paste kept, the good line added
    assert "đây không phải" in at.text_area(key="briefing_links").value  # left to be mended
    at = paste(at, TWO_DISTRICTS)  # sent again: not twice in the pack
    assert len(rows(at)) == 2 and texts.BRIEFING_NOTHING in [said(i) for i in at.info]


def test_a_view_whose_period_cannot_be_read_is_named_and_skipped(demo, monkeypatch):
    from ui import state
    real = state.map_data

    def no_2026(period):
        if period == "2026-2030":
            raise DataError("Thiếu tệp ranh giới xã mới.")
        return real(period)

    monkeypatch.setattr(state, "map_data", no_2026)
    at = run(open_map_page())
    at.session_state[PACK] = (PackedView.of({"period": "2026-2030", "view": "admin"}, "Xã mới"),
                              PackedView.of({"period": "2021-2025", "source": "demo", "view": "category"}))
    at = briefing(at)
    skipped = texts.BRIEFING_SKIPPED.format(number=1, reason="Thiếu tệp ranh giới xã mới.")
    assert skipped in [said(c) for c in at.caption]
    at = run(at.button(key="briefing_build").click())
    assert skipped in [said(w) for w in at.warning]
    _, _, pdf, pages = at.session_state["_briefing_pdf"]
    assert pages == 2 and len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 2  # the cover and the one view


def test_a_saved_list_is_opened_and_offered_again(demo):
    at = briefing(run(open_map_page()))
    saved = f"\ufeff# Ưu tiên\r\n{PRIORITY}\r\n\r\n# Hai huyện\r\n{TWO_DISTRICTS}\r\n".encode()
    at.file_uploader(key="briefing_upload").set_value(("tai-lieu-hop.txt", saved, "text/plain"))
    at = run(at)
    assert rows(at) == ["1. Ưu tiên", "2. Hai huyện"]
    assert texts.BRIEFING_LIST_SAVE in [b.proto.label for b in at.get("download_button")]
    at.file_uploader(key="briefing_upload").set_value(("anh.txt", b"\x89PNG\r\n\x1a\n\x00", "text/plain"))
    at = run(at)
    assert f"Tệp «anh.txt»: {texts.BRIEFING_FILE_NOT_TEXT}" in [said(e) for e in at.error]
    assert rows(at) == ["1. Ưu tiên", "2. Hai huyện"]  # nothing lost
    at.file_uploader(key="briefing_upload").set_value(("hop-thang-12.txt", f"# Lạc\nrác\n{PRIORITY}\n".encode(),
                                                       "text/plain"))
    at = run(at)
    assert f"Tệp «hop-thang-12.txt»: {texts.BRIEFING_LINE_NOT_LINK.format(line=2)}" in [said(e) for e in at.error]


def test_hostile_text_in_a_pasted_link_is_shown_as_plain_text(demo):
    from urllib.parse import quote

    hostile = "<b>x</b><script>alert(1)</script> **đậm** [a](http://x) :red[đỏ] \u202eأبج\u202c"
    at = briefing(run(open_map_page()))
    at = paste(at, f"# {hostile}\n?period=2021-2025&source=demo&view=category&q={quote(hostile)}")
    (row,) = [m for m in at.markdown if said(m).startswith("1. ")]
    assert said(row) == f"1. {hostile}" and "\\<b\\>" in row.value and "\\*\\*" in row.value  # escaped, not markup
    (details,) = [c for c in at.caption if "Tìm «" in said(c)]
    assert hostile in said(details) and "\\[a\\]" in details.value
    at = run(at.button(key="briefing_build").click())
    _, _, pdf, _ = at.session_state["_briefing_pdf"]
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[1].extract_text()
    assert "<b>x</b><script>alert(1)</script> **đậm** [a](http://x) :red[đỏ]" in page


def test_a_view_is_made_once_while_its_data_stays_the_same(demo, monkeypatch):
    """Moving or removing a view reruns the page; the views already made are not made again (an indicator
    view's classes take a quarter of a second each)."""
    import layers.page
    from geo.indicators import INDICATORS

    made = []
    real = layers.page.map_page
    monkeypatch.setattr(layers.page, "map_page", lambda *a, **k: made.append(1) or real(*a, **k))
    at = briefing(run(open_map_page()))
    before = len(made)  # the map page's own
    at = paste(at, f"{PRIORITY}\n{TWO_DISTRICTS}\n")
    assert len(rows(at)) == 2 and len(made) == before + 2
    at = run(at.button(key="briefing_down_0").click())
    assert rows(at)[0].startswith("1. " + INDICATORS["electricity_households"].label) and len(made) == before + 2
    at = run(at.button(key="briefing_remove_0").click())
    assert len(rows(at)) == 1 and len(made) == before + 2


def test_a_pdf_made_before_an_import_is_not_offered_after_it(demo):
    """The pack and paper are as they were, but the data changed: the PDF made of the old data is let go."""
    at = paste(briefing(run(open_map_page())), f"{PRIORITY}\n")
    at = run(at.button(key="briefing_build").click())
    saved = texts.BRIEFING_SAVE_PDF.format(pages=2)
    assert [b for b in at.get("download_button") if b.proto.label == saved]
    at = run(at)  # nothing changed: still offered
    assert [b for b in at.get("download_button") if b.proto.label == saved]
    store_demo(Store.default(demo), seed=7, by=EDITOR)  # a new version of the data
    at = run(at)
    assert not [b for b in at.get("download_button") if b.proto.label == saved]

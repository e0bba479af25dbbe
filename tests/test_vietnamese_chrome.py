"""Issue 13, defect 9: no English from Streamlit's own widgets, and one upload limit everywhere.

The browser side (the script really replacing the words) is tests/browser/test_no_english.py.
"""

import json
import re
import tomllib
from pathlib import Path

import pytest
import streamlit

import texts
from geo.imports.formats.limits import MAX_UPLOAD_MB
from geo.imports.reading import MAX_BYTES, UnreadableFile, read_sheets
from tests.apptest import import_page, run, signed_in_import_page
from tests.conftest import ROOT
from ui import vietnamese_chrome

CONFIG = ROOT / ".streamlit" / "config.toml"
BUNDLE = Path(streamlit.__file__).parent / "static" / "static" / "js"
VIETNAMESE = re.compile("[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.IGNORECASE)
PLACEHOLDER = re.compile(r"\{\w+\}")


def configured_upload_mb() -> int:
    return tomllib.loads(CONFIG.read_text(encoding="utf-8"))["server"]["maxUploadSize"]


def test_config_and_importer_have_one_upload_limit():
    """What the browser refuses (config.toml) is what the importers refuse: the same number of MB."""
    limit = configured_upload_mb()
    assert MAX_UPLOAD_MB == limit
    assert MAX_BYTES == limit * 2**20
    with pytest.raises(UnreadableFile) as over:
        read_sheets(b"x" * (limit * 2**20 + 1), "tep.csv")
    assert over.value.code == "too_big"
    assert f"giới hạn là {limit} MB" in over.value.text
    try:  # a file of exactly the limit is read (here it stops at the row limit instead)
        read_sheets(b"a,b\n" * (limit * 2**20 // 4), "tep.csv")
    except UnreadableFile as error:
        assert error.code != "too_big"


def test_the_uploader_says_and_enforces_the_configured_limit(env):
    limit = configured_upload_mb()
    at = signed_in_import_page()
    uploader = at.file_uploader[0]
    assert uploader.proto.max_upload_size_mb == limit
    assert f"Tối đa {limit} MB mỗi tệp." in uploader.proto.help


def test_the_catalogue_maps_english_to_vietnamese():
    for english, vietnamese in texts.STREAMLIT_CHROME.items():
        assert english.isascii() and english == english.strip(), english
        # Vietnamese words, or nothing but the placeholders ("{size}" is rewritten "20 MB")
        assert VIETNAMESE.search(vietnamese) or not re.search("[A-Za-z]", PLACEHOLDER.sub("", vietnamese)), english
        assert sorted(PLACEHOLDER.findall(english)) == sorted(PLACEHOLDER.findall(vietnamese)), english
        # a replacement is never replaced by another text (the script only writes a changed text)
        assert vietnamese not in vietnamese_chrome.exact_texts()


def bundle_text() -> str:
    return "".join(path.read_text(encoding="utf-8", errors="ignore") for path in BUNDLE.glob("*.js"))


# Texts the frontend puts together at run time: the pieces it builds them from.
COMPOSED = {
    "{count} options available.": ["options`})} available."],
    "{count} option available.": ["option`,other:", " available."],
    "Press Enter to apply": ["Press Enter to ${e}", "`apply`"],
    "Press Enter to submit form": ["Press Enter to ${e}", "`submit form`"],
    "add icon": ["${n} icon`", "`:material/add:`"],
    "The page that you have requested does not seem to exist. Running the app's main page.":
        ["The page that you have requested does not seem to exist`", "${t}. Running the app's main page."],
}
# The map's iframe is titled with the component's name, which streamlit-folium declares.
COMPONENT_NAMES = {"streamlit_folium.st_folium"}


def test_every_english_text_is_still_in_streamlits_frontend():
    """The keys are Streamlit 1.67.0's words; after an upgrade a changed one fails here, not silently."""
    bundle = bundle_text()
    missing = []
    for english in texts.STREAMLIT_CHROME:
        if english in COMPONENT_NAMES:
            continue
        pieces = COMPOSED.get(english) or [p for p in PLACEHOLDER.split(english) if p.strip()]
        missing += [(english, piece) for piece in pieces if piece not in bundle]
    assert missing == []


@pytest.mark.parametrize("english, vietnamese", [
    ("25MB per file", "Tối đa 25 MB mỗi tệp"),
    ("File must be 20.0MB or smaller.", "Tệp quá lớn: tối đa 20 MB."),
    ("Remove Khu vực III", "Bỏ Khu vực III"),
    ("12 options available.", "Có 12 lựa chọn."),
    ("22.0MB", "22 MB"),
    ("1.5KB", "1,5 KB"),
    ("thon_644.csv, 8.1KB", "thon_644.csv, 8,1 KB"),
    ("Huyện Cao Lộc, selected", "Huyện Cao Lộc, đã chọn"),
])
def test_patterns_match_streamlits_texts(english, vietnamese):
    """The JavaScript regexes (the same syntax as Python's for these) match the texts Streamlit writes."""
    for source, template, sizes in vietnamese_chrome.patterns():
        match = re.match(source, english)
        if match:
            def group(m, match=match, sizes=sizes):
                i = int(m[1])
                if i in sizes:  # what the script's size() writes: vi-VN number, a space, the unit
                    return f"{float(match[i]):g}".replace(".", ",") + " " + match[i + 1]
                return match[i]
            assert re.sub(r"\$(\d)", group, template) == vietnamese
            return
    pytest.fail(f"no pattern matches {english!r}")


def test_exact_texts_are_not_patterns():
    exact = vietnamese_chrome.exact_texts()
    assert exact["No results"] == "Không tìm thấy"
    assert not any(PLACEHOLDER.search(english) for english in exact)
    assert len(exact) + len(vietnamese_chrome.patterns()) == len(texts.STREAMLIT_CHROME)


def test_every_page_carries_the_script_once(env):
    """app.py installs it on every page, as the first element, with JavaScript allowed."""
    at = import_page()
    html = at.get("html")
    assert len(html) == 1
    assert html[0].proto.unsafe_allow_javascript
    body = html[0].proto.body
    assert json.dumps({"No results": "Không tìm thấy"}, ensure_ascii=False)[1:-1] in body
    assert "MutationObserver" in body
    at.switch_page("ui/crosswalk_page.py")
    at = run(at)
    assert len(at.get("html")) == 1

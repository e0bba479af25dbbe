"""Properties of every importer.

Malformed sheets: no crash, a clean problem list, no write. Well-formed content
written in any of the layouts, wordings and spellings departments use: the same
stored frame.
"""

import re
from collections import Counter

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.errors import DataError
from geo.imports import KINDS, import_file
from geo.imports.problems import ERROR, NOTE
from geo.store import Store
from tests.annex_fixtures import (
    ANNEX_DISTRICTS, TITLE_BLOCK, SheetSpec, annex_communes, annex_villages, bare, category_annex, category_sheet,
    instructions_sheet, render, village_annex, village_columns, village_sheet,
)
from tests.import_fixtures import csv_text, encode, reference, xlsx_bytes  # noqa: F401

ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạếềểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵ 0123456789,.;%-()\"'/"
TOKENS = ["Mã xã", "Huyện", "Xã", "Tên thôn", "Thôn", "Khu vực", "Chỉ tiêu", "Giá trị", "Năm", "Kinh độ", "Vĩ độ",
          "Tên đơn vị", "STT", "Khu vực III", "Khu vực II", "Khu vực I", "electricity_households",
          "road_village_hardened", "Thôn có nhà văn hóa đạt chuẩn", "Huyện Chi Lăng", "Xã Hòa Bình", "Xã Yên Thịnh",
          "Huyện Hữu Lũng", "Thành phố Lạng Sơn", "Tỉnh Lạng Sơn", "Tổng cộng", "KV III", "III", "I", "x", "có",
          "86%", "0,86", "1.234,5", "05971", "06400", "99999", "2024", "", "Thôn Thử"]

cells = st.one_of(
    st.none(),
    st.sampled_from(TOKENS),
    st.text(alphabet=ALPHABET, max_size=12),
    st.integers(min_value=-10**6, max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
)
rows = st.lists(st.lists(cells, max_size=7), max_size=14)
header = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=7)


@st.composite
def files(draw):
    sheet = draw(rows)
    if draw(st.booleans()):
        sheet = [draw(header)] + sheet
    fmt = draw(st.sampled_from(["xlsx", "utf-8", "utf-8-sig", "utf-16", "cp1258"]))
    if fmt == "xlsx":
        return "f.xlsx", xlsx_bytes({"Trang 1": sheet or [[]]})
    return "f.csv", encode(csv_text(sheet, draw(st.sampled_from([",", ";", "\t"]))), fmt)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return Store(tmp_path_factory.mktemp("prop") / "db.sqlite")


def _check(result, name, reference, store):
    assert result.file_name == name
    for problem in result.problems:
        assert problem.severity in (ERROR, NOTE)
        assert problem.message.startswith(f"Tệp {name}")
        assert problem.row is None or problem.row >= 1
    if result.ok:
        assert set(result.frame["gso_code"]) <= set(reference.commune_list["gso_code"])
        return
    before = len(store.history())
    if result.errors or result.frame.empty:
        with pytest.raises(DataError):
            store.save_result(result)
    assert len(store.history()) == before
    for kind in KINDS:
        assert store.current(kind, "imported") is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(KINDS), file=files())
def test_malformed_sheets(reference, store, kind, file):
    name, content = file
    _check(import_file(kind, content, name, reference), name, reference, store)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(KINDS), content=st.binary(max_size=300))
def test_random_bytes(reference, store, kind, content):
    result = import_file(kind, content, "rác.bin", reference)
    _check(result, "rác.bin", reference, store)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(min_size=1, max_size=200))
def test_broken_zip_is_unreadable(reference, content):
    result = import_file("categories", b"PK\x03\x04" + content, "hỏng.xlsx", reference)
    assert [p.code for p in result.problems] == ["unreadable_xlsx"]
    assert isinstance(result.frame, pd.DataFrame) and result.frame.empty


# --- the same content, rendered as departments might, stores the same frame (issue 10) -------------
# 12 real communes with test categories and 20 made-up villages (tests/annex_fixtures.py), written
# through random layouts, header wordings and name spellings.

DISTRICT_HEADERS = ["Huyện", "Tên huyện", "Huyện/TP", "Đơn vị cấp huyện"]
COMMUNE_HEADERS = ["Xã", "Tên xã", "Tên xã, phường, thị trấn", "Đơn vị cấp xã"]
VILLAGE_HEADERS = ["Thôn", "Tên thôn", "Thôn, bản", "Tên thôn, bản", "Thôn đặc biệt khó khăn"]
CATEGORY_HEADERS = ["Khu vực", "KV", "Phân loại khu vực", "Xã thuộc khu vực", "Khu vực (I, II, III)"]
ANNEX_HEADERS = ["Tên huyện, xã", "Tên đơn vị", "Tên đơn vị hành chính", "Huyện, xã"]
VILLAGE_ANNEX_HEADERS = ["Tên huyện, xã, thôn", "Tên đơn vị", "Huyện, xã, thôn"]
CATEGORY_WORDS = {"III": ["III", "KV III", "Khu vực III", "3"], "II": ["II", "KV II", "Khu vực II", "2"],
                  "I": ["I", "KV I", "Khu vực I", "1"]}
SPELLINGS = ("as_is", "no_prefix", "upper", "old_tone", "spaces")
HEADING_SPELLINGS = ("as_is", "upper", "old_tone", "spaces")  # a heading keeps its "Xã"/"Huyện"
_OLD_TONE = [("òa", "oà"), ("óa", "oá"), ("ỏa", "oả"), ("õa", "oã"), ("ọa", "oạ"), ("òe", "oè"), ("óe", "oé"),
             ("ụy", "uỵ"), ("úy", "uý"), ("ùy", "uỳ"), ("ủy", "uỷ"), ("ũy", "uỹ")]


def spell(name: str, style: str) -> str:
    """One way staff write a name: "Xã Thụy Hùng", "Thụy Hùng", "XÃ THỤY HÙNG", "Xã Thuỵ Hùng", "  Xã  Thụy  Hùng "."""
    if style == "no_prefix":
        return re.sub(r"^(Xã|Huyện|Thôn) ", "", name)
    if style == "upper":
        return name.upper()
    if style == "old_tone":
        for new, old in _OLD_TONE:
            name = name.replace(new, old)
        return name
    if style == "spaces":
        return "  " + name.replace(" ", "  ") + " "
    return name


@st.composite
def category_files(draw, content):
    """(sheets, format) writing the category list `content` = [(Place, category)], drawn at random."""
    layout = draw(st.sampled_from(["tidy", "annex", "marks", "per_district"]))
    fmt = "xlsx" if layout == "per_district" else draw(st.sampled_from(["xlsx", "csv"]))
    title, totals = draw(st.booleans()), draw(st.booleans())

    def commune(place):
        return spell(place.commune, draw(st.sampled_from(SPELLINGS)))

    def category(cat):
        return cat if layout == "marks" else draw(st.sampled_from(CATEGORY_WORDS[cat]))

    commune_header, category_header = draw(st.sampled_from(COMMUNE_HEADERS)), draw(st.sampled_from(CATEGORY_HEADERS))
    if layout == "tidy":
        spec = SheetSpec("Danh sách")
        for line in TITLE_BLOCK if title else []:
            spec.add(line)
        spec.add([draw(st.sampled_from(DISTRICT_HEADERS)), commune_header, category_header])
        for index in draw(st.permutations(range(len(content)))):
            place, cat = content[index]
            district = spell(place.district, draw(st.sampled_from(("as_is", "upper", "no_prefix"))))
            spec.add([district, commune(place), category(cat)])
        return [spec], fmt
    groups = [(d, [(commune(p), category(c)) for p, c in content if p.district == d]) for d in ANNEX_DISTRICTS]
    if layout == "per_district":
        sheets = [instructions_sheet()] if draw(st.booleans()) else []
        for district, rows in groups:
            name = draw(st.sampled_from([bare(district), f"H. {bare(district)}", district]))
            sheets.append(category_sheet(name, rows, header=("STT", commune_header, category_header)))
        return sheets, fmt
    headings = [spell(d, draw(st.sampled_from(("as_is", "upper")))) for d in ANNEX_DISTRICTS]
    spec = category_annex([(h, rows) for h, (_, rows) in zip(headings, groups)],
                          heading=[draw(st.sampled_from(["A_merged", "A", "B_merged", "B_numbered"])) for _ in groups],
                          numerals=draw(st.booleans()), marks=layout == "marks", title=title, totals=totals,
                          footnotes=totals and draw(st.booleans()), signature=False, separators=draw(st.booleans()),
                          name_header=draw(st.sampled_from(ANNEX_HEADERS)), category_header=category_header)
    return [spec], fmt


@st.composite
def village_files(draw, content):
    """(sheets, format) writing the village list `content` = [(Place, village)], drawn at random."""
    layout = draw(st.sampled_from(["tidy", "annex", "columns", "per_district"]))
    fmt = "xlsx" if layout == "per_district" else draw(st.sampled_from(["xlsx", "csv"]))

    def village(name):
        return spell(name, draw(st.sampled_from(SPELLINGS)))

    def commune(place, heading):
        return spell(place.commune, draw(st.sampled_from(HEADING_SPELLINGS if heading else SPELLINGS)))

    headers = tuple(draw(st.sampled_from(h)) for h in (DISTRICT_HEADERS, COMMUNE_HEADERS, VILLAGE_HEADERS))
    if layout == "tidy":
        spec = SheetSpec("Thôn")
        spec.add(list(headers))
        for index in draw(st.permutations(range(len(content)))):
            place, name = content[index]
            district = spell(place.district, draw(st.sampled_from(("as_is", "upper", "no_prefix"))))
            spec.add([district, commune(place, False), village(name)])
        return [spec], fmt
    heading = layout in ("annex", "per_district")
    groups = []
    for district in ANNEX_DISTRICTS:
        places = list(dict.fromkeys(p for p, _ in content if p.district == district))
        groups.append((district, [(commune(p, heading), [village(v) for q, v in content if q == p]) for p in places]))
    if layout == "columns":
        groups = [(spell(d, draw(st.sampled_from(("as_is", "upper", "no_prefix")))), rows) for d, rows in groups]
        spec = village_columns(groups, merged=draw(st.booleans()), headers=headers)
        return [spec], fmt
    if layout == "per_district":
        sheets = [instructions_sheet()] if draw(st.booleans()) else []
        sheets += [village_sheet(draw(st.sampled_from([bare(d), f"H. {bare(d)}", d])), rows) for d, rows in groups]
        return sheets, fmt
    groups = [(spell(d, draw(st.sampled_from(("as_is", "upper")))), rows) for d, rows in groups]
    totals = draw(st.booleans())
    spec = village_annex(groups, district_heading=draw(st.sampled_from(["B_numbered", "A_merged"])),
                         commune_heading=draw(st.sampled_from(["numbered", "A_merged"])), title=draw(st.booleans()),
                         totals=totals, footnotes=totals and draw(st.booleans()), separators=draw(st.booleans()),
                         name_header=draw(st.sampled_from(VILLAGE_ANNEX_HEADERS)))
    return [spec], fmt


@pytest.fixture(scope="module")
def annex_content(reference):
    return annex_communes(reference), annex_villages(reference)


@pytest.fixture(scope="module")
def plain_villages(reference, annex_content):
    """The village list written plainly (Huyện | Xã | Thôn, official spellings): the frame to match."""
    _, villages = annex_content
    rows = [["Huyện", "Xã", "Thôn"]] + [[p.district, p.commune, v] for p, v in villages]
    result = import_file("villages", xlsx_bytes({"Thôn": rows}), "thon.xlsx", reference)
    assert not result.errors and len(result.frame) == 20, [p.message for p in result.problems]
    return sorted(zip(result.frame["gso_code"], result.frame["village_key"]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_category_renderings_store_the_same_frame(reference, annex_content, data):
    communes, _ = annex_content
    name, content = render(*data.draw(category_files(communes)))
    result = import_file("categories", content, name, reference)
    assert not result.errors, [p.message for p in result.problems]
    assert sorted(zip(result.frame["gso_code"], result.frame["area_category"])) == sorted(
        (p.code, cat) for p, cat in communes)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_village_renderings_store_the_same_frame(reference, annex_content, plain_villages, data):
    _, villages = annex_content
    name, content = render(*data.draw(village_files(villages)))
    result = import_file("villages", content, name, reference)
    assert not result.errors, [p.message for p in result.problems]
    assert Counter(result.frame["gso_code"]) == Counter(p.code for p, _ in villages)
    assert sorted(zip(result.frame["gso_code"], result.frame["village_key"])) == plain_villages

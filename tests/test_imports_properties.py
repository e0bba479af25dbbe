"""Properties of every importer.

Malformed sheets: no crash, a clean problem list, no write. Well-formed content
written in any of the layouts, wordings and spellings departments use: the same
stored frame.
"""

import re
from collections import Counter
from fractions import Fraction

import pandas as pd
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from geo.errors import DataError
from geo.imports import KINDS, import_file
from geo.imports.problems import ERROR, NOTE
from geo.indicators import INDICATORS, template_header
from geo.store import Store
from tests.annex_fixtures import (
    ANNEX_DISTRICTS,
    ROMAN,
    TITLE_BLOCK,
    SheetSpec,
    annex_communes,
    annex_villages,
    bare,
    category_annex,
    category_sheet,
    instructions_sheet,
    render,
    to_csv,
    village_annex,
    village_columns,
    village_sheet,
)
from tests.conftest import EDITOR
from tests.import_fixtures import csv_text, encode, xlsx_bytes

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
            store.save_result(result, by=EDITOR)
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
BOOK_FORMATS = ("xlsx", "xls", "ods")
TEXT_FORMATS = ("csv", "csv;", "utf16")  # Excel's "CSV UTF-8"; ";" CSV of a Vietnamese locale; "Unicode Text"
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


def _csv_cell(value: object, decimal_comma: bool) -> object:
    """A cell as a CSV writer of that locale puts it: 86,5 where the decimal mark is a comma."""
    return repr(value).replace(".", ",") if decimal_comma and isinstance(value, float) else value


def write(sheets: list[SheetSpec], fmt: str, decimal_comma: bool = False) -> tuple[str, bytes]:
    """(file name, bytes) in one of BOOK_FORMATS or TEXT_FORMATS; a text format holds the first sheet."""
    if fmt in BOOK_FORMATS or (fmt == "csv" and not decimal_comma):
        return render(sheets, fmt)
    assert len(sheets) == 1, "a CSV holds one sheet"
    spec = SheetSpec(sheets[0].name, [[_csv_cell(v, decimal_comma or fmt == "csv;") for v in row]
                                      for row in sheets[0].rows])
    if fmt == "utf16":
        return "bang.txt", to_csv(spec, "\t", "utf-16")  # Excel saves "Unicode Text" as .txt
    return "phu_luc.csv", to_csv(spec, ";" if fmt == "csv;" else ",")


@st.composite
def category_files(draw, content):
    """(sheets, format) writing the category list `content` = [(Place, category)], drawn at random."""
    layout = draw(st.sampled_from(["tidy", "annex", "marks", "per_district"]))
    fmt = draw(st.sampled_from(BOOK_FORMATS if layout == "per_district" else BOOK_FORMATS + TEXT_FORMATS))
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
    fmt = draw(st.sampled_from(BOOK_FORMATS if layout == "per_district" else BOOK_FORMATS + TEXT_FORMATS))

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
    name, content = write(*data.draw(category_files(communes)))
    result = import_file("categories", content, name, reference)
    assert not result.errors, [p.message for p in result.problems]
    assert sorted(zip(result.frame["gso_code"], result.frame["area_category"])) == sorted(
        (p.code, cat) for p, cat in communes)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_village_renderings_store_the_same_frame(reference, annex_content, plain_villages, data):
    _, villages = annex_content
    name, content = write(*data.draw(village_files(villages)))
    result = import_file("villages", content, name, reference)
    assert not result.errors, [p.message for p in result.problems]
    assert Counter(result.frame["gso_code"]) == Counter(p.code for p, _ in villages)
    assert sorted(zip(result.frame["gso_code"], result.frame["village_key"])) == plain_villages


# --- indicator sheets: the same values, in any wording, spelling, layout and format ------------------
# 8 real communes of `annex_communes` (Xã Chi Lăng of Tràng Định shares its name with a district; Xã Thụy
# Hùng is in Cao Lộc and in Văn Lãng) with test values; None = the sheet gives no value there.

INDICATOR_PLACES = (0, 1, 3, 4, 5, 7, 9, 10)
PERCENT_VALUES = {"electricity_households": [86.5, 92.25, 100, 78.4, 95, 64.75, None, 99.5],
                  "poor_household_rate": [12.4, 35.75, 8, 21.6, 4.5, 48.2, 17, 29.95]}
COUNT_VALUES = {"temporary_houses": [3, 0, 12, 27, 5, None, 41, 8]}
# a village indicator given per commune as a share: (villages that have it, all villages)
SHARE_VALUES = {"road_village_hardened": [(12, 15), (7, 9), (0, 4), (15, 15), (3, 8), (5, 6), (9, 12), (10, 11)]}
# real-world wordings tests/test_column_meaning.py and tests/test_imports_headers.py show are taken
INDICATOR_WORDINGS = {
    "electricity_households": ["Hộ sử dụng điện lưới quốc gia, %", "Tỷ lệ hộ dùng điện (%)", "TỶ LỆ HỘ CÓ ĐIỆN",
                               "electricity_households"],
    "poor_household_rate": ["Tỷ lệ hộ nghèo đa chiều (%)", "Tỷ lệ hộ nghèo"],
    "temporary_houses": ["Số nhà tạm, dột nát (nhà)", "Số nhà tạm, dột nát"],
    "road_village_hardened": ["Số thôn có đường đến trung tâm thôn được bê tông hóa (%)",
                              "Tỷ lệ thôn có đường ô tô đến trung tâm thôn được cứng hóa"],
}
for _id, _words in INDICATOR_WORDINGS.items():  # and the header the commune template writes
    _words.append(template_header(INDICATORS[_id], "commune"))
CODE_HEADERS = ["Mã xã", "Mã ĐVHC", "Mã xã GSO", "Mã đơn vị hành chính"]
NAME_HEADERS = ANNEX_HEADERS + ["Tên xã", "Xã"]
LONG_HEADERS = {"indicator": ["Chỉ tiêu", "Tên chỉ tiêu"], "value": ["Giá trị", "Số liệu", "Kết quả"]}
YEAR_HEADERS = ["Năm", "Năm số liệu"]
INDICATOR_TITLE = [["BIỂU TỔNG HỢP SỐ LIỆU CÁC CHỈ TIÊU NĂM 2024"],
                   ["(Số liệu do Ban Dân tộc tỉnh tổng hợp để thử phần mềm)"], []]


def _text(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else repr(float(number))


def _percent_forms(value: float) -> list[object]:
    """86.5 as staff type it: a number, "86.5", "86,5", "86,5%", "86.5%"."""
    text = _text(value)
    return [value, text, text.replace(".", ","), text.replace(".", ",") + "%", text + "%"]


def _fraction_forms(value: float) -> list[object]:
    """86.5 % written as a fraction of one: 0.865, "0.865", "0,865" (decided for the whole column)."""
    number = round(value / 100, 8)
    return [number, _text(number), _text(number).replace(".", ",")]


@st.composite
def indicator_cells(draw, fractions: dict[str, bool]):
    """{(place index, indicator): cell as written}; a column of fractions has a value strictly
    between 0 and 1 (a column of only 0 and 1 is 0-1 % as well as 0-100 %, and not asked here)."""
    cells = {}
    for ind, values in PERCENT_VALUES.items():
        forms = _fraction_forms if fractions[ind] else _percent_forms
        cells |= {(i, ind): draw(st.sampled_from(forms(v))) for i, v in enumerate(values) if v is not None}
    for ind, values in COUNT_VALUES.items():
        cells |= {(i, ind): draw(st.sampled_from([v, str(v), float(v)])) for i, v in enumerate(values) if v is not None}
    for ind, shares in SHARE_VALUES.items():
        for i, (part, whole) in enumerate(shares):
            exact = Fraction(100 * part, whole)
            written = [f"{part}/{whole}", f"{part}/{whole} thôn"]
            if 10**6 % exact.denominator == 0:  # the percentage is exact: either may be written
                plain = (_fraction_forms if fractions[ind] else _percent_forms)(float(exact))
                forced = fractions[ind] and 0 < exact < 100 and i == 0  # see the docstring
                written = plain if forced else written + plain
            cells[(i, ind)] = draw(st.sampled_from(written))
    return cells


def expected_indicator_frame(places) -> list[tuple[str, str, float]]:
    """(gso_code, indicator, value) the fixed content means, values in the catalogue's unit."""
    rows = [(p.code, ind, float(v)) for values in (PERCENT_VALUES, COUNT_VALUES) for ind, vs in values.items()
            for p, v in zip(places, vs) if v is not None]
    rows += [(p.code, ind, 100 * part / whole) for ind, shares in SHARE_VALUES.items()
             for p, (part, whole) in zip(places, shares)]
    return sorted((code, ind, round(value, 6)) for code, ind, value in rows)


def _heading(draw, district: str, number: int, stt: bool) -> tuple[str | None, str]:
    """(numbering cell, text) of a district heading: "HUYỆN CAO LỘC", "I. Huyện Cao Lộc", "CAO LỘC"."""
    roman = ROMAN[number]
    style = draw(st.sampled_from(["as_is", "upper", "bare_upper", "numbered"] + (["own_cell"] if stt else [])))
    if style == "upper":
        return None, district.upper()
    if style == "bare_upper":
        return None, bare(district).upper()
    if style == "numbered":
        return None, f"{roman}. {district}"
    return (roman, district) if style == "own_cell" else (None, district)


@st.composite
def indicator_files(draw, places):
    """(sheets, format, decimal comma) writing the fixed indicator content, drawn at random."""
    layout = draw(st.sampled_from(["wide", "long"]))
    by = draw(st.sampled_from(["code", "code_name", "district_name", "heading"]))
    fmt = draw(st.sampled_from(BOOK_FORMATS + TEXT_FORMATS))
    decimal_comma = fmt == "csv;" or (fmt == "utf16" and draw(st.booleans()))
    ids = [*PERCENT_VALUES, *COUNT_VALUES, *SHARE_VALUES]
    wording = {ind: draw(st.sampled_from(INDICATOR_WORDINGS[ind])) for ind in ids}
    cells = draw(indicator_cells({ind: draw(st.booleans()) for ind in [*PERCENT_VALUES, *SHARE_VALUES]}))
    stt, year, title = draw(st.booleans()), draw(st.booleans()), draw(st.booleans())

    headers = {"code": CODE_HEADERS, "commune": COMMUNE_HEADERS, "district": DISTRICT_HEADERS, "name": NAME_HEADERS,
               "year": YEAR_HEADERS, **LONG_HEADERS}
    roles = {"code": ["code"], "code_name": ["code", "commune"], "district_name": ["district", "commune"],
             "heading": ["name"]}[by] + (["year"] if year else [])
    roles += ["indicator", "value"] if layout == "long" else ids
    texts_of = {role: draw(st.sampled_from(headers[role])) if role in headers else wording[role] for role in roles}
    order = (["stt"] if stt else []) + draw(st.permutations(roles))

    def place_cells(index):
        place = places[index]
        code = draw(st.sampled_from([place.code, int(place.code)]))
        commune = spell(place.commune, draw(st.sampled_from(SPELLINGS)))
        district = spell(place.district, draw(st.sampled_from(("as_is", "upper", "no_prefix"))))
        return {"code": code, "commune": commune, "name": commune, "district": district,
                "year": draw(st.sampled_from([2024, "2024"]))}

    records = []  # (place index, {role: cell})
    for index in range(len(places)):
        given = {ind: cells[(index, ind)] for ind in ids if (index, ind) in cells}
        if layout == "wide":
            records.append((index, {**place_cells(index), **given}))
        else:
            records += [(index, {**place_cells(index), "indicator": wording[ind], "value": cell})
                        for ind, cell in given.items()]
    groups = [records]
    if by == "heading":
        groups = [[r for r in records if places[r[0]].district == d] for d in ANNEX_DISTRICTS]
        groups = [groups[i] for i in draw(st.permutations(range(len(groups))))]

    spec = SheetSpec("Số liệu")
    for line in INDICATOR_TITLE if title else []:
        spec.add(line)
    spec.add([texts_of.get(role, "STT") for role in order])
    for number, group in enumerate(groups):
        if by == "heading":
            numeral, text = _heading(draw, places[group[0][0]].district, number, stt)
            at = draw(st.sampled_from([0, order.index("name")]))
            row = [None] * len(order)
            row[at] = text
            if numeral:
                row[0], row[order.index("name")] = numeral, text
            merge = (1, len(order)) if at == 0 and not numeral and fmt in BOOK_FORMATS and draw(st.booleans()) else None
            spec.add(row, "heading", merge)
        for n, position in enumerate(draw(st.permutations(range(len(group)))), start=1):
            record = group[position][1]
            spec.add([n if role == "stt" else record.get(role) for role in order], "data")
    event(f"{layout}, {by}, {fmt}")
    return [spec], fmt, decimal_comma


@pytest.fixture(scope="module")
def indicator_places(reference):
    communes = [p for p, _ in annex_communes(reference)]
    return [communes[i] for i in INDICATOR_PLACES]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_indicator_renderings_store_the_same_frame(reference, indicator_places, data):
    name, content = write(*data.draw(indicator_files(indicator_places)))
    result = import_file("indicators_commune", content, name, reference)
    assert not result.errors, [p.message for p in result.problems]
    frame = result.frame
    got = sorted(zip(frame["gso_code"], frame["indicator"], frame["value"].round(6)))
    assert got == expected_indicator_frame(indicator_places)


def test_long_rows_with_a_numeric_code_and_a_long_indicator_name(reference, indicator_places):
    """The smallest case the property above shrank to: Excel keeps the code as a number (6190), so the
    indicator name is the row's only text; a name of more than 12 words is still a data row."""
    long_name = template_header(INDICATORS["electricity_households"], "commune")  # 17 words
    road = "Số thôn có đường đến trung tâm thôn được bê tông hóa (%)"  # 13 words
    a, b = indicator_places[:2]
    rows = [["Mã xã", "Chỉ tiêu", "Giá trị"], [int(a.code), long_name, 86.5], [int(a.code), "Tỷ lệ hộ nghèo", 12.4],
            [int(a.code), road, 80], [int(b.code), "Tỷ lệ hộ nghèo", 29.95], [int(b.code), long_name, 99.5]]
    result = import_file("indicators_commune", xlsx_bytes({"Số liệu": rows}), "dai.xlsx", reference)
    assert not result.errors, [p.message for p in result.problems]
    assert sorted(zip(result.frame["gso_code"], result.frame["indicator"], result.frame["value"])) == sorted([
        (a.code, "electricity_households", 86.5), (a.code, "poor_household_rate", 12.4),
        (a.code, "road_village_hardened", 80.0), (b.code, "poor_household_rate", 29.95),
        (b.code, "electricity_households", 99.5)])

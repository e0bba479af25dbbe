"""Reading uploads: every format offices send, their merged cells and formulas, encodings, and limits.

Each file is built here in the shape the program that writes it produces: openpyxl
for .xlsx, xlwt for .xls, odfpy for .ods, hand-written zip/XML where a program
writes something openpyxl cannot (a formula without a saved result, a bogus used
range, a million rows). Communes are real (Lạng Sơn, 2021 list); village names are
test names (the official village list is not in ../shared/geodata), marked so.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import time
import zipfile

import openpyxl
import pytest

import texts
from geo.imports.reading import CellError, Limits, UncomputedFormula, UnreadableFile, read_sheets
from tests.import_fixtures import csv_text, encode, to_cp1258

VILLAGES = ["Thôn thử nghiệm 1", "Thôn thử nghiệm 2", "Thôn thử nghiệm 3"]  # test names, not real villages
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def refused(content: bytes, **kw) -> UnreadableFile:
    with pytest.raises(UnreadableFile) as caught:
        read_sheets(content, "tệp", **kw)
    return caught.value


def book_bytes(fill) -> bytes:
    book = openpyxl.Workbook()
    fill(book.active)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def package(sheet_xml: str | list[str], strings_xml: str | None = None, hidden: bool = False) -> bytes:
    """A minimal .xlsx written by hand, for what a program may write and openpyxl cannot."""
    parts = [sheet_xml] if isinstance(sheet_xml, str) else sheet_xml
    rels = "".join(f'<Relationship Id="rId{i}" Type="{DOC_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                   for i in range(1, len(parts) + 1))
    if strings_xml:
        rels += f'<Relationship Id="rS" Type="{DOC_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    state = ' state="hidden"' if hidden else ""
    sheets = "".join(f'<sheet name="Trang {i}" sheetId="{i}" r:id="rId{i}"{state if i == 1 else ""}/>'
                     for i in range(1, len(parts) + 1))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/'
                                                '2006/content-types"/>')
        archive.writestr("_rels/.rels", f'<Relationships xmlns="{REL}"><Relationship Id="rId1" '
                                        f'Type="{DOC_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        archive.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN}" xmlns:r="{DOC_REL}"><sheets>{sheets}'
                                            f'</sheets></workbook>')
        archive.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{REL}">{rels}</Relationships>')
        for i, part in enumerate(parts, start=1):
            archive.writestr(f"xl/worksheets/sheet{i}.xml", part)
        if strings_xml:
            archive.writestr("xl/sharedStrings.xml", strings_xml)
    return buffer.getvalue()


def sheet_xml(data: str, extra: str = "", dimension: str = "") -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f'<worksheet xmlns="{MAIN}">{dim}<sheetData>{data}</sheetData>{extra}</worksheet>'


# --- .xlsx ------------------------------------------------------------------------------------------------


def test_xlsx_values_as_the_user_sees_them():
    def fill(ws):
        ws.append(["Mã xã", "Xã", "Tỷ lệ", "Năm", "Ngày", "Đạt", "Lỗi", "Thập phân"])
        ws.append(["06160", "Xa\u0303 Gia Mie\u0302\u0303n  ", 0.86, 2024, dt.datetime(2024, 5, 1), True, "#DIV/0!",
                   86.5])
        ws.append([None, "\u00a0", 0.865, 1])
        ws["C2"].number_format = "0%"
        ws["C3"].number_format = "0.0%"
        ws["D3"].number_format = "0%"
    (sheet,) = read_sheets(book_bytes(fill), "x.xlsx")
    assert sheet.rows[1] == ["06160", "Xã Gia Miễn", "86%", 2024, dt.datetime(2024, 5, 1), True,
                             CellError("#DIV/0!"), 86.5]
    assert sheet.rows[2] == [None, None, "86.5%", "100%"]  # a no-break space alone is a blank cell
    assert str(sheet.rows[1][6]) == "#DIV/0!" and not sheet.merged and not sheet.is_csv


def test_merged_cells_fill_every_cell_of_their_range():
    def fill(ws):
        ws.append(["STT", "Tên", "Ghi chú"])
        ws["A3"] = "HUYỆN VĂN LÃNG"
        ws.merge_cells("A3:C3")
        ws["A5"] = "Xã Gia Miễn"
        ws.merge_cells("A5:A7")
        for row, village in enumerate(VILLAGES, start=5):
            ws.cell(row, 2, village)
        ws["C9"] = "cuối"
        ws.merge_cells("C9:C40")  # reaches far below the data: filled only where the sheet has rows
    (sheet,) = read_sheets(book_bytes(fill), "x.xlsx")
    assert sheet.rows == [
        ["STT", "Tên", "Ghi chú"], (),
        ["HUYỆN VĂN LÃNG"] * 3, (),
        ["Xã Gia Miễn", VILLAGES[0]], ["Xã Gia Miễn", VILLAGES[1]], ["Xã Gia Miễn", VILLAGES[2]], (),
        [None, None, "cuối"],
    ]
    assert sorted(sheet.merged) == [(3, 1, 3, 3), (5, 1, 7, 1), (9, 3, 9, 3)]


def test_row_numbers_stay_exact_and_trailing_blank_rows_cost_nothing():
    def fill(ws):
        ws["B2"] = "Xã Bình Trung"
        ws["A6"] = 6
        for row in range(7, 500):
            ws.cell(row, 3).number_format = "0.0"  # formatted, never filled
            ws.cell(row, 3).value = None
        ws["A500"] = " "
    (sheet,) = read_sheets(book_bytes(fill), "x.xlsx")
    assert len(sheet.rows) == 6
    assert sheet.rows[1] == [None, "Xã Bình Trung"] and sheet.rows[5] == [6]
    assert all(row == () for row in sheet.rows[2:5] + [sheet.rows[0]])


def test_a_used_range_to_xfd1048576_costs_nothing():
    xml = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>Xã Gia Miễn</t></is></c></row>'
                    '<row r="1048576"><c r="XFD1048576" s="0"/></row>', dimension="A1:XFD1048576")
    start = time.perf_counter()
    (sheet,) = read_sheets(package(xml), "x.xlsx")
    assert time.perf_counter() - start < 0.5
    assert sheet.rows == [["Xã Gia Miễn"]]


def test_a_value_at_xfd1048576_is_refused_naming_the_cell():
    def fill(ws):
        ws["A1"] = "Xã Gia Miễn"
        ws["XFD1048576"] = "x"
    content = book_bytes(fill)
    assert len(content) < 6000
    start = time.perf_counter()
    error = refused(content)
    assert time.perf_counter() - start < 1
    assert error.code == "too_many_columns"
    assert "XFD1048576" in error.text and "«Sheet»" in error.text and "200 cột" in error.text
    assert "16.384" in error.text  # the column number, the Vietnamese way


def test_column_limit_is_the_201st_column():
    def fill(ws):
        ws.cell(3, 200, "cột 200")
    assert read_sheets(book_bytes(fill), "x.xlsx")[0].rows[2][199] == "cột 200"

    def fill_more(ws):
        ws.cell(3, 201, "cột 201")
    error = refused(book_bytes(fill_more))
    assert error.code == "too_many_columns" and "GS3" in error.text


def test_row_limit_names_the_row_and_counts_only_filled_rows():
    def fill(ws):
        for row in (1, 3, 5, 7):
            ws.cell(row, 1, f"dòng {row}")
    limits = Limits(rows=4)
    assert len(read_sheets(book_bytes(fill), "x.xlsx", limits=limits)[0].rows) == 7
    error = refused(book_bytes(lambda ws: [ws.cell(r, 1, r) for r in (1, 3, 5, 7, 9)]), limits=limits)
    assert error.code == "too_many_rows" and "dòng 9" in error.text and "hơn 4 dòng" in error.text


def test_cell_limit_names_the_cell_and_counts_merged_fills():
    limits = Limits(cells=5)
    error = refused(book_bytes(lambda ws: [ws.append([1, 2, 3]), ws.append([4, 5, 6])]), limits=limits)
    assert error.code == "too_many_cells" and "ô C2" in error.text and "hơn 5 ô" in error.text

    def merged(ws):
        ws["A1"] = "HUYỆN VĂN LÃNG"
        ws["A2"], ws["B2"], ws["C2"] = 1, 2, 3
        ws.merge_cells("A1:C1")  # 2 more cells once filled: 6 in all
    error = refused(book_bytes(merged), limits=limits)
    assert error.code == "too_many_cells" and "A1:C1" in error.text


def test_million_row_sheet_stops_at_the_row_limit():
    """Reading stops where the limit is passed, whatever follows; benchmarks/import_speed.py times the
    real limit (200,000 rows: ~2 s on a 2-core machine, against 133 s and 1.4 GB before streaming)."""
    def rows():
        yield f'<worksheet xmlns="{MAIN}"><sheetData>'
        for start in range(1, 1_000_001, 50_000):
            yield "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(start, start + 50_000))
        yield "</sheetData></worksheet>"
    content = package("".join(rows()))
    start = time.perf_counter()
    error = refused(content, limits=Limits(rows=2_000))
    assert time.perf_counter() - start < 1  # reading all of it takes ~9 s
    assert error.code == "too_many_rows" and "dòng 2001" in error.text and "2.000 dòng" in error.text


def test_formulas_without_a_saved_result_are_kept_as_formulas():
    xml = sheet_xml(
        '<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f>A1*2</f><v>4</v></c><c r="C1"><f>SUM(A1:B1)</f></c></row>'
        '<row r="2"><c r="A2"><f t="shared" ref="A2:A4" si="0">B1+1</f></c></row>'
        '<row r="3"><c r="A3"><f t="shared" si="0"/></c><c r="B3" t="str"><f>""</f><v></v></c></row>')
    (sheet,) = read_sheets(package(xml), "x.xlsx")
    assert sheet.rows == [[2, 4, UncomputedFormula("=SUM(A1:B1)")], [UncomputedFormula("=B1+1")],
                          [UncomputedFormula("=B2+1")]]  # B3 computed to "", a blank cell
    assert str(sheet.rows[0][2]) == "=SUM(A1:B1)"

    (sheet,) = read_sheets(book_bytes(lambda ws: ws.append([1, "=A1*100"])), "x.xlsx")  # openpyxl computes none
    assert sheet.rows == [[1, UncomputedFormula("=A1*100")]]


def test_shared_strings_rich_text_phonetics_and_escapes():
    strings = (f'<sst xmlns="{MAIN}"><si><t>Xã Gia Miễn</t></si>'
               '<si><r><t>Thôn </t></r><r><rPr><b/></rPr><t>thử nghiệm 1</t></r><rPh><t>ignored</t></rPh></si>'
               '<si><t>Dòng 1_x000A_Dòng 2 _x005F_x0041_</t></si></sst>')
    xml = sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
                    '<c r="C1" t="s"><v>2</v></c><c r="D1" t="b"><v>0</v></c><c r="E1" t="e"><v>#N/A</v></c>'
                    '<c r="F1" t="inlineStr"><is><t>a_x005F_x0041_</t></is></c></row>')
    (sheet,) = read_sheets(package(xml, strings), "x.xlsx")
    assert sheet.rows == [["Xã Gia Miễn", VILLAGES[0], "Dòng 1\nDòng 2 _x0041_", False, CellError("#N/A"),
                           "a_x0041_"]]


def test_sheets_in_workbook_order_with_hidden_flag():
    one = sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>')
    two = sheet_xml('<row r="2"><c r="B2"><v>2</v></c></row>')
    first, second = read_sheets(package([one, two], hidden=True), "x.xlsx")
    assert (first.name, first.hidden, first.rows) == ("Trang 1", True, [[1]])
    assert (second.name, second.hidden, second.rows) == ("Trang 2", False, [(), [None, 2]])


def test_progress_is_reported_about_every_5000_rows():
    calls = []
    read_sheets(csv_text([[i, "Xã Gia Miễn"] for i in range(12_000)]).encode(), "x.csv", progress=calls.append)
    assert calls == [5_000, 10_000, 12_000]


# --- .xls ------------------------------------------------------------------------------------------------


def xls_bytes(fill) -> bytes:
    import xlwt
    book = xlwt.Workbook(encoding="utf-8")
    fill(book.add_sheet("Phụ lục"), xlwt)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _annex_xls(ws, xlwt):
    ws.write(0, 0, "Mã xã")
    ws.write(0, 1, "Tỷ lệ")
    ws.write_merge(2, 2, 0, 2, "HUYỆN VĂN LÃNG")
    ws.write_merge(3, 5, 0, 0, "Xã Gia Miễn")
    for row, village in enumerate(VILLAGES, start=3):
        ws.write(row, 1, village)
    ws.write(3, 2, 0.86, xlwt.easyxf(num_format_str="0%"))
    ws.write(4, 2, 6160)
    ws.write(5, 2, 86.5)
    ws.write(6, 0, dt.datetime(2024, 5, 1), xlwt.easyxf(num_format_str="dd/mm/yyyy"))
    ws.row(6).set_cell_boolean(1, True)
    ws.row(6).set_cell_error(2, "#DIV/0!")


def test_xls_values_merges_and_percentages():
    (sheet,) = read_sheets(xls_bytes(_annex_xls), "x.xls")
    assert sheet.name == "Phụ lục"
    assert sheet.rows == [
        ["Mã xã", "Tỷ lệ"], (), ["HUYỆN VĂN LÃNG"] * 3,
        ["Xã Gia Miễn", VILLAGES[0], "86%"], ["Xã Gia Miễn", VILLAGES[1], 6160], ["Xã Gia Miễn", VILLAGES[2], 86.5],
        [dt.datetime(2024, 5, 1), True, CellError("#DIV/0!")],
    ]
    assert sorted(sheet.merged) == [(3, 1, 3, 3), (4, 1, 6, 1)]


def test_content_decides_not_the_extension():
    xls, xlsx = xls_bytes(_annex_xls), book_bytes(lambda ws: ws.append(["Xã Gia Miễn"]))
    assert read_sheets(xls, "đổi tên.xlsx")[0].rows[3][0] == "Xã Gia Miễn"
    assert read_sheets(xlsx, "đổi tên.xls")[0].rows == [["Xã Gia Miễn"]]
    assert read_sheets(csv_text([["Xã Gia Miễn"]]).encode(), "đổi tên.xlsx")[0].is_csv


def test_xls_column_limit_applies():
    error = refused(xls_bytes(lambda ws, xlwt: ws.write(4, 250, "x")))
    assert error.code == "too_many_columns" and "IQ5" in error.text


def test_encrypted_files_get_a_clear_message():
    # An Excel 97-2003 file with a FILEPASS record, which is how Excel marks an encrypted .xls
    content = bytearray(xls_bytes(_annex_xls))
    header = content.index(b"\xe1\x00\x02\x00")  # the INTERFACEHDR record right after BOF: same length
    content[header:header + 2] = b"\x2f\x00"
    assert refused(bytes(content)).code == "encrypted"
    # A password-protected .xlsx is an OLE file holding these two streams
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "EncryptionInfo".encode("utf-16-le") + bytes(50) + \
        "EncryptedPackage".encode("utf-16-le") + bytes(500)
    error = refused(ole)
    assert error.code == "encrypted" and error.text == texts.IMP_ENCRYPTED


# --- .ods ------------------------------------------------------------------------------------------------


def ods_bytes() -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P, S

    def text(value, **kw):
        cell = TableCell(valuetype="string", **kw)
        cell.addElement(P(text=value))
        return cell

    def row(*cells, **kw):
        element = TableRow(**kw)
        for cell in cells:
            element.addElement(cell)
        table.addElement(element)

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Phụ lục")
    row(text("HUYỆN VĂN LÃNG", numbercolumnsspanned=3), CoveredTableCell(numbercolumnsrepeated=2),
        TableCell(numbercolumnsrepeated=1020))
    row(TableCell(numbercolumnsrepeated=1024), numberrowsrepeated=2)
    row(text("Xã Gia Miễn", numberrowsspanned=2), text(VILLAGES[0]), TableCell(valuetype="percentage", value="0.86"),
        TableCell(valuetype="float", value="2024"), TableCell(valuetype="currency", value="1.5"))
    row(CoveredTableCell(), text(VILLAGES[1]), TableCell(valuetype="date", datevalue="2024-05-01"),
        TableCell(valuetype="boolean", booleanvalue="true"), TableCell(formula="of:=SUM([.C3:.C4])"))
    row(text("x", numbercolumnsrepeated=2), numberrowsrepeated=2)
    spaced = TableCell(valuetype="string")
    paragraph = P(text="Thôn")
    paragraph.addElement(S(c=2))
    paragraph.addText("thử nghiệm 3")  # a test name, not a real village
    spaced.addElement(paragraph)
    row(spaced)
    row(TableCell(numbercolumnsrepeated=16384), numberrowsrepeated=1048000)  # LibreOffice's blank tail
    doc.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def test_ods_values_spans_and_repeats():
    start = time.perf_counter()
    (sheet,) = read_sheets(ods_bytes(), "x.ods")
    assert time.perf_counter() - start < 0.5  # a million repeated blank rows are not expanded
    assert sheet.name == "Phụ lục"
    assert sheet.rows == [
        ["HUYỆN VĂN LÃNG"] * 3, (), (),
        ["Xã Gia Miễn", VILLAGES[0], "86%", 2024, 1.5],
        ["Xã Gia Miễn", VILLAGES[1], dt.datetime(2024, 5, 1), True, UncomputedFormula("=SUM([.C3:.C4])")],
        ["x", "x"], ["x", "x"], ["Thôn  thử nghiệm 3"],
    ]
    assert sorted(sheet.merged) == [(1, 1, 1, 3), (4, 1, 5, 1)]


def test_ods_value_repeated_across_the_sheet_is_refused_at_the_limit():
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P
    doc = OpenDocumentSpreadsheet()
    table, row = Table(name="T"), TableRow()
    cell = TableCell(valuetype="string", numbercolumnsrepeated=16384)
    cell.addElement(P(text="x"))
    row.addElement(cell)
    table.addElement(row)
    doc.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    doc.save(buffer)
    error = refused(buffer.getvalue())
    assert error.code == "too_many_columns" and "GS1" in error.text


def test_hidden_ods_sheet_is_flagged():
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableProperties
    from odf.table import Table, TableCell, TableRow
    from odf.text import P
    doc = OpenDocumentSpreadsheet()
    style = Style(name="ta2", family="table")
    style.addElement(TableProperties(display="false"))
    doc.automaticstyles.addElement(style)
    for name, kw in (("Tra cứu", {"stylename": "ta2"}), ("Số liệu", {})):
        table, row, cell = Table(name=name, **kw), TableRow(), TableCell(valuetype="string")
        cell.addElement(P(text="Xã Gia Miễn"))
        row.addElement(cell)
        table.addElement(row)
        doc.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    doc.save(buffer)
    assert [(s.name, s.hidden, s.rows) for s in read_sheets(buffer.getvalue(), "x.ods")] == [
        ("Tra cứu", True, [["Xã Gia Miễn"]]), ("Số liệu", False, [["Xã Gia Miễn"]])]


def test_encrypted_ods():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
                                                  'xmlns:manifest:1.0"><manifest:file-entry manifest:full-path='
                                                  '"content.xml"><manifest:encryption-data/></manifest:file-entry>'
                                                  '</manifest:manifest>')
        archive.writestr("content.xml", bytes(range(256)))
    assert refused(buffer.getvalue()).code == "encrypted"


# --- broken, unsupported and oversized files: Vietnamese reasons, no class names -------------------------


def test_zip_that_declares_an_absurd_unpacked_size_is_refused_before_opening():
    content = bytearray(book_bytes(lambda ws: ws.append(["Xã Gia Miễn"])))
    central = content.index(b"PK\x01\x02")  # the first entry of the central directory
    content[central + 24:central + 28] = struct.pack("<I", 600 * 2**20)  # its declared uncompressed size
    error = refused(bytes(content))
    assert error.code == "unpacked_too_big" and "600 MB" in error.text and "500 MB" in error.text


@pytest.mark.parametrize("content, code, text", [
    (b"PK\x03\x04 not a zip at all", "unreadable_xlsx", texts.IMP_ZIP_BROKEN),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "unreadable_xls", texts.IMP_XLS_BROKEN),
    (package(sheet_xml('<row r="1"><c r="A1" t="s"><v>7</v></c></row>')), "unreadable_xlsx",
     texts.IMP_XLSX_BROKEN.format(part=texts.IMP_PART_SHEET.format(sheet="Trang 1"))),
    (package("<worksheet><sheetData><row>"), "unreadable_xlsx",
     texts.IMP_XLSX_BROKEN.format(part=texts.IMP_PART_SHEET.format(sheet="Trang 1"))),
])
def test_broken_files_say_why_in_vietnamese(content, code, text):
    error = refused(content)
    assert (error.code, error.text) == (code, text)


def test_other_office_files_are_named():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("_rels/.rels", f'<Relationships xmlns="{REL}"><Relationship Id="rId1" '
                                        f'Type="{DOC_REL}/officeDocument" Target="word/document.xml"/></Relationships>')
        archive.writestr("word/document.xml", "<document/>")
    error = refused(buffer.getvalue())
    assert error.code == "not_spreadsheet" and texts.IMP_FILE_KINDS["docx"] in error.text
    assert ".xlsx, .xls, .ods hoặc .csv" in error.text


# --- text files ------------------------------------------------------------------------------------------

ROWS = [["Huyện", "Xã", "Thôn"], ["Huyện Văn Lãng", "Xã Gia Miễn", VILLAGES[0]],
        ["Huyện Cao Lộc", "Xã Bình Trung", "Thôn Ưng Lự Đoàn"]]  # "Thôn Ưng Lự Đoàn": test name for all letters


@pytest.mark.parametrize("encoding, delimiter", [("utf-8", ","), ("utf-8-sig", ";"), ("utf-16", "\t"),
                                                 ("utf-16-le", "\t"), ("cp1258", ",")])
def test_text_encodings_offices_use(encoding, delimiter):
    (sheet,) = read_sheets(encode(csv_text(ROWS, delimiter), encoding), "x.csv")
    assert sheet.rows == ROWS and sheet.is_csv


@pytest.mark.parametrize("content, sample", [
    (csv_text(ROWS).encode("cp1252", errors="replace"), "Huy?n"),  # Excel "CSV" on a Western-locale PC
    ("Xã,Thôn\nXã Gia Miễn,Thôn Bình\n".encode("cp1252", errors="replace"), "Mi?n"),
    ("Xã,Thôn\nXã Bình Trung,Thôn Nà Lìn\n".encode("cp1252", errors="replace"), "B\u0301nh"),  # ì read as a stray mark
    ("Name,Ort\nMüller,Köln\n".encode("cp1252"), "Müller"),  # letters Vietnamese has not
    ("Xã,Ghi chú\nLạng Sơn,Štěpán\n".encode("cp1252", errors="replace"), "Š"),  # a byte cp1258 lacks
    (b"Xa,Thon\nXa Gia Mi?n,L?ng S?n\n", "Mi?n"),  # nothing but ASCII left
])
def test_windows_1252_is_recognised_as_not_vietnamese(content, sample):
    error = refused(content)
    assert error.code == "western_encoding" and "CSV UTF-8 (Comma delimited)" in error.text
    assert sample in error.text


def test_real_windows_1258_with_a_question_mark_is_read():
    rows = [["Xã", "Ghi chú"], ["Xã Gia Miễn", "Có?"], ["Xã Bình Trung", "Đạt ? chưa rõ"]]
    assert read_sheets(to_cp1258(csv_text(rows)), "x.csv")[0].rows == rows


def test_control_characters_stay_in_their_cell_but_binary_is_refused():
    rows = [["Xã", "Thôn"]] + [["Xã Gia Miễn", f"Thôn thử nghiệm {i}"] for i in range(20)]  # test names
    rows[3][1] = "Thôn\x0bthử nghiệm 2"  # a vertical tab pasted from Word, 1 in ~600 characters
    (sheet,) = read_sheets(csv_text(rows).encode(), "x.csv")
    assert sheet.rows == rows
    text = csv_text(rows) + "\x01" * 10  # 10 in ~600 characters: over 1%, binary
    assert refused(text.encode()).code == "not_spreadsheet"
    error = refused(b"Xa,Thon\n\x00\x00binary\x00")
    assert error.code == "not_spreadsheet" and texts.IMP_NOT_SPREADSHEET_BINARY in error.text


def test_csv_limits_and_unclosed_quote():
    error = refused(csv_text([["Xã Gia Miễn"] + [None] * 205 + ["x"]]).encode())
    assert error.code == "too_many_columns" and "GY1" in error.text
    error = refused(("Xã,Thôn\nXã Gia Miễn,\"Thôn\n" + "x" * 200_000).encode())
    assert error.code == "broken_csv" and "dòng" in error.text


# --- CSV delimiter: the one that splits the most lines the same way ---------------------------------

TITLE_BLOCK = [["UBND TỈNH LẠNG SƠN"], ["DANH SÁCH CÁC XÃ KHU VỰC III, II, I"],
               ["(Kèm theo Quyết định số 861/QĐ-TTg ngày 04/6/2021, giai đoạn 2021 - 2025)"], []]
ANNEX = [["STT", "Tên đơn vị", "Khu vực"], ["I", "Huyện Văn Lãng"], ["1", "Xã Gia Miễn", "III"],
         ["2", "Xã Bắc La", "III"], ["3", "Thị trấn Na Sầm", "I"], ["II", "Huyện Tràng Định"],
         ["4", "Xã Đội Cấn", "III"], ["5", "Thị trấn Thất Khê", "I"]]


def expected(rows: list[list[str]]) -> list:
    """Rows as a reader keeps them: blank cells None, no trailing blank cells, a blank row ()."""
    out = []
    for row in rows:
        cells = [value if value != "" else None for value in row]
        while cells and cells[-1] is None:
            cells.pop()
        out.append(tuple(cells) if not cells else cells)
    return out


@pytest.mark.parametrize("padded", [False, True])  # Excel pads the title lines with ";;" to the table width
def test_semicolon_annex_with_a_comma_title_block_splits_on_semicolons(padded):
    rows = [row + [""] * (3 - len(row)) if padded else row for row in TITLE_BLOCK + ANNEX]
    (sheet,) = read_sheets(encode(csv_text(rows, ";"), "utf-8-sig"), "phụ lục.csv")
    assert sheet.rows == expected(TITLE_BLOCK + ANNEX)
    assert sheet.rows[1] == ["DANH SÁCH CÁC XÃ KHU VỰC III, II, I"]
    assert sheet.rows[6] == ["1", "Xã Gia Miễn", "III"]


def test_comma_file_with_semicolons_inside_quoted_names():
    rows = [["Huyện", "Xã", "Thôn sáp nhập"]] + [  # test village names; a varying number of commas in quotes
        ["Huyện Văn Lãng", commune,
         f"Thôn thử nghiệm {i}; " + ", ".join(f"Thôn thử nghiệm {i}{k}" for k in range(i % 3 + 1))]
        for i, commune in enumerate(["Xã Gia Miễn", "Xã Bắc La", "Xã Tân Tác", "Xã Hội Hoan"] * 3, start=1)]
    text = csv_text(rows, ",")
    assert text.count('"') >= 16 and text.count(";") == 12  # the fixture has what it claims
    (sheet,) = read_sheets(text.encode(), "x.csv")
    assert sheet.rows == rows
    assert sheet.rows[2][2] == "Thôn thử nghiệm 2; Thôn thử nghiệm 20, Thôn thử nghiệm 21, Thôn thử nghiệm 22"


def test_tab_separated_utf16_with_commas_in_cells():
    rows = [["DANH SÁCH CÁC XÃ KHU VỰC III, II, I"], ["Huyện", "Xã", "Tỷ lệ hộ dùng điện, %"],
            ["Huyện Văn Lãng", "Xã Gia Miễn", "85,5"], ["Huyện Văn Lãng", "Xã Bắc La", "90,25"],
            ["Huyện Tràng Định", "Xã Đội Cấn", "100"], ["Huyện Tràng Định", "Thị trấn Thất Khê", "99,9"]]
    content = encode(csv_text(rows, "\t"), "utf-16")  # Excel's "Unicode Text": UTF-16 with a BOM, tabs
    assert content.startswith(b"\xff\xfe") and "\t".encode("utf-16-le") in content
    (sheet,) = read_sheets(content, "x.txt")
    assert sheet.rows == rows


def test_on_a_tie_the_delimiter_with_more_fields_wins():
    # every line holds one "," (a decimal comma or the header's unit) and three ";"
    rows = [["Xã", "Thôn", "Tỷ lệ (%, năm 2023)", "Ghi chú"], ["Xã Gia Miễn", "Thôn thử nghiệm 1", "85,5", "x"],
            ["Xã Bắc La", "Thôn thử nghiệm 2", "90,5", "y"]]  # test village names
    (sheet,) = read_sheets(csv_text(rows, ";").encode(), "x.csv")
    assert sheet.rows == rows

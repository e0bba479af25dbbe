"""Helpers the import tests share: write small files the way offices produce them."""

from __future__ import annotations

import csv
import io
import unicodedata

import openpyxl

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Encode like a Windows-1258 program: base letters precomposed, tones as combining marks."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in _TONES))
            tones = "".join(p for p in parts if p in _TONES)
            out.append((base + tones).encode("cp1258"))
    return b"".join(out)


def csv_text(rows: list[list[object]], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return buffer.getvalue()


def encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-8-sig":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if encoding == "utf-16":
        return text.encode("utf-16")  # with BOM, as Excel's "Unicode Text"
    if encoding == "cp1258":
        return to_cp1258(text)
    return text.encode(encoding)


def xlsx_bytes(sheets: dict[str, list[list[object]]], percent_cells: dict[str, list[str]] | None = None,
               merges: dict[str, list[str]] | None = None) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(row)
        for ref in (percent_cells or {}).get(name, []):
            ws[ref].number_format = "0.0%"
        for ref in (merges or {}).get(name, []):
            ws.merge_cells(ref)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def code_of(reference, commune: str, district: str) -> str:
    """The GSO code the official list gives a commune, looked up, never typed."""
    resolution = reference.matcher.resolve(commune, district)
    assert resolution.code, (commune, district)
    return resolution.code

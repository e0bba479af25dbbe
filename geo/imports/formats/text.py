"""Text files: find the encoding a Vietnamese office used, then read the CSV.

Offices save CSV from Excel as "CSV UTF-8" (a BOM), "Unicode Text" (UTF-16 with
tabs) or, in old files, Windows-1258, the Vietnamese code page that writes tones
as separate combining marks. A Western-locale Excel saves "CSV" in Windows-1252,
which has no room for most Vietnamese letters: Excel writes "?" instead ("Mi?n"),
and the letters it keeps decode as other letters in Windows-1258. Such a file is
refused with a way to save it again, never read as wrong names.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata

import texts
from geo.imports.formats.cells import UnreadableFile, clean_cell
from geo.imports.formats.grid import SheetBuilder
from geo.imports.formats.limits import Budget

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Share of control characters above which text is binary, not a table. A CSV typed by
# people has a handful at most (a vertical tab pasted from Word, a stray form feed):
# a 644-village annex of ~30,000 characters keeps up to 300 of them. Binary data
# (images, PDF streams, compressed or executable bytes) has ~11% (29 of 256 byte
# values), so 1% keeps every real table and refuses every binary file.
BINARY_SHARE = 0.01
_BINARY_MIN = 4  # a short file needs a few of them before it counts as binary
# "?" between letters: what Excel writes for a letter the code page cannot hold ("Mi?n")
_LOST_LETTER = re.compile(r"[^\W\d_]\?[^\W\d_]")
_VOWELS = set("aeiouy")
_VIETNAMESE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # tones
_VOWEL_MARKS = {"\u0302": set("aeo"), "\u0306": {"a"}, "\u031b": set("ou")}  # circumflex, breve, horn


def decode_text(content: bytes) -> str:
    """Decode a text file in one of the encodings Vietnamese offices produce, NFC."""
    western = False
    if content.startswith(b"\xef\xbb\xbf"):
        text = _try(content[3:], "utf-8")
    elif content.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _try(content, "utf-16")
    elif (order := _utf16_order(content[:4096])) is not None:
        text = _try(content, order)
    else:
        text = _try(content, "utf-8")
        western = text is not None and text.isascii()  # only "?" could show letters lost then
        if text is None:
            text = _try(content, "cp1258")
            western = True
            if text is None and (western_text := _try(content, "cp1252")) is not None:
                # bytes Windows-1258 leaves undefined are Š, Ž, š, ž in Windows-1252
                index = min(western_text.find(c) % (len(western_text) + 1) for c in "ŠŽšž")
                raise UnreadableFile("western_encoding", texts.IMP_WESTERN_ENCODING.format(
                    sample=_word_at(western_text, index)))
    if text is None:
        raise UnreadableFile("unknown_encoding", texts.IMP_UNREADABLE_TEXT)
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    if "\x00" in text or len(_CONTROL.findall(text)) > max(len(text) * BINARY_SHARE, _BINARY_MIN):
        raise UnreadableFile("not_spreadsheet", texts.IMP_NOT_SPREADSHEET.format(
            detail=texts.IMP_NOT_SPREADSHEET_BINARY))
    if western and (sample := _not_vietnamese(text)):
        raise UnreadableFile("western_encoding", texts.IMP_WESTERN_ENCODING.format(sample=sample))
    return text


def _try(content: bytes, encoding: str) -> str | None:
    try:
        return content.decode(encoding)
    except UnicodeDecodeError:
        return None


def _utf16_order(head: bytes) -> str | None:
    """UTF-16 without a BOM: a quarter or more of the high bytes are zero (ASCII letters, digits,
    separators) and the low bytes hardly ever. Binary data has zeros at both, so it falls through."""
    if b"\x00" not in head or len(head) < 2:
        return None
    odd, even = head[1::2].count(0), head[0::2].count(0)
    high, low = max(odd, even), min(odd, even)
    if high * 4 < len(head) // 2 or low * 4 > high:
        return None
    return "utf-16-le" if odd >= even else "utf-16-be"


def _not_vietnamese(text: str) -> str | None:
    """The first word showing the text is a Western code page read as Vietnamese, or None."""
    match = _LOST_LETTER.search(text)
    if match:
        return _word_at(text, match.start() + 1)
    foreign = [char for char in set(text) if ord(char) >= 0xC0 and (
        unicodedata.combining(char) or (char.isalpha() and not _vietnamese_letter(char)))]
    if foreign:
        return _word_at(text, min(text.index(char) for char in foreign))
    return None


def _vietnamese_letter(char: str) -> bool:
    """ă, ơ, ự, đ... yes; ä, ñ, ç, ß, å, æ, ø... no (only Latin letters are asked about)."""
    parts = unicodedata.normalize("NFD", char.lower())
    base, marks = parts[0], parts[1:]
    if base == "đ":
        return True
    if not ("a" <= base <= "z"):
        return False
    tones = [m for m in marks if m in _VIETNAMESE_MARKS]
    shape = [m for m in marks if m not in _VIETNAMESE_MARKS]
    if len(tones) > 1 or len(shape) > 1 or (marks and base not in _VOWELS):
        return False
    return not shape or base in _VOWEL_MARKS.get(shape[0], ())


def _word_at(text: str, index: int) -> str:
    start, end = index, index
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in ",;\t|\"":
        start -= 1
    while end < len(text) and not text[end].isspace() and text[end] not in ",;\t|\"":
        end += 1
    return text[max(start, index - 20):min(end, index + 20)]


DELIMITERS = (",", ";", "\t", "|")  # in order of preference when nothing tells them apart
_SNIFF_LINES = 50
_SNIFF_CHARS = 65536


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the head of the file the same way on the most lines.

    Each candidate reads the first ~50 non-blank lines with the csv quoting rules; the one
    whose field separator count is the same non-zero number on the most lines wins, and on
    a tie the one with more fields. A title line ("DANH SÁCH CÁC XÃ KHU VỰC III, II, I") or
    a quoted name with a ";" changes one line, not the table, so neither decides (csv.Sniffer
    weighs such lines as much as the table and picks "," for a ";" file with a comma title).
    """
    head = text[:_SNIFF_CHARS]
    best, best_score = DELIMITERS[0], (0, 0)
    for delimiter in DELIMITERS:
        counts: dict[int, int] = {}
        for fields in _head_rows(head, delimiter, truncated=len(text) > len(head)):
            if len(fields) > 1:
                counts[len(fields) - 1] = counts.get(len(fields) - 1, 0) + 1
        score = max(((lines, count) for count, lines in counts.items()), default=(0, 0))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _head_rows(head: str, delimiter: str, truncated: bool) -> list[list[str]]:
    """The first non-blank rows of `head` as `delimiter` splits them (without a row cut short)."""
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(head, newline=""), delimiter=delimiter)
    try:
        for fields in reader:
            if any(field.strip() for field in fields):
                rows.append(fields)
                if len(rows) > _SNIFF_LINES:
                    return rows[:_SNIFF_LINES]
    except csv.Error:  # an unclosed quote: the rows before it are what there is
        return rows
    return rows[:-1] if truncated and len(rows) > 1 else rows


def read_csv(text: str, budget: Budget) -> SheetBuilder:
    """The one table of a CSV, cell by cell through the same limits as a workbook."""
    delimiter = sniff_delimiter(text)
    builder = SheetBuilder(texts.IMP_CSV_SHEET, budget)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, row in enumerate(reader, start=1):
            builder.add_row(number, [(col, value) for col, cell in enumerate(row, start=1)
                                     if (value := clean_cell(cell)) is not None])
    except csv.Error as exc:  # an unclosed quote swallowing the rest of the file, mostly
        raise UnreadableFile("broken_csv", texts.IMP_CSV_BROKEN.format(line=reader.line_num)) from exc
    return builder

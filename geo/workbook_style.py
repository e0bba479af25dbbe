"""The header style of every workbook the app writes, so an import template and a table export look alike.

It lives in geo/ because geo/templates.py and layers/export/excel.py both use it and geo/ may not import layers/.
"""

from __future__ import annotations

from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center")


def style_header(cell: Cell) -> None:
    """Give a header cell the shared look: bold, light blue-grey, wrapped."""
    cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGNMENT

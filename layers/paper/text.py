"""Text on the print map: the font, text measurement and wrapping.

Every string is drawn in DejaVu Sans (shipped with matplotlib; it has all the
Vietnamese letters) and normalised to NFC, because a decomposed "ữ" (u + horn
+ tilde as separate code points) is drawn with misplaced marks. Text is
measured with the real font so that label boxes (labels.py) match what is drawn.
"""

from __future__ import annotations

from functools import lru_cache

from matplotlib.font_manager import FontProperties, findfont
from matplotlib.textpath import TextToPath

from geo.vnformat import nfc

FONT_FAMILY = "DejaVu Sans"
TEXT_COLOUR = "#1a1a1a"
# Strings measured for line heights, never drawn: a capital with two stacked marks and a descender.
TALLEST_SAMPLE = "ỖÁg"  # not user text
LINE_SAMPLE = "Ág"  # not user text
# Fail at import, not with boxes on a printed page, if the font is missing.
FONT_FILE = findfont(FontProperties(family=FONT_FAMILY), fallback_to_default=False)
FONT_FILE_BOLD = findfont(FontProperties(family=FONT_FAMILY, weight="bold"), fallback_to_default=False)
FONT_FILE_ITALIC = findfont(FontProperties(family=FONT_FAMILY, style="oblique"), fallback_to_default=False)

_MEASURE = TextToPath()


def font(size: float, bold: bool = False, italic: bool = False) -> FontProperties:
    """Explicit font properties for one text: never depends on the global rcParams.

    Few faces (regular, bold; italic only for the names of 2026-2030's
    uncertain zones): each face is one more font subset to build and embed in
    a PDF, which is most of a PDF export's time.
    """
    return FontProperties(fname=FONT_FILE_ITALIC if italic else FONT_FILE_BOLD if bold else FONT_FILE, size=size)


@lru_cache(maxsize=4096)
def _measure(text: str, size: float, bold: bool, italic: bool = False) -> tuple[float, float]:
    width, height, _descent = _MEASURE.get_text_width_height_descent(text, font(size, bold, italic), ismath=False)
    return width, height


def text_size_pt(text: str, size: float, bold: bool = False, italic: bool = False) -> tuple[float, float]:
    """Width and height (points) of one line of text; height is the font's full line box."""
    width, _ = _measure(nfc(text), round(size, 3), bold, italic)
    _, line = _measure(TALLEST_SAMPLE, round(size, 3), bold, italic)
    return width, line


def wrap_to_width(text: str, size: float, max_width_pt: float, bold: bool = False) -> list[str]:
    """Greedy word wrap with measured widths (a long source line or legend label)."""
    words = nfc(text).split()
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if current and text_size_pt(candidate, size, bold)[0] > max_width_pt:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines or [""]


def line_height(size: float) -> float:
    """One line of text at `size` points, in inches: the font's full line box."""
    return text_size_pt(LINE_SAMPLE, size)[1] / 72

"""Text on the print map: the font, text measurement and labels that do not collide.

Every string is drawn in DejaVu Sans (shipped with matplotlib; it has all the
Vietnamese letters) and normalised to NFC, because a decomposed "ữ" (u + horn
+ tilde as separate code points) is drawn with misplaced marks. Label boxes are
measured with the real font so that the collision test matches what is drawn.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from matplotlib.font_manager import FontProperties, findfont
from matplotlib.textpath import TextToPath

FONT_FAMILY = "DejaVu Sans"
# Fail at import, not with boxes on a printed page, if the font is missing.
FONT_FILE = findfont(FontProperties(family=FONT_FAMILY), fallback_to_default=False)
FONT_FILE_BOLD = findfont(FontProperties(family=FONT_FAMILY, weight="bold"), fallback_to_default=False)

_MEASURE = TextToPath()


def font(size: float, bold: bool = False) -> FontProperties:
    """Explicit font properties for one text: never depends on the global rcParams.

    Only two faces (regular, bold): each face is one more font subset to
    build and embed in every PDF, which is most of a PDF export's time.
    """
    return FontProperties(fname=FONT_FILE_BOLD if bold else FONT_FILE, size=size)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", str(text))


@lru_cache(maxsize=4096)
def _measure(text: str, size: float, bold: bool) -> tuple[float, float]:
    width, height, _descent = _MEASURE.get_text_width_height_descent(text, font(size, bold), ismath=False)
    return width, height


def text_size_pt(text: str, size: float, bold: bool = False) -> tuple[float, float]:
    """Width and height (points) of one line of text; height is the font's full line box."""
    width, _ = _measure(nfc(text), round(size, 3), bold)
    _, line = _measure("ỖÁg", round(size, 3), bold)  # the tallest stacked marks and a descender
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


@dataclass(frozen=True)
class Label:
    """A label candidate: `x`, `y` its centre in inches on the page."""

    key: str
    text: str
    x: float
    y: float
    width: float  # inches
    height: float


def box_of(label: Label, pad: float = 0.0) -> tuple[float, float, float, float]:
    return (label.x - label.width / 2 - pad, label.y - label.height / 2 - pad,
            label.x + label.width / 2 + pad, label.y + label.height / 2 + pad)


def overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_without_overlap(candidates: list[Label], obstacles: list[tuple[float, float, float, float]],
                          frame: tuple[float, float, float, float], pad: float = 0.02,
                          accept: Callable[[tuple[float, float, float, float]], bool] | None = None) -> list[Label]:
    """Keep candidates in order of priority, dropping any whose box hits a kept one.

    `obstacles` are boxes already on the page (district names, north arrow,
    scale bar); `frame` is the map's box; a label must lie wholly inside it.
    `pad` (inches) keeps a little air between neighbours; `accept` may veto a
    box for other reasons (e.g. a commune name reaching outside the province).
    """
    kept: list[Label] = []
    taken = list(obstacles)
    for label in candidates:
        box = box_of(label, pad)
        inside = (box[0] >= frame[0] and box[1] >= frame[1] and box[2] <= frame[2] and box[3] <= frame[3])
        if (inside and not any(overlaps(box, other) for other in taken)
                and (accept is None or accept(box_of(label)))):
            kept.append(label)
            taken.append(box)
    return kept

"""Vietnamese place-name matching: the project's one normaliser.

Names are matched to GSO codes once, at import time. Everything that compares a
name typed by a person (an Excel sheet, a boundary file, a search box) with the
official list goes through `name_key` and `CommuneMatcher`, so that "Xã Hoà Bình",
"xa hoa binh " and "Hòa Bình" are the same key while "Hòa Bình" in Chi Lăng and
"Hòa Bình" in Văn Quan stay apart until a district is given.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# Combining marks that carry a Vietnamese tone. Other marks (circumflex, breve,
# horn) are part of the vowel and stay where they are.
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}

# Administrative prefixes, longest first so "thị trấn" wins over "thị".
_COMMUNE_PREFIXES = {
    "thị trấn": "thị trấn",
    "tt": "thị trấn",
    "phường": "phường",
    "p": "phường",
    "xã": "xã",
    "x": "xã",
}
_DISTRICT_PREFIXES = ("thành phố", "thị xã", "huyện", "tp", "tx", "h")
# Abbreviations written inside official names.
_ALIASES = {"nt": "nông trường"}


def _move_tones_to_syllable_end(word: str) -> str:
    """Put the tone mark of a syllable at its end, whatever vowel it sat on.

    This makes the old ("hoà", "thuỵ") and new ("hòa", "thụy") placements equal.
    """
    decomposed = unicodedata.normalize("NFD", word)
    tones = [ch for ch in decomposed if ch in _TONE_MARKS]
    base = "".join(ch for ch in decomposed if ch not in _TONE_MARKS)
    return unicodedata.normalize("NFC", base) + "".join(tones)


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", str(text)).lower()
    text = re.sub(r"[.,;:()\-_/\\]+", " ", text)
    return text.split()


def split_commune_prefix(name: str) -> tuple[str | None, str]:
    """Return (commune type or None, the name without its prefix)."""
    words = _words(name)
    for prefix, kind in sorted(_COMMUNE_PREFIXES.items(), key=lambda kv: -len(kv[0])):
        prefix_words = prefix.split()
        if len(words) > len(prefix_words) and words[: len(prefix_words)] == prefix_words:
            return kind, " ".join(words[len(prefix_words):])
    return None, " ".join(words)


def name_key(name: str) -> str:
    """Comparison key of a commune name: no prefix, no case, tone placement-free."""
    _, bare = split_commune_prefix(name)
    return _key_of_words(bare.split())


def district_key(name: str) -> str:
    """Comparison key of a district name ("Huyện Cao Lộc", "H. Cao Lộc", "cao loc")."""
    words = _words(name)
    for prefix in sorted(_DISTRICT_PREFIXES, key=len, reverse=True):
        prefix_words = prefix.split()
        if len(words) > len(prefix_words) and words[: len(prefix_words)] == prefix_words:
            words = words[len(prefix_words):]
            break
    return _key_of_words(words)


def _key_of_words(words: list[str]) -> str:
    expanded: list[str] = []
    for word in words:
        expanded.extend(_ALIASES.get(word, word).split())
    return " ".join(_move_tones_to_syllable_end(w) for w in expanded)


@dataclass(frozen=True)
class CommuneRecord:
    code: str
    name: str  # full official name, e.g. "Xã Hòa Bình"
    commune_type: str  # "xã", "phường", "thị trấn"
    district: str  # full official district name


@dataclass
class Resolution:
    """Outcome of matching one name: a code, or why there is none."""

    code: str | None
    status: str  # "ok", "unknown", "ambiguous"
    candidates: list[CommuneRecord] = field(default_factory=list)


class CommuneMatcher:
    """Resolve commune names (optionally with district and type) to GSO codes."""

    def __init__(self, records: list[CommuneRecord]):
        self.records = list(records)
        self._by_key: dict[str, list[CommuneRecord]] = {}
        for record in self.records:
            self._by_key.setdefault(name_key(record.name), []).append(record)
        self._codes = {r.code: r for r in self.records}

    def by_code(self, code: str) -> CommuneRecord | None:
        return self._codes.get(normalise_code(code))

    def resolve(self, name: str, district: str | None = None) -> Resolution:
        kind, _ = split_commune_prefix(name)
        candidates = self._by_key.get(name_key(name), [])
        if district and str(district).strip():
            wanted = district_key(district)
            candidates = [c for c in candidates if district_key(c.district) == wanted]
        if len(candidates) > 1 and kind is not None:
            candidates = [c for c in candidates if c.commune_type == kind] or candidates
        if len(candidates) == 1:
            return Resolution(candidates[0].code, "ok", candidates)
        if not candidates:
            return Resolution(None, "unknown", [])
        return Resolution(None, "ambiguous", candidates)


def normalise_code(code: object) -> str:
    """GSO commune codes are 5 digits; Excel often drops the leading zero."""
    text = str(code).strip()
    if text.endswith(".0"):
        text = text[:-2]
    return text.zfill(5) if text.isdigit() else text

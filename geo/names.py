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
from functools import lru_cache

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
# Keys and resolutions are remembered per spelling, not worked out per row: a 100,000-row
# sheet names a few hundred communes and districts and a few thousand villages. Only names
# up to _CACHED_LENGTH characters are kept, so a file of long distinct names holds at most
# ~1 KB x entries per cache (~16 MB); real names (< 40 characters) hold a few MB.
_KEY_CACHE = 16384
_RESOLUTION_CACHE = 4096
_CACHED_LENGTH = 100


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
    text = str(name)
    return _name_key(text) if len(text) <= _CACHED_LENGTH else _name_key.__wrapped__(text)


def district_key(name: str) -> str:
    """Comparison key of a district name ("Huyện Cao Lộc", "H. Cao Lộc", "cao loc")."""
    text = str(name)
    return _district_key(text) if len(text) <= _CACHED_LENGTH else _district_key.__wrapped__(text)


@lru_cache(maxsize=_KEY_CACHE)
def _name_key(name: str) -> str:
    _, bare = split_commune_prefix(name)
    return _key_of_words(bare.split())


@lru_cache(maxsize=_KEY_CACHE)
def _district_key(name: str) -> str:
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
        self._resolved: dict[tuple[str, str | None], tuple] = {}

    def by_code(self, code: str) -> CommuneRecord | None:
        return self._codes.get(normalise_code(code))

    def resolve(self, name: str, district: str | None = None) -> Resolution:
        """The commune `name` means (within `district` when given); the same answer for
        the same spelling, so each (name, district) is worked out once per matcher."""
        within = str(district) if district and str(district).strip() else None
        asked = (str(name), within)
        found = self._resolved.get(asked)
        if found is None:
            found = self._resolve(*asked)
            if len(asked[0]) + len(within or "") <= _CACHED_LENGTH:
                if len(self._resolved) >= _RESOLUTION_CACHE:
                    self._resolved.clear()  # rare (thousands of spellings); simpler than LRU order
                self._resolved[asked] = found
        code, status, candidates = found
        return Resolution(code, status, list(candidates))  # a fresh list: callers may change theirs

    def _resolve(self, name: str, district: str | None) -> tuple[str | None, str, tuple[CommuneRecord, ...]]:
        kind, _ = split_commune_prefix(name)
        candidates = self._by_key.get(name_key(name), [])
        if district is not None:
            wanted = district_key(district)
            candidates = [c for c in candidates if district_key(c.district) == wanted]
        if len(candidates) > 1 and kind is not None:
            candidates = [c for c in candidates if c.commune_type == kind] or candidates
        if len(candidates) == 1:
            return candidates[0].code, "ok", tuple(candidates)
        if not candidates:
            return None, "unknown", ()
        return None, "ambiguous", tuple(candidates)


def normalise_code(code: object) -> str:
    """GSO commune codes are 5 digits; Excel often drops the leading zero."""
    text = str(code).strip()
    if text.endswith(".0"):
        text = text[:-2]
    return text.zfill(5) if text.isdigit() else text


# Prefixes a person types without diacritics ("xa kien moc"): dropped from a search query.
_FOLDED_PREFIXES = ("thi tran", "phuong", "xa", "tt")


def folded_name_key(name: str) -> str:
    """name_key without diacritics (searches): "Xã Kiên Mộc" -> "kien moc"."""
    return without_diacritics(name_key(name))


def folded_district_key(name: str) -> str:
    """district_key without diacritics (links): "Huyện Văn Lãng" -> "van lang"."""
    return without_diacritics(district_key(name))


def without_diacritics(key: str) -> str:
    """A lower-case key with every mark dropped and đ written d: what a person types on a keyboard without
    Vietnamese input."""
    text = unicodedata.normalize("NFD", key.replace("đ", "d"))  # not user text
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).split())


def query_key(text: str) -> str:
    """The key of what a person typed: also drops a prefix written without diacritics ("xa kien moc")."""
    words = folded_name_key(text).split()
    for prefix in _FOLDED_PREFIXES:
        prefix_words = prefix.split()
        if len(words) > len(prefix_words) and words[: len(prefix_words)] == prefix_words:
            return " ".join(words[len(prefix_words):])
    return " ".join(words)

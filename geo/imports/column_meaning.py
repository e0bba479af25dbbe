"""Which indicator a column header means, as a person would read it.

Departments word the same column many ways: "Hộ sử dụng điện lưới quốc gia, %",
"Tỷ lệ hộ dùng điện (%)", "TỶ LỆ HỘ CÓ ĐIỆN". A header is compared with every
wording the catalogue knows for an indicator (its label and aliases), after
the same normalisation on both sides:

1. `header_key`: no case, no diacritics, no unit in brackets or after a comma;
2. abbreviations and synonyms written out once ("BHYT" -> "bảo hiểm y tế",
   "bê tông hóa"/"nhựa hóa" -> "cứng hóa", "NTM" -> "nông thôn mới");
3. filler words dropped ("tỷ lệ", "số", "được", "có", ...), which every
   indicator shares and which only make unrelated headers look alike.

The similarity is rapidfuzz's token-set ratio (word order free, a header
that contains a known wording scores 100) blended with its token-sort ratio,
which keeps a short generic header ("Số thôn", "Số hộ") from matching a long
label it happens to be part of. On the wordings in tests/test_column_meaning.py
the right indicator scores 85.5-100 and unrelated headers ("Dân số", "Ghi
chú", "Diện tích") at most 76, so a column is taken when its best indicator
scores >= SURE (85) and leads the runner-up by >= MARGIN (6): the road to the
commune centre and the road to the village centre differ by one word and
score within 6 of each other unless the header says which. Two kinds of
header are asked about even when the words match: a count ("Số hộ nghèo")
beside a rate indicator, and a word that makes another measure ("cận nghèo").
Between POSSIBLE (70) and a sure match, the import page asks the user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from geo.indicators import INDICATORS, PERCENT, SHARE_OF_COMMUNES, YES_NO, Indicator, header_key

SURE = 85.0
MARGIN = 6.0
POSSIBLE = 70.0
_SET_WEIGHT = 0.6  # token_set rewards containing a known wording; token_sort punishes extra length

# Written-out forms of abbreviations and synonyms, on header_key text (no diacritics).
_SYNONYMS = [
    (r"\bbhyt\b", "bao hiem y te"),
    (r"\bdtts\b|\bdan toc thieu so\b|\bdong bao dan toc\b", "dtts"),
    (r"\bntm\b", "nong thon moi"),
    (r"\bclb\b", "cau lac bo"),
    (r"\bnvh\b", "nha van hoa"),
    (r"\bhvs\b", "hop ve sinh"),
    (r"\bsdd\b", "suy dinh duong"),
    (r"\bgddt\b|\bdao tao nghe\b|\bhoc nghe\b", "dao tao nghe"),
    (r"\btyt\b|\btram y te\b", "y te xa"),
    (r"\bbe tong hoa\b|\bbe tong\b|\bnhua hoa\b|\brai nhua\b|\bnhua\b|\bkien co hoa\b|\bcung hoa\b", "cung hoa"),
    (r"\bdung\b|\bsu dung\b|\bdung duoc\b|\btiep can\b", "su dung"),
    (r"\bho dan\b|\bho gia dinh\b", "ho"),
    (r"\bdien luoi quoc gia\b|\bdien luoi\b", "dien luoi"),
    (r"\bdot nat\b|\bnha tam bo\b", "dot nat"),
    (r"\bvan nghe\b|\bvan hoa van nghe\b", "van nghe"),
    (r"\bnuoc sach\b", "nuoc hop ve sinh"),
]
_FILLER = {"ty", "le", "so", "duoc", "co", "cac", "va", "cua", "tren", "toan", "nam", "hien", "nay",
           "tong", "trong", "den", "%"}
# Words that turn a wording into another measure: "hộ cận nghèo" (near-poor), "thoát nghèo"
# (left poverty), "tái nghèo" (fell back), "phát sinh" (newly poor) are not the poverty rate.
_CHANGES_MEANING = {"can", "thoat", "tai", "phat", "sinh", "moi"}
_UNITS_AFTER_COMMA = {"%", "nhà", "hộ", "người", "thôn", "xã", "trường", "0/1", "tỷ lệ", "tỷ lệ %", "(%)"}


def meaning_key(text: object) -> str:
    """Header text reduced to the words that carry its meaning."""
    key = header_key(_drop_unit_after_comma(str(text)))
    for pattern, replacement in _SYNONYMS:
        key = re.sub(pattern, replacement, key)
    return " ".join(word for word in key.split() if word not in _FILLER)


def _drop_unit_after_comma(text: str) -> str:
    """"Hộ dùng điện, %" -> "Hộ dùng điện"; "Nhà tạm, dột nát" keeps its second part."""
    head, sep, tail = text.rpartition(",")
    return head if sep and tail.strip().lower() in _UNITS_AFTER_COMMA else text


@lru_cache(maxsize=1)
def _wordings() -> tuple[tuple[str, str], ...]:
    """(meaning key, indicator id) for every wording the catalogue knows."""
    pairs = []
    for ind in INDICATORS.values():
        for text in (ind.id.replace("_", " "), ind.label, *ind.aliases):
            key = meaning_key(text)
            if key:
                pairs.append((key, ind.id))
    return tuple(pairs)


@dataclass(frozen=True)
class Guess:
    """What a header most likely means, how sure, and the runner-up."""

    indicator: Indicator | None  # taken without asking (score >= SURE and a clear lead)
    best: Indicator | None
    score: float
    runner_up: Indicator | None
    runner_up_score: float

    @property
    def uncertain(self) -> bool:
        """Worth asking the user: close to an indicator, but not sure enough to take it."""
        return self.indicator is None and self.best is not None and self.score >= POSSIBLE


def similarity(a: str, b: str) -> float:
    return _SET_WEIGHT * fuzz.token_set_ratio(a, b) + (1 - _SET_WEIGHT) * fuzz.token_sort_ratio(a, b)


@lru_cache(maxsize=4096)
def guess_indicator(header: str) -> Guess:
    """The indicator a header most likely names, with scores; cached (headers repeat across files)."""
    key = meaning_key(header)
    if not key:
        return Guess(None, None, 0.0, None, 0.0)
    best: dict[str, float] = {}
    for wording, ind_id in _wordings():
        score = 100.0 if wording == key else similarity(key, wording)
        if score > best.get(ind_id, -1.0):
            best[ind_id] = score
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    (first, first_score), (second, second_score) = ranked[0], ranked[1]
    sure = first_score >= SURE and first_score - second_score >= MARGIN and not _doubt(header, key, first)
    return Guess(INDICATORS[first] if sure else None, INDICATORS[first], round(first_score, 1),
                 INDICATORS[second], round(second_score, 1))


def _doubt(header: str, key: str, ind_id: str) -> bool:
    """Reasons to ask although the words match: a count where the indicator is a rate, or a word
    that makes it another measure ("hộ cận nghèo", "hộ thoát nghèo" are not "hộ nghèo")."""
    ind = INDICATORS[ind_id]
    wordings = [wording for wording, owner in _wordings() if owner == ind_id]
    if any(word in key.split() and not any(word in w.split() for w in wordings) for word in _CHANGES_MEANING):
        return True
    plain = header_key(header)
    counts = plain.startswith("so ") and "ty le" not in plain and "%" not in str(header)
    return counts and ind.kind_at("commune") in (PERCENT, YES_NO) and ind.aggregate != SHARE_OF_COMMUNES

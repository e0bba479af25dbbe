"""What each page of the atlas says, as plain data: which units, in which order, and each unit's facts and
indicator table, written as the page and the table under the map write them.

Kept apart from the drawing so the order, the numbers and the wording can be tested without rendering.
Numbers go through geo.vnformat (the indicator's decimals, Vietnamese separators), so a value on a unit's
page reads as it does in the table under the map and in the Excel export.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

import pandas as pd

import texts
from geo.gaps import gap_series, relative_shortfall
from geo.indicators import INDICATORS, Indicator
from geo.programme import indicators_with_values
from geo.vnformat import COUNT_FORMAT, NO_NUMBER, SHARE_FORMAT, indicator_format, nfc
from geo.vocabulary import Period
from layers import style
from layers.page import MapPage
from layers.style import short_district_name
from layers.tables import border_word, category_name, priority_details
from layers.thematic import GAP, INDICATOR, PRIORITY, ViewOptions, priority_recipe, view_scores
from layers.view_link import DEFAULT_TICKED

ORDER_NAME, ORDER_RANK, ORDER_GAP = "name", "rank", "gap"
ORDERS = (ORDER_NAME, ORDER_RANK, ORDER_GAP)
TARGET_YEARS = (2025, 2030)

# Vietnamese alphabetical order: the letters with a breve, circumflex or horn, and đ, are letters of their own
# (a < ă < â < b ... d < đ), and the tone marks order words that are otherwise alike (ngang, huyền, hỏi, ngã,
# sắc, nặng). Python's code-point order puts "Đ" and every accented capital after "Z".
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"  # not user text
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter
_TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # ngang, huyền, hỏi, ngã, sắc, nặng


def vietnamese_key(text: str) -> tuple:
    """A sort key putting names in Vietnamese dictionary order ("Bắc Sơn" before "Bình Gia", "Đình Lập" after
    "Dương Hưu"); case is ignored."""
    letters, tones = [], []
    for char in nfc(text).lower():
        parts = unicodedata.normalize("NFD", char)
        letter = unicodedata.normalize("NFC", parts[0] + "".join(m for m in parts[1:] if m in _LETTER_MARKS))
        tone = next((m for m in parts[1:] if m in _TONES), "")
        position = _ALPHABET.find(letter)
        letters.append((1, position) if position >= 0 else (0 if letter.isspace() else 2, ord(letter[0])))
        tones.append(_TONES.index(tone))
    return tuple(letters), tuple(tones)


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator on a unit's page: its label with its unit, then value, target and gap per target year."""

    label: str
    value: str
    targets: tuple[tuple[str, str], ...]  # per TARGET_YEARS: (target, gap), written


@dataclass(frozen=True)
class UnitSheet:
    """One unit's page, as data."""

    code: str
    name: str  # the official name, "Xã Hòa Bình"
    entry: str  # as the contents lists it: with its district where names repeat (2021-2025)
    facts: tuple[tuple[str, str], ...]  # (what, value) in reading order
    indicators: tuple[IndicatorRow, ...]
    note: str = ""  # what the unit is ordered by, as the contents writes it beside its name ("hạng 3")

    @property
    def shown(self) -> tuple[str, ...]:
        """The units the page colours and counts: this one."""
        return (self.code,)


@dataclass(frozen=True)
class AtlasPlan:
    """Every unit page in print order, and the words the cover uses for the order."""

    sheets: tuple  # UnitSheet, or atlas_districts.DistrictSheet
    order_words: str
    recipe: str  # how the priority scores on the pages were made (layers.thematic.priority_recipe)


def plan_atlas(page: MapPage, table: pd.DataFrame, period: Period, *, order: str = ORDER_NAME,
               units: Sequence[str] | None = None, villages: pd.DataFrame | None = None) -> AtlasPlan:
    """The pages of the atlas of `page` (the map page's model) over `table` (one row per unit of `period`,
    layers.page's input): the filter's units (`units`, default the page's selection, all when it has none)
    in `order`. `villages` (gso_code, village) are listed on their unit's page when given.

    Every page gives its unit's priority score: the priority view's own, or else the score that view gives at
    its starting settings (weights, the first indicators with a target in the period's year), as the cover
    says (`recipe`)."""
    options, rows, codes, scores = atlas_units(page, table, period, order, units)
    keys, notes, words = order_keys(order, page, table, scores)
    codes.sort(key=lambda code: (keys.get(code, float("inf")), vietnamese_key(_short(rows.loc[code])), code))
    details = priority_details(table, scores)
    shown = indicators_with_values(table)
    names = _village_names(villages)
    sheets = tuple(replace(_sheet(rows.loc[code], page, details.get(code, {}), shown,
                              names.get(code) if villages is not None else None, period.has_districts),
                       note=notes.get(code, "")) for code in codes)
    return AtlasPlan(sheets=sheets, order_words=words, recipe=priority_recipe(options))


def atlas_units(page: MapPage, table: pd.DataFrame, period: Period, order: str, units: Sequence[str] | None
                ) -> tuple[ViewOptions, pd.DataFrame, list[str], pd.DataFrame]:
    """What an atlas is made of: the score options its pages state, the table by code, the units to print
    (`units`, default the page's selection, all when it has none) and the priority scores."""
    if order not in ORDERS:
        raise ValueError(f"order must be one of {ORDERS}, not {order!r}")
    options = score_options(page.choices.options, table, period)
    rows = table.set_index("gso_code", drop=False)
    codes = [str(c) for c in (units if units is not None else page.selected or table["gso_code"])]
    unknown = [c for c in codes if c not in rows.index]
    if unknown:
        raise KeyError(f"units not in the table: {unknown[:5]}")
    scores = page.built.scores if page.built.scores is not None else view_scores(options, table)
    return options, rows, codes, scores


def score_options(options: ViewOptions, table: pd.DataFrame, period: Period) -> ViewOptions:
    """The options the pages' priority scores are made with: the view's own in the priority view, else the
    priority view's starting settings (as the sidebar and a link without them set it: layers.view_link)."""
    if options.kind == PRIORITY:
        return options
    year = period.target_year
    with_target = [i for i in indicators_with_values(table) if INDICATORS[i].target(year) is not None]
    return ViewOptions(kind=PRIORITY, year=year, ticked=tuple(with_target[:DEFAULT_TICKED]))


def _short(row: pd.Series) -> str:
    """A unit's name without its type ("Hòa Bình"), by which the atlas sorts; the full name after it."""
    kind = str(row.get("commune_type") or "")
    name = nfc(row["commune"])
    return name[len(kind):].strip() + " " + name if kind and name.lower().startswith(kind.lower()) else name


def order_keys(order: str, page: MapPage, table: pd.DataFrame, scores: pd.DataFrame
                ) -> tuple[dict[str, float], dict[str, str], str]:
    """Per unit, a number to sort by (smaller first; a unit without one goes last) and that number as the
    contents writes it beside the unit's name; and the order in words, for the cover."""
    if order == ORDER_NAME:
        return {}, {}, texts.ATLAS_ORDER_NAMES[ORDER_NAME]
    if order == ORDER_RANK:
        ranks = scores["rank"].to_dict()
        notes = {code: texts.ATLAS_NOTE_RANK.format(rank=COUNT_FORMAT.number(rank)) for code, rank in ranks.items()}
        return ranks, notes, texts.ATLAS_ORDER_NAMES[ORDER_RANK]
    options, year = page.choices.options, page.target_year
    if options.kind in (GAP, INDICATOR) and options.indicator_id in INDICATORS:
        indicator = INDICATORS[options.indicator_id]
        if indicator.target(year) is not None:
            gaps = gap_series(_values(table, indicator), indicator, year).dropna()
            written = indicator_format(indicator)
            notes = {code: texts.ATLAS_GAP_MET if gap <= 0 else written.text(gap) for code, gap in gaps.items()}
            words = texts.ATLAS_ORDER_GAP_ONE.format(label=indicator.label, year=year)
            return (-gaps).to_dict(), notes, words
    with_target = [i for i in indicators_with_values(table) if INDICATORS[i].target(year) is not None]
    shortfalls = pd.DataFrame({i: relative_shortfall(_values(table, INDICATORS[i]), INDICATORS[i], year)
                               for i in with_target}, index=table["gso_code"])
    mean = (shortfalls.mean(axis=1, skipna=True) if with_target else pd.Series(dtype=float)).dropna()
    notes = {code: texts.ATLAS_NOTE_SHORTFALL.format(share=SHARE_FORMAT.text(100 * share))
             for code, share in mean.items()}
    return (-mean).to_dict(), notes, texts.ATLAS_ORDER_GAP_MEAN.format(year=year)


def _values(table: pd.DataFrame, indicator: Indicator) -> pd.Series:
    frame = table.set_index("gso_code")
    return frame[indicator.id] if indicator.id in frame else pd.Series(float("nan"), index=frame.index)


def _village_names(villages: pd.DataFrame | None) -> dict[str, list[str]]:
    if villages is None or villages.empty:
        return {}
    return {str(code): [nfc(v) for v in group["village"]] for code, group in villages.groupby("gso_code")}


def _sheet(row: pd.Series, page: MapPage, score_lines: dict[str, str], shown: list[str],
           village_names: list[str] | None, has_districts: bool) -> UnitSheet:
    built, code = page.built, str(row["gso_code"])
    district = short_district_name(str(row["district"]))
    name = nfc(row["commune"])
    facts = [(texts.COL_CODE, code), (built.headers.get("district", texts.COL_DISTRICT), district),
             (texts.COL_CATEGORY, category_name(row.to_frame().T).iloc[0]),
             (texts.COL_BORDER, border_word(row["is_border"])),
             (texts.GPKG_FIELD_CLASS, _class_label(built.view, code)),
             *score_lines.items()]
    counterpart = row.get("counterpart")
    if isinstance(counterpart, str) and counterpart.strip():
        facts.append((built.headers.get("counterpart", texts.COL_NEW_COMMUNE), counterpart))
    facts.append((texts.COL_VILLAGES, str(int(row["n_villages"])) if pd.notna(row.get("n_villages")) else NO_NUMBER))
    if village_names:
        facts.append((texts.VILLAGE_NAMES, "; ".join(village_names)))
    entry = texts.ATLAS_ENTRY_DISTRICT.format(name=name, district=district) if has_districts else name
    return UnitSheet(code=code, name=name, entry=entry, facts=tuple((nfc(k), nfc(v)) for k, v in facts),
                     indicators=tuple(indicator_row(row, INDICATORS[i]) for i in shown))


def _class_label(view, code: str) -> str:
    """The legend class the unit is drawn in, without the counts a legend label may carry."""
    fill = view.fills.get(code, style.NO_DATA)
    for entry in view.legend:
        if entry.fill == fill:
            return view.counted_labels.get(entry.label, entry.label)
    return texts.LEGEND_NO_DATA


def indicator_row(row: pd.Series, indicator: Indicator) -> IndicatorRow:
    """The unit's value of `indicator` against each target year, written with the indicator's decimals."""
    written = indicator_format(indicator)
    value = row.get(indicator.id)
    targets = []
    for year in TARGET_YEARS:
        target = indicator.target(year)
        gap = gap_series(pd.Series([value]), indicator, year).iloc[0] if target is not None else float("nan")
        gap_text = NO_NUMBER if pd.isna(gap) else texts.ATLAS_GAP_MET if gap <= 0 else written.number(gap)
        targets.append((written.number(target), gap_text))
    label = texts.ATLAS_INDICATOR_LABEL.format(label=indicator.label, unit=indicator.display_unit)
    return IndicatorRow(label=nfc(label), value=written.number(value), targets=tuple(targets))

"""What a map shows, independent of where it is drawn.

A `MapView` is computed once per choice of view and filters and is drawn by
both the web map (layers/web/) and the print map (layers/paper/), so an
exported image has exactly the colours, classes and legend of the screen. The
subtitle (the filters in words) and the sources line are made here too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import texts
from geo.filters import BORDER_COMPUTED, BORDER_EITHER, BORDER_SOURCED
from geo.priority import FULL_SCORE_RANGE
from geo.vnformat import SCORE_FORMAT
from geo.vocabulary import PERIOD_2021, Period
from layers.style import LegendEntry

if TYPE_CHECKING:
    from geo.programme import Programme
    from layers.prepared import MapData

BORDER_SOURCES = {  # the border filter's sources, in words (sidebar choice, subtitle)
    BORDER_EITHER: texts.BORDER_SOURCE_EITHER,
    BORDER_SOURCED: texts.BORDER_SOURCE_SOURCED,
    BORDER_COMPUTED: texts.BORDER_SOURCE_COMPUTED,
}


@dataclass(frozen=True)
class MapView:
    title: str  # e.g. "Phân định khu vực I, II, III"
    legend_title: str
    fills: dict[str, str]  # GSO code -> fill colour of each commune
    legend: tuple[LegendEntry, ...]  # classes, with limits and units in their labels
    subtitle: str = ""  # the active filters, in words
    selected: tuple[str, ...] = ()  # codes inside the filters; empty means all
    illustrative: bool = False  # demonstration data: every rendering says so
    sources: tuple[str, ...] = field(default_factory=tuple)  # "Nguồn: ..." parts
    counts: dict[str, int] = field(default_factory=dict)  # legend label -> communes in the class
    # Per commune, extra lines for the web tooltip/popup: {code: {Vietnamese label: text}}.
    details: dict[str, dict[str, str]] = field(default_factory=dict)
    # How the view's numbers were made, in words, read alike by every export (priority: weights, indicators
    # ticked, target year; thematic.priority_recipe); empty when the legend says it all.
    recipe: str = ""
    top_n: int = 0  # priority view: how many of the province ranking are outlined (the filter shows some)
    # Legend texts that state counts (the title "Khu vực (số xã / theo Nghị quyết)", a label "Khu vực III: 45 xã
    # (NQ: 45)") -> the same without them, for the print legend, which counts what the page shows in a column.
    counted_labels: dict[str, str] = field(default_factory=dict)

    @property
    def source_line(self) -> str:
        return texts.SOURCE_PREFIX + "; ".join(self.sources)


def top_label(count: int, ranked: int) -> str:
    """The legend's "first to invest" line: `count` outlined of the province's first `ranked`; a filter that
    shows only some of them says so, lest "3 xã" read as a top 3."""
    if count < ranked:
        return texts.PRINT_LEGEND_TOP_PART.format(count=count, ranked=ranked)
    return texts.PRINT_LEGEND_TOP.format(count=count)


def filters_subtitle(district_labels: list[str], border_only: bool, border_source_label: str,
                     searched_label: str | None, former_districts: bool = False,
                     category_labels: tuple[str, ...] = (), score_range: tuple[float, float] | None = None) -> str:
    """Every active filter in words, for the caption, the print subtitle, the PDF metadata and the Excel
    "Nguồn" sheet (2026-2030 groups by former districts). A full score range is no filter."""
    if searched_label:
        return searched_label
    districts = texts.SUBTITLE_FORMER_DISTRICTS if former_districts else texts.SUBTITLE_DISTRICTS
    parts = [districts.format(districts=", ".join(district_labels)) if district_labels
             else texts.SUBTITLE_WHOLE_PROVINCE]
    if category_labels:
        parts.append(", ".join(category_labels))  # "Khu vực III, Khu vực II": the names say what they are
    if border_only:
        parts.append(texts.SUBTITLE_BORDER.format(source=border_source_label.lower()))
    if score_range is not None and tuple(score_range) != FULL_SCORE_RANGE:
        low, high = score_range
        parts.append(texts.SUBTITLE_SCORE.format(low=SCORE_FORMAT.number(low), high=SCORE_FORMAT.number(high)))
    return " · ".join(parts)


def view_sources(data: MapData, programme: Programme, kind: str) -> tuple[str, ...]:
    """The "Nguồn:" parts of a view: the period and its legal basis, the boundaries in use, plus the
    programme files (or the illustrative note) behind its table and badges."""
    basis = texts.CARRIED_BASIS if programme.carried_rules is not None and kind != "admin" else \
        texts.PERIOD_BASIS[data.period.key]
    parts = [basis, data.boundary_source]
    # every view, the administrative one too: its table lists the categories and villages, its map their badges
    if programme.illustrative:
        parts.append(texts.ILLUSTRATIVE_NOTE)
    elif programme.files:
        parts.append(texts.SOURCE_FILES.format(files=", ".join(sorted(set(programme.files.values())))))
    return tuple(parts)


def district_view(communes, colours: dict[str, str], subtitle: str = "",
                  selected: tuple[str, ...] = (), sources: tuple[str, ...] = (),
                  period: Period = PERIOD_2021) -> MapView:
    """Communes coloured by their district (2026-2030: the units by the former district holding most of
    their area); the view before area categories exist."""
    from layers.style import district_legend
    counts = communes.groupby("district").size()
    legend = tuple(district_legend(colours))
    return MapView(
        title=texts.VIEW_DISTRICTS[period.key],
        legend_title=texts.LEGEND_TITLE_DISTRICT[period.key],
        fills=dict(zip(communes["gso_code"], communes["district"].map(colours))),
        legend=legend,
        subtitle=subtitle,
        selected=selected,
        sources=sources,
        counts={entry.label: int(counts[d]) for entry, d in zip(legend, colours)},
    )

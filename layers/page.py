"""The map page as data: the user's choices and the loaded data in, everything the page shows out.

`map_page(choices, data, programme, table)` is a pure function: which communes the
filters select, the subtitle naming the filters, the thematic view, whether it is
illustrative, the notices above the map, and the key under which the rendered map
is shared between sessions. Tests call it without Streamlit; ui/map_page.py only
draws widgets and this model. The cache key is derived from the model itself
(every input the map depends on is in it), so it cannot miss one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

import texts
from geo.filters import select_codes
from geo.programme import Programme, indicators_with_values
from geo.vocabulary import DEMO, PERIOD_2026
from layers.prepared import MapData
from layers.style import short_district_name
from layers.tables import PERIOD_HEADERS
from layers.thematic import ADMIN, GAP, INDICATOR, PRIORITY, BuiltView, ViewOptions, build_view, view_scores
from layers.view import BORDER_SOURCES, filters_subtitle, view_sources

SEARCH_NAMES_SHOWN = 3  # a search's subtitle names this many of the communes it found


@dataclass(frozen=True)
class Choices:
    """Everything the sidebar decides; the defaults are the widgets' starting values."""

    source: str
    period: str = PERIOD_2026.key  # a key of geo.vocabulary.PERIODS; also the page URL's ?period=
    options: ViewOptions = ViewOptions()
    districts: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    border_only: bool = False
    border_source: str = next(iter(BORDER_SOURCES))
    score_range: tuple[float, float] | None = None  # priority view only
    query: str = ""  # the search box's text: communes found by name (geo.filters.found_codes)
    show_villages: bool = True
    large_labels: bool = False
    osm: bool = False
    present: bool = False  # presentation mode: the projector's page, larger legend and title


@dataclass(frozen=True)
class MapPage:
    """What the map page shows for one set of choices."""

    choices: Choices
    selected: tuple[str, ...]  # GSO codes the filters pick out (empty: nothing matches)
    subtitle: str  # the filters in words
    built: BuiltView  # the thematic view: colours, legend, table, top N
    with_villages: bool  # the village layer is drawn
    notices: tuple[tuple[str, str], ...]  # (level, text) above the map: "warning" or "info"
    caption: str  # selection count, filters and sources under the title
    indicators_with_values: tuple[str, ...]  # for the border-gaps table
    target_year: int  # the border-gaps table's targets: the gap view's year, else the period's own

    @property
    def map_key(self) -> tuple:
        """Everything the drawn map depends on apart from the data files and the store's versions."""
        c = self.choices
        return (c.period, c.source, repr(c.options), self.selected, self.subtitle, c.osm, c.large_labels,
                self.with_villages, c.present)


def map_page(choices: Choices, data: MapData, programme: Programme, table: pd.DataFrame) -> MapPage:
    """The page model for `choices` over the loaded data; no Streamlit, no side effects."""
    options = choices.options
    scores = view_scores(options, table)
    selected = tuple(select_codes(table, districts=choices.districts, border_only=choices.border_only,
                                  border_source=choices.border_source, query=choices.query,
                                  categories=choices.categories, score_range=choices.score_range,
                                  scores=None if scores is None else scores["score"]))
    subtitle = filters_subtitle([short_district_name(d) for d in choices.districts], choices.border_only,
                                BORDER_SOURCES[choices.border_source],
                                _search_words(choices.query, selected, data),
                                former_districts=not data.period.has_districts,
                                category_labels=tuple(texts.CATEGORY_FILTER_NAMES[c] for c in choices.categories),
                                score_range=choices.score_range if options.kind == PRIORITY else None)
    with_villages = choices.show_villages and not programme.villages.empty
    # every view of demo data says so, the administrative one too: its table lists the demo categories and
    # villages, and its map their badges
    illustrative = programme.illustrative
    built = build_view(options, table, data.colours, subtitle=subtitle, selected=selected,
                       illustrative=illustrative, sources=view_sources(data, programme, options.kind), scores=scores,
                       period=data.period)
    built = replace(built, headers={**built.headers, **PERIOD_HEADERS[data.period.key]})
    if programme.carried_rules is not None:
        built = _carried(built, table, programme.carried_rules, options)
    built = replace(built, view=replace(built.view, title=_period_title(built.view.title, data.period.key, programme)))
    notices = [("info", texts.CARRIED_NOTICE)] if programme.carried_rules is not None and options.kind != ADMIN else []
    if programme.is_empty and choices.source == DEMO:  # chosen before any demo was made: say how to make it
        notices.append(("warning", texts.DEMO_MISSING))
    elif built.view.illustrative:
        notices.append(("warning", texts.ILLUSTRATIVE_WARNING))
    elif programme.is_empty and options.kind != ADMIN:
        notices.append(("info", texts.NO_DATA_NOTICE[data.period.key]))
    if not selected:
        notices.append(("info", texts.SEARCH_NOT_FOUND if choices.query.strip() else texts.NOTHING_SELECTED))
    caption = texts.SELECTION_CAPTION.format(selected=len(selected) or len(table), total=len(table),
                                             units=texts.UNIT_NOUN[data.period.key], filters=subtitle,
                                             sources=built.view.source_line)
    return MapPage(choices=choices, selected=selected, subtitle=subtitle, built=built,
                   with_villages=with_villages, notices=tuple(notices),
                   caption=caption, indicators_with_values=tuple(indicators_with_values(table)),
                   target_year=options.year if options.kind == GAP else data.period.target_year)


def _search_words(query: str, found: tuple[str, ...], data: MapData) -> str | None:
    """The search in words: what was typed and the first few communes it found ("Không tìm thấy" if none)."""
    if not query.strip():
        return None
    names = [data.search_label(code) for code in found[:SEARCH_NAMES_SHOWN]]
    if len(found) > SEARCH_NAMES_SHOWN:
        names.append(texts.SEARCH_MORE.format(count=len(found) - SEARCH_NAMES_SHOWN))
    return texts.SEARCH_WORDS.format(query=query.strip(), found=", ".join(names) or texts.SEARCH_NONE)


def _carried(built: BuiltView, table: pd.DataFrame, rules: dict[str, str], options: ViewOptions) -> BuiltView:
    """A view of 2021-2025 data carried over to the new units: the legend states how the indicator's values
    were combined, and the table says for each unit what it could not count (a split old commune)."""
    view, headers = built.view, dict(built.headers)
    if options.kind in (INDICATOR, GAP) and options.indicator_id in rules:
        rule = rules[options.indicator_id]
        view = replace(view, legend_title=texts.CARRIED_LEGEND.format(title=view.legend_title, rule=rule))
        headers["value"] = texts.CARRIED_LEGEND.format(title=headers["value"], rule=rule)
    shown = built.table
    if "code" in shown:
        notes = table.set_index("gso_code")["carry_note"]
        shown = shown.assign(carry_note=shown["code"].map(notes).fillna("").to_numpy())
    headers.update(carry_note=texts.COL_CARRY_NOTE, villages=texts.COL_VILLAGES_CARRIED)
    return replace(built, view=view, table=shown, headers=headers)


def _period_title(title: str, period: str, programme: Programme) -> str:
    """The view's title naming its period, and saying so when it shows 2021-2025 data on the new units."""
    if programme.carried_rules is not None:
        return texts.TITLE_CARRIED.format(title=title)
    return title if period in title else texts.TITLE_IN_PERIOD.format(title=title, period=period)

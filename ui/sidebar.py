"""The map page's sidebar: what the user chooses to see, returned as one value.

`default_choices` is what the widgets hold before anyone touches them; the
page's first run draws the map from it (ui/first_paint.py).
"""

from __future__ import annotations

import streamlit as st

import texts
from geo.classify import METHODS
from geo.filters import OUTSIDE
from geo.indicators import INDICATORS
from geo.priority import COMPONENTS, FULL_SCORE_RANGE, Weights
from geo.programme import default_source, indicators_with_values
from geo.store import Store
from geo.vocabulary import CARRIED, CATEGORIES, DEMO, IMPORTED, TARGET_YEARS, Period
from layers.page import Choices
from layers.prepared import MapData
from layers.style import short_district_name
from layers.thematic import ADMIN, CATEGORY, GAP, INDICATOR, PRIORITY, VIEW_KINDS, ViewOptions
from layers.view import BORDER_SOURCES
from ui import period, state

SOURCES = {IMPORTED: texts.SOURCE_IMPORTED, DEMO: texts.ILLUSTRATIVE, CARRIED: texts.SOURCE_CARRIED}
# The district filter: districts (2021-2025), or former districts as a grouping (2026-2030).
_DISTRICT_FILTER = {True: (texts.FILTER_DISTRICTS, texts.FILTER_DISTRICTS_HELP),
                    False: (texts.FILTER_FORMER_DISTRICTS, texts.FILTER_FORMER_DISTRICTS_HELP)}


def default_choices(store: Store, period: str) -> Choices:
    """The sidebar untouched: imported data if there is any, else the demo set."""
    return Choices(source=default_source(store, period) or IMPORTED, period=period)


def placeholder() -> None:
    """The sidebar of the first run: its heading and a word on what is coming."""
    st.sidebar.header(texts.SIDEBAR_VIEW)
    st.sidebar.caption(texts.SIDEBAR_LOADING)


def sidebar(data: MapData, store: Store) -> Choices:
    """The sidebar's widgets, in the sidebar; returns what they hold."""
    start = default_choices(store, data.period.key)
    with st.sidebar:
        st.header(texts.SIDEBAR_VIEW)
        period.radio(data.period.key)
        sources = [IMPORTED, DEMO] + ([CARRIED] if data.period.previous else [])
        source = st.radio(texts.DATA_SOURCE, sources, format_func=SOURCES.get, index=sources.index(start.source),
                          key=f"source_{data.period.key}")
        kind = st.selectbox(texts.VIEW_KIND, VIEW_KINDS, format_func=lambda k: view_name(k, data.period),
                            index=VIEW_KINDS.index(start.options.kind), key="view_kind")
        options = _view_options(kind, indicators_with_values(state.table(data, source)), data.period)

        st.header(texts.SIDEBAR_FILTERS)
        label, help_text = _DISTRICT_FILTER[data.period.has_districts]
        districts = st.multiselect(label, data.district_names, default=start.districts, help=help_text,
                                   format_func=short_district_name, placeholder=texts.ALL_DISTRICTS,
                                   key=f"districts_{data.period.key}")
        categories = st.multiselect(texts.FILTER_CATEGORIES, [*CATEGORIES, OUTSIDE], default=start.categories,
                                    format_func=texts.CATEGORY_FILTER_NAMES.get, placeholder=texts.ALL_CATEGORIES,
                                    key="categories")
        border_only = st.checkbox(texts.FILTER_BORDER_ONLY, value=start.border_only, key="border_only")
        border_sources = list(BORDER_SOURCES)
        border_source = st.radio(texts.FILTER_BORDER_SOURCE, border_sources, format_func=BORDER_SOURCES.get,
                                 index=border_sources.index(start.border_source), disabled=not border_only,
                                 key="border_source")
        score_range = st.slider(texts.FILTER_SCORE, *FULL_SCORE_RANGE, FULL_SCORE_RANGE, 1.0, key="score_range") \
            if options.kind == PRIORITY else start.score_range
        searched = st.selectbox(texts.SEARCH_COMMUNE[data.period.key], data.search_options, index=None,
                                placeholder=texts.SEARCH_PLACEHOLDER, format_func=data.search_label,
                                key=f"searched_{data.period.key}")
        st.divider()
        show_villages = st.toggle(texts.SHOW_VILLAGES, value=start.show_villages, key="show_villages")
        large_labels = st.toggle(texts.LABEL_SIZE, value=start.large_labels, key="large_labels")
        osm = st.toggle(texts.BASEMAP_OSM, value=start.osm, key="osm")
        st.caption(texts.SOURCE_PREFIX + data.boundary_source)
    return Choices(source=source, period=data.period.key, options=options, districts=tuple(districts),
                   categories=tuple(categories),
                   border_only=border_only, border_source=border_source, score_range=score_range,
                   searched=searched, show_villages=show_villages, large_labels=large_labels, osm=osm)


def view_name(kind: str, period: Period) -> str:
    """The view's name in the selectbox: the administrative map groups by former districts in 2026-2030."""
    return texts.ADMIN_VIEW_NAME[period.key] if kind == ADMIN else texts.VIEW_KIND_NAMES[kind]


def _view_options(kind: str, with_values: list[str], period: Period) -> ViewOptions:
    """The widgets of the chosen view kind; a view needing indicators falls back to categories without any."""
    if kind in (INDICATOR, GAP, PRIORITY) and not with_values:
        st.info(texts.NO_INDICATOR_DATA)
    if kind in (INDICATOR, GAP) and not with_values:
        return ViewOptions(kind=CATEGORY)
    if kind == INDICATOR:
        indicator_id = st.selectbox(texts.INDICATOR, with_values, format_func=lambda i: INDICATORS[i].label,
                                    key="indicator")
        method = st.selectbox(texts.CLASS_METHOD, METHODS, format_func=texts.METHOD_NAMES.get, key="method")
        k = st.slider(texts.CLASS_COUNT, 3, 7, ViewOptions.k, key="k", disabled=method == "targets")
        return ViewOptions(kind=kind, indicator_id=indicator_id, method=method, k=k)
    if kind == GAP:
        # A period's gaps are measured against its own targets and later ones (2026-2030: 2030 only),
        # for the indicators the Resolution gives a number for in that year.
        years = tuple(year for year in TARGET_YEARS if year >= period.target_year)
        year = st.radio(texts.TARGET_YEAR, years, horizontal=True, key=f"year_{period.key}")
        with_target = [i for i in with_values if INDICATORS[i].target(year) is not None]
        if not with_target:
            st.info(texts.NO_TARGET_DATA.format(year=year))
            return ViewOptions(kind=CATEGORY)
        indicator_id = st.selectbox(texts.INDICATOR, with_target, format_func=lambda i: INDICATORS[i].label,
                                    key="indicator")
        return ViewOptions(kind=kind, indicator_id=indicator_id, year=year)
    if kind == PRIORITY:
        year = period.target_year
        st.caption(texts.PRIORITY_HELP.format(year=year))
        weights = Weights(**{c: st.slider(texts.COMPONENT_LABELS[c], 0.0, 5.0, float(getattr(Weights(), c)), 0.5,
                                          key=f"w_{c}") for c in COMPONENTS})
        with_target = [i for i in with_values if INDICATORS[i].target(year) is not None]
        ticked = st.multiselect(texts.PRIORITY_INDICATORS, with_target, default=with_target[:3],
                                format_func=lambda i: INDICATORS[i].label, key=f"ticked_{period.key}")
        top_n = st.number_input(texts.TOP_N, 1, 50, ViewOptions.top_n, key="top_n")
        return ViewOptions(kind=kind, weights=weights, ticked=tuple(ticked), top_n=int(top_n), year=year)
    return ViewOptions(kind=kind)

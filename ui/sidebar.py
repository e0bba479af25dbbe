"""The map page's sidebar: what the user chooses to see, returned as one value.

`default_choices` is what the widgets hold before anyone touches them. The
widgets take no default argument: their values live in st.session_state, where
`follow_link` puts the view a link opens (ui/view_link.py) and `_kept` the
starting value of a widget not yet seen.
"""

from __future__ import annotations

import streamlit as st

import texts
from geo.classify import methods_for
from geo.filters import OUTSIDE
from geo.indicators import INDICATORS
from geo.priority import COMPONENTS, FULL_SCORE_RANGE, Weights
from geo.programme import default_source, indicators_with_values
from geo.store import Store
from geo.vnformat import slider_label
from geo.vocabulary import CARRIED, CATEGORIES, DEMO, IMPORTED, TARGET_YEARS, Period
from layers.page import Choices
from layers.prepared import MapData
from layers.style import short_district_name
from layers.thematic import ADMIN, CATEGORY, GAP, INDICATOR, PRIORITY, VIEW_KINDS, ViewOptions
from layers.view import BORDER_SOURCES
from layers.view_link import CLASS_COUNTS, DEFAULT_TICKED, MAX_QUERY, TOP_N, WEIGHT_STEPS, completed
from ui import period, state, view_link
from ui.plain_text import plain

_KIND = "view_kind"  # the view selectbox's key
_OPENING = "_opening_choices"  # the view the page opened with (the first run draws it)
SCORE_STEPS = tuple(float(score) for score in range(int(FULL_SCORE_RANGE[1]) + 1))
PERSIST = "session"  # the widgets keep their values on the other pages, so the view is there on return
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


def follow_link(data: MapData, store: Store) -> Choices:
    """The view the page opens: when the URL holds a link this session did not write (a link opened, a
    first visit), the widgets are set from it. They keep their values on other pages (PERSIST)."""
    if view_link.is_new_link():
        reading = view_link.read(default_choices(store, data.period.key), data.district_names)
        with_values = indicators_with_values(state.table(data, reading.choices.source))
        st.session_state[_OPENING] = completed(reading, with_values)
        set_widgets(st.session_state[_OPENING])
    return st.session_state[_OPENING]


def set_widgets(choices: Choices) -> None:
    """Every widget of the sidebar holding `choices`; the indicators ticked for the priority score only in the
    priority view (elsewhere the sidebar's own start, the first three with a target, stays)."""
    p, options = choices.period, choices.options
    if options.kind == PRIORITY:
        st.session_state[f"ticked_{p}"] = list(options.ticked)
    else:
        st.session_state.pop(f"ticked_{p}", None)
    st.session_state.update({
        period.PARAM: p, f"source_{p}": choices.source, _KIND: options.kind, "indicator": options.indicator_id,
        "method": options.method, "k": options.k, f"year_{p}": options.year, "top_n": options.top_n,
        **{f"w_{c}": getattr(options.weights, c) for c in COMPONENTS},
        f"districts_{p}": list(choices.districts), "categories": list(choices.categories),
        "border_only": choices.border_only, "border_source": choices.border_source,
        "score_range": tuple(choices.score_range or FULL_SCORE_RANGE), "q": choices.query,
        "show_villages": choices.show_villages, "large_labels": choices.large_labels, "osm": choices.osm,
        "present": choices.present,
    })


def sidebar(data: MapData, store: Store) -> Choices:
    """The sidebar's widgets, in the sidebar; returns what they hold."""
    p = data.period.key
    with st.sidebar:
        st.header(texts.SIDEBAR_VIEW)
        period.radio(p)
        sources = [IMPORTED, DEMO] + ([CARRIED] if data.period.previous else [])
        source = st.radio(texts.DATA_SOURCE, sources, format_func=texts.SOURCE_NAMES.get,
                          key=_valid(f"source_{p}", sources, default_choices(store, p).source), persist_state=PERSIST)
        kind = st.selectbox(texts.VIEW_KIND, VIEW_KINDS, format_func=lambda k: view_name(k, data.period),
                            key=_valid(_KIND, VIEW_KINDS), persist_state=PERSIST)
        options = _view_options(kind, indicators_with_values(state.table(data, source)), data.period)

        st.header(texts.SIDEBAR_FILTERS)
        label, help_text = _DISTRICT_FILTER[data.period.has_districts]
        districts = st.multiselect(label, data.district_names, help=help_text, format_func=short_district_name,
                                   placeholder=texts.ALL_DISTRICTS, key=_valid(f"districts_{p}", data.district_names),
                                   persist_state=PERSIST)
        categories = st.multiselect(texts.FILTER_CATEGORIES, [*CATEGORIES, OUTSIDE],
                                    format_func=texts.CATEGORY_FILTER_NAMES.get, placeholder=texts.ALL_CATEGORIES,
                                    key=_valid("categories", [*CATEGORIES, OUTSIDE]), persist_state=PERSIST)
        border_only = st.checkbox(texts.FILTER_BORDER_ONLY, key=_kept("border_only", False), persist_state=PERSIST)
        border_sources = list(BORDER_SOURCES)
        border_source = st.radio(texts.FILTER_BORDER_SOURCE, border_sources, format_func=BORDER_SOURCES.get,
                                 disabled=not border_only, key=_valid("border_source", border_sources),
                                 persist_state=PERSIST)
        score_range = None
        if options.kind == PRIORITY:
            # `value` makes it a range slider; the value itself is the session's (`_kept`)
            score_range = st.select_slider(texts.FILTER_SCORE, SCORE_STEPS, value=FULL_SCORE_RANGE,
                                           format_func=slider_label,
                                           key=_kept("score_range", FULL_SCORE_RANGE), persist_state=PERSIST)
        query = st.text_input(texts.SEARCH_COMMUNE[p], placeholder=texts.SEARCH_PLACEHOLDER, help=texts.SEARCH_HELP,
                              max_chars=MAX_QUERY, key=_kept("q", ""), persist_state=PERSIST)
        st.divider()
        show_villages = st.toggle(texts.SHOW_VILLAGES, key=_kept("show_villages", True), persist_state=PERSIST)
        large_labels = st.toggle(texts.LABEL_SIZE, key=_kept("large_labels", False), persist_state=PERSIST)
        osm = st.toggle(texts.BASEMAP_OSM, key=_kept("osm", False), persist_state=PERSIST)
        present = st.toggle(texts.PRESENT_MODE, help=texts.PRESENT_MODE_HELP, key=_kept("present", False),
                            persist_state=PERSIST)
        view_link.copy_button()
        st.caption(texts.SOURCE_PREFIX + plain(data.boundary_source))  # may name the province's own file
    return Choices(source=source, period=p, options=options, districts=tuple(districts),
                   categories=tuple(categories), border_only=border_only, border_source=border_source,
                   score_range=tuple(score_range) if score_range else None, query=query,
                   show_villages=show_villages, large_labels=large_labels, osm=osm, present=present)


def _kept(key: str, default) -> str:
    """The widget's key, its value set to `default` unless it holds one (widgets get no default argument:
    their value is in st.session_state, where a link puts it)."""
    if key not in st.session_state:
        st.session_state[key] = default
    return key


def _valid(key: str, options, default=None) -> str:
    """The widget's key, its value kept only where the options hold it: a list keeps its valid items, a
    single value falls back to `default` (the first option when None)."""
    value = st.session_state.get(key)
    if isinstance(value, list):
        st.session_state[key] = [item for item in value if item in options]
    elif value not in options:
        st.session_state[key] = options[0] if default is None else default
    return key


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
                                    key=_valid("indicator", with_values), persist_state=PERSIST)
        methods = methods_for(INDICATORS[indicator_id])  # "at the targets" only where a unit has one
        method = st.selectbox(texts.CLASS_METHOD, methods, format_func=texts.METHOD_NAMES.get,
                              key=_valid("method", methods), persist_state=PERSIST)
        k = st.slider(texts.CLASS_COUNT, min(CLASS_COUNTS), max(CLASS_COUNTS), key=_kept("k", ViewOptions.k),
                      disabled=method == "targets", persist_state=PERSIST)
        return ViewOptions(kind=kind, indicator_id=indicator_id, method=method, k=k)
    if kind == GAP:
        # A period's gaps are measured against its own targets and later ones (2026-2030: 2030 only),
        # for the indicators the Resolution gives a number for in that year.
        years = tuple(year for year in TARGET_YEARS if year >= period.target_year)
        year = st.radio(texts.TARGET_YEAR, years, horizontal=True, key=_valid(f"year_{period.key}", years),
                        persist_state=PERSIST)
        with_target = [i for i in with_values if INDICATORS[i].target(year) is not None]
        if not with_target:
            st.info(texts.NO_TARGET_DATA.format(year=year))
            return ViewOptions(kind=CATEGORY)
        indicator_id = st.selectbox(texts.INDICATOR, with_target, format_func=lambda i: INDICATORS[i].label,
                                    key=_valid("indicator", with_target), persist_state=PERSIST)
        return ViewOptions(kind=kind, indicator_id=indicator_id, year=year)
    if kind == PRIORITY:
        year = period.target_year
        st.caption(texts.PRIORITY_HELP.format(year=year))
        weights = Weights(**{c: st.select_slider(texts.COMPONENT_LABELS[c], WEIGHT_STEPS, format_func=slider_label,
                                                 key=_valid(f"w_{c}", WEIGHT_STEPS, getattr(Weights(), c)),
                                                 persist_state=PERSIST)
                             for c in COMPONENTS})
        with_target = [i for i in with_values if INDICATORS[i].target(year) is not None]
        ticked = st.multiselect(texts.PRIORITY_INDICATORS, with_target, format_func=lambda i: INDICATORS[i].label,
                                key=_valid(_kept(f"ticked_{period.key}", with_target[:DEFAULT_TICKED]), with_target),
                                persist_state=PERSIST)
        top_n = st.number_input(texts.TOP_N, min(TOP_N), max(TOP_N), key=_kept("top_n", ViewOptions.top_n),
                                persist_state=PERSIST)
        return ViewOptions(kind=kind, weights=weights, ticked=tuple(ticked), top_n=int(top_n), year=year)
    return ViewOptions(kind=kind)

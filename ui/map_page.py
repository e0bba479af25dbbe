"""The map page: choose a view and filters in the sidebar; map, details and table in the page."""

from __future__ import annotations

import datetime

import streamlit as st

import texts
from geo.classify import METHODS
from geo.errors import DataError
from geo.filters import OUTSIDE, select_codes
from geo.indicators import INDICATORS
from geo.priority import COMPONENTS, Weights
from geo.programme import default_source, indicators_with_values
from geo.store import DEMO, IMPORTED
from layers import mapcomponent, mapdata, tables
from layers.export_excel import table_to_xlsx
from layers.export_files import MIME, export_file_name
from layers.export_html import standalone_html
from layers.printmap import render_print_map
from layers.style import short_district_name
from layers.view import filters_subtitle
from layers.views import CATEGORY, GAP, INDICATOR, PRIORITY, VIEW_KINDS, ViewOptions, build_view, view_scores
from layers.villages import VillageLayer, village_rows
from layers.webmap import MAP_HEIGHT_PX, selection_layer, view_for_bounds
from ui import state

try:
    data = state.map_data()
except DataError as error:
    st.error(str(error))
    st.stop()
for warning in data.warnings:
    st.warning(warning)

store = state.store()
available = {IMPORTED: texts.SOURCE_IMPORTED, DEMO: texts.SOURCE_DEMO}

with st.sidebar:
    st.header(texts.SIDEBAR_VIEW)
    source = st.radio(texts.DATA_SOURCE, list(available), format_func=available.get,
                      index=[IMPORTED, DEMO].index(default_source(store) or IMPORTED), key="source")
    programme = state.programme(source)
    kind = st.selectbox(texts.VIEW_KIND, VIEW_KINDS, format_func=texts.VIEW_KIND_NAMES.get, key="view_kind")
    table = state.table(data.communes, source)
    with_values = indicators_with_values(table)
    options = ViewOptions(kind=kind)
    if kind in (INDICATOR, GAP, PRIORITY) and not with_values:
        st.info(texts.NO_INDICATOR_DATA)
    if kind in (INDICATOR, GAP) and with_values:
        indicator_id = st.selectbox(texts.INDICATOR, with_values, format_func=lambda i: INDICATORS[i].label,
                                    key="indicator")
        if kind == INDICATOR:
            method = st.selectbox(texts.CLASS_METHOD, METHODS, format_func=texts.METHOD_NAMES.get, key="method")
            k = st.slider(texts.CLASS_COUNT, 3, 7, 5, key="k", disabled=method == "targets")
            options = ViewOptions(kind=kind, indicator_id=indicator_id, method=method, k=k)
        else:
            year = st.radio(texts.TARGET_YEAR, (2025, 2030), horizontal=True, key="year")
            options = ViewOptions(kind=kind, indicator_id=indicator_id, year=year)
    if kind == PRIORITY:
        st.caption(texts.PRIORITY_HELP)
        weights = Weights(**{c: st.slider(texts.COMPONENT_LABELS[c], 0.0, 5.0, float(getattr(Weights(), c)), 0.5,
                                          key=f"w_{c}") for c in COMPONENTS})
        ticked = st.multiselect(texts.PRIORITY_INDICATORS, with_values, default=with_values[:3],
                                format_func=lambda i: INDICATORS[i].label, key="ticked")
        top_n = st.number_input(texts.TOP_N, 1, 50, 10, key="top_n")
        options = ViewOptions(kind=kind, weights=weights, ticked=tuple(ticked), top_n=int(top_n))
    if kind in (INDICATOR, GAP) and not with_values:
        options = ViewOptions(kind=CATEGORY)

    st.header(texts.SIDEBAR_FILTERS)
    districts = st.multiselect(texts.FILTER_DISTRICTS, data.district_names, help=texts.FILTER_DISTRICTS_HELP,
                               format_func=short_district_name, placeholder=texts.ALL_DISTRICTS,
                               key="districts")
    categories = st.multiselect(texts.FILTER_CATEGORIES, ["III", "II", "I", OUTSIDE],
                                format_func=texts.CATEGORY_FILTER_NAMES.get, placeholder=texts.ALL_CATEGORIES,
                                key="categories")
    border_only = st.checkbox(texts.FILTER_BORDER_ONLY, key="border_only")
    border_source = st.radio(texts.FILTER_BORDER_SOURCE, list(mapdata.BORDER_SOURCES),
                             format_func=mapdata.BORDER_SOURCES.get, disabled=not border_only, key="border_source")
    scores = view_scores(options, table)
    score_range = st.slider(texts.FILTER_SCORE, 0.0, 100.0, (0.0, 100.0), 1.0, key="score_range") \
        if scores is not None else None
    searched = st.selectbox(texts.SEARCH_COMMUNE, data.search_options, index=None,
                            placeholder=texts.SEARCH_PLACEHOLDER, format_func=data.search_label, key="searched")
    st.divider()
    show_villages = st.toggle(texts.SHOW_VILLAGES, value=True, key="show_villages")
    large_labels = st.toggle(texts.LABEL_SIZE, key="large_labels")
    osm = st.toggle(texts.BASEMAP_OSM, key="osm")
    st.caption(texts.DATA_SOURCE_LINE.format(source=data.boundary_source))

selected = select_codes(table, districts=districts, border_only=border_only, border_source=border_source,
                        searched=searched, categories=categories, score_range=score_range,
                        scores=None if scores is None else scores["score"])
subtitle = filters_subtitle([short_district_name(d) for d in districts], border_only,
                            mapdata.BORDER_SOURCES[border_source], searched and data.search_label(searched))
built = build_view(options, table, data.colours, subtitle=subtitle, selected=tuple(selected),
                   illustrative=programme.illustrative and options.kind != "admin",
                   sources=mapdata.view_sources(programme, options.kind), scores=scores)

st.markdown(f"#### {built.view.title}")
if built.view.illustrative:
    st.warning(texts.ILLUSTRATIVE_WARNING)
elif programme.is_empty and options.kind != "admin":
    st.info(texts.NO_PROGRAMME_DATA)
if not selected:
    st.info(texts.NOTHING_SELECTED)
st.caption(texts.SELECTION_SUMMARY.format(selected=len(selected) or len(table), total=len(table))
           + " · " + subtitle + " · " + built.view.source_line)

with_villages = show_villages and not programme.villages.empty


def base_map():
    """The map as the view colours it; the base of both the page's map and the HTML export."""
    fmap = mapdata.base_map(data, built.view, osm=osm, large_labels=large_labels, villages=with_villages,
                            top_n=len(built.top))
    if with_villages:
        fmap.add_child(VillageLayer(*village_rows(programme.villages, table, data.label_points)))
    return fmap


def selection():
    """What the filters pick out, drawn over the base map (st_folium adds it without a redraw)."""
    return selection_layer(data.web_communes, selected, data.web_province, highlighted=built.top)


def component_args():
    """What st_folium sends for this view and filter, made on a cache miss only."""
    centre, zoom = view_for_bounds(mapdata.bounds_of(data.web_communes, selected))
    return mapcomponent.component_args(base_map(), selection(), center=centre, zoom=zoom, height=MAP_HEIGHT_PX)


map_key = (source, state.versions(source), repr(options), tuple(selected), subtitle, osm, large_labels, with_villages)
clicked = mapcomponent.show(state.map_args(map_key, component_args))

if state.first_map_run():
    st.caption(texts.BELOW_MAP_LOADING)
    st.stop()

clicked_code = mapdata.clicked_code(clicked)
if clicked_code:
    st.markdown(texts.CLICKED_TITLE.format(commune=data.search_label(clicked_code)))
    st.dataframe(mapdata.commune_details(table, built, clicked_code), hide_index=True, width="stretch")

st.markdown(f"##### {texts.TABLE_TITLE}")
st.dataframe(mapdata.highlight_row(built.table, clicked_code), hide_index=True, width="stretch", key="table")

# Built only while open (on_change="rerun"): its widgets cost the page load
# time, and most visits export nothing.
export = st.expander(texts.EXPORT_SECTION, key="export_open", on_change="rerun")
if export.open:
    with export:
        title = st.text_input(texts.EXPORT_TITLE, value=built.view.title, key=f"export_title_{built.view.title}")
        left, middle, right = st.columns(3)
        page_size = left.radio(texts.EXPORT_PAGE, ("A4", "A3"), horizontal=True, key="export_page")
        orientation = middle.radio(texts.EXPORT_ORIENTATION, ("landscape", "portrait"), horizontal=True,
                                   format_func=texts.ORIENTATION_NAMES.get, key="export_orientation")
        dpi = right.radio(texts.EXPORT_DPI, (150, 300), index=1, horizontal=True, key="export_dpi")
        print_options = dict(page=page_size, orientation=orientation, title=title, highlighted=built.top,
                             villages=programme.villages if with_villages else None)
        buttons = st.columns(4)
        buttons[0].download_button(
            texts.EXPORT_PNG, lambda: render_print_map(built.view, data.province_data, dpi=dpi, fmt="png",
                                                       **print_options),
            file_name=export_file_name(title, "png"), mime=MIME["png"], on_click="ignore", key="export_png")
        buttons[1].download_button(
            texts.EXPORT_PDF, lambda: render_print_map(built.view, data.province_data, fmt="pdf", **print_options),
            file_name=export_file_name(title, "pdf"), mime=MIME["pdf"], on_click="ignore", key="export_pdf")
        buttons[2].download_button(
            texts.EXPORT_HTML, lambda: standalone_html(base_map(), title=title, layers=[selection()]),
            file_name=export_file_name(title, "html"), mime=MIME["html"], on_click="ignore", key="export_html")
        buttons[3].download_button(
            texts.EXPORT_XLSX, lambda: table_to_xlsx(built.table, title=title, sources=list(built.view.sources),
                                                     filters=subtitle, illustrative=built.view.illustrative,
                                                     exported_at=datetime.datetime.now()),
            file_name=export_file_name(title, "xlsx"), mime=MIME["xlsx"], on_click="ignore", key="export_xlsx")
        st.caption(texts.EXPORT_HELP)

if st.toggle(texts.BORDER_GAPS, key="show_border_gaps", help=texts.BORDER_GAPS_HELP):
    st.dataframe(tables.border_gaps_table(table, with_values, options.year), hide_index=True, width="stretch")

if st.toggle(texts.BORDER_SECTION, key="show_border_table"):
    st.write(texts.BORDER_EXPLAIN.format(**mapdata.border_counts(data.communes)))
    st.dataframe(mapdata.border_table(data.communes), hide_index=True, width="stretch")

"""The map page: choose a view and filters in the sidebar; map, details and table in the page.

What the page shows is computed by layers.page.map_page (pure, tested without Streamlit);
this script draws the widgets and that model.
"""

from __future__ import annotations

import streamlit as st

import texts
from geo.errors import DataError
from geo.vnformat import vn_number
from layers import tables
from layers.page import map_page
from layers.web import basemap
from layers.web.selection import selection_layer
from layers.web.viewport import MAP_HEIGHT_PX, view_of
from layers.web.villages import VillageLayer, village_rows
from ui import export_section, first_paint, map_click, map_component, period, presentation, state, view_link
from ui.plain_text import plain

store = state.store()
shown_period = period.current(store)
try:
    data = state.map_data(shown_period)
except DataError as error:
    st.error(plain(error))
    st.stop()
for warning in data.warnings:
    st.warning(plain(warning))  # they name the province's boundary files
fault = state.store_fault()
if fault is not None:
    st.error(plain(fault))  # the boundaries need no database: the map shows, without programme data

choices = first_paint.choices(data, store)  # the map before any other widget: see ui/first_paint.py
programme = state.programme(choices.source, shown_period)
table = state.table(data, choices.source)
page = map_page(choices, data, programme, table)
built = page.built
view_link.write(choices)
if choices.present:
    presentation.apply()

st.markdown(f"#### {built.view.title}")
for level, notice in page.notices:
    {"warning": st.warning, "info": st.info}[level](notice)  # the catalogue's own text
st.caption(plain(page.caption))
if built.view.recipe:
    st.caption(plain(built.view.recipe))  # how the priority score was made, as every export says it
view_link.notes()


def base_map(inline: bool = False):
    """The map as the view colours it; the base of both the page's map and the HTML export (`inline`)."""
    fmap = basemap.base_map(data, built.view, osm=choices.osm, large_labels=choices.large_labels or choices.present,
                            villages=page.with_villages, top_n=len(built.top), inline=inline)
    if page.with_villages:
        fmap.add_child(VillageLayer(*village_rows(programme.villages, table, data.label_points)))
    return fmap


def selection():
    """What the filters pick out, drawn over the base map (st_folium adds it without a redraw)."""
    return selection_layer(page.selected, len(data.communes), highlighted=built.top)


def component_args():
    """What st_folium sends for this view and filter, made on a cache miss only."""
    centre, zoom = view_of(data, page.selected)
    height = presentation.MAP_HEIGHT_PX if choices.present else MAP_HEIGHT_PX
    return map_component.component_args(base_map(), selection(), center=centre, zoom=zoom, height=height)


map_key = (state.versions(choices.source, shown_period), *page.map_key)
clicked = map_component.show(state.map_args(map_key, component_args))

first_paint.finish_first_run()

clicked_code = map_click.clicked_code(clicked)
if clicked_code:
    st.markdown(texts.CLICKED_TITLE.format(commune=plain(data.search_label(clicked_code))))
    details = tables.commune_details(table, built, clicked_code, data.layers.tooltip_fields)
    st.dataframe(tables.styled_table(tables.display_table(details)), hide_index=True, width="stretch")

st.markdown(f"##### {texts.TABLE_TITLE}")
shown_rows, all_rows = tables.page_rows(built.table)
st.dataframe(map_click.highlight_row(shown_rows, clicked_code, built.headers), hide_index=True, width="stretch",
             key="table")
if len(shown_rows) < all_rows:
    st.caption(texts.TABLE_FIRST_ROWS.format(shown=vn_number(len(shown_rows)), total=vn_number(all_rows)))
if programme.carried_rules is not None:
    unplaced = tables.unplaced_villages_table(state.unplaced_villages(shown_period))
    with st.expander(texts.UNPLACED_TITLE.format(count=len(unplaced))):
        st.caption(texts.UNPLACED_HELP)
        st.dataframe(tables.styled_table(tables.display_table(unplaced, texts.UNPLACED_COLUMNS)), hide_index=True,
                     width="stretch")

# Built only while open (on_change="rerun"): its widgets cost the page load time, and most visits export nothing.
export = st.expander(texts.EXPORT_SECTION, key="export_open", on_change="rerun")
if export.open:
    with export:
        export_section.show(page, data, programme, table, map_key, base_map, selection)

if st.toggle(texts.BORDER_GAPS, key="show_border_gaps", help=texts.BORDER_GAPS_HELP):
    gaps = tables.border_gaps_table(table, list(page.indicators_with_values), page.target_year)
    st.dataframe(tables.styled_table(tables.display_table(gaps, built.headers)), hide_index=True, width="stretch")

if st.toggle(texts.BORDER_SECTION, key="show_border_table"):
    st.write(texts.BORDER_EXPLAIN.format(**tables.border_counts(data.communes)))
    st.dataframe(tables.styled_table(tables.display_table(tables.border_table(data.communes), built.headers)),
                 hide_index=True, width="stretch")

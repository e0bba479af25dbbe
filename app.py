"""Streamlit entry point: widgets chosen here, everything else comes from geo/ and layers/."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

import texts
from geo.datadir import data_fingerprint
from geo.errors import DataError
from layers import assets
from layers import mapdata
from layers.view import district_view, filters_subtitle
from layers.webmap import MAP_HEIGHT_PX, selection_layer, view_for_bounds

st.set_page_config(page_title=texts.APP_TITLE, page_icon="🗺️", layout="wide")
assets.ensure_vendor_assets()


@st.cache_resource(show_spinner=False, max_entries=2)
def load(fingerprint: tuple) -> mapdata.MapData:
    return mapdata.prepare()


try:
    data = load(data_fingerprint())
except DataError as error:
    st.error(str(error))
    st.stop()

st.markdown(f"#### {texts.APP_TITLE}")
st.caption(texts.APP_SUBTITLE)
for warning in data.warnings:
    st.warning(warning)

with st.sidebar:
    st.header(texts.SIDEBAR_FILTERS)
    districts = st.multiselect(texts.FILTER_DISTRICTS, data.district_names, help=texts.FILTER_DISTRICTS_HELP,
                               format_func=mapdata.short_district_name, placeholder=texts.ALL_DISTRICTS)
    border_only = st.checkbox(texts.FILTER_BORDER_ONLY)
    border_source = st.radio(texts.FILTER_BORDER_SOURCE, list(mapdata.BORDER_SOURCES),
                             format_func=mapdata.BORDER_SOURCES.get, disabled=not border_only)
    searched = st.selectbox(texts.SEARCH_COMMUNE, data.search_options, index=None,
                            placeholder=texts.SEARCH_PLACEHOLDER, format_func=data.search_label)
    st.divider()
    large_labels = st.toggle(texts.LABEL_SIZE)
    osm = st.toggle(texts.BASEMAP_OSM)
    st.caption(texts.DATA_SOURCE_LINE.format(source=data.boundary_source))

selected = mapdata.select_codes(data.communes, districts=districts, border_only=border_only,
                                border_source=border_source, searched=searched)
subtitle = filters_subtitle([mapdata.short_district_name(d) for d in districts], border_only,
                            mapdata.BORDER_SOURCES[border_source], searched and data.search_label(searched))
if not selected:
    st.info(texts.NOTHING_SELECTED)
st.caption(texts.SELECTION_SUMMARY.format(selected=len(selected) or len(data.web_communes),
                                          total=len(data.web_communes)) + " · " + subtitle)
view = district_view(data.communes, data.colours, subtitle, tuple(selected))
fmap = mapdata.base_map(data, view, osm=osm, large_labels=large_labels)
centre, zoom = view_for_bounds(mapdata.bounds_of(data.web_communes, selected))
st_folium(fmap, key="map", height=MAP_HEIGHT_PX, use_container_width=True, returned_objects=[],
          center=centre, zoom=zoom,
          feature_group_to_add=selection_layer(data.web_communes, selected, data.web_province))

# The table is drawn on request: the map is what a meeting needs first.
if st.toggle(texts.BORDER_SECTION, key="show_border_table"):
    st.write(texts.BORDER_EXPLAIN.format(**mapdata.border_counts(data.communes)))
    st.dataframe(mapdata.border_table(data.communes), hide_index=True, width="stretch")

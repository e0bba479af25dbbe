"""The crosswalk page: each of the 65 new units with the old communes it came from, and each of the 200
old communes with where it went, searchable by name and exportable to Excel.

The tables are made by layers.crosswalk (pure, tested without Streamlit); this script draws them. Text
from files (names, village names, file names) reaches the page only through st.dataframe and the export.
"""

from __future__ import annotations

import streamlit as st

import texts
from geo.vnformat import export_now
from geo.vocabulary import PERIOD_2021, PERIOD_2026
from layers import crosswalk
from layers.export.excel import table_to_xlsx
from layers.export.file_names import MIME, export_file_name
from ui import state

st.title(texts.PAGE_CROSSWALK)
periods = state.both_periods_on_page()
programmes, tables, links = periods.programmes, periods.tables, periods.crosswalk
units = crosswalk.units_table(links, tables[PERIOD_2021.key], tables[PERIOD_2026.key])
old_communes = crosswalk.old_communes_table(links, tables[PERIOD_2021.key])
illustrative = periods.illustrative

st.write(texts.CROSSWALK_EXPLAIN)
st.caption(texts.CROSSWALK_CODES_NOTE)
if illustrative:
    st.warning(texts.CROSSWALK_ILLUSTRATIVE)
if programmes[PERIOD_2021.key].is_empty:
    st.info(texts.CROSSWALK_NO_DATA)
if programmes[PERIOD_2026.key].is_empty:
    st.caption(texts.CROSSWALK_NO_DATA_2026)

query = st.text_input(texts.CROSSWALK_SEARCH, placeholder=texts.CROSSWALK_SEARCH_PLACEHOLDER, key="crosswalk_search")
export_sources = crosswalk.export_sources(periods.crosswalk_file, programmes)
filters = crosswalk.export_filters(query)

shown_tables = (
    ("units", texts.CROSSWALK_TAB_UNITS.format(count=len(units)), texts.CROSSWALK_TITLE_UNITS, units),
    ("old", texts.CROSSWALK_TAB_OLD.format(count=len(old_communes)), texts.CROSSWALK_TITLE_OLD, old_communes),
)
for tab, (key, _, title, frame) in zip(st.tabs([label for _, label, _, _ in shown_tables]), shown_tables):
    with tab:
        shown = crosswalk.display_crosswalk(crosswalk.search(frame, query))
        if query.strip():
            st.caption(texts.CROSSWALK_MATCHES.format(count=len(shown), total=len(frame)) if len(shown)
                       else texts.CROSSWALK_NO_MATCH)
        st.dataframe(shown, hide_index=True, width="stretch", key=f"crosswalk_table_{key}")
        st.download_button(
            texts.EXPORT_XLSX,
            lambda shown=shown, title=title: table_to_xlsx(shown, title=title, sources=export_sources,
                                                          filters=filters, illustrative=illustrative,
                                                          exported_at=export_now()),
            file_name=export_file_name(title, "xlsx", export_now().date()), mime=MIME["xlsx"], on_click="ignore",
            key=f"crosswalk_xlsx_{key}")

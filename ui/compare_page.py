"""The compare page: the two periods side by side on two maps that move together, and the tables of what
changed (units that entered or left khu vực III, villages of 2021-2025 not found in the 2026-2030 list).

The maps are ONE HTML page (layers/web/compare.py) shown in an iframe and offered, with its assets
inlined, as the export; the tables are made by layers.compare (pure, tested without Streamlit). Text from
files reaches the page only through the map page (escaped), st.dataframe and the exports.
"""

from __future__ import annotations

import streamlit as st

import texts
from geo.vnformat import export_now
from layers import compare
from layers.crosswalk import export_sources
from layers.export.excel import table_to_xlsx
from layers.export.file_names import MIME, export_file_name
from layers.export.offline_html import inline_assets
from layers.view import view_sources
from layers.web.compare import Side, compare_page
from ui import state

PAGE_HEIGHT_PX = 760

st.title(texts.PAGE_COMPARE)
periods = state.both_periods_on_page()
data, sources, programmes, tables = periods.maps, periods.sources, periods.programmes, periods.tables
links, illustrative = periods.crosswalk, periods.illustrative

st.write(texts.COMPARE_EXPLAIN)
if illustrative:
    st.warning(texts.COMPARE_ILLUSTRATIVE)
for key, programme in programmes.items():
    if programme.is_empty:
        st.info(texts.COMPARE_NO_DATA[key])

subject = st.selectbox(texts.COMPARE_SUBJECT, compare.subjects(tables), format_func=compare.subject_name,
                       help=texts.COMPARE_SUBJECT_HELP, key="compare_subject")
title = texts.COMPARE_PAGE_TITLE.format(subject=compare.subject_name(subject))


def render_page() -> dict:
    """The two maps as one page, for this subject and the data in use."""
    views = compare.compare_views(
        subject, tables, illustrative={key: programme.illustrative for key, programme in programmes.items()},
        sources={key: view_sources(data[key], programmes[key], compare.view_kind(subject)) for key in data})
    sides = [Side(data[key].layers, views[key], **compare.map_title(key, views[key], not programmes[key].is_empty))
             for key in compare.PERIOD_ORDER]
    return {"page": compare_page(*sides, title=title)}


# Shared between sessions like the map page's map: the key names everything the page depends on.
page_key = ("compare", subject, *((key, sources[key], state.versions(sources[key], key)) for key in data))
page = state.map_args(page_key, render_page)["page"]
st.iframe(page, height=PAGE_HEIGHT_PX)
st.download_button(texts.COMPARE_HTML, lambda: inline_assets(page).encode("utf-8"),
                   file_name=export_file_name(title, "html", export_now().date()), mime=MIME["html"],
                   help=texts.COMPARE_HTML_HELP, on_click="ignore", key="compare_html")

# The tables' "Nguồn": the legal basis of both periods, the crosswalk, and where each period's lists come from.
files = [*(texts.PERIOD_BASIS[key] for key in compare.PERIOD_ORDER),
         *export_sources(periods.crosswalk_file, programmes)]


def excel_button(frame, title: str, filters: str, key: str) -> None:
    st.download_button(
        texts.EXPORT_XLSX,
        lambda: table_to_xlsx(frame, title=title, sources=files, filters=filters, illustrative=illustrative,
                              exported_at=export_now()),
        file_name=export_file_name(title, "xlsx", export_now().date()), mime=MIME["xlsx"], on_click="ignore", key=key)


st.subheader(texts.COMPARE_CHANGES_TITLE)
st.caption(texts.COMPARE_CHANGES_EXPLAIN)
changes = compare.category_changes(links, *(tables[key] for key in compare.PERIOD_ORDER))
no_categories = compare.missing_period({key: programmes[key].categories for key in compare.PERIOD_ORDER})
if no_categories:
    st.info(texts.COMPARE_CHANGES_UNAVAILABLE.format(period=no_categories))
else:
    st.write(compare.changes_summary(changes))
only = st.checkbox(texts.COMPARE_CHANGES_ONLY, value=not no_categories, key="compare_only_changes")
shown = compare.display_changes(compare.only_changes(changes) if only else changes)
if only and shown.empty:
    st.caption(texts.COMPARE_CHANGES_NONE)
else:
    st.dataframe(shown, hide_index=True, width="stretch", key="compare_changes")
excel_button(shown, texts.COMPARE_TITLE_CHANGES,
             texts.COMPARE_CHANGES_ONLY if only else texts.SUBTITLE_WHOLE_PROVINCE, "compare_changes_xlsx")

st.subheader(texts.COMPARE_VILLAGES_TITLE)
st.caption(texts.COMPARE_VILLAGES_EXPLAIN)
no_villages = compare.missing_period({key: programmes[key].villages for key in compare.PERIOD_ORDER})
if no_villages:
    st.info(texts.COMPARE_VILLAGES_UNAVAILABLE.format(period=no_villages))
else:
    villages = compare.village_changes(links, tables[compare.PERIOD_ORDER[0]],
                                       *(programmes[key].villages for key in compare.PERIOD_ORDER))
    st.write(compare.villages_summary(villages))
    left = compare.display_villages(compare.villages_left(villages))
    st.dataframe(left, hide_index=True, width="stretch", key="compare_villages")
    excel_button(left, texts.COMPARE_VILLAGES_TITLE, texts.SUBTITLE_WHOLE_PROVINCE, "compare_villages_xlsx")

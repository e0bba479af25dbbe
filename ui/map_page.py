"""The map page: choose a view and filters in the sidebar; map, details and table in the page.

What the page shows is computed by layers.page.map_page (pure, tested without Streamlit);
this script draws the widgets and that model.
"""

from __future__ import annotations

import streamlit as st

import texts
from geo.errors import DataError
from geo.vnformat import export_now, vn_number
from layers import tables
from layers.export.file_names import MIME, export_file_name
from layers.page import map_page
from layers.web import basemap
from layers.web.selection import selection_layer
from layers.web.viewport import MAP_HEIGHT_PX, view_of
from layers.web.villages import VillageLayer, village_rows
from ui import first_paint, map_click, map_component, period, presentation, state, view_link
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

# Built only while open (on_change="rerun"): its widgets cost the page load
# time, and most visits export nothing.
export = st.expander(texts.EXPORT_SECTION, key="export_open", on_change="rerun")
if export.open:
    # Imported here: matplotlib and the exporters cost a first visit about 0.5 s and 45 MB, and most visits
    # export nothing.
    from layers.export.excel import table_to_xlsx
    from layers.export.geopackage import view_to_gpkg
    from layers.export.offline_html import export_header, standalone_html
    from layers.paper.atlas import ORDERS as ATLAS_ORDERS
    from layers.paper.atlas import ZIP_MIME, render_atlas_files
    from layers.paper.render import render_print_map
    with export:
        title = st.text_input(texts.EXPORT_TITLE, value=built.view.title, key=f"export_title_{built.view.title}")
        left, middle, right = st.columns(3)
        page_size = left.radio(texts.EXPORT_PAGE, ("A4", "A3"), horizontal=True, key="export_page")
        orientation = middle.radio(texts.EXPORT_ORIENTATION, ("landscape", "portrait"), horizontal=True,
                                   format_func=texts.ORIENTATION_NAMES.get, key="export_orientation")
        dpi = right.radio(texts.EXPORT_DPI, (150, 300), index=1, horizontal=True, key="export_dpi")
        print_options = dict(page=page_size, orientation=orientation, title=title, highlighted=built.top,
                             villages=programme.villages if page.with_villages else None)
        # A row that wraps: five buttons in columns cut their labels ("Tải bản đồ tương tác (HT…"); here a button
        # that does not fit moves down with its words whole.
        buttons = st.container(horizontal=True, wrap=True, key="export_buttons")
        day = export_now().date()  # every export's date and time is Vietnam time (geo.vnformat.export_now)
        buttons.download_button(
            texts.EXPORT_PNG, lambda: render_print_map(built.view, data.province_data, dpi=dpi, fmt="png",
                                                       export_date=export_now().date(), **print_options),
            file_name=export_file_name(title, "png", day), mime=MIME["png"], on_click="ignore", key="export_png")
        buttons.download_button(
            texts.EXPORT_PDF, lambda: render_print_map(built.view, data.province_data, fmt="pdf",
                                                       export_date=export_now().date(), **print_options),
            file_name=export_file_name(title, "pdf", day), mime=MIME["pdf"], on_click="ignore", key="export_pdf")
        buttons.download_button(
            texts.EXPORT_HTML, lambda: standalone_html(lambda: base_map(inline=True), title=title,
                                                       header=export_header(built.view), layers=[selection()],
                                                       opening=view_of(data, page.selected)),
            file_name=export_file_name(title, "html", day), mime=MIME["html"], on_click="ignore", key="export_html")
        buttons.download_button(
            texts.EXPORT_XLSX, lambda: table_to_xlsx(tables.display_table(built.table, built.headers), title=title,
                                                     sources=list(built.view.sources), filters=page.subtitle,
                                                     illustrative=built.view.illustrative,
                                                     exported_at=export_now(), recipe=built.view.recipe),
            file_name=export_file_name(title, "xlsx", day), mime=MIME["xlsx"], on_click="ignore", key="export_xlsx")
        buttons.download_button(
            texts.EXPORT_GPKG, lambda: view_to_gpkg(built, data.province_data, title=title, filters=page.subtitle,
                                                    villages=print_options["villages"], exported_at=export_now()),
            file_name=export_file_name(title, "gpkg", day), mime=MIME["gpkg"], on_click="ignore", key="export_gpkg")
        st.caption(texts.EXPORT_HELP)
        st.caption(texts.EXPORT_GPKG_HELP)
        # The atlas: built on the click, page by page under a progress bar, then offered (kept while nothing changes).
        st.markdown(f"###### {texts.EXPORT_ATLAS_TITLE}")
        atlas_row = st.container(horizontal=True, wrap=True, vertical_alignment="bottom", key="export_atlas_row")
        order = atlas_row.selectbox(texts.EXPORT_ATLAS_ORDER, ATLAS_ORDERS, format_func=texts.ATLAS_ORDER_NAMES.get,
                                    key="export_atlas_order")
        png_dpi = dpi if atlas_row.checkbox(texts.EXPORT_ATLAS_PNG, key="export_atlas_png") else None
        atlas_key = (map_key, title, page_size, orientation, order, png_dpi)
        if atlas_row.button(texts.EXPORT_ATLAS, key="export_atlas"):
            bar = st.progress(0.0)
            st.session_state["export_atlas_files"] = atlas_key, render_atlas_files(
                page, data.province_data, table, order=order, villages=print_options["villages"], paper=page_size,
                orientation=orientation, title=title, export_date=export_now().date(), png_dpi=png_dpi,
                progress=lambda done, total: bar.progress(done / total, texts.EXPORT_ATLAS_PROGRESS.format(
                    done=done, total=total)))
            bar.empty()
        made_key, atlas = st.session_state.get("export_atlas_files", (None, None))
        if made_key != atlas_key:
            st.session_state.pop("export_atlas_files", None)  # made for another view, filter or paper: let it go
        else:
            saved = st.container(horizontal=True, wrap=True, key="export_atlas_files_row")
            atlas_name = f"{texts.ATLAS_COVER_KIND} {title}"
            saved.download_button(texts.EXPORT_ATLAS_SAVE_PDF.format(pages=atlas.pages), atlas.pdf,
                                  file_name=export_file_name(atlas_name, "pdf", day), mime=MIME["pdf"],
                                  on_click="ignore", key="export_atlas_pdf")
            if atlas.png_zip:
                saved.download_button(texts.EXPORT_ATLAS_SAVE_ZIP, atlas.png_zip,
                                      file_name=export_file_name(atlas_name, "zip", day), mime=ZIP_MIME,
                                      on_click="ignore", key="export_atlas_zip")
        st.caption(texts.EXPORT_ATLAS_HELP.format(units=texts.UNIT_NOUN[shown_period]))

if st.toggle(texts.BORDER_GAPS, key="show_border_gaps", help=texts.BORDER_GAPS_HELP):
    gaps = tables.border_gaps_table(table, list(page.indicators_with_values), page.target_year)
    st.dataframe(tables.styled_table(tables.display_table(gaps, built.headers)), hide_index=True, width="stretch")

if st.toggle(texts.BORDER_SECTION, key="show_border_table"):
    st.write(texts.BORDER_EXPLAIN.format(**tables.border_counts(data.communes)))
    st.dataframe(tables.styled_table(tables.display_table(tables.border_table(data.communes), built.headers)),
                 hide_index=True, width="stretch")

"""The map page's export section: the print map (PNG, PDF), the offline HTML map, the Excel table, the
GeoPackage and the atlas, each built only when its button is pressed.

Drawn inside the section's expander, and only while it is open. The exporters are imported here, not at
the top of the page: matplotlib and the writers cost a first visit about 0.5 s and 45 MB, and most visits
export nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

import pandas as pd
import streamlit as st

import texts
from geo.programme import Programme
from geo.province import ProvinceData
from geo.vnformat import export_now
from layers import tables
from layers.export.file_names import MIME, export_file_name
from layers.page import MapPage
from layers.web.viewport import view_of

_ATLAS_FILES = "export_atlas_files"  # (what it was made of, the files): kept while nothing changes
BRIEFING_PACK = "briefing_pack"  # the session's briefing pack (layers.briefing.PackedView...): ui/briefing_page.py


def show(page: MapPage, data, programme: Programme, table: pd.DataFrame, map_key: Hashable,
         base_map: Callable, selection: Callable) -> None:
    """The section's widgets for `page` (the map page's model) over `data` (ui.state.MapData); `base_map(inline=)`
    and `selection()` draw the page's map for the HTML export; `map_key` names the map's view and filter."""
    from layers.export.excel import table_to_xlsx
    from layers.export.geopackage import view_to_gpkg
    from layers.export.offline_html import export_header, standalone_html
    from layers.paper.render import render_print_map

    built = page.built
    title = st.text_input(texts.EXPORT_TITLE, value=built.view.title, key=f"export_title_{built.view.title}")
    left, middle, right = st.columns(3)
    paper = left.radio(texts.EXPORT_PAGE, ("A4", "A3"), horizontal=True, key="export_page")
    orientation = middle.radio(texts.EXPORT_ORIENTATION, ("landscape", "portrait"), horizontal=True,
                               format_func=texts.ORIENTATION_NAMES.get, key="export_orientation")
    dpi = right.radio(texts.EXPORT_DPI, (150, 300), index=1, horizontal=True, key="export_dpi")
    villages = programme.villages if page.with_villages else None
    print_options = dict(page=paper, orientation=orientation, title=title, highlighted=built.top, villages=villages)
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
                                                villages=villages, exported_at=export_now()),
        file_name=export_file_name(title, "gpkg", day), mime=MIME["gpkg"], on_click="ignore", key="export_gpkg")
    st.caption(texts.EXPORT_HELP)
    st.caption(texts.EXPORT_GPKG_HELP)
    _atlas(page, data.province_data, table, map_key, title=title, paper=paper, orientation=orientation, dpi=dpi,
           villages=villages)
    _briefing_button(page, title)


def _atlas(page: MapPage, province_data: ProvinceData, table: pd.DataFrame, map_key: Hashable, *, title: str,
           paper: str, orientation: str, dpi: int, villages: pd.DataFrame | None) -> None:
    """The atlas: built on the click, page by page under a progress bar, then offered for saving (kept while the
    view, filter, title and paper stay as they were)."""
    from layers.paper.atlas import ORDERS, PER_DISTRICT, PER_UNIT, PERS, ZIP_MIME, render_atlas_files
    from layers.paper.atlas_districts import district_noun

    st.markdown(f"###### {texts.EXPORT_ATLAS_TITLE}")
    row = st.container(horizontal=True, wrap=True, vertical_alignment="bottom", key="export_atlas_row")
    period = province_data.period.key
    # A page per unit, or per district (former district).
    nouns = {PER_UNIT: texts.UNIT_NOUN[period], PER_DISTRICT: district_noun(province_data.period)}
    per = row.radio(texts.EXPORT_ATLAS_PER, PERS, horizontal=True, key="export_atlas_per",
                    format_func=nouns.get)
    order = row.selectbox(texts.EXPORT_ATLAS_ORDER, ORDERS, format_func=texts.ATLAS_ORDER_NAMES.get,
                          key="export_atlas_order")
    png_dpi = dpi if row.checkbox(texts.EXPORT_ATLAS_PNG, key="export_atlas_png") else None
    atlas_key = (map_key, title, paper, orientation, order, png_dpi, per)
    if row.button(texts.EXPORT_ATLAS, key="export_atlas"):
        bar = st.progress(0.0)
        st.session_state[_ATLAS_FILES] = atlas_key, render_atlas_files(
            page, province_data, table, order=order, villages=villages, paper=paper, orientation=orientation,
            title=title, export_date=export_now().date(), png_dpi=png_dpi, per=per,
            progress=lambda done, total: bar.progress(done / total, texts.EXPORT_ATLAS_PROGRESS.format(
                done=done, total=total)))
        bar.empty()
    made_key, atlas = st.session_state.get(_ATLAS_FILES, (None, None))
    if made_key != atlas_key:
        st.session_state.pop(_ATLAS_FILES, None)  # made for another view, filter or paper: let it go
    else:
        day = export_now().date()
        saved = st.container(horizontal=True, wrap=True, key="export_atlas_files_row")
        name = f"{texts.ATLAS_COVER_KIND} {title}"
        saved.download_button(texts.EXPORT_ATLAS_SAVE_PDF.format(pages=atlas.pages), atlas.pdf,
                              file_name=export_file_name(name, "pdf", day), mime=MIME["pdf"], on_click="ignore",
                              key="export_atlas_pdf")
        if atlas.png_zip:
            saved.download_button(texts.EXPORT_ATLAS_SAVE_ZIP, atlas.png_zip,
                                  file_name=export_file_name(name, "zip", day), mime=ZIP_MIME, on_click="ignore",
                                  key="export_atlas_zip")
    st.caption(texts.EXPORT_ATLAS_HELP.format(units=nouns[PER_UNIT], district=nouns[PER_DISTRICT]))


def _briefing_button(page: MapPage, title: str) -> None:
    """"Thêm bản đồ này vào tài liệu họp": the view's link and its title at the end of the session's briefing
    pack, which the page ui/briefing_page.py orders and prints."""
    from layers.briefing import MAX_VIEWS, PackedView, added
    from layers.view_link import to_params

    pack = st.session_state.get(BRIEFING_PACK, ())
    st.markdown(f"###### {texts.PAGE_BRIEFING}")
    if st.button(texts.BRIEFING_ADD_CURRENT, key="export_briefing_add"):
        pack, left_off = added(pack, [PackedView.of(to_params(page.choices), title)])
        st.session_state[BRIEFING_PACK] = pack
        if left_off:
            st.warning(texts.BRIEFING_FULL.format(limit=MAX_VIEWS, page=texts.PAGE_BRIEFING))
    if pack:
        st.caption(texts.BRIEFING_ADDED.format(count=len(pack), page=texts.PAGE_BRIEFING))

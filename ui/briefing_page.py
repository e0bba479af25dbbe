"""The briefing pack page: saved map views in the order of a meeting, printed as one PDF, a page per view.

Views come from the map page's export section ("Thêm bản đồ này vào tài liệu họp"), from links pasted here or
from a saved list (.txt). The pack lives in the session (ui.export_section.BRIEFING_PACK); reading links and
lists is layers/briefing.py, the PDF layers/paper/briefing.py. Each view is made again from its link as the map
page makes it, over the data of its own period and source, so a pack can mix periods.
"""

from __future__ import annotations

import streamlit as st

import texts
from geo.errors import DataError
from geo.programme import default_period, indicators_with_values
from geo.vnformat import export_now
from layers.briefing import (
    LIST_EXTENSION,
    LIST_MIME,
    MAX_TEXT,
    MAX_TITLE,
    MAX_VIEWS,
    LinkReading,
    PackedView,
    added,
    entry,
    list_file,
    map_address,
    moved,
    read_links,
    read_list_file,
    removed,
)
from layers.export.file_names import MIME, export_file_name
from layers.page import MapPage, map_page
from layers.view_link import completed, from_params
from ui import sidebar, state
from ui.export_section import BRIEFING_PACK
from ui.plain_text import plain

_LINKS = "briefing_links"  # the paste box
_UPLOAD = "briefing_upload"
_NOTES = "_briefing_notes"  # (level, text) said once after a paste or a list opened
_MADE = "_briefing_made"  # packed view -> (its data, table and programme, what view_page made of them)
_PDF = "_briefing_pdf"  # (what it was made of, its views' models, the PDF, its pages): kept while nothing changes
MAX_ERRORS_SHOWN = 10


def _pack() -> tuple[PackedView, ...]:
    return tuple(st.session_state.get(BRIEFING_PACK, ()))


def _take(reading: LinkReading, file_name: str = "") -> bool:
    """The reading's views added to the pack; what it says kept for the page, each error naming the file it came
    from (`file_name`, for a saved list). True when nothing went wrong."""
    pack, left_off = added(_pack(), reading.views)
    notes = [("error", texts.BRIEFING_IN_FILE.format(file=file_name, error=error) if file_name else error)
             for error in reading.errors[:MAX_ERRORS_SHOWN]]
    if left_off:
        notes.append(("error", texts.BRIEFING_FULL.format(limit=MAX_VIEWS, page=texts.PAGE_BRIEFING)))
    if len(pack) > len(_pack()):
        notes.insert(0, ("success", texts.BRIEFING_LINKS_ADDED.format(count=len(pack) - len(_pack()))))
    elif not reading.errors and not left_off:
        notes.append(("info", texts.BRIEFING_NOTHING))
    st.session_state[BRIEFING_PACK] = pack
    st.session_state[_NOTES] = notes
    return not reading.errors and not left_off


def _on_paste() -> None:
    if _take(read_links(st.session_state.get(_LINKS, ""), MAX_VIEWS - len(_pack()))):
        st.session_state[_LINKS] = ""  # all taken; with an error the text stays, to be mended


def _on_upload() -> None:
    upload = st.session_state.get(_UPLOAD)
    if upload is not None:
        _take(read_list_file(upload.getvalue(), MAX_VIEWS - len(_pack())), file_name=upload.name)


def _on_move(index: int, step: int) -> None:
    st.session_state[BRIEFING_PACK] = moved(_pack(), index, step)


def _on_remove(index: int) -> None:
    st.session_state[BRIEFING_PACK] = removed(_pack(), index)


def view_page(view: PackedView):
    """The map page's model of a packed view, with its period's data and programme, as the map page makes them
    when the link is opened; raises DataError when its period's data cannot be read.

    Kept in the session while its data and programme are the very objects ui.state still gives (they are
    replaced after an import): classing an indicator takes a quarter of a second, and every click on the page
    (a move, a removal) runs it again for every view."""
    store = state.store()
    period = view.period or default_period(store)
    data = state.map_data(period)
    reading = from_params(view.link_params, sidebar.default_choices(store, period), data.district_names)
    table = state.table(data, reading.choices.source)
    choices = completed(reading, indicators_with_values(table))
    programme = state.programme(choices.source, period)
    kept = st.session_state.setdefault(_MADE, {}).get(view)
    if kept is not None and all(old is new for old, new in zip(kept[0], (data, table, programme), strict=True)):
        return kept[1]
    made = map_page(choices, data, programme, table), data, programme
    st.session_state[_MADE][view] = (data, table, programme), made
    return made


def _built(pack: tuple[PackedView, ...]) -> list:
    """Each view's (page, data, programme), or the DataError that keeps it off the PDF; the views no longer in
    the pack are let go."""
    made = st.session_state.setdefault(_MADE, {})
    for view in [v for v in made if v not in pack]:
        del made[view]
    views = []
    for view in pack:
        try:
            views.append(view_page(view))
        except DataError as error:
            views.append(error)
    return views


def _show_pack(pack: tuple[PackedView, ...], views: list) -> None:
    """The pack in order, each view as plain text with its buttons: up, down, remove."""
    for i, (view, built) in enumerate(zip(pack, views, strict=True)):
        text, up, down, remove = st.columns([20, 1, 1, 1], vertical_alignment="center")
        if isinstance(built, DataError):
            text.markdown(plain(texts.BRIEFING_ROW.format(number=i + 1, title=view.title or view.query)))
            text.caption(plain(texts.BRIEFING_SKIPPED.format(number=i + 1, reason=built)))
        else:
            page: MapPage = built[0]
            e = entry(page, view.title)
            text.markdown(plain(texts.BRIEFING_ROW.format(number=i + 1, title=e.title)))
            text.caption(plain(texts.BRIEFING_ROW_DETAILS.format(period=e.period, filters=e.filters, source=e.source)))
        up.button("", icon=":material/arrow_upward:", key=f"briefing_up_{i}", help=texts.BRIEFING_UP, disabled=i == 0,
                  on_click=_on_move, args=(i, -1))
        down.button("", icon=":material/arrow_downward:", key=f"briefing_down_{i}", help=texts.BRIEFING_DOWN,
                    disabled=i == len(pack) - 1, on_click=_on_move, args=(i, 1))
        remove.button("", icon=":material/delete:", key=f"briefing_remove_{i}", help=texts.BRIEFING_REMOVE,
                      on_click=_on_remove, args=(i,))


def _show_notes() -> None:
    for level, note in st.session_state.pop(_NOTES, []):
        {"error": st.error, "success": st.success, "info": st.info}[level](plain(note))


def _add_controls(pack: tuple[PackedView, ...], views: list) -> None:
    """Links pasted, a saved list opened, the pack saved as a list."""
    st.text_area(texts.BRIEFING_LINKS, key=_LINKS, help=texts.BRIEFING_LINKS_HELP.format(limit=MAX_VIEWS),
                 max_chars=MAX_TEXT, height=120)
    st.button(texts.BRIEFING_LINKS_ADD, key="briefing_links_add", on_click=_on_paste)
    _show_notes()
    st.file_uploader(texts.BRIEFING_LIST_UPLOAD, type=[LIST_EXTENSION], key=_UPLOAD, on_change=_on_upload)
    if pack:
        titles = [view.title or ("" if isinstance(built, DataError) else built[0].built.view.title)
                  for view, built in zip(pack, views, strict=True)]
        demo = [not isinstance(built, DataError) and built[0].built.view.illustrative for built in views]
        st.download_button(texts.BRIEFING_LIST_SAVE, list_file(pack, titles, map_address(st.context.url), demo),
                           file_name=export_file_name(texts.BRIEFING_KIND, LIST_EXTENSION, export_now().date()),
                           mime=LIST_MIME, on_click="ignore", key="briefing_list_save")
    st.caption(texts.BRIEFING_LIST_HELP)


def _pdf_controls(pack: tuple[PackedView, ...], views: list) -> None:
    """Cover, paper, then the PDF built on the click under a progress bar and offered for saving (kept while the
    pack and the options stay as they were)."""
    from layers.paper.briefing import BriefingSheet, render_briefing

    cover = st.checkbox(texts.BRIEFING_COVER, value=True, key="briefing_cover")
    cover_title = st.text_input(texts.BRIEFING_COVER_TITLE, key="briefing_cover_title", max_chars=MAX_TITLE,
                                placeholder=texts.BRIEFING_COVER_PLACEHOLDER, disabled=not cover)
    left, right = st.columns(2)
    paper = left.radio(texts.EXPORT_PAGE, ("A4", "A3"), horizontal=True, key="briefing_paper")
    orientation = right.radio(texts.EXPORT_ORIENTATION, ("landscape", "portrait"), horizontal=True,
                              format_func=texts.ORIENTATION_NAMES.get, key="briefing_orientation")
    made_of = (pack, cover, cover_title, paper, orientation)
    models = tuple(None if isinstance(built, DataError) else built[0] for built in views)  # new after an import
    if st.button(texts.BRIEFING_BUILD, key="briefing_build", type="primary"):
        sheets = []
        for i, built in enumerate(views):
            if isinstance(built, DataError):
                st.warning(plain(texts.BRIEFING_SKIPPED.format(number=i + 1, reason=built)))
                continue
            page, data, programme = built
            villages = programme.villages if page.with_villages else None  # as the export section prints it
            sheets.append(BriefingSheet(page=page, data=data.province_data, villages=villages, title=pack[i].title))
        if not sheets:
            st.error(texts.BRIEFING_NO_PAGES)
        else:
            bar = st.progress(0.0)
            pdf = render_briefing(
                sheets, cover=cover, cover_title=cover_title, paper=paper, orientation=orientation,
                export_date=export_now().date(),
                progress=lambda done, total: bar.progress(done / total, texts.BRIEFING_PROGRESS.format(
                    done=done, total=total)))
            bar.empty()
            st.session_state[_PDF] = made_of, models, pdf, len(sheets) + cover
    made, made_models, pdf, pages = st.session_state.get(_PDF, (None, (), None, 0))
    if made != made_of or len(made_models) != len(models) or any(
            old is not new for old, new in zip(made_models, models)):
        st.session_state.pop(_PDF, None)  # made of another pack, paper or data: let it go
    else:
        name = f"{texts.BRIEFING_KIND} {cover_title}"
        st.download_button(texts.BRIEFING_SAVE_PDF.format(pages=pages), pdf,
                           file_name=export_file_name(name, "pdf", export_now().date()), mime=MIME["pdf"],
                           on_click="ignore", key="briefing_pdf")
    st.caption(texts.BRIEFING_HELP)


st.markdown(f"#### {texts.PAGE_BRIEFING}")
pack = _pack()
views = _built(pack)
if pack:
    _show_pack(pack, views)
else:
    st.info(texts.BRIEFING_EMPTY)
st.divider()
_add_controls(pack, views)
if pack:
    st.divider()
    _pdf_controls(pack, views)

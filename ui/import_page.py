"""The "Nhập dữ liệu" page: sign-in, period, templates, upload, check report, confirm, history, rollback, demo.

Anyone may download templates and read the history; uploading, rolling back and
writing demo data need a signed-in editor (ui/editor_sign_in.py), whose name
every change records.

The "Giai đoạn" choice at the top decides the units every file is checked
against, the templates offered and the period an import is stored under. It
starts where the map does (the page URL's period, else 2026-2030 unless only
2021-2025 data is stored).
"""

from __future__ import annotations

import streamlit as st

import texts
from geo.demo import store_demo
from geo.errors import DataError
from geo.templates import FILE_NAMES, template_for
from geo.vocabulary import KINDS, PERIOD_2021, PERIODS
from ui import editor_sign_in, import_history, import_upload, state
from ui import period as page_period
from ui.plain_text import plain

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PERIOD_KEY = "import_period"
DEMO_MESSAGE = "demo_message"  # session_state: (succeeded, text) of the demo button's last click, shown once


def make_demo(store) -> None:
    """The demo button's callback: it runs before the page is drawn, so the history already shows the demo."""
    editor = editor_sign_in.editor_for_write()
    if editor is None:
        return
    try:  # the demo of both periods starts from 2021-2025's
        store_demo(store, state.reference(PERIOD_2021.key), by=editor)
    except DataError as error:  # the database cannot be written (StoreError) or a boundary file is wrong
        st.session_state[DEMO_MESSAGE] = (False, plain(error))
    else:
        st.session_state[DEMO_MESSAGE] = (True, texts.DEMO_CREATED)


st.markdown(f"#### {texts.IMPORT_TITLE}")
st.caption(texts.IMPORT_INTRO)
editor = editor_sign_in.show()
try:
    store = state.store()
    periods = list(PERIODS)  # 2026-2030 first
    start = st.session_state.get(PERIOD_KEY) or page_period.current(store)
    period = st.radio(texts.PERIOD_LABEL, periods, index=periods.index(start), format_func=texts.PERIOD_NAMES.get,
                      key=PERIOD_KEY, horizontal=True)
    st.caption(texts.IMPORT_PERIOD_HELP[period])
    reference = state.reference(period)
except DataError as error:
    st.error(plain(error))
    st.stop()
labels = texts.DATASET_LABELS[period]
fault = state.store_fault()
if fault is not None:
    st.error(plain(fault))  # what is wrong with the database and what to do; uploads are still checked

st.markdown(f"##### {texts.IMPORT_TEMPLATES.format(units=texts.IMPORT_TEMPLATE_UNITS[period])}")
# Short labels in a row that wraps: on a narrow window a button moves down instead of losing its words.
with st.container(horizontal=True, wrap=True, key="template_buttons"):
    for kind in KINDS:
        help_text = texts.TEMPLATE_BUTTON_HELP.format(dataset=labels[kind], period=period,
                                                      file=FILE_NAMES[period][kind])
        st.download_button(texts.TEMPLATE_BUTTONS[kind], template_for(kind, reference),
                           file_name=FILE_NAMES[period][kind], mime=XLSX, key=f"template_{kind}",
                           help=help_text, width="content")

st.markdown(f"##### {texts.IMPORT_UPLOAD}")
kind = st.selectbox(texts.IMPORT_KIND, KINDS, format_func=labels.get, key="import_kind")
if editor is None:
    st.caption(texts.IMPORT_SIGN_IN_FIRST)
else:
    upload = import_upload.uploader(kind)
    if upload is not None:
        import_upload.show(kind, upload, reference, store)

import_history.show(store, editor)

st.markdown(f"##### {texts.DEMO_SECTION}")
st.caption(texts.DEMO_HELP)
if editor is None:
    st.caption(texts.DEMO_SIGN_IN_FIRST)
else:
    st.button(texts.DEMO_BUTTON, key="make_demo", on_click=make_demo, args=(store,))
    if DEMO_MESSAGE in st.session_state:
        succeeded, said = st.session_state.pop(DEMO_MESSAGE)
        (st.success if succeeded else st.error)(said)

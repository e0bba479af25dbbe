"""The "Nhập dữ liệu" page: period, templates, upload, check report, confirm, history, rollback, demo.

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
from ui import import_history, import_upload, state
from ui import period as page_period
from ui.plain_text import plain

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PERIOD_KEY = "import_period"

st.markdown(f"#### {texts.IMPORT_TITLE}")
st.caption(texts.IMPORT_INTRO)
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
upload = import_upload.uploader(kind)
if upload is not None:
    import_upload.show(kind, upload, reference, store)

import_history.show(store)

st.markdown(f"##### {texts.DEMO_SECTION}")
st.caption(texts.DEMO_HELP)
if st.button(texts.DEMO_BUTTON, key="make_demo"):
    try:
        store_demo(store, state.reference(PERIOD_2021.key))  # the demo of both periods starts from 2021-2025's
    except DataError as error:  # the database cannot be written (StoreError) or a boundary file is wrong
        st.error(plain(error))
    else:
        st.success(texts.DEMO_CREATED)

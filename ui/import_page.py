"""The "Nhập dữ liệu" page: templates, upload, check report, confirm, history, rollback, demo."""

from __future__ import annotations

import streamlit as st

import texts
from geo.demo import store_demo
from geo.errors import DataError
from geo.templates import FILE_NAMES, template_for
from geo.vocabulary import KINDS
from ui import import_history, import_upload, state
from ui.plain_text import plain

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

st.markdown(f"#### {texts.IMPORT_TITLE}")
st.caption(texts.IMPORT_INTRO)
try:
    reference = state.reference()
    store = state.store()
except DataError as error:
    st.error(plain(error))
    st.stop()

st.markdown(f"##### {texts.IMPORT_TEMPLATES}")
columns = st.columns(len(KINDS))
for column, kind in zip(columns, KINDS):
    column.download_button(texts.DATASET_LABELS[kind], template_for(kind, reference), file_name=FILE_NAMES[kind],
                           mime=XLSX, key=f"template_{kind}", width="stretch")

st.markdown(f"##### {texts.IMPORT_UPLOAD}")
kind = st.selectbox(texts.IMPORT_KIND, KINDS, format_func=texts.DATASET_LABELS.get, key="import_kind")
upload = st.file_uploader(texts.IMPORT_FILE, key=f"upload_{kind}", help=texts.IMPORT_FILE_HELP)
if upload is not None:
    import_upload.show(kind, upload, reference, store)

import_history.show(store)

st.markdown(f"##### {texts.DEMO_SECTION}")
st.caption(texts.DEMO_HELP)
if st.button(texts.DEMO_BUTTON, key="make_demo"):
    store_demo(store, reference)
    st.success(texts.DEMO_CREATED)

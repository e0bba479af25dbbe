"""The "Nhập dữ liệu" page: templates, upload, check report, confirm, history, rollback, demo."""

from __future__ import annotations

import streamlit as st

import texts
from geo.demo import store_demo
from geo.errors import DataError
from geo.imports import import_file
from geo.store import IMPORTED, KINDS
from geo.templates import FILE_NAMES, template_for
from layers.tables import history_table, problems_table, version_labels
from ui import state

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

st.markdown(f"#### {texts.IMPORT_TITLE}")
st.caption(texts.IMPORT_INTRO)
try:
    reference = state.reference()
except DataError as error:
    st.error(str(error))
    st.stop()
store = state.store()

st.markdown(f"##### {texts.IMPORT_TEMPLATES}")
columns = st.columns(len(KINDS))
for column, kind in zip(columns, KINDS):
    column.download_button(texts.DATASET_LABELS[kind], template_for(kind, reference), file_name=FILE_NAMES[kind],
                           mime=XLSX, key=f"template_{kind}", width="stretch")

st.markdown(f"##### {texts.IMPORT_UPLOAD}")
kind = st.selectbox(texts.IMPORT_KIND, KINDS, format_func=texts.DATASET_LABELS.get, key="import_kind")
upload = st.file_uploader(texts.IMPORT_FILE, key=f"upload_{kind}", help=texts.IMPORT_FILE_HELP)
if upload is not None:
    options = {"categories": store.current("categories", IMPORTED)} if kind == "villages" else {}
    result = import_file(kind, upload.getvalue(), upload.name, reference, **options)
    st.write(texts.IMPORT_READ.format(file=upload.name, rows=len(result.frame), errors=len(result.errors),
                                      notes=len(result.notes)))
    if result.summary is not None and not result.summary.empty:
        st.markdown(f"**{texts.IMPORT_TOTALS}**")
        st.dataframe(result.summary.rename(columns=texts.TOT_SUMMARY_COLUMNS), hide_index=True, width="stretch")
    if result.problems:
        st.markdown(f"**{texts.IMPORT_PROBLEMS}**")
        st.dataframe(problems_table(result.problems_frame()), hide_index=True, width="stretch")
    if not result.frame.empty:
        with st.expander(texts.IMPORT_PREVIEW.format(rows=min(len(result.frame), 200))):
            st.dataframe(result.frame.head(200), hide_index=True, width="stretch")
    if result.ok:
        earlier = store.find_by_hash(kind, IMPORTED, result.sha256)
        if earlier is not None:
            st.info(texts.IMPORT_SAME_FILE.format(version=earlier))
        if st.button(texts.IMPORT_CONFIRM, type="primary", key="confirm_import"):
            version = store.save_result(result)
            st.success(texts.IMPORT_DONE.format(file=upload.name, version=version,
                                                dataset=texts.DATASET_LABELS[kind]))
    else:
        st.error(texts.IMPORT_BLOCKED.format(file=upload.name, errors=len(result.errors)))

st.markdown(f"##### {texts.IMPORT_HISTORY}")
history = store.history()
if history.empty:
    st.caption(texts.IMPORT_NO_HISTORY)
else:
    st.dataframe(history_table(history), hide_index=True, width="stretch")
    with st.form("rollback"):
        st.caption(texts.ROLLBACK_HELP)
        labels = version_labels(history)
        version = st.selectbox(texts.ROLLBACK_VERSION, list(labels), format_func=labels.get, key="rollback_version")
        if st.form_submit_button(texts.ROLLBACK_BUTTON):
            row = history.set_index("version_id").loc[version]
            store.rollback(row["kind"], row["source"], int(version))
            st.success(texts.ROLLBACK_DONE.format(version=version))

st.markdown(f"##### {texts.DEMO_SECTION}")
st.caption(texts.DEMO_HELP)
if st.button(texts.DEMO_BUTTON, key="make_demo"):
    store_demo(store, reference)
    st.success(texts.DEMO_CREATED)

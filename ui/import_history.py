"""The import page's history section: what happened, what is in use now, and going back.

Anyone reads the history; going back needs a signed-in editor, and takes two
clicks: the choice, then a confirmation that names what will change. The
change is made in the confirm button's callback, which Streamlit runs before
the script, so the table drawn in the same run already shows the version in
use. What a session is in the middle of (the pending choice, the message to
show once) lives in st.session_state, never here.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

import texts
from geo.editors import Editor
from geo.errors import DataError, StoreError
from geo.store import Store
from geo.vnformat import vn_number
from geo.vocabulary import DEMO, IMPORTED, KINDS, PERIODS
from ui import editor_sign_in
from ui.import_tables import history_table, version_labels
from ui.plain_text import plain

NO_DATA = 0  # the choice "no data"; real version ids start at 1
PENDING = "rollback_pending"  # session_state: {"dataset": (kind, source, period), "target", "current"}
MESSAGE = "rollback_message"  # session_state: (level, text) to show once after an action


def show(store: Store, editor: Editor | None) -> None:
    """The history table (events newest first, version in use, who) and, for a signed-in editor, the
    two-step rollback; a database that cannot be read is said, not raised."""
    st.markdown(f"##### {texts.IMPORT_HISTORY}")
    try:
        _show(store, editor)
    except StoreError as fault:
        st.error(plain(fault))


def _show(store: Store, editor: Editor | None) -> None:
    events = store.event_history()
    history = store.history()
    if events.empty and history.empty:
        st.caption(texts.IMPORT_NO_HISTORY)
        return
    # The kind's long name gives way, so the version columns stay in view without scrolling.
    st.dataframe(history_table(events), hide_index=True, width="stretch",
                 column_config={texts.HISTORY_COLUMNS["kind"]: st.column_config.TextColumn(width="medium")})
    if editor is None:
        _forget()
        st.caption(texts.ROLLBACK_SIGN_IN_FIRST)
    else:
        _rollback_form(store, history)
    message = st.session_state.pop(MESSAGE, None)
    if message:
        level, text = message
        {"success": st.success, "info": st.info, "error": st.error}[level](text)


def _rollback_form(store: Store, history: pd.DataFrame) -> None:
    """Choose a kind of data and a version (or "no data"), then ask; the confirmation follows."""
    present = set(zip(history["kind"], history["source"], history["period"]))
    datasets = [(kind, source, period) for period in PERIODS for kind in KINDS for source in (IMPORTED, DEMO)
                if (kind, source, period) in present]
    st.caption(texts.ROLLBACK_HELP)
    # Option labels stay the same after a rollback (Streamlit keeps a choice by its label);
    # what is in use is said in the caption below instead.
    dataset = st.selectbox(texts.ROLLBACK_DATASET, datasets, key="rollback_dataset", on_change=_forget,
                           format_func=lambda d: texts.ROLLBACK_DATASET_OPTION.format(**_names(*d)))
    kind, source, period = dataset
    versions = history[(history["kind"] == kind) & (history["source"] == source) & (history["period"] == period)]
    current = store.current_version(kind, source, period)
    st.caption(_in_use(versions, current))
    labels = version_labels(versions)
    options = [*labels, NO_DATA]
    first_change = next(i for i, v in enumerate(options) if v != current)
    st.selectbox(texts.ROLLBACK_VERSION, options, index=first_change, on_change=_forget,
                 key=_version_key(dataset), format_func=lambda v: labels.get(v, texts.ROLLBACK_NO_DATA_OPTION))
    st.button(texts.ROLLBACK_ASK, key="rollback_ask", on_click=_ask, args=(store,))
    pending = st.session_state.get(PENDING)
    if pending and pending["dataset"] == dataset:
        st.warning(_question(versions, pending))
        confirm, cancel, _ = st.columns([1, 1, 4])
        confirm.button(texts.ROLLBACK_CONFIRM, key="rollback_confirm", type="primary", on_click=_confirm,
                       args=(store,))
        cancel.button(texts.ROLLBACK_CANCEL, key="rollback_cancel", on_click=_forget)


def _in_use(versions: pd.DataFrame, current: int | None) -> str:
    if current is None:
        return texts.ROLLBACK_IN_USE_NONE
    row = versions.set_index("version_id").loc[current]
    return texts.ROLLBACK_IN_USE.format(version=current, file=plain(row["file_name"]),
                                        rows=vn_number(row["row_count"], 0))


def _question(versions: pd.DataFrame, pending: dict) -> str:
    """The confirmation that names the change: which version replaces which, with files and row counts."""
    meta = versions.set_index("version_id")
    names = _names(*pending["dataset"])
    if pending["current"] is not None:
        old = meta.loc[pending["current"]]
        names.update(current=pending["current"], current_file=plain(old["file_name"]),
                     current_rows=vn_number(old["row_count"], 0))
    if pending["target"] == NO_DATA:
        return texts.CLEAR_QUESTION.format(**names)
    new = meta.loc[pending["target"]]
    names.update(version=pending["target"], file=plain(new["file_name"]), rows=vn_number(new["row_count"], 0))
    template = texts.ROLLBACK_QUESTION if pending["current"] is not None else texts.ROLLBACK_QUESTION_FROM_NO_DATA
    return template.format(**names)


def _forget() -> None:
    st.session_state.pop(PENDING, None)


def _names(kind: str, source: str, period: str) -> dict[str, str]:
    """The words a message uses for one dataset: its kind, its source and its period."""
    return {"dataset": texts.DATASET_LABELS[period][kind], "source": texts.SOURCE_LABELS[source],
            "period": period}


def _version_key(dataset: tuple[str, str, str]) -> str:
    return "rollback_version_" + "_".join(dataset)


def _ask(store: Store) -> None:
    """First click: remember the choice (or say at once that it changes nothing).

    The choice is read from the widgets' state when the click arrives, not from
    the run that drew the button, so it is always the one on the screen.
    """
    _forget()
    dataset = st.session_state["rollback_dataset"]
    target = st.session_state.get(_version_key(dataset))
    if target is None:
        return
    try:
        current = store.current_version(*dataset)
    except DataError as error:
        st.session_state[MESSAGE] = ("error", plain(error))
        return
    names = _names(*dataset)
    if target == current:
        st.session_state[MESSAGE] = ("info", texts.ROLLBACK_ALREADY.format(version=target))
    elif target == NO_DATA and current is None:
        st.session_state[MESSAGE] = ("info", texts.ROLLBACK_NOTHING_TO_CLEAR.format(**names))
    else:
        st.session_state[PENDING] = {"dataset": dataset, "target": target, "current": current}


def _confirm(store: Store) -> None:
    """Second click: make the change, unless what is in use changed since the question was asked."""
    pending = st.session_state.pop(PENDING, None)
    if pending is None:
        return
    dataset, target = pending["dataset"], pending["target"]
    kind, source, period = dataset
    names = _names(*dataset)
    editor = editor_sign_in.editor_for_write()
    if editor is None:
        return
    try:
        if store.current_version(*dataset) != pending["current"]:
            st.session_state[MESSAGE] = ("error", texts.ROLLBACK_STALE.format(**names))
        elif target == NO_DATA:
            dropped = store.clear(kind, source, period, by=editor)
            st.session_state[MESSAGE] = ("success", texts.CLEAR_DONE.format(version=dropped, **names))
        else:
            store.rollback(kind, source, target, period, by=editor)
            st.session_state[MESSAGE] = ("success", texts.ROLLBACK_DONE_NAMED.format(version=target, **names))
    except DataError as error:
        st.session_state[MESSAGE] = ("error", plain(error))

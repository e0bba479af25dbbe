"""The import page's upload section: check a file, map its columns, see what changes, confirm.

Everything follows the period of the reference the page passes (its "Giai
đoạn" choice): the units a file is checked against, the data it is compared
with and the period it is stored under. A file is parsed once: the check is
kept by its content hash, the period, the user's column choices and the
category list it is checked against, so clicking
"Xác nhận nhập" or changing a column choice does not read 100,000 rows again.
Nothing is stored until the user confirms, after seeing what the import
replaces ("thay 644 thôn bằng 2 thôn"); a shrinking list or totals far from
the official ones need a second, explicit confirmation. Text from the file
(its name, its headers and values) reaches the page only through dataframes,
st.text or escaped markdown.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict

import streamlit as st

import texts
from geo.errors import DataError
from geo.imports import ImportResult, Reference, frame_to_store, import_file
from geo.imports.changes import Changes, describe_changes
from geo.imports.formats.limits import MAX_UPLOAD_MB
from geo.imports.headers import ColumnChoice, signature_of
from geo.imports.period_check import OTHER_PERIOD
from geo.imports.problems import NOT_FILLED, sha256_of
from geo.indicators import INDICATORS, indicators_for_level
from geo.store import SaveOutcome, Store
from geo.vnformat import vn_number
from geo.vocabulary import CATEGORIES_KIND, IMPORTED, INDICATOR_LEVELS, VILLAGES_KIND
from ui import editor_sign_in
from ui.import_tables import changes_table, import_preview, import_summary, problems_table
from ui.plain_text import plain

SKIP = ""  # a mapping value: leave the column out
UNDECIDED = "__undecided__"  # a select option: not chosen yet (nothing is remembered)
SAVED = "import_saved_message"  # session_state: what the last confirm did, shown once
SAVED_ERROR = "import_save_error"  # session_state: why the last confirm could not store, shown once
CHECKS_KEPT = 4  # checked files kept (each holds its content, up to MAX_UPLOAD_MB)
_CHECKS_LOCK = threading.Lock()  # sessions share the kept checks; a check itself runs outside the lock


@st.cache_resource(show_spinner=False)
def _kept(work: str) -> OrderedDict:
    """Results of one kind of work ("checks": by kind, content hash, file name, column choices and
    category version; "changes": by check and the version in use), newest last.

    A plain store rather than st.cache_resource on the work itself, so that a check can report its
    progress on the page while it runs (Streamlit forbids that inside cached functions).
    """
    return OrderedDict()


def _checked(key: tuple, run, work: str = "checks"):
    """The kept result for `key`, or `run()`'s, kept for the next rerun (a click, a column choice)."""
    checks = _kept(work)
    with _CHECKS_LOCK:
        kept = checks.get(key)
    if kept is not None:
        return kept
    result = run()
    with _CHECKS_LOCK:
        checks[key] = result
        while len(checks) > CHECKS_KEPT:
            checks.popitem(last=False)
    return result


def uploader(kind: str):
    """The file uploader for one kind of data; its limit and the help text under it are MAX_UPLOAD_MB."""
    return st.file_uploader(texts.IMPORT_FILE, key=f"upload_{kind}", help=file_help(), max_upload_size=MAX_UPLOAD_MB)


def file_help() -> str:
    """What the uploader's help says, the size limit included."""
    return f"{texts.IMPORT_FILE_HELP} {texts.IMPORT_FILE_LIMIT.format(limit=vn_number(MAX_UPLOAD_MB, 0))}"


def _mapping_state(kind: str, sha256: str) -> str:
    return f"column_mapping_{kind}_{sha256}"


def check(kind: str, content: bytes, file_name: str, reference: Reference, store: Store) -> ImportResult:
    """Read and check the upload with the user's (or remembered) column choices; cached."""
    sha = sha256_of(content)
    period = reference.period.key
    categories_version = store.current_version(CATEGORIES_KIND, IMPORTED, period) if kind == VILLAGES_KIND else None
    categories = store.current(CATEGORIES_KIND, IMPORTED, period) if kind == VILLAGES_KIND else None

    def run(mapping: dict[str, str]) -> ImportResult:
        key = (kind, period, sha, file_name, json.dumps(mapping, sort_keys=True, ensure_ascii=False),
               categories_version)
        line = st.empty()  # "rows read so far", while a large file is read; gone once checked

        def progress(rows: int) -> None:
            line.text(texts.IMPORT_ROWS_READ.format(rows=vn_number(rows, 0)))

        def check_now() -> ImportResult:
            options = {CATEGORIES_KIND: categories} if kind == VILLAGES_KIND else {}
            if kind in INDICATOR_LEVELS:
                options["mapping"] = mapping or None
            with st.spinner(texts.IMPORT_CHECKING.format(size=_megabytes(len(content)))):
                return import_file(kind, content, file_name, reference, progress=progress, **options)

        result = _checked(key, check_now)
        line.empty()
        return result

    chosen = st.session_state.get(_mapping_state(kind, sha))
    result = run(chosen or {})
    if chosen is None and kind in INDICATOR_LEVELS and result.columns:
        remembered = store.column_mapping(kind, signature_of(result.columns))
        if remembered:
            st.session_state[_mapping_state(kind, sha)] = remembered
            result = run(remembered)
            st.info(texts.MAPPING_REMEMBERED)
    return result


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.1f}".replace(".", ",")


def show_result(result: ImportResult, reference: Reference | None = None) -> None:
    """What the check found: counts, totals against the official ones, every problem located; the
    preview has no district column where the reference's period has no districts."""
    st.text(texts.IMPORT_READ.format(file=result.file_name, rows=len(result.frame), errors=len(result.errors),
                                     notes=len(result.notes)))
    if result.summary is not None and not result.summary.empty:
        st.markdown(f"**{texts.IMPORT_COVERAGE if result.kind in INDICATOR_LEVELS else texts.IMPORT_TOTALS}**")
        st.dataframe(import_summary(result.summary), hide_index=True, width="stretch")
    if result.problems:
        st.markdown(f"**{texts.IMPORT_PROBLEMS}**")
        st.dataframe(problems_table(result.problems_frame()), hide_index=True, width="stretch")
    if not result.frame.empty:
        with st.expander(texts.IMPORT_PREVIEW.format(rows=min(len(result.frame), 200))):
            preview = result.frame.head(200)
            if reference is not None and not reference.has_districts:
                preview = preview.drop(columns="district")
            period = reference.period.key if reference is not None else None
            st.dataframe(import_preview(preview, period), hide_index=True, width="stretch")


def mapping_step(kind: str, result: ImportResult, store: Store) -> None:
    """Each value column with its first values and the indicator it is read as; the user may change it."""
    if kind not in INDICATOR_LEVELS or not result.columns:
        return
    choices: list[ColumnChoice] = result.columns
    open_now = any(c.needs_decision for c in choices)
    level = INDICATOR_LEVELS[kind]
    options = [UNDECIDED, SKIP] + [ind.id for ind in indicators_for_level(level)]
    labels = {UNDECIDED: texts.MAPPING_UNDECIDED, SKIP: texts.MAPPING_SKIP,
              **{ind_id: INDICATORS[ind_id].label for ind_id in options[2:]}}
    with st.expander(texts.MAPPING_TITLE, expanded=open_now):
        st.caption(texts.MAPPING_HELP)
        with st.form(f"mapping_{kind}_{result.sha256}"):
            picked = {}
            for choice in choices:
                now = choice.indicator if choice.indicator in options else UNDECIDED
                st.text(texts.MAPPING_COLUMN.format(letter=choice.letter, header=choice.text,
                                                    samples="; ".join(choice.samples) or "—"))
                if choice.suggestion:
                    st.caption(texts.MAPPING_SUGGESTION.format(label=INDICATORS[choice.suggestion].label))
                picked[choice.text] = st.selectbox(
                    texts.MAPPING_CHOICE.format(letter=choice.letter), options, index=options.index(now),
                    format_func=labels.get, key=f"map_{kind}_{result.sha256}_{choice.column}",
                    label_visibility="collapsed")
            if st.form_submit_button(texts.MAPPING_APPLY):
                mapping = {text: value for text, value in picked.items() if value != UNDECIDED}
                st.session_state[_mapping_state(kind, result.sha256)] = mapping
                store.save_column_mapping(kind, signature_of(choices), mapping)
                st.rerun()


def confirm_step(kind: str, result: ImportResult, store: Store, reference: Reference) -> None:
    """What the import replaces, a second confirmation when it looks wrong, and the one-time confirm."""
    saved, failed = st.session_state.pop(SAVED, None), st.session_state.pop(SAVED_ERROR, None)
    if saved:
        st.success(saved)
    if failed:
        st.error(failed)
    period = reference.period.key
    in_use = store.current_version(kind, IMPORTED, period)

    def compare() -> tuple:
        current = store.current(kind, IMPORTED, period)
        frame = frame_to_store(kind, result.frame, current)
        return frame, describe_changes(kind, frame, current, reference)

    # Kept per check and version in use: reading 100,000 stored rows back is not redone on every click.
    frame, changes = _checked((kind, period, result.sha256, id(result), in_use), compare, work="changes")
    _show_changes(changes, period)
    if changes.identical:
        st.info(texts.IMPORT_NOTHING_NEW)
        return
    allowed = True
    if changes.needs_second_confirmation:
        for warning in changes.warnings:
            st.warning(warning)
        allowed = st.checkbox(texts.IMPORT_SECOND_CONFIRM.format(headline=changes.headline),
                              key=f"second_confirm_{kind}_{result.sha256}")
    st.button(texts.IMPORT_CONFIRM, type="primary", key="confirm_import", disabled=not allowed,
              on_click=_save, args=(store, kind, frame, result, period))


def _save(store: Store, kind: str, frame, result: ImportResult, period: str) -> None:
    """Store the import under `period`, as the signed-in editor's, before the script reruns, so the page
    drawn next already compares with it."""
    editor = editor_sign_in.editor_for_write()
    if editor is None:
        return
    try:
        outcome = store.save_with_outcome(kind, IMPORTED, frame, result.file_name, result.content, period,
                                          by=editor)
    except DataError as error:
        st.session_state[SAVED_ERROR] = plain(error)
        return
    st.session_state[SAVED] = saved_message(outcome, result.file_name, kind, period)


def saved_message(outcome: SaveOutcome, file_name: str, kind: str, period: str) -> str:
    """What "Xác nhận nhập" did (stored, reused an older version, or nothing to do), naming the data as
    the period calls it, and the period. Ready for st.success: the file name is escaped for markdown."""
    template = texts.IMPORT_DONE if outcome.created else (
        texts.SAVE_REUSED if outcome.reused_version else texts.SAVE_UNCHANGED)
    message = template.format(file=plain(file_name), version=outcome.version_id,
                              dataset=texts.DATASET_LABELS[period][kind])
    return f"{message} {texts.IMPORT_SAVED_PERIOD.format(period=texts.PERIOD_NAMES[period])}"


def _show_changes(changes: Changes, period: str) -> None:
    st.markdown(f"**{texts.IMPORT_CHANGES}**")
    st.text(changes.headline)
    if not changes.table.empty:
        title = texts.IMPORT_CHANGES_TABLE.format(units=texts.UNIT_NOUN[period])
        with st.expander(title, expanded=changes.needs_second_confirmation):
            st.dataframe(changes_table(changes.table, period), hide_index=True, width="stretch")
            if changes.table_note:
                st.caption(changes.table_note)


def show(kind: str, upload, reference: Reference, store: Store) -> None:
    """The whole upload section for one uploaded file; a database that cannot be read is said, not raised."""
    try:
        _show(kind, upload, reference, store)
    except DataError as error:
        st.error(plain(error))


def _show(kind: str, upload, reference: Reference, store: Store) -> None:
    result = check(kind, upload.getvalue(), upload.name, reference, store)
    show_result(result, reference)
    mapping_step(kind, result, store)
    if result.ok:
        confirm_step(kind, result, store, reference)
        return
    whole_file = [p for p in result.errors if p.code in (OTHER_PERIOD, NOT_FILLED)]
    if whole_file:  # not rows to fix: the file is of the other period, or none of its values is filled in
        st.error(plain(whole_file[0].message))
    else:
        st.error(texts.IMPORT_BLOCKED.format(file=plain(upload.name), errors=len(result.errors)))

"""Editors sign in on the import page; viewing needs no sign-in.

Who is signed in lives in this browser session only (st.session_state): a new tab or a reload asks
again, so a shared office PC or a projector left on does not stay signed in. Each write checks again,
at the moment it is made, that the editor's account still exists (`signed_in`), so a removed
account cannot write from a page it opened before.
"""

from __future__ import annotations

import math

import streamlit as st

import texts
from geo.editors import Editor, SignInGuard, accounts_path, check_password, editors, find
from geo.errors import DataError
from geo.store import data_dir
from ui.plain_text import plain

SESSION_KEY = "editor"  # session_state: the signed-in Editor
REFUSED = "write_refused"  # session_state: a write was refused for want of an editor; said once, at the top


@st.cache_resource(show_spinner=False)
def _guard() -> SignInGuard:
    """One count of wrong passwords for the whole server, so opening new sessions does not reset it."""
    return SignInGuard()


def _accounts():
    return accounts_path(data_dir())


def signed_in() -> Editor | None:
    """The editor signed in in this session, if their account still exists (a removed one is signed out)."""
    editor = st.session_state.get(SESSION_KEY)
    if editor is None:
        return None
    try:
        current = find(_accounts(), editor.username)
    except DataError:
        current = None
    if current is None:
        st.session_state.pop(SESSION_KEY, None)
    return current


def editor_for_write() -> Editor | None:
    """The editor a write is recorded under, checked at the moment of writing (a button's callback).

    None when nobody is signed in any more: the caller writes nothing, and the top of the page says why.
    """
    editor = signed_in()
    if editor is None:
        st.session_state[REFUSED] = True
    return editor


def show() -> Editor | None:
    """Who is signed in and the way out, or the sign-in form; returns the signed-in editor."""
    if st.session_state.pop(REFUSED, False):
        st.error(texts.SIGN_IN_NEEDED)
    editor = signed_in()
    if editor is not None:
        with st.container(horizontal=True, vertical_alignment="center", key="signed_in"):
            st.caption(texts.SIGNED_IN_AS.format(editor=plain(editor.label)))
            st.button(texts.SIGN_OUT_BUTTON, key="sign_out", on_click=sign_out, width="content")
        return editor
    st.markdown(f"##### {texts.SIGN_IN_TITLE}")
    st.caption(texts.SIGN_IN_WHY)
    try:
        has_accounts = bool(editors(_accounts()))
    except DataError as error:  # a damaged or unreadable accounts file: nobody can sign in, and it is said
        st.error(plain(error))
        return None
    if not has_accounts:
        st.info(texts.SIGN_IN_NO_ACCOUNTS)
        st.code(texts.SIGN_IN_COMMAND, language=None)
        return None
    with st.form("sign_in", clear_on_submit=True, width=420):
        username = st.text_input(texts.SIGN_IN_USERNAME, key="sign_in_username", autocomplete="username",
                                 max_chars=64)
        password = st.text_input(texts.SIGN_IN_PASSWORD, type="password", key="sign_in_password",
                                 autocomplete="current-password", max_chars=256)
        submitted = st.form_submit_button(texts.SIGN_IN_BUTTON, type="primary")
    if submitted:
        _sign_in(username or "", password or "")
    return None


def _sign_in(username: str, password: str) -> None:
    guard = _guard()
    wait = guard.wait_seconds(username)
    if wait:
        st.error(texts.SIGN_IN_LOCKED.format(username=plain(username.strip()), minutes=math.ceil(wait / 60)))
        return
    try:
        editor = check_password(_accounts(), username, password)
    except DataError as error:
        st.error(plain(error))
        return
    if editor is None:
        guard.failed(username)
        st.error(texts.SIGN_IN_WRONG)
        return
    guard.succeeded(username)
    st.session_state[SESSION_KEY] = editor
    st.rerun()


def sign_out() -> None:
    st.session_state.pop(SESSION_KEY, None)

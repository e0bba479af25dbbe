"""The map page's view kept in its URL (layers/view_link.py says which parameters), so a link opens it.

Every run writes the view to the address bar and remembers what it wrote. A
run that finds another address there (a link opened, a hand edit, a new
visit) sets the sidebar's widgets from it; one that finds none (back from
another page) restores the last view of the session. So the widgets decide
once touched, and the link whenever it changes.
"""

from __future__ import annotations

import streamlit as st

import texts
from layers.page import Choices
from layers.view_link import Reading, from_params, to_params
from layers.web.elements import compiled
from ui.plain_text import plain

_WRITTEN = "_view_link_written"  # the parameters this session last wrote to the URL
_IGNORED = "_view_link_ignored"  # the parameters of the last link opened that could not be used
MAX_NAMES, MAX_NAME = 5, 20  # the note names at most this many parameters, each cut to this many characters


def link_params() -> dict[str, list[str]]:
    """The URL's parameters (name -> values); none there, the session's last view (another page cleared
    the address)."""
    params = {name: st.query_params.get_all(name) for name in st.query_params}
    return params or dict(st.session_state.get(_WRITTEN, {}))


def is_new_link() -> bool:
    """True when the parameters are not the ones this session wrote: the widgets follow the link."""
    return link_params() != st.session_state.get(_WRITTEN)


def read(start: Choices, district_names: list[str]) -> Reading:
    """The view the link opens; its left-out parameters are kept for `notes()`."""
    reading = from_params(link_params(), start, district_names)
    st.session_state[_IGNORED] = reading.ignored
    return reading


def write(choices: Choices) -> None:
    """The view into the address bar (only when it changed: each write is a browser history entry)."""
    params = {name: value if isinstance(value, list) else [value] for name, value in to_params(choices).items()}
    if params != {name: st.query_params.get_all(name) for name in st.query_params}:
        st.query_params.from_dict(params)
    if _WRITTEN in st.session_state and params != st.session_state[_WRITTEN]:
        st.session_state[_IGNORED] = ()  # the view changed: the note on the link opened is old news
    st.session_state[_WRITTEN] = params


def notes() -> None:
    """A short note naming the link's parameters that were left out (the first few, as plain text), until the
    view changes."""
    ignored = st.session_state.get(_IGNORED)
    if ignored:
        names = ", ".join(name[:MAX_NAME] for name in ignored[:MAX_NAMES])
        st.caption(plain(texts.LINK_IGNORED.format(names=names)))


def copy_button() -> None:
    """"Sao chép liên kết": copies the address bar, which always holds the view (see `write`)."""
    st.iframe(compiled("copy_link.html").render(label=texts.COPY_LINK, done=texts.COPY_LINK_DONE,
                                                failed=texts.COPY_LINK_FAILED), height=44)

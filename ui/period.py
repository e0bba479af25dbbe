"""Which programme period the map page shows, kept in the page URL so a link opens that period.

The sidebar's radio (key PARAM) decides once touched; before that the link's
?period= does (ui/view_link.py, which also writes it back); without either,
geo.programme.default_period.
"""

from __future__ import annotations

import streamlit as st

import texts
from geo.programme import default_period
from geo.store import Store
from geo.vocabulary import PERIODS
from ui import view_link

PARAM = "period"


def current(store: Store) -> str:
    """The period of this run: the sidebar's choice, the URL's, or the default."""
    linked = view_link.link_params().get(PARAM) or [None]
    chosen = st.session_state.get(PARAM) if not view_link.is_new_link() else None
    for period in (chosen, linked[-1]):
        if period in PERIODS:
            return period
    return default_period(store)


def radio(period: str) -> str:
    """The period switch, at the top of the sidebar (its value is `period`, set by the page)."""
    st.session_state[PARAM] = period
    return st.radio(texts.PERIOD_LABEL, list(PERIODS), format_func=texts.PERIOD_NAMES.get, key=PARAM,
                    persist_state="session")

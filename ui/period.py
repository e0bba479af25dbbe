"""Which programme period the map page shows, kept in the page URL so a link opens that period.

The sidebar's radio (key PARAM) decides once touched; before that the URL's
?period= does; without either, geo.programme.default_period. Every run writes
the period back to the URL, so the address bar can be copied as it is.
"""

from __future__ import annotations

import streamlit as st

import texts
from geo.programme import default_period
from geo.store import Store
from geo.vocabulary import PERIODS

PARAM = "period"


def current(store: Store) -> str:
    """The period of this run: the sidebar's choice, the URL's, or the default."""
    for chosen in (st.session_state.get(PARAM), st.query_params.get(PARAM)):
        if chosen in PERIODS:
            return chosen
    return default_period(store)


def keep_in_url(period: str) -> None:
    if st.query_params.get(PARAM) != period:
        st.query_params[PARAM] = period


def radio(period: str) -> str:
    """The period switch, at the top of the sidebar."""
    keys = list(PERIODS)
    return st.radio(texts.PERIOD_LABEL, keys, index=keys.index(period), format_func=texts.PERIOD_NAMES.get,
                    key=PARAM)

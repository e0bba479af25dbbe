"""The map page's first paint: the map before any other widget, then the rest.

On a first visit the browser fetches scripts for every widget type and for the
table; drawn first, the map waits for none of them (benchmarks/map_speed.py:
about 0.5 s sooner). How it works, in one place:

1. `choices(data, store)`: on the page's first run in a session, the sidebar
   shows only its heading and the map is drawn from the view the link opens
   (`sidebar.follow_link`, which also sets the widgets to it), so the map of the
   first run is the map of the second and is not redrawn.
2. The map's own script reports once it is drawn (layers/web/templates/drawn.js,
   `MAP_DRAWN` in layers/web/basemap.py); that report reruns the page, and the
   second run sends the sidebar, the table and the rest.
3. `finish_first_run()`: the first run stops under the map, after arming a
   fallback rerun FALLBACK_RERUN_S later in case the report never comes (a
   full rerun, the report's, cancels it in the browser).
"""

from __future__ import annotations

import streamlit as st

import texts
from geo.store import Store
from layers.page import Choices
from layers.prepared import MapData
from ui import sidebar

FALLBACK_RERUN_S = 5.0
_SEEN = "_map_page_seen"
_ARMED = "_fallback_armed"


def is_first_run() -> bool:
    """True while the page's first run in this session has not finished."""
    return not st.session_state.get(_SEEN, False)


def choices(data: MapData, store: Store) -> Choices:
    """The sidebar's choices; on the first run, the view the link opens and only the sidebar's heading."""
    opening = sidebar.follow_link(data, store)
    if is_first_run():
        sidebar.placeholder()
        return opening
    return sidebar.sidebar(data, store)


def finish_first_run() -> None:
    """Under the map of the first run: say what is coming, arm the fallback, and stop the run."""
    if not is_first_run():
        return
    st.session_state[_SEEN] = True
    st.caption(texts.BELOW_MAP_LOADING)
    st.session_state[_ARMED] = False

    @st.fragment(run_every=FALLBACK_RERUN_S)
    def fallback():
        if st.session_state[_ARMED]:
            st.rerun(scope="app")
        st.session_state[_ARMED] = True

    fallback()
    st.stop()

"""The map on the page: st_folium, with each rendering kept for reuse.

st_folium renders the whole folium map on every call: 0.1-0.3 s for our 360 KB
of layers, spent before the map can leave the server. Visitors keep asking for
the same few maps (the opening view above all), so what st_folium would send
for a map is captured once (`component_args`) and sent again as it is (`show`).

Private API, in this module only: streamlit-folium 0.27.4's `_component_func`
(contract test: tests/test_private_apis.py; the supported way measured against
this one: benchmarks/map_component.py). What is kept is plain data: st_folium's
`on_change` closure, which only copies the browser's report to
`st.session_state["map"]` (we never read it), is left out, so nothing of the
session that made a map is kept for another (tests/test_app.py, two sessions).
"""

from __future__ import annotations

import threading
from unittest import mock

import folium
import streamlit_folium
from streamlit_folium import st_folium

MAP_KEY = "map"
RETURNED = ["last_active_drawing"]  # a click reruns the page; panning and zooming do not

# st_folium is captured by swapping streamlit_folium's component function for a
# moment; the lock keeps another session's `show` from meeting the stand-in.
_LOCK = threading.Lock()


def component_args(fmap: folium.Map, selection: folium.FeatureGroup, *, center: tuple[float, float],
                   zoom: float, height: int) -> dict:
    """The keyword arguments st_folium hands its Streamlit component for this map, less its on_change."""
    captured: dict = {}
    with _LOCK, mock.patch.object(streamlit_folium, "_component_func", lambda **kwargs: captured.update(kwargs)):
        # render=False: st_folium renders the map itself once more; the full-page render it skips is unused.
        st_folium(fmap, key=MAP_KEY, height=height, use_container_width=True, render=False,
                  returned_objects=RETURNED, center=center, zoom=zoom, feature_group_to_add=selection)
    del captured["on_change"]
    return captured


def show(args: dict) -> dict | None:
    """Put the map on the page; returns what the browser last reported (a click), as st_folium does."""
    with _LOCK:
        return streamlit_folium._component_func(**args)

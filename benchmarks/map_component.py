"""Issue 11, point 2: the map component's server work per rerun, today's way against the supported ones.

Three ways to hand the map to streamlit-folium, timed on the real boundaries:

- today: what st_folium would send is captured once per view and filter
  (ui/map_component.py, streamlit-folium's private `_component_func`) and sent
  again as it is; a rerun costs a cache lookup;
- supported: the folium map is cached and `st_folium(map, render=False)` is
  called on every rerun, as streamlit-folium's docs suggest; with our elements
  (layers/web/rendered_once.py);
- plain: the same, with branca's own render for every element (what dropping
  RenderedOnce would give).

Also the cost of a cache miss (building and rendering a map for a new view or
filter: a first visit and every filter change pay it) with RenderedOnce and
with branca's render, and what finding the map's bounds costs (folium walks
every coordinate; an override that skipped it was dropped: see the README).
The component call itself (sending the arguments) is the same in all three, so
it is stubbed here; everything st_folium does before it is timed.

Run from the project folder: .venv/bin/python -m benchmarks.map_component
"""

from __future__ import annotations

import json
import os
import statistics
import time
from contextlib import contextmanager
from unittest import mock

import streamlit_folium
from branca.element import MacroElement
from streamlit_folium import st_folium

from layers.prepared import prepare
from layers.view import district_view
from layers.web import basemap, rendered_once
from layers.web.selection import selection_layer
from layers.web.viewport import MAP_HEIGHT_PX, view_of
from tests.conftest import SHARED
from ui.map_component import MAP_KEY, RETURNED

RUNS = 7


@contextmanager
def branca_render():
    """branca's own render for our elements instead of RenderedOnce's (for the comparison only)."""
    with mock.patch.object(rendered_once.RenderedOnce, "render", MacroElement.render):
        yield


@contextmanager
def stubbed_component():
    """streamlit-folium's component function replaced by a recorder (there is no browser here)."""
    sent: list[dict] = []
    with mock.patch.object(streamlit_folium, "_component_func", lambda **kwargs: sent.append(kwargs)):
        yield sent


def call_st_folium(fmap, selection, centre, zoom, *, render: bool) -> None:
    st_folium(fmap, key=MAP_KEY, height=MAP_HEIGHT_PX, use_container_width=True, render=render,
              returned_objects=RETURNED, center=centre, zoom=zoom, feature_group_to_add=selection)


def timed(function, runs: int = RUNS) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    os.environ["LANGSON_GEODATA_DIR"] = str(SHARED)
    data = prepare()
    view = district_view(data.communes, data.colours)
    codes = data.communes.loc[data.communes["district"] == "Huyện Cao Lộc", "gso_code"].tolist()
    centre, zoom = view_of(data, codes)

    def new_map():
        return basemap.build_base_map(data.layers, view)

    def selection():
        return selection_layer(codes, len(data.communes))

    results: dict = {}
    with stubbed_component() as sent:
        # A cache miss: build the map and render it once (today: the capture; supported: the first call).
        results["miss_ours_s"] = timed(lambda: call_st_folium(new_map(), selection(), centre, zoom, render=True))
        with branca_render():
            results["miss_plain_s"] = timed(lambda: call_st_folium(new_map(), selection(), centre, zoom,
                                                                   render=True))
        # A hit. Today: the captured arguments, looked up and sent again.
        captured = {("view", "filter"): dict(sent[-1])}
        results["hit_today_s"] = timed(lambda: captured[("view", "filter")])
        # What folium's GeoJson costs to find the map's bounds (we dropped an override that skipped it).
        results["get_bounds_s"] = timed(new_map().get_bounds)
        # Supported: the cached map, handed to st_folium with render=False on every rerun.
        cached = new_map()
        call_st_folium(cached, selection(), centre, zoom, render=True)
        results["hit_supported_ours_s"] = timed(lambda: call_st_folium(cached, selection(), centre, zoom,
                                                                       render=False))
        with branca_render():
            cached_plain = new_map()
            call_st_folium(cached_plain, selection(), centre, zoom, render=True)
            results["hit_supported_plain_s"] = timed(lambda: call_st_folium(cached_plain, selection(), centre,
                                                                            zoom, render=False))
    summary = {name: [round(t, 6) for t in times] for name, times in results.items()}
    summary.update({name.removesuffix("_s") + "_median_s": round(statistics.median(times), 6)
                    for name, times in results.items()})
    summary["load_average"] = os.getloadavg()
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()

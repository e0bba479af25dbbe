"""The compare page's two maps as ONE HTML page: each period's map as the web map draws it (basemap), side by
side under its title, moving together.

Both folium maps go into one branca Figure, the way folium's own DualMap does it, but synchronised by our
own script (templates/compare_sync.js) instead of a plugin from a CDN; Leaflet is the local copy. The page
is shown in the app as it is and, with its assets inlined (layers/export/offline_html.inline_assets), is
the export: one file that works offline with both maps.
"""

from __future__ import annotations

from dataclasses import dataclass

from branca.element import Figure

from layers.view import MapView
from layers.web.basemap import build_base_map
from layers.web.elements import Script
from layers.web.geojson import WebLayers
from layers.web.webtext import web_text


@dataclass(frozen=True)
class Side:
    """One of the two maps: a period's web layers coloured by its view, and the title over it."""

    layers: WebLayers
    view: MapView
    heading: str  # the period, e.g. "2021-2025 · 200 xã, 11 huyện"
    basis: str = ""  # its legal basis, under the view's title
    sources: str = ""  # "Nguồn: ...", in small print under the map
    notes: tuple[str, ...] = ()  # what the reader must not miss, e.g. that the period has no data


def compare_figure(left: Side, right: Side, *, title: str) -> Figure:
    """The page: two titles, two maps (`left` first) with their sources under them, the layout and the
    synchronisation."""
    figure = Figure(title=web_text(title))
    maps = [build_base_map(side.layers, side.view) for side in (left, right)]
    for fmap in maps:
        figure.add_child(fmap)
    names = dict(left=maps[0].get_name(), right=maps[1].get_name())
    figure.add_child(Script("compare_layout.html", **names, titles=[_title(side) for side in (left, right)]))
    west, south, east, north = left.layers.bounds
    figure.add_child(Script("compare_sync.js", **names, bounds=[[south, west], [north, east]]))
    return figure


def compare_page(left: Side, right: Side, *, title: str) -> str:
    """The page's HTML, its assets at the app's static URLs (inline them for a file)."""
    return compare_figure(left, right, title=title).render()


def _title(side: Side) -> dict:
    """The title's texts, escaped: a source line may name a file."""
    return {"heading": web_text(side.heading), "view": web_text(side.view.title), "basis": web_text(side.basis),
            "sources": web_text(side.sources), "notes": [web_text(note) for note in side.notes]}

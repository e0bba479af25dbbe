"""The base map: the part of the web map that does not change with the filters.

Communes coloured as a MapView says, outlines, border, labels and legend; built
so that streamlit-folium does not redraw it when only the filters change (what
does change is layers/web/selection.py). Its scripts are in templates/.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import folium

import texts
from layers import style
from layers.view import MapView, top_label
from layers.web.elements import Script, template_text, use_local_assets
from layers.web.geojson import WebLayers
from layers.web.units import geometry_layers
from layers.web.viewport import view_for_bounds
from layers.web.webtext import web_text

if TYPE_CHECKING:
    from layers.prepared import MapData

COMMUNE_LABEL_MIN_ZOOM = 11
MAX_ZOOM = 16
ZOOM_OUT_STEPS = 2  # beyond the zoom that shows the whole data set
LABEL_PAD_PX = 2  # air kept round every name and village badge (templates/labels.js)
OSM_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = "© OpenStreetMap"
FULLSCREEN_ICON = template_text("fullscreen_icon.svg").strip()
POPUP_MARGIN_PX = 10  # a popup keeps this far from the map's edges and the legend
MAP_DRAWN = "map_drawn"  # what the map's script (templates/drawn.js) reports once it is drawn


def legend_html(title: str, sections: list[list[style.LegendEntry]]) -> str:
    """Legend markup; every label is escaped because it may come from a file."""
    parts = [f'<div class="legend-title">{web_text(title)}</div>']
    for entries in sections:
        parts.append('<div class="legend-section">')
        for entry in entries:
            if entry.hatched:
                symbol = '<i class="legend-box hatched"></i>'
            elif entry.fill:
                symbol = f'<i class="legend-box" style="background:{entry.fill}"></i>'
            else:
                dash = " dashed" if entry.dashed else ""
                symbol = (f'<i class="legend-line{dash}" '
                          f'style="border-color:{entry.line};border-top-width:{entry.weight}px"></i>')
            parts.append(f'<div class="legend-row">{symbol}{web_text(entry.label)}</div>')
        parts.append("</div>")
    return "".join(parts)


def base_map(data: MapData, view: MapView, *, osm: bool, large_labels: bool, villages: bool = False,
             top_n: int = 0, inline: bool = False) -> folium.Map:
    """The map that stays mounted while only the filters change (the legend is part of it); `inline`: with
    the geometry in the page (a downloaded file), not fetched from the app's static file."""
    extra = (style.LegendEntry(texts.LEGEND_VILLAGES, fill=style.VILLAGE_COLOUR),) if villages else ()
    if top_n:
        extra += (style.LegendEntry(top_label(top_n, view.top_n), line=style.TOP_EDGE, weight=4),)
    return build_base_map(data.layers, view, osm=osm, large_labels=large_labels, extra_legend=extra,
                          units_url=None if inline else data.layers.units_url)


def build_base_map(layers: WebLayers, view: MapView, *, osm: bool = False, large_labels: bool = False,
                   extra_legend: tuple[style.LegendEntry, ...] = (), units_url: str | None = None) -> folium.Map:
    """The province map: communes coloured as `view` says, outlines, border, labels, legend. The communes'
    geometry is fetched from `units_url` (the app's static file) when given, else written in the page (a
    map that must work on its own: a downloaded file, the comparison page)."""
    # Open at the view st_folium will ask for when nothing is filtered, so the
    # first draw is the last: no zoom animation, no markers regrouping after it.
    centre, zoom = view_for_bounds(layers.bounds)
    min_zoom = min_zoom_for(zoom)
    fmap = folium.Map(location=list(centre), zoom_start=zoom, tiles=None,
                      control_scale=False, min_zoom=min_zoom, max_zoom=MAX_ZOOM, zoom_snap=0.25, zoom_delta=0.5)
    # folium hands min/max zoom to tile layers only; the map itself needs them
    # (the cluster plugin refuses a map without maxZoom).
    fmap.options.update({"minZoom": min_zoom, "maxZoom": MAX_ZOOM})
    use_local_assets(fmap)
    if osm:
        folium.TileLayer(OSM_URL, attr=OSM_ATTRIBUTION, name="OpenStreetMap", max_zoom=19).add_to(fmap)
    if large_labels:
        # Part of the map script (streamlit-folium runs it; a <script> in the page HTML it would not).
        fmap.add_child(Script("large_labels.js"))

    fmap.add_child(geometry_layers(layers, view.fills, view.details, url=units_url))
    if view.details:
        fmap.add_child(Script("popup_clear.js", margin=POPUP_MARGIN_PX))
    if layers.has_zones:
        fmap.add_child(Script("hatch.js"))

    # The names come with the shapes (templates/map_geometry.js). Without districts (2026-2030) the units are
    # named at every zoom: the placement drops what does not fit.
    fmap.add_child(Script("labels.js", min_zoom=COMMUNE_LABEL_MIN_ZOOM if layers.has_districts else 0,
                          pad=LABEL_PAD_PX))
    fmap.add_child(Script("fullscreen.js", enter=texts.FULLSCREEN, leave=texts.FULLSCREEN_EXIT,
                          icon=FULLSCREEN_ICON))
    outlines = style.outline_legend(districts=layers.has_districts, zones=layers.has_zones)
    sections = [list(view.legend), outlines] + ([list(extra_legend)] if extra_legend else [])
    fmap.add_child(Script("box.js", position="topright", class_name="map-legend",
                          html=legend_html(view.legend_title, sections)))
    if view.illustrative:
        fmap.add_child(Script("box.js", position="bottomleft", class_name="illustrative-banner",
                              html=web_text(texts.ILLUSTRATIVE_NOTE)))
    fmap.add_child(Script("drawn.js", flag=MAP_DRAWN))
    return fmap


def min_zoom_for(whole_extent_zoom: float) -> int:
    """How far out the map may zoom: two steps beyond the zoom that shows the whole data set (7 for one
    province, 3 for the whole country), so it follows the extent instead of a province's constant."""
    return max(1, math.floor(whole_extent_zoom) - ZOOM_OUT_STEPS)

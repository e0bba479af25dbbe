"""The web map: a folium map of the province drawn from our own layers only.

`build_base_map` makes the part that does not change with the filters (so
streamlit-folium does not redraw it), `selection_layer` the part that does
(dimming what is outside the filter and outlining what is inside).
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass

import folium
import geopandas as gpd
from branca.element import Element, MacroElement
from jinja2 import Template

import texts
from geo.webgeom import label_points
from layers import assets, style
from layers.view import MapView
from layers.webtext import web_text

MAP_HEIGHT_PX = 720
COMMUNE_LABEL_MIN_ZOOM = 11
OSM_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = "© OpenStreetMap"

TOOLTIP_FIELDS = {
    "commune": texts.TOOLTIP_COMMUNE,
    "commune_type": texts.TOOLTIP_TYPE,
    "district": texts.TOOLTIP_DISTRICT,
    "gso_code": texts.TOOLTIP_CODE,
    "border_label": texts.TOOLTIP_BORDER,
    "new_commune_2025": texts.TOOLTIP_NEW_COMMUNE,
}
BORDER_LABELS = {
    "both": texts.BORDER_BOTH,
    "sourced_only": texts.BORDER_SOURCED_ONLY,
    "computed_only": texts.BORDER_COMPUTED_ONLY,
    "none": texts.BORDER_NO,
}


def feature_collection(frame: gpd.GeoDataFrame, columns: list[str]) -> dict:
    """GeoJSON with only `columns`, every text value HTML-escaped.

    Leaflet tooltips insert property values as HTML, so escaping here is what
    keeps a name from an uploaded file from becoming markup.
    """
    subset = frame[columns + ["geometry"]].copy()
    for column in columns:
        if subset[column].dtype == object or str(subset[column].dtype) in ("str", "string"):
            subset[column] = subset[column].map(web_text)
    return json.loads(subset.to_json(drop_id=True))


@functools.lru_cache(maxsize=None)
def compiled(template: str) -> Template:
    """Compile each template string once: compiling on every rerun cost ~0.1 s."""
    return Template(template)


class RenderedOnce(MacroElement):
    """A MacroElement whose rendered header, html and script are kept as text.

    branca's own render hands each rendered part to a new Element, which
    compiles it as a Jinja template once more: for our 260 KB of GeoJSON that
    doubled the time st_folium takes, on every filter change.
    """

    def render(self, **kwargs):
        figure = self.get_root()
        for part in ("header", "html", "script"):
            macro = self._template.module.__dict__.get(part)
            if macro is not None:
                getattr(figure, part).add_child(_Text(macro(self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


class _Text(Element):
    """Text already rendered, given back as it is."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class _Template(RenderedOnce):
    """A MacroElement whose script is a Jinja template string."""

    def __init__(self, template: str, **values):
        super().__init__()
        self._template = compiled(template)
        for key, value in values.items():
            setattr(self, key, value)


_LABELS_JS = """
{% macro script(this, kwargs) %}
(function() {
    var map = {{ this._parent.get_name() }};
    function makeLayer(rows, cls) {
        var group = L.layerGroup();
        rows.forEach(function(r) {
            L.marker([r[0], r[1]], {interactive: false, keyboard: false,
                icon: L.divIcon({className: cls, html: '<span>' + r[2] + '</span>', iconSize: null})
            }).addTo(group);
        });
        return group;
    }
    var communes = makeLayer({{ this.communes|tojson }}, 'map-label commune-label');
    var districts = makeLayer({{ this.districts|tojson }}, 'map-label district-label');
    function update() {
        var z = map.getZoom();
        if (z >= {{ this.min_zoom }}) { map.addLayer(communes); map.removeLayer(districts); }
        else { map.removeLayer(communes); map.addLayer(districts); }
    }
    map.on('zoomend', update);
    update();
})();
{% endmacro %}
"""

_FULLSCREEN_JS = """
{% macro script(this, kwargs) %}
(function() {
    var map = {{ this._parent.get_name() }};
    var control = L.control({position: 'topleft'});
    control.onAdd = function() {
        var box = L.DomUtil.create('div', 'leaflet-bar fullscreen-control');
        var a = L.DomUtil.create('a', '', box);
        a.href = '#'; a.innerHTML = {{ this.icon|tojson }}; a.title = {{ this.enter|tojson }};
        a.setAttribute('role', 'button');
        L.DomEvent.on(a, 'click', function(e) {
            L.DomEvent.preventDefault(e);
            var el = map.getContainer();
            if (document.fullscreenElement) { document.exitFullscreen(); }
            else if (el.requestFullscreen) { el.requestFullscreen(); }
        });
        document.addEventListener('fullscreenchange', function() {
            a.title = document.fullscreenElement ? {{ this.leave|tojson }} : {{ this.enter|tojson }};
            setTimeout(function() { map.invalidateSize(); }, 200);
        });
        return box;
    };
    control.addTo(map);
    L.control.scale({imperial: false, maxWidth: 200}).addTo(map);
})();
{% endmacro %}
"""

_LARGE_LABELS_JS = """
{% macro script(this, kwargs) %}
document.body.classList.add('large-labels');
{% endmacro %}
"""

_FULLSCREEN_ICON = (
    '<svg width="16" height="16" viewBox="0 0 16 16" style="vertical-align:middle" aria-hidden="true">'
    '<path d="M1 6V1h5M10 1h5v5M15 10v5h-5M6 15H1v-5" fill="none" stroke="#333" stroke-width="2"/></svg>'
)

_BOX_JS = """
{% macro script(this, kwargs) %}
(function() {
    var box = L.control({position: {{ this.position|tojson }}});
    box.onAdd = function() {
        var div = L.DomUtil.create('div', {{ this.class_name|tojson }});
        div.innerHTML = {{ this.html|tojson }};
        L.DomEvent.disableScrollPropagation(div);
        return div;
    };
    box.addTo({{ this._parent.get_name() }});
})();
{% endmacro %}
"""


_DRAWN_JS = """
{% macro script(this, kwargs) %}
(function() {
    // Once per page load, tell the page the map is drawn: the page then
    // sends what lies below the map, which would otherwise slow the map down.
    try {
        if (!window.Streamlit || window.top.__langsonMapDrawn) { return; }
        window.top.__langsonMapDrawn = true;
    } catch (e) { return; }
    requestAnimationFrame(function() { window.Streamlit.setComponentValue({ {{ this.flag|tojson }}: true }); });
})();
{% endmacro %}
"""
MAP_DRAWN = "map_drawn"


def legend_html(title: str, sections: list[list[style.LegendEntry]]) -> str:
    """Legend markup; every label is escaped because it may come from a file."""
    parts = [f'<div class="legend-title">{web_text(title)}</div>']
    for entries in sections:
        parts.append('<div class="legend-section">')
        for entry in entries:
            if entry.fill:
                symbol = f'<i class="legend-box" style="background:{entry.fill}"></i>'
            else:
                dash = " dashed" if entry.dashed else ""
                symbol = (f'<i class="legend-line{dash}" '
                          f'style="border-color:{entry.line};border-top-width:{entry.weight}px"></i>')
            parts.append(f'<div class="legend-row">{symbol}{web_text(entry.label)}</div>')
        parts.append("</div>")
    return "".join(parts)


def _use_local_assets(element) -> None:
    element.default_js = assets.local_js()
    element.default_css = assets.local_css()


class _GeoJson(folium.GeoJson, RenderedOnce):
    """folium.GeoJson whose bounds are given, not found by walking every coordinate in Python.

    streamlit-folium asks the map for its bounds on every rerun; for the commune
    layer that walk cost ~0.1 s. The bounds come from the data set, computed once.
    """

    def __init__(self, data, bounds: tuple[float, float, float, float], **kwargs):
        super().__init__(data, **kwargs)
        west, south, east, north = bounds
        self._known_bounds = [[south, west], [north, east]]

    def _get_self_bounds(self):
        return self._known_bounds


@dataclass(frozen=True)
class WebLayers:
    """The serialised layers of one data set, computed once and reused on every rerun."""

    communes: dict
    districts: dict
    province: dict
    border: dict
    commune_labels: list
    district_labels: list
    bounds: tuple


def web_layers(communes: gpd.GeoDataFrame, districts: gpd.GeoDataFrame, province: gpd.GeoDataFrame,
               border_line: gpd.GeoDataFrame) -> WebLayers:
    """Inputs simplified for the web; colours are not baked in (they come from a MapView)."""
    commune_data = communes.assign(border_label=communes["border_status"].map(BORDER_LABELS))
    return WebLayers(
        communes=feature_collection(commune_data, list(TOOLTIP_FIELDS)),
        districts=feature_collection(districts, ["district"]),
        province=feature_collection(province, ["province"]),
        border=feature_collection(border_line, ["name"]),
        commune_labels=_label_rows(communes, "commune_name"),
        district_labels=_district_label_rows(communes),
        bounds=tuple(province.total_bounds),
    )


def build_base_map(layers: WebLayers, view: MapView, *, osm: bool = False, large_labels: bool = False,
                   extra_legend: tuple[style.LegendEntry, ...] = ()) -> folium.Map:
    """The province map: communes coloured as `view` says, outlines, border, labels, legend."""
    # Open at the view st_folium will ask for when nothing is filtered, so the
    # first draw is the last: no zoom animation, no markers regrouping after it.
    centre, zoom = view_for_bounds(layers.bounds)
    fmap = folium.Map(location=list(centre), zoom_start=zoom, tiles=None,
                      control_scale=False, min_zoom=7, max_zoom=16, zoom_snap=0.25, zoom_delta=0.5)
    # folium hands min/max zoom to tile layers only; the map itself needs them
    # (the cluster plugin refuses a map without maxZoom).
    fmap.options.update({"minZoom": 7, "maxZoom": 16})
    _use_local_assets(fmap)
    if osm:
        folium.TileLayer(OSM_URL, attr=OSM_ATTRIBUTION, name="OpenStreetMap", max_zoom=19).add_to(fmap)
    if large_labels:
        # Part of the map script (streamlit-folium runs it; a <script> in the page HTML it would not).
        fmap.add_child(_Template(_LARGE_LABELS_JS))

    commune_data, fields = _with_details(layers.communes, view.details)
    _GeoJson(
        commune_data, layers.bounds,
        name=texts.LAYER_COMMUNES,
        style_function=lambda f: {**style.COMMUNE_STYLE, "className": "commune",
                                  "fillColor": view.fills.get(f["properties"]["gso_code"], style.NO_DATA)},
        highlight_function=lambda f: {"weight": 3, "color": style.SELECTION_EDGE},
        tooltip=folium.GeoJsonTooltip(fields=list(fields), aliases=list(fields.values()),
                                      sticky=True, class_name="commune-tooltip"),
        popup=folium.GeoJsonPopup(fields=list(fields), aliases=list(fields.values()), class_name="commune-popup")
        if view.details else None,
    ).add_to(fmap)
    _GeoJson(layers.districts, layers.bounds, name=texts.LAYER_DISTRICTS,
                   style_function=lambda f: {**style.DISTRICT_STYLE, "className": "district-outline"},
                   interactive=False).add_to(fmap)
    _GeoJson(layers.province, layers.bounds, name=texts.LAYER_PROVINCE,
                   style_function=lambda f: {**style.PROVINCE_STYLE, "className": "province-outline"},
                   interactive=False).add_to(fmap)
    _GeoJson(layers.border, layers.bounds, name=texts.LAYER_BORDER,
                   style_function=lambda f: {**style.BORDER_STYLE, "className": "border-line"},
                   interactive=False).add_to(fmap)

    fmap.add_child(_Template(_LABELS_JS, communes=layers.commune_labels, districts=layers.district_labels,
                             min_zoom=COMMUNE_LABEL_MIN_ZOOM))
    fmap.add_child(_Template(_FULLSCREEN_JS, enter=texts.FULLSCREEN, leave=texts.FULLSCREEN_EXIT,
                             icon=_FULLSCREEN_ICON))
    sections = [list(view.legend), style.outline_legend()] + ([list(extra_legend)] if extra_legend else [])
    fmap.add_child(_Template(_BOX_JS, position="topright", class_name="map-legend",
                             html=legend_html(view.legend_title, sections)))
    if view.illustrative:
        fmap.add_child(_Template(_BOX_JS, position="bottomleft", class_name="illustrative-banner",
                                 html=web_text(texts.ILLUSTRATIVE_NOTE)))
    fmap.add_child(_Template(_DRAWN_JS, flag=MAP_DRAWN))
    return fmap


def _with_details(collection: dict, details: dict[str, dict[str, str]]) -> tuple[dict, dict[str, str]]:
    """The commune GeoJSON with a view's extra tooltip lines merged in (escaped), and the fields."""
    fields = dict(TOOLTIP_FIELDS)
    if not details:
        return collection, fields
    labels = list(dict.fromkeys(label for lines in details.values() for label in lines))
    extra = {f"detail_{i}": label for i, label in enumerate(labels)}
    features = []
    for feature in collection["features"]:
        lines = details.get(feature["properties"]["gso_code"], {})
        props = dict(feature["properties"])
        props.update({key: web_text(lines.get(label, "–")) for key, label in extra.items()})
        features.append({**feature, "properties": props})
    fields.update(extra)
    return {**collection, "features": features}, fields


def _label_rows(frame: gpd.GeoDataFrame, column: str) -> list[list]:
    points = label_points(frame)
    return [[round(p.y, 4), round(p.x, 4), web_text(name)] for p, name in zip(points, frame[column])]


def _district_label_rows(communes: gpd.GeoDataFrame) -> list[list]:
    dissolved = communes.dissolve("district")
    points = label_points(dissolved)
    return [[round(p.y, 4), round(p.x, 4), web_text(style.short_district_name(d))]
            for d, p in zip(dissolved.index, points)]


def selection_layer(communes: gpd.GeoDataFrame, selected: list[str], province: gpd.GeoDataFrame,
                    highlighted: tuple[str, ...] = ()) -> folium.FeatureGroup:
    """What changes with the filters: a veil over the rest, an outline round the selection,
    and a bold outline round the `highlighted` communes (the priority view's top N)."""
    group = folium.FeatureGroup(name=texts.LAYER_SELECTION)
    chosen = communes[communes["gso_code"].isin(selected)]
    if not chosen.empty and len(chosen) < len(communes):
        veil = province.geometry.union_all().difference(chosen.geometry.union_all())
        veil_frame = gpd.GeoDataFrame({"kind": ["dim"]}, geometry=[veil], crs=communes.crs)
        folium.GeoJson(feature_collection(veil_frame, ["kind"]),
                       style_function=lambda f: {**style.DIM_STYLE, "className": "dim-veil"},
                       interactive=False).add_to(group)
        folium.GeoJson(feature_collection(chosen, ["gso_code"]),
                       style_function=lambda f: {**style.SELECTION_STYLE, "className": "commune-selected"},
                       interactive=False).add_to(group)
    top = communes[communes["gso_code"].isin(highlighted)]
    if not top.empty:
        folium.GeoJson(feature_collection(top, ["gso_code"]),
                       style_function=lambda f: {**style.TOP_STYLE, "className": "commune-top"},
                       interactive=False).add_to(group)
    return group


def view_for_bounds(bounds, width_px: int = 1000, height_px: int = MAP_HEIGHT_PX,
                    max_zoom: float = 13.0) -> tuple[tuple[float, float], float]:
    """Centre and the largest quarter-step zoom at which `bounds` fits a map of this size.

    st_folium can move the map to a centre and zoom without redrawing it, but
    has no fit-to-bounds, so the Web Mercator arithmetic is done here.
    """
    west, south, east, north = bounds
    centre = ((south + north) / 2, (west + east) / 2)

    def mercator_y(lat: float) -> float:
        s = math.sin(math.radians(lat))
        return math.log((1 + s) / (1 - s)) / 2

    world_x = max(east - west, 1e-6) / 360.0
    world_y = max(mercator_y(north) - mercator_y(south), 1e-9) / (2 * math.pi)
    padding = 0.9
    zoom = min(math.log2(width_px * padding / 256 / world_x), math.log2(height_px * padding / 256 / world_y))
    return centre, min(max_zoom, math.floor(zoom * 4) / 4)

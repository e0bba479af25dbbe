"""The extremely disadvantaged villages on the web map.

With real coordinates: one point per village, clustered when zoomed out. Without:
a badge on each commune with its number of such villages and their names in a
popup. A position is never invented: villages without coordinates are counted
on their commune's badge even when others have points.
"""

from __future__ import annotations

import pandas as pd
from folium.elements import JSCSSMixin

import texts
from layers import assets
from layers.webmap import RenderedOnce, compiled
from layers.webtext import web_text

_VILLAGES_JS = """
{% macro script(this, kwargs) %}
(function() {
    var map = {{ this._parent.get_name() }};
    var group = L.layerGroup();
    {% if this.points %}
    var cluster = L.markerClusterGroup({
        showCoverageOnHover: false, maxClusterRadius: 50, disableClusteringAtZoom: 13,
        iconCreateFunction: function(c) {
            return L.divIcon({className: 'village-badge', iconSize: null,
                              html: '<span>' + c.getChildCount() + '</span>'});
        }
    });
    {{ this.points|tojson }}.forEach(function(r) {
        var m = L.marker([r[0], r[1]], {icon: L.divIcon({className: 'village-point', iconSize: [10, 10]}),
                                        title: r[2]});
        m.bindPopup('<b>' + r[2] + '</b><br>' + r[3]);
        cluster.addLayer(m);
    });
    group.addLayer(cluster);
    {% endif %}
    {{ this.badges|tojson }}.forEach(function(r) {
        var m = L.marker([r[0], r[1]], {icon: L.divIcon({className: 'village-badge',
                                        html: '<span>' + r[2] + '</span>', iconSize: null})});
        m.bindPopup(r[3], {maxHeight: 260});
        group.addLayer(m);
    });
    group.addTo(map);
})();
{% endmacro %}
"""


class VillageLayer(JSCSSMixin, RenderedOnce):
    """Village points (clustered) and/or per-commune badges, from compact rows."""

    def __init__(self, points: list, badges: list):
        super().__init__()
        self._template = compiled(_VILLAGES_JS)
        self.points = points
        self.badges = badges
        self.default_js = assets.cluster_js() if points else []
        self.default_css = assets.cluster_css() if points else []


def village_rows(villages: pd.DataFrame, communes: pd.DataFrame, label_points: pd.Series) -> tuple[list, list]:
    """(points, badges): points for villages with coordinates, badges for the rest per commune.

    `label_points` is indexed by GSO code; every name is escaped here (web_text).
    """
    names = communes.set_index("gso_code")["commune"]
    has_xy = villages[["lon", "lat"]].notna().all(axis=1) if {"lon", "lat"} <= set(villages.columns) \
        else pd.Series(False, index=villages.index)
    points = [[round(float(r.lat), 5), round(float(r.lon), 5), web_text(r.village),
               web_text(names.get(r.gso_code, ""))]
              for r in villages[has_xy].itertuples()]
    badges = []
    for code, group in villages[~has_xy].groupby("gso_code"):
        if code not in label_points.index:
            continue
        point = label_points[code]
        listing = "".join(f"<li>{web_text(v)}</li>" for v in group["village"])
        popup = (f"<b>{web_text(names.get(code, ''))}</b><br>"
                 f"{texts.VILLAGES_POPUP.format(count=len(group))}<ul>{listing}</ul>")
        badges.append([round(point.y, 5), round(point.x, 5), len(group), popup])
    return points, badges

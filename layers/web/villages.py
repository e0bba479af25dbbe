"""The extremely disadvantaged villages on the web map.

With real coordinates: one point per village, clustered when zoomed out. Without:
a badge on each commune with its number of such villages and their names in a
popup. A position is never invented: villages without coordinates are counted
on their commune's badge even when others have points. The script is
templates/villages.js; templates/labels.js lays the badges out with the names.
"""

from __future__ import annotations

import pandas as pd
from folium.elements import JSCSSMixin

import texts
from layers.web import assets
from layers.web.elements import compiled
from layers.web.rendered_once import RenderedOnce
from layers.web.webtext import web_text

POPUP_MAX_HEIGHT_PX = 260  # a longer village list scrolls, with a cue under it (static/map.css)


class VillageLayer(JSCSSMixin, RenderedOnce):
    """Village points (clustered) and/or per-commune badges, from compact rows."""

    def __init__(self, points: list, badges: list):
        super().__init__()
        self._template = compiled("villages.js")
        self.points = points
        self.badges = badges
        self.scroll_cue = web_text(texts.VILLAGES_SCROLL_CUE)
        self.max_height = POPUP_MAX_HEIGHT_PX
        self.default_js = assets.cluster_js() if points else []
        self.default_css = assets.cluster_css() if points else []


def village_rows(villages: pd.DataFrame, communes: pd.DataFrame, label_points: pd.Series) -> tuple[list, list]:
    """(points, badges): points for villages with coordinates, badges for the rest per commune.

    Rows: points [lat, lon, village, commune, code, village as plain text]; badges [lat, lon, count, popup,
    code], most villages first (the order in which the map keeps badges that would meet). `label_points` is
    indexed by GSO code; every name going into HTML is escaped here (web_text); the plain one is for the
    marker's hover title, which the browser shows as text (escaped, "&" would read "&amp;").
    """
    names = communes.set_index("gso_code")["commune"]
    has_xy = villages[["lon", "lat"]].notna().all(axis=1) if {"lon", "lat"} <= set(villages.columns) \
        else pd.Series(False, index=villages.index)
    points = [[round(float(r.lat), 5), round(float(r.lon), 5), web_text(r.village),
               web_text(names.get(r.gso_code, "")), str(r.gso_code), str(r.village)]
              for r in villages[has_xy].itertuples()]
    badges = []
    for code, group in villages[~has_xy].groupby("gso_code"):
        if code not in label_points.index:
            continue
        point = label_points[code]
        listing = "".join(f"<li>{web_text(v)}</li>" for v in group["village"])
        popup = (f"<b>{web_text(names.get(code, ''))}</b><br>"
                 f"{texts.VILLAGES_POPUP.format(count=len(group))}<ul>{listing}</ul>")
        badges.append([round(point.y, 5), round(point.x, 5), len(group), popup, str(code)])
    badges.sort(key=lambda row: -row[2])  # stable: communes with as many villages keep the list's order
    return points, badges

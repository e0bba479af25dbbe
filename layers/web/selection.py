"""What changes with the filters, drawn over the base map without redrawing it.

st_folium adds this group to the mounted map (`feature_group_to_add`), so a
filter change sends a few outlines, not the whole map. The group also tells the
map's labels which communes are chosen (templates/selection.js), so the names
and village badges of the others are washed out as the communes are.
"""

from __future__ import annotations

import folium
import geopandas as gpd

import texts
from layers import style
from layers.web.elements import Script
from layers.web.geojson import feature_collection


def selection_layer(communes: gpd.GeoDataFrame, selected: list[str], province: gpd.GeoDataFrame,
                    highlighted: tuple[str, ...] = ()) -> folium.FeatureGroup:
    """What changes with the filters: a veil over the rest, an outline round the selection,
    and a bold outline round the `highlighted` communes (the priority view's top N)."""
    group = folium.FeatureGroup(name=texts.LAYER_SELECTION)
    chosen = communes[communes["gso_code"].isin(selected)]
    veiled = not chosen.empty and len(chosen) < len(communes)
    if veiled:
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
    if veiled:  # the layer it replaces, if any, says "none chosen" as it is removed
        group.add_child(Script("selection.js", codes=chosen["gso_code"].astype(str).tolist()))
    return group

"""What changes with the filters: which units are chosen and which are ranked first, as codes only.

st_folium adds this group to the mounted map (`feature_group_to_add`); its script (templates/selection.js)
asks the base map to restyle what it already has (templates/map_geometry.js: the others washed out, the
chosen and the top-ranked outlined) and tells the labels which communes are chosen, so their names and
village badges are washed out as the communes are. A filter change sends a list of codes, not shapes.
"""

from __future__ import annotations

import folium

import texts
from layers.web.elements import Script


def selection_layer(selected: list[str], unit_count: int, highlighted: tuple[str, ...] = ()) -> folium.FeatureGroup:
    """The filter's choice among `unit_count` units: `selected` washed in, the rest out (nothing is washed out
    when the filter chooses all or none), and a bold outline round the `highlighted` units (the priority
    view's top N)."""
    group = folium.FeatureGroup(name=texts.LAYER_SELECTION)
    chosen = [str(code) for code in dict.fromkeys(selected)]
    veiled = 0 < len(chosen) < unit_count
    group.add_child(Script("selection.js", chosen=chosen if veiled else None, top=[str(c) for c in highlighted]))
    return group

"""Contract tests for the two private APIs the app keeps (issue 11), each written against the version
named in its module. If an upgrade changes what we rely on, these fail before the map does.

Why each is kept, with numbers: benchmarks/map_component.py and the README's developer section.
"""

from __future__ import annotations

import folium
import streamlit_folium
from branca.element import MacroElement
from jinja2 import Template

from layers.web.rendered_once import RenderedOnce
from ui import map_component

PARTS = Template(
    "{% macro header(this, kwargs) %}<style>.probe-{{ this.name }} {}</style>{% endmacro %}"
    "{% macro html(this, kwargs) %}<div id='probe-{{ this.name }}'></div>{% endmacro %}"
    "{% macro script(this, kwargs) %}var probe_{{ this.name }} = '{{ this.text }}';{% endmacro %}")


def rendered_page(base: type, text: str = "plain") -> str:
    """A map page holding a probe element with one child, each with the three parts branca renders."""
    class Probe(base):
        _template = PARTS

        def __init__(self, name: str):
            super().__init__()
            self._id = self.name = name
            self.text = text

    fmap = folium.Map(tiles=None)
    fmap._id = "fixed"
    probe = Probe("parent")
    probe.add_child(Probe("child"))
    fmap.add_child(probe)
    return fmap.get_root().render()


def test_rendered_once_places_every_part_where_branca_does():
    """layers/web/rendered_once.py, against branca 0.8.2: MacroElement.render adds the `header`, `html` and
    `script` macros' text to the figure's parts under the element's name, then renders `_children`."""
    ours, branca = rendered_page(RenderedOnce), rendered_page(MacroElement)
    assert "var probe_child = 'plain';" in ours and "<div id='probe-parent'></div>" in ours
    assert ours == branca


def test_rendered_once_does_not_compile_rendered_text_again():
    """The reason it exists: branca compiles rendered text as a template once more (slow, and a
    template in a name would run). Ours gives the text as it is."""
    assert "var probe_parent = '{{ 6 * 7 }}';" in rendered_page(RenderedOnce, "{{ 6 * 7 }}")
    assert "var probe_parent = '42';" in rendered_page(MacroElement, "{{ 6 * 7 }}")


def test_streamlit_folium_private_api_we_rely_on():
    """ui/map_component.py, against streamlit-folium 0.27.4: st_folium hands its component these keyword
    arguments through `streamlit_folium._component_func`. If an upgrade renames that function or its
    arguments, this fails before the map page does."""
    assert callable(streamlit_folium._component_func)
    args = map_component.component_args(folium.Map(), folium.FeatureGroup(), center=(21.8, 106.7), zoom=9,
                                        height=600)
    assert {"script", "html", "key", "height", "feature_group", "zoom", "center"} <= set(args)
    assert args["zoom"] == 9 and args["height"] == 600
    # Kept for every session, so only plain data: st_folium's on_change closure is left out.
    assert all(isinstance(value, (str, int, float, bool, tuple, list, dict, type(None))) for value in args.values())

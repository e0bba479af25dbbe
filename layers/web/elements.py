"""Our own folium elements: scripts read from templates/ and rendered once, GeoJSON with known bounds.

The scripts are Jinja templates holding one `script` macro each (the form
folium's MacroElement expects); they live as files beside this module so they
read as JavaScript, not as Python strings.
"""

from __future__ import annotations

import functools
from importlib import resources

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from layers.web import assets

TEMPLATES = resources.files("layers.web") / "templates"


def template_text(name: str) -> str:
    """The text of the file `name` under templates/."""
    return (TEMPLATES / name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=None)
def compiled(name: str) -> Template:
    """Compile each template once: compiling on every rerun cost ~0.1 s."""
    return Template(template_text(name))


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


class Script(RenderedOnce):
    """A MacroElement whose script is the template file `name`, with `values` as its attributes."""

    def __init__(self, name: str, **values):
        super().__init__()
        self._template = compiled(name)
        for key, value in values.items():
            setattr(self, key, value)


class BoundedGeoJson(folium.GeoJson, RenderedOnce):
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


def use_local_assets(element) -> None:
    """Leaflet and our stylesheet from the app's static files, never from a CDN."""
    element.default_js = assets.local_js()
    element.default_css = assets.local_css()

"""Our own folium elements: scripts read from templates/, rendered once.

The scripts are Jinja templates holding one `script` macro each (the form
folium's MacroElement expects); they live as files beside this module so they
read as JavaScript, not as Python strings.
"""

from __future__ import annotations

import functools
from importlib import resources

from jinja2 import Template

from layers.web import assets
from layers.web.rendered_once import RenderedOnce

TEMPLATES = resources.files("layers.web") / "templates"


def template_text(name: str) -> str:
    """The text of the file `name` under templates/."""
    return (TEMPLATES / name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=None)
def compiled(name: str) -> Template:
    """Compile each template once: compiling on every rerun cost ~0.1 s."""
    return Template(template_text(name))


class Script(RenderedOnce):
    """A MacroElement whose script is the template file `name`, with `values` as its attributes."""

    def __init__(self, name: str, **values):
        super().__init__()
        self._template = compiled(name)
        for key, value in values.items():
            setattr(self, key, value)


def use_local_assets(element) -> None:
    """Leaflet and our stylesheet from the app's static files, never from a CDN."""
    element.default_js = assets.local_js()
    element.default_css = assets.local_css()

"""Map elements whose rendered text is kept as it is, not compiled as a template once more.

branca's MacroElement.render hands each rendered part (header, html, script)
to a new Element, which compiles it as a Jinja template again before the page
is written. When the shapes were part of the map script (260 KB for Lạng Sơn,
before layers/web/geometry_file.py) that second compile was most of what a new
map cost: 0.15 s against 0.10 s (benchmarks/map_component.py); a downloaded map
still carries them. It also means a "{{ ... }}" in a name from a file would be
run as a template (layers/web/webtext.py guards that too).

Private API, in this module only: branca 0.8.2's MacroElement.render (its
parts are the template's `header`, `html` and `script` macros, each added to
the figure under the element's name) and `Element._children`. Contract test:
tests/test_private_apis.py.
"""

from __future__ import annotations

from branca.element import Element, MacroElement


class RenderedOnce(MacroElement):
    """A MacroElement whose rendered header, html and script go into the page as plain text."""

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

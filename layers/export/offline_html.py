"""The interactive map as one self-contained HTML file that opens without internet.

In the app, Leaflet and our stylesheet are served from /app/static/ (see
layers/web/assets.py). A downloaded file has no server behind it, so every such
<script src> and <link href> is replaced by the file's content, and images the
stylesheets point to become data: URIs. The files are read from the installed
xstatic packages, the same source assets.py copies from.
"""

from __future__ import annotations

import base64
import datetime
import html
import mimetypes
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import folium

import texts
from geo.vnformat import export_now, vietnam_clock
from layers.view import MapView
from layers.web import assets
from layers.web.elements import Script
from layers.web.webtext import web_text

_SCRIPT_SRC = re.compile(r"""<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*>\s*</script>""", re.IGNORECASE)
_LINK_HREF = re.compile(r"""<link\b[^>]*\bhref=["']([^"']+)["'][^>]*/?>""", re.IGNORECASE)
_CSS_URL = re.compile(r"""url\(\s*(["']?)([^"')]+)\1\s*\)""")
_SOURCE_MAP = re.compile(r"^\s*//# sourceMappingURL=.*$|/\*# sourceMappingURL=.*?\*/", re.MULTILINE)


class MissingAsset(RuntimeError):
    """A page asset that is neither one of ours nor inlinable: the file would not work offline."""


def asset_path(url: str) -> Path:
    """The local file behind an /app/static/... URL used by the web map."""
    prefix = assets.STATIC_URL + "/"
    if not url.startswith(prefix):
        raise MissingAsset(url)
    relative = url[len(prefix):]
    vendor = assets.VENDOR + "/"
    if relative.startswith(vendor):
        folder, _, name = relative[len(vendor):].partition("/")
        if folder not in assets.PACKAGES:
            raise MissingAsset(url)
        return Path(assets.PACKAGES[folder][0].BASE_DIR) / name
    return assets.STATIC_DIR / relative


def _data_uri(path: Path) -> str:
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def inline_css(path: Path) -> str:
    """A stylesheet with the images it references embedded (fragments like #default#VML stay)."""
    def embed(match: re.Match) -> str:
        target = match.group(2).strip()
        if target.startswith(("data:", "#")):
            return match.group(0)
        file = (path.parent / target).resolve()
        if not file.is_file():
            raise MissingAsset(f"{target} (from {path.name})")
        return f'url("{_data_uri(file)}")'
    return _SOURCE_MAP.sub("", _CSS_URL.sub(embed, path.read_text(encoding="utf-8")))


def inline_js(path: Path) -> str:
    # "</script" inside the code would end the inline element early; "<\/" is the same string to JS.
    return _SOURCE_MAP.sub("", path.read_text(encoding="utf-8")).replace("</script", "<\\/script")


def inline_assets(page: str) -> str:
    """Replace every local <script src> and <link href> by inline <script>/<style> elements."""
    def script(match: re.Match) -> str:
        return f"<script>\n{inline_js(asset_path(match.group(1)))}\n</script>"

    def link(match: re.Match) -> str:
        tag = match.group(0)
        if "stylesheet" not in tag.lower():
            return tag
        return f"<style>\n{inline_css(asset_path(match.group(1)))}\n</style>"

    return _LINK_HREF.sub(link, _SCRIPT_SRC.sub(script, page))


def export_header(view: MapView, at: datetime.datetime | None = None) -> tuple[str, ...]:
    """The lines under the title of an exported map: the filters, how a priority score was made, the sources
    (period and legal basis, as the page shows them under its title) and when it was exported, in Vietnam time
    (`at`, default now)."""
    when = texts.HTML_EXPORTED_AT.format(time=vietnam_clock(at or export_now()))
    return tuple(line for line in (view.subtitle, view.recipe, view.source_line if view.sources else "", when)
                 if line)


def standalone_html(build_map: Callable[[], folium.Map], *, title: str | None = None, header: Sequence[str] = (),
                    layers: Iterable[folium.MacroElement] = (),
                    opening: tuple[tuple[float, float], float] | None = None) -> bytes:
    """The map as one UTF-8 HTML file: Leaflet, plugins and our CSS inlined; no CDN, no server.

    The file gets a map of its own from `build_map`, with `layers` (e.g. the
    filter's selection layer, which the app hands to st_folium separately)
    added: rendering changes a folium map and its page, so no map is shared
    with the screen or with another export. A background of web tiles
    (OpenStreetMap), if the user chose one, still needs internet; everything
    else works offline.

    With a `title` or `header` lines (see export_header), the file shows them in a band above the map
    (templates/export_header.html): a file passed on has no page around it to say what it shows. With
    `opening` ((lat, lon), zoom), it opens there: where the page showed the filter.
    """
    fmap = build_map()
    if opening is not None:
        (lat, lon), zoom = opening
        fmap.location, fmap.options["zoom"] = [lat, lon], zoom
    for layer in layers:
        fmap.add_child(layer)
    if title or header:
        fmap.add_child(Script("export_header.html", title=web_text(title or ""),
                              lines=[web_text(line) for line in header]))
    page = inline_assets(fmap.get_root().render())
    if title:
        page = page.replace("</head>", f"<title>{html.escape(title)}</title>\n</head>", 1)
    return page.encode("utf-8")

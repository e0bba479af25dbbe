"""The interactive map as one HTML file (issue 5): everything inlined, nothing fetched."""

from __future__ import annotations

import re

import pytest

from layers import style
from layers.export.offline_html import MissingAsset, asset_path, standalone_html
from layers.prepared import prepare
from layers.view import district_view
from layers.web.basemap import build_base_map
from layers.web.selection import selection_layer
from layers.web.villages import VillageLayer
from tests.live import launch_browser

CDN_HOSTS = ("cdn.", "unpkg.com", "jsdelivr", "cdnjs", "code.jquery.com", "bootstrapcdn", "googleapis",
             "gstatic", "rawcdn", "rawgit", "openstreetmap")
# URLs that remain in Leaflet's own text and load nothing: its attribution link, the SVG
# namespace, a comment.
HARMLESS_URLS = ("https://leafletjs.com", "http://www.w3.org/2000/svg", "https://bugzilla.mozilla.org/")


@pytest.fixture(scope="module")
def map_data(shared_dir):
    return prepare({"LANGSON_GEODATA_DIR": str(shared_dir)})


@pytest.fixture(scope="module")
def exported(map_data):
    view = district_view(map_data.communes, map_data.colours)

    def build_map():
        return build_base_map(map_data.layers, view,
                              extra_legend=(style.LegendEntry("Thôn", fill=style.VILLAGE_COLOUR),))
    codes = map_data.communes["gso_code"].tolist()
    selection = selection_layer(map_data.web_communes, codes[:20], map_data.web_province, highlighted=tuple(codes[:3]))
    # Two synthetic village points (test rows only) so the cluster plugin's files are inlined too.
    villages = VillageLayer([[21.85, 106.76, "Thôn A", "Xã thử"], [21.86, 106.77, "Thôn B", "Xã thử"]], [])
    page = standalone_html(build_map, title="Bản đồ các xã theo huyện", layers=[selection, villages]).decode("utf-8")
    return build_map, page


def test_no_link_to_a_server_or_cdn_remains(exported):
    _, page = exported
    assert not re.search(r"<script[^>]*\bsrc=", page, re.IGNORECASE)
    assert not re.search(r"<link[^>]*\bhref=", page, re.IGNORECASE)
    assert "/app/static" not in page
    lowered = page.lower()
    for host in CDN_HOSTS:
        assert host not in lowered, host
    urls = set(re.findall(r"""(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\s"'<>)]*""", page, re.IGNORECASE))
    assert all(url.startswith(HARMLESS_URLS) for url in urls), urls


def test_leaflet_plugin_and_our_css_are_inline(exported):
    _, page = exported
    assert "Leaflet 1.9.3" in page and "L.markerClusterGroup" in page.replace("L.MarkerClusterGroup", "")
    assert ".leaflet-container" in page and ".marker-cluster" in page
    assert ".commune-label" in page  # static/map.css
    assert "data:image/png;base64," in page  # Leaflet's layer icons, as data URIs
    assert "sourceMappingURL" not in page
    assert "<title>Bản đồ các xã theo huyện</title>" in page


def test_each_export_draws_a_map_of_its_own(exported):
    """Rendering changes a folium map and its page header: an export that shared its map would leave its
    layers and plugin files behind for the screen or for the next export."""
    build_map, page = exported
    assert "commune-top" in page and "dim-veil" in page and "L.markerClusterGroup" in page
    plain = standalone_html(build_map).decode("utf-8")
    assert "commune-top" not in plain and "dim-veil" not in plain
    assert "markercluster" not in plain.lower()


def test_unknown_asset_urls_are_refused():
    with pytest.raises(MissingAsset):
        asset_path("https://unpkg.com/leaflet/dist/leaflet.js")
    with pytest.raises(MissingAsset):
        asset_path("/app/static/vendor/unknown/x.js")
    assert asset_path("/app/static/map.css").is_file()


@pytest.mark.browser
def test_the_file_draws_the_map_in_chromium_with_the_network_cut(exported, tmp_path):
    playwright_api = pytest.importorskip("playwright.sync_api")
    _, page_text = exported
    path = tmp_path / "ban_do.html"
    path.write_text(page_text, encoding="utf-8")
    blocked: list[str] = []
    with playwright_api.sync_playwright() as p:
        browser = launch_browser(p)
        page = browser.new_page(viewport={"width": 1200, "height": 800})

        def route(r):
            if r.request.url.startswith(("file://", "data:", "about:", "blob:")):
                r.continue_()
            else:
                blocked.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(path.as_uri())
        page.wait_for_function("document.querySelectorAll('path.commune').length === 200", timeout=20_000)
        assert page.evaluate("document.querySelectorAll('.map-legend .legend-row').length") >= 14
        assert page.evaluate("typeof L.markerClusterGroup") == "function"
        browser.close()
    assert blocked == []

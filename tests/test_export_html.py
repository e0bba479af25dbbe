"""The interactive map as one HTML file (issue 5): everything inlined, nothing fetched."""

from __future__ import annotations

import datetime
import re

import folium
import pytest

import texts
from geo.programme import empty_programme
from layers import style
from layers.export.offline_html import MissingAsset, asset_path, export_header, standalone_html
from layers.prepared import prepare
from layers.view import district_view, filters_subtitle, view_sources
from layers.web.basemap import build_base_map
from layers.web.elements import use_local_assets
from layers.web.selection import selection_layer
from layers.web.villages import VillageLayer
from tests.live import launch_browser, offline_page

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
    view = district_view(map_data.communes, map_data.colours,
                         sources=view_sources(map_data, empty_programme(), "admin"))

    def build_map():
        return build_base_map(map_data.layers, view,
                              extra_legend=(style.LegendEntry("Thôn", fill=style.VILLAGE_COLOUR),))
    codes = map_data.communes["gso_code"].tolist()
    selection = selection_layer(codes[:20], len(codes), highlighted=tuple(codes[:3]))
    # Two synthetic village points (test rows only) so the cluster plugin's files are inlined too.
    villages = VillageLayer([[21.85, 106.76, "Thôn A", "Xã thử"], [21.86, 106.77, "Thôn B", "Xã thử"]], [])
    page = standalone_html(build_map, title="Bản đồ các xã theo huyện", header=export_header(view),
                           layers=[selection, villages]).decode("utf-8")
    return build_map, page


# 31/12/2025 17:30 UTC is already 1 January 2026 in Vietnam (UTC+7).
EXPORTED_AT = datetime.datetime(2025, 12, 31, 17, 30, tzinfo=datetime.timezone.utc)


@pytest.fixture(scope="module")
def view_2026(shared_dir):
    """A 2026-2030 view as the map page makes it: filtered to a former district, with the period's sources."""
    data = prepare({"LANGSON_GEODATA_DIR": str(shared_dir)}, period="2026-2030")
    return district_view(data.communes, data.colours, period=data.period,
                         subtitle=filters_subtitle(["Đình Lập"], False, "", None, former_districts=True),
                         sources=view_sources(data, empty_programme(), "category")), data


def header_html(page: str) -> str:
    return re.search(r'<header class="export-header">(.*?)</header>', page, re.DOTALL).group(1)


def test_the_file_shows_title_filters_sources_and_date_above_the_map(view_2026):
    """Issue 12 review: the exported file showed no title, period or source (only <title>): passed on, it
    did not say what it shows. Its header names the title typed, the filters, the period with its legal
    basis (Nghị định 272/2025/NĐ-CP for 2026-2030) and when it was exported, in Vietnam time."""
    view, data = view_2026
    page = standalone_html(lambda: build_base_map(data.layers, view), title="Khu vực I, II, III — Đình Lập",
                           header=export_header(view, EXPORTED_AT)).decode("utf-8")
    header = header_html(page)
    assert '<h1 class="export-title">Khu vực I, II, III — Đình Lập</h1>' in header
    assert "Đình Lập" in re.search(r'<div class="export-line">(.*?)</div>', header).group(1)  # the filters first
    assert "Nguồn: " in header and "272/2025/NĐ-CP" in header
    assert "Ngày xuất: 01/01/2026 00:30 (giờ Việt Nam)" in header
    assert page.count('class="export-header"') == 1
    assert "grid-row: 2" in page  # the map below the header, not under it (browser test below)
    assert_offline(page)


def test_header_text_is_escaped():
    """The title is typed by the user and a source line may name an uploaded file."""
    lines = ("Tệp: <img src=x onerror=alert(1)>.xlsx", "{{ 7*7 }} {% if 1 %}x{% endif %}")
    page = standalone_html(bare_map, title="<b>Bản đồ</b> {{ 7*7 }}", header=lines).decode("utf-8")
    header = header_html(page)
    assert "<b>" not in header and "<img" not in header and "49" not in header
    assert "&lt;b&gt;Bản đồ&lt;/b&gt; &#123;&#123; 7*7 &#125;&#125;" in header
    assert "&lt;img src=x onerror=alert(1)&gt;" in header and "&#123;% if 1 %&#125;" in header


def bare_map() -> folium.Map:
    fmap = folium.Map(tiles=None)
    use_local_assets(fmap)
    return fmap


def test_no_header_without_a_title_or_lines():
    assert '<header class="export-header">' not in standalone_html(bare_map).decode("utf-8")
    only_lines = standalone_html(bare_map, header=(texts.SUBTITLE_WHOLE_PROVINCE,)).decode("utf-8")
    assert '<h1 class="export-title">' not in only_lines and texts.SUBTITLE_WHOLE_PROVINCE in header_html(only_lines)


def test_the_file_opens_where_the_page_showed_the_filter(map_data):
    """Issue 13 walk: a file exported from a view filtered to one district opened at the whole province."""
    from layers.web.viewport import view_for_bounds, view_of
    district = map_data.communes.loc[map_data.communes["district"] == "Huyện Văn Lãng", "gso_code"].tolist()
    (lat, lon), zoom = view_of(map_data, district)
    assert zoom > view_for_bounds(map_data.layers.bounds)[1]  # closer than the province
    page = standalone_html(bare_map, opening=((lat, lon), zoom)).decode("utf-8")
    assert re.search(rf"center: \[{lat}, {lon}\]", page) and re.search(rf'"zoom": {zoom}\b', page)


def test_no_link_to_a_server_or_cdn_remains(exported):
    assert_offline(exported[1])


def assert_offline(page: str) -> None:
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
    selection = "var wanted = {chosen: ["  # the filter's layer (templates/selection.js)
    assert selection in page and "L.markerClusterGroup" in page
    plain = standalone_html(build_map).decode("utf-8")
    assert selection not in plain
    assert '<header class="export-header">' in page and '<header class="export-header">' not in plain
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
    with playwright_api.sync_playwright() as p:
        browser = launch_browser(p)
        page, blocked = offline_page(browser, 1200, 800)
        page.goto(path.as_uri())
        page.wait_for_function("document.querySelectorAll('path.commune').length === 200", timeout=20_000)
        assert page.evaluate("document.querySelectorAll('.map-legend .legend-row').length") >= 14
        assert page.evaluate("typeof L.markerClusterGroup") == "function"
        header = page.locator("header.export-header")
        assert header.is_visible() and "Bản đồ các xã theo huyện" in header.inner_text()
        assert "Nguồn: " in header.inner_text() and "Ngày xuất: " in header.inner_text()
        header_box, map_box = header.bounding_box(), page.locator(".folium-map").bounding_box()
        assert header_box["y"] + header_box["height"] <= map_box["y"] + 0.5  # above the map, covering none of it
        assert map_box["y"] + map_box["height"] <= 800.5 and map_box["height"] > 600  # the map fills the rest
        browser.close()
    assert blocked == []

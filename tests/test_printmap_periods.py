"""The print map in both periods (issue 12): 2026-2030's uncertain zones hatched, named and in the legend,
and no district line or name where the period has no districts; 2021-2025 as before."""

from __future__ import annotations

import io

import numpy as np
import pypdf
import pytest
from matplotlib.colors import to_hex, to_rgb
from matplotlib.patches import Rectangle
from PIL import Image

import texts
from geo.vnformat import nfc
from geo.vocabulary import PERIOD_2026
from layers import style
from layers.paper.geometry import print_geometry, short_commune_name
from layers.paper.legend import dim_colour
from layers.paper.render import build_figure, render_print_map
from layers.prepared import period_data
from layers.view import district_view
from tests.test_printmap import squeezed

# The old communes split between two new units, whose dividing line is not published (DOMAIN.md).
SPLIT_COMMUNES = {"Bính Xá", "Kiên Mộc", "Đại Đồng"}


@pytest.fixture(scope="module")
def data_2026(province):
    return period_data(province, PERIOD_2026.key)


def view_of(data, period=None, selected: tuple[str, ...] = ()):
    colours = style.district_colours(data.communes["district"].tolist())
    extra = {"period": period} if period else {}
    return district_view(data.communes, colours, sources=(data.boundary_source,), selected=selected, **extra)


@pytest.fixture(scope="module")
def figure_2026(data_2026):
    return build_figure(view_of(data_2026, PERIOD_2026), data_2026)


@pytest.fixture(scope="module")
def figure_2021(province):
    return build_figure(view_of(province), province)


def map_axes_of(fig):
    return fig.axes[1]  # page, map, inset (render.build_figure)


def hatched_collections(ax) -> list:
    return [c for c in ax.collections if c.get_hatch()]


def zone_edges(ax) -> list:
    """Dashed outlines in the zone colour."""
    return [c for c in ax.collections if len(c.get_edgecolor()) and to_hex(c.get_edgecolor()[0]) == style.ZONE_HATCH
            and c.get_linestyle()[0][1] is not None]


def page_texts(fig) -> str:
    return "\n".join(t.get_text() for ax in fig.axes for t in ax.texts)


def italic_names(ax) -> set[str]:
    return {t.get_text() for t in ax.texts if "Oblique" in (t.get_fontproperties().get_file() or "")}


def hatch_hex(collection) -> str:
    return to_hex(collection.get_hatchcolor()[0]) if np.ndim(collection.get_hatchcolor()) == 2 \
        else to_hex(collection.get_hatchcolor())


def test_zone_names_are_the_commune_names_without_their_type():
    assert short_commune_name("Xã Bính Xá") == "Bính Xá"
    assert short_commune_name("Thị trấn Đồng Đăng") == "Đồng Đăng"
    assert short_commune_name("Phường Tam Thanh") == "Tam Thanh"


def test_2026_zones_are_in_the_print_geometry(data_2026):
    geometry = print_geometry(data_2026)
    assert print_geometry(data_2026) is geometry  # cached with the other layers
    assert set(geometry.zone_names) == SPLIT_COMMUNES
    assert len(geometry.zone_paths) == len(geometry.zone_anchors) == 3
    assert all(len(units) == 2 for units in geometry.zone_units)  # each shared by two new units
    assert len(geometry.district_paths) == 0


def test_2026_zones_are_hatched_in_the_zone_colour(figure_2026):
    hatched = hatched_collections(map_axes_of(figure_2026))
    assert sum(len(c.get_paths()) for c in hatched) == 3
    for collection in hatched:
        assert hatch_hex(collection) == style.ZONE_HATCH
        face = to_rgb(collection.get_facecolor()[0])
        assert min(face) > 0.85  # a light fill under the hatch, not a hole and not a dark patch
    assert sum(len(c.get_paths()) for c in zone_edges(map_axes_of(figure_2026))) == 3  # thin dashed edges


def test_2026_zones_are_named_in_italics_and_no_district_is(figure_2026, data_2026):
    ax = map_axes_of(figure_2026)
    assert italic_names(ax) == SPLIT_COMMUNES  # A4 landscape has room for all three
    drawn = {t.get_text() for t in ax.texts}
    districts = {nfc(style.short_district_name(d)).upper() for d in data_2026.communes["district"]}
    assert not drawn & districts


def test_2026_legend_has_the_zone_box_and_no_district_line(figure_2026):
    text = squeezed(page_texts(figure_2026))
    assert squeezed(texts.LEGEND_ZONES) in text
    assert squeezed(texts.LEGEND_DISTRICT) not in text
    assert squeezed(texts.LEGEND_PROVINCE) in text and squeezed(texts.LEGEND_BORDER) in text
    legend_boxes = [p for p in figure_2026.axes[0].patches if isinstance(p, Rectangle) and p.get_hatch()]
    assert len(legend_boxes) == 1 and to_hex(legend_boxes[0].get_hatchcolor()) == style.ZONE_HATCH


def test_2021_has_districts_and_no_zones(figure_2021, province):
    assert hatched_collections(map_axes_of(figure_2021)) == [] and zone_edges(map_axes_of(figure_2021)) == []
    assert not italic_names(map_axes_of(figure_2021))
    text = squeezed(page_texts(figure_2021))
    assert squeezed(texts.LEGEND_DISTRICT) in text
    assert squeezed(texts.LEGEND_ZONES) not in text
    assert not [p for p in figure_2021.axes[0].patches if p.get_hatch()]
    drawn = {t.get_text() for t in map_axes_of(figure_2021).texts}
    districts = {nfc(style.short_district_name(d)).upper() for d in province.districts["district"]}
    assert len(drawn & districts) >= 8  # district names are printed


def test_a_zone_shared_with_a_selected_unit_is_inside_the_selection(data_2026):
    zones = data_2026.zones
    dai_dong = zones.loc[zones["old_commune"].map(short_commune_name) == "Đại Đồng"].iloc[0]
    fig = build_figure(view_of(data_2026, PERIOD_2026, selected=(dai_dong["new_codes"][0],)), data_2026)
    colours = {hatch_hex(c): len(c.get_paths()) for c in hatched_collections(map_axes_of(fig))}
    assert colours == {style.ZONE_HATCH: 1, dim_colour(style.ZONE_HATCH): 2}


def test_2026_png_shows_the_hatch_where_2021_has_none(data_2026, province):
    def hatch_pixels(view, data) -> int:
        """Pixels of hatch lines: ZONE_HATCH at least half over white (thin lines are anti-aliased)."""
        png = render_print_map(view, data, dpi=100, fmt="png", page="A4", orientation="landscape")
        rgb = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=float)
        white, hatch = np.ones(3), np.array(to_rgb(style.ZONE_HATCH))
        step = hatch - white
        share = np.clip((rgb / 255 - white) @ step / (step @ step), 0, 1)
        distance = np.linalg.norm(rgb / 255 - (white + share[..., None] * step), axis=2)
        return int(((distance <= 8 / 255) & (share >= 0.5)).sum())

    assert hatch_pixels(view_of(data_2026, PERIOD_2026), data_2026) > 500
    assert hatch_pixels(view_of(province), province) < 20


def test_2026_pdf_names_the_zones_and_its_legend_entry(data_2026):
    pdf = render_print_map(view_of(data_2026, PERIOD_2026), data_2026, fmt="pdf")
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    for name in SPLIT_COMMUNES:
        assert name in text
    assert squeezed(texts.LEGEND_ZONES) in squeezed(text)
    assert texts.LEGEND_DISTRICT not in text

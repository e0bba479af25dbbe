"""The printed map says exactly what it shows (issue 13, defects 2 and 8): the priority score's recipe, legend
counts of what is shown (once), a locator of Viet Nam with its archipelagos, one scale for one extent."""

from __future__ import annotations

import io
import json
import re

import numpy as np
import pandas as pd
import pypdf
import pytest
import shapely
from openpyxl import load_workbook
from pyproj import Transformer

import texts
from geo.indicators import INDICATORS
from geo.priority import Weights
from geo.programme import commune_table
from geo.vocabulary import DEMO
from layers.export.excel import table_to_xlsx
from layers.page import Choices, map_page
from layers.paper.geometry import COUNTRY_OUTLINE_FILE, PRINT_CRS, country_outline, print_geometry
from layers.paper.layout import fit_focus, page_layout
from layers.paper.render import build_figure, render_print_map
from layers.tables import display_table
from layers.thematic import ViewOptions, priority_recipe

CAO_LOC = "Huyện Cao Lộc"
# Two districts at opposite ends of the province: their communes span nearly all of it.
OPPOSITE_ENDS = ("Huyện Hữu Lũng", "Huyện Tràng Định")
TICKED = ("road_village_hardened", "electricity_households")


@pytest.fixture(scope="module")
def data(map_data_2021):
    return map_data_2021


@pytest.fixture(scope="module")
def demo(demo_programme):
    return demo_programme


@pytest.fixture(scope="module")
def table(data, demo):
    return commune_table(data.communes, demo)


def page(data, demo, table, **choices):
    return map_page(Choices(source=DEMO, period="2021-2025", **choices), data, demo, table)


PRIORITY = ViewOptions(kind="priority", weights=Weights(category=2.5, villages=0.0, gaps=3.0, border=1.0),
                       ticked=TICKED, year=2025)


@pytest.fixture(scope="module")
def priority_cao_loc(data, demo, table):
    return page(data, demo, table, options=PRIORITY, districts=(CAO_LOC,))


def figure_texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def denominator(fig) -> int:
    scale = next(t for t in figure_texts(fig) if t.startswith(texts.PRINT_SCALE.split("{")[0]))
    return int(re.search(r"1:([\d.]+)", scale).group(1).replace(".", ""))


# --- defect 2: the priority score's recipe -----------------------------------------------------

def test_the_recipe_names_the_weights_the_indicators_and_the_year():
    recipe = priority_recipe(PRIORITY)
    assert "khu vực 2,5" in recipe and "số thôn ĐBKK 0,0" in recipe  # as the sliders write them
    assert "thiếu hụt chỉ tiêu 3,0" in recipe and "biên giới 1,0" in recipe
    for indicator in TICKED:
        assert INDICATORS[indicator].label in recipe
    assert "2025" in recipe and "2030" not in recipe
    assert "2030" in priority_recipe(ViewOptions(kind="priority", year=2030))
    assert texts.PRIORITY_RECIPE_NO_INDICATOR in priority_recipe(ViewOptions(kind="priority"))


def test_only_the_priority_view_carries_a_recipe(data, demo, table, priority_cao_loc):
    assert priority_cao_loc.built.view.recipe == priority_recipe(PRIORITY)
    for kind in ("admin", "category"):
        assert page(data, demo, table, options=ViewOptions(kind=kind)).built.view.recipe == ""


def test_the_recipe_is_printed_under_the_legend(data, priority_cao_loc):
    view = priority_cao_loc.built.view
    pdf = render_print_map(view, data.province_data, fmt="pdf", page="A4", orientation="portrait")
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert squeezed(view.recipe) in squeezed(text)
    fig = build_figure(view, data.province_data)
    legend_box = page_layout("A4", "landscape").legend
    recipe_words = view.recipe.split()[:3]
    first = next(t for t in fig.axes[0].texts if t.get_text().split()[:3] == recipe_words)
    x, y = first.get_position()
    assert legend_box[0] <= x <= legend_box[2] and legend_box[1] <= y <= legend_box[3]


def test_the_recipe_is_in_the_html_export_header(priority_cao_loc):
    from layers.export.offline_html import export_header
    view = priority_cao_loc.built.view
    assert view.recipe in export_header(view) and export_header(view)[0] == view.subtitle


def test_the_recipe_is_written_in_the_excel_sources_sheet(priority_cao_loc):
    built = priority_cao_loc.built
    book = load_workbook(io.BytesIO(table_to_xlsx(display_table(built.table, built.headers), title=built.view.title,
                                                  sources=list(built.view.sources),
                                                  filters=priority_cao_loc.subtitle, illustrative=True,
                                                  recipe=built.view.recipe)))
    rows = {row[0]: row[1] for row in book[texts.XLSX_SHEET_SOURCES].iter_rows(values_only=True)}
    assert rows[texts.RECIPE_TITLE] == priority_recipe(PRIORITY)
    plain = load_workbook(io.BytesIO(table_to_xlsx(pd.DataFrame({"a": [1]}), title="t", sources=[], filters="f",
                                                   illustrative=False)))
    assert texts.RECIPE_TITLE not in [row[0] for row in plain[texts.XLSX_SHEET_SOURCES].iter_rows(values_only=True)]


# --- defect 8: the print legend counts what is shown, once ----------------------------------------

def printed_counts(fig) -> dict[str, int]:
    """Legend label -> the count printed on its row (the page's texts, as drawn)."""
    page_texts = fig.axes[0].texts
    by_row: dict[float, list] = {}
    for t in page_texts:
        by_row.setdefault(round(t.get_position()[1], 4), []).append(t)
    counts = {}
    for row in by_row.values():
        numbers = [t for t in row if re.fullmatch(r"\d[\d.]*", t.get_text())]
        labels = [t for t in row if t not in numbers]
        if numbers and labels:
            counts[labels[0].get_text()] = int(numbers[0].get_text().replace(".", ""))
    return counts


def test_a_filtered_priority_legend_counts_the_selected_communes(data, demo, table, priority_cao_loc):
    built = priority_cao_loc.built
    communes = data.communes
    cao_loc = set(communes.loc[communes["district"] == CAO_LOC, "gso_code"])
    assert len(cao_loc) == 22  # the GSO list
    scores = built.scores.loc[sorted(cao_loc), "score"]
    # the bands of the legend, "0 – 20" to "80 – 100", each closed on its upper limit
    expected = [int((((scores > low) | (low == 0)) & (scores <= high)).sum())
                for low, high in ((0, 20), (20, 40), (40, 60), (60, 80), (80, 100))]
    fig = build_figure(built.view, data.province_data)
    counts = printed_counts(fig)
    assert [counts[entry.label] for entry in built.view.legend] == expected
    assert sum(counts.values()) == 22
    assert texts.PRINT_LEGEND_COUNT_SELECTED in figure_texts(fig)
    unfiltered = build_figure(page(data, demo, table, options=PRIORITY).built.view, data.province_data)
    assert sum(printed_counts(unfiltered).values()) == 200
    assert texts.PRINT_LEGEND_COUNT in figure_texts(unfiltered)
    assert texts.PRINT_LEGEND_COUNT_SELECTED not in figure_texts(unfiltered)


def test_category_counts_are_printed_once_and_follow_the_filter(data, demo, table):
    categories = demo.categories.set_index("gso_code")["area_category"]
    for districts in ((), (CAO_LOC,)):
        model = page(data, demo, table, options=ViewOptions(kind="category"), districts=districts)
        shown = data.communes.loc[data.communes["district"].isin(districts) if districts else slice(None), "gso_code"]
        fig = build_figure(model.built.view, data.province_data)
        counts = printed_counts(fig)
        for category in ("III", "II", "I"):
            name = texts.CATEGORY_NAMES[category]
            assert counts[name] == int((categories.reindex(shown) == category).sum()), (districts, category)
        drawn = "\n".join(figure_texts(fig))
        assert " xã (NQ" not in drawn and "xã / theo" not in drawn  # no count inside a label or the title
        assert not set(model.built.view.counted_labels) & set(figure_texts(fig))
        assert sum(counts.values()) == len(shown)  # every unit shown is counted once, in its class


# --- defect 8: the inset shows where Lạng Sơn is in Viet Nam -----------------------------------------

def test_the_outline_file_is_small_and_has_the_mainland_and_both_archipelagos():
    assert COUNTRY_OUTLINE_FILE.stat().st_size < 60_000
    assert (COUNTRY_OUTLINE_FILE.parent / "PROVENANCE.md").is_file()
    parts = {f["properties"]["part"]: shapely.from_geojson(json.dumps(f["geometry"]))
             for f in json.loads(COUNTRY_OUTLINE_FILE.read_text(encoding="utf-8"))["features"]}
    assert set(parts) == {"mainland", "paracels", "spratlys"}
    # Hoàng Sa lies about 15°45'-17°05' N, 111°-113° E; Trường Sa (its islands in Natural Earth) 9°-12° N,
    # 113°-116° E; Viet Nam's mainland from Mũi Cà Mau (8°34' N) to Lũng Cú (23°22' N).
    assert shapely.box(110.9, 15.5, 113.0, 17.3).contains(parts["paracels"])
    assert shapely.box(113.0, 9.0, 116.5, 12.0).contains(parts["spratlys"])
    west, south, east, north = parts["mainland"].bounds
    assert south == pytest.approx(8.56, abs=0.1) and north == pytest.approx(23.37, abs=0.1)
    assert len(parts["paracels"].geoms) >= 5 and len(parts["spratlys"].geoms) >= 5


def test_the_province_lies_in_the_outline_where_lang_son_is(data):
    geometry = print_geometry(data.province_data)
    centre = shapely.centroid(geometry.province_geom)
    assert country_outline().mainland.contains(centre)
    lon, lat = Transformer.from_crs(PRINT_CRS, "EPSG:4326", always_xy=True).transform(centre.x, centre.y)
    assert 106 < lon < 107.5 and 21.3 < lat < 22.5  # Lạng Sơn, north-east Viet Nam


def test_the_inset_shows_viet_nam_with_the_two_archipelagos_named(data, priority_cao_loc):
    fig = build_figure(priority_cao_loc.built.view, data.province_data, page="A3", orientation="portrait")
    drawn = figure_texts(fig)
    assert texts.PRINT_PARACELS in drawn and texts.PRINT_SPRATLYS in drawn
    assert texts.PRINT_INSET_SOURCE in drawn
    inset = page_layout("A3", "portrait").inset
    labels = [t for ax in fig.axes for t in ax.texts if t.get_text() in (texts.PRINT_PARACELS, texts.PRINT_SPRATLYS)]
    for label in labels:  # drawn inside the inset, on the map of Viet Nam
        x, y = label.get_transform().transform(label.get_position()) / fig.dpi
        assert inset[0] <= x <= inset[2] and inset[1] <= y <= inset[3], label.get_text()
    country = next(ax for ax in fig.axes if ax.get_xlim()[1] - ax.get_xlim()[0] > 1_000_000)
    to_geo = Transformer.from_crs(PRINT_CRS, "EPSG:4326", always_xy=True)
    (x0, x1), (y0, y1) = country.get_xlim(), country.get_ylim()
    assert to_geo.transform(x0, y0)[1] < 8.6 and to_geo.transform(x1, y1)[1] > 23.3  # all of Viet Nam
    assert to_geo.transform(x1, (y0 + y1) / 2)[0] > 115.8  # and Trường Sa, east of it
    pdf_text = pypdf.PdfReader(io.BytesIO(render_print_map(priority_cao_loc.built.view, data.province_data,
                                                           fmt="pdf"))).pages[0].extract_text()
    assert texts.PRINT_PARACELS in pdf_text and texts.PRINT_SPRATLYS in pdf_text


# --- defect 8: one extent, one scale ---------------------------------------------------------------

def test_a_selection_spanning_the_province_prints_at_the_province_scale(data, demo, table):
    whole = build_figure(page(data, demo, table, options=ViewOptions(kind="category")).built.view,
                         data.province_data)
    for options in (ViewOptions(kind="category"), PRIORITY):
        spanning = page(data, demo, table, options=options, districts=OPPOSITE_ENDS).built.view
        fig = build_figure(spanning, data.province_data)
        assert denominator(fig) == denominator(whole), options.kind
        assert fig.axes[1].get_xlim() == whole.axes[1].get_xlim()  # the same extent, not a near one


def test_the_same_filter_prints_at_the_same_scale_in_every_view(data, demo, table):
    figures = [build_figure(page(data, demo, table, options=options, districts=(CAO_LOC,)).built.view,
                            data.province_data, page="A4", orientation="portrait")
               for options in (ViewOptions(), ViewOptions(kind="category"), PRIORITY)]
    assert len({denominator(fig) for fig in figures}) == 1
    assert len({fig.axes[1].get_position().bounds for fig in figures}) == 1  # the legend never moves the map
    assert denominator(figures[0]) < 500_000  # one district: its own, larger scale


def test_fit_focus_zooms_only_where_it_is_worth_it():
    whole = (613_104, 2_359_497, 744_680, 2_484_261)  # the province in UTM 48N
    nearly = (620_000, 2_362_000, 744_000, 2_480_000)  # two districts at opposite ends
    district = (664_900, 2_400_700, 715_900, 2_439_200)  # Cao Lộc
    assert fit_focus(nearly, whole, 8.0, 6.0) == fit_focus(None, whole, 8.0, 6.0)
    (x0, _, x1, _), scale = fit_focus(district, whole, 8.0, 6.0)
    assert scale < fit_focus(None, whole, 8.0, 6.0)[1] / 2 and x0 <= district[0] and x1 >= district[2]
    assert np.isclose((x1 - x0) / (8.0 * 0.0254), scale)  # still a true round scale


# --- the walk through the exports -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def priority_van_lang(data, demo, table):
    return page(data, demo, table, options=ViewOptions(kind="priority", ticked=("electricity_households",)),
                districts=("Huyện Văn Lãng",))


def test_a_filter_showing_part_of_the_top_n_says_of_how_many(data, priority_van_lang):
    """"1 xã ưu tiên đầu tư hàng đầu" under a filter read as a top 1 while the top is 10 of the province."""
    built = priority_van_lang.built
    shown, ranked = len(built.top), ViewOptions.top_n
    assert 0 < shown < ranked, "the fixture must show part of the top N for this test to tell"
    fig = build_figure(built.view, data.province_data, highlighted=built.top)
    assert f"{shown} trong {ranked} xã ưu tiên đầu tư hàng đầu của tỉnh" in figure_texts(fig)


def test_every_filtered_commune_with_a_village_count_is_named_in_print(data, demo, priority_van_lang):
    """A name placed under its badge was always dropped (the gap under the badge was less than the air kept
    round names): of Văn Lãng's 17 communes only the 6 without villages were named."""
    built = priority_van_lang.built
    fig = build_figure(built.view, data.province_data, highlighted=built.top, villages=demo.villages)
    communes = data.communes.set_index("gso_code")
    named = set(communes.loc[list(built.view.selected), "commune_name"]) & set(figure_texts(fig))
    with_villages = set(demo.villages["gso_code"]) & set(built.view.selected)
    assert with_villages and set(communes.loc[list(with_villages), "commune_name"]) <= named


@pytest.mark.parametrize("district", ["Huyện Văn Lãng", CAO_LOC])  # Cao Lộc holds the city: a hole
def test_the_selection_outline_runs_round_the_selection_not_into_it(data, demo, table, district):
    """Gaps between the source polygons drew stray outline pieces inside a filtered district: the outline of a
    district's communes has as many rings as the district's own polygon in the district file."""
    from matplotlib.figure import Figure

    from layers.paper.drawing import draw_features
    from layers.paper.frame import selected_mask
    from layers.paper.geometry import print_geometry
    geometry = print_geometry(data.province_data)
    view = page(data, demo, table, districts=(district,)).built.view
    ax = Figure().add_subplot()
    draw_features(ax, view, geometry, selected_mask(view, geometry))
    outline = next(c for c in ax.collections if c.get_facecolor().size == 0 and len(c.get_paths()) == 1)
    rings = [ring for path in outline.get_paths() for ring in path.to_polygons()]
    official = data.province_data.districts.set_index("district").loc[district, "geometry"]
    polygons = getattr(official, "geoms", [official])
    assert len(rings) == sum(1 + len(polygon.interiors) for polygon in polygons)

"""The print map (issue 5): paper size, dpi, legend = MapView legend, fonts, text, watermark."""

from __future__ import annotations

import datetime
import io
import re

import numpy as np
import pandas as pd
import pypdf
import pytest
from fontTools.ttLib import TTFont
from PIL import Image

import texts
from geo.vnformat import nfc, vn_number
from layers import style
from layers.paper.labels import Label, place_without_overlap
from layers.paper.layout import fit_extent, nice_scale, page_layout, paper_inches
from layers.paper.legend import dim_colour, legend_items, outline_items
from layers.paper.render import build_figure, render_print_map
from layers.style import LegendEntry
from layers.view import MapView, district_view, filters_subtitle

MM = 1 / 25.4
EXPORT_DATE = datetime.date(2026, 3, 5)
CLASS_COLOURS = ("#fee8c8", "#fdbb84", "#e34a33")
CLASS_LABELS = ("< 60 %", "60 – 80 %", "≥ 80 %")
CLASSED_TITLE = "Tỷ lệ thôn có đường đến trung tâm thôn được cứng hóa"


@pytest.fixture(scope="module")
def district(province):
    colours = style.district_colours(province.communes["district"].tolist())
    return district_view(province.communes, colours, subtitle=filters_subtitle([], False, "", None),
                         sources=(province.boundary_source,))


def classed_view(province, illustrative: bool, selected: tuple[str, ...] = ()) -> MapView:
    """Three classes assigned by row order: a synthetic view, only to exercise the renderer."""
    codes = province.communes["gso_code"].tolist()
    fills = {code: CLASS_COLOURS[i % 3] for i, code in enumerate(codes)}
    counts = {label: sum(1 for i in range(len(codes)) if i % 3 == k) for k, label in enumerate(CLASS_LABELS)}
    return MapView(title=CLASSED_TITLE, legend_title="Tỷ lệ thôn (%)", fills=fills,
                   legend=tuple(LegendEntry(label, fill=c) for label, c in zip(CLASS_LABELS, CLASS_COLOURS)),
                   subtitle="Huyện: Cao Lộc", selected=selected, illustrative=illustrative,
                   sources=("số liệu thử nghiệm",), counts=counts)


@pytest.fixture(scope="module")
def district_pdf(district, province):
    return render_print_map(district, province, fmt="pdf", export_date=EXPORT_DATE)


@pytest.fixture(scope="module")
def classed_pdf(province):
    return render_print_map(classed_view(province, illustrative=True), province, fmt="pdf",
                            export_date=EXPORT_DATE)


def pdf_text(data: bytes) -> str:
    return pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()


@pytest.fixture(scope="module")
def district_text(district_pdf):
    return pdf_text(district_pdf)  # extraction takes about a second: once per document


@pytest.fixture(scope="module")
def classed_text(classed_pdf):
    return pdf_text(classed_pdf)


def figure_texts(fig) -> str:
    """Every string drawn on the page, without writing a file (fast checks of what is shown)."""
    return "\n".join(t.get_text() for ax in fig.axes for t in ax.texts)


def squeezed(text: str) -> str:
    """Text without whitespace: the rotated watermark comes out of the extractor in pieces."""
    return re.sub(r"\s+", "", text)


def embedded_fonts(data: bytes) -> list[tuple[str, set[int]]]:
    """(base font name, code points its embedded TrueType program maps) for every font."""
    page = pypdf.PdfReader(io.BytesIO(data)).pages[0]
    fonts = []
    for ref in page["/Resources"]["/Font"].values():
        font = ref.get_object()
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        program = descendant["/FontDescriptor"].get_object()["/FontFile2"].get_object().get_data()
        fonts.append((str(font["/BaseFont"]), set(TTFont(io.BytesIO(program)).getBestCmap())))
    return fonts


# --- page and pixels ------------------------------------------------------------

def test_a4_png_300_dpi_has_the_paper_size_and_is_not_blank(district, province):
    png = render_print_map(district, province, page="A4", orientation="landscape", dpi=300, fmt="png")
    image = Image.open(io.BytesIO(png))
    assert image.size == (3508, 2480)  # 297 x 210 mm at 300 dpi
    assert image.info["dpi"] == pytest.approx((300, 300), abs=0.05)  # stored as whole pixels per metre
    pixels = np.asarray(image.convert("L"), dtype=float)
    assert pixels.std() > 20  # a map, not an empty page
    assert (pixels < 128).mean() > 0.01  # dark lines and text exist


def test_a3_portrait_png_at_150_dpi(province):
    view = classed_view(province, illustrative=False)
    image = Image.open(io.BytesIO(render_print_map(view, province, page="A3", orientation="portrait",
                                                   dpi=150, fmt="png")))
    assert image.size == (round(297 * MM * 150), round(420 * MM * 150))
    assert image.info["dpi"] == pytest.approx((150, 150), abs=0.05)
    rgb = np.asarray(image.convert("RGB"), dtype=int)
    # The class colours are on the page (commune fills), so the colours come from the view.
    for colour in CLASS_COLOURS:
        target = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
        assert (np.abs(rgb - target).sum(axis=2) <= 6).mean() > 0.001, colour


def test_pdf_page_boxes_are_exact_paper_sizes(district_pdf, district, province):
    box = pypdf.PdfReader(io.BytesIO(district_pdf)).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((297 * MM * 72, 210 * MM * 72), abs=0.05)
    a3 = render_print_map(district, province, page="A3", orientation="portrait", fmt="pdf")
    box = pypdf.PdfReader(io.BytesIO(a3)).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((297 * MM * 72, 420 * MM * 72), abs=0.05)


def test_bad_options_are_refused(district, province):
    for options in ({"page": "A5"}, {"orientation": "sideways"}, {"fmt": "svg"}, {"dpi": 10}):
        with pytest.raises(ValueError):
            render_print_map(district, province, **options)


# --- legend: the MapView's, one for one ----------------------------------------------

def test_legend_items_are_the_view_legend_with_counts(district, province):
    for view in (district, classed_view(province, illustrative=True)):
        items = legend_items(view)
        assert [(i.label, i.fill) for i in items] == [(nfc(e.label), e.fill) for e in view.legend]
        assert [i.count for i in items] == [view.counts.get(e.label) for e in view.legend]
    assert sum(i.count for i in legend_items(district)) == 200


def test_pdf_legend_shows_every_class_label_and_count(classed_text, province):
    text = classed_text
    view = classed_view(province, illustrative=True)
    for item in legend_items(view):
        assert re.search(re.escape(item.label) + r"\s+" + str(item.count), text), item.label
    for item in outline_items(view):
        assert item.label in text
    assert texts.PRINT_LEGEND_COUNT in text


def test_district_pdf_legend_lists_the_eleven_districts(district_text, district):
    text = district_text
    assert len(district.legend) == 11
    for item in legend_items(district):
        assert item.label in text


def test_selection_adds_its_legend_marks_and_dims_the_rest(province):
    cao_loc = tuple(province.communes.loc[province.communes["district"] == "Huyện Cao Lộc", "gso_code"])
    view = classed_view(province, illustrative=False, selected=cao_loc)
    labels = [i.label for i in outline_items(view)]
    assert texts.PRINT_LEGEND_SELECTED in labels and texts.PRINT_LEGEND_DIMMED in labels
    assert texts.PRINT_LEGEND_SELECTED not in [i.label for i in outline_items(classed_view(province, False))]
    assert dim_colour("#e34a33") != "#e34a33" and dim_colour("#000000") == "#a6a6a6"
    # The map is zoomed to the selection: its extent is far smaller than the province's.
    whole = build_figure(classed_view(province, False), province).axes[1]
    zoomed = build_figure(view, province).axes[1]
    assert np.diff(zoomed.get_xlim())[0] < 0.6 * np.diff(whole.get_xlim())[0]


# --- text, fonts, watermark ---------------------------------------------------------

def test_pdf_embeds_truetype_font_with_vietnamese_glyphs(classed_pdf):
    fonts = embedded_fonts(classed_pdf)
    assert fonts and all("DejaVuSans" in name for name, _ in fonts)
    mapped = set().union(*(codes for _, codes in fonts))
    needed = {ord(c) for c in CLASSED_TITLE + texts.ILLUSTRATIVE if not c.isspace()}
    assert needed <= mapped  # every letter of the title, "ỷ", "ư", "đ", "ợ", "ứ", "ó" included
    assert {ord("ệ"), ord("ơ"), ord("đ")} <= mapped


def test_pdf_text_has_title_subtitle_source_and_date(district_text, district):
    text = district_text
    assert nfc(district.title) in text
    assert texts.SUBTITLE_WHOLE_PROVINCE in text
    assert "Ngày xuất: 05/03/2026" in text
    assert squeezed(district.source_line + "; Ngày xuất: 05/03/2026") in squeezed(text)
    assert texts.PRINT_NORTH in text and texts.PRINT_KM in text and "Tỷ lệ 1:" in text


@pytest.mark.parametrize("dpi", [150, 300])
def test_a_long_source_line_wraps_clear_of_the_crs_note(district, province, dpi):
    """Wrapping measures the text; the drawn text must be as wide as measured at either dpi."""
    from dataclasses import replace

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    long_source = ("ranh giới xã theo tệp của tỉnh ranh_gioi_xa_tinh.gpkg (150 xã), các xã còn lại GADM 4.1 "
                   "ghép theo danh mục GSO 01/11/2021; huyện, tỉnh: gis.chinhphu.vn")
    fig = build_figure(replace(district, sources=(long_source,)), province, pixel_dpi=dpi)
    fig.set_dpi(dpi)
    renderer = FigureCanvasAgg(fig).get_renderer()
    drawn = {t.get_text(): t.get_window_extent(renderer) for ax in fig.axes for t in ax.texts}
    source = next(box for text, box in drawn.items() if text.startswith("Nguồn: ranh giới xã theo tệp"))
    assert source.x1 < drawn[texts.PRINT_CRS].x0


def test_title_is_printed_as_typed_even_with_dollar_signs(district, province):
    title = "Kinh phí $x^2$ và $\\foo$ (tỷ đồng)"
    assert title in pdf_text(render_print_map(district, province, fmt="pdf", title=title))


def test_title_can_be_edited(district, province):
    text = figure_texts(build_figure(district, province, title="Bản đồ hành chính tỉnh Lạng Sơn"))
    assert "Bản đồ hành chính tỉnh Lạng Sơn" in text
    assert district.title not in text


def test_watermark_only_with_illustrative_data(classed_text, district_text, province):
    phrase = squeezed(texts.ILLUSTRATIVE)
    assert squeezed(classed_text).count(phrase) >= 2  # across the map and in the footer
    assert squeezed(texts.ILLUSTRATIVE_NOTE) in squeezed(classed_text)
    assert phrase not in squeezed(district_text)
    assert texts.ILLUSTRATIVE not in figure_texts(build_figure(classed_view(province, illustrative=False), province))


# --- pure parts: scale, layout, labels ---------------------------------------------------

def test_paper_and_layout_fit_the_page():
    assert paper_inches("A4", "landscape") == pytest.approx((297 * MM, 210 * MM))
    assert paper_inches("A3", "portrait") == pytest.approx((297 * MM, 420 * MM))
    for page in ("A4", "A3"):
        for orientation in ("landscape", "portrait"):
            layout = page_layout(page, orientation)
            for x0, y0, x1, y1 in (layout.header, layout.map, layout.legend, layout.inset, layout.footer):
                assert 0 <= x0 < x1 <= layout.width + 1e-9 and 0 <= y0 < y1 <= layout.height + 1e-9


def test_extent_has_the_frame_proportions_and_a_true_round_scale():
    bounds = (613_104, 2_359_497, 744_680, 2_484_261)  # the province in UTM 48N
    (x0, y0, x1, y1), denominator = fit_extent(bounds, 8.0, 6.0)
    assert (x1 - x0) / (y1 - y0) == pytest.approx(8.0 / 6.0)
    assert (x1 - x0) / (8.0 * 0.0254) == pytest.approx(denominator)  # metres per paper metre
    assert x0 <= bounds[0] and x1 >= bounds[2] and y0 <= bounds[1] and y1 >= bounds[3]
    assert nice_scale(843_000) == 850_000 and nice_scale(99_999) == 100_000 and nice_scale(1_030_000) == 1_100_000
    assert vn_number(850_000, 0) == "850.000"  # the scale denominator as printed


def test_colliding_labels_are_dropped_in_priority_order():
    frame = (0, 0, 10, 10)
    a = Label("a", "Tân Thành", 5, 5, 1.0, 0.2)
    b = Label("b", "Hòa Bình", 5.5, 5.05, 1.0, 0.2)  # overlaps a
    c = Label("c", "Yên Thịnh", 5, 6, 1.0, 0.2)
    edge = Label("d", "Mẫu Sơn", 9.8, 5, 1.0, 0.2)  # would stick out of the frame
    kept = place_without_overlap([a, b, c, edge], [], frame)
    assert [k.key for k in kept] == ["a", "c"]
    assert [k.key for k in place_without_overlap([b, a], [], frame)] == ["b"]
    assert place_without_overlap([a], [(4, 4, 6, 6)], frame) == []  # obstacle: scale bar, arrow


# --- what the screen draws over the communes: priority top N, villages --------------------

def test_top_communes_and_villages_are_drawn_and_explained(province):
    from layers.paper.drawing import split_villages
    from layers.paper.geometry import print_geometry

    codes = province.communes["gso_code"].tolist()
    inside = province.communes.geometry.iloc[5].representative_point()
    villages = pd.DataFrame({"gso_code": [codes[0]] * 3 + [codes[5]], "village": ["A", "B", "C", "D"],
                             "lon": [None, None, None, inside.x], "lat": [None, None, None, inside.y]})
    points, badges = split_villages(villages, print_geometry(province))
    assert len(points) == 1 and badges == {0: 3}  # no position is invented for A, B, C
    view = classed_view(province, illustrative=False)
    text = figure_texts(build_figure(view, province, highlighted=tuple(codes[:10]), villages=villages))
    assert texts.PRINT_LEGEND_TOP.format(count=10) in text
    assert texts.PRINT_LEGEND_VILLAGE_POINTS in text
    assert squeezed(texts.PRINT_LEGEND_VILLAGE_BADGES) in squeezed(text)
    assert "\n3\n" in text  # the badge: three villages without coordinates
    plain = figure_texts(build_figure(view, province))
    assert texts.PRINT_LEGEND_VILLAGE_POINTS not in plain and "ưu tiên" not in plain


@pytest.mark.parametrize("page,orientation", [("A4", "portrait"), ("A4", "landscape"), ("A3", "portrait")])
def test_a_long_source_list_keeps_the_illustrative_note_in_the_footer(page, orientation):
    """2026-2030's sources fill five lines at the footer's first size: the text shrinks so it and the
    illustrative note stay inside the footer band, not under the page's edge."""
    from matplotlib.figure import Figure

    from layers.paper.header_footer import SMALLEST_FOOTER, draw_footer
    sources = tuple(f"Nguồn số {i}: Quyết định số {i}/QĐ-UBND ngày 01/7/2025 về danh mục xã, phường, thôn đặc biệt "
                    f"khó khăn" for i in range(3))
    layout = page_layout(page, orientation)
    fig = Figure(figsize=(layout.width, layout.height))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, layout.width)
    ax.set_ylim(0, layout.height)
    view = MapView(title="t", legend_title="", fills={}, legend=(), illustrative=True, sources=sources)
    draw_footer(ax, layout, view, datetime.date(2026, 3, 5))
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    renderer = FigureCanvasAgg(fig).get_renderer()
    (note,) = [t for t in ax.texts if t.get_text() == texts.ILLUSTRATIVE_NOTE]
    (source,) = [t for t in ax.texts if t.get_text().startswith(texts.SOURCE_PREFIX)]
    for text in ax.texts:
        bottom = text.get_window_extent(renderer).y0 / fig.dpi  # inches from the page's foot
        assert bottom >= layout.footer[1] - 0.01, text.get_text()[:40]
    assert source.get_window_extent(renderer).x1 < note.get_window_extent(renderer).x0  # side by side
    assert source.get_fontsize() >= SMALLEST_FOOTER * layout.font_scale - 1e-9  # shrunk, but readable

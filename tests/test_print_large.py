"""The print map of a national data set (issue 15, item 5): hundreds of districts, colours that repeat, names
that thin out with the scale."""

from dataclasses import replace

from matplotlib.backends.backend_agg import FigureCanvasAgg

import texts
from benchmarks.scale_data import build
from geo.border import METRIC_CRS
from geo.province import load_province
from layers import style
from layers.paper.header_footer import province_heading
from layers.paper.layout import page_layout
from layers.paper.legend import layout_legend, legend_content, legend_items
from layers.paper.render import build_figure
from layers.style import LegendEntry
from layers.view import MapView, district_view, filters_subtitle

PALETTE = ["#a6cee3", "#1f78b4", "#b2df8a", "#33a02c", "#fb9a99", "#e31a1c", "#fdbf6f", "#ff7f00", "#cab2d6",
           "#6a3d9a", "#ffff99"]  # 11 colours for 550 districts, as the district view cycles them


def national_view(districts: int = 550, per_district: int = 18) -> MapView:
    """A district view of made-up districts ("Huyện thử N"), each with `per_district` made-up units."""
    names = [f"Huyện thử {i + 1}" for i in range(districts)]
    fills = {f"{i:04d}{j:03d}": PALETTE[i % len(PALETTE)] for i in range(districts) for j in range(per_district)}
    return MapView(title="Các xã theo huyện", legend_title="Huyện", fills=fills,
                   legend=tuple(LegendEntry(name, fill=PALETTE[i % len(PALETTE)]) for i, name in enumerate(names)),
                   counts={name: per_district for name in names})


def test_a_legend_too_long_for_its_box_keeps_what_fits_and_says_how_many_more():
    view = national_view()
    layout = layout_legend(legend_content(view), page_layout("A4", "landscape").legend)
    entries = [row for column in layout.columns for row in column if row.kind == "entry" and row.item.count]
    notes = [" ".join(row.lines) for column in layout.columns for row in column if row.kind == "note"]
    assert 20 < len(entries) < 550
    assert [row.item.label for row in entries] == [e.label for e in view.legend[:len(entries)]]  # in order
    assert notes == [f"… và {550 - len(entries)} mục khác (không đủ chỗ trên trang; xem bảng số liệu)."]
    assert layout.size >= 5  # still a size a person reads, not everything shrunk to a dot


def test_a_legend_that_fits_is_whole_and_says_nothing_more():
    layout = layout_legend(legend_content(national_view(districts=11)), page_layout("A4", "landscape").legend)
    assert not [row for column in layout.columns for row in column if row.kind == "note"]
    assert sum(row.kind == "entry" and row.item.count is not None for c in layout.columns for row in c) == 11


def test_classes_that_share_a_colour_are_not_counted_by_colour():
    """Counting what is drawn by its colour merged the 50 districts painted alike (900 units instead of 18)."""
    view = national_view()
    everything = list(view.fills)
    assert {item.count for item in legend_items(view, everything)} == {18}
    assert {item.count for item in legend_items(view, everything[:36])} == {None}  # a filter: not known per class


def district_figure(data):
    """The print figure of the district view of `data`, as the app makes it."""
    colours = style.district_colours(data.communes["district"].tolist())
    return build_figure(district_view(data.communes, colours, subtitle=filters_subtitle([], False, "", None),
                                      sources=(data.boundary_source,)), data)


def district_names(data) -> tuple[object, dict[str, float], int]:
    """The print figure of the district view, each district name drawn on it -> how much of its district's
    extent on the page its box covers, and how many districts there are."""
    fig = district_figure(data)
    renderer = FigureCanvasAgg(fig).get_renderer()
    extents = {style.short_district_name(d).upper(): b
               for d, b in zip(data.districts["district"], data.districts.to_crs(METRIC_CRS).bounds.values)}
    shares = {}
    for ax in fig.axes:
        for text in ax.texts:
            if text.get_text() in extents:
                x0, y0, x1, y1 = extents[text.get_text()]
                (px0, py0), (px1, py1) = ax.transData.transform([(x0, y0), (x1, y1)])
                box = text.get_window_extent(renderer)
                shares[text.get_text()] = box.width * box.height / abs((px1 - px0) * (py1 - py0))
    return fig, shares, len(extents)


def test_district_names_thin_out_with_the_scale(province, tmp_path):
    """At national scale a district name spans several districts and reads as theirs: it is left off where its
    district is drawn too small to carry it (its box would cover more than half the district's extent)."""
    _, shares, count = district_names(province)
    assert len(shares) == count == 11  # the province map names every district, the city too
    build(tmp_path, 1000)  # Lạng Sơn five times: a fifth of the scale
    _, shares, count = district_names(load_province({"LANGSON_GEODATA_DIR": str(tmp_path)}))
    assert 0 < len(shares) < count - 5
    assert max(shares.values()) <= 0.55, shares  # (the halo and rounding: a little over the half)



def test_the_line_above_the_title_is_the_name_the_outline_file_gives(province):
    assert province_heading(province.province) == "Tỉnh Lạng Sơn"  # langson_province.geojson's own name
    renamed = replace(province, province=province.province.assign(province="Cả nước <b>$x$</b>"))
    drawn = {t.get_text() for ax in district_figure(renamed).axes for t in ax.texts}
    assert "CẢ NƯỚC <B>$X$</B>" in drawn and "TỈNH LẠNG SƠN" not in drawn  # as written: no markup, no mathtext
    assert province_heading(province.province.assign(province=None)) == texts.PRINT_HEADER  # no name: the default

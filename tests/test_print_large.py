"""The print legend of a national data set (issue 15, item 5): hundreds of districts, colours that repeat."""

from layers.paper.layout import page_layout
from layers.paper.legend import layout_legend, legend_content, legend_items
from layers.style import LegendEntry
from layers.view import MapView

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

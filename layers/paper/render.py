"""The print map: a MapView as a PNG or vector PDF page for reports (A4/A3).

Drawn with matplotlib from the full-resolution geometry in UTM zone 48N
(geometry.py), so lengths on paper are true and the scale bar and "1:N" can be
trusted. Colours and legend classes come only from the MapView, the same
object the web map draws, so the page matches the screen. The matplotlib
object API is used (a private Figure per call, explicit font on every text)
so concurrent renders in Streamlit's threads do not share state.
"""

from __future__ import annotations

import datetime
import io

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

import texts
from geo.province import ProvinceData
from geo.vnformat import export_now, nfc
from layers.paper.drawing import (
    draw_features,
    draw_top,
    draw_village_badges,
    draw_village_points,
    draw_watermark,
    split_villages,
    village_badge_boxes,
    village_point_boxes,
)
from layers.paper.frame import map_axes, map_frame, selected_mask
from layers.paper.furniture import draw_furniture, draw_inset
from layers.paper.geometry import print_geometry
from layers.paper.header_footer import draw_footer, draw_header, province_heading
from layers.paper.labels import draw_commune_labels, draw_district_labels, draw_neighbour_label
from layers.paper.layout import page_layout, paper_inches
from layers.paper.legend import draw_legend, legend_content, overlay_items
from layers.view import MapView

FORMATS = ("png", "pdf")

# Vector text in the PDF, with the TrueType font embedded (Type 42), so it can be
# searched, copied and printed sharply. Read when the PDF is written; setting
# the same value each time is safe from any thread.
matplotlib.rcParams["pdf.fonttype"] = 42
# Text is printed as typed: a "$…$" in an export title is not TeX math (and a
# "$\foo$" would otherwise stop the export).
matplotlib.rcParams["text.parse_math"] = False
# Glyphs are drawn at their true widths, not snapped to the pixel grid: hinted
# text at 150 dpi came out ~5 % wider than measured, so wrapped lines and
# label boxes (layers/paper/labels.py) no longer matched what was drawn.
matplotlib.rcParams["text.hinting"] = "no_hinting"


def render_print_map(view: MapView, data: ProvinceData, *, page: str = "A4", orientation: str = "landscape",
                     dpi: int = 300, fmt: str = "png", title: str | None = None,
                     export_date: datetime.date | None = None, highlighted: tuple[str, ...] = (),
                     villages: pd.DataFrame | None = None) -> bytes:
    """The page as PNG (at `dpi`, with the dpi recorded in the file) or vector PDF bytes.

    `highlighted` are the communes the screen outlines in orange (priority view's
    top N); `villages` (gso_code, village[, lon, lat]) the extremely
    disadvantaged villages shown on screen: points where they have coordinates,
    a count on their commune where they do not. Both as on the web map.
    """
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}, not {fmt!r}")
    if not 50 <= dpi <= 1200:
        raise ValueError(f"dpi must be between 50 and 1200, not {dpi}")
    fig = build_figure(view, data, page=page, orientation=orientation, title=title, export_date=export_date,
                       pixel_dpi=dpi if fmt == "png" else None, highlighted=highlighted, villages=villages)
    matplotlib.rcParams["pdf.fonttype"] = 42
    title_text = nfc(title if title is not None else view.title)
    buffer = io.BytesIO()
    if fmt == "png":
        fig.savefig(buffer, format="png", dpi=dpi, metadata={"Title": title_text, "Software": None})
    else:
        fig.savefig(buffer, format="pdf", metadata={"Title": title_text, "Subject": nfc(view.subtitle),
                                                     "Creator": texts.APP_TITLE, "CreationDate": None})
    return buffer.getvalue()


def build_figure(view: MapView, data: ProvinceData, *, page: str = "A4", orientation: str = "landscape",
                 title: str | None = None, export_date: datetime.date | None = None,
                 pixel_dpi: int | None = None, highlighted: tuple[str, ...] = (),
                 villages: pd.DataFrame | None = None) -> Figure:
    """The whole page as a matplotlib Figure (not attached to pyplot).

    With `pixel_dpi`, the figure is sized to whole pixels at that dpi, so a
    300 dpi A4 PNG is 3508 x 2480 pixels rather than one pixel short.
    """
    layout = page_layout(page, orientation)
    width, height = paper_inches(page, orientation)
    if pixel_dpi:
        width, height = round(width * pixel_dpi) / pixel_dpi, round(height * pixel_dpi) / pixel_dpi
    geometry = print_geometry(data)
    fig = Figure(figsize=(width, height), dpi=pixel_dpi or 72, facecolor="white")

    page_ax = fig.add_axes((0, 0, 1, 1))
    page_ax.set_xlim(0, width)
    page_ax.set_ylim(0, height)
    page_ax.set_axis_off()

    selected = selected_mask(view, geometry)
    frame = map_frame(layout.map, geometry, selected)
    map_ax = map_axes(fig, frame, width, height)
    fs = layout.font_scale

    draw_features(map_ax, view, geometry, selected)
    top = np.isin(geometry.codes, list(highlighted))
    draw_top(map_ax, geometry, top)
    points, badges = split_villages(villages, geometry)
    draw_village_points(map_ax, points, fs)
    obstacles = draw_furniture(map_ax, frame, geometry, fs)
    marks = village_point_boxes(frame, points, fs) + list(village_badge_boxes(frame, geometry, badges, fs).values())
    obstacles += draw_district_labels(map_ax, frame, geometry, fs, obstacles, marks=marks)  # clear of villages
    obstacles += draw_neighbour_label(map_ax, frame, geometry, fs, obstacles)
    # data, moved off any name; veiled outside the filter as the communes are
    badge_boxes = draw_village_badges(map_ax, frame, geometry, badges, fs, obstacles, selected=selected)
    obstacles += list(badge_boxes.values())
    draw_commune_labels(map_ax, frame, geometry, selected, fs, obstacles, below=badge_boxes)
    if view.illustrative:
        draw_watermark(map_ax, frame)

    title_text = nfc(title if title is not None else view.title)
    draw_header(page_ax, layout, province_heading(data.province), title_text, nfc(view.subtitle))
    overlays = overlay_items(int(top.sum()), village_points=len(points) > 0, village_badges=bool(badge_boxes),
                             top_of=view.top_n)
    shown = geometry.codes[selected] if selected.any() else geometry.codes  # the legend counts what is shown
    content = legend_content(view, bool(selected.any()), overlays, districts=bool(geometry.district_paths),
                             zones=bool(geometry.zone_paths), units=tuple(shown))
    draw_legend(page_ax, layout.legend, content, fs)
    draw_inset(fig, page_ax, layout, geometry, frame, selected, width, height)
    draw_footer(page_ax, layout, view, export_date or export_now().date())
    return fig



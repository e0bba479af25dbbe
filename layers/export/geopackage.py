"""The current view as one GeoPackage a GIS person opens in QGIS and sees the map of the page.

Layers: the units in the table under the map (one feature per row, every column under its English id, the
Vietnamese header as the field's alias, plus the view's class `map_class` and colour `map_colour`), the
priority view's first units to invest in, the extremely disadvantaged villages (a point where coordinates
are known, none invented), the districts (2021-2025), the province outline, the border and, in 2026-2030,
the uncertain zones shared with the units shown; and `thong_tin`: title, filters, sources, export time.

Each layer's default style is a QGIS 3 QML stored in the `layer_styles` table QGIS itself writes and reads,
so QGIS applies it on open: the units are categorised on `map_class` with the legend's labels, order and
exact colours, the outlines, zones and villages drawn as on the print map (layers/paper) at its widths.
Aliases are also in the standard `gpkg_data_columns` table (name = field, title = Vietnamese header).

Coordinates are WGS 84 / UTM zone 48N (EPSG:32648), the print map's: QGIS takes a project's CRS from the
first layer, so it draws the shapes of the print, not a stretched lon/lat grid, and measures areas and
lengths in metres. Demonstration data says so in `thong_tin`, the dataset metadata, the layers'
descriptions and the names of the layers that hold it (`..._minh_hoa`). Text from files enters the QML
only through xml.etree (escaped) and the database only as bound values.
"""

from __future__ import annotations

import datetime
import sqlite3
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely

import texts
from geo.province import ProvinceData
from geo.vnformat import export_now, nfc, vietnam_clock
from layers import style
from layers.export import qml
from layers.paper.drawing import COMMUNE_EDGE_PT, VILLAGE_DOT_EDGE_PT, VILLAGE_DOT_PT
from layers.paper.geometry import PRINT_CRS
from layers.paper.legend import TOP_WIDTH_PT, ZONE_DASHES, ZONE_EDGE_PT, ZONE_HATCH_WIDTH_PT, outline_width, zone_style
from layers.view import MapView, top_label

if TYPE_CHECKING:
    from layers.thematic import BuiltView

GPKG_CRS = PRINT_CRS
# GeoPackage 1.2: what QGIS and GDAL since 2.2 read without a warning (GDAL 3.12 writes 1.4 by default, which
# Debian 12's GDAL 3.6 and QGIS 3.22 say they "may only partially support").
GPKG_OPTIONS = {"VERSION": "1.2"}
# Table names: ASCII, as SQL and every GIS tool take them; programme-data layers of demo data end in "_minh_hoa".
UNITS, TOP, VILLAGES = "don_vi", "uu_tien_dau_tu", "thon_dbkk"
DISTRICTS, PROVINCE, BORDER, ZONES = "huyen", "tinh", "bien_gioi", "vung_chua_ro_ranh_gioi"
INFO, STYLES = "thong_tin", "layer_styles"
ILLUSTRATIVE_SUFFIX = "_minh_hoa"
CLASS_FIELD, COLOUR_FIELD = "map_class", "map_colour"
UNIT_LABEL_FIELD, DISTRICT_LABEL_FIELD = "commune", "district"

MULTI = ("MultiPolygon", "MultiLineString")  # a polygon or line layer takes both forms
BORDER_DASHES = (3, 1.6)  # in line widths, as layers/paper/drawing.draw_features draws the border
# Between the zones' diagonal lines: matplotlib draws "/////" (ZONE_HATCH_PATTERN) as 30 lines an inch, each
# 2/30 inch along either axis from the last: 25.4 × 2/30 / √2 ≈ 1.2 mm apart across the lines, on paper.
ZONE_HATCH_SPACING_MM = 1.2
UNIT_LABEL_PT, DISTRICT_LABEL_PT = 7.0, 9.0


@dataclass
class _Layer:
    name: str
    frame: pd.DataFrame  # a GeoDataFrame in GPKG_CRS, or a plain table (thong_tin)
    identifier: str  # gpkg_contents.identifier: the layer's title
    aliases: dict[str, str]  # field -> Vietnamese alias, in field order
    renderer: ET.Element | None = None  # QML <renderer-v2>; None: aliases only (thong_tin)
    geometry_type: str | None = None  # OGR's name, "MultiPolygon" ...; None: no geometry
    description: str = ""
    labels: ET.Element | None = None  # QML <labeling>


def view_to_gpkg(built: BuiltView, province: ProvinceData, *, title: str, filters: str,
                 villages: pd.DataFrame | None = None, exported_at: datetime.datetime | None = None) -> bytes:
    """The GeoPackage of the page's view (`built`: layers.page.MapPage.built) over `province` (full-resolution
    geometry); `villages` (gso_code, village[, lon, lat]) when the map shows them; `exported_at` defaults to
    now in Vietnam time (geo.vnformat.export_now)."""
    view, table = built.view, built.table.reset_index(drop=True)
    exported_at = exported_at or export_now()
    layers = [_units(view, table, built.headers, province, title)]
    top = _top(view, table, built.top, layers[0].frame, built.headers)
    zones = _zones(province, set(table["code"]))
    # Bottom to top, as the print map draws them: QGIS adds a file's layers in its order within each geometry type
    # (polygons, then lines, then points above), so the outlines lie over the fills.
    layers += [layer for layer in (zones, *_boundaries(province), top, _border(province),
                                   _villages(villages, table, built.headers, view.illustrative)) if layer is not None]
    info = _info(view, title, filters, len(table), exported_at)
    _unique_identifiers([*layers, info])
    with tempfile.TemporaryDirectory(prefix="gpkg-") as folder:
        path = Path(folder) / "map.gpkg"
        for layer in [*layers, info]:
            options = {"IDENTIFIER": layer.identifier, "DESCRIPTION": layer.description}
            pyogrio.write_dataframe(layer.frame, path, layer=layer.name, driver="GPKG",
                                    geometry_type=layer.geometry_type,
                                    promote_to_multi=layer.geometry_type in MULTI, layer_options=options,
                                    dataset_metadata=_dataset_metadata(info) if layer is info else None,
                                    dataset_options=GPKG_OPTIONS)
        _write_styles(path, [*layers, info], exported_at)
        _write_aliases(path, [*layers, info])
        return path.read_bytes()


def unit_classes(view: MapView, table: pd.DataFrame) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """Per row of `table`: its class (the legend label of the colour the view gives it, as the print map
    draws it: no colour is "no data") and that colour; and the categories (label, colour) in legend order.

    Where classes share a colour (a national data set's hundreds of districts), the row's district names it.
    """
    categories = [(qml.xml_safe(entry.label), entry.fill) for entry in view.legend if entry.fill]
    by_colour: dict[str, list[str]] = {}
    for label, colour in categories:
        by_colour.setdefault(colour.lower(), []).append(label)
    districts = table["district"] if "district" in table else pd.Series("", index=table.index)
    labels, colours, listed = [], [], {label for label, _ in categories}
    for code, district in zip(table["code"], districts):
        colour = view.fills.get(code, style.NO_DATA)
        candidates = by_colour.get(colour.lower()) or [texts.LEGEND_NO_DATA]
        named = qml.xml_safe(district)
        label = named if len(candidates) > 1 and named in candidates else candidates[0]
        if label not in listed:  # a colour the legend does not list (never expected): still a category
            categories.append((label, colour))
            listed.add(label)
        labels.append(label)
        colours.append(colour)
    return labels, colours, categories


def _units(view: MapView, table: pd.DataFrame, headers: dict[str, str], province: ProvinceData,
           title: str) -> _Layer:
    labels, colours, categories = unit_classes(view, table)
    frame = table.assign(**{CLASS_FIELD: labels, COLOUR_FIELD: colours})
    aliases = {column: headers[column] for column in table.columns}  # KeyError: a column nobody named
    aliases.update({CLASS_FIELD: texts.GPKG_FIELD_CLASS, COLOUR_FIELD: texts.GPKG_FIELD_COLOUR})
    geometry = province.communes.set_index("gso_code").geometry.reindex(table["code"])
    units = gpd.GeoDataFrame(frame, geometry=geometry.to_numpy(), crs=province.communes.crs).to_crs(GPKG_CRS)
    fill = {"outline_color": qml.rgba(style.COMMUNE_EDGE), "outline_width": qml.mm(COMMUNE_EDGE_PT), "style": "solid"}
    renderer = qml.categorized(CLASS_FIELD, [
        (label, [("SimpleFill", {**qml.mm_units(), **fill, "color": qml.rgba(colour)})])
        for label, colour in categories])
    labelled = UNIT_LABEL_FIELD if UNIT_LABEL_FIELD in units else None
    return _Layer(_named(UNITS, view.illustrative), units, nfc(title), aliases, renderer, "MultiPolygon",
                  _described(view.legend_title, view.illustrative),
                  labels=qml.labeling(labelled, UNIT_LABEL_PT) if labelled else None)


def _top(view: MapView, table: pd.DataFrame, top: tuple[str, ...], units: gpd.GeoDataFrame,
         headers: dict[str, str]) -> _Layer | None:
    """The priority view's first units to invest in, outlined as on the print map."""
    if not top:
        return None
    columns = [c for c in ("rank", "code", "commune") if c in table]
    frame = units.loc[units["code"].isin(top), [*columns, "geometry"]]
    outline = {"style": "no", "outline_color": qml.rgba(style.TOP_EDGE), "outline_width": qml.mm(TOP_WIDTH_PT),
               "joinstyle": "round"}
    return _Layer(_named(TOP, view.illustrative), frame, top_label(len(frame), view.top_n),
                  {c: headers[c] for c in columns}, qml.single("fill", [("SimpleFill", {**qml.mm_units(), **outline})]),
                  "MultiPolygon", _described("", view.illustrative))


def _villages(villages: pd.DataFrame | None, table: pd.DataFrame, headers: dict[str, str],
              illustrative: bool) -> _Layer | None:
    """The villages of the units shown; a village without coordinates is listed with no geometry (never placed)."""
    if villages is None or villages.empty:
        return None
    names = dict(zip(table["code"], table["commune"]))
    rows = villages[villages["gso_code"].astype(str).isin(names)]
    if rows.empty:
        return None
    lon, lat = (pd.to_numeric(rows[c], errors="coerce").to_numpy() if c in rows else np.full(len(rows), np.nan)
                for c in ("lon", "lat"))
    known = ~(np.isnan(lon) | np.isnan(lat))
    points = np.full(len(rows), None, dtype=object)
    points[known] = shapely.points(lon[known], lat[known])
    codes = rows["gso_code"].astype(str).to_numpy()
    frame = gpd.GeoDataFrame({"gso_code": codes, "commune": [names[c] for c in codes],
                              "village": rows["village"].astype(str).to_numpy(), "lon": lon, "lat": lat},
                             geometry=points, crs="EPSG:4326").to_crs(GPKG_CRS)
    aliases = {"gso_code": texts.COL_CODE, "commune": headers["commune"], "village": texts.GPKG_FIELD_VILLAGE,
               "lon": texts.GPKG_FIELD_LON, "lat": texts.GPKG_FIELD_LAT}
    marker = {"name": "circle", "color": qml.rgba(style.VILLAGE_COLOUR), "outline_color": qml.rgba("white"),
              "outline_width": qml.mm(VILLAGE_DOT_EDGE_PT), "outline_width_unit": "MM", "size": qml.mm(VILLAGE_DOT_PT),
              "size_unit": "MM"}
    return _Layer(_named(VILLAGES, illustrative), frame, texts.GPKG_LAYER_VILLAGES, aliases,
                  qml.single("marker", [("SimpleMarker", marker)]), "Point", _described("", illustrative))


def _zones(province: ProvinceData, codes: set[str]) -> _Layer | None:
    """2026-2030: old communes split between two units, the line unknown; those touching the units shown."""
    zones = province.zones
    if zones is None or zones.empty:
        return None
    zones = zones[[bool(codes & set(shared)) for shared in zones["new_codes"]]]
    if zones.empty:
        return None
    aliases = {"old_code": texts.GPKG_FIELD_OLD_CODE, "old_commune": texts.UNPLACED_COLUMNS["old_commune"],
               "old_district": texts.GPKG_FIELD_OLD_DISTRICT, "new_units": texts.UNPLACED_COLUMNS["candidates"]}
    columns = {c: zones[c].to_numpy() for c in aliases if c in zones}
    columns["new_units"] = [texts.OR_JOIN.join(names) for names in zones["new_names"]]
    aliases = {c: alias for c, alias in aliases.items() if c in columns}
    frame = gpd.GeoDataFrame(columns, geometry=zones.geometry.to_numpy(), crs=zones.crs).to_crs(GPKG_CRS)
    fill, edge = zone_style()
    hatch_line = [("SimpleLine", {"line_color": qml.rgba(fill["hatchcolor"]), "line_width": qml.mm(ZONE_HATCH_WIDTH_PT),
                                  "line_width_unit": "MM"})]
    symbol = [("SimpleFill", {**qml.mm_units(), "color": qml.rgba(fill["facecolor"]), "outline_style": "no"}),
              ("LinePatternFill", {"angle": "45", "distance": f"{ZONE_HATCH_SPACING_MM}", "distance_unit": "MM",
                                   "color": qml.rgba(fill["hatchcolor"]), "line_width": qml.mm(ZONE_HATCH_WIDTH_PT),
                                   "line_width_unit": "MM"}, hatch_line),
              ("SimpleLine", qml.dashed(edge["edgecolor"], ZONE_EDGE_PT, ZONE_DASHES[1]))]
    return _Layer(ZONES, frame, texts.LEGEND_ZONES, aliases, qml.single("fill", symbol), "MultiPolygon")


def _boundaries(province: ProvinceData) -> list[_Layer]:
    """Districts (when the period has them, named as on the print) and the province, outlined at the print's widths."""
    layers = []
    for name, frame, colour, columns, title in (
            (DISTRICTS, province.districts, style.DISTRICT_EDGE,
             {"district": texts.COL_DISTRICT, "district_code": texts.COL_CODE}, texts.LEGEND_DISTRICT),
            (PROVINCE, province.province, style.PROVINCE_EDGE,
             {"province": texts.GPKG_FIELD_NAME, "province_code": texts.COL_CODE}, texts.LEGEND_PROVINCE)):
        if frame is None or frame.empty:
            continue
        kept = {c: alias for c, alias in columns.items() if c in frame}
        outline = {"style": "no", "outline_color": qml.rgba(colour), "outline_width": qml.mm(outline_width(colour)),
                   "joinstyle": "round"}
        named = name == DISTRICTS and DISTRICT_LABEL_FIELD in kept
        layers.append(_Layer(name, _projected(frame, kept), title, kept,
                             qml.single("fill", [("SimpleFill", {**qml.mm_units(), **outline})]), "MultiPolygon",
                             labels=(qml.labeling(DISTRICT_LABEL_FIELD, DISTRICT_LABEL_PT, bold=True)
                                     if named else None)))
    return layers


def _border(province: ProvinceData) -> _Layer | None:
    """The national border, dashed as on the print map."""
    border = province.border_line
    if border is None or border.empty:
        return None
    kept = {"name": texts.GPKG_FIELD_NAME} if "name" in border else {}
    line = qml.dashed(style.BORDER_LINE, outline_width(style.BORDER_LINE), BORDER_DASHES, capstyle="flat")
    return _Layer(BORDER, _projected(border, kept), texts.LEGEND_BORDER, kept,
                  qml.single("line", [("SimpleLine", line)]), "MultiLineString")


def _info(view: MapView, title: str, filters: str, rows: int, exported_at: datetime.datetime) -> _Layer:
    """`thong_tin`: what the file shows and where it comes from, as the Excel export's "Nguồn" sheet says it."""
    lines = [(texts.XLSX_TITLE, title), (texts.XLSX_FILTERS, filters), (texts.GPKG_INFO_LEGEND, view.legend_title)]
    if view.recipe:
        lines.append((texts.RECIPE_TITLE, view.recipe))
    lines += [(texts.XLSX_SOURCES, source) for source in view.sources]
    lines += [(texts.XLSX_EXPORTED_AT, vietnam_clock(exported_at)), (texts.XLSX_ROWS, str(rows)),
              (texts.GPKG_INFO_CRS, texts.GPKG_CRS_NAME)]
    if view.illustrative:
        lines.append((texts.XLSX_NOTE, texts.ILLUSTRATIVE_NOTE))
    frame = pd.DataFrame({"item": [nfc(item) for item, _ in lines], "detail": [nfc(text) for _, text in lines]})
    return _Layer(INFO, frame, texts.GPKG_LAYER_INFO, {"item": texts.COL_ITEM, "detail": texts.COL_DETAIL},
                  description=_described("", view.illustrative))


def _dataset_metadata(info: _Layer) -> dict[str, str]:
    """`thong_tin` again as the dataset's metadata (ogrinfo prints it): item -> text, sources joined."""
    metadata: dict[str, str] = {}
    for item, text in zip(info.frame["item"], info.frame["detail"]):
        metadata[item] = f"{metadata[item]}; {text}" if item in metadata else text
    return metadata


def _named(name: str, illustrative: bool) -> str:
    return name + ILLUSTRATIVE_SUFFIX if illustrative else name


def _described(text: str, illustrative: bool) -> str:
    return " — ".join(part for part in (text, texts.ILLUSTRATIVE_NOTE if illustrative else "") if part)


def _unique_identifiers(layers: list[_Layer]) -> None:
    """gpkg_contents.identifier is UNIQUE: a title typed like another layer's gets its table's name."""
    seen: set[str] = set()
    for layer in layers:
        if layer.identifier in seen:
            layer.identifier = f"{layer.identifier} ({layer.name})"
        seen.add(layer.identifier)


def _projected(frame: gpd.GeoDataFrame, columns: dict[str, str]) -> gpd.GeoDataFrame:
    return frame[[*columns, frame.geometry.name]].to_crs(GPKG_CRS)


# --- the database: styles QGIS applies on open, aliases --------------------------------------------------------


def _write_styles(path: Path, layers: list[_Layer], at: datetime.datetime) -> None:
    """One default style per table in `layer_styles`, as QGIS's own "Save style in database" writes it (the table
    through OGR, FID "id"; schema and catalog empty strings, which QGIS's query asks for)."""
    db = sqlite3.connect(path)
    columns = dict(db.execute("SELECT table_name, column_name FROM gpkg_geometry_columns").fetchall())
    db.close()
    rows = [{"f_table_catalog": "", "f_table_schema": "", "f_table_name": layer.name,
             "f_geometry_column": columns.get(layer.name, ""), "styleName": layer.name, "styleQML": layer_qml(layer),
             "styleSLD": "", "useAsDefault": True, "description": texts.GPKG_STYLE_DESCRIPTION, "owner": "",
             "ui": "", "update_time": at.astimezone(datetime.timezone.utc).replace(tzinfo=None)}
            for layer in layers]
    pyogrio.write_dataframe(pd.DataFrame(rows), path, layer=STYLES, driver="GPKG", layer_options={"FID": "id"})


def _write_aliases(path: Path, layers: list[_Layer]) -> None:
    """The aliases in the GeoPackage schema extension's gpkg_data_columns (name = field, title = alias); the
    tables as the standard defines them, registered in gpkg_extensions (which GDAL made for the spatial index)."""
    db = sqlite3.connect(path)
    with db:
        db.execute("CREATE TABLE gpkg_data_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, name TEXT, "
                   "title TEXT, description TEXT, mime_type TEXT, constraint_name TEXT, CONSTRAINT pk_gdc PRIMARY KEY "
                   "(table_name, column_name), CONSTRAINT gdc_tn UNIQUE (table_name, name))")
        db.execute("CREATE TABLE gpkg_data_column_constraints (constraint_name TEXT NOT NULL, constraint_type TEXT "
                   "NOT NULL, value TEXT, min NUMERIC, min_is_inclusive BOOLEAN, max NUMERIC, max_is_inclusive "
                   "BOOLEAN, description TEXT, CONSTRAINT gdcc_ntv UNIQUE (constraint_name, constraint_type, value))")
        db.executemany("INSERT INTO gpkg_extensions VALUES (?, NULL, 'gpkg_schema', "
                       "'http://www.geopackage.org/spec/#extension_schema', 'read-write')",
                       [("gpkg_data_columns",), ("gpkg_data_column_constraints",)])
        db.executemany("INSERT INTO gpkg_data_columns (table_name, column_name, name, title) VALUES (?, ?, ?, ?)",
                       [(layer.name, column, column, nfc(alias)) for layer in layers
                        for column, alias in layer.aliases.items()])
    db.close()


def layer_qml(layer: _Layer) -> str:
    """The layer's QGIS style document (layers/export/qml.py)."""
    return qml.document(layer.renderer, layer.labels, layer.aliases, layer.geometry_type)

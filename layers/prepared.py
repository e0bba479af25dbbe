"""The province data set made ready for the maps: loaded, coloured, simplified for the web, searchable.

Built once per data set (the app caches it); the pages, the web map and the
print map read everything they draw from here.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from geo.new_units import new_period_province
from geo.province import ProvinceData, load_province
from geo.vocabulary import PERIOD_2021, PERIOD_2026, Period
from geo.webgeom import WEB_TOLERANCE_DEG, label_points, simplify_for_web, simplify_lines_for_web
from layers import style
from layers.style import short_district_name
from layers.web import detail_levels, geometry_file
from layers.web.geojson import WebLayers, shape_parts, web_layers, with_overview


@dataclass
class MapData:
    province_data: ProvinceData
    web_communes: gpd.GeoDataFrame
    web_districts: gpd.GeoDataFrame
    web_province: gpd.GeoDataFrame
    web_border: gpd.GeoDataFrame
    colours: dict[str, str]
    layers: WebLayers

    @property
    def communes(self) -> gpd.GeoDataFrame:
        return self.province_data.communes

    @property
    def period(self) -> Period:
        return self.province_data.period

    @property
    def warnings(self) -> list[str]:
        return self.province_data.warnings

    @property
    def boundary_source(self) -> str:
        return self.province_data.boundary_source

    @property
    def district_names(self) -> list[str]:
        return list(self.colours)

    search_labels: dict[str, str]  # GSO code -> "Xã Hòa Bình — Chi Lăng", sorted by name
    label_points: gpd.GeoSeries  # GSO code -> point inside the commune (labels, village badges)

    def search_label(self, code: str) -> str:
        return self.search_labels[code]


def prepare(env: dict | None = None, period: str = PERIOD_2021.key) -> MapData:
    """The map data of `period` (a key of geo.vocabulary.PERIODS), read from the data folders."""
    return prepare_period(period_data(load_province(env), period))


_PERIOD_DATA = {PERIOD_2021.key: lambda province: province, PERIOD_2026.key: new_period_province}


def period_data(province: ProvinceData, period: str) -> ProvinceData:
    """The 2021-2025 data set as loaded, or the 2026-2030 one derived from it."""
    return _PERIOD_DATA[period](province)


def prepare_period(data: ProvinceData) -> MapData:
    """Colours, web geometry, labels and search entries of one period's data set."""
    colours = style.district_colours(data.communes["district"].tolist(), order=data.district_order)
    web_communes, web_zones = _simplified_together(data.communes, data.zones)
    web_districts = simplify_for_web(data.districts)
    web_province = simplify_for_web(data.province)
    web_border = simplify_lines_for_web(data.border_line)
    points = label_points(data.communes).set_axis(data.communes["gso_code"].values)  # placed once, used twice
    layers = web_layers(web_communes, web_districts, web_province, web_border, web_zones, period=data.period,
                        commune_points=points)
    layers = geometry_file.publish_layers(_with_overview(layers, data))
    return MapData(province_data=data, web_communes=web_communes, web_districts=web_districts,
                   web_province=web_province, web_border=web_border, colours=colours, layers=layers,
                   search_labels=_search_labels(data.communes, data.period.has_districts),
                   label_points=points)


def _with_overview(layers: WebLayers, data: ProvinceData) -> WebLayers:
    """A data set of many units gets simpler shapes for the zooms that show most of it
    (layers/web/detail_levels.py); a province's layers are returned as they are."""
    zoom = detail_levels.detail_from(len(data.communes), layers.bounds, WEB_TOLERANCE_DEG)
    if zoom is None:
        return layers
    tolerance = detail_levels.overview_tolerance(zoom)
    communes, zones = _simplified_together(data.communes, data.zones, tolerance)
    shapes = shape_parts(communes, simplify_for_web(data.districts, tolerance),
                         simplify_for_web(data.province, tolerance),
                         simplify_lines_for_web(data.border_line, tolerance / 2), zones, data.period)
    return with_overview(layers, zoom, shapes)


def _simplified_together(units: gpd.GeoDataFrame, zones: gpd.GeoDataFrame | None,
                         tolerance: float = WEB_TOLERANCE_DEG):
    """Units and uncertain zones simplified as one coverage, so their shared edges stay identical."""
    if zones is None:
        return simplify_for_web(units, tolerance), None
    both = simplify_for_web(pd.concat([units[["geometry"]], zones[["geometry"]]], ignore_index=True), tolerance)
    return (units.set_geometry(both.geometry.values[: len(units)]),
            zones.set_geometry(both.geometry.values[len(units):]))


def _search_labels(communes: pd.DataFrame, with_district: bool) -> dict[str, str]:
    """Code -> the name to search by; with its district where names repeat across districts (2021)."""
    ordered = communes.sort_values(["commune_name", "district"])
    return {code: f"{name} — {short_district_name(district)}" if with_district else name
            for code, name, district in zip(ordered["gso_code"], ordered["commune"], ordered["district"])}

"""The province data set made ready for the maps: loaded, coloured, simplified for the web, searchable.

Built once per data set (the app caches it); the pages, the web map and the
print map read everything they draw from here.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from geo.province import ProvinceData, load_province
from geo.webgeom import label_points, simplify_for_web, simplify_lines_for_web
from layers import style
from layers.style import short_district_name
from layers.web.geojson import WebLayers, web_layers


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

    @property
    def search_options(self) -> list[str]:
        return list(self.search_labels)

    def search_label(self, code: str) -> str:
        return self.search_labels[code]


def prepare(env: dict | None = None) -> MapData:
    data = load_province(env)
    colours = style.district_colours(data.communes["district"].tolist())
    web_communes = simplify_for_web(data.communes)
    web_districts = simplify_for_web(data.districts)
    web_province = simplify_for_web(data.province)
    web_border = simplify_lines_for_web(data.border_line)
    return MapData(province_data=data, web_communes=web_communes, web_districts=web_districts,
                   web_province=web_province, web_border=web_border, colours=colours,
                   layers=web_layers(web_communes, web_districts, web_province, web_border),
                   search_labels=_search_labels(data.communes),
                   label_points=label_points(data.communes).set_axis(data.communes["gso_code"].values))


def _search_labels(communes: pd.DataFrame) -> dict[str, str]:
    ordered = communes.sort_values(["commune_name", "district"])
    return {code: f"{name} — {short_district_name(district)}"
            for code, name, district in zip(ordered["gso_code"], ordered["commune"], ordered["district"])}

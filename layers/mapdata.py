"""Province data made ready for the web map: simplified, coloured, with search labels.

Built once per data set (the app caches it); everything the app shows is read
from here so that app.py only wires widgets.
"""

from __future__ import annotations

from dataclasses import dataclass

import folium
import geopandas as gpd
import pandas as pd

import texts
from geo.border import BUFFER_M, MIN_BORDER_KM
from geo.filters import BORDER_COMPUTED, BORDER_EITHER, BORDER_SOURCED
from geo.province import ProvinceData, load_province
from geo.programme import Programme
from geo.webgeom import label_points, simplify_for_web, simplify_lines_for_web
from layers import style
from layers.style import short_district_name
from layers.view import MapView
from layers.webmap import BORDER_LABELS, WebLayers, build_base_map, view_for_bounds, web_layers

BORDER_SOURCES = {
    BORDER_EITHER: texts.BORDER_SOURCE_EITHER,
    BORDER_SOURCED: texts.BORDER_SOURCE_SOURCED,
    BORDER_COMPUTED: texts.BORDER_SOURCE_COMPUTED,
}


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


def base_map(data: MapData, view: MapView, *, osm: bool, large_labels: bool, villages: bool = False,
             top_n: int = 0) -> folium.Map:
    """The map that stays mounted while only the filters change (the legend is part of it)."""
    extra = (style.LegendEntry(texts.LEGEND_VILLAGES, fill=style.VILLAGE_COLOUR),) if villages else ()
    if top_n:
        extra += (style.LegendEntry(texts.PRINT_LEGEND_TOP.format(count=top_n), line=style.TOP_EDGE, weight=4),)
    return build_base_map(data.layers, view, osm=osm, large_labels=large_labels, extra_legend=extra)


def view_of(data: MapData, codes: list[str]) -> tuple[tuple[float, float], float]:
    """Centre and zoom showing the chosen communes; the province (the map's opening view) for none or all."""
    chosen = data.web_communes[data.web_communes["gso_code"].isin(codes)]
    if chosen.empty or len(chosen) == len(data.web_communes):
        return view_for_bounds(data.layers.bounds)
    return view_for_bounds(tuple(chosen.total_bounds))


def border_counts(communes: pd.DataFrame) -> dict:
    return {"sourced": int(communes["border_sourced"].sum()), "computed": int(communes["border_computed"].sum()),
            "min_km": MIN_BORDER_KM, "buffer_m": int(BUFFER_M)}


def border_table(communes: pd.DataFrame) -> pd.DataFrame:
    """Every commune that either list calls a border commune, disagreements first."""
    rows = communes[communes["is_border"]].copy()
    rows["order"] = rows["border_status"].map({"sourced_only": 0, "computed_only": 1, "both": 2})
    rows = rows.sort_values(["order", "district", "commune"])
    return pd.DataFrame({
        texts.COL_DISTRICT: rows["district"].map(short_district_name),
        texts.COL_COMMUNE: rows["commune"],
        texts.COL_CODE: rows["gso_code"],
        texts.COL_BORDER_KM: rows["border_km"].round(1),
        texts.COL_BORDER_STATUS: rows["border_status"].map(BORDER_LABELS),
        texts.COL_NEW_COMMUNE: rows["new_commune_2025"],
    })


def view_sources(data: MapData, programme: Programme, kind: str) -> tuple[str, ...]:
    """The "Nguồn:" parts of a view: the boundaries in use, plus the programme files it shows."""
    parts = [data.boundary_source]
    if kind != "admin":
        if programme.illustrative:
            parts.append(texts.ILLUSTRATIVE_NOTE)
        elif programme.files:
            parts.append(texts.SOURCE_FILES.format(files=", ".join(sorted(set(programme.files.values())))))
    return tuple(parts)


def clicked_code(returned: dict | None) -> str | None:
    """The GSO code of the commune last clicked on the map, if any."""
    feature = (returned or {}).get("last_active_drawing") or {}
    return (feature.get("properties") or {}).get("gso_code")


def commune_details(table: pd.DataFrame, built, code: str) -> pd.DataFrame:
    """Two columns (what, value) for the clicked commune: the tooltip lines and the view's lines."""
    row = table.set_index("gso_code").loc[code]
    lines = {texts.COL_DISTRICT: short_district_name(row["district"]), texts.COL_CODE: code,
             texts.TOOLTIP_NEW_COMMUNE: row["new_commune_2025"],
             texts.COL_VILLAGES: str(row["n_villages"])}
    if row.get("village_names"):
        lines[texts.VILLAGE_NAMES] = row["village_names"]
    lines.update(built.view.details.get(code, {}))
    return pd.DataFrame({texts.COL_ITEM: list(lines), texts.COL_DETAIL: [str(v) for v in lines.values()]})


def highlight_row(table: pd.DataFrame, code: str | None):
    """The table, with the clicked commune's row highlighted (a Styler), or the plain table."""
    if not code or texts.COL_CODE not in table:
        return table
    return table.style.apply(
        lambda row: [f"background-color: {style.CLICKED_ROW}" if row[texts.COL_CODE] == code else ""] * len(row),
        axis=1)

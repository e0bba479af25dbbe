"""Assemble the province data set the map needs, from the files in the data folders.

One call, `load_province`, reads every file, checks it, joins on the GSO code
and derives the border and 2025 columns. The result is plain data, so the app
can cache it and tests can use it without Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd

import texts
from geo import border as border_mod
from geo.boundaries import (
    extent_of,
    matcher_for,
    read_border_line,
    read_commune_list,
    read_communes,
    read_polygons,
)
from geo.crosswalk import new_commune_by_old_code, read_crosswalk
from geo.datadir import find_data_file, user_boundary_dir
from geo.errors import preview
from geo.names import CommuneMatcher
from geo.user_boundaries import UnitList, new_unit_list, scan_user_boundary_files, usable_user_boundaries
from geo.vocabulary import PERIOD_2021, PERIOD_2026, Period

FILES = {
    "communes": "langson_communes_2021.geojson",
    "commune_list": "langson_commune_areas_2021.csv",
    "districts": "langson_districts.geojson",
    "province": "langson_province.geojson",
    "border": "vietnam_china_border_langson.geojson",
    "border_communes": "langson_border_communes.csv",
    "crosswalk": "langson_merger_2025.csv",
}


@dataclass
class ProvinceData:
    """The units of one period and what is drawn around them.

    2021-2025: the 200 communes of 2021 and their 11 districts. 2026-2030: the
    65 units of 2025 (geo/new_units.py), no districts, and the old communes
    split between two units as `zones` whose dividing line is unknown.
    """

    communes: gpd.GeoDataFrame  # one row per unit, full-resolution geometry, EPSG:4326
    districts: gpd.GeoDataFrame  # empty when the period has none
    province: gpd.GeoDataFrame
    border_line: gpd.GeoDataFrame
    matcher: CommuneMatcher
    boundary_source: str
    files: dict[str, Path]
    warnings: list[str] = field(default_factory=list)
    period: Period = PERIOD_2021
    district_order: tuple[str, ...] = ()  # the 2021 list's districts in order: their colours in both periods
    zones: gpd.GeoDataFrame | None = None  # uncertain zones: old_code, old_commune, new_names, geometry


def load_province(env: dict | None = None) -> ProvinceData:
    files = {key: find_data_file(name, env) for key, name in FILES.items()}
    commune_list = read_commune_list(files["commune_list"])
    matcher = matcher_for(commune_list)
    # The outline sets the extent every other file is checked against: one province or the whole country.
    province = read_polygons(files["province"], "province", expected=1)
    extent = extent_of(province)
    communes = read_communes(files["communes"], commune_list, extent)
    crosswalk = read_crosswalk(files["crosswalk"])

    # The province's own boundary files, told apart by their features (geo/user_boundaries.file_period):
    # the old communes' file is used here, the new units' file by geo/new_units.new_period_province.
    # A file that cannot be used is said in a warning and its period keeps the default boundaries.
    commune_source = texts.DEFAULT_BOUNDARY_SOURCE
    new_units = new_unit_list(crosswalk)
    found = scan_user_boundary_files(user_boundary_dir(), set(FILES.values()),
                                     old=UnitList(PERIOD_2021, matcher), new=new_units)
    warnings = [texts.WARN_USER_BOUNDARY_FALLBACK.format(problem=problem) for problem in found.problems]
    if found.stray:
        warnings.append(texts.WARN_USER_BOUNDARY_STRAY.format(files=preview(found.stray)))
    new_file = found.by_period.get(PERIOD_2026.key)
    if new_file is not None:  # read again by new_period_province; checked here so that it cannot fail there
        checked = usable_user_boundaries(new_file, new_units)
        if checked.usable:
            files["user_new_units"] = new_file
        else:
            warnings.extend(checked.warnings)
    user_file = found.by_period.get(PERIOD_2021.key)
    if user_file is not None:
        user = usable_user_boundaries(user_file, matcher)
        replaced = communes["gso_code"].isin(user.geometry_by_code.index)
        warnings.extend(user.warnings)
        if replaced.any():  # a file that matches nothing only warns
            communes.loc[replaced, "geometry"] = communes.loc[replaced, "gso_code"].map(user.geometry_by_code).values
            files["user_communes"] = user_file
            commune_source = (texts.USER_BOUNDARY_SOURCE.format(file=user.file) if replaced.all() else
                              texts.USER_BOUNDARY_SOURCE_PARTIAL.format(file=user.file, count=int(replaced.sum())))
    boundary_source = texts.SOURCE_BOUNDARIES.format(communes=commune_source)

    districts = read_polygons(files["districts"], "district", expected=commune_list["district"].nunique(),
                              within=extent)
    border_line = read_border_line(files["border"], extent)

    lengths = border_mod.border_length_km(communes, border_line)
    sourced = border_mod.read_sourced_border_codes(files["border_communes"])
    flags = border_mod.classify_border(communes["gso_code"], lengths, sourced)
    communes = communes.merge(flags, on="gso_code", how="left")

    communes["new_commune_2025"] = new_commune_by_old_code(crosswalk, communes["gso_code"], files["crosswalk"].name)
    communes["counterpart"] = communes["new_commune_2025"]  # the unit(s) of the other period
    return ProvinceData(communes=communes, districts=districts, province=province, border_line=border_line,
                        matcher=matcher, boundary_source=boundary_source, files=files, warnings=warnings,
                        district_order=tuple(dict.fromkeys(communes["district"])))

"""The 65 units of 1 July 2025, derived from the 200 old communes and the crosswalk.

No polygon of the new units is published. Each unit is drawn as the union of
the old communes it took whole. An old commune split between two units (Bính
Xá, Kiên Mộc, and Đại Đồng, split in 2024) is not divided by a line nobody
published: it stays whole as an *uncertain zone* that names both units.

The old polygons are not a clean coverage: GADM simplified each one alone,
leaving 293 overlapping pairs and 345 sliver gaps (geodata/SOURCES.md). They
are cleaned first, in metres (UTM 48N), with `shapely.coverage_clean`: every
overlap goes to one neighbour, and gaps narrower than GAP_WIDTH_M are merged
into a neighbour (at 100 m, 8 slivers were left as holes inside new units; at
200 m none is, and no real enclave exists). Then each unit is a coverage union,
so neighbouring units, and a unit and an uncertain zone, share their edges
exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import geopandas as gpd
import pandas as pd
import shapely

import texts
from geo import border as border_mod
from geo.border import METRIC_CRS
from geo.crosswalk import read_crosswalk
from geo.errors import DataError, preview
from geo.province import ProvinceData
from geo.user_boundaries import new_unit_list, read_user_boundaries
from geo.vocabulary import NEW_UNIT_TYPES, PERIOD_2026

GAP_WIDTH_M = 200.0
AREA_TOLERANCE = 0.001  # the new layer's area against the old communes' total: within 0.1 %
WHOLE, PART = "whole", "part"


@dataclass(frozen=True)
class NewUnits:
    """The derived layer: one row per unit (its certain part) and one per uncertain zone, EPSG:4326."""

    units: gpd.GeoDataFrame  # gso_code, alt_code, commune, commune_type, old_codes, old_districts,
    #                          district (the former district holding most of its area), shared_zones, geometry
    zones: gpd.GeoDataFrame  # old_code, old_commune, old_district, new_codes, new_names, geometry
    area_change: float  # (new layer - old communes) / old communes, by area


def derive_new_units(communes: gpd.GeoDataFrame, crosswalk: pd.DataFrame, file: str) -> NewUnits:
    """The units of `crosswalk` (read by geo.crosswalk) drawn from the old `communes` (gso_code, commune,
    district, geometry). Raises DataError, naming `file`, when the crosswalk and the communes disagree."""
    _check_crosswalk(crosswalk, set(communes["gso_code"]), file)
    metric = communes.to_crs(METRIC_CRS)
    cleaned = pd.Series(shapely.coverage_clean(metric.geometry.values, gap_width=GAP_WIDTH_M),
                        index=metric["gso_code"].values)
    old = communes.set_index("gso_code")

    split = crosswalk[crosswalk["whole_or_part"] == PART]
    zone_rows = []
    for old_code, rows in split.groupby("old_gso_code_2021", sort=True):
        zone_rows.append({"old_code": old_code, "old_commune": old.at[old_code, "commune"],
                          "old_district": old.at[old_code, "district"],
                          "new_codes": tuple(rows["new_code"]), "new_names": tuple(rows["new_commune"]),
                          "geometry": cleaned[old_code]})
    zones = gpd.GeoDataFrame(zone_rows, geometry="geometry", crs=METRIC_CRS)

    unit_rows = []
    for code, rows in crosswalk.groupby("new_code", sort=False):
        whole = rows.loc[rows["whole_or_part"] == WHOLE, "old_gso_code_2021"].tolist()
        parts = cleaned[whole]
        unit_rows.append({
            "gso_code": code, "alt_code": rows["new_code_vietnam_provinces"].iloc[0],
            "commune": rows["new_commune"].iloc[0], "commune_type": rows["new_type"].iloc[0],
            "old_codes": tuple(rows["old_gso_code_2021"]),
            "old_districts": tuple(dict.fromkeys(old.loc[rows["old_gso_code_2021"], "district"])),
            "district": _largest_district(old.loc[whole, "district"], shapely.area(parts.values)),
            "shared_zones": tuple(rows.loc[rows["whole_or_part"] == PART, "old_gso_code_2021"]),
            "geometry": shapely.coverage_union_all(parts.values),
        })
    units = gpd.GeoDataFrame(unit_rows, geometry="geometry", crs=METRIC_CRS)

    old_area = float(shapely.area(metric.geometry.values).sum())
    new_area = float(units.area.sum() + zones.area.sum())
    change = (new_area - old_area) / old_area
    if abs(change) > AREA_TOLERANCE:
        raise DataError(texts.ERR_NEW_UNITS_AREA.format(file=file, change=f"{change:+.2%}"), file=file)
    return NewUnits(units.to_crs(communes.crs), zones.to_crs(communes.crs), change)


def _largest_district(districts: pd.Series, areas) -> str:
    """The former district holding most of a unit's area (a unit may span two)."""
    return pd.Series(areas, index=districts.values).groupby(level=0).sum().idxmax()


def _check_crosswalk(crosswalk: pd.DataFrame, old_codes: set[str], file: str) -> None:
    """65 units of the right types, one code and one name each, every old commune sent somewhere."""
    units = crosswalk.drop_duplicates("new_code")
    problems = []
    if len(units) != PERIOD_2026.unit_count or crosswalk.groupby("new_commune")["new_code"].nunique().max() > 1:
        problems.append(texts.ERR_NEW_UNITS_COUNT.format(count=len(units), expected=PERIOD_2026.unit_count))
    types = units["new_type"].value_counts().to_dict()
    if types != NEW_UNIT_TYPES:
        problems.append(texts.ERR_NEW_UNITS_TYPES.format(
            found=", ".join(f"{n} {t}" for t, n in types.items()),
            expected=", ".join(f"{n} {t}" for t, n in NEW_UNIT_TYPES.items())))
    missing = sorted(old_codes - set(crosswalk["old_gso_code_2021"]))
    if missing:
        problems.append(texts.ERR_CROSSWALK_MISSING.format(file=file, items=preview(missing)))
    unknown = sorted(set(crosswalk["old_gso_code_2021"]) - old_codes)
    if unknown:
        problems.append(texts.ERR_CROSSWALK_UNKNOWN.format(items=preview(unknown)))
    parts = crosswalk[crosswalk["whole_or_part"] == PART].groupby("old_gso_code_2021")["new_code"].nunique()
    lonely = sorted(parts.index[parts < 2])
    if lonely:
        problems.append(texts.ERR_CROSSWALK_LONE_PART.format(items=preview(lonely)))
    bad = sorted(set(crosswalk["whole_or_part"]) - {WHOLE, PART})
    if bad:
        problems.append(texts.ERR_CROSSWALK_WHOLE_OR_PART.format(items=preview(bad)))
    no_whole = sorted(set(crosswalk["new_code"]) - set(crosswalk.loc[crosswalk["whole_or_part"] == WHOLE,
                                                                      "new_code"]))
    if no_whole:
        problems.append(texts.ERR_NEW_UNIT_NO_WHOLE.format(items=preview(no_whole)))
    if problems:
        raise DataError(texts.ERR_NEW_UNITS.format(file=file, problems=" ".join(problems)), file=file)


def new_period_province(old: ProvinceData) -> ProvinceData:
    """The 2026-2030 data set: the 65 units in place of the communes, the same province and border.

    Where the province dropped its own file of the new units into
    data/boundaries/ (found by geo/province.load_province), each unit the file
    matches is drawn as the file draws it and the others stay derived, with the
    same report as for the old communes of what did not match. An uncertain zone
    is kept only while a unit sharing it is still derived, less the polygons of
    the file's units that share it (they draw their own side of the line) and
    the slivers narrower than GAP_WIDTH_M that leaves; with all 65 units from the
    file there is none.

    Border units are computed from the border line as for the old communes
    (on each unit's certain part) and compared with the old sourced list,
    carried over through the crosswalk from the communes a unit took whole.
    """
    file = old.files["crosswalk"].name
    crosswalk = read_crosswalk(old.files["crosswalk"])
    derived = derive_new_units(old.communes, crosswalk, file)
    unit_list = new_unit_list(crosswalk)
    units, zones = derived.units, derived.zones
    part_codes = dict(zip(units["gso_code"], units["shared_zones"]))  # old communes a unit took part of
    boundary_source = texts.SOURCE_NEW_UNITS.format(boundaries=old.boundary_source)
    warnings = list(old.warnings)
    if "user_new_units" in old.files:
        user = read_user_boundaries(old.files["user_new_units"], unit_list)
        units, zones = _with_user_units(units, zones, user.geometry_by_code)
        count = int(units["gso_code"].isin(user.geometry_by_code.index).sum())
        if count == len(units):
            boundary_source, warnings = texts.SOURCE_NEW_UNITS_USER.format(file=user.file), []
        elif count:
            boundary_source = texts.SOURCE_NEW_UNITS_USER_PARTIAL.format(file=user.file, count=count,
                                                                         boundaries=old.boundary_source)
        warnings += user.warnings
    names = old.communes.set_index("gso_code")["commune"]
    whole = crosswalk[crosswalk["whole_or_part"] == WHOLE]
    sourced_old = border_mod.read_sourced_border_codes(old.files["border_communes"])
    sourced = set(whole.loc[whole["old_gso_code_2021"].isin(sourced_old), "new_code"])
    flags = border_mod.classify_border(units["gso_code"], border_mod.border_length_km(units, old.border_line),
                                       sourced)
    units = units.merge(flags, on="gso_code", how="left")
    units["commune_name"] = [_short_name(name, kind) for name, kind in zip(units["commune"], units["commune_type"])]
    units["district_code"] = None
    units["old_communes"] = [
        "; ".join(names[code] + _part_suffix(code, part_codes[unit], shared) for code in codes)
        for unit, codes, shared in zip(units["gso_code"], units["old_codes"], units["shared_zones"])]
    units["counterpart"] = units["old_communes"]  # the unit(s) of the other period
    return replace(old, communes=units, districts=old.districts.iloc[0:0], matcher=unit_list.matcher,
                   boundary_source=boundary_source, warnings=warnings, period=PERIOD_2026,
                   zones=zones if len(zones) else None)


def _with_user_units(units: gpd.GeoDataFrame, zones: gpd.GeoDataFrame, drawn: gpd.GeoSeries):
    """The derived `units` with the province's polygons (`drawn`, by code) in place, and the uncertain
    `zones` a derived unit still needs, less what the file's units sharing them cover."""
    units = units.copy()
    from_file = units["gso_code"].isin(drawn.index)
    units.loc[from_file, "geometry"] = units.loc[from_file, "gso_code"].map(drawn).values
    kept, rests = [], []
    for index, codes, geometry in zip(zones.index, zones["new_codes"], zones.geometry):
        covered = [drawn[code] for code in codes if code in drawn.index]
        rest = _uncovered(geometry, covered, zones.crs) if covered else geometry
        if len(covered) < len(codes) and rest is not None:
            kept.append(index)
            rests.append(rest)
    zones = zones.loc[kept].set_geometry(gpd.GeoSeries(rests, index=kept, crs=zones.crs))
    still = set(zones["old_code"])
    units["shared_zones"] = [() if given else tuple(z for z in shared if z in still)
                             for given, shared in zip(from_file, units["shared_zones"])]
    return units, zones


def _uncovered(zone, covered: list, crs):
    """What of `zone` the `covered` polygons leave, or None; parts narrower than GAP_WIDTH_M are dropped,
    as in cleaning the old polygons: there the file's line and the old polygons differ only a little."""
    rest = shapely.difference(zone, shapely.union_all(covered))
    wide = gpd.GeoSeries([rest], crs=crs).to_crs(METRIC_CRS).buffer(-GAP_WIDTH_M / 2).buffer(GAP_WIDTH_M / 2)
    kept = shapely.intersection(rest, wide.to_crs(crs).iloc[0])  # on the edges of `rest`, not moved
    polygons = [part for part in shapely.get_parts(kept) if shapely.area(part) > 0]
    return shapely.union_all(polygons) if polygons else None


def _part_suffix(old_code: str, parts: tuple[str, ...], shared: tuple[str, ...]) -> str:
    """How an old commune is listed under a unit: whole, in part, or in part with the line unknown."""
    if old_code in shared:
        return texts.PART_UNKNOWN_LINE_SUFFIX
    return texts.PART_SUFFIX if old_code in parts else ""


def _short_name(name: str, kind: str) -> str:
    """"Xã Bình Gia" -> "Bình Gia": the label on the map."""
    prefix = kind.capitalize() + " "
    return name[len(prefix):] if name.startswith(prefix) else name

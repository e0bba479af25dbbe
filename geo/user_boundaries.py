"""A province-supplied commune boundary file that replaces the public default.

The file may be GeoJSON, Shapefile or GeoPackage in any CRS pyproj knows
(VN-2000 included). Features are matched to the commune list by code when the
file has a code column, else by name (and district) with the one name matcher.
What does not match is reported, never dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

import texts
from geo.boundaries import check_geometries, names_no_datum, read_vector, to_wgs84
from geo.errors import DataError, preview
from geo.names import CommuneMatcher, normalise_code

SUFFIXES = {".geojson", ".json", ".shp", ".gpkg"}
# Lower-cased column names that hold a GSO commune code or a commune/district name.
CODE_COLUMNS = ["gso_code", "ma_xa", "maxa", "ma_dvhc", "madvhc", "code", "ma"]
NAME_COLUMNS = ["commune", "ten_xa", "tenxa", "ten", "name", "commune_name"]
DISTRICT_COLUMNS = ["district", "huyen", "ten_huyen", "tenhuyen"]


@dataclass
class UserBoundaries:
    file: str
    geometry_by_code: gpd.GeoSeries  # index: GSO code, EPSG:4326
    warnings: list[str] = field(default_factory=list)


def find_user_boundary_file(folder: Path, default_names: set[str]) -> Path | None:
    """The one commune boundary file a user dropped into data/boundaries/, if any."""
    if not folder.is_dir():
        return None
    files = sorted(p for p in folder.iterdir()
                   if p.suffix.lower() in SUFFIXES and p.name not in default_names)
    if len(files) > 1:
        raise DataError(texts.ERR_USER_BOUNDARY_TOO_MANY.format(files=preview(p.name for p in files)))
    return files[0] if files else None


def _column(frame: pd.DataFrame, names: list[str]) -> str | None:
    lowered = {c.lower(): c for c in frame.columns}
    return next((lowered[n] for n in names if n in lowered), None)


def read_user_boundaries(path: Path, matcher: CommuneMatcher) -> UserBoundaries:
    path = Path(path)
    raw = read_vector(path)
    frame = to_wgs84(raw, path.name)
    check_geometries(frame, path.name)
    code_col = _column(frame, CODE_COLUMNS)
    name_col = _column(frame, NAME_COLUMNS)
    district_col = _column(frame, DISTRICT_COLUMNS)
    if code_col is None and name_col is None:
        raise DataError(texts.ERR_USER_BOUNDARY_NO_KEY.format(
            file=path.name, code_columns=", ".join(CODE_COLUMNS), name_columns=", ".join(NAME_COLUMNS)),
            file=path.name)

    codes: list[str | None] = []
    unmatched: list[str] = []
    for row_number, row in enumerate(frame.itertuples(index=False), start=1):
        record = getattr(row, code_col) if code_col else None
        code = normalise_code(record) if record is not None and matcher.by_code(record) else None
        if code is None and name_col:
            name = getattr(row, name_col)
            district = getattr(row, district_col) if district_col else None
            code = matcher.resolve(str(name), district).code
        if code is None:
            shown = getattr(row, name_col) if name_col else record
            unmatched.append(f"{texts.ROW_LABEL.format(row=row_number)} «{shown}»")
        codes.append(code)

    frame = frame.assign(gso_code=codes)
    matched = frame[frame["gso_code"].notna()]
    duplicated = sorted(set(matched.loc[matched["gso_code"].duplicated(), "gso_code"]))
    if duplicated:
        raise DataError(texts.ERR_DUPLICATE_CODES.format(file=path.name, column=code_col or name_col,
                                                         items=preview(duplicated)), file=path.name)
    warnings = [texts.WARN_NO_DATUM.format(file=path.name)] if names_no_datum(raw.crs) else []
    if unmatched:
        warnings.append(texts.WARN_USER_BOUNDARY_UNMATCHED.format(file=path.name, count=len(unmatched),
                                                                  items=preview(unmatched)))
    missing = [r for r in matcher.records if r.code not in set(matched["gso_code"])]
    if missing:
        warnings.append(texts.WARN_USER_BOUNDARY_MISSING.format(
            file=path.name, count=len(missing), items=preview(f"{r.name} ({r.district})" for r in missing)))
    geometry = gpd.GeoSeries(matched.geometry.values, index=matched["gso_code"].values, crs=matched.crs)
    return UserBoundaries(file=path.name, geometry_by_code=geometry, warnings=warnings)

"""Read the boundary files and the commune list, and check them before use.

Each reader returns a tidy frame in EPSG:4326 or raises `DataError` with a
Vietnamese sentence that names the file (and the rows) at fault.
"""

from __future__ import annotations

import logging
import math
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely
from pyproj import CRS
from pyproj.exceptions import CRSError

import texts
from geo.errors import DataError, preview
from geo.names import CommuneMatcher, CommuneRecord, normalise_code

log = logging.getLogger(__name__)

WGS84 = "EPSG:4326"
# Where the map's data may lie (west, south, east, north): Viet Nam, islands included, with a margin. The
# province outline is checked against it; every other file against the outline's own box (`extent_of`), so a
# data folder of one province or of the whole country works, and coordinates in the wrong CRS are caught.
COUNTRY_BOUNDS = (102.0, 6.0, 118.0, 23.6)
EXTENT_MARGIN_DEG = 0.3  # about 30 km: room for user files a little more generous than the outline

COMMUNE_LIST_COLUMNS = ["district", "commune", "commune_type", "gso_code"]
COMMUNE_COLUMNS = ["gso_code", "commune", "commune_name", "commune_type", "district", "district_code"]
AREA_TYPES = {"Polygon", "MultiPolygon"}
# What GDAL and pyogrio raise on a file they cannot read: corrupt, empty, not a vector format.
_READ_ERRORS = (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, pyogrio.errors.GeometryError,
                pyogrio.errors.FieldError, pyogrio.errors.FeatureError, pyogrio.errors.CRSError,
                ValueError, OSError, RuntimeError)


def read_vector(path: Path) -> gpd.GeoDataFrame:
    """Read any vector file pyogrio knows, keeping its CRS, or explain why not."""
    path = Path(path)
    if not path.is_file():
        log.warning("data file missing: %s", path)
        raise DataError(texts.ERR_FILE_MISSING.format(file=path.name), file=path.name)
    try:
        frame = gpd.read_file(path, engine="pyogrio")
    except _READ_ERRORS as exc:  # GDAL's text is English and holds the server's path: the log only
        log.warning("cannot read %s: %s", path, exc)
        raise DataError(texts.ERR_FILE_UNREADABLE.format(file=path.name, kind="GeoJSON/Shapefile/GeoPackage"),
                        file=path.name) from exc
    if not isinstance(frame, gpd.GeoDataFrame):  # a table without geometry (a layer of attributes only)
        raise DataError(texts.ERR_NO_GEOMETRY_COLUMN.format(file=path.name), file=path.name)
    return frame


def extent_of(frame: gpd.GeoDataFrame, margin: float = EXTENT_MARGIN_DEG) -> tuple[float, float, float, float]:
    """The box, with a margin, that the data read after the province outline (`frame`) must lie in; rounded
    out to 0.01° so that a message can quote it."""
    west, south, east, north = frame.total_bounds
    return (math.floor((west - margin) * 100) / 100, math.floor((south - margin) * 100) / 100,
            math.ceil((east + margin) * 100) / 100, math.ceil((north + margin) * 100) / 100)


def to_wgs84(frame: gpd.GeoDataFrame, file: str, within: tuple = COUNTRY_BOUNDS) -> gpd.GeoDataFrame:
    """Reproject to EPSG:4326 and check the result lands inside `within` (Viet Nam, or the province's box)."""
    if frame.crs is None:
        raise DataError(texts.ERR_NO_CRS.format(file=file), file=file)
    try:
        crs = CRS.from_user_input(frame.crs)
    except CRSError as exc:
        raise DataError(texts.ERR_UNKNOWN_CRS.format(file=file, crs=frame.crs), file=file) from exc
    out = frame if crs.equals(CRS.from_epsg(4326), ignore_axis_order=True) else frame.to_crs(WGS84)
    out = out.set_crs(WGS84, allow_override=True)
    minx, miny, maxx, maxy = out.total_bounds
    west, south, east, north = within
    if not (west <= minx and maxx <= east and south <= miny and maxy <= north):
        raise DataError(
            (texts.ERR_OUTSIDE_COUNTRY if within == COUNTRY_BOUNDS else texts.ERR_OUTSIDE_PROVINCE).format(
                file=file, bounds=f"{minx:.3f}, {miny:.3f}, {maxx:.3f}, {maxy:.3f}", crs=crs.name
            ),
            file=file,
        )
    return out


def names_no_datum(crs) -> bool:
    """True when a CRS does not name its datum nor give a shift to WGS 84.

    PROJ then takes the coordinates as WGS 84: a VN-2000 survey saved with such
    a .prj lands about 220 m from where it belongs, and nothing in the file says so.
    """
    crs = CRS.from_user_input(crs)
    if crs.is_bound or crs.geodetic_crs is None:
        return False
    datum = crs.geodetic_crs.datum.name.lower()
    return datum.startswith("unknown") or datum.startswith("not specified")


def _labels(frame: gpd.GeoDataFrame, label_column: str | None, labels: list[str] | None) -> pd.Series:
    """What a message calls each feature: `labels`, else its `label_column` value, else its row number."""
    if labels is not None:
        return pd.Series(list(labels))
    if label_column:
        return frame[label_column].astype(str).reset_index(drop=True)
    return pd.Series(range(1, len(frame) + 1)).map(lambda i: texts.ROW_LABEL.format(row=i))


def check_geometries(frame: gpd.GeoDataFrame, file: str, label_column: str | None = None,
                     labels: list[str] | None = None) -> None:
    """Every feature needs a non-empty, valid geometry; name the ones that do not."""
    geoms = frame.geometry.values
    labels = _labels(frame, label_column, labels)
    empty = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if empty.any():
        bad = list(labels[empty])
        raise DataError(texts.ERR_EMPTY_GEOMETRY.format(file=file, count=len(bad), items=preview(bad)), file=file)
    invalid = ~shapely.is_valid(geoms)
    if invalid.any():
        bad = [f"{lab} ({invalid_reason(g)})" for lab, g in zip(labels[invalid], geoms[invalid])]
        raise DataError(texts.ERR_INVALID_GEOMETRY.format(file=file, count=len(bad), items=preview(bad)), file=file)


def invalid_reason(geometry) -> str:
    """Why a geometry is invalid, in Vietnamese, with the place GEOS points at ("tự cắt tại x y")."""
    reason = shapely.is_valid_reason(geometry)  # e.g. "Self-intersection[106.55 21.85]"
    name, _, point = reason.partition("[")
    said = texts.INVALID_REASONS.get(name.strip(), texts.INVALID_REASON_OTHER)
    return texts.INVALID_AT.format(reason=said, point=point.rstrip("]")) if point else said


def areas_only(frame: gpd.GeoDataFrame, file: str, labels: list[str] | None = None) -> gpd.GeoDataFrame:
    """`frame` with every geometry an area, or a DataError naming the features that are not.

    A geometry collection made of polygons only (what some clip and CAD exports
    write) is an area drawn in another container: it becomes the MultiPolygon of
    its parts. A collection holding any point or line is refused with the
    points and lines, since the file does not say what area it means. Missing
    and empty geometries are left to `check_geometries`.
    """
    geoms = frame.geometry.values
    present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    kinds = pd.Series(frame.geometry.geom_type.to_numpy(), dtype=object).where(present, None)
    fixed = list(geoms)
    for i in (kinds == "GeometryCollection").to_numpy().nonzero()[0]:
        parts = shapely.get_parts(geoms[i])
        if len(parts) and all(p.geom_type in AREA_TYPES for p in parts):
            fixed[i] = shapely.multipolygons(shapely.get_parts(parts))
            kinds[i] = "MultiPolygon"
    wrong = kinds.notna() & ~kinds.isin(AREA_TYPES)
    if wrong.any():
        labels = _labels(frame, None, labels)
        bad = [f"{lab} ({texts.GEOMETRY_KINDS.get(kind, texts.GEOMETRY_KIND_OTHER)})"
               for lab, kind in zip(labels[wrong.to_numpy()], kinds[wrong])]
        raise DataError(texts.ERR_NOT_AREAS.format(file=file, count=len(bad), items=preview(bad)), file=file)
    return frame.set_geometry(gpd.GeoSeries(fixed, index=frame.index, crs=frame.crs))



def require_columns(frame: pd.DataFrame, columns: list[str], file: str) -> None:
    for column in columns:
        if column not in frame.columns:
            raise DataError(texts.ERR_MISSING_COLUMN.format(file=file, column=column), file=file, column=column)


def check_codes(codes: pd.Series, file: str, column: str, known: set[str] | None = None) -> None:
    """Codes must be unique and, where a reference list is given, known."""
    duplicated = sorted(set(codes[codes.duplicated()]))
    if duplicated:
        raise DataError(texts.ERR_DUPLICATE_CODES.format(file=file, column=column, items=preview(duplicated)),
                        file=file, column=column)
    if known is not None:
        unknown = sorted(set(codes) - known)
        if unknown:
            raise DataError(texts.ERR_UNKNOWN_CODES.format(file=file, column=column, items=preview(unknown)),
                            file=file, column=column)


def read_commune_list(path: Path) -> pd.DataFrame:
    """The GSO commune list (2021): one row per commune, codes as 5-digit text."""
    path = Path(path)
    if not path.is_file():
        log.warning("data file missing: %s", path)
        raise DataError(texts.ERR_FILE_MISSING.format(file=path.name), file=path.name)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        log.warning("cannot read %s: %s", path, exc)
        raise DataError(texts.ERR_FILE_UNREADABLE.format(file=path.name, kind="CSV UTF-8"), file=path.name) from exc
    require_columns(frame, COMMUNE_LIST_COLUMNS, path.name)
    frame["gso_code"] = frame["gso_code"].map(normalise_code)
    check_codes(frame["gso_code"], path.name, "gso_code")
    return frame.reset_index(drop=True)


def matcher_for(commune_list: pd.DataFrame) -> CommuneMatcher:
    return CommuneMatcher([
        CommuneRecord(code=r.gso_code, name=r.commune, commune_type=r.commune_type, district=r.district)
        for r in commune_list.itertuples()
    ])


def read_communes(path: Path, commune_list: pd.DataFrame, within: tuple = COUNTRY_BOUNDS) -> gpd.GeoDataFrame:
    """Commune polygons keyed on the GSO code, checked against the commune list (and inside `within`)."""
    path = Path(path)
    frame = to_wgs84(read_vector(path), path.name, within)
    require_columns(frame, ["gso_code"], path.name)
    frame["gso_code"] = frame["gso_code"].map(normalise_code)
    check_codes(frame["gso_code"], path.name, "gso_code", known=set(commune_list["gso_code"]))
    if len(frame) != len(commune_list):
        raise DataError(texts.ERR_WRONG_COUNT.format(file=path.name, found=len(frame), expected=len(commune_list)),
                        file=path.name)
    check_geometries(frame, path.name, "gso_code")
    # Names, types and districts come from the official list, never from the polygons.
    listed = commune_list.set_index("gso_code")
    out = frame[["gso_code", "geometry"]].copy()
    for column in ["commune", "commune_type", "district"]:
        out[column] = out["gso_code"].map(listed[column])
    out["commune_name"] = frame.get("commune_name", out["commune"])
    out["district_code"] = frame.get("district_code", "")
    return gpd.GeoDataFrame(out[COMMUNE_COLUMNS + ["geometry"]], geometry="geometry", crs=WGS84)


def read_polygons(path: Path, key_column: str, expected: int | None = None,
                  within: tuple = COUNTRY_BOUNDS) -> gpd.GeoDataFrame:
    """District or province outlines, checked for count, validity and place (inside `within`)."""
    path = Path(path)
    frame = to_wgs84(read_vector(path), path.name, within)
    require_columns(frame, [key_column], path.name)
    if expected is not None and len(frame) != expected:
        raise DataError(texts.ERR_WRONG_COUNT.format(file=path.name, found=len(frame), expected=expected),
                        file=path.name)
    check_geometries(frame, path.name, key_column)
    return frame.reset_index(drop=True)


def read_border_line(path: Path, within: tuple = COUNTRY_BOUNDS) -> gpd.GeoDataFrame:
    """The land border line within the province (inside `within`)."""
    path = Path(path)
    frame = to_wgs84(read_vector(path), path.name, within)
    kinds = set(frame.geometry.geom_type)
    if not kinds <= {"LineString", "MultiLineString"}:
        raise DataError(texts.ERR_NO_GEOMETRY_TYPE.format(file=path.name, expected=texts.GEOMETRY_LINE,
                                                          found=", ".join(sorted(kinds))), file=path.name)
    check_geometries(frame, path.name)
    return frame.reset_index(drop=True)

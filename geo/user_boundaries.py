"""Province-supplied boundary files that replace the public default, one per period.

A file may be GeoJSON, Shapefile or GeoPackage in any CRS pyproj knows
(VN-2000 included). It holds either the 200 communes of 2021-2025 or the 65
units of 1 July 2025 (2026-2030); which one is read from its features
(`file_period`). Features are matched to the period's list by code when the
file has a code column, else by name (and, for the old communes, district)
with the one name matcher. What does not match is reported, never dropped
silently.

A file that cannot be used (unreadable, not areas, invalid, ambiguous) never
takes the map down: `scan_user_boundary_files` and `usable_user_boundaries`
turn it into a warning naming the file and its features, and the period keeps
its default boundaries.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

import texts
from geo.boundaries import areas_only, check_geometries, names_no_datum, read_vector, to_wgs84
from geo.crosswalk import code_aliases, new_units_matcher
from geo.errors import DataError, preview
from geo.names import CommuneMatcher, CommuneRecord, name_key, normalise_code
from geo.vocabulary import PERIOD_2021, PERIOD_2026, Period

log = logging.getLogger(__name__)

SUFFIXES = {".geojson", ".json", ".shp", ".gpkg"}
# Files that live beside boundary files without being one: a shapefile's parts, GeoPackage journals, the README.
COMPANION_SUFFIXES = {".dbf", ".shx", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qmd", ".xml", ".fix",
                      ".gpkg-wal", ".gpkg-shm", ".md"}
# Lower-cased column names that hold a GSO commune code or a commune/district name.
CODE_COLUMNS = ["gso_code", "ma_xa", "maxa", "ma_dvhc", "madvhc", "code", "ma"]
NAME_COLUMNS = ["commune", "ten_xa", "tenxa", "ten", "name", "commune_name"]
DISTRICT_COLUMNS = ["district", "huyen", "ten_huyen", "tenhuyen"]
# What the report says of the features that match no unit, and of the units the file lacks.
_REPORT = {PERIOD_2021.key: (texts.WARN_USER_BOUNDARY_UNMATCHED, texts.WARN_USER_BOUNDARY_MISSING),
           PERIOD_2026.key: (texts.WARN_USER_UNITS_UNMATCHED, texts.WARN_USER_UNITS_MISSING)}


@dataclass(frozen=True)
class UnitList:
    """The units of one period that a boundary file is matched against."""

    period: Period
    matcher: CommuneMatcher
    code_aliases: Mapping[str, str] = field(default_factory=dict)  # another source's code -> the official one

    def by_code(self, code: object) -> CommuneRecord | None:
        text = normalise_code(code)
        return self.matcher.by_code(self.code_aliases.get(text, text))


def new_unit_list(crosswalk: pd.DataFrame) -> UnitList:
    """The 65 units of 1 July 2025 (no districts) from the crosswalk (read by geo.crosswalk), in its order.

    A unit whose code another public source gives differently (LISTS.md part D)
    is found by either code.
    """
    return UnitList(PERIOD_2026, new_units_matcher(crosswalk), code_aliases(crosswalk))


@dataclass
class UserBoundaries:
    file: str
    geometry_by_code: gpd.GeoSeries  # index: GSO code, EPSG:4326
    warnings: list[str] = field(default_factory=list)
    usable: bool = True  # False: the file could not be used at all, `warnings` says why


@dataclass
class FoundFiles:
    """What data/boundaries/ holds: the province's file of each period, and what could not be used."""

    by_period: dict[str, Path]  # period key -> file
    problems: list[str] = field(default_factory=list)  # one Vietnamese sentence per file left out, naming it
    stray: list[str] = field(default_factory=list)  # names of files that are no boundary file at all


@dataclass
class _Features:
    """A boundary file read, checked and in EPSG:4326, with the columns that identify its features."""

    file: str
    frame: gpd.GeoDataFrame
    no_datum: bool
    code_col: str | None
    name_col: str | None
    district_col: str | None

    def keys(self) -> Iterator[tuple[object | None, str | None, str | None]]:
        """(code, name, district) of each feature, None where the file leaves it out."""
        def column(name):
            return self.frame[name].tolist() if name else [None] * len(self.frame)
        for code, name, district in zip(column(self.code_col), column(self.name_col), column(self.district_col)):
            yield _given(code), (None if _given(name) is None else str(name)), _given(district)


def _given(value):
    """A cell's value, or None where it is empty (None, NaN, blank)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value if str(value).strip() else None


def _column(frame: pd.DataFrame, names: list[str]) -> str | None:
    lowered = {c.lower(): c for c in frame.columns}
    return next((lowered[n] for n in names if n in lowered), None)


def _read_features(path: Path) -> _Features:
    raw = read_vector(path)
    code_col = _column(raw, CODE_COLUMNS)
    name_col = _column(raw, NAME_COLUMNS)
    if code_col is None and name_col is None:
        raise DataError(texts.ERR_USER_BOUNDARY_NO_KEY.format(
            file=path.name, code_columns=", ".join(CODE_COLUMNS), name_columns=", ".join(NAME_COLUMNS)),
            file=path.name)
    labels = _feature_labels(raw, code_col, name_col)
    raw = areas_only(raw, path.name, labels)
    check_geometries(raw, path.name, labels=labels)  # before the location check, which needs coordinates
    frame = to_wgs84(raw, path.name)
    check_geometries(frame, path.name, labels=labels)  # reprojecting can break a borderline-valid ring
    return _Features(path.name, frame, names_no_datum(raw.crs), code_col, name_col,
                     _column(frame, DISTRICT_COLUMNS))


def _feature_labels(frame: pd.DataFrame, code_col: str | None, name_col: str | None) -> list[str]:
    """What a message calls each feature: its row number, and its code and name where the file has them."""
    def column(name):
        return frame[name].tolist() if name else [None] * len(frame)
    labels = []
    for row, (code, name) in enumerate(zip(column(code_col), column(name_col)), start=1):
        given = " ".join(str(v) for v in (_given(code), _given(name)) if v is not None)
        label = texts.ROW_LABEL.format(row=row)
        labels.append(f"{label} «{given}»" if given else label)
    return labels


def _resolve(units: UnitList, name: str, district) -> str | None:
    """The unit a name means; the district only counts where the period has districts."""
    return units.matcher.resolve(name, district if units.period.has_districts else None).code


def user_boundary_files(folder: Path, default_names: set[str]) -> list[Path]:
    """The boundary files a user dropped into data/boundaries/ (not the default data set's files)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and p.name not in default_names)


def file_period(path: Path, old: UnitList, new: UnitList) -> Period:
    """Whether a boundary file draws the old communes (`old`) or the new units (`new`).

    Every feature is matched against both lists. It matches a list when its
    code and its name name the same unit there (or, having only one of them,
    that one names a unit; names without a code must be unambiguous). Codes
    alone cannot tell the lists apart: every new code is also an old code. A
    feature *speaks for* a list when it matches that list only (a name only one
    list has, or a code whose unit bears that name in one list only). The file
    draws the new units when more of its features speak for them than for the
    old communes. When as many speak for each (a file of codes only, or of names
    both lists have), the feature count decides: a file that matches at least
    one and at most 65 features is the new units. Anything else, a file that
    matches nothing included, is taken for the old communes, as before there
    was a second period.
    """
    features = _read_features(Path(path))
    for_new = for_old = matched = 0
    for code, name, district in features.keys():
        in_old = _agreeing_unit(old, code, name, district) is not None
        in_new = _agreeing_unit(new, code, name, district) is not None
        for_new += in_new and not in_old
        for_old += in_old and not in_new
        matched += in_old or in_new
    if for_new != for_old:
        return new.period if for_new > for_old else old.period
    return new.period if 0 < matched <= new.period.unit_count else old.period


def _agreeing_unit(units: UnitList, code, name: str | None, district) -> str | None:
    """The unit a feature means in `units` when its code and name agree on it, else None."""
    record = units.by_code(code) if code is not None else None
    if record is None:
        return _resolve(units, name, district) if name is not None else None
    if name is not None and name_key(name) != name_key(record.name):
        return None
    return record.code


def find_user_boundary_files(folder: Path, default_names: set[str], old: UnitList,
                             new: UnitList) -> dict[str, Path]:
    """The province's boundary file of each period in `folder`, by period key (at most one each);
    the first problem of `scan_user_boundary_files` as a DataError."""
    found = scan_user_boundary_files(folder, default_names, old, new)
    if found.problems:
        raise DataError(found.problems[0])
    return found.by_period


def scan_user_boundary_files(folder: Path, default_names: set[str], old: UnitList, new: UnitList) -> FoundFiles:
    """The province's boundary file of each period in `folder`, leaving out (and saying why) each file that
    cannot be read or told apart; more than two files, or two of one period, leave out those files."""
    files = user_boundary_files(folder, default_names)
    stray = stray_files(folder, default_names)
    if len(files) > 2:
        return FoundFiles({}, [texts.ERR_USER_BOUNDARY_TOO_MANY.format(files=preview(p.name for p in files))], stray)
    by_period: dict[str, list[Path]] = {}
    problems: list[str] = []
    for path in files:
        try:
            by_period.setdefault(file_period(path, old, new).key, []).append(path)
        except DataError as error:
            problems.append(error.message)
        except Exception:  # a fault nobody foresaw in one file must not take the map down for everyone
            log.exception("boundary file %s", path)
            problems.append(_unreadable(path))
    for key, paths in by_period.items():
        if len(paths) > 1:
            problems.append(texts.ERR_USER_BOUNDARY_SAME_PERIOD.format(
                period=key, files=preview(p.name for p in paths)))
    return FoundFiles({key: paths[0] for key, paths in by_period.items() if len(paths) == 1}, problems, stray)


def stray_files(folder: Path, default_names: set[str]) -> list[str]:
    """Names of the files in `folder` that are neither boundary files, their companions, nor the default data."""
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir()
                  if p.is_file() and not p.name.startswith(".") and p.name not in default_names
                  and p.suffix.lower() not in SUFFIXES | COMPANION_SUFFIXES)


def _unreadable(path: Path) -> str:
    return texts.ERR_FILE_UNREADABLE.format(file=path.name, kind="GeoJSON/Shapefile/GeoPackage")


def usable_user_boundaries(path: Path, units: UnitList | CommuneMatcher) -> UserBoundaries:
    """`read_user_boundaries`, or, for a file that cannot be used, no geometry and one warning saying why
    and that the default boundaries are drawn instead (`usable` False)."""
    try:
        return read_user_boundaries(path, units)
    except DataError as error:
        problem = error.message
    except Exception:  # as in scan_user_boundary_files
        log.exception("boundary file %s", path)
        problem = _unreadable(Path(path))
    return UserBoundaries(file=Path(path).name, geometry_by_code=gpd.GeoSeries([], crs="EPSG:4326"),
                          warnings=[texts.WARN_USER_BOUNDARY_FALLBACK.format(problem=problem)], usable=False)


def read_user_boundaries(path: Path, units: UnitList | CommuneMatcher) -> UserBoundaries:
    """The geometry of each unit `units` lists (a bare matcher: the 200 communes of 2021-2025) in the file,
    with what did not match and what is missing said in Vietnamese."""
    path = Path(path)
    units = units if isinstance(units, UnitList) else UnitList(PERIOD_2021, units)
    features = _read_features(path)
    codes: list[str | None] = []
    unmatched: list[str] = []
    for row_number, (record, name, district) in enumerate(features.keys(), start=1):
        known = units.by_code(record) if record is not None else None
        code = known.code if known is not None else None
        if code is None and name is not None:
            code = _resolve(units, name, district)
        if code is None:
            label, shown = texts.ROW_LABEL.format(row=row_number), name if name is not None else record
            unmatched.append(label if shown is None else f"{label} «{shown}»")
        codes.append(code)

    frame = features.frame.assign(gso_code=codes)
    matched = frame[frame["gso_code"].notna()]
    duplicated = sorted(set(matched.loc[matched["gso_code"].duplicated(), "gso_code"]))
    if duplicated:
        raise DataError(texts.ERR_DUPLICATE_CODES.format(
            file=path.name, column=features.code_col or features.name_col, items=preview(duplicated)),
            file=path.name)
    unmatched_text, missing_text = _REPORT[units.period.key]
    warnings = [texts.WARN_NO_DATUM.format(file=path.name)] if features.no_datum else []
    if unmatched:
        warnings.append(unmatched_text.format(file=path.name, count=len(unmatched), items=preview(unmatched)))
    missing = [r for r in units.matcher.records if r.code not in set(matched["gso_code"])]
    if missing:
        warnings.append(missing_text.format(
            file=path.name, count=len(missing),
            items=preview(f"{r.name} ({r.district})" if r.district else r.name for r in missing)))
    geometry = gpd.GeoSeries(matched.geometry.values, index=matched["gso_code"].values, crs=matched.crs)
    return UserBoundaries(file=path.name, geometry_by_code=geometry, warnings=warnings)

"""The province in the print CRS, with label anchors and matplotlib paths: computed once per data set.

Full-resolution geometry in UTM zone 48N (EPSG:32648), so lengths on paper are
true and the scale bar and "1:N" can be trusted. Projecting and finding the
label anchors is most of a first export's time, so it is cached while the
data set the app holds is alive. The locator's outline of Viet Nam (data/, see its PROVENANCE.md) is
projected once per process.
"""

from __future__ import annotations

import json
import threading
import weakref
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path as FilePath

import numpy as np
import shapely
from matplotlib.path import Path
from pyproj import Transformer

from geo.names import split_commune_prefix
from geo.province import ProvinceData
from geo.vnformat import nfc
from geo.webgeom import label_point
from layers import style

PRINT_CRS = "EPSG:32648"  # WGS 84 / UTM zone 48N: metric, true scale across the province
# Viet Nam with the Hoàng Sa and Trường Sa archipelagos, for the locator inset (see data/PROVENANCE.md).
COUNTRY_OUTLINE_FILE = FilePath(__file__).resolve().parent / "data" / "vietnam_outline.geojson"
ARCHIPELAGOS = ("paracels", "spratlys")  # the outline's parts besides "mainland"


@dataclass(frozen=True)
class PrintGeometry:
    """The province in the print CRS, with label anchor points: computed once per data set."""

    codes: np.ndarray
    names: np.ndarray
    areas: np.ndarray
    commune_paths: list
    commune_geoms: np.ndarray
    commune_anchors: np.ndarray  # (n, 2) metres: deepest point inside each commune
    district_names: list
    district_paths: list
    district_anchors: np.ndarray
    district_areas: np.ndarray
    province_paths: list
    province_geom: object
    border_geom: object
    bounds: tuple
    # Uncertain zones (2026-2030, geo/new_units.py): old communes split between two units, line unknown.
    zone_names: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))  # "Bính Xá"
    zone_paths: list = field(default_factory=list)
    zone_geoms: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))
    zone_anchors: np.ndarray = field(default_factory=lambda: np.empty((0, 2)))
    zone_areas: np.ndarray = field(default_factory=lambda: np.array([]))
    zone_units: tuple = ()  # per zone, the codes of the units sharing it

    def with_districts(self, source: PrintGeometry, keep: list[int]) -> PrintGeometry:
        """This geometry with the districts of `source` at the positions `keep` (names, outlines, anchors,
        areas): the districts a page's map names."""
        return replace(self, district_names=[source.district_names[i] for i in keep],
                       district_paths=[source.district_paths[i] for i in keep],
                       district_anchors=np.asarray(source.district_anchors)[keep].reshape(-1, 2),
                       district_areas=np.asarray(source.district_areas)[keep])

    def zones_shared_with(self, selected: np.ndarray) -> np.ndarray:
        """Which zones share a unit with `selected` (a mask over the units): partly inside the selection."""
        chosen = set(self.codes[selected])
        return np.array([not chosen.isdisjoint(units) for units in self.zone_units], dtype=bool)


_CACHE: dict[int, tuple[weakref.ref, PrintGeometry]] = {}
_CACHE_LOCK = threading.Lock()


def print_geometry(data: ProvinceData) -> PrintGeometry:
    """Projected geometry for `data`, cached while `data` is alive (the app keeps one)."""
    key = id(data)
    with _CACHE_LOCK:
        hit = _CACHE.get(key)
        if hit is not None and hit[0]() is data:
            return hit[1]
    geometry = _build_geometry(data)
    with _CACHE_LOCK:
        for stale in [k for k, (ref, _) in _CACHE.items() if ref() is None]:
            del _CACHE[stale]
        _CACHE[key] = (weakref.ref(data), geometry)
    return geometry


def _build_geometry(data: ProvinceData) -> PrintGeometry:
    communes = data.communes.to_crs(PRINT_CRS)
    districts = data.districts.to_crs(PRINT_CRS)
    province = data.province.to_crs(PRINT_CRS)
    border = data.border_line.to_crs(PRINT_CRS)
    commune_geoms = communes.geometry.values
    district_geoms = districts.geometry.values
    return PrintGeometry(
        codes=communes["gso_code"].astype(str).to_numpy(),
        names=np.array([nfc(n) for n in communes["commune_name"]], dtype=object),
        areas=shapely.area(commune_geoms),
        commune_paths=[polygon_path(g) for g in commune_geoms],
        commune_geoms=np.asarray(commune_geoms),
        commune_anchors=np.array([_anchor(g) for g in commune_geoms]),
        district_names=[nfc(style.short_district_name(d)).upper() for d in districts["district"]],
        district_paths=[polygon_path(g) for g in district_geoms],
        district_anchors=np.array([_anchor(g) for g in district_geoms]),
        district_areas=shapely.area(district_geoms),
        province_paths=[polygon_path(g) for g in province.geometry.values],
        province_geom=shapely.union_all(province.geometry.values),
        border_geom=shapely.union_all(border.geometry.values),
        bounds=tuple(province.total_bounds),
        **_zone_fields(data),
    )


def _zone_fields(data: ProvinceData) -> dict:
    """The uncertain zones in the print CRS, or nothing (the defaults: none) when the period has none."""
    if data.zones is None or data.zones.empty:
        return {}
    geoms = np.asarray(data.zones.to_crs(PRINT_CRS).geometry.values)
    return {
        "zone_names": np.array([short_commune_name(n) for n in data.zones["old_commune"]], dtype=object),
        "zone_paths": [polygon_path(g) for g in geoms],
        "zone_geoms": geoms,
        "zone_anchors": np.array([_anchor(g) for g in geoms]),
        "zone_areas": shapely.area(geoms),
        "zone_units": tuple(tuple(str(c) for c in codes) for codes in data.zones["new_codes"]),
    }


def short_commune_name(name: str) -> str:
    """An official commune name without its type, as the map labels it: "Xã Bính Xá" -> "Bính Xá"."""
    words = nfc(name).split()
    kind, _ = split_commune_prefix(name)
    return " ".join(words[len(kind.split()):]) if kind else nfc(name)


def _anchor(geom) -> tuple[float, float]:
    """Where a label goes, in metres (UTM 48N): see geo.webgeom.label_point."""
    point = label_point(geom, tolerance=25.0)
    return point.x, point.y


def polygon_path(geom) -> Path:
    """One matplotlib path per (multi)polygon; holes are separate closed rings."""
    rings = []
    for polygon in getattr(geom, "geoms", [geom]):
        for ring in (polygon.exterior, *polygon.interiors):
            coords = np.asarray(ring.coords)[:, :2]
            codes = np.full(len(coords), Path.LINETO, dtype=Path.code_type)
            codes[0], codes[-1] = Path.MOVETO, Path.CLOSEPOLY
            rings.append(Path(coords, codes))
    return Path.make_compound_path(*rings)


def line_segments(geom) -> list[np.ndarray]:
    return [np.asarray(line.coords)[:, :2] for line in getattr(geom, "geoms", [geom]) if not line.is_empty]


def closed(geom, gap_m: float = 60):
    """The union of neighbouring communes with the narrow gaps between their source polygons closed (a
    closing: grown then shrunk by `gap_m`), so the outline of a selection runs round it, not into it."""
    return shapely.buffer(shapely.buffer(geom, gap_m, join_style="mitre"), -gap_m, join_style="mitre")


def without_slivers(geom, min_area_m2: float = 10_000):
    """Drop holes and islands under a hectare: gaps between source polygons, not real enclaves."""
    parts = [shapely.Polygon(p.exterior, [r for r in p.interiors if shapely.Polygon(r).area >= min_area_m2])
             for p in getattr(geom, "geoms", [geom]) if p.area >= min_area_m2]
    return shapely.MultiPolygon(parts) if len(parts) != 1 else parts[0]


@dataclass(frozen=True)
class CountryOutline:
    """Viet Nam in the print CRS: the mainland (with its coastal islands) and each archipelago's islands."""

    mainland: object
    islands: dict  # archipelago ("paracels", "spratlys") -> its islands, a MultiPolygon

    @property
    def bounds(self) -> tuple:
        return tuple(shapely.total_bounds([self.mainland, *self.islands.values()]))


@lru_cache(maxsize=1)
def country_outline() -> CountryOutline:
    """The outline shipped in layers/paper/data (25 KB), projected once."""
    to_print = Transformer.from_crs("EPSG:4326", PRINT_CRS, always_xy=True)
    collection = json.loads(COUNTRY_OUTLINE_FILE.read_text(encoding="utf-8"))
    parts = {feature["properties"]["part"]: shapely.transform(
        shapely.from_geojson(json.dumps(feature["geometry"])),
        lambda xy: np.column_stack(to_print.transform(xy[:, 0], xy[:, 1])))
        for feature in collection["features"]}
    return CountryOutline(mainland=parts["mainland"], islands={name: parts[name] for name in ARCHIPELAGOS})

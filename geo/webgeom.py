"""Lighter geometry for the browser; the print map keeps the full geometry.

Simplification is coverage-aware (`shapely.coverage_simplify`), so where two
polygons share an edge both are simplified the same way and no new gaps open.
Coordinates are then snapped to a grid that matches the source precision.
"""

from __future__ import annotations

import geopandas as gpd
import shapely
from shapely.ops import polylabel

WEB_TOLERANCE_DEG = 0.002  # about 200 m; invisible at province scale, small at commune scale
WEB_GRID_DEG = 0.0001  # the source files carry 4 decimals (about 11 m)


def simplify_for_web(frame: gpd.GeoDataFrame, tolerance: float = WEB_TOLERANCE_DEG,
                     grid: float = WEB_GRID_DEG) -> gpd.GeoDataFrame:
    simplified = shapely.coverage_simplify(frame.geometry.values, tolerance)
    snapped = shapely.set_precision(simplified, grid)
    return frame.set_geometry(gpd.GeoSeries(snapped, index=frame.index, crs=frame.crs))


def simplify_lines_for_web(frame: gpd.GeoDataFrame, tolerance: float = WEB_TOLERANCE_DEG / 2,
                           grid: float = WEB_GRID_DEG) -> gpd.GeoDataFrame:
    lines = shapely.set_precision(shapely.simplify(frame.geometry.values, tolerance), grid)
    return frame.set_geometry(gpd.GeoSeries(lines, index=frame.index, crs=frame.crs))


def label_point(geom, tolerance: float):
    """Where a name label goes: the point deepest inside the largest part (`tolerance` in CRS units).

    A centroid can fall outside a crescent-shaped commune; the pole of
    inaccessibility is always inside and away from the edges. Used by the web
    map (degrees) and the print map (metres).
    """
    largest = max(getattr(geom, "geoms", [geom]), key=lambda part: part.area)
    return polylabel(largest, tolerance=tolerance)


def label_points(frame: gpd.GeoDataFrame, tolerance: float = 0.0005) -> gpd.GeoSeries:
    """`label_point` of every geometry of a WGS 84 frame."""
    return gpd.GeoSeries([label_point(g, tolerance) for g in frame.geometry], index=frame.index, crs=frame.crs)

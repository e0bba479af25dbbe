"""The layers of one data set serialised for Leaflet: GeoJSON with escaped text, and label rows.

Computed once per data set (`web_layers`) and reused on every rerun; colours are
not baked in, they come from a MapView when the map is built.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, replace

import geopandas as gpd

import texts
from geo.border import METRIC_CRS
from geo.vocabulary import PERIOD_2021, PERIOD_2026, Period
from geo.webgeom import label_points
from layers import style
from layers.tables import border_word
from layers.web.webtext import web_text

# The tooltip's lines for each period's units.
TOOLTIP_FIELDS = {
    PERIOD_2021.key: {
        "commune": texts.TOOLTIP_COMMUNE,
        "commune_type": texts.TOOLTIP_TYPE,
        "district": texts.TOOLTIP_DISTRICT,
        "gso_code": texts.TOOLTIP_CODE,
        "border_label": texts.TOOLTIP_BORDER,
        "counterpart": texts.TOOLTIP_NEW_COMMUNE,
    },
    PERIOD_2026.key: {
        "commune": texts.TOOLTIP_COMMUNE,
        "commune_type": texts.TOOLTIP_TYPE,
        "gso_code": texts.TOOLTIP_CODE,
        "border_label": texts.TOOLTIP_BORDER,
        "counterpart": texts.TOOLTIP_OLD_COMMUNES,
        "district": texts.COL_FORMER_DISTRICT,
    },
}
GZIP_LEVEL = 6  # 9 is 1 % smaller and four times slower (15 MB: 0.4 s against 1.7 s)
ZONE_FIELDS = {"old_commune": texts.TOOLTIP_ZONE, "shared_by": texts.TOOLTIP_ZONE_SHARED}


def feature_collection(frame: gpd.GeoDataFrame, columns: list[str]) -> dict:
    """GeoJSON with only `columns`, every text value HTML-escaped.

    Leaflet tooltips insert property values as HTML, so escaping here is what
    keeps a name from an uploaded file from becoming markup.
    """
    subset = frame[columns + ["geometry"]].copy()
    for column in columns:
        if subset[column].dtype == object or str(subset[column].dtype) in ("str", "string"):
            subset[column] = subset[column].map(web_text)
    return json.loads(subset.to_json(drop_id=True))


@dataclass(frozen=True)
class WebLayers:
    """The serialised layers of one data set, computed once and reused on every rerun.

    The shapes and label rows are one JSON text, `geometry` (the content of the static file the browser
    fetches, layers/web/geometry_file.py): as Python dicts they took about 80 MB at 10,000 units; the text
    is kept gzipped (`packed`, as the browser gets it: 3 MB instead of 15 at 10,000 units) and unpacked
    when asked for. Its parts are parsed only when asked for (a map written inline, tests): communes, zones
    (the uncertain zones of 2026-2030, or None), districts, province, border (GeoJSON, text escaped),
    commune_labels ([lat, lon, name, code], larger communes first: templates/labels.js keeps those) and
    district_labels ([lat, lon, name], larger districts first).
    """

    packed: bytes  # gzip of `geometry`
    unit_codes: tuple[str, ...]  # the units' codes in the geometry's order
    has_zones: bool
    has_districts: bool
    bounds: tuple
    tooltip_fields: dict[str, str]
    units_url: str | None = None  # `geometry` as a static file (layers/web/geometry_file.py), when written
    # Many units (layers/web/detail_levels.py): the same parts with simpler shapes, drawn below `detail_from`.
    packed_overview: bytes | None = None
    detail_from: float | None = None
    overview_url: str | None = None

    @property
    def geometry(self) -> bytes:
        return gzip.decompress(self.packed)

    @property
    def overview(self) -> bytes | None:
        return None if self.packed_overview is None else gzip.decompress(self.packed_overview)

    def parts(self) -> dict:
        return json.loads(self.geometry)

    @property
    def communes(self) -> dict:
        return self.parts()["communes"]

    @property
    def zones(self) -> dict | None:
        return self.parts()["zones"]

    @property
    def districts(self) -> dict:
        return self.parts()["districts"]

    @property
    def commune_labels(self) -> list:
        return self.parts()["commune_labels"]

    @property
    def district_labels(self) -> list:
        return self.parts()["district_labels"]


def pack(text: bytes) -> bytes:
    """gzip, the same bytes every time (no file time in the header): the static file the browser fetches."""
    return gzip.compress(text, GZIP_LEVEL, mtime=0)


def serialised(payload: dict) -> bytes:
    """Compact JSON, as the browser reads it."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def web_layers(communes: gpd.GeoDataFrame, districts: gpd.GeoDataFrame, province: gpd.GeoDataFrame,
               border_line: gpd.GeoDataFrame, zones: gpd.GeoDataFrame | None = None,
               period: Period = PERIOD_2021, commune_points: gpd.GeoSeries | None = None) -> WebLayers:
    """Inputs simplified for the web; colours are not baked in (they come from a MapView).

    `commune_points` (by GSO code) are the communes' label points when the caller has them already
    (layers/prepared.py places them once, on the full geometry); else they are placed here. District
    names are placed in the district outlines as the district file draws them, not in a union of communes.
    """
    fields = TOOLTIP_FIELDS[period.key]
    geometry = {
        **shape_parts(communes, districts, province, border_line, zones, period),
        "commune_labels": _commune_label_rows(communes, commune_points),
        "district_labels": _district_label_rows(districts) if period.has_districts else [],
    }
    return WebLayers(
        packed=pack(serialised(geometry)),
        unit_codes=tuple(str(code) for code in communes["gso_code"]),
        has_zones=zones is not None,
        has_districts=bool(geometry["district_labels"]),
        bounds=tuple(province.total_bounds),
        tooltip_fields=fields,
    )


def shape_parts(communes: gpd.GeoDataFrame, districts: gpd.GeoDataFrame, province: gpd.GeoDataFrame,
                border_line: gpd.GeoDataFrame, zones: gpd.GeoDataFrame | None, period: Period) -> dict:
    """The shapes of `WebLayers.geometry` (communes, zones, districts, province, border) with their tooltip
    properties, text escaped."""
    # "Có"/"Không", the word of the table under the map (the two sources' agreement is in the border table)
    commune_data = communes.assign(border_label=communes["is_border"].map(border_word))
    return {
        "communes": feature_collection(commune_data, list(TOOLTIP_FIELDS[period.key])),
        "zones": None if zones is None else feature_collection(
            zones.assign(shared_by=zones["new_names"].map(", ".join)), list(ZONE_FIELDS)),
        "districts": feature_collection(districts, ["district"]),
        "province": feature_collection(province, ["province"]),
        "border": feature_collection(border_line, ["name"]),
    }


def with_overview(layers: WebLayers, detail_from: float, shapes: dict) -> WebLayers:
    """`layers` with an overview: its parts with `shapes` (from `shape_parts`) instead of theirs, the same
    label rows, drawn below zoom `detail_from`."""
    return replace(layers, packed_overview=pack(serialised({**layers.parts(), **shapes})), detail_from=detail_from)


def _commune_label_rows(communes: gpd.GeoDataFrame, points: gpd.GeoSeries | None) -> list[list]:
    """Where two names would meet, the map keeps the larger commune's, as the print map does
    (layers/paper/labels.py): the rows come larger first."""
    ranked = _larger_first(communes)
    points = label_points(ranked) if points is None else points.loc[ranked["gso_code"]]
    return [[round(p.y, 4), round(p.x, 4), web_text(name), code]
            for p, name, code in zip(points, ranked["commune_name"], ranked["gso_code"])]


def _district_label_rows(districts: gpd.GeoDataFrame) -> list[list]:
    ranked = _larger_first(districts)
    return [[round(p.y, 4), round(p.x, 4), web_text(style.short_district_name(d))]
            for d, p in zip(ranked["district"], label_points(ranked))]


def _larger_first(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    areas = frame.geometry.to_crs(METRIC_CRS).area
    return frame.loc[areas.sort_values(ascending=False, kind="stable").index]

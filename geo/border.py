"""Border communes: computed from the border line, compared with the sourced list.

The sourced list (15 communes) is known to be partial, the computed one depends
on a tolerance; neither is official. Both are kept and every disagreement is
flagged for a person to check, never hidden.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from geo.names import normalise_code

METRIC_CRS = "EPSG:32648"  # UTM 48N: lengths in metres across the province
BUFFER_M = 500.0
MIN_BORDER_KM = 0.3

STATUS_BOTH = "both"
STATUS_SOURCED_ONLY = "sourced_only"
STATUS_COMPUTED_ONLY = "computed_only"
STATUS_NONE = "none"


def border_length_km(communes: gpd.GeoDataFrame, border: gpd.GeoDataFrame,
                     buffer_m: float = BUFFER_M) -> pd.Series:
    """Kilometres of border line lying within `buffer_m` of each commune."""
    line = border.to_crs(METRIC_CRS).geometry.union_all()
    zones = communes.to_crs(METRIC_CRS).geometry.buffer(buffer_m)
    lengths = zones.intersection(line).length / 1000.0
    return pd.Series(lengths.values, index=communes["gso_code"].values, name="border_km")


def read_sourced_border_codes(path) -> set[str]:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    return {normalise_code(c) for c in frame["gso_code"]}


def classify_border(codes: pd.Series, lengths_km: pd.Series, sourced: set[str],
                    min_km: float = MIN_BORDER_KM) -> pd.DataFrame:
    """Per commune: border length, in each list or not, and the agreement status."""
    frame = pd.DataFrame({"gso_code": codes.values})
    frame["border_km"] = frame["gso_code"].map(lengths_km).fillna(0.0)
    frame["border_computed"] = frame["border_km"] >= min_km
    frame["border_sourced"] = frame["gso_code"].isin(sourced)
    frame["border_status"] = STATUS_NONE
    frame.loc[frame.border_computed & frame.border_sourced, "border_status"] = STATUS_BOTH
    frame.loc[~frame.border_computed & frame.border_sourced, "border_status"] = STATUS_SOURCED_ONLY
    frame.loc[frame.border_computed & ~frame.border_sourced, "border_status"] = STATUS_COMPUTED_ONLY
    frame["is_border"] = frame.border_computed | frame.border_sourced
    return frame

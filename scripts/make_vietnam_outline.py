"""Derive the print map's locator outline of Viet Nam, with the Hoàng Sa and Trường Sa archipelagos.

Source: Natural Earth 4.1.0 "Admin 0 - Countries" at 1:10m (public domain), as TopoJSON in the npm
package world-atlas 2.0.2 (countries-10m.json; the package is ISC-licensed). Run once when the source
changes, from the project folder; the app, the tests and CI read only the derived file:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz        # in a scratch folder
    .venv/bin/python scripts/make_vietnam_outline.py SCRATCH/package/countries-10m.json

The TopoJSON is read by GDAL's TopoJSON driver (through pyogrio, already a dependency). Natural Earth
attributes the Paracel islands to China and the Spratly islands to a feature of their own ("Spratly Is."),
so the archipelagos are taken as every land polygon lying wholly inside a box of the archipelago's published
extent (below), whatever country the polygon is attributed to; the script prints those attributions so a
new edition that changes them is noticed. The mainland is the "Vietnam" feature, simplified to 0.01°
(about 1 km: far below a millimetre on the inset). Writes layers/paper/data/vietnam_outline.geojson.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pyogrio
import shapely

OUT = Path(__file__).resolve().parent.parent / "layers" / "paper" / "data" / "vietnam_outline.geojson"
NE_COUNTRY = "Vietnam"  # Natural Earth's NAME of the country
# lon_min, lat_min, lon_max, lat_max (WGS 84). Hoàng Sa: 15°45'-17°15' N, 111°-113° E; Trường Sa: 6°12'-12° N,
# 111°30'-117°20' E, cut at 116.5° E so that no island of Palawan (Balabac, from 116.9° E) or Sabah is taken.
ARCHIPELAGOS = {
    "paracels": (110.9, 15.5, 113.0, 17.3),
    "spratlys": (111.5, 6.2, 116.5, 12.0),
}
SIMPLIFY_DEGREES = 0.01
GRID_DEGREES = 0.001  # coordinates rounded to about 100 m


def derive(countries_topojson: Path) -> dict:
    """The outline as a GeoJSON FeatureCollection: the mainland and the two archipelagos, one feature each."""
    countries = pyogrio.read_dataframe(countries_topojson, layer="countries")
    vietnam = countries.loc[countries["name"] == NE_COUNTRY, "geometry"]
    if len(vietnam) != 1:
        raise SystemExit(f"expected one feature named {NE_COUNTRY!r}, found {len(vietnam)}")
    parts = {"mainland": shapely.simplify(vietnam.iloc[0], SIMPLIFY_DEGREES, preserve_topology=True)}
    polygons = countries.explode(index_parts=False)
    for name, bounds in ARCHIPELAGOS.items():
        inside = polygons[polygons.geometry.within(shapely.box(*bounds))]
        if inside.empty:
            raise SystemExit(f"no land polygon inside the {name} box {bounds}")
        attributed = inside["name"].value_counts().to_dict()
        print(f"{name}: {len(inside)} polygons, attributed by Natural Earth to {attributed}")
        parts[name] = shapely.MultiPolygon(list(inside.geometry))
    features = [{"type": "Feature", "properties": {"part": name},
                 "geometry": json.loads(shapely.to_geojson(shapely.set_precision(geom, GRID_DEGREES)))}
                for name, geom in parts.items()]
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit(__doc__)
    collection = derive(Path(argv[1]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(sys.argv)

"""Synthetic data folders of any size for benchmarks/scale.py (issue 15): Lạng Sơn copied on a grid.

`build(folder, communes=N)` writes the files the app reads (geo/province.FILES, plus the empty village
list) under the public data set's own names, made from the 200 real communes of 2021 copied whole
province by whole province: copy k is shifted by whole multiples of the province's width/height plus a
gap, filling south-west from Lạng Sơn inside Viet Nam's lon/lat box (copy 1 stays where Lạng Sơn is),
and the last copy is cut to make exactly N communes.

It is clearly not real data: every commune, district and 2025 unit name carries its copy number
("Xã Đề Thám 3", "Huyện Cao Lộc 3"), codes are 7 digits (copy * 100000 + the 5-digit GSO code, so no code
is ever a real one) and the province is called "Dữ liệu giả lập". It lives in temporary folders only.

Choices: the border line is copied with each copy (one LineString feature per copy), so every copy is a
self-consistent province with its own border communes; the province outline is one feature, the union
of the copies. A cut copy keeps the districts it has communes in, the crosswalk rows of its communes
(a 2025 unit left with no whole commune is dropped; a commune split between units of which one is
left goes whole to it), and its province part is the union of its districts.
"""

from __future__ import annotations

import json
import math
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from geo.province import FILES
from tests.conftest import SHARED

VILLAGES_FILE = "langson_extremely_disadvantaged_villages_2021.csv"  # header only in the public set
PER_COPY = 200
CODE_STEP = 100_000  # copy k's codes: k * CODE_STEP + the 5-digit code, written with 7 digits
DISTRICT_CODE_STEP = 1_000
GAP_DEG = 0.03  # between copies, so that no two copies touch
VIET_NAM_BOX = (102.14, 8.38, 109.47, 23.39)  # west, south, east, north (mainland and near islands)
SYNTHETIC_PROVINCE = "Dữ liệu giả lập"
PRECISION = 7  # decimals written; the sources have 4 (GADM) to 7 (dvhcvn)


@dataclass(frozen=True)
class Built:
    """What `build` wrote: counts, and how many copies fell outside Viet Nam's box."""

    folder: Path
    communes: int
    copies: int
    districts: int
    new_units: int
    copies_outside_box: int
    bounds: tuple[float, float, float, float]


def code(copy: int, original: str) -> str:
    """Copy `copy`'s code for an original 5-digit GSO code: 7 digits, unique across copies."""
    return f"{copy * CODE_STEP + int(original):07d}"


def named(name: str, copy: int) -> str:
    return f"{name} {copy}"


def grid_offsets(copies: int, bounds, box=VIET_NAM_BOX, gap=GAP_DEG) -> tuple[list[tuple[float, float]], int]:
    """(x, y) shifts of `copies` copies of a shape with `bounds`, and how many leave `box`.

    Whole steps of width+gap / height+gap; rows go south from the original, each row first west then
    east, keeping only the columns that stay in `box`; rows past the box's south edge are still used
    (counted as outside) when more copies are needed than the box holds.
    """
    minx, miny, maxx, maxy = bounds
    dx, dy = round(maxx - minx + gap, 4), round(maxy - miny + gap, 4)
    west, south, east, north = box
    cols_west = max(0, math.floor((minx - west) / dx))
    cols_east = max(0, math.floor((east - maxx) / dx))
    columns = [0] + [-c for c in range(1, cols_west + 1)] + list(range(1, cols_east + 1))
    rows_in_box = max(1, math.floor((miny - south) / dy) + 1)
    offsets = []
    row = 0
    while len(offsets) < copies:
        offsets.extend((round(col * dx, 4), round(-row * dy, 4)) for col in columns)
        row += 1
    outside = max(0, copies - rows_in_box * len(columns))
    return offsets[:copies], outside


def _new_commune_label(text: str, copy: int) -> str:
    """"Xã Kiên Mộc (06625, part)" -> "Xã Kiên Mộc 3 (0306625, part)", for each "; "-separated unit."""
    return re.sub(r"([^;]+?) \((\d{5})", lambda m: f"{m.group(1)} {copy} ({code(copy, m.group(2))}", text)


def _crosswalk_rows(crosswalk: pd.DataFrame, kept: set[str]) -> pd.DataFrame:
    """The crosswalk rows of the `kept` 2021 codes, still a crosswalk the app accepts (see module doc)."""
    rows = crosswalk[crosswalk["old_gso_code_2021"].isin(kept)].copy()
    while True:
        whole_units = set(rows.loc[rows["whole_or_part"] == "whole", "new_code"])
        lost = ~rows["new_code"].isin(whole_units)
        parts = rows[rows["whole_or_part"] == "part"].groupby("old_gso_code_2021")["new_code"].nunique()
        lone = rows["old_gso_code_2021"].isin(parts.index[parts < 2]) & (rows["whole_or_part"] == "part")
        if not lost.any() and not lone.any():
            return rows
        rows = rows[~lost]
        rows.loc[lone[~lost], "whole_or_part"] = "whole"


def _read(name: str) -> gpd.GeoDataFrame:
    return gpd.read_file(SHARED / name, engine="pyogrio")


def _csv(name: str) -> pd.DataFrame:
    return pd.read_csv(SHARED / name, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _write_geojson(frame: gpd.GeoDataFrame, path: Path) -> None:
    frame.to_file(path, driver="GeoJSON", engine="pyogrio", COORDINATE_PRECISION=PRECISION)


def build(folder, communes: int, seed: int = 0) -> Built:
    """Write a synthetic data folder of exactly `communes` communes into `folder` (created if needed).

    `seed` is kept for a future random layout; today the grid is deterministic and `seed` is unused.
    """
    if communes < 1:
        raise ValueError("communes must be at least 1")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    src_communes = _read(FILES["communes"])
    src_districts = _read(FILES["districts"])
    src_province = _read(FILES["province"])
    src_border = _read(FILES["border"])
    src_list = _csv(FILES["commune_list"])
    src_border_list = _csv(FILES["border_communes"])
    src_crosswalk = _csv(FILES["crosswalk"])
    assert len(src_communes) == PER_COPY, "the public data set has 200 communes"

    copies = math.ceil(communes / PER_COPY)
    offsets, outside = grid_offsets(copies, src_province.total_bounds)
    out_communes, out_districts, out_border, province_parts = [], [], [], []
    out_list, out_border_list, out_crosswalk = [], [], []
    for index, (xoff, yoff) in enumerate(offsets):
        k = index + 1
        take = min(PER_COPY, communes - index * PER_COPY)
        part = src_communes.iloc[:take].copy()
        kept = set(part["gso_code"])
        kept_districts = list(dict.fromkeys(part["district"]))

        part["geometry"] = part.geometry.translate(xoff, yoff)
        part["gso_code"] = part["gso_code"].map(lambda c, k=k: code(k, c))
        for column in ("commune", "commune_name", "district"):
            part[column] = part[column].map(lambda s, k=k: named(s, k))
        part["district_code"] = part["district_code"].map(lambda c, k=k: str(k * DISTRICT_CODE_STEP + int(c)))
        part["province"] = SYNTHETIC_PROVINCE
        out_communes.append(part)

        districts = src_districts[src_districts["district"].isin(kept_districts)].copy()
        districts["geometry"] = districts.geometry.translate(xoff, yoff)
        districts["n_communes_2021"] = districts["district"].map(src_communes.iloc[:take]["district"].value_counts())
        districts["district"] = districts["district"].map(lambda s, k=k: named(s, k))
        districts["district_code"] = districts["district_code"].map(lambda c, k=k: str(k * DISTRICT_CODE_STEP + int(c)))
        districts["province"] = SYNTHETIC_PROVINCE
        out_districts.append(districts)
        whole_copy = len(districts) == len(src_districts)
        province_parts.append(src_province.geometry.translate(xoff, yoff).iloc[0] if whole_copy
                              else shapely.union_all(districts.geometry.values))

        border = src_border.copy()
        border["geometry"] = border.geometry.translate(xoff, yoff)
        border["name"] = border["name"].map(lambda s, k=k: named(s, k))
        out_border.append(border)

        listed = src_list[src_list["gso_code"].isin(kept)].copy()
        for frame in (listed, src_border_list[src_border_list["gso_code"].isin(kept)].copy()):
            frame["gso_code"] = frame["gso_code"].map(lambda c, k=k: code(k, c))
            for column in ("commune", "district"):
                frame[column] = frame[column].map(lambda s, k=k: named(s, k))
            frame["new_commune_2025"] = frame["new_commune_2025"].map(lambda s, k=k: _new_commune_label(s, k))
            (out_list if frame is listed else out_border_list).append(frame)

        rows = _crosswalk_rows(src_crosswalk, kept)
        for column in ("new_commune", "old_commune", "old_district"):
            rows[column] = rows[column].map(lambda s, k=k: named(s, k) if s else s)
        for column in ("new_code", "new_code_vietnam_provinces", "old_gso_code", "old_gso_code_2021"):
            rows[column] = rows[column].map(lambda c, k=k: code(k, c) if c.isdigit() else c)
        out_crosswalk.append(rows)

    all_communes = gpd.GeoDataFrame(pd.concat(out_communes, ignore_index=True), crs=src_communes.crs)
    all_districts = gpd.GeoDataFrame(pd.concat(out_districts, ignore_index=True), crs=src_districts.crs)
    province = gpd.GeoDataFrame(
        {"province": [SYNTHETIC_PROVINCE], "province_code": ["99"], "n_districts": [len(all_districts)],
         "n_communes_2021": [len(all_communes)], "source": ["benchmarks/scale_data.py: Lạng Sơn copied on a grid"]},
        geometry=[shapely.union_all(province_parts)], crs=src_province.crs)
    border = gpd.GeoDataFrame(pd.concat(out_border, ignore_index=True), crs=src_border.crs)
    _write_geojson(all_communes, folder / FILES["communes"])
    _write_geojson(all_districts, folder / FILES["districts"])
    _write_geojson(province, folder / FILES["province"])
    _write_geojson(border, folder / FILES["border"])
    pd.concat(out_list).to_csv(folder / FILES["commune_list"], index=False, encoding="utf-8")
    pd.concat(out_border_list).to_csv(folder / FILES["border_communes"], index=False, encoding="utf-8")
    crosswalk = pd.concat(out_crosswalk)
    crosswalk.to_csv(folder / FILES["crosswalk"], index=False, encoding="utf-8")
    shutil.copyfile(SHARED / VILLAGES_FILE, folder / VILLAGES_FILE)
    (folder / "SYNTHETIC.json").write_text(json.dumps(
        {"made_by": "benchmarks/scale_data.py", "communes": communes, "copies": copies,
         "copies_outside_viet_nam_box": outside}, indent=1))
    return Built(folder=folder, communes=len(all_communes), copies=copies, districts=len(all_districts),
                 new_units=crosswalk["new_code"].nunique(), copies_outside_box=outside,
                 bounds=tuple(float(v) for v in all_communes.total_bounds))

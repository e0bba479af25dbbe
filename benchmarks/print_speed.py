"""Issue 5 and 16 benchmark: the print map and the atlas, rendered in Python with the full geometry.

Targets (median of 5, after one warm-up render that loads the data and
projects it once, as the app does): A4 PNG at 300 dpi <= 3 s, A4 PDF <= 3 s.
The atlas (issue 16) of the 200 communes of 2021-2025 (demo data, villages placed): <= 1 s a page at A4
150 dpi (the PDF with each page also as a 150 dpi PNG) and <= 3 min in all; memory flat as pages are added
(RSS read every ATLAS_RSS_EVERY pages; what it grows by should be the file being written, no more); and the
atlas by district (the 11 districts, 14 pages), at the same target a page.
Run from the project folder: .venv/bin/python -m benchmarks.print_speed [--skip-map] [--units N]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import time

from geo.boundaries import matcher_for, read_commune_list
from geo.demo import generate_demo
from geo.imports.reference import Reference
from geo.programme import Programme, commune_table
from geo.province import load_province
from geo.vocabulary import DEMO
from layers import style
from layers.page import Choices, map_page
from layers.paper.atlas import render_atlas_files
from layers.paper.render import render_print_map
from layers.prepared import prepare
from layers.thematic import ViewOptions
from layers.view import district_view, filters_subtitle
from tests.conftest import SHARED

RUNS = 5
TARGET_S = 3.0
ATLAS_PAGE_TARGET_S = 1.0
ATLAS_TOTAL_TARGET_S = 180.0
ATLAS_RSS_EVERY = 20
ATLAS_PNG_DPI = 150


def timed(view, data, **options) -> tuple[float, int]:
    start = time.perf_counter()
    result = render_print_map(view, data, **options)
    return time.perf_counter() - start, len(result)


def print_map_cases() -> dict:
    data = load_province({"LANGSON_GEODATA_DIR": str(SHARED)})
    colours = style.district_colours(data.communes["district"].tolist())
    view = district_view(data.communes, colours, subtitle=filters_subtitle([], False, "", None),
                         sources=(data.boundary_source,))
    cases = {"a4_png_300dpi": {"fmt": "png", "dpi": 300}, "a4_pdf": {"fmt": "pdf"}}
    results = {}
    timed(view, data, fmt="png", dpi=72)  # warm-up: projection and label anchors are computed once
    for name, options in cases.items():
        runs = [timed(view, data, page="A4", orientation="landscape", **options) for _ in range(RUNS)]
        results[name] = {"runs_s": [round(t, 3) for t, _ in runs],
                         "median_s": round(statistics.median(t for t, _ in runs), 3),
                         "bytes": runs[-1][1], "ok": statistics.median(t for t, _ in runs) <= TARGET_S}
    return results


def rss_mb() -> float:
    """This process's resident memory now (Linux), in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        kb = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    return round(kb / 1024, 1)


def atlas_cases(units: int | None) -> dict:
    """The category view of the 200 communes of 2021-2025 on the demo data, one page per commune, by name."""
    data = prepare({"LANGSON_GEODATA_DIR": str(SHARED)})
    commune_list = read_commune_list(SHARED / "langson_commune_areas_2021.csv")
    frames = generate_demo(Reference(commune_list=commune_list, matcher=matcher_for(commune_list)),
                           communes=data.communes)
    programme = Programme(source=DEMO, categories=frames["categories"], villages=frames["villages"],
                          commune_indicators=frames["indicators_commune"],
                          village_indicators=frames["indicators_village"])
    table = commune_table(data.communes, programme)
    page = map_page(Choices(source=DEMO, period=data.period.key, options=ViewOptions(kind="category")), data,
                    programme, table)
    chosen = table["gso_code"].tolist()[:units] if units else None
    options = dict(units=chosen, villages=programme.villages, paper="A4", orientation="portrait",
                   export_date=datetime.date(2026, 11, 30))
    render_atlas_files(page, data.province_data, table, **{**options, "units": table["gso_code"].tolist()[:2]})
    results = {}
    for name, png_dpi in (("atlas_a4_pdf", None), (f"atlas_a4_pdf_png_{ATLAS_PNG_DPI}dpi", ATLAS_PNG_DPI)):
        marks, memory = [], [(0, rss_mb())]

        def progress(done: int, total: int) -> None:
            marks.append(time.perf_counter())
            if done % ATLAS_RSS_EVERY == 0 or done == total:
                memory.append((done, rss_mb()))

        start = time.perf_counter()
        files = render_atlas_files(page, data.province_data, table, png_dpi=png_dpi, progress=progress, **options)
        total_s = time.perf_counter() - start
        pages = [b - a for a, b in zip([start, *marks], marks)]
        output_mb = (len(files.pdf) + len(files.png_zip or b"")) / 2 ** 20
        results[name] = {
            "pages": files.pages, "total_s": round(total_s, 1), "median_page_s": round(statistics.median(pages), 3),
            "max_page_s": round(max(pages), 3), "per_page_s": round(total_s / files.pages, 3),
            "rss_mb_by_page": dict(memory), "rss_growth_mb": round(memory[-1][1] - memory[0][1], 1),
            "output_mb": round(output_mb, 1),
            "ok": total_s / files.pages <= ATLAS_PAGE_TARGET_S and (bool(units) or total_s <= ATLAS_TOTAL_TARGET_S),
        }
    start = time.perf_counter()  # the atlas by district: the 11 districts, each its units' values rolled up
    files = render_atlas_files(page, data.province_data, table, per="district", **{**options, "units": None})
    total_s = time.perf_counter() - start
    results["atlas_districts_a4_pdf"] = {"pages": files.pages, "total_s": round(total_s, 1),
                                         "per_page_s": round(total_s / files.pages, 3), "rss_mb": rss_mb(),
                                         "ok": total_s / files.pages <= ATLAS_PAGE_TARGET_S}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-map", action="store_true", help="the atlas only")
    parser.add_argument("--units", type=int, default=None, help="an atlas of the first N communes (a quick run)")
    args = parser.parse_args()
    load_before = os.getloadavg()
    results = {} if args.skip_map else print_map_cases()
    results.update(atlas_cases(args.units))
    results["load_average"] = {"before": [round(x, 2) for x in load_before],
                               "after": [round(x, 2) for x in os.getloadavg()]}
    print(json.dumps(results, indent=2))
    ok = all(r["ok"] for name, r in results.items() if name != "load_average")
    print("TARGETS MET" if ok else "TARGETS MISSED")


if __name__ == "__main__":
    main()

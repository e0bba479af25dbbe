"""Issue 5 benchmark: the print map, rendered in Python with the full geometry.

Targets (median of 5, after one warm-up render that loads the data and
projects it once, as the app does): A4 PNG at 300 dpi <= 3 s, A4 PDF <= 3 s.
Run from the project folder: .venv/bin/python -m benchmarks.print_speed
"""

from __future__ import annotations

import json
import statistics
import time

from geo.province import load_province
from layers import style
from layers.paper.render import render_print_map
from layers.view import district_view, filters_subtitle
from tests.conftest import SHARED

RUNS = 5
TARGET_S = 3.0


def timed(view, data, **options) -> tuple[float, int]:
    start = time.perf_counter()
    result = render_print_map(view, data, **options)
    return time.perf_counter() - start, len(result)


def main() -> None:
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
                         "bytes": runs[-1][1]}
    print(json.dumps(results, indent=2))
    ok = all(r["median_s"] <= TARGET_S for r in results.values())
    print("TARGETS MET" if ok else "TARGETS MISSED")


if __name__ == "__main__":
    main()

"""Issue 2 benchmark: map drawn in the browser, rerun time, bytes of map data.

Targets: 200 commune shapes drawn <= 2.5 s (median of 5, warm server),
server-side rerun after a filter change <= 0.5 s, map data <= 400 KB.
Run: .venv/bin/python benchmarks/map_speed.py
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from tests.conftest import SHARED  # noqa: E402
from tests.live import ROOT, count, launch_browser, map_frame, offline_page, running_app  # noqa: E402

RUNS = 5


def time_to_shapes(browser, url: str) -> tuple[float, int, list[str]]:
    """Seconds from navigation start to 200 commune paths; websocket bytes received."""
    page, blocked = offline_page(browser)
    received = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: received.append(len(payload))))
    start = time.perf_counter()
    page.goto(url)
    frame = map_frame(page, timeout_s=60)
    while count(frame, "path.commune") < 200:
        page.wait_for_timeout(10)
    elapsed = time.perf_counter() - start
    page.close()
    return elapsed, sum(received), blocked


def rerun_times() -> list[float]:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    choices = ["Huyện Cao Lộc", "Huyện Đình Lập", "Huyện Bắc Sơn", "Huyện Văn Lãng", "Huyện Hữu Lũng"]
    times = []
    for district in choices:
        at.sidebar.multiselect[0].set_value([district])
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
    return times


def map_args_bytes() -> dict:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    args = at.get("component_instance")[0].proto.json_args
    at.sidebar.multiselect[0].set_value(["Huyện Cao Lộc"])
    at.run()
    filtered = json.loads(at.get("component_instance")[0].proto.json_args)
    return {"map_args_bytes": len(args.encode()),
            "selection_layer_bytes_cao_loc": len((filtered["feature_group"] or "").encode())}


def main() -> None:
    import os
    os.environ["LANGSON_GEODATA_DIR"] = str(SHARED)
    results = {}
    with running_app({"LANGSON_GEODATA_DIR": str(SHARED)}) as url, sync_playwright() as p:
        browser = launch_browser(p)
        time_to_shapes(browser, url)  # warm the server (first script run, caches)
        runs = [time_to_shapes(browser, url) for _ in range(RUNS)]
        browser.close()
    results["shapes_drawn_s"] = [round(r[0], 3) for r in runs]
    results["shapes_drawn_median_s"] = round(statistics.median(r[0] for r in runs), 3)
    results["websocket_bytes_page_load"] = runs[-1][1]
    results["requests_blocked_off_machine"] = sum(len(r[2]) for r in runs)
    reruns = rerun_times()
    results["rerun_s"] = [round(t, 3) for t in reruns]
    results["rerun_median_s"] = round(statistics.median(reruns), 3)
    results.update(map_args_bytes())
    print(json.dumps(results, indent=2))
    ok = (results["shapes_drawn_median_s"] <= 2.5 and results["rerun_median_s"] <= 0.5
          and results["websocket_bytes_page_load"] <= 400_000)
    print("TARGETS MET" if ok else "TARGETS MISSED")


if __name__ == "__main__":
    main()

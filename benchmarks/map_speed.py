"""Map speed: shapes drawn in the browser, server-side reruns, bytes of map data.

Targets (issues 2 and 4): 200 commune shapes drawn <= 2.5 s (median of 5, warm
server); server-side rerun after a filter change, and after a priority weight
change, <= 0.5 s; map data sent to the browser <= 400 KB. Issue 12: the 65 units
of 2026-2030 drawn <= 2.5 s; a period switch (click to the other period's
shapes drawn) <= 1 s.
Runs on the real boundaries and, for the thematic views, on the demo data set
written to a temporary data directory.
Run from the project folder: .venv/bin/python -m benchmarks.map_speed
"""

from __future__ import annotations

import json
import statistics
import time

from playwright.sync_api import sync_playwright

from tests.conftest import SHARED, open_map_page
from tests.live import count, launch_browser, map_frame, offline_page, running_app, wait_until

RUNS = 5


# Added to every page: notes, by the page's own clock (from navigation start),
# when the map frame first holds all the period's unit shapes (65 for 2026-2030,
# else 200). Polling the frames from Python instead would cost the page's main
# thread a round trip every few ms.
SHAPES_TIMER = """
if (window === window.top) {
  const want = location.search.includes('2026-2030') ? 65 : 200;
  const timer = setInterval(() => {
    for (const frame of document.querySelectorAll('iframe')) {
      let shapes = 0;
      try { shapes = frame.contentDocument.querySelectorAll('path.commune').length; } catch (e) {}
      if (shapes === want) {
        window.__shapesDrawnAt = performance.timeOrigin + performance.now();
        clearInterval(timer);
      }
    }
  }, 16);
}
"""


def timed_page(browser):
    page, blocked = offline_page(browser)
    page.add_init_script(SHAPES_TIMER)
    return page, blocked


def time_to_shapes(browser, url: str, page=None) -> tuple[float, int, list[str]]:
    """Seconds from navigation start to 200 commune paths; websocket bytes received by then.

    Without `page`, a fresh browser context (cold HTTP cache, a first visit);
    with one, a reload in the same context (the browser has Streamlit's files cached).
    """
    reuse = page is not None
    if reuse:
        blocked = []
    else:
        page, blocked = timed_page(browser)
    received = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: received.append(len(payload))))
    page.goto(url)
    page.wait_for_function("window.__shapesDrawnAt", polling=100, timeout=60_000)
    elapsed = page.evaluate("(window.__shapesDrawnAt - performance.timeOrigin) / 1000")
    if not reuse:
        page.close()
    return elapsed, sum(received), blocked


def period_switches(browser, url: str) -> list[float]:
    """Seconds from a click on the other period to its shapes drawn in the new map frame."""
    page, _ = timed_page(browser)
    page.goto(url + "?period=2026-2030")
    page.wait_for_function("window.__shapesDrawnAt", polling=100, timeout=60_000)
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=30_000)
    times = []
    for i in range(RUNS):
        label, want = (PERIOD_2021, 200) if i % 2 == 0 else (PERIOD_2026, 65)
        page.wait_for_timeout(500)
        start = time.perf_counter()
        page.get_by_text(label).click()
        wait_until(page, lambda: count(map_frame(page), "path.commune") == want, timeout_s=30)
        times.append(time.perf_counter() - start)
        page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=30_000)
    page.close()
    return times


PERIOD_2021, PERIOD_2026 = "2021-2025 · 200 xã, 11 huyện", "2026-2030 · 65 xã, phường (từ 01/7/2025)"


def timed_reruns(view: str, change) -> list[float]:
    """Seconds per rerun after `change(at, i)` alters one widget, in the given view."""
    at = open_map_page()
    at.sidebar.selectbox(key="view_kind").set_value(view)
    at.run()
    times = []
    for i in range(RUNS):
        change(at, i)
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        assert not at.exception, at.exception
    return times


DISTRICTS = ["Huyện Cao Lộc", "Huyện Đình Lập", "Huyện Bắc Sơn", "Huyện Văn Lãng", "Huyện Hữu Lũng"]


def district_change(at, i):
    at.sidebar.multiselect(key="districts_2021-2025").set_value([DISTRICTS[i]])


def weight_change(at, i):
    at.sidebar.select_slider(key="w_border").set_value(float(i + 1))


def map_args_bytes() -> dict:
    at = open_map_page()
    args = at.get("component_instance")[0].proto.json_args
    at.sidebar.multiselect(key="districts_2021-2025").set_value(["Huyện Cao Lộc"])
    at.run()
    filtered = json.loads(at.get("component_instance")[0].proto.json_args)
    return {"map_args_bytes": len(args.encode()),
            "selection_layer_bytes_cao_loc": len((filtered["feature_group"] or "").encode())}


def main() -> None:
    import os
    import tempfile

    from geo.demo import store_demo
    from geo.editors import command_line_editor
    from geo.store import Store

    empty_dir = tempfile.mkdtemp(prefix="langson-bench-empty-")
    demo_dir = tempfile.mkdtemp(prefix="langson-bench-demo-")
    store_demo(Store.default(demo_dir), by=command_line_editor())
    os.environ["LANGSON_GEODATA_DIR"] = str(SHARED)
    os.environ["LANGSON_DATA_DIR"] = empty_dir
    results = {}
    env = {"LANGSON_GEODATA_DIR": str(SHARED), "LANGSON_DATA_DIR": empty_dir}
    with running_app(env) as url, sync_playwright() as p:
        browser = launch_browser(p)
        old, new = url + "?period=2021-2025", url + "?period=2026-2030"
        time_to_shapes(browser, old)  # warm the server (first script run, caches)
        time_to_shapes(browser, new)
        runs = [time_to_shapes(browser, old) for _ in range(RUNS)]
        new_runs = [time_to_shapes(browser, new)[0] for _ in range(RUNS)]
        page, blocked = timed_page(browser)
        time_to_shapes(browser, old, page)  # fill the browser cache
        warm = [time_to_shapes(browser, old, page)[0] for _ in range(RUNS)]
        switches = period_switches(browser, url)
        browser.close()
    results["units_2026_drawn_s"] = [round(t, 3) for t in new_runs]
    results["units_2026_drawn_median_s"] = round(statistics.median(new_runs), 3)
    results["period_switch_s"] = [round(t, 3) for t in switches]
    results["period_switch_median_s"] = round(statistics.median(switches), 3)
    results["shapes_drawn_warm_browser_cache_s"] = [round(t, 3) for t in warm]
    results["shapes_drawn_warm_browser_cache_median_s"] = round(statistics.median(warm), 3)
    results["requests_blocked_off_machine_warm"] = len(blocked)
    results["shapes_drawn_s"] = [round(r[0], 3) for r in runs]
    results["shapes_drawn_median_s"] = round(statistics.median(r[0] for r in runs), 3)
    results["websocket_bytes_until_drawn"] = runs[-1][1]
    results["requests_blocked_off_machine"] = sum(len(r[2]) for r in runs)
    results.update(map_args_bytes())
    reruns = timed_reruns("admin", district_change)
    results["rerun_filter_admin_s"] = [round(t, 3) for t in reruns]
    os.environ["LANGSON_DATA_DIR"] = demo_dir
    for name, view, change in (("rerun_filter_category_s", "category", district_change),
                               ("rerun_filter_priority_s", "priority", district_change),
                               ("rerun_weight_priority_s", "priority", weight_change)):
        results[name] = [round(t, 3) for t in timed_reruns(view, change)]
    medians = {k.replace("_s", "_median_s"): round(statistics.median(v), 3)
               for k, v in list(results.items()) if k.startswith("rerun_")}
    results.update(medians)
    print(json.dumps(results, indent=2))
    results["load_average"] = os.getloadavg()
    ok = (results["shapes_drawn_median_s"] <= 2.5 and max(medians.values()) <= 0.5
          and results["map_args_bytes"] <= 400_000 and results["units_2026_drawn_median_s"] <= 2.5
          and results["period_switch_median_s"] <= 1.0)
    print("TARGETS MET" if ok else "TARGETS MISSED")


if __name__ == "__main__":
    main()

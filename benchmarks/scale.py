"""Scale (issue 15): the real app on synthetic data of 200 / 2,000 / 10,000 communes, in headless Chromium.

Per size, on a data folder from benchmarks/scale_data.py (Lạng Sơn copied on a grid) and an empty store,
with the 2021-2025 map (`?period=2021-2025`) and every request off 127.0.0.1 blocked:
- the map data prepared before the server starts (`python -m layers.build`, as scripts/start.sh and the
  service do; layers/build_cache.py keeps it): seconds, reported apart;
- first visit, cold server: from starting the server (a new process, nothing in memory) to the map drawn in
  a browser;
- page load to drawn, cold browser (a new context each time), warm server: median of RUNS;
- map data per load: websocket bytes received until drawn, and until the page's runs are over;
- a filter change (a district picked in the sidebar, three times: FILTER_DISTRICTS): seconds and websocket
  bytes until the selection is drawn and the script run is over, the median of the three;
- the server's peak memory: the RSS of the Streamlit process and its children, sampled every 0.2 s.
"Drawn" is the moment the map frame holds N unit shapes: its `data-units-drawn` attribute (issue 15) or,
without it, N `path.commune` elements; the time the map's own drawn flag (templates/drawn.js) was set
is kept beside it. Every wait is bounded; a size that fails is reported and the run goes on.

Run from the project folder: .venv/bin/python -m benchmarks.scale [--sizes 200,2000,10000] [--runs 3]
[--data-root DIR] (build the data folders there and reuse them, instead of a temporary folder per size)
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks.scale_data import build
from tests.conftest import ROOT
from tests.live import launch_browser, offline_page, running_app, wait_idle

RUNS = 3
COLD_TIMEOUT_S = 300  # the first visit on a cold server at 10,000 took 30 s in issue 15
DRAWN_TIMEOUT_S = 120
FILTER_TIMEOUT_S = 120
# Districts of copy 1 as the filter lists them, and their communes: picked one after the other, three filter
# changes (12, then 12 + 17, then 12 + 17 + 19 communes chosen), timed each; the median is the figure.
FILTER_DISTRICTS = (("Đình Lập 1", 12), ("Văn Lãng 1", 17), ("Bình Gia 1", 19))
RESULTS = Path(__file__).resolve().parent / "results"
MB = 1_000_000

# Added to every page: notes, by the page's own clock, when a map frame first holds `want` unit shapes
# (window.__unitsDrawnAt) and when the map's script set its drawn flag (window.__mapFlagAt).
DRAWN_TIMER = """
if (window === window.top) {
  const want = %d;
  const timer = setInterval(() => {
    if (window.__langsonMapDrawn && !window.__mapFlagAt) { window.__mapFlagAt = performance.now(); }
    for (const frame of document.querySelectorAll('iframe')) {
      let units = 0;
      try {
        const doc = frame.contentDocument;
        const marked = doc.querySelector('[data-units-drawn]');
        units = marked ? Number(marked.getAttribute('data-units-drawn'))
                       : doc.querySelectorAll('path.commune').length;
      } catch (e) {}
      if (units >= want) { window.__unitsDrawnAt = performance.now(); clearInterval(timer); }
    }
  }, 25);
}
"""

# True once drawn, or the text of the error the app shows instead of the map (a refused data file).
DRAWN_OR_ERROR = """() => {
  if (window.__unitsDrawnAt) return true;
  const error = document.querySelector('[data-testid="stException"], [data-testid="stAlertContentError"]');
  return error ? error.innerText : false;
}"""

# True once the picked district's communes are drawn as selected and the script run is over.
SELECTION_DRAWN = """want => {
  const state = document.querySelector('[data-testid="stApp"]')?.getAttribute('data-test-script-state');
  if (state === 'running' || state === 'initial') return false;
  for (const frame of document.querySelectorAll('iframe')) {
    try {
      const doc = frame.contentDocument;
      const marked = doc.querySelector('[data-units-selected]');
      const n = marked ? Number(marked.getAttribute('data-units-selected'))
                       : doc.querySelectorAll('path.commune-selected').length;
      if (n === want) return true;
    } catch (e) {}
  }
  return false;
}"""


class PeakMemory:
    """The highest RSS (MB) of the Streamlit server on `port` and its children, sampled in a thread."""

    def __init__(self, port: int, result: dict):
        self.port, self.peak_mb, self.result, self._stop = port, 0.0, result, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(5)
        self.result["server_peak_mb"] = round(self.peak_mb, 1)

    def _run(self):
        while not self._stop.is_set():
            with contextlib.suppress(Exception):
                self.peak_mb = max(self.peak_mb, tree_rss_mb(self.port))
            self._stop.wait(0.2)


def _processes() -> dict[int, tuple[int, bytes]]:
    """pid -> (parent pid, command line) of every process this user can read."""
    out = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                stat = (entry / "stat").read_text()
                out[int(entry.name)] = (int(stat.rsplit(")", 1)[1].split()[1]), (entry / "cmdline").read_bytes())
    return out


def tree_rss_mb(port: int) -> float:
    """RSS of the Streamlit server listening on `port` (found by its command line) plus its descendants."""
    procs = _processes()
    roots = [pid for pid, (_, cmd) in procs.items()
             if b"streamlit" in cmd and str(port).encode() in cmd.split(b"\0")]
    if not roots:
        raise RuntimeError("the server's process was not found")
    tree, changed = set(roots), True
    while changed:
        grown = tree | {pid for pid, (ppid, _) in procs.items() if ppid in tree}
        changed, tree = grown != tree, grown
    total_kb = 0
    for pid in tree:
        with contextlib.suppress(OSError, StopIteration):
            status = Path(f"/proc/{pid}/status").read_text()
            total_kb += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
    return total_kb / 1024


def open_and_time(browser, url: str, units: int, timeout_s: float):
    """A new context (cold browser cache) opens `url`: (page, ws byte counter, seconds to drawn, flag seconds)."""
    page, blocked = offline_page(browser)
    page.add_init_script(DRAWN_TIMER % units)
    received: list[int] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: received.append(len(payload))))
    http: list[int] = []  # response bodies: a geometry file served over HTTP counts as map data too
    page.on("requestfinished", lambda request: http.append(request.sizes()["responseBodySize"]))
    page.goto(url, timeout=timeout_s * 1000)
    page.wait_for_function(DRAWN_OR_ERROR, polling=100, timeout=timeout_s * 1000)
    error = page.evaluate(DRAWN_OR_ERROR)
    if error is not True:
        raise RuntimeError(f"the app showed an error instead of the map: {error}")
    at = page.evaluate("[window.__unitsDrawnAt / 1000, (window.__mapFlagAt || 0) / 1000]")
    page.http_bytes_until_drawn = sum(http)
    return page, received, blocked, at[0], (at[1] or None)


def page_load(browser, url: str, units: int) -> dict:
    page, received, blocked, drawn_s, flag_s = open_and_time(browser, url, units, DRAWN_TIMEOUT_S)
    bytes_drawn = sum(received)
    wait_idle(page, DRAWN_TIMEOUT_S)
    page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.wait_for(
        timeout=DRAWN_TIMEOUT_S * 1000)
    wait_idle(page, DRAWN_TIMEOUT_S)
    return {"page": page, "received": received, "drawn_s": drawn_s, "flag_s": flag_s,
            "bytes_until_drawn": bytes_drawn, "http_bytes_until_drawn": page.http_bytes_until_drawn,
            "bytes_until_idle": sum(received), "blocked": len(blocked)}


def filter_change(page, received: list[int]) -> dict:
    """Pick FILTER_DISTRICTS one after the other in the sidebar's district filter: seconds and bytes until the
    selection is drawn and the script run is over, each time; the medians."""
    seconds, sent, chosen = [], [], 0
    for name, communes in FILTER_DISTRICTS:
        field = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"] input').first
        field.click()
        page.keyboard.type(name)
        option = page.get_by_role("option", name=name, exact=True)
        option.wait_for(timeout=30_000)
        chosen += communes
        before = sum(received)
        start = time.perf_counter()
        option.click()
        page.wait_for_function(SELECTION_DRAWN, arg=chosen, polling=50, timeout=FILTER_TIMEOUT_S * 1000)
        seconds.append(round(time.perf_counter() - start, 3))
        sent.append(sum(received) - before)
        page.keyboard.press("Escape")  # close the list before the next pick
        wait_idle(page, FILTER_TIMEOUT_S)
    return {"filter_changes_s": seconds, "filter_change_s": statistics.median(seconds),
            "filter_change_bytes": statistics.median(sent)}


def measure_size(browser, size: int, data_root: Path | None, runs: int, result: dict) -> None:
    """Fill `result` step by step, so that what was measured before a failure is kept."""
    with contextlib.ExitStack() as stack:
        if data_root is None:
            geodata = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=f"scale-{size}-")))
        else:
            geodata = data_root / f"communes-{size}"
        marker = geodata / "SYNTHETIC.json"
        started = time.perf_counter()
        if not (marker.is_file() and json.loads(marker.read_text()).get("communes") == size):
            built = build(geodata, size)
            result.update(copies=built.copies, districts=built.districts,
                          copies_outside_viet_nam_box=built.copies_outside_box)
        result["build_data_s"] = round(time.perf_counter() - started, 1)
        store = stack.enter_context(tempfile.TemporaryDirectory(prefix="scale-store-"))
        env = {"LANGSON_GEODATA_DIR": str(geodata), "LANGSON_DATA_DIR": store}
        # what scripts/start.sh and the service do before the server listens (layers/build.py)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "layers.build"], env={**os.environ, **env}, cwd=ROOT, check=True,
                       timeout=COLD_TIMEOUT_S)
        result["prepare_before_start_s"] = round(time.perf_counter() - started, 1)

        server_started = time.time()
        url = stack.enter_context(running_app(env, timeout=COLD_TIMEOUT_S))
        result["server_ready_s"] = round(time.time() - server_started, 2)
        stack.enter_context(PeakMemory(int(url.rsplit(":", 1)[1]), result))
        address = url + "/?period=2021-2025"
        page, _, blocked, _, _ = open_and_time(browser, address, size, COLD_TIMEOUT_S)
        # timeOrigin is the navigation's start, in ms since the epoch: drawn at timeOrigin + __unitsDrawnAt
        drawn_epoch = page.evaluate("(performance.timeOrigin + window.__unitsDrawnAt) / 1000")
        result["first_visit_cold_server_s"] = round(drawn_epoch - server_started, 2)
        wait_idle(page, COLD_TIMEOUT_S)
        page.close()

        loads = []
        for _ in range(runs):
            load = page_load(browser, address, size)
            loads.append(load)
            if len(loads) < runs:
                load["page"].close()
        result["drawn_cold_browser_s"] = [round(x["drawn_s"], 3) for x in loads]
        result["drawn_cold_browser_median_s"] = round(statistics.median(result["drawn_cold_browser_s"]), 3)
        result["drawn_flag_median_s"] = (round(statistics.median(x["flag_s"] for x in loads), 3)
                                         if all(x["flag_s"] for x in loads) else None)
        result["map_data_until_drawn_mb"] = round(statistics.median(x["bytes_until_drawn"] for x in loads) / MB, 3)
        result["http_until_drawn_mb"] = round(statistics.median(x["http_bytes_until_drawn"] for x in loads) / MB, 3)
        result["data_per_load_mb"] = round(statistics.median(x["bytes_until_idle"] for x in loads) / MB, 3)
        result["requests_blocked_off_machine"] = len(blocked) + sum(x["blocked"] for x in loads)
        last = loads[-1]
        result.update(filter_change(last["page"], last["received"]))
        result["filter_change_mb"] = round(result.pop("filter_change_bytes") / MB, 3)
        last["page"].close()


def targets(rows: dict[int, dict]) -> list[str]:
    """The issue's targets that are not met (or could not be checked), as short sentences."""
    misses = []
    base, big, mid = rows.get(200, {}), rows.get(10_000, {}), rows.get(3_321, {})

    def ratio(a, b):
        return round(a["drawn_cold_browser_median_s"] / b["drawn_cold_browser_median_s"], 2)

    if "drawn_cold_browser_median_s" not in base or "drawn_cold_browser_median_s" not in big:
        misses.append("10,000 vs 200 drawn: not measured")
    elif ratio(big, base) > 1.8:
        misses.append(f"10,000 drawn {ratio(big, base)}x the 200 (target <= 1.8x)")
    if "drawn_cold_browser_median_s" in mid and "drawn_cold_browser_median_s" in base and ratio(mid, base) > 1.4:
        misses.append(f"3,321 drawn {ratio(mid, base)}x the 200 (target <= 1.4x)")
    if "filter_change_s" not in big:
        misses.append("filter change at 10,000: not measured")
    else:
        if big["filter_change_s"] > 0.5:
            misses.append(f"filter change at 10,000 {big['filter_change_s']} s (target <= 0.5 s)")
        if big["filter_change_mb"] > 0.5:
            misses.append(f"filter change at 10,000 {big['filter_change_mb']} MB (target <= 0.5 MB)")
    if "first_visit_cold_server_s" in big and big["first_visit_cold_server_s"] > 5:
        misses.append(f"first visit at 10,000 {big['first_visit_cold_server_s']} s (target <= 5 s)")
    if "server_peak_mb" in big and big["server_peak_mb"] > 500:
        misses.append(f"server peak at 10,000 {big['server_peak_mb']} MB (target <= 500 MB)")
    if base.get("drawn_cold_browser_median_s", 0) > 2.5:
        misses.append(f"200 (Lạng Sơn's shapes) drawn {base['drawn_cold_browser_median_s']} s (target <= 2.5 s)")
    return misses


COLUMNS = [("communes", "communes"), ("prepare_before_start_s", "prepare s"),
           ("first_visit_cold_server_s", "cold server s"),
           ("drawn_cold_browser_median_s", "drawn s"), ("map_data_until_drawn_mb", "MB to drawn"),
           ("data_per_load_mb", "MB per load"), ("filter_change_s", "filter s"), ("filter_change_mb", "filter MB"),
           ("server_peak_mb", "peak MB")]


def table(rows: dict[int, dict]) -> str:
    lines = [" | ".join(title for _, title in COLUMNS)]
    for row in rows.values():
        lines.append(" | ".join(str(row.get(key, "-")) for key, _ in COLUMNS)
                     + (f"  FAILED: {row['error']}" if "error" in row else ""))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,2000,10000")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--data-root", type=Path, default=None)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    report: dict = {"load_average_before": os.getloadavg(), "sizes": {}}
    with sync_playwright() as p:
        browser = launch_browser(p)
        for size in sizes:
            started = time.perf_counter()
            row: dict = {"communes": size}
            try:
                measure_size(browser, size, args.data_root, args.runs, row)
            except Exception as error:  # noqa: BLE001 - a size that fails is reported, the others still run
                row["error"] = f"{type(error).__name__}: {str(error)[:500]}"
            row["wall_s"] = round(time.perf_counter() - started, 1)
            report["sizes"][size] = row
            print(json.dumps(row, ensure_ascii=False), flush=True)
        browser.close()
    report["load_average_after"] = os.getloadavg()
    rows = report["sizes"]
    base = rows.get(200, {}).get("drawn_cold_browser_median_s")
    report["ratios_drawn_vs_200"] = {size: round(row["drawn_cold_browser_median_s"] / base, 2)
                                     for size, row in rows.items() if base and "drawn_cold_browser_median_s" in row}
    misses = targets(rows)
    report["targets_missed"] = misses
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / time.strftime("scale-%Y%m%d-%H%M%S.json")
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(table(rows))
    print("drawn vs 200:", report["ratios_drawn_vs_200"])
    print("load average before", report["load_average_before"], "after", report["load_average_after"])
    print("written:", out)
    print("TARGETS MET" if not misses else "TARGETS NOT MET: " + "; ".join(misses))


if __name__ == "__main__":
    main()

"""Load (issue 14, item 7): N concurrent sessions on the map page, browser-free, on the loopback only.

Each session is a websocket client speaking Streamlit's own protocol (the protobuf messages the browser
sends and receives): it asks for the map page's two runs on the demo data, as a browser does, and counts
the session a success once the map component has arrived and both runs have finished. All sessions stay
open together while the server's memory is read, so the memory per session is
(RSS with N sessions − RSS before) / N.
Bounded: at most MAX_SESSIONS sessions, each given TIMEOUT_S seconds; nothing leaves 127.0.0.1.

Target: 20 sessions, 0 failures; memory per session stated (issue 14: ~0.6 MB per session, ~330 MB shared).
Run from the project folder: .venv/bin/python -m benchmarks.load [SESSIONS]
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from geo.demo import store_demo
from geo.editors import command_line_editor
from geo.store import Store
from tests.conftest import SHARED
from tests.live import running_app

SESSIONS = 20
MAX_SESSIONS = 60
TIMEOUT_S = 120
QUERY = "period=2021-2025&source=demo&view=category"


async def one_session(ws_url: str, results: list, hold: asyncio.Event) -> None:
    """One visitor: a run of the map page; success once the map and the end of the run have arrived."""
    started = time.perf_counter()
    outcome = {"ok": False, "bytes": 0, "seconds": None, "error": None}
    try:
        async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None,
                                      open_timeout=TIMEOUT_S) as ws:
            has_map = False
            # The page's two runs (ui/first_paint.py): the map first; the browser's report that it is drawn
            # asks for the second, which sends the sidebar and the table.
            for _ in range(2):
                back = BackMsg()
                back.rerun_script.query_string = QUERY
                await ws.send(back.SerializeToString())
                while True:
                    raw = await asyncio.wait_for(ws.recv(), TIMEOUT_S)
                    outcome["bytes"] += len(raw)
                    message = ForwardMsg()
                    message.ParseFromString(raw)
                    kind = message.WhichOneof("type")
                    has_map = has_map or (kind == "delta" and b"streamlit_folium" in raw)
                    if kind == "script_finished":
                        break
            outcome.update(ok=has_map, seconds=round(time.perf_counter() - started, 2))
            results.append(outcome)
            await hold.wait()  # stay connected while the server's memory is read
    except Exception as error:  # noqa: BLE001 - a benchmark counts every failure, whatever it is
        outcome["error"] = f"{type(error).__name__}: {error}"
        results.append(outcome)


def server_rss_mb(port: int) -> float:
    """Resident memory of the Streamlit server listening on `port` (found by its command line)."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().split(b"\0")
            status = (proc / "status").read_text()
        except OSError:
            continue
        if b"streamlit" in b" ".join(cmdline) and str(port).encode() in cmdline:
            kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
            return kb / 1024
    raise RuntimeError("the server's process was not found")


async def load(url: str, sessions: int) -> dict:
    port = int(url.rsplit(":", 1)[1])
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    warm: list = []
    warm_hold = asyncio.Event()
    warm_hold.set()
    await one_session(ws_url, warm, warm_hold)  # the caches filled once, as after the first visitor
    before = server_rss_mb(port)
    results: list = []
    hold = asyncio.Event()
    started = time.perf_counter()
    tasks = [asyncio.create_task(one_session(ws_url, results, hold)) for _ in range(sessions)]
    while len(results) < sessions and time.perf_counter() - started < TIMEOUT_S * 2:
        await asyncio.sleep(0.2)
    wall = time.perf_counter() - started
    during = server_rss_mb(port)
    hold.set()
    await asyncio.gather(*tasks)
    ok = [r for r in results if r["ok"]]
    return {
        "sessions": sessions, "succeeded": len(ok), "failed": sessions - len(ok),
        "errors": sorted({r["error"] for r in results if r["error"]}),
        "warm_session_ok": bool(warm and warm[0]["ok"]),
        "all_done_s": round(wall, 2),
        "slowest_session_s": max((r["seconds"] for r in ok), default=None),
        "bytes_per_session": round(sum(r["bytes"] for r in ok) / max(len(ok), 1)),
        "server_rss_before_mb": round(before, 1), "server_rss_with_sessions_mb": round(during, 1),
        "memory_per_session_mb": round((during - before) / sessions, 2),
        "load_average": os.getloadavg(),
    }


def main() -> None:
    sessions = min(int(sys.argv[1]) if len(sys.argv) > 1 else SESSIONS, MAX_SESSIONS)
    with tempfile.TemporaryDirectory() as data_dir:
        store_demo(Store.default(data_dir), by=command_line_editor())
        with running_app({"LANGSON_GEODATA_DIR": str(SHARED), "LANGSON_DATA_DIR": data_dir}) as url:
            report = asyncio.run(load(url, sessions))
    print(json.dumps(report, indent=2, ensure_ascii=False))
    print("TARGETS MET" if report["failed"] == 0 and sessions >= SESSIONS else "TARGETS NOT MET")


if __name__ == "__main__":
    main()

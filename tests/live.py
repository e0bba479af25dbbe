"""A running app and a locked-down headless Chromium, for browser tests and benchmarks.

Every request that leaves 127.0.0.1 is aborted and recorded, so a test can
prove the map works offline.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# What a page may load: the app on this machine, and exported files opened from disk.
LOCAL_PREFIXES = ("http://127.0.0.1", "ws://127.0.0.1", "file://", "data:", "blob:", "about:")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_app(env_extra: dict | None = None, timeout: float = 60):
    """The app on a free port of 127.0.0.1, for the block's length. Its error output goes to a temporary file,
    not a pipe: a pipe nobody reads fills after 64 KB of warnings and then stops the server mid-test."""
    port = free_port()
    env = {**os.environ, **(env_extra or {})}
    errors = tempfile.TemporaryFile()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + timeout
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.time() > deadline:
                    errors.seek(0)
                    raise RuntimeError("streamlit did not start: " + errors.read().decode(errors="replace")[-2000:])
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        errors.close()


def launch_browser(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def offline_page(browser, width=1500, height=950):
    """A page whose requests outside 127.0.0.1 are blocked; returns (page, blocked list)."""
    page = browser.new_page(viewport={"width": width, "height": height})
    blocked: list[str] = []

    def route(r):
        if r.request.url.startswith(LOCAL_PREFIXES):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    return page, blocked


def map_frame(page, timeout_s: float = 30):
    """The streamlit-folium iframe, once Leaflet has drawn the commune layer (its container then says how many
    units it drew, whether as SVG paths or on a canvas).

    Waits with page.wait_for_timeout, not time.sleep: the sync API only serves
    the request-blocking route handler while it is inside a Playwright call.
    """
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        for frame in page.frames:
            if "streamlit_folium" in frame.url:
                with contextlib.suppress(Exception):
                    if frame.evaluate("document.querySelector('[data-units-drawn]') !== null"):
                        return frame
        page.wait_for_timeout(50)
    raise TimeoutError("the map did not draw")


def count(frame, selector: str) -> int:
    return frame.evaluate(f"document.querySelectorAll({selector!r}).length")


def wait_until(page, predicate, timeout_s: float = 20):
    """The first truthy value of `predicate()`, polled every 100 ms in the page's own wait.

    An exception counts as "not yet": the map iframe may be being replaced.
    """
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        with contextlib.suppress(Exception):
            value = predicate()
            if value:
                return value
        page.wait_for_timeout(100)
    raise TimeoutError


def wait_idle(page, timeout_s: float = 30) -> None:
    """Until Streamlit's script run that the last action started has finished."""
    page.wait_for_timeout(150)  # let the rerun request reach the server
    app = page.locator('[data-testid="stApp"]')
    wait_until(page, lambda: app.get_attribute("data-test-script-state") not in ("running", "initial"), timeout_s)


TEST_EDITOR = ("kiemthu", "mật-khẩu-thử-1", "Người kiểm thử")  # user name, password, name of a test account


def add_test_editor(data_dir) -> None:
    """The test editor's account in `data_dir` (the app's LANGSON_DATA_DIR)."""
    from geo.editors import accounts_path, set_editor

    username, password, name = TEST_EDITOR
    set_editor(accounts_path(data_dir), username, password, name)


def sign_in(page) -> None:
    """Sign the test editor in through the import page's form, as a person would (the page is open)."""
    username, password, name = TEST_EDITOR
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu", exact=True).fill(password)
    page.get_by_role("button", name="Đăng nhập", exact=True).click()
    page.get_by_text(f"Đang đăng nhập: {name}").wait_for(timeout=30_000)
    wait_idle(page)

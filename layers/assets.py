"""Leaflet's files, served by Streamlit from static/, so the map needs no internet.

The files are copied from the installed xstatic packages at start-up (they are
not committed); our own stylesheet lives beside them in static/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import xstatic.pkg.leaflet as xs_leaflet

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
STATIC_URL = "/app/static"
VENDOR = "vendor"


def ensure_vendor_assets(static_dir: Path = STATIC_DIR) -> Path:
    """Copy Leaflet (JS, CSS, marker images) next to our own static files, once."""
    target = static_dir / VENDOR / "leaflet"
    source = Path(xs_leaflet.BASE_DIR)
    stamp = target / ".version"
    if not stamp.is_file() or stamp.read_text() != xs_leaflet.VERSION:
        target.mkdir(parents=True, exist_ok=True)
        for name in ("leaflet.js", "leaflet.css"):
            shutil.copy2(source / name, target / name)
        shutil.copytree(source / "images", target / "images", dirs_exist_ok=True)
        stamp.write_text(xs_leaflet.VERSION)
    return target


def local_js() -> list[tuple[str, str]]:
    return [("leaflet", f"{STATIC_URL}/{VENDOR}/leaflet/leaflet.js")]


def local_css() -> list[tuple[str, str]]:
    return [("leaflet_css", f"{STATIC_URL}/{VENDOR}/leaflet/leaflet.css"),
            ("langson_css", f"{STATIC_URL}/map.css")]

"""Leaflet's files, served by Streamlit from static/, so the map needs no internet.

The files are copied from the installed xstatic packages at start-up (they are
not committed); our own stylesheet lives beside them in static/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import xstatic.pkg.leaflet as xs_leaflet
import xstatic.pkg.leaflet_markercluster as xs_cluster

STATIC_DIR = Path(__file__).resolve().parents[2] / "static"
STATIC_URL = "/app/static"
VENDOR = "vendor"


PACKAGES = {  # folder under static/vendor -> (xstatic package, files to copy)
    "leaflet": (xs_leaflet, ("leaflet.js", "leaflet.css", "images")),
    "markercluster": (xs_cluster, ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css")),
}


def ensure_vendor_assets(static_dir: Path = STATIC_DIR) -> Path:
    """Copy Leaflet and its cluster plugin next to our own static files, once per version."""
    for folder, (package, names) in PACKAGES.items():
        target = static_dir / VENDOR / folder
        stamp = target / ".version"
        if stamp.is_file() and stamp.read_text() == package.VERSION:
            continue
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            source = Path(package.BASE_DIR) / name
            if source.is_dir():
                shutil.copytree(source, target / name, dirs_exist_ok=True)
            else:
                shutil.copy2(source, target / name)
        stamp.write_text(package.VERSION)
    return static_dir / VENDOR


def local_js() -> list[tuple[str, str]]:
    return [("leaflet", f"{STATIC_URL}/{VENDOR}/leaflet/leaflet.js")]


def cluster_js() -> list[tuple[str, str]]:
    return [("markercluster", f"{STATIC_URL}/{VENDOR}/markercluster/leaflet.markercluster.js")]


def cluster_css() -> list[tuple[str, str]]:
    return [("markercluster_css", f"{STATIC_URL}/{VENDOR}/markercluster/MarkerCluster.css"),
            ("markercluster_default_css", f"{STATIC_URL}/{VENDOR}/markercluster/MarkerCluster.Default.css")]


def local_css() -> list[tuple[str, str]]:
    return [("leaflet_css", f"{STATIC_URL}/{VENDOR}/leaflet/leaflet.css"),
            ("langson_css", f"{STATIC_URL}/map.css")]

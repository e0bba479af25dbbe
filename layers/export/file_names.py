"""File names for exports: the view's title without diacritics, and the date."""

from __future__ import annotations

import datetime
import re
import unicodedata

from geo.vnformat import export_now

MIME = {
    "png": "image/png",
    "pdf": "application/pdf",
    "html": "text/html",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "gpkg": "application/geopackage+sqlite3",  # the OGC GeoPackage standard's media type
}


def export_file_name(title: str, extension: str, day: datetime.date | None = None) -> str:
    """'Phân định xã khu vực I, II, III' -> 'phan-dinh-xa-khu-vuc-i-ii-iii_2026-11-22.png'."""
    text = unicodedata.normalize("NFD", title.replace("Đ", "D").replace("đ", "d"))  # not user text
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:80].rstrip("-") or "ban-do"
    return f"{slug}_{(day or export_now().date()).isoformat()}.{extension}"

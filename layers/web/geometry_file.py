"""The units' web geometry as a static, content-hashed file the browser fetches once and keeps.

The map script then carries only what a view changes (colours, legend, tooltip lines), so a new view
or a filter sends kilobytes, not the geometry again; and the geometry is serialised once per data set
(the pages cache MapData on the data files' fingerprint), not per visit. Streamlit serves the file from
static/geom/ (server.enableStaticServing); its name is the hash of its content, so a changed data set is
a new name and a browser never keeps a stale one. The newest files are kept, older ones pruned.

Each file is also written gzipped (`<name>.gz`), once: Streamlit compresses every response of a static
JSON file again, which cost about a second per visit at 10,000 units (15 MB), while a `.gz` file is served
as it is and the browser unpacks it (templates/map_geometry.js, DecompressionStream; a browser without it
fetches the plain file).
A folder that cannot be written (a read-only install) is not an error: the map then carries the geometry
inline, as before.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import replace
from pathlib import Path

from geo.files import prune, write_atomically
from layers.web.assets import STATIC_DIR, STATIC_URL
from layers.web.geojson import WebLayers, pack

FOLDER = "geom"
KEEP = 12  # files kept: every period and boundary variant a server shows, with room for a few changes
_LOG = logging.getLogger(__name__)


def publish(content: bytes, static_dir: Path = STATIC_DIR, packed: bytes | None = None) -> str | None:
    """Write `content` (JSON, `WebLayers.geometry`) as static/geom/units-<hash>.json and its .gz (`packed`, if
    the caller has it already) once, and return the plain file's URL; None if they cannot be written (the
    caller then inlines the geometry)."""
    name = f"units-{hashlib.sha256(content).hexdigest()[:20]}.json"
    folder = static_dir / FOLDER
    plain, gz = folder / name, folder / f"{name}.gz"
    try:
        if not gz.is_file():  # a reader never sees half a file
            write_atomically(gz, packed if packed is not None else pack(content))
        if not plain.is_file():
            write_atomically(plain, content)
        for path, pattern in ((plain, "units-*.json"), (gz, "units-*.json.gz")):
            os.utime(path)  # in use now: pruned last
            prune(folder, pattern, KEEP, spare=path)
    except OSError as error:
        _LOG.warning("web geometry not written to %s (%s); the map carries it inline", folder, error)
        return None
    return f"{STATIC_URL}/{FOLDER}/{name}"


def published(url: str, static_dir: Path = STATIC_DIR) -> bool:
    """Whether both files behind `url` (from `publish`) are still there (a folder may have been emptied)."""
    name = url.rsplit("/", 1)[1]
    return all((static_dir / FOLDER / file).is_file() for file in (name, f"{name}.gz"))


def publish_layers(layers: WebLayers, static_dir: Path = STATIC_DIR) -> WebLayers:
    """`layers` with the URLs of their geometry and overview files; an overview is used only with its geometry
    (without a file for the geometry, the map carries the geometry inline, in one level)."""
    units_url = publish(layers.geometry, static_dir, layers.packed)
    overview_url = (publish(layers.overview, static_dir, layers.packed_overview)
                    if units_url and layers.packed_overview else None)
    return replace(layers, units_url=units_url, overview_url=overview_url)


def all_published(layers: WebLayers, static_dir: Path = STATIC_DIR) -> bool:
    """Whether every file `layers` name is still there (a folder may have been emptied)."""
    return all(published(url, static_dir) for url in (layers.units_url, layers.overview_url) if url)

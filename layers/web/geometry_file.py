"""The units' web geometry as a static, content-hashed file the browser fetches once and keeps.

The map script then carries only what a view changes (colours, legend, tooltip lines), so a new view
or a filter sends kilobytes, not the geometry again; and the geometry is serialised once per data set
(the pages cache MapData on the data files' fingerprint), not per visit. Streamlit serves the file from
static/geom/ (server.enableStaticServing); its name is the hash of its content, so a changed data set is
a new name and a browser never keeps a stale one. The newest files are kept, older ones pruned.
A folder that cannot be written (a read-only install) is not an error: the map then carries the geometry
inline, as before.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from geo.files import prune, write_atomically
from layers.web.assets import STATIC_DIR, STATIC_URL

FOLDER = "geom"
KEEP = 12  # files kept: every period and boundary variant a server shows, with room for a few changes
_LOG = logging.getLogger(__name__)


def publish(content: bytes, static_dir: Path = STATIC_DIR) -> str | None:
    """Write `content` (JSON, `WebLayers.geometry`) as static/geom/units-<hash>.json (once) and return its
    URL; None if it cannot be written (the caller then inlines the geometry)."""
    name = f"units-{hashlib.sha256(content).hexdigest()[:20]}.json"
    folder = static_dir / FOLDER
    path = folder / name
    try:
        if not path.is_file():
            write_atomically(path, content)  # a reader never sees half a file
        os.utime(path)  # in use now: pruned last
        prune(folder, "units-*.json", KEEP, spare=path)
    except OSError as error:
        _LOG.warning("web geometry not written to %s (%s); the map carries it inline", folder, error)
        return None
    return f"{STATIC_URL}/{FOLDER}/{name}"


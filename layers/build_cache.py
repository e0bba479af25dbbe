"""The prepared map data of a data set, built once and kept on disk, so a restarted server opens at once.

Preparing 10,000 units takes seconds (coverage simplification, label points, serialising the shapes);
the result depends only on the data files and this program. It is kept in <data dir>/cache/ as a pickle
named by the hash of the data files' fingerprint, the period and the source of geo/ and layers/ (so an
update of the program or of a file is a new name, never a stale map), and its geometry file is published
again if static/geom/ lost it. `python -m layers.build` (run by scripts/start.sh before the server starts)
fills it for both periods. The cache folder is the app's own, like the import database: only the app's
user writes there, which is what makes reading pickles from it safe.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import sys
from collections.abc import Callable
from pathlib import Path

from geo.datadir import REPO_ROOT
from geo.files import prune, write_atomically
from layers.prepared import MapData
from layers.web import geometry_file

FOLDER = "cache"
KEEP = 6  # both periods, with room for a changed file or two
_LOG = logging.getLogger(__name__)
_SOURCES = ("geo", "layers")


def program_version() -> str:
    """A hash of the code that turns data files into map data (and of the geometry libraries' versions)."""
    import geopandas
    import shapely

    digest = hashlib.sha256(f"{geopandas.__version__} {shapely.__version__} {sys.version}".encode())
    for package in _SOURCES:
        for path in sorted((REPO_ROOT / package).rglob("*.py")):
            digest.update(path.relative_to(REPO_ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_path(folder: Path, fingerprint: tuple, period: str, version: str) -> Path:
    key = hashlib.sha256(repr((fingerprint, period, version)).encode()).hexdigest()[:24]
    return folder / FOLDER / f"mapdata-{key}.pickle"


def load_or_build(fingerprint: tuple, period: str, build: Callable[[], MapData], data_dir: Path,
                  version: str | None = None) -> MapData:
    """The map data of `period` for this `fingerprint`: read from the cache, else built (and kept)."""
    path = cache_path(Path(data_dir), fingerprint, period, version or program_version())
    data = _read(path)
    if data is None:
        data = build()
        _write(path, data)
    elif data.layers.units_url and not geometry_file.all_published(data.layers):
        data.layers = geometry_file.publish_layers(data.layers)
    return data


def _read(path: Path) -> MapData | None:
    try:
        with path.open("rb") as handle:
            data = pickle.load(handle)  # noqa: S301 (the app's own cache; see the module's docstring)
    except FileNotFoundError:
        return None
    except Exception as error:  # a damaged or half-written file is rebuilt, never trusted
        _LOG.warning("map data cache %s unreadable (%s); rebuilding", path.name, error)
        return None
    return data if isinstance(data, MapData) else None


def _write(path: Path, data: MapData) -> None:
    """Write atomically; a cache that cannot be written is only a slower next start."""
    try:
        write_atomically(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL), mode=0o600)
        prune(path.parent, "mapdata-*.pickle", KEEP, spare=path)
    except (OSError, pickle.PicklingError) as error:  # full disk, read-only folder: only slower next time
        _LOG.warning("map data cache not written to %s (%s)", path.parent, error)

"""Where the data files are: the one lookup order DESIGN.md fixes.

Each file is looked up on its own, first in the folder named by
LANGSON_GEODATA_DIR, then in data/boundaries/, then in ../shared/geodata/, so
that a province can replace one file (say the district outlines) and keep the
public defaults for the rest.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import texts
from geo.errors import DataError

REPO_ROOT = Path(__file__).resolve().parent.parent
ENV_VAR = "LANGSON_GEODATA_DIR"
_LOG = logging.getLogger(__name__)


def candidate_dirs(env: dict | None = None) -> list[Path]:
    env = os.environ if env is None else env
    dirs = []
    if env.get(ENV_VAR):
        dirs.append(Path(env[ENV_VAR]))
    dirs.append(user_boundary_dir())
    dirs.append(REPO_ROOT.parent / "shared" / "geodata")
    return dirs


def find_data_file(filename: str, env: dict | None = None) -> Path:
    """The first copy of `filename` in the lookup order, or a Vietnamese error."""
    dirs = candidate_dirs(env)
    for folder in dirs:
        if (folder / filename).is_file():
            return folder / filename
    # The folders searched are the server's paths: for its log, never for the page.
    _LOG.warning("data file %s not found in %s", filename, "; ".join(str(d) for d in dirs))
    raise DataError(texts.ERR_NO_DATA_DIR + " " + texts.ERR_FILE_MISSING.format(file=filename), file=filename)


def data_fingerprint(env: dict | None = None) -> tuple:
    """What the loaded data depends on: folders, file names and modification times.

    Used as a cache key, so dropping a new boundary file into a folder is picked
    up on the next rerun without restarting the app.
    """
    parts = []
    for folder in candidate_dirs(env):
        files = sorted((p.name, p.stat().st_mtime_ns) for p in folder.glob("*") if p.is_file()) \
            if folder.is_dir() else []
        parts.append((str(folder), tuple(files)))
    return tuple(parts)


def user_boundary_dir() -> Path:
    return REPO_ROOT / "data" / "boundaries"

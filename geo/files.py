"""Files written whole, and folders of generated files kept small.

The editors' accounts, the prepared map data and the web geometry are each replaced in one step: the
content goes to a temporary file in the same folder, which then takes the final name, so a reader (or a
crash) sees the old file or the new one, never half of one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, content: bytes, mode: int = 0o644) -> None:
    """Replace `path` by `content` in one step, with permissions `mode`; raises OSError as writing does."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def prune(folder: Path, pattern: str, keep: int, spare: Path | None = None) -> None:
    """Remove all but the `keep` newest files matching `pattern` (never `spare`); another process may be
    pruning at the same time."""
    def age(path: Path) -> float:
        try:
            return -path.stat().st_mtime
        except FileNotFoundError:
            return 0.0
    for old in sorted(folder.glob(pattern), key=age)[keep:]:
        if old != spare:
            old.unlink(missing_ok=True)

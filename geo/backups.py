"""Rolling backups of the import database, and restoring a corrupted one from the newest good backup.

geo/store.py calls `before_write` before each save, rollback and clear, and `daily` on use (at most one
backup a day); both only log a failure, so a backup never stops a write or a read. Backups are whole,
self-contained SQLite files made with SQLite's online backup API (a consistent snapshot even while the app
is reading or writing), in a `backups` folder next to the database, named
<db stem>-<write|daily>-<Vietnam time stamp>.sqlite so that names sort by age.

A backup made before a write holds the state after the write before it, so restoring the newest good
backup loses at most the last write. Restore from the command line, with the app stopped:

    .venv/bin/python -m geo.backups restore [--data-dir DIR] [--force]

It checks each backup with PRAGMA integrity_check, newest first, moves the broken database aside (never
deletes it) and says in Vietnamese what was restored, from when.
"""

from __future__ import annotations

import argparse
import logging
import os
import sqlite3
import sys
import tempfile
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import texts
from geo.vnformat import VIETNAM_TIME, vietnam_clock

BACKUP_DIR_NAME = "backups"
WRITE, DAILY = "write", "daily"
# How many of each kind are kept: 10 writes cover a working session of imports and rollbacks, 7 daily
# copies a week of history for a fault noticed late (a few MB each for the province's lists).
KEEP = {WRITE: 10, DAILY: 7}
_STAMP = "%Y%m%dT%H%M%S%f"
_LOG = logging.getLogger(__name__)
_daily_checked: dict[Path, date] = {}  # per database, the day its daily backup was last made or found


@dataclass(frozen=True)
class Backup:
    """One backup file and when it was taken (Vietnam time)."""

    path: Path
    kind: str
    taken_at: datetime


@dataclass(frozen=True)
class RestoreOutcome:
    """What a restore did: which backup is now the database, where the broken file went, what was skipped."""

    database: Path
    restored: Backup | None
    moved_aside: list[Path] = field(default_factory=list)
    skipped: list[Backup] = field(default_factory=list)
    live_was_good: bool = False


def backup_dir(db_path: Path) -> Path:
    return Path(db_path).parent / BACKUP_DIR_NAME


def _now() -> datetime:
    return datetime.now(VIETNAM_TIME)


def backups(db_path: Path, kind: str | None = None) -> list[Backup]:
    """The backups of this database (of `kind`, else all), newest first; files not named as ours are ignored."""
    db_path = Path(db_path)
    found = []
    folder = backup_dir(db_path)
    for path in folder.glob(f"{db_path.stem}-*-*.sqlite") if folder.is_dir() else []:
        found_kind, _, stamp = path.stem[len(db_path.stem) + 1:].partition("-")
        if found_kind not in KEEP or (kind and found_kind != kind):
            continue
        try:
            taken_at = datetime.strptime(stamp, _STAMP).replace(tzinfo=VIETNAM_TIME)
        except ValueError:
            continue
        found.append(Backup(path, found_kind, taken_at))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def is_good(path: Path, live: bool = False) -> bool:
    """The file is an SQLite database holding at least one table that passes PRAGMA integrity_check.

    Backups are opened read-only; the live database (WAL mode, whose reader may need to create its
    shared-memory file) is opened normally, which changes nothing in a file that cannot be read.
    """
    path = Path(path)
    if not path.is_file():
        return False
    target, uri = (str(path), False) if live else (path.resolve().as_uri() + "?mode=ro", True)
    try:
        with closing(sqlite3.connect(target, uri=uri, timeout=30)) as conn:
            if conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
                return False
            return conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] > 0
    except sqlite3.Error:
        return False


def _copy(source: Path, target: Path) -> None:
    """A consistent copy of `source` written to `target` as one self-contained file (no WAL)."""
    with closing(sqlite3.connect(source, timeout=30)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")


def make_backup(db_path: Path, kind: str) -> Backup:
    """Copy the database into the backups folder as a backup of `kind`, then keep only the newest KEEP[kind].

    The copy is written under a temporary name and checked before it gets its name, so a half-written or
    corrupted copy never counts as a backup nor pushes a good one out of the rotation. Raises on failure.
    """
    db_path = Path(db_path)
    if not db_path.is_file():
        raise FileNotFoundError(db_path)
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{db_path.stem}-{kind}-", suffix=".partial", dir=folder)
    os.close(handle)  # an empty file is an empty database: the backup API fills it
    temporary = Path(name)
    try:
        _copy(db_path, temporary)
        if not is_good(temporary):
            raise sqlite3.DatabaseError(f"the copy of {db_path} fails its integrity check")
        taken_at = _now()
        target = folder / f"{db_path.stem}-{kind}-{taken_at.strftime(_STAMP)}.sqlite"
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    for old in backups(db_path, kind)[KEEP[kind]:]:
        old.path.unlink(missing_ok=True)
    return Backup(target, kind, taken_at)


def _logged_backup(db_path: Path, kind: str) -> Backup | None:
    try:
        return make_backup(db_path, kind)
    except Exception:  # a backup is a safety net: whatever stops it must not stop the app
        _LOG.warning("backup (%s) of %s failed", kind, db_path, exc_info=True)
        return None


def before_write(db_path: Path) -> Backup | None:
    """Back up the database before a write; a failure is logged, never raised (the write goes on)."""
    return _logged_backup(db_path, WRITE) if Path(db_path).is_file() else None


def daily(db_path: Path) -> Backup | None:
    """Make today's backup if there is none yet; cheap after the first call of the day in this process."""
    db_path = Path(db_path)
    today = _now().date()
    if _daily_checked.get(db_path) == today or not db_path.is_file():
        return None
    _daily_checked[db_path] = today  # a failure is tried again tomorrow, not on every read
    newest = next(iter(backups(db_path, DAILY)), None)
    if newest is not None and newest.taken_at.date() == today:
        return None
    return _logged_backup(db_path, DAILY)


def restore(db_path: Path, force: bool = False) -> RestoreOutcome:
    """Replace a corrupted database by its newest good backup; the broken files are moved aside, never deleted.

    A database that passes its integrity check is left alone unless `force`. Backups failing theirs are
    skipped (and kept). With no good backup nothing changes.
    """
    db_path = Path(db_path)
    if not force and is_good(db_path, live=True):
        return RestoreOutcome(db_path, None, live_was_good=True)
    skipped = []
    for backup in backups(db_path):
        if is_good(backup.path):
            break
        skipped.append(backup)
    else:
        return RestoreOutcome(db_path, None, skipped=skipped)
    incoming = db_path.with_name(db_path.name + ".restoring")
    incoming.unlink(missing_ok=True)
    _copy(backup.path, incoming)  # first the copy: if it fails, the live files are as they were
    stamp = _now().strftime(_STAMP)
    moved = []
    for suffix in ("", "-wal", "-shm"):  # a stale WAL beside the restored file would be read into it
        live = db_path.with_name(db_path.name + suffix)
        if live.exists():
            aside = live.with_name(f"{live.name}.broken-{stamp}")
            os.replace(live, aside)
            moved.append(aside)
    os.replace(incoming, db_path)
    return RestoreOutcome(db_path, backup, moved_aside=moved, skipped=skipped)


def restore_report(outcome: RestoreOutcome) -> str:
    """What a restore did, in Vietnamese, for the administrator's terminal."""
    lines = [texts.BACKUP_SKIPPED.format(file=b.path.name, time=vietnam_clock(b.taken_at)) for b in outcome.skipped]
    if outcome.live_was_good:
        lines.append(texts.BACKUP_LIVE_IS_GOOD)
    elif outcome.restored is None:
        lines.append(texts.BACKUP_NONE_GOOD)
    else:
        lines.append(texts.BACKUP_RESTORED.format(database=outcome.database, file=outcome.restored.path.name,
                                                  time=vietnam_clock(outcome.restored.taken_at)))
        if outcome.moved_aside:
            lines.append(texts.BACKUP_MOVED_ASIDE.format(files=", ".join(p.name for p in outcome.moved_aside)))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from geo.store import DB_NAME, data_dir  # here, not on top: geo.store imports this module

    parser = argparse.ArgumentParser(prog="python -m geo.backups", description=texts.BACKUP_CLI)
    commands = parser.add_subparsers(dest="command", required=True)
    restoring = commands.add_parser("restore", help=texts.BACKUP_CLI_RESTORE)
    restoring.add_argument("--data-dir", default=None, help=texts.BACKUP_CLI_DATA_DIR)
    restoring.add_argument("--force", action="store_true", help=texts.BACKUP_CLI_FORCE)
    args = parser.parse_args(argv)
    db_path = data_dir(args.data_dir) / DB_NAME
    try:
        outcome = restore(db_path, force=args.force)
    except (sqlite3.Error, OSError):
        print(texts.BACKUP_RESTORE_FAILED.format(folder=db_path.parent), file=sys.stderr)
        return 1
    print(restore_report(outcome))
    return 0 if outcome.restored or outcome.live_was_good else 1


if __name__ == "__main__":
    sys.exit(main())

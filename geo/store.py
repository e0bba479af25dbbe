"""Where imported lists and indicator values are kept: one SQLite file, versioned.

Every save of new content is a new version (file name, time, row count,
SHA-256 of the file) and becomes the current one for its dataset kind and
source; nothing is ever overwritten, so any earlier version can be made current
again (rollback), and a kind of data can be set back to "no data" (clear).
Saving content equal to the current version changes nothing; content equal to
an older version makes that version current instead of storing a copy. Every
change of the current pointer is an event, so the history tells what happened.
Imported real data and generated demonstration data are separate sources with
separate "current" pointers, so they can never be mixed by accident.

Each save is one SQLite transaction: a process killed in the middle of an
import leaves the previous version current and the database readable. The
database lives in a data directory outside git: the `data_dir` argument, else
the LANGSON_DATA_DIR environment variable, else <repo>/var/.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd

import texts
from geo import backups
from geo.datadir import REPO_ROOT
from geo.editors import Editor
from geo.errors import DataError, StoreError
from geo.imports.problems import ImportResult, sha256_of
from geo.store_faults import store_error
from geo.vnformat import VIETNAM_TIME
from geo.vocabulary import (
    CATEGORIES_KIND,
    COMMUNE_INDICATORS_KIND,
    DEMO,
    IMPORTED,
    KINDS,
    PERIOD_2021,
    PERIODS,
    SOURCES,
    VILLAGE_INDICATORS_KIND,
    VILLAGES_KIND,
)

ENV_VAR = "LANGSON_DATA_DIR"
DB_NAME = "langson.sqlite"

REQUIRED_COLUMNS = {
    CATEGORIES_KIND: ["gso_code", "area_category"],
    VILLAGES_KIND: ["gso_code", "village"],
    COMMUNE_INDICATORS_KIND: ["gso_code", "indicator", "value"],
    VILLAGE_INDICATORS_KIND: ["gso_code", "village", "indicator", "value"],
}
HISTORY_COLUMNS = ["version_id", "kind", "source", "period", "file_name", "imported_at", "row_count", "sha256",
                   "is_current"]
EVENT_HISTORY_COLUMNS = ["event_id", "at", "action", "kind", "source", "period", "version_id", "file_name",
                         "row_count", "replaced_version_id", "in_use_version_id", "by_user", "by_name"]
DEFAULT_PERIOD = PERIOD_2021.key  # what a caller that names no period means: everything before issue 12
IMPORT, ROLLBACK, CLEAR = "import", "rollback", "clear"

# Vietnam has kept UTC+7 without daylight saving since 1975: a fixed offset needs no tz database.

# Every dataset belongs to a programme period; the default is the period of everything stored before
# periods existed (see _migrate).
_CURRENT_TABLE = f"""
CREATE TABLE IF NOT EXISTS current (
    kind TEXT NOT NULL,
    source TEXT NOT NULL,
    period TEXT NOT NULL DEFAULT '{PERIOD_2021.key}',
    version_id INTEGER NOT NULL REFERENCES versions(version_id),
    PRIMARY KEY (kind, source, period)
);"""
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS versions (
    version_id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    source TEXT NOT NULL,
    period TEXT NOT NULL DEFAULT '{PERIOD_2021.key}',
    file_name TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    row_count INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    columns TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS version_rows (
    version_id INTEGER NOT NULL REFERENCES versions(version_id),
    row_no INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (version_id, row_no)
) WITHOUT ROWID;
{_CURRENT_TABLE}
CREATE TABLE IF NOT EXISTS events (
    event_id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    kind TEXT NOT NULL,
    source TEXT NOT NULL,
    period TEXT NOT NULL DEFAULT '{PERIOD_2021.key}',
    version_id INTEGER NOT NULL,
    by_user TEXT,
    by_name TEXT
);
CREATE TABLE IF NOT EXISTS column_mappings (
    kind TEXT NOT NULL,
    signature TEXT NOT NULL,
    mapping TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (kind, signature)
);
"""


@dataclass(frozen=True)
class SaveOutcome:
    """What a save did: stored a new version, reused an older equal one, or nothing (equal to current)."""

    version_id: int
    created: bool
    reused_version: bool

    @property
    def unchanged(self) -> bool:
        return not self.created and not self.reused_version


def data_dir(override: str | Path | None = None, env: dict | None = None) -> Path:
    """The folder for the database: argument, then LANGSON_DATA_DIR, then <repo>/var."""
    env = os.environ if env is None else env
    if override:
        return Path(override)
    if env.get(ENV_VAR):
        return Path(env[ENV_VAR])
    return REPO_ROOT / "var"


def _now() -> str:
    return datetime.now(VIETNAM_TIME).isoformat(timespec="seconds")


def _check(kind: str, source: str, period: str = DEFAULT_PERIOD) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown dataset kind {kind!r}; expected one of {KINDS}")
    if source not in SOURCES:
        raise ValueError(f"unknown source {source!r}; expected one of {SOURCES}")
    if period not in PERIODS:
        raise ValueError(f"unknown period {period!r}; expected one of {tuple(PERIODS)}")


def _check_editor(by: Editor) -> None:
    """Every write names the editor who asked for it, even one that turns out to change nothing."""
    if not isinstance(by, Editor):
        raise TypeError("every change names the Editor who made it")


def _json_value(value):
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    return value


def _serialised(frame: pd.DataFrame) -> tuple[str, list[str]]:
    """The frame as stored: its columns (names and dtypes) and one JSON text per row."""
    columns = json.dumps([[str(c), str(frame[c].dtype)] for c in frame.columns])
    rows = [json.dumps([_json_value(v) for v in row], ensure_ascii=False)
            for row in frame.astype(object).itertuples(index=False, name=None)]
    return columns, rows


SCHEMA_VERSION = 3  # 2: every dataset belongs to a programme period (issue 12); 3: who made each change
_TABLES = {"versions", "version_rows", "current", "events", "column_mappings"}


def _migrate(conn: sqlite3.Connection) -> None:
    """Bring an older database up to date, in the caller's transaction; nothing is rewritten but the
    tables' shape.

    Everything stored before periods existed was matched against the 200 communes of 2021, so it
    belongs to 2021-2025. Events from before sign-in existed name nobody (by_user NULL).
    """
    if conn.execute("PRAGMA user_version").fetchone()[0] >= SCHEMA_VERSION:
        return
    event_columns = {row[1] for row in conn.execute("PRAGMA table_info(events)")}
    for column in ("by_user", "by_name"):
        if column not in event_columns:
            conn.execute(f"ALTER TABLE events ADD COLUMN {column} TEXT")
    for table in ("versions", "events"):
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if "period" not in columns:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN period TEXT NOT NULL DEFAULT '{PERIOD_2021.key}'")
    if "period" not in {row[1] for row in conn.execute("PRAGMA table_info(current)")}:
        conn.execute("ALTER TABLE current RENAME TO current_before_periods")
        conn.execute(_CURRENT_TABLE)  # not executescript: it would commit the transaction half-way
        conn.execute("INSERT INTO current (kind, source, period, version_id) "
                     "SELECT kind, source, ?, version_id FROM current_before_periods", (PERIOD_2021.key,))
        conn.execute("DROP TABLE current_before_periods")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _labels(kind: str, source: str, period: str = DEFAULT_PERIOD) -> dict[str, str]:
    return {"dataset": texts.DATASET_LABELS[period][kind], "source": texts.SOURCE_LABELS[source],
            "period": period}


def _record(conn: sqlite3.Connection, action: str, key: tuple[str, str, str], version_id: int,
            by: Editor) -> None:
    """One event of the audit trail: what changed, when and by whom."""
    conn.execute("INSERT INTO events (at, action, kind, source, period, version_id, by_user, by_name) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (_now(), action, *key, version_id, by.username, by.name))


class Store:
    """Versioned storage of imported datasets in one SQLite file."""

    def __init__(self, path: str | Path):
        """Opens (creating if need be) the database; one that cannot be used still makes a Store, so that
        pages needing no data keep working: every use tries again and raises StoreError saying why."""
        self.path = Path(path)
        self._ready = False
        with suppress(StoreError):
            self._set_up()

    def _set_up(self) -> None:
        """Create the folder and tables and migrate, writing only what is missing (a read-only but
        up-to-date database stays readable)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise store_error(error) from error
        with self._connection(set_up=False) as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            up_to_date = conn.execute("PRAGMA user_version").fetchone()[0] >= SCHEMA_VERSION
            if not (up_to_date and _TABLES <= tables and conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"):
                conn.execute("PRAGMA journal_mode=WAL")
                conn.executescript(_SCHEMA)
                with self._transaction(conn) as writing:
                    _migrate(writing)
        self._ready = True

    @classmethod
    def default(cls, folder: str | Path | None = None, env: dict | None = None) -> "Store":
        return cls(data_dir(folder, env) / DB_NAME)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        return conn

    @contextmanager
    def _connection(self, set_up: bool = True):
        """A connection whose failures (disk full, locked, read-only, not a database) raise StoreError."""
        if set_up and not self._ready:
            self._set_up()
        if set_up:
            backups.daily(self.path)  # at most one a day; never raises
        try:
            with closing(self._connect()) as conn:
                yield conn
        except sqlite3.DatabaseError as error:
            if type(error) not in (sqlite3.DatabaseError, sqlite3.OperationalError):
                raise  # an integrity or programming error is a bug here, not a state of the disk
            raise store_error(error) from error

    @contextmanager
    def _transaction(self, conn: sqlite3.Connection | None = None):
        """One write transaction (on `conn`, else a new connection): all of it is committed, or none of it."""
        if conn is None:
            with self._connection() as conn, self._transaction(conn) as writing:
                yield writing
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            # SQLite may have rolled back by itself (disk full, I/O error): a second ROLLBACK would then
            # fail with "no transaction is active" and hide the real cause.
            if conn.in_transaction:
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            raise

    # --- writing ---------------------------------------------------------------
    def save(self, kind: str, source: str, frame: pd.DataFrame, file_name: str, content: bytes,
             period: str = DEFAULT_PERIOD, *, by: Editor) -> int:
        """Store `frame` and make it current (see `save_with_outcome`); returns the version id in use."""
        return self.save_with_outcome(kind, source, frame, file_name, content, period, by=by).version_id

    def save_with_outcome(self, kind: str, source: str, frame: pd.DataFrame, file_name: str,
                          content: bytes, period: str = DEFAULT_PERIOD, *, by: Editor) -> SaveOutcome:
        """Store `frame` as a new version and make it current, unless an equal version exists; the event
        names `by`, the editor who asked for it.

        Equal means same column names and dtypes and the same values in the same
        order. Equal to the current version: nothing is recorded (a second click
        or the same file again). Equal to an older version: that one becomes
        current again, recorded as a rollback. The check runs inside the write
        transaction, so two clicks at once still make one version.
        """
        _check(kind, source, period)
        _check_editor(by)
        missing = [c for c in REQUIRED_COLUMNS[kind] if c not in frame.columns]
        if missing:
            raise ValueError(f"{kind} frame lacks columns {missing}")
        if frame.empty:
            raise DataError(texts.STORE_EMPTY.format(file=file_name), file=file_name)
        columns, rows = _serialised(frame)
        backups.before_write(self.path)
        with self._transaction() as conn:
            key = (kind, source, period)
            current = self._current_id(conn, *key)
            equal = self._equal_version(conn, key, columns, rows, current)
            if equal is not None and equal == current:
                return SaveOutcome(equal, created=False, reused_version=False)
            if equal is not None:
                self._make_current(conn, key, equal, ROLLBACK, by)
                return SaveOutcome(equal, created=False, reused_version=True)
            cursor = conn.execute(
                "INSERT INTO versions (kind, source, period, file_name, imported_at, row_count, sha256, columns) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (kind, source, period, file_name, _now(), len(rows), sha256_of(content), columns))
            version_id = cursor.lastrowid
            conn.executemany("INSERT INTO version_rows (version_id, row_no, data) VALUES (?, ?, ?)",
                             ((version_id, i, row) for i, row in enumerate(rows)))
            self._make_current(conn, key, version_id, IMPORT, by)
        return SaveOutcome(version_id, created=True, reused_version=False)

    def save_result(self, result: ImportResult, source: str = IMPORTED, period: str = DEFAULT_PERIOD, *,
                    by: Editor) -> int:
        """Store an importer's result, but only a complete one without errors; returns the version id in use."""
        return self.save_result_with_outcome(result, source, period, by=by).version_id

    def save_result_with_outcome(self, result: ImportResult, source: str = IMPORTED,
                                 period: str = DEFAULT_PERIOD, *, by: Editor) -> SaveOutcome:
        """`save_with_outcome` for an importer's result; a result with errors is refused."""
        if result.errors:
            raise DataError(texts.STORE_REFUSED.format(file=result.file_name, count=len(result.errors)),
                            file=result.file_name)
        return self.save_with_outcome(result.kind, source, result.frame, result.file_name, result.content, period,
                                      by=by)

    def rollback(self, kind: str, source: str, version_id: int, period: str = DEFAULT_PERIOD, *,
                 by: Editor) -> None:
        """Make an earlier (or any stored) version of this kind, source and period current again."""
        _check(kind, source, period)
        _check_editor(by)
        backups.before_write(self.path)
        with self._transaction() as conn:
            row = conn.execute("SELECT 1 FROM versions WHERE version_id = ? AND kind = ? AND source = ? "
                               "AND period = ?", (int(version_id), kind, source, period)).fetchone()
            if row is None:
                raise DataError(texts.STORE_UNKNOWN_VERSION.format(version=version_id,
                                                                   **_labels(kind, source, period)))
            self._make_current(conn, (kind, source, period), int(version_id), ROLLBACK, by)

    def clear(self, kind: str, source: str, period: str = DEFAULT_PERIOD, *, by: Editor) -> int:
        """Set this kind, source and period back to "no data" (all versions are kept); returns the version
        set aside."""
        _check(kind, source, period)
        _check_editor(by)
        backups.before_write(self.path)
        with self._transaction() as conn:
            current = self._current_id(conn, kind, source, period)
            if current is None:
                raise DataError(texts.STORE_NOTHING_IN_USE.format(**_labels(kind, source, period)))
            conn.execute("DELETE FROM current WHERE kind = ? AND source = ? AND period = ?", (kind, source, period))
            _record(conn, CLEAR, (kind, source, period), current, by)
        return current

    @staticmethod
    def _make_current(conn: sqlite3.Connection, key: tuple[str, str, str], version_id: int, action: str,
                      by: Editor) -> None:
        """`key` is (kind, source, period)."""
        conn.execute("INSERT INTO current (kind, source, period, version_id) VALUES (?, ?, ?, ?) "
                     "ON CONFLICT (kind, source, period) DO UPDATE SET version_id = excluded.version_id",
                     (*key, version_id))
        _record(conn, action, key, version_id, by)

    @staticmethod
    def _current_id(conn: sqlite3.Connection, kind: str, source: str, period: str) -> int | None:
        row = conn.execute("SELECT version_id FROM current WHERE kind = ? AND source = ? AND period = ?",
                           (kind, source, period)).fetchone()
        return row[0] if row else None

    @staticmethod
    def _equal_version(conn: sqlite3.Connection, key: tuple[str, str, str], columns: str, rows: list[str],
                       current: int | None) -> int | None:
        """A stored version with exactly these columns and rows: the current one first, then newest first."""
        candidates = [r[0] for r in conn.execute(
            "SELECT version_id FROM versions WHERE kind = ? AND source = ? AND period = ? AND row_count = ? "
            "AND columns = ? ORDER BY version_id DESC", (*key, len(rows), columns))]
        candidates.sort(key=lambda v: v != current)  # stable: current first, the rest stay newest first
        for version_id in candidates:
            stored = conn.execute("SELECT data FROM version_rows WHERE version_id = ? ORDER BY row_no", (version_id,))
            if all(old == new or json.loads(old) == json.loads(new) for (old,), new in zip(stored, rows)):
                return version_id
        return None

    def save_column_mapping(self, kind: str, signature: str, mapping: dict[str, str]) -> None:
        """Remember how the columns of files with this header signature map to fields (replaces an older one)."""
        if kind not in KINDS:
            raise ValueError(f"unknown dataset kind {kind!r}; expected one of {KINDS}")
        if not isinstance(signature, str) or not signature:
            raise ValueError("a column-mapping signature must be a non-empty string")
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in mapping.items()):
            raise ValueError("a column mapping maps header texts (str) to field names (str)")
        backups.before_write(self.path)
        with self._transaction() as conn:
            conn.execute("INSERT INTO column_mappings (kind, signature, mapping, saved_at) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT (kind, signature) DO UPDATE SET mapping = excluded.mapping, "
                         "saved_at = excluded.saved_at",
                         (kind, signature, json.dumps(dict(mapping), ensure_ascii=False), _now()))

    # --- reading ---------------------------------------------------------------
    def column_mapping(self, kind: str, signature: str) -> dict[str, str] | None:
        """The mapping remembered for files of this kind with this header signature, or None."""
        if kind not in KINDS:
            raise ValueError(f"unknown dataset kind {kind!r}; expected one of {KINDS}")
        with self._connection() as conn:
            row = conn.execute("SELECT mapping FROM column_mappings WHERE kind = ? AND signature = ?",
                               (kind, signature)).fetchone()
        return json.loads(row[0]) if row else None

    def current_version(self, kind: str, source: str, period: str = DEFAULT_PERIOD) -> int | None:
        _check(kind, source, period)
        return self.current_versions().get((kind, source, period))

    def current_versions(self) -> dict[tuple[str, str, str], int]:
        """Every current version, keyed by (kind, source, period), in one query.

        The map page asks this on every run to key its caches, so it is one
        read on one connection, not one connection per kind and source.
        """
        with self._connection() as conn:
            return {(kind, source, period): version_id for kind, source, period, version_id
                    in conn.execute("SELECT kind, source, period, version_id FROM current")}

    def current(self, kind: str, source: str, period: str = DEFAULT_PERIOD) -> pd.DataFrame | None:
        """The current version's table, or None when nothing of this kind, source and period is in use."""
        _check(kind, source, period)
        with self._connection() as conn:
            conn.execute("BEGIN")  # one consistent snapshot for pointer and rows
            version_id = self._current_id(conn, kind, source, period)
            frame = self._load(conn, version_id) if version_id is not None else None
            conn.execute("COMMIT")
        return frame

    def load(self, version_id: int) -> pd.DataFrame:
        with self._connection() as conn:
            return self._load(conn, int(version_id))

    @staticmethod
    def _load(conn: sqlite3.Connection, version_id: int) -> pd.DataFrame:
        meta = conn.execute("SELECT columns FROM versions WHERE version_id = ?", (version_id,)).fetchone()
        if meta is None:
            raise KeyError(version_id)
        columns = json.loads(meta[0])
        data = [json.loads(r[0]) for r in conn.execute(
            "SELECT data FROM version_rows WHERE version_id = ? ORDER BY row_no", (version_id,))]
        frame = pd.DataFrame(data, columns=[c for c, _ in columns])
        for name, dtype in columns:
            try:
                frame[name] = frame[name].astype(dtype)
            except (TypeError, ValueError):
                pass  # keep the values as read: an unusual dtype must not hide the data
        return frame

    def history(self, kind: str | None = None, source: str | None = None,
                period: str | None = None) -> pd.DataFrame:
        """All stored versions, newest first, with which one is current."""
        sql = ("SELECT v.version_id, v.kind, v.source, v.period, v.file_name, v.imported_at, v.row_count, "
               "v.sha256, c.version_id IS NOT NULL AS is_current FROM versions v "
               "LEFT JOIN current c ON c.version_id = v.version_id AND c.kind = v.kind AND c.source = v.source "
               "AND c.period = v.period WHERE (? IS NULL OR v.kind = ?) AND (? IS NULL OR v.source = ?) "
               "AND (? IS NULL OR v.period = ?) ORDER BY v.version_id DESC")
        with self._connection() as conn:
            rows = conn.execute(sql, (kind, kind, source, source, period, period)).fetchall()
        frame = pd.DataFrame(rows, columns=HISTORY_COLUMNS)
        frame["is_current"] = frame["is_current"].astype(bool)
        return frame

    def events(self) -> pd.DataFrame:
        """Every import, rollback and clear, oldest first, as stored (the audit trail)."""
        with self._connection() as conn:
            rows = conn.execute("SELECT event_id, at, action, kind, source, period, version_id, by_user, by_name "
                                "FROM events ORDER BY event_id").fetchall()
        return pd.DataFrame(rows, columns=["event_id", "at", "action", "kind", "source", "period", "version_id",
                                           "by_user", "by_name"])

    def event_history(self) -> pd.DataFrame:
        """Every event, newest first, with what it put in use and what it replaced.

        `version_id`, `file_name`, `row_count`: the version the event made current
        (missing for a clear); `replaced_version_id`: the version in use just before
        (for a clear, the one set aside); `in_use_version_id`: the version of that
        kind and source in use now; `by_user`, `by_name`: the editor who made the change (missing for
        changes made before sign-in existed). `at` stays the stored ISO text (see geo.vnformat.vietnam_time).
        """
        with self._connection() as conn:
            conn.execute("BEGIN")  # events and pointers from one snapshot
            rows = conn.execute("SELECT e.event_id, e.at, e.action, e.kind, e.source, e.period, e.version_id, "
                                "v.file_name, v.row_count, e.by_user, e.by_name FROM events e LEFT JOIN versions v "
                                "ON v.version_id = e.version_id ORDER BY e.event_id").fetchall()
            in_use = {(k, s, p): v for k, s, p, v
                      in conn.execute("SELECT kind, source, period, version_id FROM current")}
            conn.execute("COMMIT")
        records, state = [], {}
        for event_id, at, action, kind, source, period, version_id, file_name, row_count, by_user, by_name in rows:
            key = (kind, source, period)
            cleared = action == CLEAR
            records.append((event_id, at, action, kind, source, period, None if cleared else version_id,
                            None if cleared else file_name, None if cleared else row_count,
                            version_id if cleared else state.get(key), in_use.get(key), by_user, by_name))
            state[key] = None if cleared else version_id
        frame = pd.DataFrame(records[::-1], columns=EVENT_HISTORY_COLUMNS)
        for column in ("version_id", "row_count", "replaced_version_id", "in_use_version_id"):
            frame[column] = frame[column].astype("Int64")
        return frame

    def source_in_use(self, kind: str, period: str = DEFAULT_PERIOD) -> str | None:
        """Which source the map should show: imported real data if any, else demo, else None."""
        current = self.current_versions()
        return next((source for source in (IMPORTED, DEMO) if (kind, source, period) in current), None)

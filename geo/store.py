"""Where imported lists and indicator values are kept: one SQLite file, versioned.

Every save is a new version (file name, time, row count, SHA-256 of the file)
and becomes the current one for its dataset kind and source; nothing is ever
overwritten, so any earlier version can be made current again (rollback).
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
from contextlib import closing, contextmanager
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd

import texts
from geo.errors import DataError
from geo.imports.problems import ImportResult, sha256_of

ENV_VAR = "LANGSON_DATA_DIR"
DB_NAME = "langson.sqlite"
REPO_ROOT = Path(__file__).resolve().parent.parent

KINDS = ("categories", "villages", "indicators_commune", "indicators_village")
IMPORTED = "imported"
DEMO = "demo"
SOURCES = (IMPORTED, DEMO)
REQUIRED_COLUMNS = {
    "categories": ["gso_code", "area_category"],
    "villages": ["gso_code", "village"],
    "indicators_commune": ["gso_code", "indicator", "value"],
    "indicators_village": ["gso_code", "village", "indicator", "value"],
}
HISTORY_COLUMNS = ["version_id", "kind", "source", "file_name", "imported_at", "row_count", "sha256", "is_current"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS versions (
    version_id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    source TEXT NOT NULL,
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
CREATE TABLE IF NOT EXISTS current (
    kind TEXT NOT NULL,
    source TEXT NOT NULL,
    version_id INTEGER NOT NULL REFERENCES versions(version_id),
    PRIMARY KEY (kind, source)
);
CREATE TABLE IF NOT EXISTS events (
    event_id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    kind TEXT NOT NULL,
    source TEXT NOT NULL,
    version_id INTEGER NOT NULL
);
"""


def data_dir(override: str | Path | None = None, env: dict | None = None) -> Path:
    """The folder for the database: argument, then LANGSON_DATA_DIR, then <repo>/var."""
    env = os.environ if env is None else env
    if override:
        return Path(override)
    if env.get(ENV_VAR):
        return Path(env[ENV_VAR])
    return REPO_ROOT / "var"


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _check(kind: str, source: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown dataset kind {kind!r}; expected one of {KINDS}")
    if source not in SOURCES:
        raise ValueError(f"unknown source {source!r}; expected one of {SOURCES}")


def _json_value(value):
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    return value


class Store:
    """Versioned storage of imported datasets in one SQLite file."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(self._connect()) as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(_SCHEMA)

    @classmethod
    def default(cls, folder: str | Path | None = None, env: dict | None = None) -> "Store":
        return cls(data_dir(folder, env) / DB_NAME)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        return conn

    @contextmanager
    def _transaction(self):
        """One write transaction: all of it is committed, or none of it."""
        with closing(self._connect()) as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    # --- writing ---------------------------------------------------------------
    def save(self, kind: str, source: str, frame: pd.DataFrame, file_name: str, content: bytes) -> int:
        """Store `frame` as a new version and make it current; returns the version id."""
        _check(kind, source)
        missing = [c for c in REQUIRED_COLUMNS[kind] if c not in frame.columns]
        if missing:
            raise ValueError(f"{kind} frame lacks columns {missing}")
        if frame.empty:
            raise DataError(texts.STORE_EMPTY.format(file=file_name), file=file_name)
        columns = [[str(c), str(frame[c].dtype)] for c in frame.columns]
        rows = frame.astype(object).itertuples(index=False, name=None)
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO versions (kind, source, file_name, imported_at, row_count, sha256, columns) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (kind, source, file_name, _now(), len(frame), sha256_of(content), json.dumps(columns)))
            version_id = cursor.lastrowid
            conn.executemany(
                "INSERT INTO version_rows (version_id, row_no, data) VALUES (?, ?, ?)",
                ((version_id, i, json.dumps([_json_value(v) for v in row], ensure_ascii=False))
                 for i, row in enumerate(rows)))
            self._make_current(conn, kind, source, version_id, "import")
        return version_id

    def save_result(self, result: ImportResult, source: str = IMPORTED) -> int:
        """Store an importer's result, but only a complete one without errors."""
        if result.errors:
            raise DataError(texts.STORE_REFUSED.format(file=result.file_name, count=len(result.errors)),
                            file=result.file_name)
        return self.save(result.kind, source, result.frame, result.file_name, result.content)

    def rollback(self, kind: str, source: str, version_id: int) -> None:
        """Make an earlier (or any stored) version of this kind and source current again."""
        _check(kind, source)
        with self._transaction() as conn:
            row = conn.execute("SELECT 1 FROM versions WHERE version_id = ? AND kind = ? AND source = ?",
                               (int(version_id), kind, source)).fetchone()
            if row is None:
                raise DataError(texts.STORE_UNKNOWN_VERSION.format(
                    version=version_id, dataset=texts.DATASET_LABELS[kind], source=texts.SOURCE_LABELS[source]))
            self._make_current(conn, kind, source, int(version_id), "rollback")

    @staticmethod
    def _make_current(conn: sqlite3.Connection, kind: str, source: str, version_id: int, action: str) -> None:
        conn.execute("INSERT INTO current (kind, source, version_id) VALUES (?, ?, ?) "
                     "ON CONFLICT (kind, source) DO UPDATE SET version_id = excluded.version_id",
                     (kind, source, version_id))
        conn.execute("INSERT INTO events (at, action, kind, source, version_id) VALUES (?, ?, ?, ?, ?)",
                     (_now(), action, kind, source, version_id))

    # --- reading ---------------------------------------------------------------
    def current_version(self, kind: str, source: str) -> int | None:
        _check(kind, source)
        return self.current_versions().get((kind, source))

    def current_versions(self) -> dict[tuple[str, str], int]:
        """Every current version, keyed by (kind, source), in one query.

        The map page asks this on every run to key its caches, so it is one
        read, not one connection per kind and source.
        """
        with closing(sqlite3.connect(self.path, timeout=30)) as conn:
            return {(kind, source): version_id for kind, source, version_id
                    in conn.execute("SELECT kind, source, version_id FROM current")}

    def current(self, kind: str, source: str) -> pd.DataFrame | None:
        """The current version's table, or None when nothing of this kind and source is stored."""
        _check(kind, source)
        with closing(self._connect()) as conn:
            conn.execute("BEGIN")  # one consistent snapshot for pointer and rows
            row = conn.execute("SELECT version_id FROM current WHERE kind = ? AND source = ?",
                               (kind, source)).fetchone()
            frame = self._load(conn, row[0]) if row else None
            conn.execute("COMMIT")
        return frame

    def load(self, version_id: int) -> pd.DataFrame:
        with closing(self._connect()) as conn:
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

    def history(self, kind: str | None = None, source: str | None = None) -> pd.DataFrame:
        """All stored versions, newest first, with which one is current."""
        sql = ("SELECT v.version_id, v.kind, v.source, v.file_name, v.imported_at, v.row_count, v.sha256, "
               "c.version_id IS NOT NULL AS is_current FROM versions v "
               "LEFT JOIN current c ON c.version_id = v.version_id AND c.kind = v.kind AND c.source = v.source "
               "WHERE (? IS NULL OR v.kind = ?) AND (? IS NULL OR v.source = ?) ORDER BY v.version_id DESC")
        with closing(self._connect()) as conn:
            rows = conn.execute(sql, (kind, kind, source, source)).fetchall()
        frame = pd.DataFrame(rows, columns=HISTORY_COLUMNS)
        frame["is_current"] = frame["is_current"].astype(bool)
        return frame

    def events(self) -> pd.DataFrame:
        """Every import and rollback, oldest first (the audit trail)."""
        with closing(self._connect()) as conn:
            rows = conn.execute("SELECT event_id, at, action, kind, source, version_id FROM events "
                                "ORDER BY event_id").fetchall()
        return pd.DataFrame(rows, columns=["event_id", "at", "action", "kind", "source", "version_id"])

    def find_by_hash(self, kind: str, source: str, sha256: str) -> int | None:
        """The newest version made from a file with this content, to warn about re-imports."""
        _check(kind, source)
        with closing(self._connect()) as conn:
            row = conn.execute("SELECT MAX(version_id) FROM versions WHERE kind = ? AND source = ? AND sha256 = ?",
                               (kind, source, sha256)).fetchone()
        return row[0] if row and row[0] is not None else None

    def source_in_use(self, kind: str) -> str | None:
        """Which source the map should show: imported real data if any, else demo, else None."""
        current = self.current_versions()
        return next((source for source in (IMPORTED, DEMO) if (kind, source) in current), None)

"""Issue 14 item 2: a corrupted, read-only, full or locked import database is said in Vietnamese, loses
nothing already stored, and never takes down the administrative map (which needs no database).

How each fault is made (the tests run as root, where chmod does not stop writes):
- corrupted: garbage bytes written over the .sqlite file (real SQLITE_NOTADB);
- read-only: connections opened with SQLite's `mode=ro` URI (real SQLITE_READONLY);
- full: `PRAGMA max_page_count` set to the file's size (real SQLITE_FULL: SQLite rolls the transaction
  back by itself, as on a full disk), and a write monkeypatched to raise "database or disk is full";
- locked: another connection holding the write lock with a short busy timeout (real SQLITE_BUSY), and,
  for reading, a connect monkeypatched to raise "database is locked" (WAL readers are never blocked).
"""

import sqlite3
import tomllib

import pandas as pd
import pytest

from geo.errors import StoreError
from geo.programme import default_period, default_source
from geo.store import DB_NAME, Store
from tests.apptest import run, signed_in_import_page
from tests.conftest import EDITOR, ROOT, open_map_page

WORDS = {"corrupted": "tệp bị hỏng", "read_only": "chỉ đọc", "full": "đĩa đầy", "locked": "đang bị khóa"}


def categories(codes, category="III"):
    return pd.DataFrame({"gso_code": codes, "area_category": [category] * len(codes)})


def stored(path) -> tuple[Store, int]:
    """A database holding one version of the 2021-2025 categories."""
    store = Store(path)
    return store, store.save("categories", "imported", categories(["05971", "05974"]), "kv.csv", b"1", by=EDITOR)


def assert_intact(path, version):
    """What was stored before the fault is still there and in use (read with a plain, healthy store)."""
    store = Store(path)
    assert store.current_version("categories", "imported") == version
    assert store.current("categories", "imported")["gso_code"].tolist() == ["05971", "05974"]
    assert store.history()["version_id"].tolist() == [version]


def assert_said(error: StoreError, reason: str):
    assert error.reason == reason
    assert WORDS[reason] in str(error)
    assert "/" not in str(error)  # no server path


def corrupt(path):
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    path.write_bytes(b"\x00garbage, not SQLite\xff" * 500)


def read_only(monkeypatch):
    def connect(self):
        return sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30, isolation_level=None)
    monkeypatch.setattr(Store, "_connect", connect)


def full(monkeypatch):
    original = Store._connect

    def connect(self):
        conn = original(self)
        conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
        return conn
    monkeypatch.setattr(Store, "_connect", connect)


def locked(monkeypatch, path):
    """Another writer holds the lock; ours waits 50 ms instead of 30 s. Returns the holder to close."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(Store, "_connect", lambda self: sqlite3.connect(self.path, timeout=0.05,
                                                                         isolation_level=None))
    return holder


# --- the store API ----------------------------------------------------------------------------------

def test_a_corrupted_file_makes_a_store_that_says_so_on_use(tmp_path):
    path = tmp_path / DB_NAME
    stored(path)
    corrupt(path)
    store = Store(path)  # does not raise: pages that need no data go on
    for read in (store.current_versions, store.history, store.event_history,
                 lambda: store.current("categories", "imported")):
        with pytest.raises(StoreError) as caught:
            read()
        assert_said(caught.value, "corrupted")
    with pytest.raises(StoreError) as caught:
        store.save("categories", "imported", categories(["05977"]), "new.csv", b"2", by=EDITOR)
    assert_said(caught.value, "corrupted")
    # the map's defaults: 2026-2030 and no data, not an exception
    assert default_period(store) == "2026-2030" and default_source(store, "2021-2025") is None


def test_a_read_only_database_is_read_but_not_written(tmp_path, monkeypatch):
    path = tmp_path / DB_NAME
    _, version = stored(path)
    read_only(monkeypatch)
    store = Store(path)
    assert store.current("categories", "imported")["gso_code"].tolist() == ["05971", "05974"]
    writes = (lambda: store.save("categories", "imported", categories(["05977"]), "new.csv", b"2", by=EDITOR),
              lambda: store.clear("categories", "imported", by=EDITOR),
              lambda: store.rollback("categories", "imported", version, by=EDITOR))
    for write in writes:
        with pytest.raises(StoreError) as caught:
            write()
        assert_said(caught.value, "read_only")
    monkeypatch.undo()
    assert_intact(path, version)


def test_a_full_disk_says_disk_full_not_cannot_rollback(tmp_path, monkeypatch):
    """SQLite rolls back by itself on SQLITE_FULL; the second ROLLBACK used to fail with "cannot rollback -
    no transaction is active" and that error was the one reported."""
    path = tmp_path / DB_NAME
    _, version = stored(path)
    full(monkeypatch)
    with pytest.raises(StoreError) as caught:
        Store(path).save("categories", "imported", categories(["05977"] * 5000, "II"), "big.csv", b"2", by=EDITOR)
    assert_said(caught.value, "full")
    assert "full" in str(caught.value.__cause__) and "rollback" not in str(caught.value.__cause__)
    monkeypatch.undo()
    assert_intact(path, version)


@pytest.mark.parametrize("write", ["save", "rollback"])
def test_disk_full_inside_the_write_keeps_the_previous_versions(tmp_path, monkeypatch, write):
    path = tmp_path / DB_NAME
    store, first = stored(path)
    second = store.save("categories", "imported", categories(["05977"]), "kv2.csv", b"2", by=EDITOR)

    def no_space(*args):
        raise sqlite3.OperationalError("database or disk is full")
    monkeypatch.setattr(Store, "_make_current", staticmethod(no_space))
    with pytest.raises(StoreError) as caught:
        if write == "save":
            store.save("categories", "imported", categories(["05980"]), "kv3.csv", b"3", by=EDITOR)
        else:
            store.rollback("categories", "imported", first, by=EDITOR)
    assert_said(caught.value, "full")
    monkeypatch.undo()
    assert store.current_version("categories", "imported") == second
    assert store.history()["version_id"].tolist() == [second, first]


def test_a_locked_database_says_try_again_later(tmp_path, monkeypatch):
    path = tmp_path / DB_NAME
    _, version = stored(path)
    holder = locked(monkeypatch, path)
    try:
        with pytest.raises(StoreError) as caught:
            Store(path).save("categories", "imported", categories(["05977"]), "new.csv", b"2", by=EDITOR)
        assert_said(caught.value, "locked")
        assert "thử lại sau" in str(caught.value)
    finally:
        holder.close()
    monkeypatch.undo()
    assert_intact(path, version)


def test_tracebacks_are_never_shown():
    """Streamlit 1.67: "none" hides type, message and traceback; false would still show the traceback."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorDetails"] == "none"


# --- the pages (AppTest) ----------------------------------------------------------------------------

def said(at, reason) -> list[str]:
    texts = [e.value for e in at.error if WORDS[reason] in e.value]
    assert texts, [e.value for e in at.error]
    assert not any("/" in text for text in texts)
    return texts


def raise_locked(monkeypatch):
    def connect(self):
        raise sqlite3.OperationalError("database is locked")
    monkeypatch.setattr(Store, "_connect", connect)


@pytest.mark.parametrize("reason", ["corrupted", "locked"])
def test_the_map_shows_without_a_readable_database(env, monkeypatch, reason):
    path = env / DB_NAME
    stored(path)
    corrupt(path) if reason == "corrupted" else raise_locked(monkeypatch)
    at = open_map_page(period=None)  # asserts no exception element
    assert len(at.get("component_instance")) == 1  # the administrative map
    said(at, reason)


@pytest.mark.parametrize("page", ["ui/compare_page.py", "ui/crosswalk_page.py", "ui/import_page.py"])
def test_the_other_pages_say_a_corrupted_database(env, page):
    path = env / DB_NAME
    stored(path)
    corrupt(path)
    at = open_map_page(period=None)
    at.switch_page(page)
    said(run(at), "corrupted")


@pytest.mark.parametrize("reason", ["read_only", "full", "locked"])
def test_writing_demo_data_says_what_is_wrong_and_loses_nothing(env, monkeypatch, reason):
    path = env / DB_NAME
    _, version = stored(path)
    at = signed_in_import_page()
    holder = {"read_only": read_only, "full": full}.get(reason, lambda m: locked(m, path))(monkeypatch)
    try:
        at = run(at.button(key="make_demo").click())
        said(at, reason)
        assert not at.success
    finally:
        if holder is not None:
            holder.close()
    monkeypatch.undo()
    assert_intact(path, version)

"""Issue 14 item 3: rolling backups of the import database before each write and daily, and restoring a
corrupted database from the newest good backup, losing at most the last write.

Corruption is made as in tests/test_store_faults.py: garbage bytes written over the .sqlite file.
"""

import errno
import logging
import shutil
import sqlite3
import subprocess
import sys
from datetime import timedelta

import pandas as pd
import pytest

import texts
from geo import backups
from geo.backups import DAILY, KEEP, WRITE, backup_dir, before_write, daily, is_good, restore
from geo.store import DB_NAME, Store
from tests.conftest import EDITOR, ROOT

GARBAGE = b"\x00garbage, not SQLite\xff" * 500


def categories(codes, category):
    return pd.DataFrame({"gso_code": codes, "area_category": [category] * len(codes)})


def save(store, category, name):
    return store.save("categories", "imported", categories(["05971", "05974"], category), name, name.encode(),
                      by=EDITOR)


def corrupt(path):
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    path.write_bytes(GARBAGE)


def in_use(path):
    """The categories in use in the database at `path`, read by a plain Store on a copy (the file is untouched)."""
    copy = path.parent / "read" / path.name
    copy.parent.mkdir(exist_ok=True)
    shutil.copyfile(path, copy)
    frame = Store(copy).current("categories", "imported")
    shutil.rmtree(copy.parent)
    return None if frame is None else frame["area_category"].tolist()


@pytest.fixture
def db(tmp_path):
    return tmp_path / "data" / DB_NAME


def test_a_write_makes_a_backup_holding_the_state_before_it(db):
    store = Store(db)
    save(store, "III", "a.csv")
    save(store, "II", "b.csv")
    newest = backups.backups(db, WRITE)
    assert len(newest) == 2
    assert newest[0].path.parent == db.parent / "backups"
    assert is_good(newest[0].path)
    assert not newest[0].path.with_name(newest[0].path.name + "-wal").exists()  # one self-contained file
    assert in_use(newest[0].path) == ["III", "III"]  # before b.csv: a.csv in use
    assert in_use(newest[1].path) is None  # before a.csv: nothing yet
    assert in_use(db) == ["II", "II"]


def test_rollback_and_clear_are_backed_up_too(db):
    store = Store(db)
    first = save(store, "III", "a.csv")
    save(store, "II", "b.csv")
    store.rollback("categories", "imported", first, by=EDITOR)
    assert in_use(backups.backups(db, WRITE)[0].path) == ["II", "II"]
    store.clear("categories", "imported", by=EDITOR)
    assert in_use(backups.backups(db, WRITE)[0].path) == ["III", "III"]
    assert len(backups.backups(db, WRITE)) == 4


def test_rotation_keeps_the_newest_ten_write_backups(db):
    store = Store(db)
    categories_by_write = ["I", "II", "III"] * 4  # 12 writes, each different from the one before
    for number, category in enumerate(categories_by_write):
        save(store, category, f"{number}.csv")
    kept = backups.backups(db, WRITE)
    assert len(kept) == KEEP[WRITE] == 10
    # the oldest kept was made before the 3rd write, so it holds the 2nd write's data
    assert in_use(kept[-1].path) == [categories_by_write[1]] * 2
    assert in_use(kept[0].path) == [categories_by_write[10]] * 2


def test_daily_backups_one_a_day_and_the_newest_seven_kept(db, monkeypatch):
    store = Store(db)
    save(store, "III", "a.csv")  # its first use of the day made today's backup
    assert len(backups.backups(db, DAILY)) == 1
    backups._daily_checked.clear()  # as a new process would: the file in the folder says it is done
    assert daily(db) is None
    assert len(backups.backups(db, DAILY)) == 1
    today = backups._now()
    for days in range(1, 10):
        monkeypatch.setattr(backups, "_now", lambda days=days: today + timedelta(days=days))
        assert daily(db) is not None
        assert daily(db) is None
    kept = backups.backups(db, DAILY)
    assert len(kept) == KEEP[DAILY] == 7
    assert kept[0].taken_at.date() == (today + timedelta(days=9)).date()
    assert kept[-1].taken_at.date() == (today + timedelta(days=3)).date()


def test_a_corrupted_store_is_restored_losing_only_the_last_write(db):
    store = Store(db)
    save(store, "III", "a.csv")
    save(store, "II", "b.csv")
    corrupt(db)
    outcome = restore(db)
    assert outcome.restored == backups.backups(db)[0]
    assert Store(db).current("categories", "imported")["area_category"].tolist() == ["III", "III"]
    assert outcome.moved_aside and all(p.name.startswith(f"{DB_NAME}.broken-") for p in outcome.moved_aside)
    assert outcome.moved_aside[0].read_bytes() == GARBAGE  # set aside, not deleted
    report = backups.restore_report(outcome)
    assert outcome.restored.path.name in report and "Đã khôi phục" in report
    assert outcome.restored.taken_at.strftime("%d/%m/%Y %H:%M") in report


def test_the_restore_command(db):
    store = Store(db)
    save(store, "III", "a.csv")
    save(store, "II", "b.csv")
    corrupt(db)
    done = subprocess.run([sys.executable, "-m", "geo.backups", "restore", "--data-dir", str(db.parent)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Đã khôi phục cơ sở dữ liệu nhập liệu" in done.stdout and "Traceback" not in done.stderr
    store = Store(db)
    assert store.current("categories", "imported")["area_category"].tolist() == ["III", "III"]
    save(store, "I", "c.csv")  # the restored store takes writes again
    assert in_use(db) == ["I", "I"]


def test_a_corrupted_newest_backup_is_skipped(db):
    store = Store(db)
    save(store, "III", "a.csv")
    save(store, "II", "b.csv")
    save(store, "I", "c.csv")
    newest = backups.backups(db)[0]
    newest.path.write_bytes(GARBAGE)
    corrupt(db)
    outcome = restore(db)
    assert outcome.skipped == [newest]
    assert newest.path.read_bytes() == GARBAGE  # kept as it was
    assert outcome.restored == backups.backups(db)[1]
    assert Store(db).current("categories", "imported")["area_category"].tolist() == ["III", "III"]
    assert newest.path.name in backups.restore_report(outcome)


def test_a_failing_backup_does_not_stop_the_write(db, monkeypatch, caplog):
    def no_space(source, target):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(backups, "_copy", no_space)
    store = Store(db)
    with caplog.at_level(logging.WARNING, logger="geo.backups"):
        first = save(store, "III", "a.csv")
        second = save(store, "II", "b.csv")
    assert Store(db).current_version("categories", "imported") == second != first
    assert in_use(db) == ["II", "II"]
    assert backups.backups(db) == []
    assert list(backup_dir(db).iterdir()) == []  # no half-written copy left behind
    assert any("backup" in r.getMessage() and "failed" in r.getMessage() for r in caplog.records)


def test_a_healthy_store_is_not_restored_unless_forced(db):
    store = Store(db)
    save(store, "III", "a.csv")
    save(store, "II", "b.csv")
    outcome = restore(db)
    assert outcome.live_was_good and outcome.restored is None
    assert in_use(db) == ["II", "II"]
    assert "--force" in backups.restore_report(outcome)
    assert restore(db, force=True).restored is not None
    assert in_use(db) == ["III", "III"]


def test_without_a_good_backup_nothing_changes(db, capsys):
    Store(db)
    corrupt(db)
    shutil.rmtree(backup_dir(db), ignore_errors=True)
    assert backups.main(["restore", "--data-dir", str(db.parent)]) == 1
    assert capsys.readouterr().out.strip() == texts.BACKUP_NONE_GOOD
    assert db.read_bytes() == GARBAGE


def test_before_write_on_a_missing_database_does_nothing(tmp_path):
    assert before_write(tmp_path / DB_NAME) is None
    assert not backup_dir(tmp_path / DB_NAME).exists()


def test_the_page_names_the_restore_command():
    assert "python -m geo.backups restore" in texts.STORE_FAULT["corrupted"]


def test_a_backup_file_is_checked_read_only(db):
    """Checking a backup never writes to it (a WAL reader could otherwise leave files beside it)."""
    store = Store(db)
    save(store, "III", "a.csv")
    save(store, "II", "b.csv")
    path = backups.backups(db, WRITE)[0].path
    before = path.read_bytes()
    assert is_good(path)
    assert path.read_bytes() == before
    with sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"

"""Versioned SQLite storage: history, rollback, separate demo source, atomic writes."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from geo.editors import Editor
from geo.errors import DataError
from geo.imports import import_categories
from geo.store import DB_NAME, SaveOutcome, Store, data_dir
from geo.vnformat import vietnam_time
from tests.conftest import EDITOR
from tests.import_fixtures import csv_text
from ui.import_tables import history_table

ROOT = Path(__file__).resolve().parent.parent


def categories(codes, category="I"):
    return pd.DataFrame({"gso_code": list(codes), "district": "d", "commune": "c", "area_category": category})


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "data" / DB_NAME)


def test_save_and_read_back_with_types(store):
    frame = pd.DataFrame({"gso_code": ["05971", "05974"], "indicator": ["a", "b"], "value": [86.5, float("nan")],
                          "year": pd.array([2024, None], dtype="Int64")})
    version = store.save("indicators_commune", "imported", frame, "chi_tieu.xlsx", b"content", by=EDITOR)
    back = store.current("indicators_commune", "imported")
    pd.testing.assert_frame_equal(back, frame)
    assert back["gso_code"].tolist() == ["05971", "05974"]  # leading zeros kept
    (row,) = store.history().to_dict("records")
    assert row["version_id"] == version and row["file_name"] == "chi_tieu.xlsx" and row["row_count"] == 2
    assert row["sha256"] == "ed7002b439e9ac845f22357d822bac1444730fbdb6016d3ec9432297b9ec9f73"
    assert row["is_current"] and row["imported_at"][:4].isdigit()


def test_nothing_stored_is_none(store):
    assert store.current("categories", "imported") is None
    assert store.source_in_use("categories") is None
    assert store.history().empty


def test_new_version_becomes_current_and_rollback(store):
    v1 = store.save("categories", "imported", categories(["05971"]), "a.csv", b"a", by=EDITOR)
    v2 = store.save("categories", "imported", categories(["05971", "05974"], "II"), "b.csv", b"b", by=EDITOR)
    assert store.current("categories", "imported")["area_category"].tolist() == ["II", "II"]
    store.rollback("categories", "imported", v1, by=EDITOR)
    assert store.current("categories", "imported")["gso_code"].tolist() == ["05971"]
    history = store.history("categories")
    assert history["version_id"].tolist() == [v2, v1]  # nothing is deleted by a rollback
    assert history.set_index("version_id")["is_current"].to_dict() == {v2: False, v1: True}
    assert store.events()["action"].tolist() == ["import", "import", "rollback"]
    store.rollback("categories", "imported", v2, by=EDITOR)
    assert len(store.current("categories", "imported")) == 2


def test_rollback_to_a_version_of_another_kind_or_source_is_refused(store):
    v1 = store.save("categories", "imported", categories(["05971"]), "a.csv", b"a", by=EDITOR)
    demo = store.save("categories", "demo", categories(["05974"]), "demo", b"d", by=EDITOR)
    with pytest.raises(DataError, match="Không có phiên bản"):
        store.rollback("categories", "imported", demo, by=EDITOR)
    with pytest.raises(DataError):
        store.rollback("villages", "imported", v1, by=EDITOR)
    with pytest.raises(DataError):
        store.rollback("categories", "imported", 999, by=EDITOR)
    assert store.current_version("categories", "imported") == v1


def test_demo_is_a_separate_source(store):
    store.save("categories", "demo", categories(["05974"], "III"), "demo", b"d", by=EDITOR)
    assert store.current("categories", "imported") is None
    assert store.source_in_use("categories") == "demo"
    real = store.save("categories", "imported", categories(["05971"]), "real.xlsx", b"r", by=EDITOR)
    assert store.source_in_use("categories") == "imported"
    assert store.current_versions() == {("categories", "demo", "2021-2025"): real - 1,
                                      ("categories", "imported", "2021-2025"): real}
    assert store.current("categories", "demo")["gso_code"].tolist() == ["05974"]
    assert store.current("categories", "imported")["gso_code"].tolist() == ["05971"]
    assert set(store.history(source="demo")["source"]) == {"demo"}


def test_bad_arguments(store):
    with pytest.raises(ValueError):
        store.save("khác", "imported", categories(["05971"]), "a", b"", by=EDITOR)
    with pytest.raises(ValueError):
        store.save("categories", "mixed", categories(["05971"]), "a", b"", by=EDITOR)
    with pytest.raises(ValueError):
        store.save("categories", "imported", pd.DataFrame({"gso_code": ["05971"]}), "a", b"", by=EDITOR)
    with pytest.raises(DataError):
        store.save("categories", "imported", categories([]), "a", b"", by=EDITOR)
    assert store.history().empty


def test_save_result_refuses_a_file_with_errors(store, reference):
    good = csv_text([["Mã xã", "Khu vực"], [reference.area_codes[0], "I"]]).encode()
    bad = csv_text([["Mã xã", "Khu vực"], [reference.area_codes[1], "I"], ["99999", "II"]]).encode()
    version = store.save_result(import_categories(good, "tot.csv", reference), by=EDITOR)
    result = import_categories(bad, "loi.csv", reference)
    assert len(result.frame) == 1 and result.errors  # one good row is never stored on its own
    with pytest.raises(DataError, match="loi.csv: còn 1 lỗi"):
        store.save_result(result, by=EDITOR)
    assert store.current_version("categories", "imported") == version
    assert store.current("categories", "imported")["gso_code"].tolist() == [reference.area_codes[0]]


# --- rolling back to "no data", the event history, Vietnam time ---------------------------------

def test_clear_undoes_the_first_import(store):
    v1 = store.save("categories", "imported", categories(["05971"]), "a.csv", b"a", by=EDITOR)
    assert store.clear("categories", "imported", by=EDITOR) == v1
    assert store.current("categories", "imported") is None
    assert store.current_version("categories", "imported") is None
    assert store.current_versions() == {}
    assert store.source_in_use("categories") is None
    assert store.history()["is_current"].tolist() == [False]  # the version is kept, only not in use
    assert store.events()[["action", "version_id"]].values.tolist() == [["import", v1], ["clear", v1]]
    with pytest.raises(DataError, match="hiện chưa có dữ liệu nào đang dùng"):
        store.clear("categories", "imported", by=EDITOR)
    store.rollback("categories", "imported", v1, by=EDITOR)  # and it can be used again
    assert store.current("categories", "imported")["gso_code"].tolist() == ["05971"]


def test_clearing_imported_data_falls_back_to_demo_and_leaves_other_kinds(store):
    store.save("categories", "demo", categories(["05974"], "III"), "demo", b"d", by=EDITOR)
    store.save("categories", "imported", categories(["05971"]), "real.csv", b"r", by=EDITOR)
    village = store.save("villages", "imported", pd.DataFrame({"gso_code": ["05971"], "village": ["Thôn Thử"]}),
                         "v.csv", b"v", by=EDITOR)
    store.clear("categories", "imported", by=EDITOR)
    assert store.source_in_use("categories") == "demo"
    assert store.current_versions() == {("categories", "demo", "2021-2025"): 1,
                                      ("villages", "imported", "2021-2025"): village}
    with pytest.raises(ValueError):
        store.clear("khác", "imported", by=EDITOR)


def test_event_history_names_what_each_event_put_in_use_and_replaced(store):
    v1 = store.save("categories", "imported", categories(["05971"]), "a.csv", b"a", by=EDITOR)
    v2 = store.save("categories", "imported", categories(["05971", "05974"], "II"), "b.csv", b"b", by=EDITOR)
    d1 = store.save("villages", "demo", pd.DataFrame({"gso_code": ["05971"] * 3, "village": ["T1", "T2", "T3"]}),
                    "demo", b"d", by=EDITOR)
    store.rollback("categories", "imported", v1, by=EDITOR)
    store.clear("categories", "imported", by=EDITOR)
    events = store.event_history()
    assert events["action"].tolist() == ["clear", "rollback", "import", "import", "import"]  # newest first
    shown = events.drop(columns=["event_id", "at"])
    rows = shown.astype(object).where(shown.notna(), None).values.tolist()  # missing values as None
    who = [EDITOR.username, EDITOR.name]
    assert rows == [
        ["clear", "categories", "imported", "2021-2025", None, None, None, v1, None, *who],
        ["rollback", "categories", "imported", "2021-2025", v1, "a.csv", 1, v2, None, *who],
        ["import", "villages", "demo", "2021-2025", d1, "demo", 3, None, d1, *who],
        ["import", "categories", "imported", "2021-2025", v2, "b.csv", 2, v1, None, *who],
        ["import", "categories", "imported", "2021-2025", v1, "a.csv", 1, None, None, *who],
    ]


def test_vietnam_time_from_any_offset():
    assert vietnam_time("2025-03-05T10:12:41+07:00") == "05/03/2025 10:12"
    assert vietnam_time("2025-03-05T03:12:00+00:00") == "05/03/2025 10:12"
    assert vietnam_time("2024-12-31T17:30:00+00:00") == "01/01/2025 00:30"  # new year in Vietnam already
    assert vietnam_time("2025-03-04T20:30:00-05:00") == "05/03/2025 08:30"
    assert vietnam_time("2025-03-05T10:12:00") == "05/03/2025 10:12"  # no offset: taken as Vietnam time


def test_history_table_in_vietnam_time_and_words(store):
    v1 = store.save("categories", "imported", categories(["05971", "05974"]), "khu_vuc.csv", b"a", by=EDITOR)
    store.clear("categories", "imported", by=EDITOR)
    with sqlite3.connect(store.path) as conn:  # a row written by a server set to another time zone
        conn.execute("UPDATE events SET at = '2025-06-30T23:05:00+02:00' WHERE action = 'import'")
    table = history_table(store.event_history())
    assert table.columns.tolist() == ["Thời điểm (giờ Việt Nam)", "Thao tác", "Người thực hiện", "Dữ liệu", "Nguồn",
                                      "Giai đoạn", "Phiên bản", "Thay cho phiên bản", "Phiên bản đang dùng", "Tệp",
                                      "Số dòng"]
    assert table.values.tolist()[1] == ["01/07/2025 04:05", "Nhập", "Người kiểm thử (kiemthu)",
                                        "Khu vực của xã (Quyết định 861/QĐ-TTg)", "Dữ liệu đã nhập", "2021-2025",
                                        str(v1), "", "chưa có dữ liệu", "khu_vuc.csv", "2"]
    cleared = table.iloc[0]
    assert cleared["Thao tác"] == "Bỏ dữ liệu (về «chưa có dữ liệu»)" and cleared["Thay cho phiên bản"] == str(v1)
    assert cleared["Người thực hiện"] == "Người kiểm thử (kiemthu)"
    assert cleared["Tệp"] == "" and cleared["Phiên bản"] == ""
    assert not table.isin(["None", "nan", "<NA>"]).any().any()


# --- confirm works once: equal content makes no new version -----------------------------------

def test_identical_frame_makes_no_new_version(store):
    v1 = store.save("categories", "imported", categories(["05971", "05974"]), "a.csv", b"a", by=EDITOR)
    again = store.save_with_outcome("categories", "imported", categories(["05971", "05974"]), "a (1).csv", b"x",
                                    by=EDITOR)
    assert again == SaveOutcome(v1, created=False, reused_version=False) and again.unchanged
    assert store.save("categories", "imported", categories(["05971", "05974"]), "a.csv", b"a", by=EDITOR) == v1
    assert len(store.history()) == 1 and store.events()["action"].tolist() == ["import"]
    reordered = store.save_with_outcome("categories", "imported", categories(["05974", "05971"]), "b.csv", b"b",
                                        by=EDITOR)
    assert reordered.created and reordered.version_id != v1  # same rows in another order are new content
    changed = categories(["05971", "05974"])
    changed.loc[1, "area_category"] = "II"
    assert store.save_with_outcome("categories", "imported", changed, "c.csv", b"c", by=EDITOR).created
    assert len(store.history()) == 3


def test_equal_to_an_older_version_makes_it_current(store):
    v1 = store.save("categories", "imported", categories(["05971"]), "a.csv", b"a", by=EDITOR)
    v2 = store.save("categories", "imported", categories(["05974"]), "b.csv", b"b", by=EDITOR)
    outcome = store.save_with_outcome("categories", "imported", categories(["05971"]), "a_lai.csv", b"a2", by=EDITOR)
    assert outcome == SaveOutcome(v1, created=False, reused_version=True)
    assert store.current_version("categories", "imported") == v1
    assert store.history()["version_id"].tolist() == [v2, v1]  # no copy stored
    assert store.events()["action"].tolist() == ["import", "import", "rollback"]
    store.clear("categories", "imported", by=EDITOR)  # after a clear, the same content comes back as a reuse too
    assert store.save_with_outcome("categories", "imported", categories(["05974"]), "b.csv", b"b",
                                   by=EDITOR).reused_version
    assert store.current_version("categories", "imported") == v2
    # another source's equal content is not reused across sources
    assert store.save_with_outcome("categories", "demo", categories(["05971"]), "demo", b"d", by=EDITOR).created


def test_confirm_clicked_twice_and_same_file_again(store, reference):
    content = csv_text([["Mã xã", "Khu vực"], [reference.area_codes[0], "I"]]).encode()
    first = store.save_result_with_outcome(import_categories(content, "tot.csv", reference), by=EDITOR)
    second = store.save_result_with_outcome(import_categories(content, "tot.csv", reference), by=EDITOR)
    assert first.created and second == SaveOutcome(first.version_id, created=False, reused_version=False)
    assert store.save_result(import_categories(content, "tot_copy.csv", reference), by=EDITOR) == first.version_id
    assert len(store.history()) == 1


def test_two_clicks_at_once_store_one_version(store):
    frame = pd.DataFrame({"gso_code": ["06001"] * 20_000, "area_category": ["III"] * 20_000})
    outcomes = []
    threads = [threading.Thread(target=lambda: outcomes.append(
        store.save_with_outcome("categories", "imported", frame, "big.csv", b"big", by=EDITOR))) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(o.created for o in outcomes) == [False, True]
    assert len(store.history()) == 1


# --- remembered column mappings ---------------------------------------------------------------

def test_column_mapping_round_trip_and_upsert(store, tmp_path):
    mapping = {"Hộ sử dụng điện lưới quốc gia, %": "electricity_households", "Ghi chú": ""}
    assert store.column_mapping("indicators_commune", "sig-1") is None
    store.save_column_mapping("indicators_commune", "sig-1", mapping)
    assert store.column_mapping("indicators_commune", "sig-1") == mapping
    assert store.column_mapping("indicators_village", "sig-1") is None  # kept per kind
    store.save_column_mapping("indicators_commune", "sig-1", {"Ghi chú": "electricity_households"})
    assert Store(store.path).column_mapping("indicators_commune", "sig-1") == {"Ghi chú": "electricity_households"}
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM column_mappings").fetchone()[0] == 1
    with pytest.raises(ValueError):
        store.save_column_mapping("khác", "sig-1", mapping)
    with pytest.raises(ValueError):
        store.column_mapping("khác", "sig-1")
    with pytest.raises(ValueError):
        store.save_column_mapping("indicators_commune", "", mapping)
    with pytest.raises(ValueError):
        store.save_column_mapping("indicators_commune", "sig-2", {"Cột": 3})


def test_a_database_from_before_column_mappings_opens(tmp_path):
    path = tmp_path / DB_NAME
    version = Store(path).save("categories", "imported", categories(["05971"]), "a.csv", b"a", by=EDITOR)
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE column_mappings")
    store = Store(path)
    assert store.current_version("categories", "imported") == version
    store.save_column_mapping("categories", "sig", {"Mã": "gso_code"})
    assert store.column_mapping("categories", "sig") == {"Mã": "gso_code"}


def test_a_file_that_is_not_a_database_is_a_vietnamese_error(tmp_path):
    path = tmp_path / DB_NAME
    path.write_bytes(b"Day khong phai co so du lieu " * 200)
    store = Store(path)  # a broken database still makes a Store (issue 14): each use says what is wrong
    with pytest.raises(DataError, match="Không đọc được cơ sở dữ liệu nhập liệu: tệp bị hỏng"):
        store.current_versions()


def test_data_dir_lookup(tmp_path):
    assert data_dir(env={}) == ROOT / "var"
    assert data_dir(env={"LANGSON_DATA_DIR": str(tmp_path / "env")}) == tmp_path / "env"
    assert data_dir(tmp_path / "arg", env={"LANGSON_DATA_DIR": str(tmp_path / "env")}) == tmp_path / "arg"
    store = Store.default(env={"LANGSON_DATA_DIR": str(tmp_path / "env")})
    assert store.path == tmp_path / "env" / DB_NAME and store.path.is_file()


def test_var_is_ignored_by_git():
    assert "var/" in (ROOT / ".gitignore").read_text().splitlines()


def test_readable_across_instances(tmp_path):
    path = tmp_path / DB_NAME
    Store(path).save("villages", "imported", pd.DataFrame({"gso_code": ["05971"], "village": ["Thôn Thử"]}), "v", b"",
                     by=EDITOR)
    assert Store(path).current("villages", "imported")["village"].tolist() == ["Thôn Thử"]


# --- atomicity: a writer killed mid-import ------------------------------------------------------

_WRITER = textwrap.dedent("""
    import sys, time
    import pandas as pd
    from geo.store import Store
    from tests.conftest import EDITOR

    db, marker, mode, rows = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])

    class HangingStore(Store):
        # Stops deep inside the transaction (while rows are being inserted) and waits to be killed.
        def _connect(self):
            conn = super()._connect()
            calls = [0]
            def progress():
                calls[0] += 1
                if calls[0] == 1500:
                    open(marker, "w").close()
                    time.sleep(600)
                return 0
            conn.set_progress_handler(progress, 1000)
            return conn

    store = (HangingStore if mode == "hang" else Store)(db)
    frame = pd.DataFrame({"gso_code": ["06001"] * rows, "area_category": ["III"] * rows})
    open(marker + ".start", "w").close()
    store.save("categories", "imported", frame, "big.xlsx", b"big", by=EDITOR)
""")


def _run_writer(tmp_path, db, mode, rows):
    script = tmp_path / "writer.py"
    script.write_text(_WRITER)
    marker = tmp_path / "marker"
    proc = subprocess.Popen([sys.executable, str(script), str(db), str(marker), mode, str(rows)],
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    return proc, marker


def _wait_for(condition, proc, timeout=60):
    deadline = time.time() + timeout
    while not condition():
        assert proc.poll() is None, "writer ended before it could be killed"
        assert time.time() < deadline, "writer never reached the point to kill it"
        time.sleep(0.01)


def _assert_previous_version_intact(db, first_version):
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store = Store(db)
    assert store.current_version("categories", "imported") == first_version
    assert store.current("categories", "imported")["gso_code"].tolist() == ["05971", "05974"]
    assert len(store.history()) == 1
    # and the database still takes new imports
    store.save("categories", "imported", categories(["05977"]), "after.csv", b"after", by=EDITOR)
    assert store.current("categories", "imported")["gso_code"].tolist() == ["05977"]


def test_writer_killed_inside_the_transaction_leaves_previous_version(tmp_path):
    db = tmp_path / DB_NAME
    first = Store(db).save("categories", "imported", categories(["05971", "05974"]), "first.csv", b"1", by=EDITOR)
    proc, marker = _run_writer(tmp_path, db, "hang", 100_000)
    try:
        _wait_for(marker.exists, proc)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    _assert_previous_version_intact(db, first)


def test_writer_killed_during_a_big_write_leaves_previous_version(tmp_path):
    """No hook: kill as soon as the big write has put data into the write-ahead log."""
    db = tmp_path / DB_NAME
    first = Store(db).save("categories", "imported", categories(["05971", "05974"]), "first.csv", b"1", by=EDITOR)
    wal = Path(str(db) + "-wal")
    start_size = wal.stat().st_size if wal.exists() else 0
    proc, marker = _run_writer(tmp_path, db, "plain", 400_000)
    try:
        _wait_for(lambda: wal.exists() and wal.stat().st_size > start_size + 1_000_000, proc)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    _assert_previous_version_intact(db, first)


def test_each_period_keeps_its_own_versions(store):
    """Issue 12: the lists of 2026-2030 (on the 65 new units) and of 2021-2025 never replace each other."""
    old = store.save("categories", "imported", categories(["05971"]), "kv_2021.csv", b"a", by=EDITOR)
    new = store.save("categories", "imported", categories(["06040"], "II"), "kv_2026.csv", b"b", period="2026-2030",
                     by=EDITOR)
    assert store.current("categories", "imported")["gso_code"].tolist() == ["05971"]
    assert store.current("categories", "imported", "2026-2030")["gso_code"].tolist() == ["06040"]
    assert store.current_versions() == {("categories", "imported", "2021-2025"): old,
                                        ("categories", "imported", "2026-2030"): new}
    store.clear("categories", "imported", period="2026-2030", by=EDITOR)
    assert store.current("categories", "imported", "2026-2030") is None
    assert store.current_version("categories", "imported") == old
    with pytest.raises(DataError):
        store.rollback("categories", "imported", old, period="2026-2030", by=EDITOR)  # a 2021 version is not a 2026 one
    assert store.history(period="2026-2030")["file_name"].tolist() == ["kv_2026.csv"]
    with pytest.raises(ValueError):
        store.current("categories", "imported", "2031-2035")


def test_a_database_from_before_periods_is_read_as_2021_2025(tmp_path):
    """A var/langson.sqlite written by the app before issue 12 (no period anywhere) opens with its data in
    2021-2025, nothing lost, and takes 2026-2030 data beside it."""
    import sqlite3

    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as conn:
        conn.executescript("""
            CREATE TABLE versions (version_id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,
                source TEXT NOT NULL, file_name TEXT NOT NULL, imported_at TEXT NOT NULL,
                row_count INTEGER NOT NULL, sha256 TEXT NOT NULL, columns TEXT NOT NULL);
            CREATE TABLE version_rows (version_id INTEGER NOT NULL REFERENCES versions(version_id),
                row_no INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (version_id, row_no)) WITHOUT ROWID;
            CREATE TABLE current (kind TEXT NOT NULL, source TEXT NOT NULL,
                version_id INTEGER NOT NULL REFERENCES versions(version_id), PRIMARY KEY (kind, source));
            CREATE TABLE events (event_id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL,
                action TEXT NOT NULL, kind TEXT NOT NULL, source TEXT NOT NULL, version_id INTEGER NOT NULL);
            INSERT INTO versions VALUES (1, 'categories', 'imported', 'kv.xlsx', '2025-03-05T10:12:00+07:00', 1,
                'abc', '[["gso_code", "object"], ["area_category", "object"]]');
            INSERT INTO version_rows VALUES (1, 0, '["05971", "III"]');
            INSERT INTO current VALUES ('categories', 'imported', 1);
            INSERT INTO events VALUES (1, '2025-03-05T10:12:00+07:00', 'import', 'categories', 'imported', 1);
        """)
    store = Store(path)
    assert store.current("categories", "imported")["area_category"].tolist() == ["III"]
    assert store.current_versions() == {("categories", "imported", "2021-2025"): 1}
    assert store.event_history()["period"].tolist() == ["2021-2025"]
    store.save("categories", "imported", categories(["06040"]), "kv_2026.csv", b"b", period="2026-2030", by=EDITOR)
    assert store.current("categories", "imported")["gso_code"].tolist() == ["05971"]
    assert Store(path).current_version("categories", "imported", "2026-2030") == 2  # opening again changes nothing


# --- who made each change (issue 14 item 1) -------------------------------------------------------

AN = Editor("an.nv", "Nguyễn Văn An")
BINH = Editor("binh.tt", "Trần Thị Bình")


def test_every_event_names_its_editor(store, reference):
    v1 = store.save("categories", "imported", categories(["05971"]), "a.csv", b"a", by=AN)
    result = import_categories(csv_text([["Mã xã", "Khu vực"], [reference.area_codes[0], "II"]]).encode(), "b.csv",
                               reference)
    v2 = store.save_result(result, by=BINH)
    store.rollback("categories", "imported", v1, by=BINH)
    store.clear("categories", "imported", by=AN)
    reused = store.save_with_outcome("categories", "imported", categories(["05971"]), "a_lai.csv", b"a2", by=BINH)
    assert reused == SaveOutcome(v1, created=False, reused_version=True)
    assert store.save("categories", "imported", categories(["05971"]), "a.csv", b"a", by=AN) == v1  # no change
    expected = [["import", v1, "an.nv", "Nguyễn Văn An"], ["import", v2, "binh.tt", "Trần Thị Bình"],
                ["rollback", v1, "binh.tt", "Trần Thị Bình"], ["clear", v1, "an.nv", "Nguyễn Văn An"],
                ["rollback", v1, "binh.tt", "Trần Thị Bình"]]
    assert store.events()[["action", "version_id", "by_user", "by_name"]].values.tolist() == expected
    assert store.event_history()[["action", "by_user", "by_name"]].values.tolist() == [
        [action, user, name] for action, _, user, name in expected[::-1]]  # newest first


@pytest.mark.parametrize("by", ["missing", None, "kiemthu", ("kiemthu", "Người kiểm thử")])
def test_a_write_that_names_no_editor_is_refused(store, reference, by):
    """A programming error, not a user's: every caller must say who is writing, so nothing is stored."""
    who = {} if by == "missing" else {"by": by}
    result = import_categories(csv_text([["Mã xã", "Khu vực"], [reference.area_codes[0], "II"]]).encode(), "b.csv",
                               reference)
    writes = [lambda: store.save("categories", "imported", categories(["05971"]), "a.csv", b"a", **who),
              lambda: store.save_with_outcome("categories", "imported", categories(["05971"]), "a.csv", b"a", **who),
              lambda: store.save_result(result, **who),
              lambda: store.save_result_with_outcome(result, **who)]
    for write in writes:
        with pytest.raises(TypeError):
            write()
    assert store.history().empty and store.events().empty
    version = store.save("categories", "imported", categories(["05971"]), "a.csv", b"a", by=EDITOR)
    for write in (lambda: store.rollback("categories", "imported", version, **who),
                  lambda: store.clear("categories", "imported", **who),
                  lambda: store.save("categories", "imported", categories(["05971"]), "a.csv", b"a", **who)):
        with pytest.raises(TypeError):  # the last one would change nothing: refused all the same
            write()
    assert store.events()["action"].tolist() == ["import"]
    assert store.current_version("categories", "imported") == version


def test_demo_data_that_names_no_editor_is_refused(store):
    from geo.demo import store_demo
    with pytest.raises(TypeError):
        store_demo(store)
    assert store.history().empty


def test_a_schema_2_database_keeps_its_events_naming_nobody(tmp_path):
    """A var/langson.sqlite written before sign-in (schema 2: periods, no by_user/by_name) opens with its
    event kept, naming nobody, and records who makes the next change."""
    path = tmp_path / "v2.sqlite"
    with sqlite3.connect(path) as conn:
        conn.executescript("""
            CREATE TABLE versions (version_id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,
                source TEXT NOT NULL, period TEXT NOT NULL DEFAULT '2021-2025', file_name TEXT NOT NULL,
                imported_at TEXT NOT NULL, row_count INTEGER NOT NULL, sha256 TEXT NOT NULL, columns TEXT NOT NULL);
            CREATE TABLE version_rows (version_id INTEGER NOT NULL REFERENCES versions(version_id),
                row_no INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (version_id, row_no)) WITHOUT ROWID;
            CREATE TABLE current (kind TEXT NOT NULL, source TEXT NOT NULL, period TEXT NOT NULL DEFAULT '2021-2025',
                version_id INTEGER NOT NULL REFERENCES versions(version_id), PRIMARY KEY (kind, source, period));
            CREATE TABLE events (event_id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL,
                action TEXT NOT NULL, kind TEXT NOT NULL, source TEXT NOT NULL,
                period TEXT NOT NULL DEFAULT '2021-2025', version_id INTEGER NOT NULL);
            CREATE TABLE column_mappings (kind TEXT NOT NULL, signature TEXT NOT NULL, mapping TEXT NOT NULL,
                saved_at TEXT NOT NULL, PRIMARY KEY (kind, signature));
            INSERT INTO versions VALUES (1, 'categories', 'imported', '2026-2030', 'kv.xlsx',
                '2026-01-05T10:12:00+07:00', 1, 'abc', '[["gso_code", "object"], ["area_category", "object"]]');
            INSERT INTO version_rows VALUES (1, 0, '["06040", "II"]');
            INSERT INTO current VALUES ('categories', 'imported', '2026-2030', 1);
            INSERT INTO events VALUES (1, '2026-01-05T10:12:00+07:00', 'import', 'categories', 'imported',
                '2026-2030', 1);
            PRAGMA user_version = 2;
        """)
    store = Store(path)
    assert store.current("categories", "imported", "2026-2030")["gso_code"].tolist() == ["06040"]
    (old,) = store.events().to_dict("records")
    assert (old["event_id"], old["action"], old["version_id"], old["period"]) == (1, "import", 1, "2026-2030")
    assert old["by_user"] is None and old["by_name"] is None
    store.clear("categories", "imported", "2026-2030", by=AN)
    history = store.event_history()
    assert history[["action", "by_user", "by_name"]].astype(object).where(history.notna(), None).values.tolist() \
        == [["clear", "an.nv", "Nguyễn Văn An"], ["import", None, None]]
    table = history_table(history)
    assert table["Người thực hiện"].tolist() == ["Nguyễn Văn An (an.nv)", "không ghi (trước khi có đăng nhập)"]
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert len(Store(path).events()) == 2  # opening again changes nothing

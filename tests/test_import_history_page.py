"""AppTest of the import page's history: rollback with a second confirmation, undo to "no data", events listed."""

import re

import pandas as pd
import pytest

from geo.store import Store
from tests.apptest import run, signed_in_import_page
from tests.conftest import EDITOR

IN_USE = "Phiên bản đang dùng"
ACTION = "Thao tác"
VERSION_KEY = "rollback_version_categories_imported_2021-2025"


@pytest.fixture
def store(shared_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("LANGSON_GEODATA_DIR", str(shared_dir))
    monkeypatch.setenv("LANGSON_DATA_DIR", str(tmp_path / "var"))
    return Store.default(tmp_path / "var")


def categories(commune_list, category):
    """The 199 area communes (real codes) all in one category; the categories are test values, not real ones."""
    rows = commune_list[commune_list.commune != "Xã Yên Thịnh"]
    return pd.DataFrame({"gso_code": rows.gso_code.tolist(), "area_category": category})


def history(at) -> pd.DataFrame:
    (table,) = [d.value for d in at.dataframe if IN_USE in d.value.columns]
    return table


def unescaped(markdown: str) -> str:
    """What the reader sees of a markdown text whose file names were backslash-escaped."""
    return re.sub(r"\\(.)", r"\1", markdown)


def test_rollback_needs_the_second_confirmation_and_the_table_shows_it_at_once(store, commune_list):
    v1 = store.save("categories", "imported", categories(commune_list, "III"), "khu_vuc_1.csv", b"1", by=EDITOR)
    v2 = store.save("categories", "imported", categories(commune_list, "I"), "khu_vuc_2.csv", b"2", by=EDITOR)
    at = signed_in_import_page()
    assert history(at)[IN_USE].tolist() == [str(v2), str(v2)]
    assert at.selectbox(key=VERSION_KEY).value == v1  # the first choice that changes something
    at = run(at.button(key="rollback_ask").click())
    assert store.current_version("categories", "imported") == v2  # the first click changes nothing
    (question,) = [unescaped(w.value) for w in at.warning]
    assert (f"Dùng lại phiên bản {v1} (tệp «khu_vuc_1.csv», 199 dòng) thay cho phiên bản {v2} "
            f"(tệp «khu_vuc_2.csv», 199 dòng) của «Khu vực của xã (Quyết định 861/QĐ-TTg)» — Dữ liệu đã nhập?"
            ) == question
    at = run(at.button(key="rollback_confirm").click())
    assert store.current_version("categories", "imported") == v1
    table = history(at)  # the same run that made the change
    assert table[IN_USE].tolist() == [str(v1)] * 3
    assert table.iloc[0][ACTION] == f"Quay lại phiên bản {v1}"
    assert table.iloc[0]["Thay cho phiên bản"] == str(v2)
    assert table[ACTION].tolist() == [f"Quay lại phiên bản {v1}", "Nhập", "Nhập"]
    assert all(re.fullmatch(r"\d\d/\d\d/20\d\d \d\d:\d\d", t) for t in table["Thời điểm (giờ Việt Nam)"])
    assert any(f"Đã dùng lại phiên bản {v1}" in s.value for s in at.success)
    assert not at.warning and "rollback_confirm" not in [b.key for b in at.button]
    assert f"Đang dùng: phiên bản {v1} (tệp «khu_vuc_1.csv», 199 dòng)." in [unescaped(c.value) for c in at.caption]
    options = at.selectbox(key=VERSION_KEY).options
    assert [o.split(":")[0] for o in options] == [f"Phiên bản {v2}", f"Phiên bản {v1}",
                                                  "Không dùng dữ liệu nào (bỏ phiên bản đang dùng)"]
    assert options[1].startswith(f"Phiên bản {v1}: tệp «khu_vuc_1.csv», 199 dòng, nhập lúc ")


def test_undo_to_no_data_and_cancel(store, commune_list):
    v1 = store.save("categories", "imported", categories(commune_list, "III"), "khu_vuc.csv", b"1", by=EDITOR)
    at = signed_in_import_page()
    at.selectbox(key=VERSION_KEY).set_value(0)
    assert at.selectbox(key=VERSION_KEY).value == 0
    at = run(at.button(key="rollback_ask").click())
    (question,) = [unescaped(w.value) for w in at.warning]
    assert question.startswith(f"Bỏ phiên bản {v1} (tệp «khu_vuc.csv», 199 dòng) của «Khu vực của xã")
    at = run(at.button(key="rollback_cancel").click())
    assert not at.warning and store.current_version("categories", "imported") == v1
    at = run(at.button(key="rollback_ask").click())
    at = run(at.button(key="rollback_confirm").click())
    assert store.current("categories", "imported") is None
    assert store.source_in_use("categories") is None
    table = history(at)
    assert table[ACTION].tolist() == ["Bỏ dữ liệu (về «chưa có dữ liệu»)", "Nhập"]
    assert table[IN_USE].tolist() == ["chưa có dữ liệu"] * 2
    assert "Đang dùng: chưa có dữ liệu." in [c.value for c in at.caption]
    at.selectbox(key=VERSION_KEY).set_value(0)  # "no data" again: nothing to do, and said so
    at = run(at.button(key="rollback_ask").click())
    assert not at.warning and any("hiện chưa có dữ liệu; không có gì để bỏ" in i.value for i in at.info)
    assert store.events()["action"].tolist() == ["import", "clear"]
    at.selectbox(key=VERSION_KEY).set_value(v1)
    # and the version can be brought back
    at = run(at.button(key="rollback_ask").click())
    assert unescaped(at.warning[0].value).startswith(f"Dùng lại phiên bản {v1} (tệp «khu_vuc.csv», 199 dòng) cho ")
    at = run(at.button(key="rollback_confirm").click())
    assert history(at)[IN_USE].tolist() == [str(v1)] * 3


def test_confirmation_is_refused_when_the_data_changed_meanwhile(store, commune_list):
    v1 = store.save("categories", "imported", categories(commune_list, "III"), "a.csv", b"1", by=EDITOR)
    v2 = store.save("categories", "imported", categories(commune_list, "I"), "b.csv", b"2", by=EDITOR)
    at = signed_in_import_page()
    at = run(at.button(key="rollback_ask").click())
    other_window = signed_in_import_page()
    assert not other_window.warning  # a pending choice belongs to its own session
    store.clear("categories", "imported", by=EDITOR)  # someone else acts in between
    at = run(at.button(key="rollback_confirm").click())
    assert any("đã thay đổi từ lúc bạn chọn" in e.value for e in at.error)
    assert store.current_version("categories", "imported") is None
    assert history(at)[ACTION].tolist()[0] == "Bỏ dữ liệu (về «chưa có dữ liệu»)"
    assert {v1, v2} == set(store.history()["version_id"])


def test_asking_for_the_version_in_use_changes_nothing(store, commune_list):
    v1 = store.save("categories", "imported", categories(commune_list, "III"), "a.csv", b"1", by=EDITOR)
    at = signed_in_import_page()
    at.selectbox(key=VERSION_KEY).set_value(v1)
    at = run(at.button(key="rollback_ask").click())
    assert not at.warning and any(f"Phiên bản {v1} đang được dùng" in i.value for i in at.info)
    assert store.events()["action"].tolist() == ["import"]


def test_demo_data_is_offered_apart(store, commune_list):
    store.save("categories", "demo", categories(commune_list, "II"), "Dữ liệu minh họa", b"d", by=EDITOR)
    v2 = store.save("categories", "imported", categories(commune_list, "I"), "b.csv", b"2", by=EDITOR)
    at = signed_in_import_page()
    options = at.selectbox(key="rollback_dataset").options
    assert options == ["Khu vực của xã (Quyết định 861/QĐ-TTg) — Dữ liệu đã nhập — giai đoạn 2021-2025",
                       "Khu vực của xã (Quyết định 861/QĐ-TTg) — Dữ liệu minh họa — giai đoạn 2021-2025"]
    at.selectbox(key="rollback_dataset").set_value(("categories", "demo", "2021-2025"))
    at = run(at)
    at.selectbox(key="rollback_version_categories_demo_2021-2025").set_value(0)
    at = run(at.button(key="rollback_ask").click())
    at = run(at.button(key="rollback_confirm").click())
    assert store.current_versions() == {("categories", "imported", "2021-2025"): v2}
    table = history(at)  # newest first: the clear of the demo set, the import, the demo set
    assert table[[ACTION, "Nguồn", IN_USE]].values.tolist() == [
        ["Bỏ dữ liệu (về «chưa có dữ liệu»)", "Dữ liệu minh họa", "chưa có dữ liệu"],
        ["Nhập", "Dữ liệu đã nhập", str(v2)],
        ["Nhập", "Dữ liệu minh họa", "chưa có dữ liệu"],
    ]

"""AppTest of editors' sign-in: viewing needs none, every write path needs it, and every change names its editor.

The wrong-password count is shared by the whole server (one per process, as in AppTest), so each test that
types a wrong password uses an account of its own.
"""

import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geo.editors import Editor, accounts_path, remove_editor, set_editor
from geo.store import Store, data_dir
from tests.apptest import EDITOR_PASSWORD, add_test_editor, import_page, run, signed_in_import_page
from tests.conftest import EDITOR, ROOT, open_map_page
from tests.test_app_pages import categories_csv, confirm_import, upload

WRITE_WIDGETS = ("make_demo", "rollback_ask", "rollback_confirm", "confirm_import")
WHO = "Người thực hiện"


def categories(commune_list, category):
    rows = commune_list[commune_list.commune != "Xã Yên Thịnh"]  # the test categories are not real ones
    return pd.DataFrame({"gso_code": rows.gso_code.tolist(), "area_category": category})


def seen(markdown: str) -> str:
    """What the reader sees of a markdown text that went through ui.plain_text.plain."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def sign_in(at, username, password):
    at.text_input(key="sign_in_username").input(username)
    at.text_input(key="sign_in_password").input(password)
    (submit,) = [b for b in at.button if b.label == "Đăng nhập"]
    return run(submit.click())


def who_did(at) -> list[str]:
    (table,) = [d.value for d in at.dataframe if WHO in d.value.columns]
    return table[WHO].tolist()


def assert_no_write_path(at):
    assert not at.file_uploader, "no upload without sign-in"
    assert not [b.key for b in at.button if b.key in WRITE_WIDGETS]


def test_the_map_page_needs_no_sign_in_and_offers_no_write(env):
    at = open_map_page()
    assert not at.exception and at.sidebar
    assert not [t for t in at.text_input if t.key and t.key.startswith("sign_in")]
    assert_no_write_path(at)


def test_a_viewer_reads_the_history_but_cannot_upload_roll_back_or_write_demo(env, commune_list):
    store = Store.default(env)
    store.save("categories", "imported", categories(commune_list, "III"), "khu_vuc_1.csv", b"1", by=EDITOR)
    store.save("categories", "imported", categories(commune_list, "I"), "khu_vuc_2.csv", b"2", by=EDITOR)
    add_test_editor()
    at = import_page()
    assert who_did(at) == [EDITOR.label, EDITOR.label]  # the history is open to all
    assert_no_write_path(at)
    assert [b.key for b in at.download_button]  # the templates are, too
    captions = " ".join(c.value for c in at.caption)
    for sign_in_first in ("để tải tệp lên", "để quay lại một phiên bản cũ", "để tạo dữ liệu minh họa"):
        assert sign_in_first in captions


def test_with_no_account_the_page_says_how_the_administrator_makes_one(env):
    at = import_page()
    assert any("Chưa có tài khoản biên tập viên" in i.value for i in at.info)
    assert any("python -m geo.editors set" in c.value for c in at.code)
    assert not at.text_input and not at.file_uploader


def test_a_damaged_accounts_file_is_said_and_signs_nobody_in(env):
    accounts_path(env).parent.mkdir(parents=True, exist_ok=True)
    accounts_path(env).write_text("{không phải json", encoding="utf-8")
    at = import_page()
    assert any("editors.json bị hỏng" in seen(e.value) for e in at.error)
    assert str(env) not in " ".join(e.value for e in at.error)  # no server path
    assert_no_write_path(at)


def test_signing_in_with_the_right_password_opens_the_write_paths_and_signing_out_closes_them(env):
    add_test_editor()
    at = sign_in(import_page(), " KiemThu ", EDITOR_PASSWORD)  # user names ignore case and spaces
    assert any(f"Đang đăng nhập: {EDITOR.name} (kiemthu)" in seen(c.value) for c in at.caption)
    assert at.file_uploader and at.button(key="make_demo")
    assert "sign_in_password" not in at.session_state  # the password is not kept in the session
    at = run(at.button(key="sign_out").click())
    assert_no_write_path(at)
    assert at.text_input(key="sign_in_username")


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(env):
    set_editor(accounts_path(env), "sai.matkhau", "mat-khau-dung-1", "Cán bộ A")
    at = sign_in(import_page(), "sai.matkhau", "mat-khau-sai-1")
    unknown = sign_in(import_page(), "khong.co.ai", "mat-khau-sai-1")
    assert [e.value for e in at.error] == [e.value for e in unknown.error] == [
        "Tên đăng nhập hoặc mật khẩu không đúng."]
    assert_no_write_path(at)


def test_five_wrong_passwords_lock_the_user_name_even_for_the_right_one(env):
    set_editor(accounts_path(env), "bi.khoa", "mat-khau-dung-1", "Cán bộ B")
    at = import_page()
    for _ in range(5):
        at = sign_in(at, "bi.khoa", "mat-khau-sai-1")
    at = sign_in(import_page(), "bi.khoa", "mat-khau-dung-1")  # a new session does not reset the count
    assert any("tạm khóa" in e.value and "5 phút" in e.value for e in at.error)
    assert_no_write_path(at)


def test_an_import_through_the_page_names_the_editor_in_the_history(env, commune_list):
    at = signed_in_import_page()
    at.radio(key="import_period").set_value("2021-2025")
    at = upload(run(at), "khu_vuc_1.csv", categories_csv(commune_list, "III"))
    at = confirm_import(at)
    assert who_did(at) == [EDITOR.label]
    events = Store.default(env).events()
    assert events[["action", "by_user", "by_name"]].values.tolist() == [["import", "kiemthu", "Người kiểm thử"]]


def test_a_rollback_through_the_page_names_the_editor(env, commune_list):
    store = Store.default(env)
    other = Editor("nguoi.khac", "Người khác")
    v1 = store.save("categories", "imported", categories(commune_list, "III"), "a.csv", b"1", by=other)
    store.save("categories", "imported", categories(commune_list, "I"), "b.csv", b"2", by=other)
    at = signed_in_import_page()
    at.selectbox(key="rollback_version_categories_imported_2021-2025").set_value(v1)
    at = run(run(at.button(key="rollback_ask").click()).button(key="rollback_confirm").click())
    assert who_did(at) == [EDITOR.label, "Người khác (nguoi.khac)", "Người khác (nguoi.khac)"]
    assert store.events()["by_user"].tolist() == ["nguoi.khac", "nguoi.khac", "kiemthu"]


def test_demo_data_written_through_the_page_names_the_editor(env):
    at = run(signed_in_import_page().button(key="make_demo").click())
    events = Store.default(env).events()
    assert len(events) == 8 and set(events["by_user"]) == {"kiemthu"}  # 4 kinds × 2 periods
    assert set(who_did(at)) == {EDITOR.label}


def removed_meanwhile(at):
    """The editor's account is removed while their page is open (the administrator's `remove`)."""
    assert remove_editor(accounts_path(data_dir()), EDITOR.username)
    return at


@pytest.mark.parametrize("write", ["import", "rollback", "demo"])
def test_a_write_from_a_page_opened_before_the_account_was_removed_is_refused(env, commune_list, write):
    store = Store.default(env)
    if write == "rollback":
        v1 = store.save("categories", "imported", categories(commune_list, "III"), "a.csv", b"1", by=EDITOR)
        store.save("categories", "imported", categories(commune_list, "I"), "b.csv", b"2", by=EDITOR)
    before = len(store.events())
    at = signed_in_import_page()
    if write == "import":
        at.radio(key="import_period").set_value("2021-2025")
        at = upload(run(at), "khu_vuc_1.csv", categories_csv(commune_list, "III"))
        at = run(at.checkbox(key=[c.key for c in at.checkbox if c.key.startswith("second_confirm_")][0]).check())
        at = run(removed_meanwhile(at).button(key="confirm_import").click())
    elif write == "rollback":
        at.selectbox(key="rollback_version_categories_imported_2021-2025").set_value(v1)
        at = run(at.button(key="rollback_ask").click())
        at = run(removed_meanwhile(at).button(key="rollback_confirm").click())
    else:
        at = run(removed_meanwhile(at).button(key="make_demo").click())
    assert any("chưa đăng nhập" in e.value for e in at.error)
    assert len(store.events()) == before  # nothing written
    assert_no_write_path(at)  # and the page is back to a viewer's


def test_the_sign_in_survives_a_visit_to_the_map_page(env):
    at = signed_in_import_page()
    at.switch_page("ui/map_page.py")
    at = run(at)
    at.switch_page("ui/import_page.py")
    at = run(at)
    assert at.button(key="make_demo")


def test_a_new_session_starts_signed_out(env):
    signed_in_import_page()
    at = run(AppTest.from_file(str(ROOT / "app.py"), default_timeout=120))
    at.switch_page("ui/import_page.py")
    assert_no_write_path(run(at))

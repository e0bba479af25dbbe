"""Editor accounts (issue 14 item 1): the accounts file, password checks, the lock after wrong passwords
and the administrator's command `python -m geo.editors`."""

import errno
import getpass
import io
import json
import os
import stat
import tempfile

import pytest

import texts
from geo import editors
from geo.editors import Editor, SignInGuard, accounts_path, check_password, find, remove_editor, set_editor
from geo.errors import DataError

PASSWORD = "Mật khẩu 2025!"  # Vietnamese letters and a space: any characters may make a password
OTHER_PASSWORD = "mat-khau-moi-9"


@pytest.fixture
def path(tmp_path):
    return accounts_path(tmp_path / "var")


def account_file(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["editors"]


# --- creating, resetting, removing, listing ---------------------------------------------------------

def test_no_file_means_no_accounts(path):
    assert editors.editors(path) == []
    assert find(path, "an.nv") is None
    assert check_password(path, "an.nv", PASSWORD) is None
    assert not path.exists()  # reading never creates the file


def test_create_reset_remove_and_list(path):
    an = set_editor(path, "an.nv", PASSWORD, "Nguyễn Văn An")
    assert an == Editor("an.nv", "Nguyễn Văn An") and an.label == "Nguyễn Văn An (an.nv)"
    binh = set_editor(path, "binh", OTHER_PASSWORD)  # no name given: the user name stands for it
    assert binh == Editor("binh", "binh") and binh.label == "binh"
    assert editors.editors(path) == [an, binh]
    assert find(path, "an.nv") == an
    created = account_file(path)["an.nv"]["created_at"]

    # a reset without a name keeps the name and the creation time, and only the new password works
    assert set_editor(path, "an.nv", OTHER_PASSWORD) == an
    assert check_password(path, "an.nv", PASSWORD) is None
    assert check_password(path, "an.nv", OTHER_PASSWORD) == an
    assert account_file(path)["an.nv"]["created_at"] == created
    assert set_editor(path, "an.nv", OTHER_PASSWORD, "  Nguyễn   Văn  An  ") == an  # spaces tidied
    renamed = set_editor(path, "an.nv", OTHER_PASSWORD, "Nguyễn Thị An")
    assert find(path, "an.nv") == renamed == Editor("an.nv", "Nguyễn Thị An")

    assert remove_editor(path, "an.nv") is True
    assert remove_editor(path, "an.nv") is False
    assert find(path, "an.nv") is None and check_password(path, "an.nv", OTHER_PASSWORD) is None
    assert editors.editors(path) == [binh]
    assert check_password(path, "binh", OTHER_PASSWORD) == binh  # the other account is untouched


def test_the_file_holds_a_hash_readable_by_its_owner_only(path):
    set_editor(path, "an.nv", PASSWORD, "Nguyễn Văn An")
    text = path.read_text(encoding="utf-8")
    assert PASSWORD not in text and PASSWORD.encode("utf-8").hex() not in text
    assert account_file(path)["an.nv"]["password_hash"].startswith("$argon2id$")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    set_editor(path, "binh", OTHER_PASSWORD)  # rewriting keeps the mode and leaves no temporary file
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in path.parent.iterdir()) == ["editors.json"]


def test_wrong_password_or_unknown_user_is_none(path):
    set_editor(path, "an.nv", PASSWORD, "Nguyễn Văn An")
    assert check_password(path, "an.nv", PASSWORD) == Editor("an.nv", "Nguyễn Văn An")
    assert check_password(path, "an.nv", PASSWORD.lower()) is None
    assert check_password(path, "an.nv", PASSWORD + " ") is None
    assert check_password(path, "an.nv", "") is None
    assert check_password(path, "binh", PASSWORD) is None  # unknown user, even with someone's password


def test_user_name_is_normalised(path):
    an = set_editor(path, "  An.NV ", PASSWORD, "Nguyễn Văn An")
    assert an.username == "an.nv"
    assert list(account_file(path)) == ["an.nv"]
    assert check_password(path, "AN.nv", PASSWORD) == an
    assert find(path, " an.Nv") == an
    assert set_editor(path, "AN.NV", OTHER_PASSWORD) == an  # the same account, not a second one
    assert len(editors.editors(path)) == 1
    assert remove_editor(path, "An.Nv ") is True


@pytest.mark.parametrize("username", ["a", "x" * 33, "nguyễn", "an nv", "-an", ".an", "an/nv", "an@nv", ""])
def test_a_bad_user_name_is_refused_in_vietnamese(path, username):
    with pytest.raises(DataError, match="^Tên đăng nhập «.*» không dùng được: 2–32 ký tự"):
        set_editor(path, username, PASSWORD, "Người thử")
    assert not path.exists()


@pytest.mark.parametrize("password", ["", "ngắn", "1234567", "x" * 257])
def test_a_bad_password_is_refused_in_vietnamese(path, password):
    with pytest.raises(DataError, match="^Mật khẩu phải dài từ 8 đến 256 ký tự"):
        set_editor(path, "an.nv", password, "Nguyễn Văn An")
    assert not path.exists()


@pytest.mark.parametrize("name", ["N" * 81, "An\x00", "An\u200b", "An\x1b[31m"])
def test_a_bad_name_is_refused_in_vietnamese(path, name):
    with pytest.raises(DataError, match="^Họ và tên dài tối đa 80 ký tự và không chứa ký tự điều khiển"):
        set_editor(path, "an.nv", PASSWORD, name)
    assert not path.exists()


def test_the_limits_themselves_are_accepted(path):
    assert set_editor(path, "an", "x" * 8, "N" * 80).name == "N" * 80
    assert set_editor(path, "a" * 32, "y" * 256).username == "a" * 32
    assert check_password(path, "an", "x" * 8) and check_password(path, "a" * 32, "y" * 256)


@pytest.mark.parametrize("content", [
    b"khong phai JSON",
    b"[]",
    b'{"editors": []}',
    b'{"tai_khoan": {}}',
    b'{"editors": {"an.nv": {"name": "An"}}}',  # no hash
    b'{"editors": {"an.nv": "$argon2id$..."}}',
    b"\xff\xfe\x00\x00 not UTF-8 at all \x80\x81",
])
def test_a_damaged_accounts_file_is_said_naming_the_file_not_the_folder(path, content):
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    for read in (lambda: editors.editors(path), lambda: find(path, "an.nv"),
                 lambda: check_password(path, "an.nv", PASSWORD), lambda: set_editor(path, "binh", PASSWORD),
                 lambda: remove_editor(path, "an.nv")):
        with pytest.raises(DataError) as caught:
            read()
        message = str(caught.value)
        assert "editors.json" in message and "bị hỏng" in message
        assert str(path.parent) not in message and "/" not in message
    assert path.read_bytes() == content  # never overwritten by a guess


def test_an_unreadable_accounts_file_is_said_in_vietnamese(path):
    path.mkdir(parents=True)  # a folder where the file should be: reading it fails at the OS level
    with pytest.raises(DataError) as caught:
        check_password(path, "an.nv", PASSWORD)
    message = str(caught.value)
    assert message.startswith("Không đọc được tệp tài khoản biên tập viên editors.json")
    assert str(path.parent) not in message
    assert os.strerror(errno.EISDIR) not in message  # the OS's English words stay out of the page


def test_the_command_line_editor_is_the_system_user():
    editor = editors.command_line_editor()
    assert editor.username == getpass.getuser()
    assert editor.name == texts.EDITORS_COMMAND_LINE == "Lệnh trên máy chủ"


# --- the lock after repeated wrong passwords ----------------------------------------------------------

class Clock:
    """A clock the test moves by hand."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_the_guard_locks_a_user_name_after_n_failures_and_unlocks_after_the_lock_time():
    clock = Clock()
    guard = SignInGuard(attempts=3, window=60, lock=120, clock=clock)
    guard.failed("an.nv")
    clock.now += 10
    guard.failed("AN.NV ")  # the same user name, however typed
    assert guard.wait_seconds("an.nv") == 0
    clock.now += 10
    guard.failed("an.nv")
    assert guard.wait_seconds("an.nv") == 120
    assert guard.wait_seconds("An.Nv") == 120
    assert guard.wait_seconds("binh") == 0  # other user names are not locked with it
    clock.now += 119.5
    assert guard.wait_seconds("an.nv") == 1  # rounded up: never "wait 0 seconds" while still locked
    clock.now += 0.5
    assert guard.wait_seconds("an.nv") == 0
    guard.failed("an.nv")  # the lock spent the count: one more failure does not lock again at once
    assert guard.wait_seconds("an.nv") == 0


def test_failures_older_than_the_window_do_not_count():
    clock = Clock()
    guard = SignInGuard(attempts=3, window=60, lock=120, clock=clock)
    for _ in range(5):
        guard.failed("an.nv")
        clock.now += 31  # each failure is out of the window by the time the third comes
    assert guard.wait_seconds("an.nv") == 0


def test_a_success_clears_the_count():
    clock = Clock()
    guard = SignInGuard(attempts=3, window=60, lock=120, clock=clock)
    guard.failed("an.nv")
    guard.failed("an.nv")
    guard.succeeded("AN.NV")
    guard.failed("an.nv")
    guard.failed("an.nv")
    assert guard.wait_seconds("an.nv") == 0
    guard.failed("an.nv")
    assert guard.wait_seconds("an.nv") == 120


def test_the_default_guard_allows_four_wrong_passwords_and_locks_at_the_fifth():
    clock = Clock()
    guard = SignInGuard(clock=clock)
    for _ in range(4):
        guard.failed("an.nv")
    assert guard.wait_seconds("an.nv") == 0
    guard.failed("an.nv")
    assert guard.wait_seconds("an.nv") == 300
    clock.now += 300
    assert guard.wait_seconds("an.nv") == 0


# --- the administrator's command ------------------------------------------------------------------

def run(argv, capsys, monkeypatch, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = editors.main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_command_set_list_remove(tmp_path, capsys, monkeypatch):
    folder = ["--data-dir", str(tmp_path / "var")]
    path = accounts_path(tmp_path / "var")
    code, out, err = run([*folder, "set", "An.NV", "--name", "Nguyễn Văn An", "--password-stdin"], capsys,
                         monkeypatch, stdin=PASSWORD + "\n")
    assert (code, err) == (0, "")
    assert out.startswith("Đã tạo tài khoản biên tập viên Nguyễn Văn An (an.nv)") and str(path) in out
    assert check_password(path, "an.nv", PASSWORD) == Editor("an.nv", "Nguyễn Văn An")  # newline not kept

    code, out, err = run([*folder, "set", "an.nv", "--password-stdin"], capsys, monkeypatch,
                         stdin=OTHER_PASSWORD + "\r\n")
    assert code == 0 and out.startswith("Đã đặt lại mật khẩu cho tài khoản biên tập viên Nguyễn Văn An (an.nv)")
    assert check_password(path, "an.nv", OTHER_PASSWORD) and not check_password(path, "an.nv", PASSWORD)

    code, out, err = run([*folder, "list"], capsys, monkeypatch)
    assert (code, out, err) == (0, "Nguyễn Văn An (an.nv)\n", "")

    code, out, err = run([*folder, "remove", "AN.NV"], capsys, monkeypatch)
    assert (code, out.strip()) == (0, "Đã xóa tài khoản an.nv.")
    code, out, err = run([*folder, "remove", "an.nv"], capsys, monkeypatch)
    assert (code, out.strip()) == (1, "Không có tài khoản an.nv.")
    code, out, err = run([*folder, "list"], capsys, monkeypatch)
    assert code == 0 and out.startswith("Chưa có tài khoản biên tập viên nào")


def test_command_refuses_a_bad_password_with_exit_2(tmp_path, capsys, monkeypatch):
    code, out, err = run(["--data-dir", str(tmp_path), "set", "an.nv", "--password-stdin"], capsys, monkeypatch,
                         stdin="ngắn\n")
    assert (code, out) == (2, "")
    assert err.strip() == "Mật khẩu phải dài từ 8 đến 256 ký tự."
    assert not accounts_path(tmp_path).exists()


def test_command_on_a_damaged_file_says_so_with_exit_2(tmp_path, capsys, monkeypatch):
    accounts_path(tmp_path).write_text("{", encoding="utf-8")
    code, out, err = run(["--data-dir", str(tmp_path), "list"], capsys, monkeypatch)
    assert code == 2 and "editors.json bị hỏng" in err


def _read_only_folder(monkeypatch):
    """What the OS says when the data folder is on a read-only disk (the tests run as root, where a
    chmod does not stop writes): creating the new file fails with EROFS."""
    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), kwargs.get("dir"))
    monkeypatch.setattr(tempfile, "mkstemp", refuse)


def test_command_on_a_read_only_folder_exits_2_and_keeps_the_accounts(tmp_path, capsys, monkeypatch):
    path = accounts_path(tmp_path)
    set_editor(path, "an.nv", PASSWORD, "Nguyễn Văn An")
    before = path.read_bytes()
    _read_only_folder(monkeypatch)
    for argv, stdin in ((["set", "an.nv", "--password-stdin"], OTHER_PASSWORD + "\n"),
                        (["set", "binh", "--password-stdin"], OTHER_PASSWORD + "\n"),
                        (["remove", "an.nv"], "")):
        code, out, err = run(["--data-dir", str(tmp_path), *argv], capsys, monkeypatch, stdin=stdin)
        assert (code, out) == (2, "")
        assert err.startswith("Không ghi được tệp tài khoản") and "Tài khoản chưa thay đổi." in err
    assert path.read_bytes() == before
    assert check_password(path, "an.nv", PASSWORD)


def test_command_says_why_it_cannot_write_in_vietnamese(tmp_path, capsys, monkeypatch):
    _read_only_folder(monkeypatch)
    code, out, err = run(["--data-dir", str(tmp_path), "set", "an.nv", "--password-stdin"], capsys, monkeypatch,
                         stdin=PASSWORD + "\n")
    assert code == 2
    assert os.strerror(errno.EROFS) not in err  # "Read-only file system": the OS's English words

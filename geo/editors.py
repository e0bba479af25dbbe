"""Editor accounts: who may import, roll back and write demo data, and checking their passwords.

Viewing needs no account. Accounts live in `editors.json` in the data directory (outside git, readable
only by the app's user): a user name, a display name and an Argon2id hash of the password made by
argon2-cffi; the password itself is never stored. The server's administrator creates or resets an
account from the command line, as the app's user:

    .venv/bin/python -m geo.editors set <tên_đăng_nhập> --name "Họ và tên" [--data-dir DIR]
    .venv/bin/python -m geo.editors remove <tên_đăng_nhập>
    .venv/bin/python -m geo.editors list

`set` asks for the password twice (or reads one line from standard input with --password-stdin).
Repeated wrong passwords for one user name lock it for a few minutes (`SignInGuard`), so a password
cannot be guessed at the speed of the network.
"""

from __future__ import annotations

import argparse
import errno
import getpass
import json
import re
import sys
import threading
import time
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

import texts
from geo.errors import DataError
from geo.files import write_atomically
from geo.vnformat import VIETNAM_TIME

FILE_NAME = "editors.json"
USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")
MIN_PASSWORD = 8
MAX_PASSWORD = 256  # hashing a megabyte of "password" is work nobody needs to do
MAX_NAME = 80
_HASHER = PasswordHasher()  # argon2-cffi's defaults: Argon2id with RFC 9106's low-memory parameters


@dataclass(frozen=True)
class Editor:
    """Who made a change: the account's user name and the name people know them by."""

    username: str
    name: str

    @property
    def label(self) -> str:
        """"Nguyễn Văn An (an.nv)": how the page and the history name them."""
        return f"{self.name} ({self.username})" if self.name and self.name != self.username else self.username


def command_line_editor() -> Editor:
    """Who a change made from a command on the server is recorded as: the system user who ran it."""
    return Editor(getpass.getuser(), texts.EDITORS_COMMAND_LINE)


def accounts_path(data_dir: str | Path) -> Path:
    return Path(data_dir) / FILE_NAME


def normal_username(text: str) -> str:
    """User names compare without case or surrounding spaces ("An.NV " is "an.nv")."""
    return unicodedata.normalize("NFC", text).strip().lower()


def _read(path: Path) -> dict[str, dict]:
    """The accounts by user name; no file means no accounts. A damaged file is said, not guessed at."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as error:  # no permission, or a folder where the file should be
        raise DataError(texts.EDITORS_UNREADABLE.format(file=path.name)) from error
    except UnicodeDecodeError as error:
        raise DataError(texts.EDITORS_DAMAGED.format(file=path.name)) from error
    try:
        accounts = json.loads(text)["editors"]
        if not all(isinstance(v, dict) and isinstance(v.get("password_hash"), str) for v in accounts.values()):
            raise ValueError
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise DataError(texts.EDITORS_DAMAGED.format(file=path.name)) from error
    return accounts


def _write(path: Path, accounts: dict[str, dict]) -> None:
    """Replace the file in one step (a crash leaves the old or the new file), readable by its owner only."""
    text = json.dumps({"editors": accounts}, ensure_ascii=False, indent=2, sort_keys=True)
    write_atomically(path, text.encode("utf-8"), mode=0o600)


def editors(path: Path) -> list[Editor]:
    """Every account, by user name."""
    return [Editor(username, account.get("name") or username) for username, account in sorted(_read(path).items())]


def find(path: Path, username: str) -> Editor | None:
    """The account of this user name, if it (still) exists."""
    account = _read(path).get(normal_username(username))
    return None if account is None else Editor(normal_username(username), account.get("name") or username)


def set_editor(path: Path, username: str, password: str, name: str | None = None) -> Editor:
    """Create an account, or give an existing one a new password (and name, when one is given)."""
    username = normal_username(username)
    if not USERNAME.fullmatch(username):
        raise DataError(texts.EDITORS_BAD_USERNAME.format(username=username))
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise DataError(texts.EDITORS_BAD_PASSWORD.format(minimum=MIN_PASSWORD, maximum=MAX_PASSWORD))
    name = unicodedata.normalize("NFC", " ".join((name or "").split()))
    if len(name) > MAX_NAME or any(unicodedata.category(c).startswith("C") for c in name):
        raise DataError(texts.EDITORS_BAD_NAME.format(maximum=MAX_NAME))
    accounts = _read(path)
    old = accounts.get(username, {})
    now = datetime.now(VIETNAM_TIME).isoformat(timespec="seconds")
    accounts[username] = {"name": name or old.get("name") or username, "password_hash": _HASHER.hash(password),
                          "created_at": old.get("created_at", now), "changed_at": now}
    _write(path, accounts)
    return Editor(username, accounts[username]["name"])


def remove_editor(path: Path, username: str) -> bool:
    """Delete an account; False when there was none. Changes it made stay in the history under its name."""
    accounts = _read(path)
    if accounts.pop(normal_username(username), None) is None:
        return False
    _write(path, accounts)
    return True


def check_password(path: Path, username: str, password: str) -> Editor | None:
    """The editor when this user name and password match an account, else None.

    An unknown user name costs the same hash check as a wrong password, so the time taken does not
    tell which user names exist.
    """
    account = _read(path).get(normal_username(username))
    if account is None or len(password) > MAX_PASSWORD:  # no password is that long: refused, at the same cost
        account = None
        stored = _dummy_hash()
    else:
        stored = account["password_hash"]
    try:
        _HASHER.verify(stored, password[:MAX_PASSWORD])
    except (VerificationError, InvalidHashError):
        return None
    return Editor(normal_username(username), account.get("name") or username) if account else None


_DUMMY: list[str] = []


def _dummy_hash() -> str:
    if not _DUMMY:
        _DUMMY.append(_HASHER.hash("not a password of anyone"))
    return _DUMMY[0]


class SignInGuard:
    """Counts wrong passwords per user name: after `attempts` within `window` seconds, that user name is
    locked for `lock` seconds. Shared by every session of the server process."""

    def __init__(self, attempts: int = 5, window: float = 900, lock: float = 300, clock=time.monotonic):
        self.attempts, self.window, self.lock, self.clock = attempts, window, lock, clock
        self._failures: dict[str, list[float]] = {}
        self._locked_until: dict[str, float] = {}
        self._mutex = threading.Lock()

    def wait_seconds(self, username: str) -> int:
        """How long this user name must wait before trying again (0: it may try now)."""
        with self._mutex:
            left = self._locked_until.get(normal_username(username), 0) - self.clock()
        return max(0, int(left + 0.999))

    def failed(self, username: str) -> None:
        key, now = normal_username(username), self.clock()
        with self._mutex:
            recent = [t for t in self._failures.get(key, []) if now - t < self.window] + [now]
            if len(recent) >= self.attempts:
                self._locked_until[key], recent = now + self.lock, []
            self._failures[key] = recent

    def succeeded(self, username: str) -> None:
        with self._mutex:
            self._failures.pop(normal_username(username), None)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(texts.EDITORS_CLI_PASSWORD)
    if getpass.getpass(texts.EDITORS_CLI_PASSWORD_AGAIN) != first:
        raise DataError(texts.EDITORS_CLI_MISMATCH)
    return first


def main(argv: list[str] | None = None) -> int:
    from geo.store import data_dir

    parser = argparse.ArgumentParser(prog="python -m geo.editors", description=texts.EDITORS_CLI)
    parser.add_argument("--data-dir", default=None, help=texts.BACKUP_CLI_DATA_DIR)
    commands = parser.add_subparsers(dest="command", required=True)
    set_command = commands.add_parser("set", help=texts.EDITORS_CLI_SET)
    set_command.add_argument("username")
    set_command.add_argument("--name", default=None, help=texts.EDITORS_CLI_NAME)
    set_command.add_argument("--password-stdin", action="store_true", help=texts.EDITORS_CLI_STDIN)
    remove_command = commands.add_parser("remove", help=texts.EDITORS_CLI_REMOVE)
    remove_command.add_argument("username")
    commands.add_parser("list", help=texts.EDITORS_CLI_LIST)
    args = parser.parse_args(argv)
    path = accounts_path(data_dir(args.data_dir))
    try:
        if args.command == "set":
            existed = find(path, args.username) is not None
            editor = set_editor(path, args.username, _read_password(args.password_stdin), args.name)
            print((texts.EDITORS_CLI_RESET if existed else texts.EDITORS_CLI_CREATED).format(
                editor=editor.label, file=path))
        elif args.command == "remove":
            done = remove_editor(path, args.username)
            print((texts.EDITORS_CLI_REMOVED if done else texts.EDITORS_CLI_NO_SUCH).format(
                username=normal_username(args.username)))
            return 0 if done else 1
        else:
            accounts = editors(path)
            print("\n".join(e.label for e in accounts) if accounts else texts.EDITORS_CLI_NONE.format(file=path))
    except DataError as error:
        print(error, file=sys.stderr)
        return 2
    except OSError as error:  # the data folder is read-only, full or not the app user's
        reason = texts.EDITORS_DISK_FULL if error.errno == errno.ENOSPC else texts.EDITORS_NOT_WRITABLE
        print(texts.EDITORS_CLI_WRITE_FAILED.format(file=path, reason=reason), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

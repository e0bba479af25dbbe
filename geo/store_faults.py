"""What a failing import database means for the user: corrupted, read-only, full or locked, in Vietnamese.

geo/store.py turns every sqlite3 or OS error of the database into the StoreError made here, so the pages
catch one error type and say what to do, never a traceback or a server path.
"""

from __future__ import annotations

import errno
import sqlite3

import texts
from geo.errors import StoreError

# What is wrong, by SQLite's primary result code (sqlite3.h: PERM, BUSY, LOCKED, READONLY, CORRUPT, FULL,
# NOTADB), else by its message (an error raised without a code), else by the OS error of the data folder.
_FAULT_BY_CODE = {3: "read_only", 5: "locked", 6: "locked", 8: "read_only", 11: "corrupted", 13: "full",
                  26: "corrupted"}
_FAULT_BY_TEXT = (("readonly", "read_only"), ("read-only", "read_only"), ("disk is full", "full"),
                  ("is locked", "locked"), ("malformed", "corrupted"), ("not a database", "corrupted"))
_FAULT_BY_ERRNO = {errno.ENOSPC: "full", errno.EROFS: "read_only", errno.EACCES: "read_only",
                   errno.EPERM: "read_only"}


def store_error(error: sqlite3.Error | OSError) -> StoreError:
    """The Vietnamese StoreError saying what `error` means for the user: corrupted, read-only, full, locked."""
    code = getattr(error, "sqlite_errorcode", None)
    reason = _FAULT_BY_CODE.get(code & 0xFF) if isinstance(code, int) else None
    if reason is None and isinstance(error, OSError):
        reason = _FAULT_BY_ERRNO.get(error.errno)
    if reason is None:
        text = str(error).lower()
        reason = next((fault for words, fault in _FAULT_BY_TEXT if words in text), "unavailable")
    return StoreError(texts.STORE_FAULT[reason], reason)

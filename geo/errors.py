"""The error type every data check raises: a Vietnamese sentence plus where."""

from __future__ import annotations


class DataError(Exception):
    """A problem with an input file, already phrased for the user.

    `file`, `row` and `column` say where, so the UI can show them and tests can
    check that the message points at the right place.
    """

    def __init__(self, message: str, file: str | None = None, row: int | None = None,
                 column: str | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.row = row
        self.column = column

    def __str__(self) -> str:
        return self.message


class StoreError(DataError):
    """The import database cannot be read or written (geo/store.py), already phrased for the user.

    `reason` is one of STORE_FAULTS: what is wrong with the file or its disk, so a page
    can keep showing what needs no database and tests can check the cause was not hidden.
    """

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


STORE_FAULTS = ("corrupted", "read_only", "full", "locked", "unavailable")


def preview(items, limit: int = 10) -> str:
    """A short, readable list for an error message: 'a, b, c … (+7)'."""
    items = [str(i) for i in items]
    shown = ", ".join(items[:limit])
    return shown + (f" … (+{len(items) - limit})" if len(items) > limit else "")

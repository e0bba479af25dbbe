"""Recognise a file of the other programme period, and say so once instead of row by row.

A 2021-2025 annex uploaded while 2026-2030 is chosen (or the reverse) would
otherwise come back as a hundred "unknown commune" errors, or worse, import:
the two lists share names (59 of the 65 new units carry an old commune's name:
Xã Bình Gia, Xã Hữu Lũng...) and every new unit reuses an old commune's code.
So the file is checked against the other period's list too, and compared:

1. Names and codes. At least MIN_UNRESOLVED of the rows that name a commune
   (by code or name; in an annex, its commune headings; with or without a
   value, so an untouched template of the other period is told too), and at least
   UNRESOLVED_SHARE of them, do not resolve in the chosen period; against the
   other period at least RESOLVED_SHARE of them resolve, and more than in the
   chosen one. A correct file of either period resolves everything in its own,
   so it never fires; nor does a file with a few typos (under a tenth of its
   rows), nor a file of neither period (it fails there as well).
2. Codes alone. When every code of the other period is also a code of the
   chosen one (the 65 units reuse old codes), a file that names units by code
   only resolves in both. It is the other period's when it gives at least
   MIN_CODES codes and all of them are the other period's: a 2021-2025 list
   picking 20 communes only among the 65 reused codes by chance would be a
   (65/200)^20 ≈ 2e-10 event.
Then the result carries ONE error saying which period the file belongs to and
how many of its rows matched there; nothing of it can be stored.
"""

from __future__ import annotations

from typing import Callable

import texts
from geo.errors import DataError
from geo.imports.problems import ImportResult, PlaceTally, ProblemLog
from geo.imports.reference import Reference

OTHER_PERIOD = "other_period"  # the problem code of that one error
MIN_UNRESOLVED = 3
UNRESOLVED_SHARE = 0.10
RESOLVED_SHARE = 0.90
MIN_CODES = 20


def check_period(result: ImportResult, reference: Reference,
                 rerun: Callable[[Reference], ImportResult]) -> ImportResult:
    """`result` as it is, or, when the file is the other period's, a result with that one error.

    `rerun(other)` checks the same file against another reference (only called when the file
    looks suspect, so a correct file is read once).
    """
    here = result.places
    many_unresolved = here.unresolved >= MIN_UNRESOLVED and here.unresolved >= UNRESOLVED_SHARE * here.total
    if not (many_unresolved or len(here.codes) >= MIN_CODES):
        return result
    try:
        other = reference.counterpart()
    except DataError:
        return result  # the other period's list cannot be read: nothing to compare with
    codes_there = _codes_only_there(here, reference, other)
    if not (many_unresolved or codes_there):
        return result
    there = rerun(other).places
    if there.total == 0 or there.resolved < RESOLVED_SHARE * there.total:
        return result
    if many_unresolved and there.resolved > here.resolved:
        message = texts.IMP_OTHER_PERIOD.format(
            other=other.period.key, chosen=reference.period.key, there=there.resolved,
            there_total=there.total, other_units=texts.IMP_UNIT_LISTS[other.period.key],
            units=texts.IMP_UNIT_LISTS[reference.period.key], here=here.resolved, here_total=here.total)
    elif codes_there:
        message = texts.IMP_OTHER_PERIOD_CODES.format(
            other=other.period.key, chosen=reference.period.key, count=len(here.codes),
            other_units=texts.IMP_UNIT_LISTS[other.period.key])
    else:
        return result
    return _refused(result, message)


def _codes_only_there(here: PlaceTally, reference: Reference, other: Reference) -> bool:
    """Rule 2: codes cannot tell the periods apart, and every code of the file is one of the other's."""
    return (other.accepted_codes < reference.accepted_codes and len(here.codes) >= MIN_CODES
            and here.codes <= other.accepted_codes)


def _refused(result: ImportResult, message: str) -> ImportResult:
    """The same file's result with the one error instead of what it found: nothing to store or preview."""
    log = ProblemLog(result.file_name)
    log.error(OTHER_PERIOD, message)
    return ImportResult(result.kind, result.file_name, result.frame.iloc[0:0], log.problems, summary=None,
                        sha256=result.sha256, content=result.content, sheet=result.sheet, places=result.places)

"""Prepare the map data of both periods before the server starts: `python -m layers.build`.

scripts/start.sh and scripts/install_service.sh run it, so the first visitor after a start or an update
does not wait for the shapes to be simplified and serialised (layers/build_cache.py keeps the result).
Nothing is printed when all is well; a data problem is left for the page to say in Vietnamese.
"""

from __future__ import annotations

import functools
import sys

from geo.datadir import data_fingerprint
from geo.errors import DataError
from geo.province import load_province
from geo.store import data_dir
from geo.vocabulary import PERIODS
from layers import build_cache
from layers.prepared import period_data, prepare_period


def main() -> int:
    fingerprint, version = data_fingerprint(), build_cache.program_version()
    province = functools.cache(load_province)
    for period in PERIODS:
        try:
            build_cache.load_or_build(fingerprint, period, lambda p=period: prepare_period(period_data(province(), p)),
                                      data_dir(), version)
        except DataError:
            continue  # the map page says what is wrong with the files, in Vietnamese, with what can still be shown
    return 0


if __name__ == "__main__":
    sys.exit(main())

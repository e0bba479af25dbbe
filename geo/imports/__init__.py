"""Importers for the files the province's departments hold (CSV and XLSX).

Each importer takes the file's bytes and name, reads and checks everything, and
returns an `ImportResult`: the tidy frame it would store plus every problem,
each phrased in Vietnamese with file, sheet, row and column. Importers never
write; `geo.store.Store.save_result` stores a result only when it has no error,
so a faulty file is never half-imported.
"""

from __future__ import annotations

from geo.imports.categories import import_categories
from geo.imports.indicator_sheets import import_commune_indicators, import_village_indicators, with_other_indicators
from geo.imports.period_check import check_period
from geo.imports.problems import ERROR, NOTE, ImportResult, Problem
from geo.imports.reference import Reference
from geo.imports.villages import import_villages
from geo.vocabulary import (
    CATEGORIES_KIND,
    COMMUNE_INDICATORS_KIND,
    INDICATOR_LEVELS,
    KINDS,
    VILLAGE_INDICATORS_KIND,
    VILLAGES_KIND,
)

__all__ = [
    "ERROR", "NOTE", "KINDS", "ImportResult", "Problem", "Reference", "import_categories", "import_villages",
    "import_commune_indicators", "import_village_indicators", "import_file", "frame_to_store",
]


def import_file(kind: str, content: bytes, file_name: str, reference: Reference | None = None,
                **options) -> ImportResult:
    """Dispatch on the dataset kind and check the file against the reference's period (2021-2025 when
    none is given); a file of the other period comes back with one error saying so (`period_check`).

    `options` go to the importer (categories= for villages, mapping= for indicator sheets, progress=
    to hear how many rows have been read)."""
    importers = {
        CATEGORIES_KIND: import_categories,
        VILLAGES_KIND: import_villages,
        COMMUNE_INDICATORS_KIND: import_commune_indicators,
        VILLAGE_INDICATORS_KIND: import_village_indicators,
    }
    if kind not in importers:
        raise ValueError(f"unknown dataset kind {kind!r}; expected one of {KINDS}")
    importer = importers[kind]
    ref = reference or Reference.load()
    result = importer(content, file_name, ref, **options)
    # The categories a village list is compared with belong to the chosen period: not to the other.
    elsewhere = {name: value for name, value in options.items() if name != "categories"}
    return check_period(result, ref, lambda other: importer(content, file_name, other, **elsewhere))


def frame_to_store(kind: str, new, current):
    """What is stored when `new` is confirmed: a list replaces the list in use; an indicator sheet
    replaces only its own indicators (each department sends its own)."""
    return with_other_indicators(new, current) if kind in INDICATOR_LEVELS else new

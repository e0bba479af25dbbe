"""Cached loaders shared by the pages, keyed on what the data depends on."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import streamlit as st

from geo.carry_over import UNPLACED_COLUMNS, CarriedOver, carried_table, carry_over, rule_notes
from geo.crosswalk import read_crosswalk
from geo.datadir import data_fingerprint
from geo.errors import DataError, StoreError
from geo.imports import Reference
from geo.programme import Programme, commune_table, default_source, empty_programme, load_programme
from geo.province import ProvinceData, load_province
from geo.store import Store, data_dir
from geo.vocabulary import CARRIED, KINDS, PERIOD_2021, PERIODS
from layers import build_cache
from layers.prepared import MapData, period_data, prepare_period
from ui.plain_text import plain


@st.cache_resource(show_spinner=False, max_entries=2)
def _province(fingerprint: tuple) -> ProvinceData:
    return load_province()


@st.cache_resource(show_spinner=False, max_entries=4)
def _map_data(fingerprint: tuple, period: str) -> MapData:
    """Read from the build cache on disk when this data and program were prepared before (layers/build_cache)."""
    return build_cache.load_or_build(fingerprint, period, lambda: prepare_period(period_data(_province(fingerprint),
                                                                                             period)), data_dir())


def map_data(period: str) -> MapData:
    """Boundaries and web layers of `period`; reloaded when a data file changes."""
    return _map_data(data_fingerprint(), period)


@st.cache_resource(show_spinner=False, max_entries=4)
def _reference(fingerprint: tuple, period: str) -> Reference:
    return Reference.load(period=period)


def reference(period: str = PERIOD_2021.key) -> Reference:
    """The unit list and name matcher of `period` the importers resolve names with (one per period)."""
    return _reference(data_fingerprint(), period)


@st.cache_resource(show_spinner=False, max_entries=4)
def _store(folder: str) -> Store:
    return Store.default(folder)


def store() -> Store:
    """The import database in the data directory (LANGSON_DATA_DIR, default var/).

    Always a Store: one that cannot be read raises StoreError on use, and the readers
    below then fall back to no programme data (the boundaries need no database).
    """
    return _store(str(data_dir()))


def store_fault() -> StoreError | None:
    """Why the import database cannot be read now (corrupted, locked...), or None: for the page to say."""
    try:
        store().current_versions()
    except StoreError as fault:
        return fault
    return None


@st.cache_resource(show_spinner=False, max_entries=4)
def _programme(folder: str, source: str | None, period: str, versions: tuple) -> Programme:
    return load_programme(_store(folder), source, period)


def versions(source: str | None, period: str) -> tuple:
    """The current version of each kind of data of `source` and `period`: part of every cache key."""
    try:
        current = store().current_versions() if source else {}
    except StoreError:
        current = {}  # no data: the page says why (store_fault)
    return tuple(current.get((kind, source, period)) for kind in KINDS)


def programme(source: str | None, period: str) -> Programme:
    """The programme data of one source and period; reloaded after every import or rollback.

    CARRIED: no lists of its own, but the previous period's files and how its values were carried over.
    A store that cannot be read gives no data (the page says why: store_fault).
    """
    try:
        if source == CARRIED:
            key = _carried_key(period)
            base = _programme(key[1], key[3], key[2], key[4])
            return replace(empty_programme(base.source), files=base.files, carried_rules=_carried_rules(*key))
        return _programme(str(data_dir()), source, period, versions(source, period))
    except StoreError:
        return empty_programme(source)


def _carried_key(period: str) -> tuple:
    """What the data carried over to `period`'s units depends on: the previous period's source in use
    (imported if any, else demo) and its versions."""
    previous = PERIODS[period].previous
    base = default_source(store(), previous)
    return data_fingerprint(), str(data_dir()), previous, base, versions(base, previous)


@st.cache_resource(show_spinner=False, max_entries=4)
def _carried(fingerprint: tuple, folder: str, previous: str, base: str | None, versions: tuple) -> CarriedOver:
    return carry_over(_programme(folder, base, previous, versions), map_data(previous).communes, crosswalk())


@st.cache_resource(show_spinner=False, max_entries=4)
def _carried_rules(*key) -> dict[str, str]:
    return rule_notes(_carried(*key))


@st.cache_resource(show_spinner=False, max_entries=2)
def _crosswalk(fingerprint: tuple, path: str) -> pd.DataFrame:
    return read_crosswalk(Path(path))


def crosswalk() -> pd.DataFrame:
    """The old-communes-to-new-units crosswalk, read once per data set."""
    return _crosswalk(data_fingerprint(), str(map_data(PERIOD_2021.key).province_data.files["crosswalk"]))


def unplaced_villages(period: str) -> pd.DataFrame:
    """The previous period's villages of old communes split between two of `period`'s units (none when the
    store cannot be read)."""
    try:
        return _carried(*_carried_key(period)).unplaced_villages
    except StoreError:
        return pd.DataFrame(columns=list(UNPLACED_COLUMNS))


@st.cache_resource(show_spinner=False, max_entries=4)
def _carried_units_table(key: tuple, period: str, _communes) -> pd.DataFrame:
    return carried_table(commune_table(_communes, empty_programme()), _carried(*key))


@st.cache_resource(show_spinner=False, max_entries=4)
def _table(fingerprint: tuple, folder: str, period: str, source: str | None, versions: tuple, _communes,
           _programme):
    return commune_table(_communes, _programme)


def table(data: MapData, source: str | None) -> pd.DataFrame:
    """One row per unit of the data's period with category, villages and indicator values (cached per
    period and version)."""
    period = data.period.key
    if source == CARRIED:
        try:
            return _carried_units_table(_carried_key(period), period, data.communes)
        except StoreError:
            return commune_table(data.communes, empty_programme())  # no data: the page says why (store_fault)
    return _table(data_fingerprint(), str(data_dir()), period, source, versions(source, period), data.communes,
                  programme(source, period))


@st.cache_resource(show_spinner=False, max_entries=32)
def _map_args(key: tuple, _render) -> dict:
    return _render()


def map_args(key: tuple, render) -> dict:
    """What the map component is sent for this view and filter; `render()` makes it on a miss.

    Shared by every session, so the opening map is rendered once, not once per
    visitor. `key` must name everything the map shows apart from the data files
    and the store, which are added here.
    """
    return _map_args((data_fingerprint(), str(data_dir()), *key), render)


@dataclass(frozen=True)
class BothPeriods:
    """Both periods as the compare and crosswalk pages show them, each with the data it holds: the
    province's imports if any, else the demo set."""

    maps: dict[str, MapData]
    sources: dict[str, str | None]
    programmes: dict[str, Programme]
    tables: dict[str, pd.DataFrame]
    crosswalk: pd.DataFrame
    crosswalk_file: str  # its file name, for source lines

    @property
    def illustrative(self) -> bool:
        return any(programme.illustrative for programme in self.programmes.values())


def both_periods() -> BothPeriods:
    """Raises DataError (in Vietnamese) when a boundary or crosswalk file is missing or wrong."""
    maps = {key: map_data(key) for key in PERIODS}
    path = maps[PERIOD_2021.key].province_data.files["crosswalk"]
    sources = {key: default_source(store(), key) for key in PERIODS}
    return BothPeriods(maps=maps, sources=sources,
                       programmes={key: programme(sources[key], key) for key in PERIODS},
                       tables={key: table(maps[key], sources[key]) for key in PERIODS},
                       crosswalk=crosswalk(), crosswalk_file=path.name)


def both_periods_on_page() -> BothPeriods:
    """Both periods for the compare and crosswalk pages: a wrong boundary or crosswalk file stops the page with
    its Vietnamese error; a database that cannot be read is said, and the periods are shown without its data."""
    try:
        periods = both_periods()
    except DataError as error:
        st.error(plain(error))
        st.stop()
    if (fault := store_fault()) is not None:
        st.error(plain(fault))
    return periods

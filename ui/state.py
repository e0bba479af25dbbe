"""Cached loaders shared by the pages, keyed on what the data depends on."""

from __future__ import annotations

import streamlit as st

from geo.datadir import data_fingerprint
from geo.imports import Reference
import pandas as pd

from geo.programme import Programme, commune_table, load_programme
from geo.store import KINDS, Store, data_dir
from layers import mapdata


@st.cache_resource(show_spinner=False, max_entries=2)
def _map_data(fingerprint: tuple) -> mapdata.MapData:
    return mapdata.prepare()


def map_data() -> mapdata.MapData:
    """Boundaries and web layers; reloaded when a data file changes."""
    return _map_data(data_fingerprint())


@st.cache_resource(show_spinner=False, max_entries=2)
def _reference(fingerprint: tuple) -> Reference:
    return Reference.load()


def reference() -> Reference:
    """The commune list and name matcher the importers resolve names with."""
    return _reference(data_fingerprint())


@st.cache_resource(show_spinner=False, max_entries=4)
def _store(folder: str) -> Store:
    return Store.default(folder)


def store() -> Store:
    """The import database in the data directory (LANGSON_DATA_DIR, default var/)."""
    return _store(str(data_dir()))


@st.cache_resource(show_spinner=False, max_entries=4)
def _programme(folder: str, source: str | None, versions: tuple) -> Programme:
    return load_programme(_store(folder), source)


def _versions(source: str | None) -> tuple:
    return tuple(store().current_version(kind, source) for kind in KINDS) if source else ()


def programme(source: str | None) -> Programme:
    """The programme data of one source; reloaded after every import or rollback."""
    return _programme(str(data_dir()), source, _versions(source))


@st.cache_resource(show_spinner=False, max_entries=4)
def _table(fingerprint: tuple, folder: str, source: str | None, versions: tuple, _communes, _programme):
    return commune_table(_communes, _programme)


def table(communes, source: str | None) -> pd.DataFrame:
    """One row per commune with category, villages and indicator values (cached per version)."""
    return _table(data_fingerprint(), str(data_dir()), source, _versions(source), communes, programme(source))

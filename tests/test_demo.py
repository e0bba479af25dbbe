"""Demo data: official totals exactly, placeholders only, labelled, reproducible, stored apart."""

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from geo.boundaries import read_communes
from geo.crosswalk import read_crosswalk
from geo.demo import LABEL_COLUMN, generate_demo, generate_new_period_demo, store_demo
from geo.imports.categories import COLUMNS as CATEGORY_COLUMNS
from geo.imports.problems import ProblemLog
from geo.imports.totals import compare_categories, compare_villages
from geo.imports.villages import COLUMNS as VILLAGE_COLUMNS
from geo.indicators import INDICATORS
from geo.programme import default_period
from geo.store import Store
from tests.conftest import EDITOR

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def demo(reference):
    return generate_demo(reference, seed=7)


def test_categories_have_exactly_the_official_totals(demo, reference):
    cats = demo["categories"]
    assert cats["area_category"].value_counts().to_dict() == {"III": 88, "I": 103, "II": 8}
    assert set(cats["gso_code"]) == set(reference.area_codes)  # 199, Yên Thịnh outside
    assert not reference.outside_codes & set(cats["gso_code"])
    log = ProblemLog("demo")
    assert compare_categories(cats, reference, log)["difference"].tolist() == [0, 0, 0] and not log.problems


def test_villages_follow_the_official_split(demo, reference):
    villages = demo["villages"]
    assert len(villages) == 644
    log = ProblemLog("demo")
    summary = compare_villages(villages, reference, log, demo["categories"])
    assert summary["difference"].tolist() == [0, 0, 0, 0] and not log.problems
    assert villages["village"].tolist() == [f"Thôn minh họa {n}" for n in range(1, 645)]
    assert all(re.fullmatch(r"Thôn minh họa \d+", name) for name in villages["village"])


def test_same_columns_as_imported_data(demo):
    assert list(demo["categories"].columns) == CATEGORY_COLUMNS + [LABEL_COLUMN]
    assert list(demo["villages"].columns) == VILLAGE_COLUMNS + [LABEL_COLUMN]


def test_everything_is_labelled(demo):
    for frame in demo.values():
        assert set(frame[LABEL_COLUMN]) == {"Dữ liệu minh họa"}


def test_values_are_plausible_and_in_range(demo):
    for kind in ("indicators_commune", "indicators_village"):
        frame = demo[kind]
        for ind_id, group in frame.groupby("indicator"):
            ind = INDICATORS[ind_id]
            low, high = ind.value_range
            assert group["value"].between(low, high).all(), ind_id
            if ind.kind == "yes_no":
                assert set(group["value"]) <= {0.0, 1.0}
    commune = demo["indicators_commune"]
    electricity = commune[commune["indicator"] == "electricity_households"]["value"]
    assert abs(electricity.median() - INDICATORS["electricity_households"].baseline_2020) < 2
    counts = commune[commune["indicator"] == "extremely_disadvantaged"].set_index("gso_code")["value"]
    assert counts.sum() == 644


def test_reproducible(reference, demo):
    again = generate_demo(reference, seed=7)
    for kind in demo:
        pd.testing.assert_frame_equal(demo[kind], again[kind])
    other = generate_demo(reference, seed=8)
    assert not other["categories"]["area_category"].equals(demo["categories"]["area_category"])


def test_villages_placed_inside_their_commune(reference, shared_dir):
    import shapely

    communes = read_communes(shared_dir / "langson_communes_2021.geojson", reference.commune_list)
    villages = generate_demo(reference, seed=3, communes=communes)["villages"]
    polygons = communes.set_index("gso_code").geometry
    assert villages[["lon", "lat"]].notna().all().all()
    for row in villages.head(60).itertuples():
        assert polygons[row.gso_code].contains(shapely.Point(row.lon, row.lat))


def test_stored_as_demo_never_as_imported(tmp_path, reference):
    store = Store(tmp_path / "db.sqlite")
    versions = store_demo(store, reference, seed=7, by=EDITOR)["2021-2025"]
    assert set(versions) == {"categories", "villages", "indicators_commune", "indicators_village"}
    for kind in versions:
        assert store.current(kind, "imported") is None
        assert store.source_in_use(kind) == "demo"
    history = store.history()
    assert set(history["source"]) == {"demo"}
    assert all("Dữ liệu minh họa" in name for name in history["file_name"])
    assert store.current("villages", "demo")["village"].iloc[0] == "Thôn minh họa 1"


def test_command(tmp_path):
    run = subprocess.run([sys.executable, "-m", "geo.demo", "--seed", "5", "--data-dir", str(tmp_path),
                          "--no-coordinates"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "Dữ liệu minh họa" in run.stdout and "644 dòng" in run.stdout
    assert "2026-2030" in run.stdout and "385 dòng" in run.stdout
    store = Store.default(tmp_path)
    assert len(store.current("categories", "demo")) == 199
    assert len(store.current("categories", "demo", "2026-2030")) == 65


# --- 2026-2030: the 65 units of 1 July 2025 (NQ 1672/NQ-UBTVQH15) and the province's decision of 29/01/2026:
# 385 extremely disadvantaged villages, none in 16 named units (../shared/DOMAIN.md).
UNITS_WITHOUT_VILLAGES = {
    "Phường Đông Kinh", "Phường Kỳ Lừa", "Phường Lương Văn Tri", "Phường Tam Thanh", "Xã Bình Gia", "Xã Đồng Đăng",
    "Xã Chi Lăng", "Xã Bằng Mạc", "Xã Ba Sơn", "Xã Châu Sơn", "Xã Đình Lập", "Xã Thái Bình", "Xã Hữu Lũng",
    "Xã Cai Kinh", "Xã Tân Thành", "Xã Tuấn Sơn"}
PERIODS = ("2021-2025", "2026-2030")
KINDS = ("categories", "villages", "indicators_commune", "indicators_village")


@pytest.fixture(scope="module")
def crosswalk(shared_dir):
    return read_crosswalk(shared_dir / "langson_merger_2025.csv")


@pytest.fixture(scope="module")
def new_units(crosswalk):
    """Name by code of the 65 units, as the crosswalk gives them."""
    return crosswalk.drop_duplicates("new_code").set_index("new_code")["new_commune"]


@pytest.fixture(scope="module")
def new_demo(demo, crosswalk):
    return generate_new_period_demo(demo, crosswalk, seed=7)


def test_one_call_stores_both_periods_as_demo(tmp_path, reference, crosswalk):
    store = Store(tmp_path / "db.sqlite")
    versions = store_demo(store, reference, seed=7, crosswalk=crosswalk, by=EDITOR)
    assert set(versions) == set(PERIODS) and all(set(versions[p]) == set(KINDS) for p in PERIODS)
    for period in PERIODS:
        for kind in KINDS:
            assert store.current(kind, "imported", period) is None
            assert store.source_in_use(kind, period) == "demo"
            assert set(store.current(kind, "demo", period)[LABEL_COLUMN]) == {"Dữ liệu minh họa"}
    history = store.history()
    assert set(history["source"]) == {"demo"} and history.groupby("period").size().to_dict() == {p: 4 for p in PERIODS}
    assert len(store.current("categories", "demo", "2026-2030")) == 65
    assert len(store.current("villages", "demo", "2026-2030")) == 385
    assert default_period(store) == "2026-2030"  # the demo opens on the current period


def test_demo_versions_are_named_without_a_number_read_as_a_year(tmp_path, reference, crosswalk):
    """The default seed is 2021: a history row "… 2021" beside a 2026-2030 set reads as the wrong period."""
    store = Store(tmp_path / "db.sqlite")
    store_demo(store, reference, crosswalk=crosswalk, by=EDITOR)  # the default seed, as the page's button uses it
    names = set(store.history()["file_name"])
    assert names == {"Dữ liệu minh họa (tạo tự động)"}
    assert not any(re.search(r"\d", name) for name in names)


def test_the_2021_part_is_the_2021_demo(tmp_path, reference, crosswalk, demo):
    store = Store(tmp_path / "db.sqlite")
    store_demo(store, reference, seed=7, crosswalk=crosswalk, by=EDITOR)
    for kind in KINDS:
        pd.testing.assert_frame_equal(store.current(kind, "demo", "2021-2025"), demo[kind])


def test_new_period_categories_on_the_65_units(new_demo, new_units):
    cats = new_demo["categories"]
    assert len(cats) == 65 and cats["gso_code"].is_unique
    assert set(cats["gso_code"]) == set(new_units.index)
    assert (cats["commune"] == cats["gso_code"].map(new_units)).all()
    assert set(cats["area_category"]) == {"I", "II", "III"}  # every category is shown by the demo map
    assert not cats[cats["commune"].isin(UNITS_WITHOUT_VILLAGES)]["area_category"].isin(["II", "III"]).any()
    assert list(cats.columns) == CATEGORY_COLUMNS + [LABEL_COLUMN]


def test_new_period_villages_385_none_in_the_16_units(new_demo, new_units):
    villages = new_demo["villages"]
    assert len(villages) == 385
    assert set(villages["gso_code"]) <= set(new_units.index)
    assert (villages["commune"] == villages["gso_code"].map(new_units)).all()
    assert set(new_units[new_units.isin(UNITS_WITHOUT_VILLAGES)].index) == \
        set(new_units.index) - set(villages["gso_code"])  # the 16 have none, the other 49 at least one
    assert all(re.fullmatch(r"Thôn minh họa \d+", name) for name in villages["village"])
    assert villages["village"].is_unique
    assert list(villages.columns) == VILLAGE_COLUMNS + [LABEL_COLUMN]
    counts = new_demo["indicators_commune"].query("indicator == 'extremely_disadvantaged'").set_index("gso_code")
    assert counts["value"].sum() == 385
    assert (counts["value"] == counts.index.map(villages.groupby("gso_code").size()).fillna(0)).all()


def test_new_period_villages_carry_over_from_their_old_communes(demo, new_demo, crosswalk):
    """A demo village kept in 2026-2030 is in the unit that took its old commune whole."""
    whole = crosswalk[crosswalk["whole_or_part"] == "whole"].set_index("old_gso_code_2021")["new_code"]
    old = demo["villages"].set_index("village")["gso_code"]
    kept = new_demo["villages"][new_demo["villages"]["village"].isin(old.index)]
    assert len(kept) > 200  # most of the list carries over, as the two periods are related
    assert (kept["village"].map(old).map(whole) == kept["gso_code"]).all()
    added = new_demo["villages"][~new_demo["villages"]["village"].isin(old.index)]
    assert all(int(name.rsplit(" ", 1)[1]) > 644 for name in added["village"])  # never reuse a 2021 name


def test_new_period_values_same_indicators_in_range_and_follow_the_category(demo, new_demo):
    for kind in ("indicators_commune", "indicators_village"):
        frame = new_demo[kind]
        assert set(frame["indicator"]) == set(demo[kind]["indicator"])
        assert list(frame.columns) == list(demo[kind].columns)
        for ind_id, group in frame.groupby("indicator"):
            low, high = INDICATORS[ind_id].value_range
            assert group["value"].between(low, high).all(), ind_id
    commune = new_demo["indicators_commune"].merge(new_demo["categories"][["gso_code", "area_category"]])
    assert set(commune["gso_code"]) == set(new_demo["categories"]["gso_code"])
    means = commune.groupby(["indicator", "area_category"])["value"].mean()
    assert means["vocational_training"]["I"] > means["vocational_training"]["III"]
    assert means["underweight_children"]["I"] < means["underweight_children"]["III"]


def test_new_period_villages_placed_inside_their_unit(reference, shared_dir, crosswalk):
    import shapely

    communes = read_communes(shared_dir / "langson_communes_2021.geojson", reference.commune_list)
    old = generate_demo(reference, seed=3, communes=communes)
    villages = generate_new_period_demo(old, crosswalk, seed=3, communes=communes)["villages"]
    assert villages[["lon", "lat"]].notna().all().all()
    whole = crosswalk[crosswalk["whole_or_part"] == "whole"].groupby("new_code")["old_gso_code_2021"].agg(list)
    polygons = communes.set_index("gso_code").geometry
    for row in villages.itertuples():
        assert shapely.union_all(polygons[whole[row.gso_code]].values).contains(shapely.Point(row.lon, row.lat))


def test_new_period_reproducible(reference, crosswalk, demo, new_demo, tmp_path):
    again = generate_new_period_demo(generate_demo(reference, seed=7), crosswalk, seed=7)
    for kind in KINDS:
        pd.testing.assert_frame_equal(new_demo[kind], again[kind])
    first, second = Store(tmp_path / "a.sqlite"), Store(tmp_path / "b.sqlite")
    for store in (first, second):
        store_demo(store, reference, seed=7, crosswalk=crosswalk, by=EDITOR)
    for period in PERIODS:
        for kind in KINDS:
            pd.testing.assert_frame_equal(first.current(kind, "demo", period), second.current(kind, "demo", period))
    other = generate_new_period_demo(generate_demo(reference, seed=8), crosswalk, seed=8)
    assert not other["villages"]["village"].equals(new_demo["villages"]["village"])


def test_both_periods_are_fast(tmp_path, reference, crosswalk):
    import time

    started = time.perf_counter()
    store_demo(Store(tmp_path / "db.sqlite"), reference, crosswalk=crosswalk, by=EDITOR)
    assert time.perf_counter() - started < 2.0

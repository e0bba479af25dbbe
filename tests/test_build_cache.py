"""The prepared map data kept on disk: built once per data set and program, rebuilt when anything changes."""

import pytest

from layers import build_cache
from layers.prepared import prepare
from layers.web import geometry_file


@pytest.fixture(scope="module")
def built(shared_dir):
    return prepare({"LANGSON_GEODATA_DIR": str(shared_dir)})


def counting(data):
    calls = []

    def build():
        calls.append(1)
        return data
    return build, calls


def test_the_second_start_reads_what_the_first_built(built, tmp_path):
    build, calls = counting(built)
    first = build_cache.load_or_build(("files", 1), "2021-2025", build, tmp_path, version="v1")
    again = build_cache.load_or_build(("files", 1), "2021-2025", build, tmp_path, version="v1")
    assert calls == [1] and first is built and again is not built  # read back from the file
    assert len(again.communes) == 200 and again.layers.units_url == built.layers.units_url
    assert again.layers.commune_labels == built.layers.commune_labels


@pytest.mark.parametrize("changed", [dict(fingerprint=("files", 2)), dict(period="2026-2030"), dict(version="v2")])
def test_a_changed_file_period_or_program_is_built_anew(built, tmp_path, changed):
    build, calls = counting(built)
    build_cache.load_or_build(("files", 1), "2021-2025", build, tmp_path, version="v1")
    key = {"fingerprint": ("files", 1), "period": "2021-2025", "version": "v1", **changed}
    build_cache.load_or_build(key["fingerprint"], key["period"], build, tmp_path, version=key["version"])
    assert calls == [1, 1]


def test_a_damaged_cache_file_is_rebuilt_not_trusted(built, tmp_path):
    build, calls = counting(built)
    path = build_cache.cache_path(tmp_path, ("files", 1), "2021-2025", "v1")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle, half a file")
    assert build_cache.load_or_build(("files", 1), "2021-2025", build, tmp_path, version="v1") is built
    assert calls == [1]


def test_a_lost_geometry_file_is_published_again(built, tmp_path):
    build, _ = counting(built)
    build_cache.load_or_build(("files", 1), "2021-2025", build, tmp_path, version="v1")
    served = geometry_file.STATIC_DIR / geometry_file.FOLDER / built.layers.units_url.rsplit("/", 1)[1]
    served.unlink()  # a fresh checkout, or the static folder cleaned
    again = build_cache.load_or_build(("files", 1), "2021-2025", build, tmp_path, version="v1")
    assert served.is_file() and again.layers.units_url == built.layers.units_url


def test_a_cache_that_cannot_be_written_only_costs_time(built, tmp_path):
    (tmp_path / build_cache.FOLDER).write_text("a file where the folder should be")
    build, calls = counting(built)
    assert build_cache.load_or_build(("files", 1), "2021-2025", build, tmp_path, version="v1") is built
    assert build_cache.load_or_build(("files", 1), "2021-2025", build, tmp_path, version="v1") is built
    assert calls == [1, 1]


def test_the_program_version_follows_the_code(tmp_path, monkeypatch):
    for package in ("geo", "layers"):
        (tmp_path / package).mkdir()
        (tmp_path / package / "a.py").write_text("x = 1\n")
    monkeypatch.setattr(build_cache, "REPO_ROOT", tmp_path)
    before = build_cache.program_version()
    assert build_cache.program_version() == before
    (tmp_path / "layers" / "a.py").write_text("x = 2\n")  # an update of the program
    assert build_cache.program_version() != before


def test_the_build_step_prepares_both_periods_and_a_data_problem_does_not_stop_the_start(shared_dir, tmp_path,
                                                                                        monkeypatch):
    from layers import build

    monkeypatch.setenv("LANGSON_GEODATA_DIR", str(shared_dir))
    monkeypatch.setenv("LANGSON_DATA_DIR", str(tmp_path / "var"))
    assert build.main() == 0
    assert len(list((tmp_path / "var" / build_cache.FOLDER).glob("mapdata-*.pickle"))) == 2  # 2026-2030, 2021-2025
    empty = tmp_path / "no_data"
    empty.mkdir()
    monkeypatch.setenv("LANGSON_GEODATA_DIR", str(empty))
    monkeypatch.setattr("geo.datadir.candidate_dirs", lambda env=None: [empty])  # not even the public data set
    assert build.main() == 0  # the page will say, in Vietnamese, which files are missing

"""Shared fixtures: the real public data in ../shared/geodata, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.editors import Editor

ROOT = Path(__file__).resolve().parent.parent  # on sys.path through pyproject's pytest `pythonpath`

SHARED = ROOT.parent / "shared" / "geodata"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    assert SHARED.is_dir(), f"the public data set is expected at {SHARED}"
    return SHARED


@pytest.fixture(scope="session")
def province(shared_dir):
    from geo.province import load_province
    return load_province({"LANGSON_GEODATA_DIR": str(shared_dir)})


@pytest.fixture(scope="session")
def commune_list(shared_dir):
    from geo.boundaries import read_commune_list
    return read_commune_list(shared_dir / "langson_commune_areas_2021.csv")


@pytest.fixture(scope="session")
def matcher(commune_list):
    from geo.boundaries import matcher_for
    return matcher_for(commune_list)


@pytest.fixture
def env(shared_dir, tmp_path, monkeypatch):
    """The app's environment for an AppTest: the real boundaries and an empty data folder (returned)."""
    monkeypatch.setenv("LANGSON_GEODATA_DIR", str(shared_dir))
    monkeypatch.setenv("LANGSON_DATA_DIR", str(tmp_path / "var"))
    return tmp_path / "var"


def open_map_page(period: str | None = "2021-2025", **params):
    """The map page as a user has it once the map is drawn, opened at ?period=`period` (None: no
    period in the URL, as a first visit from a bare address) and the link's other `params`.

    The first run sends the sidebar and the map only; in the browser the map's
    script then asks for a rerun (ui/first_paint.py), which sends the
    table and the rest. AppTest runs no JavaScript, so the second run is made here.
    """
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    if period:
        at.query_params["period"] = period
    at.query_params.update(params)
    for _ in range(2):
        at.run()
        assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture(scope="session")
def map_data_2021(shared_dir):
    """The 2021-2025 map data (boundaries, web layers, search labels) as the app prepares it; read-only."""
    from layers.prepared import prepare
    return prepare({"LANGSON_GEODATA_DIR": str(shared_dir)})


@pytest.fixture(scope="session")
def demo_programme(reference):
    """The demonstration data set of 2021-2025 (geo.demo), as the store would give it back."""
    from geo.demo import generate_demo
    from geo.programme import Programme
    from geo.vocabulary import DEMO
    frames = generate_demo(reference)
    return Programme(source=DEMO, categories=frames["categories"], villages=frames["villages"],
                     commune_indicators=frames["indicators_commune"], village_indicators=frames["indicators_village"])


@pytest.fixture(scope="session")
def reference(commune_list, matcher):
    """The real commune list and matcher, as the importers check files against them."""
    from geo.imports.reference import Reference
    return Reference(commune_list=commune_list, matcher=matcher)


@pytest.fixture(scope="session")
def reference_2026(shared_dir):
    """The 65 units of 1 July 2025 (from the crosswalk), as the importers check 2026-2030 files against them."""
    from geo.imports.reference import Reference
    return Reference.load({"LANGSON_GEODATA_DIR": str(shared_dir)}, period="2026-2030")


# Who the tests' direct writes to the store are recorded as (every change names an editor, geo/store.py).
EDITOR = Editor("kiemthu", "Người kiểm thử")


# --- what the map page hands its map (streamlit-folium's component arguments) -------------------------------

def map_args(at) -> dict:
    """The arguments of the page's one map component."""
    import json

    components = at.get("component_instance")
    assert len(components) == 1
    return json.loads(components[0].proto.json_args)


def map_geometry(args) -> dict:
    """The static geometry file the map's script fetches (layers/web/geometry_file.py), as the browser gets it."""
    import json
    import re

    from layers.web.assets import STATIC_DIR

    (name,) = re.findall(r"/app/static/geom/(units-[0-9a-f]+\.json)", args["script"])
    return json.loads((STATIC_DIR / "geom" / name).read_text(encoding="utf-8"))


def map_unit_codes(args) -> set[str]:
    return {f["properties"]["gso_code"] for f in map_geometry(args)["communes"]["features"]}


def _selection(args) -> dict:
    """What the filter's layer asks the map to show (templates/selection.js): chosen codes (None: all), top."""
    import json
    import re

    found = re.search(r"var wanted = \{chosen: (null|\[[^\]]*\]), top: (\[[^\]]*\])\}", args["feature_group"] or "")
    return {"chosen": json.loads(found.group(1)), "top": json.loads(found.group(2))} if found else \
        {"chosen": None, "top": []}


def chosen_codes(args) -> set[str]:
    """The units the filter picks out (washed in, outlined); empty when it picks all or none."""
    return set(_selection(args)["chosen"] or [])


def top_codes(args) -> list[str]:
    """The units outlined as the priority view's top N."""
    return _selection(args)["top"]

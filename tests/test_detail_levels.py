"""Two levels of detail for many units (issue 15): when, how simple, and what the overview carries."""

import json

import pytest
import shapely

from benchmarks.scale_data import VIET_NAM_BOX, build
from geo.webgeom import WEB_TOLERANCE_DEG
from layers.prepared import prepare
from layers.web import detail_levels, geometry_file
from layers.web.units import geometry_layers
from layers.web.viewport import view_for_bounds

LANG_SON_BOX = (106.09, 21.33, 107.37, 22.47)  # the province's outline, rounded outwards
N = detail_levels.FROM_UNITS + 100  # 8 copies of the province


def test_a_pixel_spans_the_world_over_256_times_two_to_the_zoom():
    assert detail_levels.overview_tolerance(0) == pytest.approx(detail_levels.PIXELS * 360 / 256)
    assert detail_levels.overview_tolerance(7) == pytest.approx(detail_levels.overview_tolerance(6) / 2)


def test_the_country_gets_an_overview_a_province_does_not():
    whole = view_for_bounds(VIET_NAM_BOX)[1]
    assert detail_levels.detail_from(10_000, VIET_NAM_BOX, WEB_TOLERANCE_DEG) == whole + detail_levels.DETAIL_STEPS
    assert detail_levels.detail_from(detail_levels.FROM_UNITS - 1, VIET_NAM_BOX, WEB_TOLERANCE_DEG) is None
    # many units in a province's box: it opens at a zoom where the web geometry is already as simple as can be
    assert detail_levels.detail_from(5000, LANG_SON_BOX, WEB_TOLERANCE_DEG) is None


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    folder = tmp_path_factory.mktemp("many")
    build(folder, N)
    return prepare({"LANGSON_GEODATA_DIR": str(folder)})


def test_the_overview_has_the_same_units_and_names_with_fewer_points(many):
    layers = many.layers
    assert layers.detail_from is not None and layers.overview_url and layers.units_url
    overview, detail = json.loads(layers.overview), layers.parts()
    codes = [f["properties"]["gso_code"] for f in overview["communes"]["features"]]
    assert codes == list(layers.unit_codes)  # the browser pairs the two levels by position
    assert overview["communes"]["features"][0]["properties"] == detail["communes"]["features"][0]["properties"]
    assert overview["commune_labels"] == detail["commune_labels"]
    assert overview["district_labels"] == detail["district_labels"]

    def points(part):
        return sum(shapely.get_num_coordinates(shapely.from_geojson(json.dumps(f)))
                   for f in overview[part]["features"]), sum(
            shapely.get_num_coordinates(shapely.from_geojson(json.dumps(f))) for f in detail[part]["features"])
    for part in ("communes", "districts", "province"):
        simpler, full = points(part)
        assert simpler < 0.8 * full, part
    assert geometry_file.all_published(layers)


def test_the_map_fetches_the_overview_first_and_a_written_map_carries_one_level(many):
    layers = many.layers
    fetched = geometry_layers(layers, {}, {}, url=layers.units_url)
    assert (fetched.url, fetched.detail_url, fetched.detail_from) == (
        layers.overview_url, layers.units_url, layers.detail_from)
    inline = geometry_layers(layers, {}, {})
    assert inline.url is None and inline.detail_url is None and inline.detail_from is None
    assert inline.geometry == layers.parts()  # the detail, whole

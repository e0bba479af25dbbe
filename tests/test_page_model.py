"""The map page as a pure function of the choices: selection, notices, and the key its map is shared under."""

import pytest

from geo.demo import generate_demo
from geo.programme import Programme, commune_table
from geo.vocabulary import DEMO, IMPORTED
from layers.page import Choices, map_page
from layers.prepared import prepare
from layers.thematic import ViewOptions


@pytest.fixture(scope="module")
def data(shared_dir):
    return prepare({"LANGSON_GEODATA_DIR": str(shared_dir)})


@pytest.fixture(scope="module")
def demo(data, reference):
    frames = generate_demo(reference)
    return Programme(source=DEMO, categories=frames["categories"], villages=frames["villages"],
                     commune_indicators=frames["indicators_commune"],
                     village_indicators=frames["indicators_village"])


def page(data, programme, **choices):
    return map_page(Choices(**{"source": programme.source, **choices}), data, programme,
                    commune_table(data.communes, programme))


def test_a_district_filter_selects_its_communes_and_says_so(data, demo):
    model = page(data, demo, districts=("Huyện Đình Lập",))
    assert len(model.selected) == 12
    assert "Đình Lập" in model.subtitle and "Đang chọn 12/200 xã" in model.caption


def test_demo_data_is_illustrative_except_on_the_administrative_map(data, demo):
    category = page(data, demo, options=ViewOptions(kind="category"))
    assert category.built.view.illustrative and ("warning", category.notices[0][1]) == category.notices[0]
    admin = page(data, demo)
    assert not admin.built.view.illustrative and admin.notices == ()


def test_nothing_selected_is_said(data, demo):
    model = page(data, demo, border_only=True, districts=("Huyện Hữu Lũng",))  # Hữu Lũng is inland
    assert model.selected == () and any("info" == level for level, _ in model.notices)


def test_the_map_key_changes_with_what_the_map_shows_and_only_with_it(data, demo):
    base = page(data, demo)
    assert page(data, demo).map_key == base.map_key
    for changed in (dict(osm=True), dict(large_labels=True), dict(districts=("Huyện Đình Lập",)),
                    dict(options=ViewOptions(kind="category")), dict(show_villages=False)):
        assert page(data, demo, **changed).map_key != base.map_key, changed
    empty = Programme(source=IMPORTED, categories=demo.categories.iloc[0:0], villages=demo.villages.iloc[0:0],
                      commune_indicators=demo.commune_indicators.iloc[0:0],
                      village_indicators=demo.village_indicators.iloc[0:0])
    # without villages the village switch draws nothing different
    assert page(data, empty, show_villages=False).map_key[2:] == page(data, empty).map_key[2:]

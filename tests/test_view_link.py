"""A view is a link (issue 13): the URL's parameters to and from the sidebar's choices, without Streamlit."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.indicators import INDICATORS
from geo.priority import Weights
from geo.programme import indicators_with_values
from layers.page import Choices, map_page
from layers.thematic import ViewOptions
from layers.view_link import PARAMS, completed, from_params, to_params

# The eleven districts of the GSO list (../shared/geodata/langson_districts.geojson), two of them enough here.
DISTRICTS = ["Huyện Văn Lãng", "Huyện Cao Lộc", "Thành phố Lạng Sơn"]
START = Choices(source="imported", period="2021-2025")
DEMO_START = Choices(source="demo", period="2021-2025")


def as_link(params: dict) -> dict[str, list[str]]:
    """What a browser sends: every value a list of strings."""
    return {name: value if isinstance(value, list) else [value] for name, value in params.items()}


def test_every_choice_survives_the_link():
    chosen = Choices(source="demo", period="2021-2025",
                     options=ViewOptions(kind="priority", weights=Weights(category=4.5, villages=0.0, gaps=2.5,
                                                                          border=5.0),
                                         ticked=("electricity_households", "road_commune_hardened"), top_n=7,
                                         year=2025),
                     districts=("Huyện Văn Lãng", "Huyện Cao Lộc"), categories=("III", "outside"), border_only=True,
                     border_source="sourced", score_range=(20.0, 80.0), query="gia mien", show_villages=False,
                     large_labels=True, osm=True, present=True)
    params = to_params(chosen)
    assert set(params) <= set(PARAMS)
    reading = from_params(as_link(params), START, DISTRICTS)
    assert reading.choices == chosen and reading.ignored == ()


def test_the_indicator_and_gap_views_survive_the_link():
    for options in (ViewOptions(kind="indicator", indicator_id="electricity_households", method="quantiles", k=4),
                    ViewOptions(kind="gap", indicator_id="road_commune_hardened", year=2030)):
        chosen = Choices(source="imported", period="2021-2025", options=options)
        assert from_params(as_link(to_params(chosen)), START, DISTRICTS).choices == chosen


def test_a_link_is_short_where_the_choices_are_at_their_start():
    params = to_params(Choices(source="imported", period="2026-2030"))
    assert params == {"period": "2026-2030", "source": "imported", "view": "admin"}


def test_no_indicator_ticked_is_written_and_read_as_a_choice():
    chosen = Choices(source="demo", period="2021-2025", options=ViewOptions(kind="priority", year=2025))
    params = to_params(chosen)
    assert params["ticked"] == [""]
    reading = from_params(as_link(params), START, DISTRICTS)
    assert reading.choices.options.ticked == () and "ticked" in reading.given


def test_unknown_and_malformed_parameters_are_left_out_and_named():
    link = as_link({"view": "bando", "k": "12", "weights": "category:9", "score": "10-5", "foo": "1",
                    "districts": ["van lang", "Huyện Không Có"], "categories": ["III", "IV"], "border": "yes",
                    "year": "2019", "present": "maybe", "source": "carried"})
    reading = from_params(link, START, DISTRICTS)
    assert set(reading.ignored) == {"view", "k", "weights", "foo", "districts", "categories", "border", "year",
                                    "present", "source"}
    choices = reading.choices
    assert choices.options == ViewOptions(kind="admin", year=2025) and choices.source == "imported"
    assert choices.districts == ("Huyện Văn Lãng",)  # the name matched without tone marks, the other left out
    assert choices.categories == ("III",) and not choices.border_only and not choices.present


def test_numbers_that_python_would_choke_on_are_left_out():
    """Review: "²" passes str.isdigit() and int() refuses it; int(inf) overflows: each crashed the page."""
    link = as_link({"view": "priority", "k": "²", "top": "²", "year": "²", "score": "0-inf", "weights": "gaps:nan",
                    "period": "2099"})
    reading = from_params(link, START, DISTRICTS)
    assert set(reading.ignored) == {"k", "top", "year", "score", "weights", "period"}
    assert from_params(as_link({"view": "priority", "score": "0-1e400"}), START, DISTRICTS).ignored == ("score",)


def test_a_score_range_is_read_only_for_the_priority_view_and_in_whole_points():
    assert from_params(as_link({"view": "priority", "score": "20-80"}), START, DISTRICTS).choices.score_range \
        == (20.0, 80.0)
    assert from_params(as_link({"view": "category", "score": "20-80"}), START, DISTRICTS).choices.score_range is None
    assert "score" in from_params(as_link({"view": "priority", "score": "20.5-80"}), START, DISTRICTS).ignored


def test_a_long_search_is_cut_and_the_2026_period_takes_no_2025_year():
    start_2026 = Choices(source="imported", period="2026-2030")
    reading = from_params(as_link({"q": "x" * 500, "view": "gap", "year": "2025"}), start_2026, [])
    assert len(reading.choices.query) == 100 and "year" in reading.ignored
    assert reading.choices.options.year == 2030


# --- any link draws a map: completed against the data, then the page model ---------------------------------

@pytest.fixture(scope="module")
def demo_page(map_data_2021, demo_programme):
    from geo.programme import commune_table
    return map_data_2021, demo_programme, commune_table(map_data_2021.communes, demo_programme)


def test_a_completed_link_holds_only_what_its_view_uses(demo_page):
    """Review: stray options (a year, k, top) made the first run's map key differ from the sidebar's, so the map
    was drawn twice; the sidebar builds each view's options with the others at their defaults."""
    data, _, table = demo_page
    link = as_link({"view": "category", "k": "4", "year": "2030", "top": "3", "indicator": "forest_cover"})
    reading = from_params(link, Choices(source="demo", period="2026-2030"), [])
    assert completed(reading, indicators_with_values(table)).options == ViewOptions(kind="category")


def test_a_view_named_without_its_indicator_takes_the_first_with_values(demo_page):
    data, programme, table = demo_page
    with_values = indicators_with_values(table)
    for link in ({"view": "indicator"}, {"view": "gap", "indicator": "bogus"}, {"view": "gap", "year": "2030"}):
        choices = completed(from_params(as_link(link), DEMO_START, data.district_names), with_values)
        assert choices.options.indicator_id in with_values
        assert INDICATORS[choices.options.indicator_id].target(choices.options.year) is not None \
            or choices.options.kind == "indicator"
    priority = completed(from_params(as_link({"view": "priority"}), DEMO_START, []), with_values)
    assert len(priority.options.ticked) == 3  # as the sidebar starts
    assert completed(from_params(as_link({"view": "indicator"}), DEMO_START, []), []).options.kind == "category"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(PARAMS + ("zoom", "")),
                       st.lists(st.one_of(st.sampled_from(["1", "0", "III", "priority", "gap", "indicator", "2030",
                                                           "category:5,border:0", "10-20", "van lang", ""]),
                                          st.text(max_size=12)), min_size=1, max_size=3)))
def test_any_link_opens_a_map_without_an_error(demo_page, link):
    data, programme, table = demo_page
    reading = from_params(link, DEMO_START, data.district_names)
    choices = completed(reading, indicators_with_values(table))
    map_page(choices, data, programme, table)  # raises on a choice it cannot draw


def test_a_link_asking_classes_at_targets_for_an_indicator_without_one_opens_natural_breaks():
    """?method=targets on the poverty rate (the Resolution sets a yearly fall, no level) drew nothing but an error:
    the link opens with the default classes instead."""
    start = Choices(source="demo", period="2021-2025")
    reading = from_params({"view": ["indicator"], "indicator": ["poor_household_rate"], "method": ["targets"]},
                          start, [])
    options = completed(reading, ["poor_household_rate", "electricity_households"]).options
    assert (options.indicator_id, options.method) == ("poor_household_rate", "natural_breaks")
    reading = from_params({"view": ["indicator"], "indicator": ["electricity_households"], "method": ["targets"]},
                          start, [])
    assert completed(reading, ["electricity_households"]).options.method == "targets"

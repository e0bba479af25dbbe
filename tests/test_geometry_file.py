"""The web geometry as a static, content-hashed file: written once per content, pruned, optional."""

import dataclasses
import gzip
import json

import pytest

from layers.prepared import prepare
from layers.web import geometry_file
from layers.web.geojson import serialised
from layers.web.units import CANVAS_FROM, geometry_layers


@pytest.fixture(scope="module")
def mapdata(shared_dir):
    return prepare({"LANGSON_GEODATA_DIR": str(shared_dir)})


def test_a_payload_is_written_once_under_the_hash_of_its_content(tmp_path):
    payload = {"communes": {"type": "FeatureCollection", "features": []}}
    url = geometry_file.publish(serialised(payload), tmp_path)
    name = url.rsplit("/", 1)[1]
    assert url == f"/app/static/geom/{name}" and name.startswith("units-")
    assert json.loads((tmp_path / "geom" / name).read_text(encoding="utf-8")) == payload
    # and packed beside it, which the browser fetches first (the server sends it as it is)
    assert json.loads(gzip.decompress((tmp_path / "geom" / f"{name}.gz").read_bytes())) == payload
    assert geometry_file.published(url, tmp_path)
    assert geometry_file.publish(serialised(dict(payload)), tmp_path) == url  # same content, same file
    changed = geometry_file.publish(serialised({"communes": {"type": "FeatureCollection", "features": [None]}}),
                                    tmp_path)
    assert changed != url and len(list((tmp_path / "geom").glob("units-*.json"))) == 2


def test_old_files_are_pruned_but_not_the_one_in_use(tmp_path):
    urls = [geometry_file.publish(serialised({"n": n}), tmp_path) for n in range(geometry_file.KEEP + 5)]
    kept = {p.name for p in (tmp_path / "geom").glob("units-*.json")}
    assert len(kept) == geometry_file.KEEP and urls[-1].rsplit("/", 1)[1] in kept
    packed = {p.name for p in (tmp_path / "geom").glob("units-*.json.gz")}
    assert packed == {f"{name}.gz" for name in kept}
    assert not list((tmp_path / "geom").glob(".units-*"))  # no temporary file left behind


def test_a_lost_packed_file_is_not_published_and_is_written_again(tmp_path):
    url = geometry_file.publish(b'{"n": 1}', tmp_path)
    packed = tmp_path / "geom" / (url.rsplit("/", 1)[1] + ".gz")
    packed.unlink()
    assert not geometry_file.published(url, tmp_path)
    assert geometry_file.publish(b'{"n": 1}', tmp_path) == url and gzip.decompress(packed.read_bytes()) == b'{"n": 1}'


def test_a_folder_that_cannot_be_written_means_inline_geometry_not_an_error(tmp_path):
    (tmp_path / "geom").write_text("a file where the folder should be")
    assert geometry_file.publish(b"{}", tmp_path) is None


def test_the_map_script_carries_colours_and_tooltip_lines_not_geometry(mapdata):
    codes = [f["properties"]["gso_code"] for f in mapdata.layers.communes["features"]]
    fills = {code: "#ffffff" if i % 2 else "#123456" for i, code in enumerate(codes[1:])}  # the first: no data
    details = {"05971": {"Khu vực": "Khu vực <I>"}, "05974": {"Số thôn": "3"}}
    fetched = geometry_layers(mapdata.layers, fills, details, url="/app/static/geom/units-x.json")
    assert fetched.geometry is None and fetched.url == "/app/static/geom/units-x.json"
    # the colours as a palette and one place in it per unit, in the geometry's order (-1: no colour)
    assert fetched.palette == ["#123456", "#ffffff"] and fetched.fill_index[:4] == [-1, 0, 1, 0]
    assert len(fetched.fill_index) == 200
    assert fetched.details == {"labels": ["Khu vực", "Số thôn"],  # every unit shows every label, "–" if none
                               "values": {"05971": ["Khu vực &lt;I&gt;", "–"], "05974": ["–", "3"]}}
    inline = geometry_layers(mapdata.layers, fills, {})
    assert inline.geometry == json.loads(mapdata.layers.geometry) and inline.details is None
    assert [o["key"] for o in inline.others] == ["districts", "province", "border"]  # 2021: no uncertain zones
    assert not inline.canvas  # a province's 200 units are SVG paths


def test_from_many_units_the_layer_draws_on_a_canvas(mapdata):
    codes = mapdata.layers.unit_codes
    many = (codes * (CANVAS_FROM // len(codes) + 1))[:CANVAS_FROM]
    assert geometry_layers(dataclasses.replace(mapdata.layers, unit_codes=many), {}, {}).canvas
    fewer = many[:CANVAS_FROM - 1]
    assert not geometry_layers(dataclasses.replace(mapdata.layers, unit_codes=fewer), {}, {}).canvas


def test_the_shapes_are_kept_as_one_json_text_in_the_units_order(mapdata):
    """As dicts the shapes took ~80 MB at 10,000 units; the text is what the browser fetches anyway."""
    parts = json.loads(mapdata.layers.geometry)
    assert [f["properties"]["gso_code"] for f in parts["communes"]["features"]] == list(mapdata.layers.unit_codes)
    assert len(mapdata.layers.unit_codes) == 200 and mapdata.layers.has_districts and not mapdata.layers.has_zones
    assert len(parts["district_labels"]) == 11 and len(parts["commune_labels"]) == 200
    assert mapdata.layers.overview is None and mapdata.layers.overview_url is None  # a province: one level

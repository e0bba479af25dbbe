"""Malformed sheets thrown at every importer: no crash, a clean problem list, no write."""

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.errors import DataError
from geo.imports import KINDS, import_file
from geo.imports.problems import ERROR, NOTE
from geo.store import Store
from tests.import_fixtures import csv_text, encode, reference, xlsx_bytes  # noqa: F401

ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạếềểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵ 0123456789,.;%-()\"'/"
TOKENS = ["Mã xã", "Huyện", "Xã", "Tên thôn", "Thôn", "Khu vực", "Chỉ tiêu", "Giá trị", "Năm", "Kinh độ", "Vĩ độ",
          "Tên đơn vị", "STT", "Khu vực III", "Khu vực II", "Khu vực I", "electricity_households",
          "road_village_hardened", "Thôn có nhà văn hóa đạt chuẩn", "Huyện Chi Lăng", "Xã Hòa Bình", "Xã Yên Thịnh",
          "Huyện Hữu Lũng", "Thành phố Lạng Sơn", "Tỉnh Lạng Sơn", "Tổng cộng", "KV III", "III", "I", "x", "có",
          "86%", "0,86", "1.234,5", "05971", "06400", "99999", "2024", "", "Thôn Thử"]

cells = st.one_of(
    st.none(),
    st.sampled_from(TOKENS),
    st.text(alphabet=ALPHABET, max_size=12),
    st.integers(min_value=-10**6, max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
)
rows = st.lists(st.lists(cells, max_size=7), max_size=14)
header = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=7)


@st.composite
def files(draw):
    sheet = draw(rows)
    if draw(st.booleans()):
        sheet = [draw(header)] + sheet
    fmt = draw(st.sampled_from(["xlsx", "utf-8", "utf-8-sig", "utf-16", "cp1258"]))
    if fmt == "xlsx":
        return "f.xlsx", xlsx_bytes({"Trang 1": sheet or [[]]})
    return "f.csv", encode(csv_text(sheet, draw(st.sampled_from([",", ";", "\t"]))), fmt)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return Store(tmp_path_factory.mktemp("prop") / "db.sqlite")


def _check(result, name, reference, store):
    assert result.file_name == name
    for problem in result.problems:
        assert problem.severity in (ERROR, NOTE)
        assert problem.message.startswith(f"Tệp {name}")
        assert problem.row is None or problem.row >= 1
    if result.ok:
        assert set(result.frame["gso_code"]) <= set(reference.commune_list["gso_code"])
        return
    before = len(store.history())
    if result.errors or result.frame.empty:
        with pytest.raises(DataError):
            store.save_result(result)
    assert len(store.history()) == before
    for kind in KINDS:
        assert store.current(kind, "imported") is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(KINDS), file=files())
def test_malformed_sheets(reference, store, kind, file):
    name, content = file
    _check(import_file(kind, content, name, reference), name, reference, store)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(KINDS), content=st.binary(max_size=300))
def test_random_bytes(reference, store, kind, content):
    result = import_file(kind, content, "rác.bin", reference)
    _check(result, "rác.bin", reference, store)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(min_size=1, max_size=200))
def test_broken_zip_is_unreadable(reference, content):
    result = import_file("categories", b"PK\x03\x04" + content, "hỏng.xlsx", reference)
    assert [p.code for p in result.problems] == ["unreadable_xlsx"]
    assert isinstance(result.frame, pd.DataFrame) and result.frame.empty

"""What an import changes against the data in use, and when it needs a second confirmation.

Communes are real (looked up in the official list); village names ("Thôn Thử 1"…) are
test placeholders, no real village is invented. The area categories given to the
communes below are a made-up split with the official totals 88/8/103 (the real
per-commune list of Quyết định 861/QĐ-TTg is not in the public data set).
"""

import math

import pandas as pd
import pytest

from geo.imports.changes import MAX_TABLE_ROWS, describe_changes
from geo.imports.places import village_key
from geo.indicators import INDICATORS, indicators_for_level
from tests.import_fixtures import code_of
from ui.import_tables import changes_table

COLS = ["Huyện", "Xã", "Số thôn trước", "Số thôn sau", "Thêm", "Bớt", "Đổi cách viết", "Đổi tọa độ"]
IDS = ["district", "commune", "villages_before", "villages_after", "added", "removed", "respelled", "moved"]


def shown(changes) -> pd.DataFrame:
    """The changes table as the import page shows it (Vietnamese headers)."""
    return changes_table(changes.table)


def villages(reference, names_by_code: list[tuple[str, str]]) -> pd.DataFrame:
    """A village frame as the importer builds it, from (gso_code, village name) pairs."""
    rows = [{"gso_code": code, "district": reference.district_of(code), "commune": reference.commune_of(code),
             "village": name, "village_key": village_key(name), "lon": math.nan, "lat": math.nan}
            for code, name in names_by_code]
    return pd.DataFrame(rows, columns=["gso_code", "district", "commune", "village", "village_key", "lon", "lat"])


def official_size_list(reference) -> list[tuple[str, str]]:
    """644 placeholder villages spread over the 199 area communes in list order (4 or 3 each)."""
    codes = reference.area_codes
    assert len(codes) == 199
    return [(codes[i % 199], f"Thôn Thử {i + 1}") for i in range(644)]


def test_644_replaced_by_2_needs_second_confirmation(reference):
    pairs = official_size_list(reference)
    current = villages(reference, pairs)
    # the new file keeps village 11 of Xã Đoàn Kết and brings one village the list did not have
    doan_ket = code_of(reference, "Xã Đoàn Kết", "Huyện Tràng Định")
    assert pairs[10] == (doan_ket, "Thôn Thử 11")
    new = villages(reference, [(doan_ket, "Thôn Thử 11"), (doan_ket, "Thôn Thử Mới")])
    changes = describe_changes("villages", new, current, reference)
    assert (changes.before, changes.after, changes.added, changes.removed, changes.changed, changes.unchanged) == (
        644, 2, 1, 643, 0, 1)
    assert changes.headline == "Thay 644 thôn đang dùng bằng 2 thôn: bớt 643, thêm 1, giữ nguyên 1."
    assert changes.warnings == [
        "Danh sách mới chỉ còn 2 thôn, ít hơn một nửa 644 thôn đang dùng.",
        "Tệp có 2 thôn, Quyết định 612/QĐ-UBDT có 644 thôn: chênh lệch hơn 10%.",
    ]
    assert changes.needs_second_confirmation and not changes.identical and not changes.first_import
    # every area commune loses villages: one row each, in the order of the official list
    assert list(changes.table.columns) == IDS  # stable ids; renamed only for display
    table = shown(changes)
    assert list(table.columns) == COLS and len(table) == 199 and changes.table_note == ""
    assert table["Xã"].iloc[0] == "Phường Hoàng Văn Thụ"
    row = table[table["Xã"] == "Xã Đoàn Kết"].iloc[0]
    # Đoàn Kết is the 11th area commune: villages 11, 210, 409, 608 of the list
    assert row.to_dict() == {"Huyện": "Huyện Tràng Định", "Xã": "Xã Đoàn Kết", "Số thôn trước": 4,
                             "Số thôn sau": 2, "Thêm": "Thôn Thử Mới",
                             "Bớt": "Thôn Thử 210, Thôn Thử 409, Thôn Thử 608", "Đổi cách viết": "",
                             "Đổi tọa độ": ""}


def test_none_of_the_old_villages_kept(reference):
    current = villages(reference, official_size_list(reference))
    code = code_of(reference, "Xã Hòa Bình", "Huyện Chi Lăng")
    new = villages(reference, [(code, "Thôn Thử A"), (code, "Thôn Thử B")])
    changes = describe_changes("villages", new, current, reference)
    assert changes.headline == "Thay 644 thôn đang dùng bằng 2 thôn: bớt 644, thêm 2, giữ nguyên 0."


@pytest.mark.parametrize("after, shrinks", [(322, False), (321, True)])
def test_shrink_warning_starts_below_half(reference, after, shrinks):
    pairs = official_size_list(reference)
    changes = describe_changes("villages", villages(reference, pairs[:after]), villages(reference, pairs),
                               reference)
    shrink = f"Danh sách mới chỉ còn {after} thôn, ít hơn một nửa 644 thôn đang dùng."
    assert (shrink in changes.warnings) is shrinks


def test_first_import(reference):
    new = villages(reference, official_size_list(reference))
    changes = describe_changes("villages", new, None, reference)
    assert changes.headline == "Chưa có dữ liệu: nhập mới 644 thôn."
    assert (changes.before, changes.after, changes.added, changes.removed) == (0, 644, 644, 0)
    assert changes.first_import and not changes.identical and changes.warnings == []
    assert not changes.needs_second_confirmation
    table = shown(changes)
    assert table["Số thôn trước"].eq(0).all() and table["Số thôn sau"].sum() == 644


def test_identical_against_an_older_stored_version(reference):
    new = villages(reference, official_size_list(reference))
    # versions stored before district, commune, keys and coordinates were kept
    current = new[["gso_code", "village"]].copy()
    changes = describe_changes("villages", new, current, reference)
    assert changes.identical and changes.warnings == [] and changes.table.empty
    assert (changes.unchanged, changes.added, changes.removed, changes.changed) == (644, 0, 0, 0)
    assert changes.headline == "Không có gì thay đổi: tệp trùng khớp với dữ liệu đang dùng (644 thôn)."


def test_spelling_change_is_kept_but_reported(reference):
    pairs = official_size_list(reference)
    code = pairs[5][0]
    current = villages(reference, pairs[:5] + [(code, "Thôn Thử Hoà")] + pairs[6:])
    new = villages(reference, pairs[:5] + [(code, "thôn thử hòa")] + pairs[6:])
    changes = describe_changes("villages", new, current, reference)
    assert (changes.added, changes.removed, changes.changed, changes.unchanged, changes.respelled) == (
        0, 0, 0, 644, 1)
    assert not changes.identical  # the new spelling is worth a version
    assert changes.headline == ("Thay 644 thôn đang dùng bằng 644 thôn: bớt 0, thêm 0, giữ nguyên 644. "
                                "Có 1 thôn đổi cách viết tên.")
    assert len(changes.table) == 1
    row = shown(changes).iloc[0]
    assert row["Xã"] == reference.commune_of(code)
    assert (row["Số thôn trước"], row["Số thôn sau"]) == (4, 4)
    assert row["Đổi cách viết"] == "Thôn Thử Hoà → thôn thử hòa" and row["Thêm"] == row["Bớt"] == ""


def test_new_coordinates_count_as_changed(reference):
    pairs = official_size_list(reference)
    current = villages(reference, pairs)
    new = current.copy()
    new.loc[7, ["lon", "lat"]] = [106.6, 21.7]
    changes = describe_changes("villages", new, current, reference)
    assert (changes.changed, changes.unchanged) == (1, 643)
    assert changes.headline == ("Thay 644 thôn đang dùng bằng 644 thôn: bớt 0, thêm 0, giữ nguyên 643. "
                                "Đổi tọa độ 1 thôn.")
    assert shown(changes)["Đổi tọa độ"].tolist() == ["Thôn Thử 8"]


@pytest.mark.parametrize("count, far", [(580, False), (579, True), (708, False), (709, True)])
def test_village_total_far_from_official(reference, count, far):
    # 10 % of 644 is 64.4: 580 and 708 are within it, 579 and 709 are not
    codes = reference.area_codes
    new = villages(reference, [(codes[i % 199], f"Thôn Thử {i + 1}") for i in range(count)])
    changes = describe_changes("villages", new, None, reference)
    warning = f"Tệp có {count} thôn, Quyết định 612/QĐ-UBDT có 644 thôn: chênh lệch hơn 10%."
    assert changes.warnings == ([warning] if far else [])


def category_frame(reference, codes_and_categories) -> pd.DataFrame:
    return pd.DataFrame([{"gso_code": c, "district": reference.district_of(c), "commune": reference.commune_of(c),
                          "area_category": k} for c, k in codes_and_categories],
                        columns=["gso_code", "district", "commune", "area_category"])


def official_categories(reference) -> list[tuple[str, str]]:
    """A made-up split of the 199 area communes with the official totals: 88 III, 8 II, 103 I."""
    codes = reference.area_codes
    return [(code, "III" if i < 88 else "II" if i < 96 else "I") for i, code in enumerate(codes)]


def test_categories_change_one_commune(reference):
    current_pairs = official_categories(reference)
    code = code_of(reference, "Xã Hòa Bình", "Huyện Bình Gia")
    new_pairs = [(c, "I" if c == code else k) for c, k in current_pairs]
    assert dict(current_pairs)[code] == "III"  # the 43rd area commune
    changes = describe_changes("categories", category_frame(reference, new_pairs),
                               category_frame(reference, current_pairs)[["gso_code", "area_category"]], reference)
    assert changes.headline == "Thay khu vực của 199 xã bằng 199 xã: đổi khu vực 1 xã, thêm 0, bớt 0."
    assert changes.warnings == []  # III 87 of 88, I 104 of 103: within 10 %
    assert shown(changes).to_dict("records") == [{
        "Huyện": "Huyện Bình Gia", "Xã": "Xã Hòa Bình", "Khu vực trước": "III", "Khu vực sau": "I",
        "Thay đổi": "Đổi khu vực"}]


def test_categories_far_from_official(reference):
    current_pairs = official_categories(reference)
    # the first 150 communes only, three of them moved from III to II
    new_pairs = [(c, "II" if i < 3 else k) for i, (c, k) in enumerate(current_pairs[:150])]
    changes = describe_changes("categories", category_frame(reference, new_pairs),
                               category_frame(reference, current_pairs), reference)
    assert changes.headline == "Thay khu vực của 199 xã bằng 150 xã: đổi khu vực 3 xã, thêm 0, bớt 49."
    assert (changes.changed, changes.added, changes.removed, changes.unchanged) == (3, 0, 49, 147)
    # III: 85 of 88 is within 10 %; II: 11 of 8 and I: 54 of 103 are not
    assert changes.warnings == [
        "Tệp chỉ có khu vực của 150 xã, chưa đến 90% trong 199 xã thuộc vùng đồng bào dân tộc thiểu số và miền núi.",
        "Khu vực II: tệp có 11 xã, Quyết định 861/QĐ-TTg có 8 xã: chênh lệch hơn 10%.",
        "Khu vực I: tệp có 54 xã, Quyết định 861/QĐ-TTg có 103 xã: chênh lệch hơn 10%.",
    ]
    assert changes.needs_second_confirmation
    assert shown(changes)["Thay đổi"].value_counts().to_dict() == {"Bớt": 49, "Đổi khu vực": 3}
    first = shown(changes).iloc[0]
    assert (first["Xã"], first["Khu vực trước"], first["Khu vực sau"]) == ("Phường Hoàng Văn Thụ", "III", "II")
    assert shown(changes).iloc[-1]["Khu vực sau"] == "–"


def value_frame(reference, rows, village_level=False) -> pd.DataFrame:
    """Indicator values as the importer builds them: (code, [village,] indicator, value, year)."""
    records = []
    for row in rows:
        code, rest = row[0], row[1:]
        record = {"gso_code": code, "district": reference.district_of(code), "commune": reference.commune_of(code)}
        if village_level:
            record.update({"village": rest[0], "village_key": village_key(rest[0])})
            rest = rest[1:]
        record.update({"indicator": rest[0], "value": float(rest[1]), "year": rest[2]})
        records.append(record)
    frame = pd.DataFrame(records)
    frame["year"] = frame["year"].astype("Int64")
    return frame


def test_indicator_values_old_to_new(reference):
    chi_lang = code_of(reference, "Xã Hòa Bình", "Huyện Chi Lăng")
    van_quan = code_of(reference, "Xã Hòa Bình", "Huyện Văn Quan")
    current = value_frame(reference, [
        (chi_lang, "electricity_households", 45.5, 2024),
        (chi_lang, "new_rural_standard", 0, 2024),
        (chi_lang, "temporary_houses", 12, None),
        (van_quan, "electricity_households", 98.31, 2024),
        (van_quan, "temporary_houses", 3, 2024)])
    new = value_frame(reference, [
        (chi_lang, "electricity_households", 50, 2024),
        (chi_lang, "new_rural_standard", 1, 2024),
        (chi_lang, "temporary_houses", 12 + 1e-12, None),  # within the 1e-9 tolerance
        (van_quan, "electricity_households", 98.31, 2024),
        (van_quan, "temporary_houses", 4, 2023)])
    changes = describe_changes("indicators_commune", new, current, reference)
    assert (changes.before, changes.after, changes.changed, changes.added, changes.removed, changes.unchanged) == (
        5, 5, 2, 1, 1, 2)
    assert changes.headline == "Thay 5 giá trị bằng 5: đổi 2, thêm 1, bớt 1, giữ nguyên 2."
    assert changes.warnings == []
    label = {i: INDICATORS[i].label for i in ("electricity_households", "new_rural_standard", "temporary_houses")}
    # Văn Quan comes before Chi Lăng in the official list
    assert shown(changes).to_dict("records") == [
        {"Huyện": "Huyện Văn Quan", "Xã": "Xã Hòa Bình", "Chỉ tiêu": label["temporary_houses"], "Năm": "2023",
         "Giá trị cũ → mới": "– → 4", "Thay đổi": "Thêm"},
        {"Huyện": "Huyện Văn Quan", "Xã": "Xã Hòa Bình", "Chỉ tiêu": label["temporary_houses"], "Năm": "2024",
         "Giá trị cũ → mới": "3 → –", "Thay đổi": "Bớt"},
        {"Huyện": "Huyện Chi Lăng", "Xã": "Xã Hòa Bình", "Chỉ tiêu": label["electricity_households"],
         "Năm": "2024", "Giá trị cũ → mới": "45,5 → 50", "Thay đổi": "Đổi giá trị"},
        {"Huyện": "Huyện Chi Lăng", "Xã": "Xã Hòa Bình", "Chỉ tiêu": label["new_rural_standard"], "Năm": "2024",
         "Giá trị cũ → mới": "Không → Có", "Thay đổi": "Đổi giá trị"},
    ]


def test_village_values_and_respelled_village(reference):
    code = code_of(reference, "Xã Hòa Bình", "Huyện Chi Lăng")
    current = value_frame(reference, [(code, "Thôn Thử Hoà", "road_village_hardened", 0, 2024),
                                      (code, "Thôn Thử Bể", "road_village_hardened", 1, 2024)], village_level=True)
    new = value_frame(reference, [(code, "Thôn Thử Hòa", "road_village_hardened", 1, 2024),
                                  (code, "Thôn Thử Bể", "road_village_hardened", 1, 2024)], village_level=True)
    changes = describe_changes("indicators_village", new, current, reference)
    assert changes.headline == ("Thay 2 giá trị bằng 2: đổi 1, thêm 0, bớt 0, giữ nguyên 1. "
                                "Có 1 thôn đổi cách viết tên.")
    assert shown(changes).to_dict("records") == [{
        "Huyện": "Huyện Chi Lăng", "Xã": "Xã Hòa Bình", "Thôn": "Thôn Thử Hòa",
        "Chỉ tiêu": INDICATORS["road_village_hardened"].label, "Năm": "2024", "Giá trị cũ → mới": "Không → Có",
        "Thay đổi": "Đổi giá trị"}]


def province_values(codes, ids, value) -> list[tuple]:
    return [(code, ind, value(i), 2024) for i, code in enumerate(codes) for ind in ids]


def test_thousands_of_values_with_thousands_dots(reference):
    ids = [ind.id for ind in indicators_for_level("commune")][:15]
    assert len(ids) == 15
    area = reference.area_codes
    everyone = list(reference.commune_list["gso_code"])  # 200 communes, Yên Thịnh included
    current = value_frame(reference, province_values(area, ids, lambda i: 1))
    # the first 8 area communes get new values for all 15 indicators: 120 changes; Yên Thịnh is new
    position = {code: i for i, code in enumerate(area)}
    new = value_frame(reference, province_values(everyone, ids,
                                                 lambda i: 0 if position.get(everyone[i], 99) < 8 else 1))
    changes = describe_changes("indicators_commune", new, current, reference)
    assert changes.headline == "Thay 2.985 giá trị bằng 3.000: đổi 120, thêm 15, bớt 0, giữ nguyên 2.865."
    assert len(changes.table) == 135 and changes.hidden_rows == 0 and changes.warnings == []
    table = shown(changes)
    yen_thinh = table[table["Thay đổi"] == "Thêm"]
    assert set(yen_thinh["Xã"]) == {"Xã Yên Thịnh"} and len(yen_thinh) == 15


def test_table_is_bounded(reference):
    ids = [ind.id for ind in indicators_for_level("commune")][:15]
    new = value_frame(reference, province_values(list(reference.commune_list["gso_code"]), ids, lambda i: 1))
    changes = describe_changes("indicators_commune", new, None, reference)
    assert changes.headline == "Chưa có dữ liệu: nhập mới 3.000 giá trị."
    assert len(changes.table) == MAX_TABLE_ROWS == 500 and changes.hidden_rows == 2500
    assert changes.table_note == "Bảng chỉ hiện 500 dòng đầu; còn 2.500 dòng nữa không hiện."
    assert changes.added == 3000 and changes.warnings == []


def test_unknown_kind_is_refused(reference):
    with pytest.raises(ValueError):
        describe_changes("boundaries", pd.DataFrame(), None, reference)

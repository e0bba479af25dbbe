"""Imports of 2026-2030 on the 65 units of 1 July 2025, and files given for the wrong period.

The 65 units, their two codes and their old communes are read in the test from the official
crosswalk (../shared/geodata/langson_merger_2025.csv), never from the code under test. The
categories, villages and indicator values in these files are TEST VALUES: the real 2026-2030
lists are not public. Village names are placeholders ("Thôn Thử …"). The 385 villages and the
16 units without any are the province's decision of 29/01/2026 (DOMAIN.md, LISTS.md part A).
"""

import pandas as pd
import pytest

from geo.imports import import_file
from geo.imports.changes import describe_changes
from geo.imports.problems import ERROR, NOTE
from geo.indicators import INDICATORS, template_header
from geo.templates import template_for
from tests.import_fixtures import csv_text, encode, xlsx_bytes
from ui.import_tables import changes_table

# The five units whose code differs between CV 1027 and PyPI vietnam-provinces (LISTS.md part D).
DISPUTED = {"Xã Quốc Khánh": ("06004", "06016"), "Xã Na Sầm": ("06124", "06214"),
            "Xã Thiện Tân": ("06436", "06421"), "Xã Cao Lộc": ("06211", "06193"), "Xã Ba Sơn": ("06196", "06202")}
# DOMAIN.md: the 16 units the decision of 29/01/2026 gives no extremely disadvantaged village.
WITHOUT_VILLAGES = ["Phường Đông Kinh", "Phường Kỳ Lừa", "Phường Lương Văn Tri", "Phường Tam Thanh", "Xã Bình Gia",
                    "Xã Đồng Đăng", "Xã Chi Lăng", "Xã Bằng Mạc", "Xã Ba Sơn", "Xã Châu Sơn", "Xã Đình Lập",
                    "Xã Thái Bình", "Xã Hữu Lũng", "Xã Cai Kinh", "Xã Tân Thành", "Xã Tuấn Sơn"]
VILLAGES_2026 = 385
OLD_AREA = "langson_commune_areas_2021.csv"


@pytest.fixture(scope="module")
def units(shared_dir) -> pd.DataFrame:
    """code, alt_code, name of the 65 units, from the crosswalk file."""
    crosswalk = pd.read_csv(shared_dir / "langson_merger_2025.csv", dtype=str, keep_default_na=False)
    frame = crosswalk.drop_duplicates("new_code")[["new_code", "new_code_vietnam_provinces", "new_commune"]]
    return frame.set_axis(["code", "alt_code", "name"], axis=1).reset_index(drop=True)


@pytest.fixture(scope="module")
def old_communes(shared_dir) -> pd.DataFrame:
    """The 199 area communes of 2021 (Yên Thịnh, outside the area, left out), from the GSO list file."""
    frame = pd.read_csv(shared_dir / OLD_AREA, dtype=str, keep_default_na=False)
    frame["gso_code"] = frame["gso_code"].str.zfill(5)
    return frame[frame["commune"] != "Xã Yên Thịnh"].reset_index(drop=True)


def errors(result, code=None):
    return [p for p in result.problems if p.severity == ERROR and (code is None or p.code == code)]


def notes(result, code):
    return [p for p in result.problems if p.severity == NOTE and p.code == code]


def category_for(index: int) -> str:
    return ["III", "II", "I"][index % 3]


def categories_rows(units, use_alt_codes=True):
    """A tidy categories list of the 65 units; the disputed five under the other source's code."""
    rows = [["Mã xã", "Tên xã, phường", "Khu vực"]]
    for i, unit in units.iterrows():
        code = unit.alt_code if use_alt_codes and unit["name"] in DISPUTED else unit.code
        rows.append([code, unit["name"], category_for(i)])
    return rows


def village_annex(units, per_unit: dict[str, int], title="DANH SÁCH THÔN ĐẶC BIỆT KHÓ KHĂN NĂM 2026"):
    """An annex as pasted from the decision: title block, STT column, "(1) (2)" row, a unit heading per unit
    followed by its numbered villages, a total and a signature."""
    rows = [[title], ["(Kèm theo Quyết định số …/QĐ-UBND ngày 29/01/2026 của UBND tỉnh Lạng Sơn)"], [],
            ["STT", "Tên xã, phường, thôn", "Ghi chú"], ["(1)", "(2)", "(3)"]]
    number = 0
    for name, count in per_unit.items():
        number += 1
        rows.append([number, name, None])
        rows += [[f"{number}.{k}", f"Thôn Thử {number}-{k}", None] for k in range(1, count + 1)]
    rows += [[None, "Tổng cộng", sum(per_unit.values())], [], [None, "KT. CHỦ TỊCH", None]]
    return rows


def spread(units, total: int, without=WITHOUT_VILLAGES) -> dict[str, int]:
    """`total` test villages over the units not in `without`, one or more each."""
    names = [n for n in units["name"] if n not in without]
    base, extra = divmod(total, len(names))
    return {name: base + (1 if i < extra else 0) for i, name in enumerate(names)}


# --- 2026-2030 files of the shapes people make ------------------------------------------------------------
def test_categories_tidy_csv_in_windows_1258_with_the_other_codes_of_the_five(reference_2026, units):
    content = encode(csv_text(categories_rows(units)), "cp1258")
    result = import_file("categories", content, "khu_vuc_2026.csv", reference_2026)
    assert not errors(result), [p.message for p in result.errors]
    assert len(result.frame) == 65
    got = dict(zip(result.frame["gso_code"], result.frame["area_category"]))
    assert got == {unit.code: category_for(i) for i, unit in units.iterrows()}  # the CV 1027 codes
    for name, (official, _) in DISPUTED.items():
        assert result.frame.set_index("gso_code").at[official, "commune"] == name
    assert set(result.frame["district"]) == {""}
    # per-category counts of 2026-2030 are not public: the table says so instead of comparing
    summary = result.summary.set_index("item")
    assert set(summary["official"]) == {"chưa công bố"}
    assert not notes(result, "category_total") and not notes(result, "missing_communes")


def test_both_codes_of_each_disputed_unit_are_accepted_with_or_without_a_name(reference_2026):
    rows = [["Mã xã", "Xã", "Khu vực"]]
    for name, (official, other) in DISPUTED.items():
        rows += [[official, None, "I"], [other, name, "II"]]
    result = import_file("categories", xlsx_bytes({"KV": rows}), "kv.xlsx", reference_2026)
    duplicates = errors(result, "duplicate_row")
    assert len(duplicates) == 5 and len(errors(result)) == 5  # the same unit twice, nothing unknown
    assert sorted(result.frame["gso_code"]) == sorted(official for official, _ in DISPUTED.values())


def test_categories_annex_with_title_block_stt_and_spellings(reference_2026, units):
    """Names without prefix, in capitals, with the old tone placement; former districts as headings."""
    rows = [["ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"],
            ["DANH SÁCH XÃ, PHƯỜNG KHU VỰC III, II, I GIAI ĐOẠN 2026-2030"],
            [], ["STT", "Tên đơn vị hành chính", "Khu vực"], ["(1)", "(2)", "(3)"],
            ["I", "Huyện Tràng Định (cũ)", None],
            [1, "Xã Thất Khê", "III"], [2, "quý hoà", "II"], [3, "XÃ ĐOÀN KẾT", "I"],
            ["II", "Thành phố Lạng Sơn (cũ)", None],
            [4, "Phường Đông Kinh", "I"], [5, "P. Tam Thanh", "I"],
            [None, "Tổng cộng", None], [], [None, "Nơi nhận:", None]]
    result = import_file("categories", xlsx_bytes({"Phụ lục": rows}), "phu_luc_2026.xlsx", reference_2026)
    assert not errors(result), [p.message for p in result.errors]
    expected = {"Xã Thất Khê": "III", "Xã Quý Hòa": "II", "Xã Đoàn Kết": "I", "Phường Đông Kinh": "I",
                "Phường Tam Thanh": "I"}
    assert dict(zip(result.frame["commune"], result.frame["area_category"])) == expected
    code_of = dict(zip(units["name"], units["code"]))
    assert set(result.frame["gso_code"]) == {code_of[name] for name in expected}


def test_a_former_district_column_is_not_needed_nor_held_against_a_unit(reference_2026):
    rows = [["Huyện", "Xã", "Khu vực"], ["Huyện Cao Lộc", "Xã Thất Khê", "I"], ["", "Xã Bình Gia", "II"]]
    result = import_file("categories", csv_text(rows).encode(), "kv.csv", reference_2026)
    assert not errors(result), [p.message for p in result.errors]
    assert sorted(result.frame["commune"]) == ["Xã Bình Gia", "Xã Thất Khê"]


def test_messages_name_units_without_an_empty_district(reference_2026, units):
    code_of = dict(zip(units["name"], units["code"]))
    rows = [["Mã xã", "Xã", "Khu vực"], [code_of["Xã Thất Khê"], "Xã Bình Gia", "I"],
            [code_of["Xã Hữu Lũng"], None, "I"], [code_of["Xã Hữu Lũng"], None, "II"], [None, "Xã Hòa Bình", "I"]]
    result = import_file("categories", csv_text(rows).encode(), "kv.csv", reference_2026)
    mismatch, duplicate, unknown = (errors(result, c)[0] for c in ("code_name_mismatch", "duplicate_row",
                                                                   "unknown_commune"))
    that_khe = code_of["Xã Thất Khê"]
    assert f"mã xã {that_khe} là Xã Thất Khê, nhưng tên ghi trong tệp là «Xã Bình Gia»" in mismatch.message
    assert duplicate.message.endswith(": trùng với dòng 3: Xã Hữu Lũng.")
    assert "danh mục 65 xã, phường" in unknown.message  # Hòa Bình was an old commune, not a unit of 2026
    missing = notes(result, "missing_communes")[0].message
    assert "64 xã, phường chưa có khu vực" in missing and "Xã Thất Khê" in missing
    assert all("()" not in p.message and " ( " not in p.message for p in result.problems)


def test_villages_annex_of_385_checks_the_total_and_the_16_units(reference_2026, units):
    per_unit = spread(units, VILLAGES_2026)
    assert len(per_unit) == 49
    result = import_file("villages", xlsx_bytes({"Phụ lục": village_annex(units, per_unit)}), "thon_2026.xlsx",
                         reference_2026)
    assert not errors(result), [p.message for p in result.errors]
    assert len(result.frame) == VILLAGES_2026
    assert result.frame.groupby("commune").size().to_dict() == per_unit
    assert not notes(result, "village_total") and not notes(result, "units_without_villages")
    summary = result.summary.set_index("item")
    assert summary.loc["Thôn ĐBKK (tổng)", ["found", "official", "difference"]].tolist() == [385, 385, 0]
    assert summary.iloc[1][["found", "official"]].tolist() == [16, 16]
    assert not any("84 / 24 / 536" in p.message for p in result.problems)  # 2021-2025's split, not this period's


def test_villages_in_units_the_decision_gives_none_are_named(reference_2026, units):
    per_unit = spread(units, VILLAGES_2026)
    per_unit.update({"Phường Kỳ Lừa": 2, "Xã Ba Sơn": 1})  # test values: three villages too many
    rows = [["Mã xã", "Tên xã, phường", "Tên thôn"]]
    code_of = dict(zip(units["name"], units["code"]))
    for name, count in per_unit.items():
        rows += [[code_of[name], name, f"Thôn Thử {k}"] for k in range(count)]
    result = import_file("villages", encode(csv_text(rows), "utf-8-sig"), "thon.csv", reference_2026)
    assert not errors(result), [p.message for p in result.errors]
    (total,) = notes(result, "village_total")
    assert "tệp có 388" in total.message and "29/01/2026: 385" in total.message and "thừa 3" in total.message
    (named,) = notes(result, "units_without_villages")
    assert "2 xã, phường" in named.message
    assert "Phường Kỳ Lừa: 2" in named.message and "Xã Ba Sơn: 1" in named.message
    assert result.summary.iloc[1][["found", "official", "difference"]].tolist() == [14, 16, -2]


def test_village_list_far_from_385_needs_the_second_confirmation(reference_2026, units):
    rows = [["Mã xã", "Tên thôn"]] + [[units.code[1], f"Thôn Thử {k}"] for k in range(20)]
    result = import_file("villages", csv_text(rows).encode(), "thon.csv", reference_2026)
    changes = describe_changes("villages", result.frame, None, reference_2026)
    assert any("385 thôn" in w and "29/01/2026" in w for w in changes.warnings)
    assert "district" not in changes.table.columns  # the units alone, no empty district column


def test_categories_of_few_units_need_the_second_confirmation(reference_2026, units):
    rows = [["Mã xã", "Khu vực"]] + [[code, "III"] for code in units.code[:30]]
    result = import_file("categories", csv_text(rows).encode(), "kv.csv", reference_2026)
    changes = describe_changes("categories", result.frame, None, reference_2026)
    (warning,) = changes.warnings  # no per-category warning: those counts are not public
    assert "30 xã, phường" in warning and "65" in warning


def test_category_messages_count_the_units_of_2026_as_xa_phuong(reference_2026, units):
    """Not "nhập mới khu vực của 65 xã": the period's units are xã and phường."""
    rows = [["Mã xã", "Khu vực"]] + [[code, category_for(i)] for i, code in enumerate(units.code)]
    full = import_file("categories", csv_text(rows).encode(), "kv.csv", reference_2026)
    first = describe_changes("categories", full.frame, None, reference_2026)
    assert first.headline == f"Chưa có dữ liệu: nhập mới khu vực của {len(units)} xã, phường."
    few = import_file("categories", csv_text(rows[:21]).encode(), "kv_20.csv", reference_2026)
    shrink = describe_changes("categories", few.frame, full.frame, reference_2026)
    assert shrink.headline.startswith(f"Thay khu vực của {len(units)} xã, phường bằng 20 xã, phường: đổi khu vực 0 "
                                      "xã, phường")
    assert f"Danh sách mới chỉ còn 20 xã, phường, ít hơn một nửa {len(units)} xã, phường đang dùng." \
        in shrink.warnings
    assert changes_table(shrink.table, "2026-2030").columns[0] == "Xã, phường"
    assert full.summary["item"].tolist() == ["Xã, phường khu vực III", "Xã, phường khu vực II",
                                             "Xã, phường khu vực I"]


def test_commune_indicators_by_name_and_code(reference_2026, units):
    electricity = template_header(INDICATORS["electricity_households"], "commune")
    rows = [["Biểu tổng hợp chỉ tiêu năm 2026"], [],
            ["STT", "Mã xã", "Tên xã, phường", electricity],
            [1, None, "Xã Na Sầm", "97,5"], [2, DISPUTED["Xã Cao Lộc"][1], None, "98%"], [3, units.code[0], None, 99]]
    result = import_file("indicators_commune", xlsx_bytes({"Số liệu": rows}), "chi_tieu_2026.xlsx", reference_2026)
    assert not errors(result), [p.message for p in result.errors]
    got = dict(zip(result.frame["gso_code"], result.frame["value"]))
    assert got == {DISPUTED["Xã Na Sầm"][0]: 97.5, DISPUTED["Xã Cao Lộc"][0]: 98.0, units.code[0]: 99.0}


def test_village_indicators_under_unit_headings(reference_2026):
    house = template_header(INDICATORS["cultural_house_standard"])
    rows = [["STT", "Tên xã, thôn", house], ["1", "Xã Hoa Thám", None], ["", "Thôn Thử Một", "Có"],
            ["", "Thôn Thử Hai", "0"], ["2", "Phường Tam Thanh", None], ["", "Khối Thử", 1]]
    result = import_file("indicators_village", encode(csv_text(rows), "cp1258"), "thon_2026.csv", reference_2026)
    assert not errors(result), [p.message for p in result.errors]
    got = list(zip(result.frame["commune"], result.frame["village"], result.frame["value"]))
    assert got == [("Xã Hoa Thám", "Thôn Thử Một", 1.0), ("Xã Hoa Thám", "Thôn Thử Hai", 0.0),
                   ("Phường Tam Thanh", "Khối Thử", 1.0)]


# --- a file of the other period ------------------------------------------------------------------------------
def other_period_error(result) -> str:
    (problem,) = result.problems  # ONE error, instead of one per commune
    assert problem.severity == ERROR and problem.code == "other_period"
    assert result.frame.empty and not result.ok
    return problem.message


def old_annex(old_communes):
    """A 2021-2025 categories annex (QĐ 861 layout): district headings, numbered communes (test categories)."""
    rows = [["DANH SÁCH CÁC XÃ KHU VỰC III, KHU VỰC II, KHU VỰC I"], ["(Kèm theo Quyết định số 861/QĐ-TTg)"], [],
            ["STT", "Tên đơn vị", "Khu vực"]]
    for number, (district, group) in enumerate(old_communes.groupby("district", sort=False), start=1):
        rows.append([number, district.upper(), None])
        rows += [[k, name, category_for(k)] for k, name in enumerate(group["commune"], start=1)]
    return rows + [[None, "Tổng cộng", None]]


def test_a_2021_annex_given_for_2026_is_named_as_such(reference_2026, old_communes):
    result = import_file("categories", xlsx_bytes({"861": old_annex(old_communes)}), "861.xlsx", reference_2026)
    message = other_period_error(result)
    assert "giai đoạn 2021-2025, không phải giai đoạn 2026-2030" in message
    assert "199 trong 199 dòng ghi xã của tệp khớp danh mục 200 xã" in message
    assert "Hãy chọn giai đoạn «2021-2025»" in message


def test_a_2021_village_list_given_for_2026_is_named_as_such(reference_2026, old_communes):
    rows = [["Mã xã", "Huyện", "Xã", "Thôn"]] + [
        [c.gso_code, c.district, c.commune, f"Thôn Thử {i}"] for i, c in enumerate(old_communes.itertuples())]
    message = other_period_error(import_file("villages", csv_text(rows).encode(), "612.csv", reference_2026))
    assert "giai đoạn 2021-2025" in message and "199 trong 199" in message


def test_a_2026_list_given_for_2021_is_named_as_such(reference, units):
    result = import_file("categories", csv_text(categories_rows(units)).encode(), "kv_2026.csv", reference)
    message = other_period_error(result)
    assert "giai đoạn 2026-2030, không phải giai đoạn 2021-2025" in message
    assert "65 trong 65 dòng ghi xã của tệp khớp danh mục 65 xã, phường" in message


def test_a_2026_village_annex_of_names_given_for_2021_is_named_as_such(reference, units):
    """Names only: 59 of the 65 unit names are also old communes' names, yet the file is recognised."""
    annex = village_annex(units, spread(units, VILLAGES_2026))
    message = other_period_error(import_file("villages", xlsx_bytes({"PL": annex}), "thon.xlsx", reference))
    assert "giai đoạn 2026-2030" in message and "49 trong 49" in message


def test_a_2026_list_of_codes_only_given_for_2021_is_named_as_such(reference, units):
    """Every unit code is an old commune's code too: a file of codes alone resolves in 2021-2025."""
    rows = [["Mã xã", "Khu vực"]] + [[code, "I"] for code in units.code]
    message = other_period_error(import_file("categories", csv_text(rows).encode(), "kv.csv", reference))
    assert "giai đoạn 2026-2030" in message and "cả 65 mã xã" in message


@pytest.mark.parametrize("kind", ["categories", "indicators_commune"])
def test_an_untouched_template_of_the_other_period_is_named_as_such(reference, reference_2026, units, old_communes,
                                                                     kind):
    """Downloaded and uploaded with no value filled in: the rows naming units still tell the period, so the
    clerk first learns the file is the other period's (not that it has no values)."""
    old = import_file(kind, template_for(kind, reference), "mau_2021.xlsx", reference_2026)
    message = other_period_error(old)
    assert "giai đoạn 2021-2025, không phải giai đoạn 2026-2030" in message
    communes = len(old_communes) + 1  # the template lists Yên Thịnh too (outside the area)
    assert f"{communes} trong {communes} dòng ghi xã của tệp khớp danh mục 200 xã" in message
    new = import_file(kind, template_for(kind, reference_2026), "mau_2026.xlsx", reference)
    message = other_period_error(new)
    assert "giai đoạn 2026-2030, không phải giai đoạn 2021-2025" in message
    assert f"{len(units)} trong {len(units)} dòng ghi xã của tệp khớp danh mục 65 xã, phường" in message


def test_correct_files_of_both_periods_are_not_taken_for_the_other(reference, reference_2026, units, old_communes):
    old_rows = [["Huyện", "Xã", "Khu vực"]] + [[c.district, c.commune, "I"] for c in old_communes.itertuples()]
    old = import_file("categories", csv_text(old_rows).encode(), "kv_2021.csv", reference)
    assert not old.errors and len(old.frame) == 199
    new_rows = [["Tên xã, phường", "Khu vực"]] + [[name, "I"] for name in units["name"]]
    new = import_file("categories", csv_text(new_rows).encode(), "kv_2026.csv", reference_2026)
    assert not new.errors and len(new.frame) == 65
    # names that exist in both periods, each file correct in its own
    shared_old = [["Huyện", "Xã", "Khu vực"], ["Huyện Bình Gia", "Thị trấn Bình Gia", "I"],
                  ["Huyện Hữu Lũng", "Thị trấn Hữu Lũng", "II"], ["Huyện Chi Lăng", "Xã Chi Lăng", "III"]]
    assert not import_file("categories", csv_text(shared_old).encode(), "a.csv", reference).errors
    shared_new = [["Xã", "Khu vực"], ["Xã Bình Gia", "I"], ["Xã Hữu Lũng", "II"], ["Xã Chi Lăng", "III"]]
    assert not import_file("categories", csv_text(shared_new).encode(), "b.csv", reference_2026).errors


def test_a_file_with_a_few_typos_gets_its_own_errors(reference, old_communes):
    rows = [["Huyện", "Xã", "Khu vực"]] + [[c.district, c.commune, "I"] for c in old_communes.itertuples()]
    rows[5][1], rows[9][1], rows[12][1] = "Xã Không Có", "Xã Ba Sơn", "Phường Kỳ Lừa"  # the last two: 2026 names
    result = import_file("categories", csv_text(rows).encode(), "kv.csv", reference)
    assert [p.row for p in errors(result)] == [6, 10, 13]
    assert {p.code for p in errors(result)} == {"unknown_commune"}

"""The one name matcher, on real names from the GSO commune list."""

import unicodedata

import pytest

from geo.names import district_key, name_key, normalise_code, split_commune_prefix


def code_of(commune_list, name, district):
    row = commune_list[(commune_list.commune == name) & (commune_list.district == district)]
    assert len(row) == 1
    return row.gso_code.iloc[0]


@pytest.mark.parametrize("written", ["Xã Hoà Bình", "xã hòa bình", "  XÃ   HÒA  BÌNH ", "Hoà Bình", "X. Hòa Bình"])
def test_tone_placement_case_spacing_and_prefix_give_one_key(written):
    assert name_key(written) == name_key("Xã Hòa Bình")


def test_old_and_new_tone_placement_thuy():
    assert name_key("Thuỵ Hùng") == name_key("Thụy Hùng")


def test_decomposed_unicode_is_normalised():
    decomposed = unicodedata.normalize("NFD", "Xã Đồng Giáp")
    assert decomposed != "Xã Đồng Giáp"
    assert name_key(decomposed) == name_key("Xã Đồng Giáp")


def test_different_tones_stay_different():
    assert name_key("Hòa Bình") != name_key("Hóa Bình")
    assert name_key("Tân Thành") != name_key("Tân Thanh")


def test_prefixes_are_recognised():
    assert split_commune_prefix("Thị trấn Đồng Đăng") == ("thị trấn", "đồng đăng")
    assert split_commune_prefix("TT. Đồng Đăng") == ("thị trấn", "đồng đăng")
    assert split_commune_prefix("P. Hoàng Văn Thụ") == ("phường", "hoàng văn thụ")
    assert split_commune_prefix("Đồng Đăng") == (None, "đồng đăng")


def test_district_key_accepts_common_forms():
    assert district_key("Huyện Cao Lộc") == district_key("H. Cao Lộc") == district_key("cao lộc")
    assert district_key("Thành phố Lạng Sơn") == district_key("TP Lạng Sơn") == district_key("TP. Lạng Sơn")


def test_codes_lose_no_leading_zero():
    assert normalise_code(5971) == "05971"
    assert normalise_code("6004.0") == "06004"
    assert normalise_code(" 06004 ") == "06004"


def test_unique_name_resolves(matcher, commune_list):
    result = matcher.resolve("xã Đề Thám")
    assert result.status == "ok"
    assert result.code == code_of(commune_list, "Xã Đề Thám", "Huyện Tràng Định")


def test_four_hoa_binh_need_the_district(matcher, commune_list):
    result = matcher.resolve("Hòa Bình")
    assert result.status == "ambiguous" and len(result.candidates) == 4
    resolved = matcher.resolve("Xã Hoà Bình", district="Chi Lăng")
    assert resolved.code == code_of(commune_list, "Xã Hòa Bình", "Huyện Chi Lăng")
    other = matcher.resolve("Hòa Bình", district="Huyện Văn Quan")
    assert other.code == code_of(commune_list, "Xã Hòa Bình", "Huyện Văn Quan")


def test_type_prefix_separates_xa_and_thi_tran_of_the_same_name(matcher, commune_list):
    # Đình Lập district has both Xã Đình Lập and Thị trấn Đình Lập.
    assert matcher.resolve("Đình Lập", district="Đình Lập").status == "ambiguous"
    assert matcher.resolve("TT Đình Lập", district="Đình Lập").code == code_of(
        commune_list, "Thị trấn Đình Lập", "Huyện Đình Lập")
    assert matcher.resolve("Xã Đình Lập", district="Đình Lập").code == code_of(
        commune_list, "Xã Đình Lập", "Huyện Đình Lập")


def test_nong_truong_abbreviation(matcher, commune_list):
    code = code_of(commune_list, "Thị trấn NT Thái Bình", "Huyện Đình Lập")
    assert matcher.resolve("Thị trấn Nông trường Thái Bình").code == code


def test_lower_case_y_in_dong_y(matcher):
    assert matcher.resolve("Xã Đồng Ý").status == "ok"


def test_unknown_name(matcher):
    result = matcher.resolve("Xã Không Có Thật")
    assert result.status == "unknown" and result.code is None


def test_wrong_district_is_unknown_not_guessed(matcher):
    assert matcher.resolve("Xã Đề Thám", district="Hữu Lũng").status == "unknown"


def test_every_official_name_resolves_to_itself_with_its_district(matcher, commune_list):
    for row in commune_list.itertuples():
        assert matcher.resolve(row.commune, row.district).code == row.gso_code, row.commune


def test_repeated_questions_get_the_same_answers_whatever_came_before(matcher, commune_list):
    chi_lang = code_of(commune_list, "Xã Hòa Bình", "Huyện Chi Lăng")
    van_quan = code_of(commune_list, "Xã Hòa Bình", "Huyện Văn Quan")
    answers = [matcher.resolve("Hòa Bình", district) for district in
               ["Chi Lăng", "Văn Quan", None, "  ", "Chi Lăng", "Huyện Văn Quan", ""]]
    assert [a.code for a in answers] == [chi_lang, van_quan, None, None, chi_lang, van_quan, None]
    assert [a.status for a in answers[2:4]] == ["ambiguous", "ambiguous"] and answers[6].status == "ambiguous"


def test_a_caller_changing_its_answer_does_not_change_the_next_one(matcher):
    first = matcher.resolve("Hòa Bình")
    first.candidates.clear()
    first.code = "00000"
    again = matcher.resolve("Hòa Bình")
    assert again.code is None and len(again.candidates) == 4


def test_long_names_get_the_same_keys_and_answers_as_short_ones(matcher, commune_list):
    padded = "Xã" + " " * 150 + "Hoà Bình"  # longer than the caches keep
    assert len(padded) > 150 and name_key(padded) == name_key("Xã Hòa Bình")
    assert district_key("Huyện" + " " * 150 + "Cao Lộc") == district_key("Cao Lộc")
    for _ in range(2):
        assert matcher.resolve(padded, "Huyện" + " " * 150 + "Chi Lăng").code == code_of(
            commune_list, "Xã Hòa Bình", "Huyện Chi Lăng")

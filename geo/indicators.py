"""The indicator catalogue: the one place that defines what the map can measure.

Every indicator of the Resolution (Nghị quyết Tỉnh ủy on ethnic affairs
2021-2030, summarised in ../shared/DOMAIN.md "Indicators and their targets") is
listed here once, with its Vietnamese label, unit, level, 2020 baseline and
2025/2030 targets. Importers, templates, the demo generator, the gap map and the
legends all read this module, so a label or a target is changed in one place.

Honesty rules: a target is a number only where the Resolution gives a number.
Where it states a direction or a wish ("falls by 3 points a year or more",
"essentially none") the number is None and `target_note` says it in Vietnamese.
A baseline is given only where DOMAIN.md lists a 2020 figure in the indicator's
own unit; related figures in another unit go into `baseline_note`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

# How the values of one unit roll up to the level above.
SHARE_OF_VILLAGES = "share_of_villages"  # village yes/no (0/1) -> % of villages in the commune
SHARE_OF_COMMUNES = "share_of_communes"  # commune yes/no (0/1) -> % of communes in the province
MEAN = "mean"  # unweighted mean of percentages (no population weights are available)
SUM = "sum"  # counts add up
NONE = "none"  # measured for the province only

# What kind of number one value is.
PERCENT = "percent"  # 0-100
YES_NO = "yes_no"  # 0 or 1 per unit; shown as a share once aggregated
COUNT = "count"  # non-negative whole number
RATE_CHANGE = "rate_change"  # percentage points per year
MONEY = "money"  # non-negative amount

LEVELS = ("village", "commune", "province")

# Values an importer accepts for one unit, by kind (counts are also whole numbers).
VALUE_RANGES = {PERCENT: (0.0, 100.0), YES_NO: (0.0, 1.0), COUNT: (0.0, 1e7), RATE_CHANGE: (-100.0, 100.0),
                MONEY: (0.0, 1e9)}


@dataclass(frozen=True)
class Indicator:
    id: str
    label: str  # Vietnamese, as shown on the map and in templates
    unit: str  # unit of one stored value ("%", "0/1", "nhà", ...)
    level: str  # the level the Resolution measures it at: village, commune or province
    baseline_2020: float | None
    target_2025: float | None
    target_2030: float | None
    higher_is_better: bool
    aggregate: str  # how values roll up to the level above (see constants)
    kind: str  # PERCENT, YES_NO, COUNT, RATE_CHANGE, MONEY
    target_note: str | None = None  # Vietnamese wording of a target that is not just a number
    baseline_note: str | None = None
    import_levels: tuple[str, ...] = ()  # levels at which a sheet may give values
    aliases: tuple[str, ...] = ()  # other column headers staff may use
    aggregate_unit: str | None = None  # unit after roll-up ("% số thôn"); None = same as unit

    def target(self, year: int) -> float | None:
        """The target one unit's value (a commune, a district's roll-up) is measured against in `year`. None where
        the Resolution sets none, and where its target is a total for the whole province (a count measured at
        the province level: 300 schools up to standard is the province's, not each commune's)."""
        if self.is_province_total:
            return None
        return {2025: self.target_2025, 2030: self.target_2030}.get(year)

    @property
    def is_province_total(self) -> bool:
        return self.level == "province" and self.aggregate == SUM

    def kind_at(self, level: str) -> str:
        """What one value given at `level` is: a village yes/no reported per commune is a share (%)."""
        if self.kind == YES_NO and self.aggregate == SHARE_OF_VILLAGES and level == "commune":
            return PERCENT
        return self.kind

    @property
    def value_range(self) -> tuple[float, float]:
        return VALUE_RANGES[self.kind]

    @property
    def display_unit(self) -> str:
        return self.aggregate_unit or self.unit


def _ind(**kw) -> Indicator:
    kw.setdefault("import_levels", (kw["level"],))
    return Indicator(**kw)


_CATALOGUE = [
    # --- the three the product brief names first: roads, electricity, cultural houses
    _ind(id="road_village_hardened",
         label="Thôn có đường ô tô đến trung tâm thôn được cứng hóa",
         unit="0/1", aggregate_unit="% số thôn", level="village",
         baseline_2020=None, target_2025=80.0, target_2030=None,
         higher_is_better=True, aggregate=SHARE_OF_VILLAGES, kind=YES_NO,
         target_note="Năm 2025: 80% số thôn", import_levels=("village", "commune"),
         aliases=("Đường thôn cứng hóa", "Đường đến trung tâm thôn được cứng hóa",
                  "Thôn có đường ô tô đến trung tâm thôn", "Đường giao thông đến trung tâm thôn")),
    _ind(id="road_commune_hardened",
         label="Xã có đường ô tô đến trung tâm xã được rải nhựa hoặc bê tông",
         unit="0/1", aggregate_unit="% số xã", level="commune",
         baseline_2020=86.1, target_2025=100.0, target_2030=None,
         higher_is_better=True, aggregate=SHARE_OF_COMMUNES, kind=YES_NO,
         target_note="Năm 2025: 100% số xã",
         baseline_note="Năm 2020: tỷ lệ cứng hóa đường ô tô đến trung tâm xã đạt 86,1%",
         aliases=("Đường đến trung tâm xã rải nhựa hoặc bê tông", "Đường xã cứng hóa",
                  "Xã có đường ô tô đến trung tâm xã", "Đường đến trung tâm xã được cứng hóa")),
    _ind(id="electricity_households",
         label="Tỷ lệ hộ dân được sử dụng điện lưới quốc gia và các nguồn điện phù hợp khác",
         unit="%", level="commune", import_levels=("commune", "village"),
         baseline_2020=98.31, target_2025=99.6, target_2030=99.6,
         higher_is_better=True, aggregate=MEAN, kind=PERCENT,
         target_note="Năm 2025: 99,6%; năm 2030: trên 99,6%",
         aliases=("Tỷ lệ hộ sử dụng điện", "Hộ dùng điện", "Hộ sử dụng điện lưới quốc gia")),
    _ind(id="cultural_house_standard",
         label="Thôn có nhà văn hóa đạt chuẩn",
         unit="0/1", aggregate_unit="% số thôn", level="village",
         baseline_2020=None, target_2025=60.0, target_2030=None,
         higher_is_better=True, aggregate=SHARE_OF_VILLAGES, kind=YES_NO,
         target_note="Năm 2025: 60% số thôn", import_levels=("village", "commune"),
         aliases=("Nhà văn hóa đạt chuẩn", "Thôn có nhà văn hóa")),
    # --- the rest, same shape
    _ind(id="arts_club_regular",
         label="Thôn có đội văn hóa, văn nghệ (câu lạc bộ) truyền thống hoạt động thường xuyên",
         unit="0/1", aggregate_unit="% số thôn", level="village",
         baseline_2020=None, target_2025=50.0, target_2030=None,
         higher_is_better=True, aggregate=SHARE_OF_VILLAGES, kind=YES_NO,
         target_note="Năm 2025: 50% số thôn", import_levels=("village", "commune"),
         aliases=("Câu lạc bộ văn nghệ truyền thống", "Đội văn nghệ truyền thống", "Thôn có câu lạc bộ văn nghệ")),
    _ind(id="hygienic_water_rural",
         label="Tỷ lệ dân cư nông thôn được sử dụng nước hợp vệ sinh",
         unit="%", level="commune",
         baseline_2020=95.0, target_2025=99.0, target_2030=99.0,
         higher_is_better=True, aggregate=MEAN, kind=PERCENT,
         target_note="Năm 2025: 99% dân cư nông thôn; năm 2030: 99% hộ gia đình nông thôn",
         aliases=("Nước hợp vệ sinh",)),
    _ind(id="temporary_houses",
         label="Số nhà tạm, nhà dột nát",
         unit="nhà", level="commune", import_levels=("commune", "village"),
         baseline_2020=None, target_2025=0.0, target_2030=0.0,
         higher_is_better=False, aggregate=SUM, kind=COUNT,
         target_note="Xóa tình trạng nhà tạm, nhà dột nát (không còn nhà tạm, nhà dột nát)",
         aliases=("Nhà tạm, nhà dột nát", "Nhà tạm dột nát")),
    _ind(id="poor_household_rate",
         label="Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều",
         unit="%", level="commune",
         baseline_2020=7.88, target_2025=None, target_2030=None,
         higher_is_better=False, aggregate=MEAN, kind=PERCENT,
         target_note="Giảm tỷ lệ hộ nghèo bình quân 3%/năm trở lên (không có mức đích cố định)",
         aliases=("Tỷ lệ hộ nghèo", "Hộ nghèo")),
    _ind(id="poor_household_reduction",
         label="Mức giảm tỷ lệ hộ nghèo bình quân mỗi năm",
         unit="điểm %/năm", level="commune",
         baseline_2020=None, target_2025=3.0, target_2030=3.0,
         higher_is_better=True, aggregate=MEAN, kind=RATE_CHANGE,
         target_note="Giảm bình quân từ 3%/năm trở lên",
         baseline_note="Giai đoạn trước 2020 tỷ lệ hộ nghèo giảm bình quân trên 3,61%/năm",
         aliases=("Giảm tỷ lệ hộ nghèo",)),
    _ind(id="schools_national_standard",
         label="Số trường học đạt chuẩn quốc gia",
         unit="trường", level="province", import_levels=("province", "commune"),
         baseline_2020=225.0, target_2025=300.0, target_2030=375.0,
         higher_is_better=True, aggregate=SUM, kind=COUNT,
         aliases=("Trường đạt chuẩn quốc gia",)),
    _ind(id="commune_health_standard",
         label="Xã đạt Bộ tiêu chí quốc gia về y tế xã",
         unit="0/1", aggregate_unit="% số xã", level="commune",
         baseline_2020=None, target_2025=100.0, target_2030=100.0,
         higher_is_better=True, aggregate=SHARE_OF_COMMUNES, kind=YES_NO,
         target_note="100% số xã (năm 2030: duy trì 100%)",
         baseline_note="Năm 2020: 161 trạm y tế xã, phường, thị trấn đạt chuẩn",
         aliases=("Y tế xã đạt chuẩn", "Xã đạt tiêu chí quốc gia về y tế")),
    _ind(id="health_insurance_dtts",
         label="Tỷ lệ đồng bào DTTS tham gia bảo hiểm y tế",
         unit="%", level="commune",
         baseline_2020=None, target_2025=98.0, target_2030=None,
         higher_is_better=True, aggregate=MEAN, kind=PERCENT,
         aliases=("Bảo hiểm y tế",)),
    _ind(id="antenatal_care",
         label="Tỷ lệ phụ nữ có thai được khám thai định kỳ, sinh con ở cơ sở y tế "
               "hoặc có sự trợ giúp của cán bộ y tế",
         unit="%", level="commune",
         baseline_2020=None, target_2025=80.0, target_2030=None,
         higher_is_better=True, aggregate=MEAN, kind=PERCENT,
         target_note="Năm 2025: trên 80%",
         aliases=("Khám thai định kỳ",)),
    _ind(id="underweight_children",
         label="Tỷ lệ trẻ em suy dinh dưỡng thể nhẹ cân",
         unit="%", level="commune",
         baseline_2020=None, target_2025=15.0, target_2030=None,
         higher_is_better=False, aggregate=MEAN, kind=PERCENT,
         target_note="Năm 2025: dưới 15%",
         aliases=("Suy dinh dưỡng thể nhẹ cân", "Trẻ em suy dinh dưỡng")),
    _ind(id="vocational_training",
         label="Tỷ lệ lao động trong độ tuổi qua đào tạo nghề",
         unit="%", level="commune",
         baseline_2020=None, target_2025=65.0, target_2030=None,
         higher_is_better=True, aggregate=MEAN, kind=PERCENT,
         aliases=("Lao động qua đào tạo nghề",)),
    _ind(id="tv_radio_access",
         label="Tỷ lệ đồng bào DTTS được xem truyền hình và nghe đài phát thanh",
         unit="%", level="commune",
         baseline_2020=None, target_2025=100.0, target_2030=None,
         higher_is_better=True, aggregate=MEAN, kind=PERCENT,
         aliases=("Xem truyền hình, nghe đài",)),
    _ind(id="new_rural_standard",
         label="Xã đạt chuẩn nông thôn mới",
         unit="0/1", aggregate_unit="% số xã", level="commune",
         baseline_2020=None, target_2025=None, target_2030=80.0,
         higher_is_better=True, aggregate=SHARE_OF_COMMUNES, kind=YES_NO,
         target_note="Năm 2030: phấn đấu 80% số xã",
         baseline_note="Năm 2020: 65 xã đạt chuẩn nông thôn mới",
         aliases=("Nông thôn mới",)),
    _ind(id="forest_cover",
         label="Tỷ lệ che phủ rừng",
         unit="%", level="province",
         baseline_2020=None, target_2025=None, target_2030=67.0,
         higher_is_better=True, aggregate=NONE, kind=PERCENT,
         aliases=("Che phủ rừng",)),
    _ind(id="extremely_disadvantaged",
         label="Số thôn đặc biệt khó khăn",
         unit="thôn", level="commune",
         baseline_2020=None, target_2025=None, target_2030=None,
         higher_is_better=False, aggregate=SUM, kind=COUNT,
         target_note="Năm 2030: cơ bản không còn xã, thôn đặc biệt khó khăn",
         aliases=("Thôn đặc biệt khó khăn",)),
    # --- 2020 figures the Resolution reports without a target
    _ind(id="urban_clean_water",
         label="Tỷ lệ dân cư thành thị sử dụng nước sạch",
         unit="%", level="province",
         baseline_2020=99.9, target_2025=None, target_2030=None,
         higher_is_better=True, aggregate=NONE, kind=PERCENT,
         target_note="Nghị quyết không đặt chỉ tiêu"),
    _ind(id="grdp_per_capita",
         label="GRDP bình quân đầu người",
         unit="triệu đồng/người/năm", level="province",
         baseline_2020=44.5, target_2025=None, target_2030=None,
         higher_is_better=True, aggregate=NONE, kind=MONEY,
         target_note="Nghị quyết không đặt chỉ tiêu GRDP (chỉ tiêu thu nhập tính bằng USD)"),
]

INDICATORS: dict[str, Indicator] = {ind.id: ind for ind in _CATALOGUE}


def indicators_for_level(level: str) -> list[Indicator]:
    """Indicators a sheet at `level` ("commune", "village") may give values for."""
    if level not in LEVELS:
        raise ValueError(level)
    return [ind for ind in INDICATORS.values() if level in ind.import_levels]


def header_key(text: object) -> str:
    """Key for matching a column header: no case, no diacritics, no unit suffix."""
    text = unicodedata.normalize("NFC", str(text)).strip().lower().replace("đ", "d")
    while re.search(r"\([^)]*\)\s*$", text):  # "Tỷ lệ ... (%)" -> "Tỷ lệ ..."
        text = re.sub(r"\s*\([^)]*\)\s*$", "", text)
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^0-9a-z%]+", " ", text).split())


def template_header(ind: Indicator, level: str | None = None) -> str:
    """Column header used in templates: the label plus its unit at that level.

    A village indicator in the commune template asks for the share of villages,
    as a percentage or as "villages that have it / all villages".
    """
    if level is not None and ind.kind_at(level) != ind.kind:
        return f"Tỷ lệ {ind.label[0].lower()}{ind.label[1:]} ({ind.display_unit} hoặc số thôn đạt/tổng số thôn)"
    return f"{ind.label} ({ind.unit})"


def roll_up_villages(values: pd.DataFrame) -> pd.DataFrame:
    """Village values (gso_code, indicator, value) -> one commune value per indicator.

    Yes/no village indicators become the percentage of the commune's villages
    with a "yes", counted over villages that have a value; counts are summed;
    percentages are averaged without weights (no household counts exist).
    """
    columns = ["gso_code", "indicator", "value", "n_villages"]
    if values.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for (code, ind_id), group in values.dropna(subset=["value"]).groupby(["gso_code", "indicator"], sort=True):
        ind = INDICATORS[ind_id]
        numbers = group["value"].astype(float)
        if ind.aggregate == SHARE_OF_VILLAGES or ind.kind == YES_NO:
            value = 100.0 * numbers.mean()
        elif ind.aggregate == SUM:
            value = numbers.sum()
        else:
            value = numbers.mean()
        rows.append({"gso_code": code, "indicator": ind_id, "value": float(value), "n_villages": len(numbers)})
    return pd.DataFrame(rows, columns=columns)

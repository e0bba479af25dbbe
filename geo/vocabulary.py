"""The programme's words, each defined once: what the province imports, where the data in use
comes from, the area categories, the official totals and the one commune outside the area.

The totals of each programme period are held by its `Period`, so code asks the period, not `if` chains.
"""

from __future__ import annotations

from dataclasses import dataclass

# What the province imports (the store keeps each kind apart, versioned).
KINDS = ("categories", "villages", "indicators_commune", "indicators_village")
CATEGORIES_KIND, VILLAGES_KIND, COMMUNE_INDICATORS_KIND, VILLAGE_INDICATORS_KIND = KINDS
# Indicator sheets, and the level their rows are at.
INDICATOR_LEVELS = {COMMUNE_INDICATORS_KIND: "commune", VILLAGE_INDICATORS_KIND: "village"}

# Where the data in use comes from: the province's imports, or the generated demonstration set.
IMPORTED = "imported"
DEMO = "demo"
SOURCES = (IMPORTED, DEMO)
# Not a stored source: the 2026-2030 map showing the previous period's data carried over to its units.
CARRIED = "carried"

# Area categories of Quyết định 861/QĐ-TTg, most disadvantaged first.
CATEGORIES = ("III", "II", "I")
CATEGORY_III, CATEGORY_II, CATEGORY_I = CATEGORIES

# Nghị quyết Tỉnh ủy: "199/200 xã … (trừ xã Yên Thịnh, huyện Hữu Lũng)", as (commune, district)
# names, resolved through the name matcher so that no code is typed here.
OUTSIDE_AREA = (("Xã Yên Thịnh", "Huyện Hữu Lũng"),)
# The category filter's value for the communes outside the area.
OUTSIDE = "outside"

# Quyết định 861/QĐ-TTg (communes per category) and 612/QĐ-UBDT (villages per category of their
# commune), as quoted in the Resolution.
OFFICIAL_CATEGORY_COUNTS = {CATEGORY_III: 88, CATEGORY_II: 8, CATEGORY_I: 103}
OFFICIAL_VILLAGE_COUNTS = {CATEGORY_I: 84, CATEGORY_II: 24, CATEGORY_III: 536}
OFFICIAL_VILLAGE_TOTAL = 644
OFFICIAL_AREA_COMMUNES = 199


# The years the Resolution sets targets for (geo/indicators.py).
TARGET_YEARS = (2025, 2030)

# The two programme periods (../shared/DOMAIN.md). 2021-2025 is delineated on the 200 communes of 2021
# in 11 districts; 2026-2030 (Nghị định 272/2025/NĐ-CP) on the 65 units of 1 July 2025 (Nghị quyết
# 1672/NQ-UBTVQH15), which have no districts. The newer period comes first: it is the one the
# province steers by now.
@dataclass(frozen=True)
class Period:
    key: str  # as in the page URL (?period=2026-2030) and the store
    target_year: int  # the Resolution's targets of this period
    unit_count: int  # communal units the period's lists are decided on
    has_districts: bool
    official_village_total: int  # extremely disadvantaged villages in the period's list
    official_category_counts: dict[str, int] | None = None  # communes per category, where published
    previous: str | None = None  # the period whose data can be carried over to this one's units


PERIOD_2021 = Period("2021-2025", target_year=2025, unit_count=200, has_districts=True,
                     official_village_total=OFFICIAL_VILLAGE_TOTAL,
                     official_category_counts=OFFICIAL_CATEGORY_COUNTS)
# Quyết định of 29/01/2026 (LISTS.md): 385 villages; the per-unit categories are not public.
PERIOD_2026 = Period("2026-2030", target_year=2030, unit_count=65, has_districts=False,
                     official_village_total=385, previous=PERIOD_2021.key)
PERIODS = {period.key: period for period in (PERIOD_2026, PERIOD_2021)}

# The 65 units: 61 xã and 4 phường (clause 66 of Nghị quyết 1672/NQ-UBTVQH15).
NEW_UNIT_TYPES = {"xã": 61, "phường": 4}
# The 16 units with no extremely disadvantaged village in 2026-2030 (DOMAIN.md).
NEW_UNITS_WITHOUT_VILLAGES = (
    "Phường Đông Kinh", "Phường Kỳ Lừa", "Phường Lương Văn Tri", "Phường Tam Thanh", "Xã Bình Gia",
    "Xã Đồng Đăng", "Xã Chi Lăng", "Xã Bằng Mạc", "Xã Ba Sơn", "Xã Châu Sơn", "Xã Đình Lập", "Xã Thái Bình",
    "Xã Hữu Lũng", "Xã Cai Kinh", "Xã Tân Thành", "Xã Tuấn Sơn")

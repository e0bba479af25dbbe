"""The programme's words, each defined once: what the province imports, where the data in use
comes from, the area categories, the official totals and the one commune outside the area.

Everything here is 2021-2025 as the Resolution states it (../shared/DOMAIN.md); a period of its
own (2026-2030, the new communes) will bring its own totals beside these, not `if` chains.
"""

from __future__ import annotations

# What the province imports (the store keeps each kind apart, versioned).
KINDS = ("categories", "villages", "indicators_commune", "indicators_village")
CATEGORIES_KIND, VILLAGES_KIND, COMMUNE_INDICATORS_KIND, VILLAGE_INDICATORS_KIND = KINDS
# Indicator sheets, and the level their rows are at.
INDICATOR_LEVELS = {COMMUNE_INDICATORS_KIND: "commune", VILLAGE_INDICATORS_KIND: "village"}

# Where the data in use comes from: the province's imports, or the generated demonstration set.
IMPORTED = "imported"
DEMO = "demo"
SOURCES = (IMPORTED, DEMO)

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

"""The kinds of data the province imports, named once for the importers, the store and the pages."""

from __future__ import annotations

KINDS = ("categories", "villages", "indicators_commune", "indicators_village")
# Indicator sheets, and the level their rows are at.
INDICATOR_LEVELS = {"indicators_commune": "commune", "indicators_village": "village"}

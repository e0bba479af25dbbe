"""The official reference every import is checked against, one per programme period.

2021-2025: the 200 communes of the GSO list in 11 districts, the one commune
outside the ethnic-minority area, the totals of QĐ 861/QĐ-TTg and 612/QĐ-UBDT.
2026-2030: the 65 units of 1 July 2025 taken from the crosswalk (no districts,
no unit known to be outside the area); where two public sources give a unit
different codes (LISTS.md part D) both are accepted and read as the CV 1027 one.
Each holds the one name matcher built on its list. Loaded once and passed to the
importers, so tests can use the real lists and the UI can cache them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from geo.boundaries import COUNTRY_BOUNDS, extent_of, matcher_for, read_commune_list, read_polygons
from geo.crosswalk import code_aliases, read_crosswalk
from geo.datadir import find_data_file
from geo.errors import DataError
from geo.names import CommuneMatcher, CommuneRecord, normalise_code
from geo.vocabulary import OUTSIDE_AREA, PERIOD_2021, PERIOD_2026, PERIODS, Period

COMMUNE_LIST_FILE = "langson_commune_areas_2021.csv"
CROSSWALK_FILE = "langson_merger_2025.csv"
PROVINCE_FILE = "langson_province.geojson"
LIST_COLUMNS = ["gso_code", "district", "commune", "commune_type"]


@dataclass
class Reference:
    commune_list: pd.DataFrame  # gso_code, district ("" where the period has none), commune, commune_type, ...
    matcher: CommuneMatcher
    period: Period = PERIOD_2021
    code_aliases: dict[str, str] = field(default_factory=dict)  # another source's code -> the official one
    env: dict | None = field(default=None, repr=False, compare=False)  # where counterpart() loads from

    @classmethod
    def load(cls, env: dict | None = None, period: str = PERIOD_2021.key) -> "Reference":
        """The reference of `period` (a key of geo.vocabulary.PERIODS) from the data files."""
        if period not in PERIODS:
            raise ValueError(f"unknown period {period!r}; expected one of {tuple(PERIODS)}")
        if period == PERIOD_2026.key:
            return cls.from_crosswalk(read_crosswalk(find_data_file(CROSSWALK_FILE, env)), env)
        commune_list = read_commune_list(find_data_file(COMMUNE_LIST_FILE, env))
        return cls(commune_list=commune_list, matcher=matcher_for(commune_list), env=env)

    @classmethod
    def from_crosswalk(cls, crosswalk: pd.DataFrame, env: dict | None = None) -> "Reference":
        """The 65 units of 2026-2030 from the crosswalk (read by geo.crosswalk), in code order."""
        units = crosswalk.drop_duplicates("new_code").sort_values("new_code", kind="stable")
        commune_list = pd.DataFrame({"gso_code": units["new_code"].values, "district": "",
                                     "commune": units["new_commune"].values,
                                     "commune_type": units["new_type"].values}, columns=LIST_COLUMNS)
        return cls(commune_list=commune_list, matcher=matcher_for(commune_list), period=PERIOD_2026,
                   code_aliases=code_aliases(crosswalk), env=env)

    @property
    def has_districts(self) -> bool:
        """Whether a district written in a file means anything (2026-2030 has none)."""
        return self.period.has_districts

    def counterpart(self) -> "Reference":
        """The reference of the other period, loaded from the same data files (kept once loaded)."""
        return self._counterpart

    @cached_property
    def _counterpart(self) -> "Reference":
        other = next(key for key in PERIODS if key != self.period.key)
        return Reference.load(self.env, period=other)

    @cached_property
    def extent(self) -> tuple[float, float, float, float]:
        """The box (west, south, east, north) village coordinates must lie in: the province outline's, as the
        map's files are checked (geo.boundaries.extent_of); Viet Nam's when the outline cannot be read."""
        try:
            return extent_of(read_polygons(find_data_file(PROVINCE_FILE, self.env), "province", expected=1))
        except DataError:
            return COUNTRY_BOUNDS

    @cached_property
    def outside_codes(self) -> frozenset[str]:
        """Units outside the ethnic-minority area: Yên Thịnh in 2021-2025; none known in 2026-2030."""
        if self.period.key != PERIOD_2021.key:
            return frozenset()
        codes = set()
        for name, district in OUTSIDE_AREA:
            resolution = self.matcher.resolve(name, district)
            if resolution.code is None:
                raise ValueError(f"reference list lacks {name}, {district}")
            codes.add(resolution.code)
        return frozenset(codes)

    @cached_property
    def area_codes(self) -> list[str]:
        """GSO codes of the communes in the ethnic-minority area, in list order."""
        return [c for c in self.commune_list["gso_code"] if c not in self.outside_codes]

    @cached_property
    def accepted_codes(self) -> frozenset[str]:
        """Every code a file may use for a unit: the official codes and the other source's."""
        return frozenset(self.commune_list["gso_code"]) | frozenset(self.code_aliases)

    def unit_by_code(self, code: object) -> CommuneRecord | None:
        """The unit a code written in a file means (either code of a disputed unit), or None."""
        text = normalise_code(code)
        return self.matcher.by_code(self.code_aliases.get(text, text))

    @cached_property
    def by_code(self) -> pd.DataFrame:
        return self.commune_list.set_index("gso_code")

    @cached_property
    def _districts(self) -> dict[str, str]:
        """District name by code: a dict, since importers ask once per row."""
        return dict(zip(self.commune_list["gso_code"], self.commune_list["district"]))

    @cached_property
    def _communes(self) -> dict[str, str]:
        return dict(zip(self.commune_list["gso_code"], self.commune_list["commune"]))

    @cached_property
    def _labels(self) -> dict[str, str]:
        return {code: f"{commune} ({self._districts[code]})" if self._districts[code] else commune
                for code, commune in self._communes.items()}

    def district_of(self, code: str) -> str:
        """Official district name ("" in a period without districts); KeyError for a code not in the list."""
        return self._districts[code]

    def commune_of(self, code: str) -> str:
        """Official commune name; KeyError for a code not in the list."""
        return self._communes[code]

    def label(self, code: str) -> str:
        """"Xã Hòa Bình (Huyện Chi Lăng)", or "Xã Thất Khê" where there are no districts: unambiguous in messages."""
        return self._labels[code]

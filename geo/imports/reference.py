"""The official reference every import is checked against.

The commune list (200 GSO codes), the one name matcher built on it, which
commune lies outside the ethnic-minority area, and the official totals of the
2021-2025 decisions. Loaded once and passed to the importers, so tests can use
the real list and the UI can cache it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from geo.boundaries import matcher_for, read_commune_list
from geo.datadir import find_data_file
from geo.names import CommuneMatcher
from geo.vocabulary import OUTSIDE_AREA

COMMUNE_LIST_FILE = "langson_commune_areas_2021.csv"


@dataclass
class Reference:
    commune_list: pd.DataFrame  # gso_code, district, commune, commune_type, ...
    matcher: CommuneMatcher

    @classmethod
    def load(cls, env: dict | None = None) -> "Reference":
        commune_list = read_commune_list(find_data_file(COMMUNE_LIST_FILE, env))
        return cls(commune_list=commune_list, matcher=matcher_for(commune_list))

    @cached_property
    def outside_codes(self) -> frozenset[str]:
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
        return {code: f"{commune} ({self._districts[code]})" for code, commune in self._communes.items()}

    def district_of(self, code: str) -> str:
        """Official district name; KeyError for a code not in the list."""
        return self._districts[code]

    def commune_of(self, code: str) -> str:
        """Official commune name; KeyError for a code not in the list."""
        return self._communes[code]

    def label(self, code: str) -> str:
        """"Xã Hòa Bình (Huyện Chi Lăng)" — unambiguous in messages."""
        return self._labels[code]

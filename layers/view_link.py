"""A map view as a link: the page URL's parameters to and from the sidebar's Choices.

The names are short English words, the code's own; README.md lists them. Writing
gives every parameter the current view uses (its default may depend on the data,
e.g. the indicators ticked) and the filters and switches only when they are not at
their starting value, so a link stays short yet opens the same view. Reading keeps
what it can use and names what it could not (an old, mistyped or hand-edited link):
the page says so in a short note, never with a traceback.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from geo.classify import METHODS, methods_for
from geo.filters import OUTSIDE
from geo.indicators import INDICATORS
from geo.names import folded_district_key
from geo.priority import COMPONENTS, FULL_SCORE_RANGE, Weights
from geo.vocabulary import CARRIED, CATEGORIES, DEMO, IMPORTED, PERIODS, TARGET_YEARS
from layers.page import Choices
from layers.thematic import CATEGORY, GAP, INDICATOR, PRIORITY, VIEW_KINDS, ViewOptions
from layers.view import BORDER_SOURCES

# Every parameter a link may carry (README.md, "Một góc nhìn là một liên kết").
PARAMS = ("period", "source", "view", "indicator", "method", "k", "year", "weights", "ticked", "top", "score",
          "districts", "categories", "border", "q", "villages", "labels", "osm", "present")
MAX_QUERY = 100  # characters of a search kept from a link
CLASS_COUNTS = range(3, 8)
TOP_N = range(1, 51)
WEIGHT_STEPS = tuple(step / 2 for step in range(11))  # 0; 0,5; ... 5: the sidebar's weight sliders
LARGE_LABELS = "large"
DEFAULT_TICKED = 3  # the priority score's indicators when none are chosen: the first three with a target
_TRUE, _FALSE = ("1", "true", "yes"), ("0", "false", "no")


@dataclass(frozen=True)
class Reading:
    """What a link opens: the choices, and the parameters it had to leave out."""

    choices: Choices
    ignored: tuple[str, ...] = field(default_factory=tuple)
    given: frozenset[str] = frozenset()  # the parameters the link names (the others are at their start)


def to_params(choices: Choices) -> dict[str, str | list[str]]:
    """The link of a view: parameter -> value (a list for a repeated parameter)."""
    options = choices.options
    params: dict[str, str | list[str]] = {"period": choices.period, "source": choices.source, "view": options.kind}
    if options.kind in (INDICATOR, GAP) and options.indicator_id:
        params["indicator"] = options.indicator_id
    if options.kind == INDICATOR:
        params.update(method=options.method, k=str(options.k))
    if options.kind == GAP:
        params["year"] = str(options.year)
    if options.kind == PRIORITY:
        params["weights"] = ",".join(f"{c}:{_number(getattr(options.weights, c))}" for c in COMPONENTS)
        params["ticked"] = list(options.ticked) or [""]  # named even when empty: none ticked is a choice
        params["top"] = str(options.top_n)
        if choices.score_range is not None and tuple(choices.score_range) != FULL_SCORE_RANGE:
            params["score"] = "-".join(_number(bound) for bound in choices.score_range)
    if choices.districts:
        params["districts"] = list(choices.districts)
    if choices.categories:
        params["categories"] = list(choices.categories)
    if choices.border_only:
        params["border"] = choices.border_source
    if choices.query.strip():
        params["q"] = choices.query.strip()
    if not choices.show_villages:
        params["villages"] = "0"
    if choices.large_labels:
        params["labels"] = LARGE_LABELS
    if choices.osm:
        params["osm"] = "1"
    if choices.present:
        params["present"] = "1"
    return params


def from_params(params: Mapping[str, list[str]], start: Choices, district_names: list[str]) -> Reading:
    """The view a link opens, starting from `start` (the sidebar's starting values for the link's period);
    `district_names` are the districts (or former districts) a link may name."""
    reader = _Reader(params)
    period = PERIODS[start.period]
    sources = (IMPORTED, DEMO) + ((CARRIED,) if period.previous else ())
    kind = reader.one("view", lambda v: v if v in VIEW_KINDS else None, start.options.kind)
    options = ViewOptions(
        kind=kind,
        indicator_id=reader.one("indicator", lambda v: v if v in INDICATORS else None, None),
        method=reader.one("method", lambda v: v if v in METHODS else None, ViewOptions.method),
        k=reader.one("k", lambda v: _int_in(v, CLASS_COUNTS), ViewOptions.k),
        year=reader.one("year", lambda v: _int_in(v, [y for y in TARGET_YEARS if y >= period.target_year]),
                        period.target_year),
        weights=reader.one("weights", _weights, Weights()),
        ticked=reader.many("ticked", lambda v: v if v in INDICATORS else None),
        top_n=reader.one("top", lambda v: _int_in(v, TOP_N), ViewOptions.top_n),
    )
    if kind == PRIORITY:  # the priority score is measured against the period's own targets
        options = replace(options, year=period.target_year)
    by_key = {folded_district_key(name): name for name in district_names}
    border = reader.one("border", lambda v: v if v in BORDER_SOURCES else None, None)
    choices = replace(
        start,
        source=reader.one("source", lambda v: v if v in sources else None, start.source),
        options=options,
        districts=reader.many("districts", lambda v: by_key.get(folded_district_key(v))),
        categories=reader.many("categories", lambda v: v if v in (*CATEGORIES, OUTSIDE) else None),
        border_only=border is not None,
        border_source=border or start.border_source,
        score_range=reader.one("score", _score_range, None) if kind == PRIORITY else None,
        query=reader.one("q", lambda v: v.strip()[:MAX_QUERY], ""),
        show_villages=reader.one("villages", _flag, start.show_villages),
        large_labels=reader.one("labels", lambda v: v == LARGE_LABELS if v in (LARGE_LABELS, "normal") else None,
                                start.large_labels),
        osm=reader.one("osm", _flag, start.osm),
        present=reader.one("present", _flag, start.present),
    )
    reader.one("period", lambda v: v if v in PERIODS else None, None)  # chosen by the page; named here if bad
    unknown = [name for name in params if name not in PARAMS]
    return Reading(choices=choices, ignored=tuple(unknown + reader.bad), given=frozenset(params))


def completed(reading: Reading, with_values: list[str]) -> Choices:
    """The link's choices made drawable on the data (`with_values`: the indicators with values) and holding
    exactly what the sidebar's widgets make of them (ui/sidebar._view_options), so the first run's map is the
    second's: a missing or unusable indicator is the first one with values (with a target in the year, for
    the gap view); with none, the category view; the indicators ticked for the priority score, when the link
    does not name them, are the first three with a target; options the view does not use are at their
    defaults."""
    choices, options = reading.choices, reading.choices.options
    with_target = [i for i in with_values if INDICATORS[i].target(options.year) is not None]
    if options.kind in (INDICATOR, GAP):
        usable = with_values if options.kind == INDICATOR else with_target
        if not usable:
            return replace(choices, options=ViewOptions(kind=CATEGORY))
        indicator = options.indicator_id if options.indicator_id in usable else usable[0]
        if options.kind == INDICATOR:
            method = options.method if options.method in methods_for(INDICATORS[indicator]) else ViewOptions.method
            return replace(choices, options=ViewOptions(kind=INDICATOR, indicator_id=indicator, method=method,
                                                        k=options.k))
        return replace(choices, options=ViewOptions(kind=GAP, indicator_id=indicator, year=options.year))
    if options.kind == PRIORITY:
        ticked = options.ticked if "ticked" in reading.given else with_target[:DEFAULT_TICKED]
        return replace(choices, options=ViewOptions(kind=PRIORITY, weights=options.weights, year=options.year,
                                                    ticked=tuple(i for i in ticked if i in with_target),
                                                    top_n=options.top_n))
    return replace(choices, options=ViewOptions(kind=options.kind))


class _Reader:
    """Parameters read one by one; a value that does not parse is left out and its name kept in `bad`."""

    def __init__(self, params: Mapping[str, list[str]]):
        self.params = params
        self.bad: list[str] = []

    def one(self, name: str, parse, default):
        values = self.params.get(name) or []
        if not values:
            return default
        value = parse(str(values[-1]))
        if value is None:
            self.bad.append(name)
            return default
        return value

    def many(self, name: str, parse) -> tuple:
        parsed = [parse(str(v)) for v in self.params.get(name) or [] if str(v).strip()]
        if any(p is None for p in parsed):
            self.bad.append(name)
        return tuple(dict.fromkeys(p for p in parsed if p is not None))


def _number(value: float) -> str:
    return f"{value:g}"


def _int_in(text: str, allowed) -> int | None:
    digits = text.strip()
    return int(digits) if digits.isascii() and digits.isdigit() and int(digits) in allowed else None  # not "²"


def _flag(text: str) -> bool | None:
    word = text.strip().lower()
    return True if word in _TRUE else False if word in _FALSE else None


def _weights(text: str) -> Weights | None:
    """"category:3,villages:2,gaps:3,border:1" (any order, missing ones at their default)."""
    values = {}
    for part in text.split(","):
        name, _, number = part.partition(":")
        value = _float(number)
        if name.strip() not in COMPONENTS or value not in WEIGHT_STEPS:
            return None
        values[name.strip()] = value
    return Weights(**values)


def _score_range(text: str) -> tuple[float, float] | None:
    """"20-80": whole points, as the sidebar's slider sets them."""
    low, _, high = text.partition("-")
    bounds = (_float(low), _float(high))
    if None in bounds or any(bound != int(bound) for bound in bounds) \
            or not FULL_SCORE_RANGE[0] <= bounds[0] <= bounds[1] <= FULL_SCORE_RANGE[1]:
        return None
    return bounds


def _float(text: str) -> float | None:
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None  # neither NaN nor infinity is a number here

"""The briefing pack: saved map views (each a link, layers/view_link.py) in the order a meeting takes them.

A pack is a tuple of PackedView. Views come in as links a user pastes (the whole address, its "?…" part or the
query alone, one per line) or as a saved list: a UTF-8 text file with a "# title" line before each link, so a
clerk can keep the pack, mail it and open it next month. Reading names each line it cannot use, in
Vietnamese, and keeps the good ones. Drawing the pack is layers/paper/briefing.py; what each view shows is the
map page's model (layers/page.py), made by the caller from the link's parameters.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

import texts
from geo.vocabulary import PERIODS
from layers.page import MapPage
from layers.view_link import PARAMS

MAX_VIEWS = 30  # a meeting's pack; each view is a page of the PDF
MAX_LINE = 4000  # characters: the longest link the app writes is well under 1,000
MAX_TITLE = 200  # characters of a view's title kept from a "# title" line
MAX_FILE_BYTES = 256 * 1024  # a saved list of MAX_VIEWS views is a few dozen KB
MAX_TEXT = MAX_FILE_BYTES  # characters of a paste
LIST_EXTENSION, LIST_MIME = "txt", "text/plain"
COMMENT = "#"


@dataclass(frozen=True)
class PackedView:
    """One view of the pack: its link's parameters (name -> values, only those a link may carry) and the title
    it is printed under ("" for the view's own)."""

    params: tuple[tuple[str, tuple[str, ...]], ...]
    title: str = ""

    @classmethod
    def of(cls, params: Mapping[str, str | Sequence[str]], title: str = "") -> PackedView:
        """From a link's parameters (as layers.view_link.to_params gives them, or as parse_qs reads them)."""
        kept = tuple((name, (value,) if isinstance(value, str) else tuple(str(v) for v in value))
                     for name, value in params.items() if name in PARAMS)
        return cls(params=kept, title=clean_title(title))

    @property
    def link_params(self) -> dict[str, list[str]]:
        """The parameters as layers.view_link.from_params reads them."""
        return {name: list(values) for name, values in self.params}

    @property
    def query(self) -> str:
        """The link's "?…" part, as the map page's address bar holds it."""
        return "?" + urlencode([(name, value) for name, values in self.params for value in values])

    @property
    def period(self) -> str | None:
        """The period the link names (None: the app's default period)."""
        values = self.link_params.get("period") or [None]
        return values[-1]


@dataclass(frozen=True)
class LinkReading:
    """What a paste or a saved list gave: the views, in order, and why each line left out was left out."""

    views: tuple[PackedView, ...]
    errors: tuple[str, ...]


@dataclass(frozen=True)
class PackEntry:
    """A view of the pack in words, for the page's list and the cover."""

    title: str
    period: str  # "2021-2025"
    filters: str
    source: str
    illustrative: bool


def read_links(text: str, room: int = MAX_VIEWS) -> LinkReading:
    """The views of `text`, one link per line, at most `room` of them. Blank lines are skipped; a line starting
    with "#" is a comment, and the last comment before a link is that view's title."""
    if len(text) > MAX_TEXT:
        return LinkReading((), (texts.BRIEFING_PASTE_TOO_LONG.format(limit=MAX_TEXT),))
    views, errors, title = [], [], ""
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        if len(line) > MAX_LINE:
            errors.append(texts.BRIEFING_LINE_TOO_LONG.format(line=number, limit=MAX_LINE))
            title = ""
            continue
        if line.startswith(COMMENT):
            title = line.lstrip(COMMENT)
            continue
        view, error = _view_of(line, title, number)
        title = ""
        if error:
            errors.append(error)
        elif len(views) >= room:
            errors.append(texts.BRIEFING_TOO_MANY.format(limit=MAX_VIEWS, line=number))
            break
        else:
            views.append(view)
    return LinkReading(views=tuple(views), errors=tuple(errors))


def read_list_file(content: bytes, room: int = MAX_VIEWS) -> LinkReading:
    """A saved list (list_file's) read back: UTF-8 with or without a BOM, Windows or Unix line ends; a binary
    or oversized file is refused whole."""
    if len(content) > MAX_FILE_BYTES:
        return LinkReading((), (texts.BRIEFING_FILE_TOO_BIG.format(limit=MAX_FILE_BYTES // 1024),))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    if text is None or "\x00" in text:
        return LinkReading((), (texts.BRIEFING_FILE_NOT_TEXT,))
    return read_links(text, room)


def list_file(views: Iterable[PackedView], titles: Sequence[str] = (), address: str = "",
              illustrative: Sequence[bool] = ()) -> bytes:
    """The pack as a saved list: for each view a "# title" line (its own, else `titles`' entry) and its link
    (`address`, the app's address, before the "?…" part when known), a blank line between views. A view showing
    demo data (`illustrative`) says so in a comment line above its title, which reading back leaves aside (a
    link's title is the last comment before it)."""
    titles, illustrative = list(titles), list(illustrative)
    blocks = []
    for i, view in enumerate(views):
        title = view.title or (titles[i] if i < len(titles) else "")
        mark = f"{COMMENT} {texts.ILLUSTRATIVE_NOTE}\n" if i < len(illustrative) and illustrative[i] else ""
        blocks.append(f"{mark}{COMMENT} {_one_line(title)}\n{address}{view.query}\n")
    return "\n".join(blocks).encode("utf-8")


def added(pack: Sequence[PackedView], views: Iterable[PackedView]) -> tuple[tuple[PackedView, ...], int]:
    """The pack with `views` at its end, as many as there is room for, each once (a view already there, with
    the same title, is not added again: a paste sent twice); and how many were left out for want of room."""
    views = list(dict.fromkeys(view for view in views if view not in pack))
    room = max(MAX_VIEWS - len(pack), 0)
    return tuple(pack) + tuple(views[:room]), max(len(views) - room, 0)


def moved(pack: Sequence[PackedView], index: int, step: int) -> tuple[PackedView, ...]:
    """The pack with view `index` moved `step` places (-1 up, +1 down); at either end it stays."""
    views = list(pack)
    target = index + step
    if 0 <= index < len(views) and 0 <= target < len(views):
        views[index], views[target] = views[target], views[index]
    return tuple(views)


def removed(pack: Sequence[PackedView], index: int) -> tuple[PackedView, ...]:
    return tuple(view for i, view in enumerate(pack) if i != index)


def map_address(page_url: str | None) -> str:
    """The map page's address (the app's root) from the address of one of its pages; "" when unknown."""
    if not page_url:
        return ""
    parts = urlsplit(page_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}{parts.path.rsplit('/', 1)[0]}/"


def entry(page: MapPage, title: str = "") -> PackEntry:
    """What a view of the pack shows, in words: its title (typed or the view's own), period, filters, data."""
    view = page.built.view
    names = [texts.SOURCE_NAMES.get(page.choices.source, "")] + [texts.ILLUSTRATIVE] * view.illustrative
    return PackEntry(title=title or view.title, period=page.choices.period, filters=page.subtitle,
                     source=" · ".join(dict.fromkeys(n for n in names if n)),  # carried over from demo data: both
                     illustrative=view.illustrative)


def clean_title(text: str) -> str:
    """A title as typed, on one line, without control characters, at most MAX_TITLE characters."""
    return _one_line(unicodedata.normalize("NFC", text))[:MAX_TITLE].strip()


def _one_line(text: str) -> str:
    return " ".join("".join(" " if unicodedata.category(c) == "Cc" else c for c in text).split())


def _view_of(line: str, title: str, number: int) -> tuple[PackedView | None, str | None]:
    """The view line `number` links to, or the error saying why it is none."""
    query = _query_part(line)
    try:
        params = parse_qs(query, keep_blank_values=True, max_num_fields=len(PARAMS) * 20)
    except ValueError:  # more fields than any link of the app has
        params = {}
    if not any(name in PARAMS and any(v.strip() for v in values) for name, values in params.items()):
        return None, texts.BRIEFING_LINE_NOT_LINK.format(line=number)
    view = PackedView.of(params, title)
    if view.period is not None and view.period not in PERIODS:
        return None, texts.BRIEFING_LINE_PERIOD.format(line=number, periods=", ".join(PERIODS))
    return view, None


def _query_part(line: str) -> str:
    """The query of a whole address ("http://…/?a=b"), of its "?…" part, or the query itself."""
    if "?" not in line:
        return line
    if "://" in line.split("?", 1)[0]:
        return urlsplit(line).query
    return line.split("?", 1)[1].split("#", 1)[0]

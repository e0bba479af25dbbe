"""Two levels of detail for a data set of many units: an overview for the zooms that show most of it, the
web geometry itself once the map is zoomed in.

At 10,000 communes the whole country fits the map at zoom ~5.5, where a commune is a few pixels wide, yet
each carried ~45 points: most of the first visit went on parsing and projecting points nobody could see.
The overview is simplified to a pixel or two at the zoom where the detail takes over (`detail_from`), so the
switch is hardly seen. The browser draws the overview first, fetches the detail after, and from `detail_from`
draws the detailed shapes of the units in view only (templates/map_geometry.js). A province (fewer than
`FROM_UNITS` units) keeps one level: its opening view already shows its detail.
"""

from __future__ import annotations

from layers.web.viewport import view_for_bounds

FROM_UNITS = 1500  # as many as the canvas renderer starts at (layers/web/units.py)
DETAIL_STEPS = 1  # zoom steps past the whole data set's view where the detail takes over
PIXELS = 1.5  # the overview's simplification at that zoom, in pixels (a pixel less a step before)
TILE_PX = 256


def detail_from(unit_count: int, bounds, web_tolerance: float) -> float | None:
    """The zoom from which the detailed shapes are drawn, or None when one level is enough: few units, or an
    overview that would be hardly simpler than the web geometry (simplified at `web_tolerance` degrees)."""
    if unit_count < FROM_UNITS:
        return None
    zoom = view_for_bounds(bounds)[1] + DETAIL_STEPS
    return zoom if overview_tolerance(zoom) > 1.5 * web_tolerance else None


def overview_tolerance(zoom: float) -> float:
    """The overview's simplification tolerance in degrees: `PIXELS` pixels at `zoom` (a pixel spans 360° of
    longitude over the 256 * 2^zoom pixels of the world)."""
    return PIXELS * 360.0 / (TILE_PX * 2 ** zoom)


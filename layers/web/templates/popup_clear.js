{# A clicked unit's popup opens clear of the legend (top right) and inside the map. Leaflet's own autoPan
   keeps it inside the map but knows nothing of our controls, and a control always draws over a popup (the
   map's panes are one stacking layer under the controls'), so basemap.py turns autoPan off and this pans
   instead, measuring the legend as drawn: its size depends on the view and on large labels. #}
{% macro script(this, kwargs) %}
(function() {
    var map = {{ this._parent.get_name() }};
    var MARGIN = {{ this.margin }};
    map.on('popupopen', function(e) {
        var frame = map.getContainer().getBoundingClientRect();
        var box = e.popup.getElement().getBoundingClientRect();
        // dx, dy: how far the view moves (map.panBy); the popup moves the other way on screen.
        var dx = Math.max(0, box.right + MARGIN - frame.right) || Math.min(0, box.left - MARGIN - frame.left);
        var dy = Math.min(0, box.top - MARGIN - frame.top);
        var legend = map.getContainer().querySelector('.map-legend');
        if (legend) {
            var l = legend.getBoundingClientRect();
            var left = box.left - dx, right = box.right - dx, top = box.top - dy, bottom = box.bottom - dy;
            var overlaps = right > l.left - MARGIN && left < l.right + MARGIN
                && top < l.bottom + MARGIN && bottom > l.top - MARGIN;
            if (overlaps) {
                var down = top - (l.bottom + MARGIN);  // < 0: move the view up, the popup down below the legend
                var aside = right - (l.left - MARGIN);  // > 0: move the view right, the popup left of the legend
                var fitsBelow = bottom - down <= frame.bottom - MARGIN;
                var fitsAside = left - aside >= frame.left + MARGIN;
                if (fitsBelow && (!fitsAside || -down <= aside)) {
                    dy += down;
                } else {
                    dx += aside;
                }
            }
        }
        if (dx || dy) {
            map.panBy([dx, dy]);
        }
    });
})();
{% endmacro %}

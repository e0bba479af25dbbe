{# The two maps of the compare page move together: panning or zooming one sets the other to the same centre
   and zoom. Our own few lines, no plugin. Both open on the province (`bounds`: south-west, north-east).
   The pointer over one map is shown on the other as a small ring, to read a place across the periods. #}
{% macro script(this, kwargs) %}
(function() {
    var maps = [{{ this.left }}, {{ this.right }}];
    var leader = null;  // the map being moved: the other one's own move events are then ignored
    function follow(source, target) {
        var ring = L.circleMarker([0, 0], {radius: 7, weight: 2, color: '#111', fill: false,
                                           interactive: false, className: 'compare-cursor'});
        source.on('move moveend', function() {
            if (leader !== null && leader !== source) { return; }
            leader = source;
            target.setView(source.getCenter(), source.getZoom(), {animate: false});
            leader = null;
        });
        source.on('mousemove', function(e) { ring.setLatLng(e.latlng); if (!target.hasLayer(ring)) { ring.addTo(target); } });
        source.on('mouseout', function() { target.removeLayer(ring); });
    }
    follow(maps[0], maps[1]);
    follow(maps[1], maps[0]);
    // Open on the province; between the legend (top right) and the banner and scale (bottom left) where the
    // map has room to spare for it (a narrow column), else on the whole map.
    var bounds = L.latLngBounds({{ this.bounds|tojson }});
    var box = maps[0].getContainer();
    function height(selector) { var el = box.querySelector(selector); return el ? el.offsetHeight : 0; }
    var top = L.point(0, height('.leaflet-top.leaflet-right')), bottom = L.point(0, height('.leaflet-bottom.leaflet-left'));
    var room = maps[0].getBoundsZoom(bounds, false, top.add(bottom)) >= maps[0].getBoundsZoom(bounds) - 0.25;
    maps[0].fitBounds(bounds, room ? {paddingTopLeft: top, paddingBottomRight: bottom, animate: false}
                                   : {animate: false});
})();
{% endmacro %}

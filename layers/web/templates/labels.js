{# Commune names from zoom level min_zoom, district names below it; never clickable. #}
{% macro script(this, kwargs) %}
(function() {
    var map = {{ this._parent.get_name() }};
    function makeLayer(rows, cls) {
        var group = L.layerGroup();
        rows.forEach(function(r) {
            L.marker([r[0], r[1]], {interactive: false, keyboard: false,
                icon: L.divIcon({className: cls, html: '<span>' + r[2] + '</span>', iconSize: null})
            }).addTo(group);
        });
        return group;
    }
    var communes = makeLayer({{ this.communes|tojson }}, 'map-label commune-label');
    var districts = makeLayer({{ this.districts|tojson }}, 'map-label district-label');
    function update() {
        var z = map.getZoom();
        if (z >= {{ this.min_zoom }}) { map.addLayer(communes); map.removeLayer(districts); }
        else { map.removeLayer(communes); map.addLayer(districts); }
    }
    map.on('zoomend', update);
    update();
})();
{% endmacro %}

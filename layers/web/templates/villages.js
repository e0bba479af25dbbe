{# Village points (clustered) and per-commune badges of villages without coordinates. #}
{% macro script(this, kwargs) %}
(function() {
    var map = {{ this._parent.get_name() }};
    var group = L.layerGroup();
    {% if this.points %}
    var cluster = L.markerClusterGroup({
        showCoverageOnHover: false, maxClusterRadius: 50, disableClusteringAtZoom: 13,
        iconCreateFunction: function(c) {
            return L.divIcon({className: 'village-badge', iconSize: null,
                              html: '<span>' + c.getChildCount() + '</span>'});
        }
    });
    {{ this.points|tojson }}.forEach(function(r) {
        var m = L.marker([r[0], r[1]], {icon: L.divIcon({className: 'village-point', iconSize: [10, 10]}),
                                        title: r[2]});
        m.bindPopup('<b>' + r[2] + '</b><br>' + r[3]);
        cluster.addLayer(m);
    });
    group.addLayer(cluster);
    {% endif %}
    {{ this.badges|tojson }}.forEach(function(r) {
        var m = L.marker([r[0], r[1]], {icon: L.divIcon({className: 'village-badge',
                                        html: '<span>' + r[2] + '</span>', iconSize: null})});
        m.bindPopup(r[3], {maxHeight: 260});
        group.addLayer(m);
    });
    group.addTo(map);
})();
{% endmacro %}

{# Village points (clustered) and per-commune badges of villages without coordinates. Badges and cluster counts
   are laid out with the names by labels.js (never on a name, hidden where there is no room); points are its
   obstacles. A badge's village list that is longer than its popup ends in a cue that it scrolls. #}
{% macro script(this, kwargs) %}
(function() {
    var map = {{ this._parent.get_name() }};
    var labels = map.langsonLabels || {add: function() {}, schedule: function() {}};
    var group = L.layerGroup(), items = [];
    var CUE = {{ this.scroll_cue|tojson }};
    {% if this.points %}
    var cluster = L.markerClusterGroup({
        showCoverageOnHover: false, maxClusterRadius: 50, disableClusteringAtZoom: 13,
        iconCreateFunction: function(c) {
            var codes = c.getAllChildMarkers().map(function(m) { return m.options.code; });
            return L.divIcon({className: 'village-badge village-cluster label-hidden', iconSize: null,
                              html: '<span data-codes="' + codes.join(' ') + '">' + c.getChildCount() + '</span>'});
        }
    });
    {{ this.points|tojson }}.forEach(function(r) {
        var m = L.marker([r[0], r[1]], {icon: L.divIcon({className: 'village-point', iconSize: [10, 10]}),
                                        title: r[5], code: r[4]});
        m.bindPopup('<b>' + r[2] + '</b><br>' + r[3]);
        cluster.addLayer(m);
        items.push({marker: m, kind: 'point', code: r[4]});
    });
    cluster.on('animationend', labels.schedule);
    group.addLayer(cluster);
    {% endif %}
    // [lat, lon, count, popup, code], most villages first: the badge kept where two would meet.
    {{ this.badges|tojson }}.forEach(function(r, i) {
        var m = L.marker([r[0], r[1]], {icon: L.divIcon({className: 'village-badge label-hidden',
                                        html: '<span>' + r[2] + '</span>', iconSize: null})});
        m.bindPopup('<div class="village-list">' + r[3] + '<div class="scroll-cue">' + CUE + '</div></div>',
                    {maxHeight: {{ this.max_height }}});
        group.addLayer(m);
        items.push({marker: m, kind: 'badge', code: r[4], rank: i});
    });
    // The cue shows only on a list that scrolls (Leaflet marks its content "scrolled"), until its end is reached.
    map.on('popupopen', function(e) {
        var content = e.popup.getElement().querySelector('.leaflet-popup-content');
        if (!content || !content.querySelector('.village-list')) return;
        function atEnd() {
            content.classList.toggle('scrolled-to-end',
                                     content.scrollTop + content.clientHeight >= content.scrollHeight - 2);
        }
        content.onscroll = atEnd;
        atEnd();
    });
    group.addTo(map);
    labels.add(items);
})();
{% endmacro %}

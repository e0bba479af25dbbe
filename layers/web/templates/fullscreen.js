{# A full-screen button (top left) and a metric scale bar. #}
{% macro script(this, kwargs) %}
(function() {
    var map = {{ this._parent.get_name() }};
    var control = L.control({position: 'topleft'});
    control.onAdd = function() {
        var box = L.DomUtil.create('div', 'leaflet-bar fullscreen-control');
        var a = L.DomUtil.create('a', '', box);
        a.href = '#'; a.innerHTML = {{ this.icon|tojson }}; a.title = {{ this.enter|tojson }};
        a.setAttribute('role', 'button');
        L.DomEvent.on(a, 'click', function(e) {
            L.DomEvent.preventDefault(e);
            var el = map.getContainer();
            if (document.fullscreenElement) { document.exitFullscreen(); }
            else if (el.requestFullscreen) { el.requestFullscreen(); }
        });
        document.addEventListener('fullscreenchange', function() {
            a.title = document.fullscreenElement ? {{ this.leave|tojson }} : {{ this.enter|tojson }};
            setTimeout(function() { map.invalidateSize(); }, 200);
        });
        return box;
    };
    control.addTo(map);
    L.control.scale({imperial: false, maxWidth: 200}).addTo(map);
})();
{% endmacro %}

{# A fixed box on the map (legend, illustrative banner) holding ready-made, escaped HTML. #}
{% macro script(this, kwargs) %}
(function() {
    var box = L.control({position: {{ this.position|tojson }}});
    box.onAdd = function() {
        var div = L.DomUtil.create('div', {{ this.class_name|tojson }});
        div.innerHTML = {{ this.html|tojson }};
        L.DomEvent.disableScrollPropagation(div);
        return div;
    };
    box.addTo({{ this._parent.get_name() }});
})();
{% endmacro %}

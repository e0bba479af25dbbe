{# The filter's layer (layers/web/selection.py): while it is on the map, the base map shows its choice
   (map_geometry.js restyles the units) and the labels wash out the names and badges of the units not chosen
   (labels.js). The layer is added after this runs (by streamlit-folium) or before (by folium), and the
   layer it replaces is removed first: all are handled. #}
{% macro script(this, kwargs) %}
(function() {
    var layer = {{ this._parent.get_name() }};
    var map = {{ this._parent._parent.get_name() }};
    var wanted = {chosen: {{ this.chosen|tojson }}, top: {{ this.top|tojson }}};
    function tell(value) {
        if (map.langsonSelect) map.langsonSelect(value);
        if (map.langsonLabels) map.langsonLabels.choose(value && value.chosen);
    }
    layer.on('add', function() { tell(wanted); });
    layer.on('remove', function() { tell(null); });
    if (map.hasLayer(layer)) tell(wanted);
})();
{% endmacro %}

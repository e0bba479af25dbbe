{# Part of the filter's layer (layers/web/selection.py): tells the map's labels (labels.js) which communes the
   filter chooses while this layer is on the map, so the others' names and badges are washed out like them.
   The layer is added after this runs (by streamlit-folium) or before (by folium): both are handled. #}
{% macro script(this, kwargs) %}
(function() {
    var layer = {{ this._parent.get_name() }};
    var codes = {{ this.codes|tojson }};
    function tell(map, value) {
        if (map && map.langsonLabels) map.langsonLabels.choose(value);
    }
    var map = {{ this._parent._parent.get_name() }};
    layer.on('add', function() { tell(map, codes); });
    layer.on('remove', function() { tell(map, null); });
    if (map.hasLayer(layer)) tell(map, codes);
})();
{% endmacro %}

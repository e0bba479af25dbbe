{# Tells the page, once per page load, that the map is drawn (MAP_DRAWN, ui/state.first_map_run). #}
{% macro script(this, kwargs) %}
(function() {
    // Once per page load, tell the page the map is drawn: the page then
    // sends what lies below the map, which would otherwise slow the map down.
    try {
        if (!window.Streamlit || window.top.__langsonMapDrawn) { return; }
        window.top.__langsonMapDrawn = true;
    } catch (e) { return; }
    requestAnimationFrame(function() { window.Streamlit.setComponentValue({ {{ this.flag|tojson }}: true }); });
})();
{% endmacro %}

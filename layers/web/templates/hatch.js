{# The diagonal hatch of the uncertain zones (static/map.css: path.uncertain-zone), added to the map's SVG. #}
{% macro script(this, kwargs) %}
(function() {
    var map = {{ this._parent.get_name() }};
    function addPattern() {
        var svg = map.getPanes().overlayPane.querySelector('svg');
        if (!svg || svg.querySelector('#uncertain-hatch')) { return; }
        var ns = 'http://www.w3.org/2000/svg';
        var defs = document.createElementNS(ns, 'defs');
        var pattern = document.createElementNS(ns, 'pattern');
        pattern.setAttribute('id', 'uncertain-hatch');
        pattern.setAttribute('patternUnits', 'userSpaceOnUse');
        pattern.setAttribute('width', '8');
        pattern.setAttribute('height', '8');
        pattern.setAttribute('patternTransform', 'rotate(45)');
        var back = document.createElementNS(ns, 'rect');
        back.setAttribute('width', '8');
        back.setAttribute('height', '8');
        back.setAttribute('fill', 'rgba(255,255,255,0.55)');
        var line = document.createElementNS(ns, 'rect');
        line.setAttribute('width', '2.5');
        line.setAttribute('height', '8');
        line.setAttribute('fill', '#6a3d9a');
        pattern.appendChild(back);
        pattern.appendChild(line);
        defs.appendChild(pattern);
        svg.insertBefore(defs, svg.firstChild);
    }
    addPattern();
    map.on('layeradd', addPattern);
})();
{% endmacro %}

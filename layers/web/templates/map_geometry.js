{# Every shape of the base map, drawn from the static geometry file (layers/web/geometry_file.py) or from
   data inline (a downloaded map): the units coloured as the view says, the uncertain zones, then the
   outlines of districts, province and border. Only what a view changes is written here (each unit's fill,
   the tooltip's lines). Each layer is put on the map at once, empty, with a renderer of its own, so they
   stack in this order whenever their shapes arrive. The units have one renderer (SVG for a province, one
   canvas from `canvas_from` units) and one tooltip, popup and hover handler for the whole layer, bound once
   the features are in: each SVG path then gets Leaflet's keyboard focus, and streamlit-folium's click
   handler (bound on the empty layer) still hears them. When the units are drawn the map's container says
   how many: data-units-drawn="N".
   A filter restyles instead of sending shapes: map.langsonSelect({chosen: [codes] or null, top: [codes]})
   (called by selection.js, the filter's layer) washes out the units not chosen and outlines the chosen and
   the top-ranked ones in a layer above the outlines, from the shapes already here; the container then says
   data-units-selected="N". #}
{% macro script(this, kwargs) %}
(function() {
    var map = {{ this._parent.get_name() }};
    var PALETTE = {{ this.palette|tojson }}, FILL_INDEX = {{ this.fill_index|tojson }};  // per unit, file order
    var FILLS = {};  // code -> colour, made from the two when the units arrive
    var FIELDS = {{ this.fields|tojson }};  // [[property, label], ...], labels escaped
    var DETAILS = {{ this.details|tojson }};  // {labels: [...], values: {code: [...]}} escaped, or null
    var UNIT = {{ this.unit_style|tojson }}, HOVER = {{ this.hover_style|tojson }};
    var DIMMED = {{ this.dimmed_style|tojson }}, CHOSEN = {{ this.chosen_style|tojson }};
    var TOP = {{ this.top_style|tojson }};
    var NO_DATA = {{ this.no_data|tojson }};
    var OTHERS = {{ this.others|tojson }};  // [{key, style, fields?}], in drawing order
    var canvas = {{ this.canvas|tojson }};

    function rows(props, fields, details) {
        var lines = fields.map(function(f) {
            return '<tr><th>' + f[1] + '</th><td>' + (props[f[0]] == null ? '' : props[f[0]]) + '</td></tr>';
        });
        if (details) {
            var values = details.values[props.gso_code] || [];
            details.labels.forEach(function(label, i) {
                lines.push('<tr><th>' + label + '</th><td>' + (values[i] == null ? '–' : values[i]) + '</td></tr>');
            });
        }
        return '<table>' + lines.join('') + '</table>';
    }
    var selection = {chosen: null, top: {}};  // what the filter chooses: {code: true} or null (everything)
    var byCode = {}, drawn = false;
    function set(codes) {
        var out = {};
        (codes || []).forEach(function(c) { out[c] = true; });
        return out;
    }
    function unitStyle(f) {
        var code = f.properties.gso_code;
        var s = Object.assign({}, UNIT, {fillColor: FILLS[code] || NO_DATA});
        return selection.chosen && !selection.chosen[code] ? Object.assign(s, DIMMED) : s;
    }
    var units = L.geoJSON(null, {
        renderer: canvas ? L.canvas({padding: 0.5, tolerance: 2}) : L.svg({padding: 0.5}),
        style: unitStyle
    }).addTo(map);
    map.langsonUnits = units;
    var others = OTHERS.map(function(o) {
        return L.geoJSON(null, {renderer: L.svg({padding: 0.5}), interactive: !!o.fields,
                                style: function() { return o.style; }}).addTo(map);
    });
    var outlines = L.geoJSON(null, {
        renderer: canvas ? L.canvas({padding: 0.5}) : L.svg({padding: 0.5}), interactive: false,
        style: function(f) { return selection.top[f.properties.gso_code] ? TOP : CHOSEN; }
    }).addTo(map);

    function showSelection() {
        units.setStyle(unitStyle);
        outlines.clearLayers();
        var chosen = Object.keys(selection.chosen || {}), top = Object.keys(selection.top);
        chosen.concat(top).forEach(function(code) { if (byCode[code]) outlines.addData(byCode[code]); });
        map.getContainer().dataset.unitsSelected = String(chosen.length);
    }
    map.langsonSelect = function(wanted) {
        selection = {chosen: wanted && wanted.chosen ? set(wanted.chosen) : null, top: set(wanted && wanted.top)};
        if (drawn) showSelection();
    };

    function draw(geometry) {
        geometry.communes.features.forEach(function(f, i) {
            byCode[f.properties.gso_code] = f;
            if (FILL_INDEX[i] >= 0) FILLS[f.properties.gso_code] = PALETTE[FILL_INDEX[i]];
        });
        units.addData(geometry.communes);
        units.bindTooltip(function(l) { return rows(l.feature.properties, FIELDS, DETAILS); },
                          {sticky: true, className: 'commune-tooltip'});
        if (DETAILS) {
            units.bindPopup(function(l) { return rows(l.feature.properties, FIELDS, DETAILS); },
                            {className: 'commune-popup', autoPan: false});  // popup_clear.js pans
        }
        units.on('mouseover', function(e) { e.layer.setStyle(HOVER); if (canvas) e.layer.bringToFront(); });
        units.on('mouseout', function(e) { units.resetStyle(e.layer); });
        OTHERS.forEach(function(o, i) {
            others[i].addData(geometry[o.key]);
            if (o.fields) {
                others[i].bindTooltip(function(l) { return rows(l.feature.properties, o.fields, null); },
                                      {sticky: true, className: 'commune-tooltip'});
            }
        });
        drawn = true;
        showSelection();
        map.getContainer().dataset.unitsDrawn = String(geometry.communes.features.length);
        map.langsonGeometry = geometry;
        map.fire('langson:drawn', {geometry: geometry});
    }
    {% if this.url %}
    // The packed file (layers/web/geometry_file.py) is a fifth of the bytes and the server sends it as it is;
    // a browser that cannot unpack it, or a file gone missing, falls back on the plain one.
    var url = {{ this.url|tojson }};
    function plain() { return fetch(url).then(function(r) { return r.json(); }); }
    var packed = window.DecompressionStream ? fetch(url + '.gz').then(function(r) {
        if (!r.ok) throw new Error(r.status);
        return new Response(r.body.pipeThrough(new DecompressionStream('gzip'))).json();
    }) : Promise.reject();
    packed.catch(plain).then(draw);
    {% else %}
    draw({{ this.geometry|tojson }});
    {% endif %}
})();
{% endmacro %}

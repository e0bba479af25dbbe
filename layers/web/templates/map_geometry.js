{# Every shape of the base map, drawn from the static geometry file (layers/web/geometry_file.py) or from
   data inline (a downloaded map): the units coloured as the view says, the uncertain zones, then the
   outlines of districts, province and border. Only what a view changes is written here (each unit's fill,
   the tooltip's lines). Each set of shapes has a renderer of its own, put on the map at once, so they stack
   in this order whenever their shapes arrive. The units have one renderer (SVG for a province, one canvas
   from `canvas_from` units) and one tooltip, popup and hover handler, on a group that every unit's layer
   sends its events to (streamlit-folium's click handler, bound on that group while it is empty, hears them
   too). In a province the units are the group's members, so each SVG path gets Leaflet's keyboard focus.
   Many units come in two levels (layers/web/detail_levels.py): the overview is fetched and drawn first, the
   detailed shapes are fetched after it and drawn from zoom `detail_from`; at both levels only the shapes in
   or near the view are on the map, so a zoom or a move costs what is in view, not the whole data set.
   When the units are drawn the map's container says how many: data-units-drawn="N"; and how many are on the
   map now, at which level: data-units-shown="N", data-units-level="overview" or "detail".
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
    var DETAIL_FROM = {{ this.detail_from|tojson }};  // null: one level

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
    var byCode = {}, drawn = false, outlined = null;  // code -> index; the level the outlines were made at
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
    function renderer(isCanvas, options) {
        var r = isCanvas ? L.canvas(options) : L.svg(options);
        map.addLayer(r);  // now, so that the sets stack in this order
        return r;
    }
    var culled = DETAIL_FROM !== null;
    var NEAR = 0.25;  // shapes this share of the view's size beyond each edge are drawn too (a short drag)
    var units = L.featureGroup().addTo(map);
    map.langsonUnits = units;
    var unitShapes = shapes(L.extend({renderer: renderer(canvas, {padding: 0.5, tolerance: 2})}, UNIT), unitStyle,
                            units);
    var others = OTHERS.map(function(o) {
        var group = o.fields ? L.featureGroup().addTo(map) : null;
        return shapes(L.extend({renderer: renderer(false, {padding: 0.5}), interactive: !!o.fields}, o.style),
                      function() { return o.style; }, group);
    });
    // The outlines of chosen units have a pane of their own, above the others and never in the way of the mouse:
    // a canvas there would take the hover and clicks meant for the units below it.
    var outlinePane = map.createPane('langsonOutlines');
    outlinePane.style.zIndex = 450;  // above the overlay pane (400), below names and badges (600)
    outlinePane.style.pointerEvents = 'none';
    var outlineRenderer = renderer(canvas, {padding: 0.5, pane: 'langsonOutlines'});
    var outlines = L.featureGroup().addTo(map);

    // A set of shapes, one layer per feature, built when first shown, at the level of detail the zoom asks
    // for. Its layers send their events to `group` (members of it when nothing is culled).
    function shapes(options, styleOf, group) {
        return {options: options, styleOf: styleOf, group: group, features: {overview: null, detail: null},
                bounds: [], built: {}, shown: {}};  // shown: index -> layer on the map
    }
    function level(s) {
        return s.features.detail && map.getZoom() >= DETAIL_FROM ? 'detail' : 'overview';
    }
    function layerFor(s, lv, i) {
        var key = lv + i;
        if (!s.built[key]) {
            var f = s.features[lv][i], layer = L.GeoJSON.geometryToLayer(f, s.options);
            layer.feature = f;
            layer.level = lv;
            if (s.group && culled) layer.addEventParent(s.group);
            s.built[key] = layer;
        }
        return s.built[key];
    }
    function bounds(feature) {
        var b = L.latLngBounds([]);
        (function walk(c) {
            if (typeof c[0] === 'number') b.extend([c[1], c[0]]);
            else c.forEach(walk);
        })(feature.geometry.coordinates);
        return b;
    }
    // Puts on the map the layers of `s` at the zoom's level that are in or near the view (all of them when
    // nothing is culled), and takes the others off.
    function place(s) {
        var lv = level(s), features = s.features[lv];
        if (!features) return;
        var view = culled ? map.getBounds().pad(NEAR) : null, wanted = {};
        features.forEach(function(f, i) { if (!view || view.intersects(s.bounds[i])) wanted[i] = true; });
        Object.keys(s.shown).forEach(function(i) {
            var layer = s.shown[i];
            if (wanted[i] && layer.level === lv) return;
            if (s.group && !culled) s.group.removeLayer(layer); else map.removeLayer(layer);
            delete s.shown[i];
        });
        Object.keys(wanted).forEach(function(i) {
            if (s.shown[i]) return;
            var layer = layerFor(s, lv, i);
            layer.setStyle(s.styleOf(layer.feature));
            if (s.group && !culled) s.group.addLayer(layer); else map.addLayer(layer);
            s.shown[i] = layer;
        });
    }
    function take(s, lv, collection) {
        if (!collection) return;
        s.features[lv] = collection.features;
        if (lv === 'overview') s.bounds = collection.features.map(bounds);
    }

    function showSelection() {
        Object.keys(unitShapes.shown).forEach(function(i) {
            var layer = unitShapes.shown[i];
            layer.setStyle(unitStyle(layer.feature));
        });
        outlines.clearLayers();
        var chosen = Object.keys(selection.chosen || {}), top = Object.keys(selection.top);
        var lv = level(unitShapes), features = unitShapes.features[lv];
        chosen.concat(top).forEach(function(code) {
            if (byCode[code] === undefined) return;
            var f = features[byCode[code]];
            var options = {renderer: outlineRenderer, interactive: false};
            L.GeoJSON.geometryToLayer(f, L.extend(options, selection.top[code] ? TOP : CHOSEN)).addTo(outlines);
        });
        outlined = lv;
        map.getContainer().dataset.unitsSelected = String(chosen.length);
    }
    // Restyled at the next frame: streamlit-folium moves the view in the same task as it adds the filter's
    // layer, and only what is then in view is restyled (the rest takes its style when it comes into view).
    var restyling = false;
    map.langsonSelect = function(wanted) {
        selection = {chosen: wanted && wanted.chosen ? set(wanted.chosen) : null, top: set(wanted && wanted.top)};
        if (drawn && !restyling) {
            restyling = true;
            L.Util.requestAnimFrame(function() { restyling = false; showSelection(); });
        }
    };
    function placeAll() {
        place(unitShapes);
        others.forEach(place);
        if (drawn && outlined !== level(unitShapes)) showSelection();  // the outlines follow the level
        var container = map.getContainer();  // for tests and benchmarks
        container.dataset.unitsShown = String(Object.keys(unitShapes.shown).length);
        container.dataset.unitsLevel = level(unitShapes);
    }

    function draw(geometry) {
        geometry.communes.features.forEach(function(f, i) {
            byCode[f.properties.gso_code] = i;
            if (FILL_INDEX[i] >= 0) FILLS[f.properties.gso_code] = PALETTE[FILL_INDEX[i]];
        });
        take(unitShapes, 'overview', geometry.communes);
        OTHERS.forEach(function(o, i) { take(others[i], 'overview', geometry[o.key]); });
        placeAll();
        units.bindTooltip(function(l) { return rows(l.feature.properties, FIELDS, DETAILS); },
                          {sticky: true, className: 'commune-tooltip'});
        if (DETAILS) {
            units.bindPopup(function(l) { return rows(l.feature.properties, FIELDS, DETAILS); },
                            {className: 'commune-popup', autoPan: false});  // popup_clear.js pans
        }
        units.on('mouseover', function(e) { e.layer.setStyle(HOVER); if (canvas) e.layer.bringToFront(); });
        units.on('mouseout', function(e) { e.layer.setStyle(unitStyle(e.layer.feature)); });
        OTHERS.forEach(function(o, i) {
            if (o.fields) {
                others[i].group.bindTooltip(function(l) { return rows(l.feature.properties, o.fields, null); },
                                            {sticky: true, className: 'commune-tooltip'});
            }
        });
        drawn = true;
        showSelection();
        if (culled) map.on('zoom moveend', placeAll);  // 'zoom': before the shapes are projected again
        map.getContainer().dataset.unitsDrawn = String(geometry.communes.features.length);
        map.langsonGeometry = geometry;
        map.fire('langson:drawn', {geometry: geometry});
    }
    // The detailed shapes (with the same properties), in the overview's order.
    function drawDetail(geometry) {
        take(unitShapes, 'detail', geometry.communes);
        OTHERS.forEach(function(o, i) { take(others[i], 'detail', geometry[o.key]); });
        placeAll();
    }

    // The packed file (layers/web/geometry_file.py) is a fifth of the bytes and the server sends it as it is;
    // a browser that cannot unpack it, or a file gone missing, falls back on the plain one.
    function load(url) {
        function plain() { return fetch(url).then(function(r) { return r.json(); }); }
        var packed = window.DecompressionStream ? fetch(url + '.gz').then(function(r) {
            if (!r.ok) throw new Error(r.status);
            return new Response(r.body.pipeThrough(new DecompressionStream('gzip'))).json();
        }) : Promise.reject();
        return packed.catch(plain);
    }
    {% if this.url %}
    var first = load({{ this.url|tojson }}).then(draw);
    {% if this.detail_url %}
    first.then(function() { return load({{ this.detail_url|tojson }}); }).then(drawDetail);
    {% endif %}
    {% else %}
    draw({{ this.geometry|tojson }});
    {% endif %}
})();
{% endmacro %}

{# Names and village badges, laid out so that none covers another (the print map's rule, layers/paper/labels.py).
   District names below zoom min_zoom, commune names from it; never clickable. After every zoom and move the
   items on the map are taken in order of priority: district names, commune names, badges; within each, the
   chosen communes' first (when a filter chooses some), then larger communes and more villages (the rows come
   sorted so). Each is shown at the first of its places that touches no item shown before it and no map
   control; the rest are hidden until there is room. A district name also keeps off village points if it can.
   Only the names anchored in the view padded by half its size on each side are on the map at all (one
   could not be placed farther out), so at 10,000 communes the work is what is in view; which ones is
   decided again before every layout. villages.js registers the badges and points (few, never left off);
   selection.js (the filter's layer) says which communes are chosen, and the others' names and badges are
   washed out like the communes themselves. #}
{% macro script(this, kwargs) %}
(function() {
    var map = {{ this._parent.get_name() }};
    var PAD = {{ this.pad }};  // px of air kept round every name and badge
    var ORDER = {district: 0, commune: 1, badge: 2};
    var MIN_ZOOM = {{ this.min_zoom }};  // commune names from this zoom, district names below it
    var byKind = {commune: [], district: []};  // kind -> [{marker, kind, code, rank, on}], on the map if near
    var near = [];  // the names now on the map
    var items = [];  // from villages.js: {marker, kind, code, rank}; kind 'point' items are obstacles, never hidden
    var chosen = null;  // {code: true} for the communes a filter chooses, else null (nothing washed out)
    var pending = false, ready = false;
    // Sizes change when the stylesheet arrives after this script (streamlit-folium adds it late) or fonts load:
    // one name of each kind and one badge are watched (another once it leaves the map), and a change of the
    // size last laid out lays everything out again.
    var watched = {};  // kind -> {span, w, h}
    var watcher = window.ResizeObserver ? new ResizeObserver(function() {
        for (var kind in watched) {
            var s = watched[kind];
            if (s.span.isConnected && (s.span.offsetWidth !== s.w || s.span.offsetHeight !== s.h)) return schedule();
        }
    }) : null;

    function makeNames(rows, cls, kind) {
        return rows.map(function(r, i) {
            var m = L.marker([r[0], r[1]], {interactive: false, keyboard: false,
                icon: L.divIcon({className: cls + ' label-hidden', html: '<span>' + r[2] + '</span>', iconSize: null})
            });
            return {marker: m, kind: kind, code: r[3] || null, rank: i, on: false};
        });
    }
    // The rows come with the map's shapes (map_geometry.js): already there for a map written inline, else
    // when the geometry file has arrived.
    function start(geometry) {
        byKind.commune = makeNames(geometry.commune_labels, 'map-label commune-label', 'commune');
        byKind.district = makeNames(geometry.district_labels, 'map-label district-label', 'district');
        schedule();
    }
    if (map.langsonGeometry) { start(map.langsonGeometry); }
    else { map.once('langson:drawn', function(e) { start(e.geometry); }); }

    // Puts on the map the names of the zoom's kind anchored near the view, takes off the others (only those
    // whose state changes).
    function cull() {
        var bounds = map.getBounds().pad(0.5), kind = map.getZoom() >= MIN_ZOOM ? 'commune' : 'district';
        near = [];
        ['commune', 'district'].forEach(function(k) {
            byKind[k].forEach(function(it) {
                var on = k === kind && bounds.contains(it.marker.getLatLng());
                if (on !== it.on) {
                    it.on = on;
                    if (on) map.addLayer(it.marker); else map.removeLayer(it.marker);
                }
                if (on) near.push(it);
            });
        });
    }

    function box(x, y, w, h, pad) {
        return [x - w / 2 - pad, y - h / 2 - pad, x + w / 2 + pad, y + h / 2 + pad];
    }
    function hits(b, boxes) {
        for (var i = 0; i < boxes.length; i++) {
            var o = boxes[i];
            if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) return true;
        }
        return false;
    }
    function relative(rect, frame) {
        return [rect.left - frame.left, rect.top - frame.top, rect.right - frame.left, rect.bottom - frame.top];
    }
    function washedOut(codes) {
        if (!chosen || !codes.length) return false;
        return codes.every(function(c) { return !chosen[c]; });
    }

    // Where an item may sit: offsets of its centre from its anchor, best first.
    function places(e, names) {
        if (e.kind === 'district') {
            var dy = e.h + PAD;
            return [[0, 0], [0, -dy], [0, dy], [-e.w / 3, 0], [e.w / 3, 0], [0, -2 * dy], [0, 2 * dy]];
        }
        if (e.kind !== 'badge' || e.cluster) return [[0, 0]];
        var name = names[e.code];  // the commune's name, if shown: the badge goes beside it, never on it
        var nw = name ? name.w : 0, nh = name ? name.h : 0, gap = name ? 2 * PAD + 1 : 0;  // both boxes are padded
        var around = [[0, -(nh + e.h) / 2 - gap], [(nw + e.w) / 2 + gap, 0], [-(nw + e.w) / 2 - gap, 0],
                      [0, (nh + e.h) / 2 + gap]];
        return name ? around : [[0, 0]].concat(around);
    }

    function layout() {
        pending = false;
        if (!ready) return;
        cull();
        var size = map.getSize(), frame = map.getContainer().getBoundingClientRect();
        // Read everything first (one style and layout pass), then write.
        var controls = [];
        map.getContainer().querySelectorAll('.leaflet-control').forEach(function(c) {
            var r = c.getBoundingClientRect();
            if (r.width && r.height) controls.push(relative(r, frame));
        });
        var live = [], dots = [];
        near.concat(items).forEach(function(it) {
            var el = map.hasLayer(it.marker) && it.marker.getElement();
            if (!el) return;
            var p = map.latLngToContainerPoint(it.marker.getLatLng());
            var codes = it.code ? [it.code] : [];
            if (it.kind === 'point') {
                dots.push({el: el, box: box(p.x, p.y, el.offsetWidth, el.offsetHeight, 0), out: washedOut(codes)});
                return;
            }
            var span = el.firstChild;
            live.push({el: el, span: span, kind: it.kind, code: it.code, rank: it.rank, x: p.x, y: p.y,
                       w: span.offsetWidth, h: span.offsetHeight, out: washedOut(codes)});
        });
        map.getContainer().querySelectorAll('.village-cluster').forEach(function(el, i) {
            var r = relative(el.getBoundingClientRect(), frame), span = el.firstChild;
            var codes = (span.getAttribute('data-codes') || '').split(' ').filter(Boolean);
            live.push({el: el, span: span, kind: 'badge', cluster: true, code: null, rank: 1e6 + i, x: r[0], y: r[1],
                       w: span.offsetWidth, h: span.offsetHeight, out: washedOut(codes)});
        });

        live.forEach(function(e) {
            var seen = watched[e.kind];
            if (!watcher || e.cluster) return;  // a cluster's icon is soon replaced
            if (seen && seen.span === e.span) { seen.w = e.w; seen.h = e.h; return; }
            if (seen && seen.span.isConnected) return;
            if (seen) watcher.unobserve(seen.span);
            watcher.observe(e.span);
            watched[e.kind] = {span: e.span, w: e.w, h: e.h};
        });
        live.sort(function(a, b) {
            return (ORDER[a.kind] - ORDER[b.kind]) || ((a.out ? 1 : 0) - (b.out ? 1 : 0)) || (a.rank - b.rank);
        });
        var taken = controls.slice(), marks = dots.map(function(d) { return d.box; }), names = {};
        live.forEach(function(e) {
            var spots = places(e, names), fallback = null;
            e.at = null;
            for (var i = 0; i < spots.length && !e.at; i++) {
                var x = e.x + spots[i][0], y = e.y + spots[i][1];
                var b = box(x, y, e.w, e.h, e.kind === 'district' ? 3 * PAD : PAD);  // two districts never read as one
                if (b[0] < 0 || b[1] < 0 || b[2] > size.x || b[3] > size.y || hits(b, taken)) continue;
                if (e.kind === 'district' && hits(b, marks)) {
                    fallback = fallback || [x, y, b];  // on a village point: only if no spot is clear of them
                    continue;
                }
                e.at = [x, y, b];
            }
            e.at = e.at || fallback;
            if (!e.at) return;
            taken.push(e.at[2]);
            if (e.kind === 'commune') names[e.code] = {w: e.w, h: e.h};
        });

        live.forEach(function(e) {
            e.el.classList.toggle('label-hidden', !e.at);
            e.el.classList.toggle('washed-out', e.out);
            if (e.at) {  // the span's offset from the anchor (the icon's corner)
                var dx = e.at[0] - e.x - e.w / 2, dy = e.at[1] - e.y - e.h / 2;
                e.span.style.transform = 'translate(' + dx + 'px,' + dy + 'px)';
            }
        });
        dots.forEach(function(d) { d.el.classList.toggle('washed-out', d.out); });
    }

    function schedule() {
        if (!pending) {
            pending = true;
            L.Util.requestAnimFrame(layout);
        }
    }

    map.langsonLabels = {
        add: function(more) { items = items.concat(more); schedule(); },
        choose: function(codes) {
            chosen = null;
            if (codes) {
                chosen = {};
                codes.forEach(function(c) { chosen[c] = true; });
            }
            schedule();
        },
        schedule: schedule
    };
    map.on('zoomend moveend resize', schedule);
    map.whenReady(function() { ready = true; schedule(); });
})();
{% endmacro %}

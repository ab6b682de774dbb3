/* Marsad maps: Leaflet with configurable tiles, or, when no tile server is set, the region offline:
   the countries of the Middle East and North Africa (Natural Earth, static/data/region.geojson) with their
   names in the page's language, and governorate names from zoom 7.
   Everything comes from data-* attributes and json_script elements (no inline script, CSP-safe). */
(function () {
  "use strict";

  var lang = document.documentElement.lang || "ar";
  var OUTLINE = { color: "#7a7a7a", weight: 1, fillColor: "#efece4", fillOpacity: 0.9, interactive: false };
  var CONTEXT = { color: "#a5a5a5", weight: 0.6, fillColor: "#f4f3ef", fillOpacity: 0.9, interactive: false };
  var words = {};
  var holder = document.getElementById("map-words");
  if (holder) { words = JSON.parse(holder.textContent); }

  // "3 قتلى", "11 قتيلًا": the count's form by the language's plural rules (CLDR's, as Django's catalogue).
  function killed(n) {
    var forms = words.killed || {};
    var form = forms[new Intl.PluralRules(lang).select(n)] || forms.other || "%(n)s";
    return form.replace("%(n)s", String(n));
  }
  var MARKER = { color: "#8a1c1c", weight: 1, fillColor: "#c0392b", fillOpacity: 0.6 };

  function radius(fatalities) {
    return 4 + Math.min(14, Math.sqrt(fatalities || 0) * 2);
  }

  function popupFor(props) {
    var box = document.createElement("div");
    box.dir = lang === "ar" ? "rtl" : "ltr";
    box.className = "map-popup";
    var link = document.createElement("a");
    link.href = props.url;
    link.textContent = (lang === "en" && props.title_en) ? props.title_en : props.title_ar;
    box.appendChild(link);
    var meta = document.createElement("div");
    meta.className = "small text-secondary";
    var code = document.createElement("bdi");
    code.textContent = props.code;
    meta.append(props.date_start + " · ", code, " · " + killed(props.fatalities || 0));
    box.appendChild(meta);
    return box;
  }

  function loadJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    });
  }

  // Country names (and, zoomed in, governorate names) as text: never markup from the data file.
  function labels(map, features) {
    var shown = [];
    features.forEach(function (f) {
      var p = f.properties;
      if (!p.name_ar || (p.kind === "country" && !p.region)) { return; }
      var at = p.kind === "country" ? p.label : [f.geometry.coordinates[1], f.geometry.coordinates[0]];
      var text = document.createElement("span");
      text.textContent = lang === "en" ? p.name_en : p.name_ar;
      text.dir = "auto";
      var icon = L.divIcon({ className: "map-label map-label-" + p.kind, html: text, iconSize: null });
      shown.push({ minzoom: p.minzoom || 0, marker: L.marker(at, { icon: icon, interactive: false, keyboard: false }) });
    });
    function refresh() {
      var zoom = map.getZoom();
      shown.forEach(function (s) {
        if (zoom >= s.minzoom) { s.marker.addTo(map); } else { s.marker.remove(); }
      });
    }
    map.on("zoomend", refresh);
    refresh();
  }

  function init(el) {
    if (!window.L) { return; }
    var map = L.map(el, { scrollWheelZoom: false, worldCopyJump: false, zoomControl: false }).setView([31.5, 43.5], 5);
    L.control.zoom({ zoomInTitle: words.zoom_in || "Zoom in", zoomOutTitle: words.zoom_out || "Zoom out" }).addTo(map);
    // Leaflet's own prefix carries an English title: the brand alone, linked.
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    var tiles = el.dataset.tiles;
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 18, attribution: el.dataset.attribution || "" }).addTo(map);
    } else if (el.dataset.borders) {
      el.classList.add("map-offline");
      map.attributionControl.addAttribution("Natural Earth");
      loadJSON(el.dataset.borders).then(function (region) {
        var countries = region.features.filter(function (f) { return f.properties.kind === "country"; });
        var layer = L.geoJSON(countries, {
          style: function (f) { return f.properties.region ? OUTLINE : CONTEXT; },
          interactive: false
        }).addTo(map).bringToBack();
        el.dataset.regionCountries = String(layer.getLayers().length);
        labels(map, region.features);
      }).catch(function () { /* the markers still show without outlines */ });
    }
    if (el.dataset.point) {
      var holder = document.getElementById(el.dataset.point);
      if (holder) {
        var p = JSON.parse(holder.textContent);
        // The title is text, never markup: Leaflet sets a string tooltip as innerHTML.
        var label = document.createElement("span");
        label.dir = "auto";
        label.textContent = p.label;
        L.circleMarker([p.lat, p.lon], Object.assign({ radius: 8 }, MARKER)).addTo(map).bindTooltip(label);
        map.setView([p.lat, p.lon], tiles ? 9 : 6);
      }
    }
    if (el.dataset.geojson) {
      loadJSON(el.dataset.geojson).then(function (data) {
        var layer = L.geoJSON(data, {
          filter: function (f) { return !!f.geometry; },
          pointToLayer: function (f, latlng) {
            return L.circleMarker(latlng, Object.assign({ radius: radius(f.properties.fatalities) }, MARKER));
          },
          onEachFeature: function (f, l) { l.bindPopup(popupFor(f.properties)); }
        }).addTo(map);
        var bounds = layer.getBounds();
        if (bounds.isValid()) { map.fitBounds(bounds.pad(0.2), { maxZoom: 8 }); }
        el.dataset.loaded = String(layer.getLayers().length);
      }).catch(function () { el.dataset.loaded = "error"; });
    }
  }

  document.querySelectorAll(".marsad-map").forEach(init);
})();

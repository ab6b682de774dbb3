/* Marsad maps: Leaflet with configurable tiles, or country outlines when no tile server is set.
   Everything comes from data-* attributes and json_script elements (no inline script, CSP-safe). */
(function () {
  "use strict";

  var lang = document.documentElement.lang || "ar";
  var OUTLINE = { color: "#7a7a7a", weight: 1, fillColor: "#efece4", fillOpacity: 0.9, interactive: false };
  var MARKER = { color: "#8a1c1c", weight: 1, fillColor: "#c0392b", fillOpacity: 0.6 };

  function radius(fatalities) {
    return 4 + Math.min(14, Math.sqrt(fatalities || 0) * 2);
  }

  function popupFor(props) {
    var box = document.createElement("div");
    box.dir = "auto";
    var link = document.createElement("a");
    link.href = props.url;
    link.textContent = (lang === "en" && props.title_en) ? props.title_en : props.title_ar;
    box.appendChild(link);
    var meta = document.createElement("div");
    meta.className = "small text-secondary";
    meta.textContent = props.date_start + " · " + props.code + " · " + props.fatalities;
    box.appendChild(meta);
    return box;
  }

  function loadJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    });
  }

  function init(el) {
    if (!window.L) { return; }
    var map = L.map(el, { scrollWheelZoom: false, worldCopyJump: false }).setView([31.5, 43.5], 5);
    var tiles = el.dataset.tiles;
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 18, attribution: el.dataset.attribution || "" }).addTo(map);
    } else if (el.dataset.borders) {
      el.classList.add("map-offline");
      loadJSON(el.dataset.borders).then(function (outline) {
        L.geoJSON(outline, { style: OUTLINE, interactive: false }).addTo(map).bringToBack();
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

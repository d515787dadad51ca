// The desk's map: offline basemap (Natural Earth countries + GeoNames place labels), clustered markers,
// hollow rings for events placed only at region or country level, and a legend.
"use strict";

const PRECISION_STYLE = {  // a ring's size says how vague the place is; filled = a named town or site
  point: { radius: 6, fill: 0.8, dash: null, weight: 1 },
  admin2: { radius: 8, fill: 0.45, dash: null, weight: 1.5 },
  admin1: { radius: 12, fill: 0, dash: "3 3", weight: 2 },
  country: { radius: 18, fill: 0, dash: "2 4", weight: 2 },
  region: { radius: 22, fill: 0, dash: "2 4", weight: 2 },
};

const deskMap = { map: null, cluster: null, labels: null, labelData: [], fitted: false, types: [] };

// Rings that cross the antimeridian (Chukotka, Fiji) would be drawn across the whole map: move their
// western half east of 180° so each ring stays contiguous.
function unwrap(fc) {
  const fix = (ring) => {
    const east = ring.some(([x]) => x > 170), west = ring.some(([x]) => x < -170);
    return east && west ? ring.map(([x, y]) => [x < 0 ? x + 360 : x, y]) : ring;
  };
  for (const f of fc.features) {
    const g = f.geometry;
    if (!g) continue;
    if (g.type === "Polygon") g.coordinates = g.coordinates.map(fix);
    if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map((p) => p.map(fix));
  }
  return fc;
}

function drawLabels() {
  const m = deskMap.map, z = m.getZoom(), b = m.getBounds().pad(0.1);
  deskMap.labels.clearLayers();
  let shown = 0;
  const taken = [];  // screen boxes of placed labels: a label that would overlap one is left out
  for (const [name, lat, lon, kind, minz] of deskMap.labelData) {  // sorted by min zoom, then population
    if (minz > z || !b.contains([lat, lon])) continue;
    const pt = m.latLngToContainerPoint([lat, lon]);
    const w = name.length * (kind === "c" ? 8 : 6.5) / 2 + 4, h = 9;
    if (taken.some(([x, y, tw]) => Math.abs(x - pt.x) < w + tw && Math.abs(y - pt.y) < 2 * h)) continue;
    taken.push([pt.x, pt.y, w]);
    L.marker([lat, lon], {
      icon: L.divIcon({ className: "lbl lbl-" + kind, html: esc(name), iconSize: null }),
      interactive: false, keyboard: false,
    }).addTo(deskMap.labels);
    if (++shown >= 160) break;
  }
}

// The map and its layers now; the basemap outlines and labels arrive when they do (never waited for).
function initMap() {
  const el = document.getElementById("map");
  if (typeof L === "undefined") {
    el.innerHTML = '<p class="nomap">The map libraries are missing from static/vendor (see docs/web.md).</p>';
    return false;
  }
  const m = L.map(el, { worldCopyJump: true, minZoom: 2, maxZoom: 13 }).setView([30, 20], 3);
  deskMap.map = m;
  m.createPane("basemap").style.zIndex = 200;
  m.createPane("labels").style.zIndex = 450;
  m.getPane("labels").style.pointerEvents = "none";
  // outlines are drawn after the first data (deskMap.ready), so the events never wait for decoration
  const outlines = fetch("/static/vendor/countries-50m.json").then((r) => r.json());
  Promise.all([outlines, new Promise((resolve) => { deskMap.ready = resolve; })]).then(([topo]) => {
    L.geoJSON(unwrap(topojson.feature(topo, topo.objects.countries)), {
      pane: "basemap", renderer: L.canvas({ pane: "basemap" }), interactive: false,
      style: { color: "#9aa7b3", weight: 0.7, fillColor: "#fbfbf8", fillOpacity: 1 },
    }).addTo(m);
  }).catch(() => { /* outlines are decoration; markers still show */ });
  deskMap.labels = L.layerGroup([], { pane: "labels" }).addTo(m);
  fetch("/static/labels.json").then((r) => r.json()).then((d) => { deskMap.labelData = d.labels; drawLabels(); })
    .catch(() => {});
  m.on("moveend", drawLabels);
  deskMap.cluster = L.markerClusterGroup({
    chunkedLoading: true, maxClusterRadius: 45, showCoverageOnHover: false,
    chunkProgress: (done, total) => { if (done >= total && deskMap.onDone) { deskMap.onDone(); deskMap.onDone = null; } },
  });
  m.addLayer(deskMap.cluster);
  addLegend();
  return true;
}

function addLegend() {
  const legend = L.control({ position: "bottomright" });
  legend.onAdd = () => {
    const div = L.DomUtil.create("div", "legend");
    div.id = "legend";
    return div;
  };
  legend.addTo(deskMap.map);
}

function drawLegend(types) {
  const div = document.getElementById("legend");
  if (!div) return;
  const ring = (p) => {
    const s = PRECISION_STYLE[p], r = Math.min(s.radius, 11);
    return `<svg width="26" height="24"><circle cx="13" cy="12" r="${r}" stroke="#34495e" stroke-width="${s.weight}"` +
      ` fill="#34495e" fill-opacity="${s.fill}" ${s.dash ? `stroke-dasharray="${s.dash}"` : ""}/></svg>`;
  };
  div.innerHTML = "<strong>Type</strong>" + types.map((t) =>
    `<div><i style="background:${typeColor(t, types)}"></i>${esc(label(t))}</div>`).join("") +
    "<strong>Place known to</strong>" +
    ["point", "admin1", "country"].map((p) => `<div>${ring(p)}${p === "point" ? "town or site" : p === "admin1" ? "region only" : "country only"}</div>`).join("") +
    '<div class="hint">numbers: clustered events</div>';
}

function popupHtml(p) {
  const [id, , , , precision, status, place, date] = p;
  return `<a href="/events/${esc(id)}"><strong>${esc(label(p[3]))}</strong></a><br>` +
    `${esc(date || "undated")} · ${esc(place)} <span class="muted">(${esc(precision)})</span><br>` +
    `<span class="status status-${esc(status)}">${esc(status)}</span> · <a href="/events/${esc(id)}">open event</a>`;
}

// Resolves once every marker is in the cluster layer (it loads them in chunks to keep the page responsive).
function drawMap(data) {
  if (!deskMap.cluster) return Promise.resolve();
  deskMap.types = data.types;
  deskMap.cluster.clearLayers();
  const layers = [];
  for (const p of data.points) {
    const s = PRECISION_STYLE[p[4]] || PRECISION_STYLE.point;
    const colour = typeColor(p[3], data.types);
    const mk = L.circleMarker([p[1], p[2]], {
      radius: s.radius, color: colour, weight: s.weight, fillColor: colour, fillOpacity: s.fill, dashArray: s.dash,
    });
    mk.bindPopup(() => popupHtml(p));
    mk.eventId = p[0];
    layers.push(mk);
  }
  const placed = new Promise((resolve) => { deskMap.onDone = resolve; setTimeout(resolve, 10000); });
  deskMap.cluster.addLayers(layers);
  drawLegend(data.types);
  if (!layers.length && deskMap.onDone) { deskMap.onDone(); deskMap.onDone = null; }
  return placed.then(() => {
    if (!deskMap.fitted && layers.length) {
      deskMap.map.fitBounds(deskMap.cluster.getBounds(), { padding: [20, 20], maxZoom: 7 });
      deskMap.fitted = true;
    }
  });
}

function mapBbox() {
  const b = deskMap.map.getBounds();
  return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((x) => x.toFixed(3)).join(",");
}

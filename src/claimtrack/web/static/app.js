// The claimtrack web view: events from /api/events drawn on a map and a per-day timeline.
"use strict";

const COLORS = {
  "Explosions/Remote violence": "#c0392b", "Battles": "#8e44ad", "Violence against civilians": "#d35400",
  "Protests": "#2980b9", "Riots": "#16a085", "Strategic developments": "#7f8c8d",
};
const state = { events: [], day: null, markers: new Map(), map: null, layer: null };

const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
const color = (ev) => COLORS[(ev.acled || {}).event_type] || "#34495e";
const dayOf = (ev) => (ev.date && ev.date.value) || "undated";

function describe(ev) {
  const loc = ev.location ? `${ev.location.name}${ev.location.country ? " (" + ev.location.country + ")" : ""}` : "no place";
  const who = [ev.initiator, ev.target].filter(Boolean).map((a) => a.entity || a.text).join(" → ");
  const figs = (ev.quantities || []).map((q) => [q.value, q.unit, q.role].filter((x) => x !== null && x !== undefined && x !== "").join(" ")).join(", ");
  const srcs = (ev.sources || []).map((s) => s.entity).join(", ");
  return `<strong>${esc(ev.type)}</strong> · ${esc(dayOf(ev))} · ${esc(loc)}` +
    `<div class="meta">${esc(who)}${figs ? " · " + esc(figs) : ""}</div>` +
    `<div class="meta"><span class="status-${esc(ev.status)}">${esc(ev.status)}</span>` +
    ` · ${(ev.reports || []).length} report(s)${srcs ? " · sources: " + esc(srcs) : ""}` +
    `${ev.independent_sources != null ? " · independent: " + esc(ev.independent_sources) : ""}</div>`;
}

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

async function initMap() {
  if (typeof L === "undefined") {
    document.getElementById("map").innerHTML =
      '<p class="nomap">Map libraries are not installed: run <code>make web-assets</code>. The timeline and list work without them.</p>';
    return;
  }
  state.map = L.map("map", { worldCopyJump: true }).setView([48.5, 34], 5);
  try {
    const topo = await (await fetch("/static/vendor/countries-50m.json")).json();
    L.geoJSON(unwrap(topojson.feature(topo, topo.objects.countries)), {
      style: { color: "#9aa7b3", weight: 0.7, fillColor: "#fbfbf8", fillOpacity: 1 },
    }).addTo(state.map);
  } catch (e) { /* outlines are decoration; markers still show */ }
  state.layer = L.layerGroup().addTo(state.map);
}

function drawMap(events) {
  if (!state.layer) return;
  state.layer.clearLayers();
  state.markers.clear();
  const pts = [];
  for (const ev of events) {
    const loc = ev.location;
    if (!loc || loc.lat == null || loc.lon == null) continue;
    const m = L.circleMarker([loc.lat, loc.lon], {
      radius: 5 + Math.min(10, 2 * (ev.reports || []).length), color: color(ev), fillOpacity: 0.7, weight: 1,
    }).bindPopup(describe(ev));
    m.addTo(state.layer);
    state.markers.set(ev.id, m);
    pts.push([loc.lat, loc.lon]);
  }
  if (pts.length) state.map.fitBounds(pts, { padding: [30, 30], maxZoom: 7 });
}

function drawTimeline(events) {
  const svg = document.getElementById("timeline");
  const counts = new Map();
  for (const ev of events) counts.set(dayOf(ev), (counts.get(dayOf(ev)) || 0) + 1);
  const days = [...counts.keys()].sort();
  const w = svg.clientWidth || 400, h = 120, pad = 18;
  const max = Math.max(1, ...counts.values());
  const bw = Math.max(2, (w - 2 * pad) / Math.max(1, days.length));
  let out = "";
  days.forEach((d, i) => {
    const bh = ((h - 2 * pad) * counts.get(d)) / max;
    out += `<rect x="${pad + i * bw}" y="${h - pad - bh}" width="${bw - 1}" height="${bh}" fill="#34495e" ` +
      `data-day="${esc(d)}" class="${d === state.day ? "sel" : ""}"><title>${esc(d)}: ${counts.get(d)} event(s)</title></rect>`;
  });
  if (days.length) {
    out += `<text x="${pad}" y="${h - 4}" font-size="10">${esc(days[0])}</text>`;
    out += `<text x="${w - pad}" y="${h - 4}" font-size="10" text-anchor="end">${esc(days[days.length - 1])}</text>`;
  }
  svg.innerHTML = out;
  svg.querySelectorAll("rect").forEach((r) => r.addEventListener("click", () => {
    state.day = state.day === r.dataset.day ? null : r.dataset.day;
    render();
  }));
}

function drawList(events) {
  const ol = document.getElementById("list");
  ol.innerHTML = events.map((ev) => `<li data-id="${esc(ev.id)}">${describe(ev)}</li>`).join("");
  ol.querySelectorAll("li").forEach((li) => li.addEventListener("click", () => {
    const m = state.markers.get(li.dataset.id);
    if (m) { state.map.setView(m.getLatLng(), Math.max(state.map.getZoom(), 7)); m.openPopup(); }
  }));
}

function render() {
  const shown = state.day ? state.events.filter((ev) => dayOf(ev) === state.day) : state.events;
  document.getElementById("summary").textContent =
    `${shown.length} of ${state.events.length} event(s)${state.day ? " on " + state.day : ""}`;
  drawMap(shown);
  drawTimeline(state.events);
  drawList(shown);
}

async function load() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(document.getElementById("filters"))) if (v) params.set(k, v);
  state.events = await (await fetch("/api/events?" + params)).json();
  const sel = document.querySelector("select[name=type]");
  const types = [...new Set(state.events.map((e) => e.type))].sort();
  if (sel.options.length === 1) for (const t of types) sel.add(new Option(t, t));
  state.day = null;
  render();
}

document.getElementById("filters").addEventListener("submit", (e) => { e.preventDefault(); load(); });
initMap().then(load);

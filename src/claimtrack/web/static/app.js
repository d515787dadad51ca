// The desk's list page: filters live in the URL (shareable), facet counts beside them, and the map,
// timeline and list all show the same selection.
"use strict";

const PAGE = 50;
const MULTI = ["status", "type", "country", "admin1", "actor", "publisher", "precision", "date_precision"];
const LABELLED = ["type", "precision", "date_precision"];  // our own codes; publishers, actors, places shown as written
let allTypes = [];

const params = () => new URLSearchParams(location.search);
function withoutPaging(p) { const q = new URLSearchParams(p); q.delete("offset"); return q; }

function go(p, replace) {
  p.delete("offset");
  for (const [k, v] of [...p]) if (!v) p.delete(k);
  const url = location.pathname + (p.toString() ? "?" + p : "");
  (replace ? history.replaceState : history.pushState).call(history, null, "", url);
  load();
}

function toggle(facet, value) {
  const p = params();
  const vals = p.getAll(facet);
  p.delete(facet);
  for (const v of vals) if (v !== value) p.append(facet, v);
  if (!vals.includes(value)) p.append(facet, value);
  go(p);
}

function drawFacets(data) {
  const p = params();
  const el = document.getElementById("facets");
  el.innerHTML = MULTI.map((f) => {
    const chosen = p.getAll(f);
    const rows = (data.facets[f] || []).map((v) =>
      `<li><label><input type="checkbox" data-facet="${f}" value="${esc(v.value)}" ${chosen.includes(v.value) ? "checked" : ""}>` +
      ` ${f === "status" ? `<span class="status status-${esc(v.value)}">${esc(v.value)}</span>` : esc(LABELLED.includes(f) ? label(v.value) : v.value)}` +
      ` <span class="count">${v.count}</span></label></li>`).join("");
    return `<section class="facet" data-facet="${f}"><h2>${FACET_TITLES[f]}</h2><ul>${rows || "<li class=muted>—</li>"}</ul></section>`;
  }).join("") + (p.get("bbox") ? `<p><button type="button" id="nobbox">forget map area</button></p>` :
    `<p><button type="button" id="bbox">only the map's area</button></p>`);
  el.querySelectorAll("input[type=checkbox]").forEach((cb) => cb.addEventListener("change", () => toggle(cb.dataset.facet, cb.value)));
  const b = document.getElementById("bbox");
  if (b) b.addEventListener("click", () => { const q = params(); q.set("bbox", mapBbox()); go(q); });
  const nb = document.getElementById("nobbox");
  if (nb) nb.addEventListener("click", () => { const q = params(); q.delete("bbox"); go(q); });
}

function item(ev) {
  const place = ev.place ? `${ev.place}${ev.admin1 && ev.admin1 !== ev.place ? ", " + ev.admin1 : ""}${ev.country ? " (" + ev.country + ")" : ""}` : "no place";
  return `<li class="event" data-id="${esc(ev.id)}"><a class="open" href="/events/${esc(ev.id)}">` +
    `<strong style="color:${typeColor(ev.type, allTypes)}">${esc(label(ev.type))}</strong></a> · ${esc(ev.date || "undated")}` +
    `${ev.date_precision && ev.date_precision !== "day" ? ` <span class="muted">(${esc(ev.date_precision)})</span>` : ""}` +
    `<div>${esc(place)} <span class="muted">${esc(ev.precision || "")}</span></div>` +
    `<div class="meta"><span class="status status-${esc(ev.status)}">${esc(ev.status)}</span> · ${ev.reports} report(s) · ` +
    `${ev.independent_sources} independent · ${esc(ev.actors.join(" / "))}${ev.figures ? " · " + esc(ev.figures) : ""}</div>` +
    `<div class="meta">${esc(ev.publishers.slice(0, 3).join(", "))}${ev.publishers.length > 3 ? " …" : ""}</div></li>`;
}

function drawList(data) {
  document.getElementById("list").innerHTML = data.items.map(item).join("") || '<li class="muted">No event matches these filters.</li>';
  const first = data.total ? data.offset + 1 : 0;
  document.getElementById("page").textContent = `${first}–${data.offset + data.items.length} of ${data.total}`;
  document.getElementById("prev").disabled = data.offset === 0;
  document.getElementById("next").disabled = !data.next;
  document.getElementById("summary").textContent = `${data.total} event(s)`;
}

function syncForm() {
  const p = params(), form = document.getElementById("search");
  for (const k of ["q", "since", "until"]) form.elements[k].value = p.get(k) || "";
  const qs = withoutPaging(p).toString();
  document.getElementById("csv").href = "/api/events.csv" + (qs ? "?" + qs : "");
  document.getElementById("geojson").href = "/api/events.geojson" + (qs ? "?" + qs : "");
}

async function load() {
  const p = params();
  const filt = withoutPaging(p).toString();
  const get = (u) => fetch(u).then((r) => { if (!r.ok) throw new Error(`${u}: ${r.status}`); return r.json(); });
  const list = new URLSearchParams(p); list.set("limit", PAGE);
  syncForm();
  const later = Promise.all([get("/api/facets?" + filt), get("/api/timeline?" + filt)]);  // all four fetches at once
  const [events, points] = await Promise.all([get("/api/events?" + list), get("/api/points?" + filt)]);
  allTypes = points.types;
  drawList(events);  // the list first: it is what the analyst reads
  document.body.dataset.listMs = String(Math.round(performance.now()));
  const [facets, tl] = await later;
  drawFacets(facets);
  drawTimeline(tl, allTypes, { since: p.get("since"), until: p.get("until") }, (since, until) => {
    const q = params(); q.set("since", since || ""); q.set("until", until || ""); go(q);
  });
  await drawMap(points);
  if (deskMap.ready) { deskMap.ready(); deskMap.ready = null; }
  document.body.dataset.ms = String(Math.round(performance.now()));  // navigation start to drawn: bench/web_browser.py
  document.body.dataset.loaded = String(Date.now());
}

function page(delta) {
  const p = params();
  const off = Math.max(0, (+p.get("offset") || 0) + delta * PAGE);
  if (off) p.set("offset", off); else p.delete("offset");
  history.pushState(null, "", location.pathname + "?" + p);
  load();
}

document.getElementById("search").addEventListener("submit", (e) => {
  e.preventDefault();
  const p = params(), form = e.target;
  for (const k of ["q", "since", "until"]) p.set(k, form.elements[k].value.trim());
  go(p);
});
document.getElementById("clear").addEventListener("click", () => go(new URLSearchParams()));
document.getElementById("prev").addEventListener("click", () => page(-1));
document.getElementById("next").addEventListener("click", () => page(1));
window.addEventListener("popstate", load);
initMap();
load();

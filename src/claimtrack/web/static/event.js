// The event page: the dossier of one ledger event (reports with links to their articles, who says what
// and through whom, figures per source, status with its reason, place with its precision) and the
// human corrections the CLI offers (merge, split), which call the same ledger functions.
"use strict";

const ref = decodeURIComponent(location.pathname.replace(/^\/events\//, ""));
const list = (xs) => (xs || []).map(esc).join(", ");

function table(head, rows) {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead>` +
    `<tbody>${rows.join("") || `<tr><td colspan="${head.length}" class="muted">none</td></tr>`}</tbody></table>`;
}

function place(loc) {
  if (!loc) return '<span class="muted">no place</span>';
  const parts = [loc.name, loc.admin1 && loc.admin1 !== loc.name ? loc.admin1 : null, loc.country].filter(Boolean);
  const where = loc.lat != null ? ` <span class="muted">${loc.lat.toFixed(3)}, ${loc.lon.toFixed(3)}</span>` : "";
  return `${esc(parts.join(", "))} <span class="badge">${esc(loc.precision)}</span>${where}`;
}

function render(d) {
  const ev = d.event;
  document.title = `${label(ev.type)} · ${(ev.date || {}).value || "undated"} · claimtrack`;
  document.getElementById("eid").textContent = ev.id;
  document.getElementById("json").href = `/api/events/${encodeURIComponent(ev.id)}`;
  const date = ev.date ? `${esc(ev.date.value)} <span class="badge">${esc(ev.date.precision)}</span> <span class="muted">“${esc(ev.date.text)}”</span>` : '<span class="muted">undated</span>';
  const actors = [ev.initiator, ev.target].map((a) => (a ? esc(a.entity || a.text) : "—")).join(" → ");
  const reports = ev.reports.map((r) => `<tr><td>${esc(r.published || "")}</td><td>${esc(r.publisher || "unknown outlet")}</td>` +
    `<td>${webUrl(r.url) ? `<a class="source-link" href="${esc(r.url)}" rel="noopener noreferrer">${esc(r.title || r.url)}</a>` : esc(r.title || r.url || "")}</td>` +
    `<td>${list(r.via)}${r.syndicated_from ? ` <span class="muted">copy of ${esc(r.syndicated_from)}</span>` : ""}</td>` +
    `<td><label><input type="checkbox" class="split-pick" value="${esc(r.report_key)}"> take out</label></td></tr>`);
  const says = d.statements.map((s) => `<tr><td><strong>${esc(s.source)}</strong><br><span class="muted">${esc(s.kind)}${s.side && s.side !== s.source ? " · " + esc(s.side) : ""}</span></td>` +
    `<td><span class="stance stance-${esc(s.stance)}">${esc(label(s.stance))}</span></td>` +
    `<td>${s.text ? `<q>${esc(s.text)}</q>` : '<span class="muted">reported without attribution</span>'}${s.said_on ? ` <span class="muted">said on ${esc(s.said_on)}</span>` : ""}</td>` +
    `<td class="chain">${s.chain.map(esc).join(" → ")}</td>` +
    `<td>${webUrl(s.url) ? `<a href="${esc(s.url)}" rel="noopener noreferrer">${esc(s.published || "article")}</a>` : esc(s.published || "")}</td></tr>`);
  const figs = Object.entries(ev.figures || {}).flatMap(([role, rows]) => rows.map((f) => `<tr class="${f.superseded ? "superseded" : ""}">` +
    `<td>${esc(label(role))}</td><td class="num">${f.value}</td><td>${esc(f.source)}</td><td>${f.via.map(esc).join(" → ")}</td>` +
    `<td>${[f.superseded ? "updated later by the same source" : "", f.unconfirmed_by.length ? "unconfirmed by " + list(f.unconfirmed_by) : "",
      f.denied_by.length ? "denied by " + list(f.denied_by) : ""].filter(Boolean).join("; ")}</td></tr>`));
  const cons = (ev.contradictions || []).map((c) => `<li><strong>${esc(c.kind)}</strong>: ${esc(contradiction(c))}</li>`);
  document.getElementById("event").innerHTML = `
    <h1 style="color:${typeColor(ev.type)}">${esc(label(ev.type))}${ev.acled ? ` <span class="muted">${esc(ev.acled.event_type)} / ${esc(ev.acled.sub_event_type)}</span>` : ""}</h1>
    <dl class="facts">
      <dt>Date</dt><dd>${date}</dd>
      <dt>Place</dt><dd>${place(ev.location)}</dd>
      <dt>Status</dt><dd id="status"><span class="status status-${esc(ev.status)}">${esc(ev.status)}</span> — ${esc(d.status_reason)}</dd>
      <dt>Actors</dt><dd>${actors}</dd>
      <dt>Weapons</dt><dd>${list(ev.weapons.map((w) => w.name)) || "—"}</dd>
      <dt>Sources</dt><dd>${ev.independent_sources} independent: ${list(ev.sources.map((s) => s.entity))}</dd>
    </dl>
    <h2>Reports <span class="muted">(${ev.reports.length}, oldest first)</span></h2>
    ${table(["published", "publisher", "title and link to the article", "via", "split"], reports)}
    <h2>Who says what</h2>
    ${table(["source", "stance", "what they say", "relay chain", "report"], says)}
    <h2>Figures per source</h2>
    ${table(["figure", "value", "per", "via", "note"], figs)}
    <h2>Contradictions</h2>
    <ul id="contradictions">${cons.join("") || '<li class="muted">none</li>'}</ul>
    <h2>Corrections</h2>
    <p class="muted">As <code>claimtrack merge</code> / <code>claimtrack split</code>: kept in the ledger and applied again after re-ingest.</p>
    <form id="merge"><label>merge with event <input name="other" required placeholder="ledger id, prefix or report key" size="30"></label>
      <label>note <input name="note" size="24"></label> <button type="submit">merge</button></form>
    <form id="split"><label>note <input name="note" size="24"></label>
      <button type="submit">split</button> <span class="muted">the reports ticked above leave this event; none ticked: every report alone</span></form>
    <p id="msg" role="status"></p>`;
  document.getElementById("merge").addEventListener("submit", (e) => correct(e, "merge", { other: e.target.other.value.trim(), note: e.target.note.value || null }));
  document.getElementById("split").addEventListener("submit", (e) => correct(e, "split", {
    reports: [...document.querySelectorAll(".split-pick:checked")].map((c) => c.value), note: e.target.note.value || null,
  }));
}

function contradiction(c) {
  if (c.kind === "figure") return `${label(c.role)}: ` + c.values.map((v) => `${v.value} per ${v.sources.join(", ")}`).join(" vs ");
  if (c.kind === "denial") return `asserted by ${c.asserted_by.join(", ")}; denied by ${c.denied_by.join(", ")}`;
  return (c.values || []).map((v) => `${v.entity} per ${v.source}`).join(", ");
}

async function correct(e, action, body) {
  e.preventDefault();
  const msg = document.getElementById("msg");
  const r = await fetch(`/api/events/${encodeURIComponent(ref)}/${action}`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  const out = await r.json();
  if (!r.ok) { msg.textContent = out.detail || `${action} failed (${r.status})`; return; }
  msg.innerHTML = `${action} done: ` + out.ids.map((i) => `<a href="/events/${esc(i)}">${esc(i)}</a>`).join(", ");
  if (out.ids.length === 1 && out.ids[0] !== ref) location.href = `/events/${encodeURIComponent(out.ids[0])}`;
}

fetch(`/api/events/${encodeURIComponent(ref)}/dossier`).then(async (r) => {
  if (!r.ok) {
    document.getElementById("event").innerHTML = `<p>No ledger event <code>${esc(ref)}</code>.</p>`;
    return;
  }
  render(await r.json());
  document.body.dataset.ms = String(Math.round(performance.now()));  // navigation start to drawn: bench/web_browser.py
  document.body.dataset.loaded = String(Date.now());
});

// Shared by the desk's pages: escaping, type colours, labels.
"use strict";

const PALETTE = ["#c0392b", "#2471a3", "#d68910", "#7d3c98", "#148f77", "#a04000", "#566573", "#b03a2e",
  "#1e8449", "#5b2c6f", "#2e4053", "#af601a"];
const TYPE_COLOR = new Map();
function typeColor(type, types) {
  if (!TYPE_COLOR.has(type)) {
    const i = types ? types.indexOf(type) : TYPE_COLOR.size;
    TYPE_COLOR.set(type, PALETTE[(i >= 0 ? i : TYPE_COLOR.size) % PALETTE.length]);
  }
  return TYPE_COLOR.get(type);
}
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
// Only web links become hrefs: esc() keeps a "javascript:" article URL from a hostile feed inside the
// attribute, but a click would still run it.
const webUrl = (u) => (/^https?:\/\//i.test(String(u ?? "")) ? String(u) : null);
const label = (s) => String(s ?? "").replace(/_/g, " ");
const FACET_TITLES = {
  status: "Status", type: "Type", country: "Country", admin1: "Region (admin1)", actor: "Actor",
  publisher: "Publisher", precision: "Place precision", date_precision: "Date precision",
};

// The desk's timeline: a real time axis (empty days stay empty), bars stacked by type, a brush that sets
// the date range; month- and year-dated and undated events are listed apart, never placed on a day.
"use strict";

function drawTimeline(data, types, range, onBrush) {
  const svg = d3.select("#timeline");
  const node = svg.node();
  const width = node.clientWidth || 600, height = node.clientHeight || 150;
  const m = { top: 8, right: 12, bottom: 22, left: 32 };
  svg.selectAll("*").remove();
  const days = data.days.map((d) => ({ ...d, day: new Date(d.date + "T00:00:00Z") }));
  if (!days.length) {
    svg.append("text").attr("x", m.left).attr("y", height / 2).attr("class", "muted").text("no day-dated events");
  } else {
    const [lo, hi] = d3.extent(days, (d) => d.day);
    const span = (hi - lo) / 864e5;
    const step = span <= 120 ? d3.utcDay : span <= 900 ? d3.utcWeek : d3.utcMonth;
    const bins = new Map();
    for (const d of days) {
      const k = +step.floor(d.day);
      const row = bins.get(k) || { t: new Date(k) };
      row[d.type] = (row[d.type] || 0) + d.count;
      bins.set(k, row);
    }
    const keys = types.filter((t) => days.some((d) => d.type === t));
    const rows = [...bins.values()].sort((a, b) => a.t - b.t);
    for (const r of rows) for (const k of keys) r[k] = r[k] || 0;
    const series = d3.stack().keys(keys)(rows);
    const x = d3.scaleUtc().domain([step.floor(lo), step.offset(step.floor(hi), 1)]).range([m.left, width - m.right]);
    const y = d3.scaleLinear().domain([0, d3.max(series, (s) => d3.max(s, (d) => d[1])) || 1]).nice()
      .range([height - m.bottom, m.top]);
    svg.append("g").selectAll("g").data(series).join("g").attr("fill", (s) => typeColor(s.key, types))
      .selectAll("rect").data((s) => s.map((d) => Object.assign(d, { key: s.key }))).join("rect")
      .attr("x", (d) => x(d.data.t)).attr("width", (d) => Math.max(1, x(step.offset(d.data.t, 1)) - x(d.data.t) - 0.5))
      .attr("y", (d) => y(d[1])).attr("height", (d) => y(d[0]) - y(d[1]))
      .append("title").text((d) => `${d3.utcFormat("%Y-%m-%d")(d.data.t)}: ${d[1] - d[0]} ${label(d.key)}`);
    svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - m.bottom})`)
      .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 90))));
    svg.append("g").attr("class", "axis").attr("transform", `translate(${m.left},0)`)
      .call(d3.axisLeft(y).ticks(3).tickFormat(d3.format("~s")));
    svg.append("text").attr("x", width - m.right).attr("y", m.top + 8).attr("text-anchor", "end").attr("class", "muted")
      .text(`events per ${step === d3.utcDay ? "day" : step === d3.utcWeek ? "week" : "month"} · drag to choose dates`);
    const brush = d3.brushX().extent([[m.left, m.top], [width - m.right, height - m.bottom]]);
    const g = svg.append("g").attr("class", "brush").call(brush);
    if (range.since || range.until) {
      const a = range.since ? x(new Date(range.since + "T00:00:00Z")) : m.left;
      const b = range.until ? x(d3.utcDay.offset(new Date(range.until + "T00:00:00Z"), 1)) : width - m.right;
      g.call(brush.move, [Math.max(m.left, a), Math.min(width - m.right, b)]);
    }
    brush.on("end", (ev) => {
      if (!ev.sourceEvent) return;  // moved by code, not by a person
      if (!ev.selection) return onBrush(null, null);
      const [a, b] = ev.selection.map(x.invert);
      const fmt = d3.utcFormat("%Y-%m-%d");
      onBrush(fmt(d3.utcDay.floor(a)), fmt(d3.utcDay.offset(d3.utcDay.ceil(b), -1)));
    });
  }
  const apart = document.getElementById("apart");
  const coarse = data.coarse.map((c) => `<li>${esc(c.date)} <span class="muted">(${esc(c.precision)})</span>: ${c.count}</li>`);
  apart.innerHTML = `<h3>Not on a day</h3><ul>${coarse.join("") || "<li class=muted>none month- or year-dated</li>"}` +
    `<li>undated: ${data.undated}</li></ul>`;
}

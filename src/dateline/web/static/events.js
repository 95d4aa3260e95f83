// dateline events page: timeline, actor network, map and table from one set of filters.
// Everything is drawn as SVG with DOM calls; text from the store only ever goes into
// textContent, never into HTML.
"use strict";
(() => {
  const SVG = "http://www.w3.org/2000/svg";
  const form = document.getElementById("event-filters");
  const errorBox = document.getElementById("event-error");
  const QUADS = ["", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
  let worldShapes = null;
  let nextCursor = null;

  function el(name, attrs, parent, text) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function filters() {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (String(value).trim()) params.set(key, String(value).trim());
    }
    return params;
  }

  async function getJSON(path, params) {
    const response = await fetch(path + "?" + params.toString(), { headers: { Accept: "application/json" } });
    const data = await response.json();
    if (!response.ok) throw new Error((data.error && data.error.message) || response.statusText);
    return data;
  }

  function empty(svg, message) {
    const box = svg.viewBox.baseVal;
    el("text", { x: box.width / 2, y: box.height / 2, "text-anchor": "middle", class: "empty" }, svg, message);
  }

  // --- timeline: stacked bars per day, one colour per quad class ---------------------
  function drawTimeline(days) {
    const svg = document.getElementById("timeline");
    clear(svg);
    const byDay = new Map();
    for (const row of days) {
      if (!byDay.has(row.date)) byDay.set(row.date, [0, 0, 0, 0, 0]);
      byDay.get(row.date)[row.quad_class || 0] += row.events;
    }
    const dates = [...byDay.keys()].sort();
    svg.dataset.bars = "0";
    if (!dates.length) { empty(svg, "No dated events"); return; }
    const top = Math.max(...dates.map((d) => byDay.get(d).reduce((a, b) => a + b, 0)));
    const width = 700, height = 160, left = 20, step = width / dates.length;
    let bars = 0;
    dates.forEach((date, i) => {
      let y = height;
      const counts = byDay.get(date);
      for (let quad = 1; quad <= 4; quad++) {
        if (!counts[quad]) continue;
        const h = Math.max(1, counts[quad] / top * (height - 10));
        y -= h;
        const rect = el("rect", { x: left + i * step + 0.5, y: y, width: Math.max(step - 1, 1), height: h,
                                  class: "q" + quad + " bar-q" }, svg);
        el("title", {}, rect, `${date}: ${counts[quad]} ${QUADS[quad]}`);
        bars++;
      }
    });
    svg.dataset.bars = String(bars);
    el("text", { x: left, y: 190, class: "axis" }, svg, dates[0]);
    el("text", { x: left + width, y: 190, class: "axis end" }, svg, dates[dates.length - 1]);
    el("text", { x: 0, y: 12, class: "axis" }, svg, String(top));
    document.getElementById("timeline-note").textContent = `${dates.length} days`;
  }

  // --- network: actors on a circle, edges curved source -> target ----------------------
  function goldsteinColour(value) {
    if (value === null || value === undefined) return "#9aa3b2";
    const t = Math.max(-1, Math.min(1, value / 10));
    const mix = (a, b) => Math.round(a + (b - a) * Math.abs(t));
    return t < 0 ? `rgb(${mix(154, 209)},${mix(163, 73)},${mix(178, 91)})`
                 : `rgb(${mix(154, 42)},${mix(163, 157)},${mix(178, 143)})`;
  }

  function drawNetwork(dyads) {
    const svg = document.getElementById("network");
    clear(svg);
    svg.dataset.edges = "0";
    if (!dyads.length) { empty(svg, "No events with both a source and a target"); return; }
    const degree = new Map(), labels = new Map();
    for (const d of dyads) {
      degree.set(d.source, (degree.get(d.source) || 0) + d.events);
      degree.set(d.target, (degree.get(d.target) || 0) + d.events);
      labels.set(d.source, d.source_label);
      labels.set(d.target, d.target_label);
    }
    const actors = [...degree.keys()].sort((a, b) => degree.get(b) - degree.get(a));
    const cx = 360, cy = 210, r = actors.length > 1 ? 150 : 0;
    const where = new Map(actors.map((a, i) => {
      const angle = 2 * Math.PI * i / actors.length - Math.PI / 2;
      return [a, [cx + r * Math.cos(angle), cy + r * Math.sin(angle), angle]];
    }));
    const defs = el("defs", {}, svg);
    const marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 22, refY: 5, markerWidth: 9, markerUnits: "userSpaceOnUse",
                                  markerHeight: 9, orient: "auto" }, defs);
    el("path", { d: "M0,0 L10,5 L0,10 z", fill: "#6a7282" }, marker);
    const most = Math.max(...dyads.map((d) => d.events));
    for (const d of dyads) {
      const [x1, y1] = where.get(d.source), [x2, y2] = where.get(d.target);
      const width = 1 + 7 * d.events / most;
      let path;
      if (d.source === d.target) {
        path = `M${x1},${y1} c-40,-60 40,-60 0,0`;
      } else {
        const mx = (x1 + x2) / 2 + (y2 - y1) * 0.15, my = (y1 + y2) / 2 - (x2 - x1) * 0.15;
        path = `M${x1},${y1} Q${mx},${my} ${x2},${y2}`;
      }
      const edge = el("path", { d: path, fill: "none", stroke: goldsteinColour(d.goldstein),
                                "stroke-width": width.toFixed(1), "stroke-opacity": 0.8,
                                "marker-end": "url(#arrow)", class: "edge" }, svg);
      el("title", {}, edge, `${d.source_label} → ${d.target_label}: ${d.events} events, ` +
                            `mean Goldstein ${d.goldstein === null ? "n/a" : d.goldstein}`);
    }
    svg.dataset.edges = String(dyads.length);
    for (const actor of actors) {
      const [x, y, angle] = where.get(actor);
      const size = 3 + Math.min(9, Math.sqrt(degree.get(actor)) * 2);
      const node = el("circle", { cx: x, cy: y, r: size, class: "node" }, svg);
      el("title", {}, node, `${labels.get(actor)}: ${degree.get(actor)} events`);
      const right = Math.cos(angle) >= 0;
      const text = labels.get(actor).length > 28 ? labels.get(actor).slice(0, 27) + "…" : labels.get(actor);
      el("text", { x: x + (right ? size + 3 : -size - 3), y: y + 4, class: "node-label",
                   "text-anchor": r === 0 ? "middle" : (right ? "start" : "end") }, svg, text);
    }
  }

  // --- map: Natural Earth countries (TopoJSON, decoded here), places sized by count ---
  function project(lon, lat) { return [(lon + 180) / 360 * 960, (90 - lat) / 180 * 480]; }

  function decodeArcs(topology) {
    const [sx, sy] = topology.transform.scale, [tx, ty] = topology.transform.translate;
    return topology.arcs.map((arc) => {
      let x = 0, y = 0;
      return arc.map(([dx, dy]) => { x += dx; y += dy; return project(x * sx + tx, y * sy + ty); });
    });
  }

  function ringPath(ring, arcs) {
    const points = [];
    ring.forEach((index, i) => {
      const arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
      (i ? arc.slice(1) : arc).forEach((p) => points.push(p));
    });
    // a ring crossing the antimeridian would smear across the map: leave such rings out
    for (let i = 1; i < points.length; i++) if (Math.abs(points[i][0] - points[i - 1][0]) > 480) return "";
    return "M" + points.map((p) => p[0].toFixed(1) + "," + p[1].toFixed(1)).join("L") + "Z";
  }

  async function loadWorld() {
    if (worldShapes) return worldShapes;
    const topology = await (await fetch("/static/countries-110m.json")).json();
    const arcs = decodeArcs(topology);
    worldShapes = topology.objects.countries.geometries.map((g) => {
      const polygons = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
      return { name: (g.properties && g.properties.name) || "",
               d: polygons.map((rings) => rings.map((ring) => ringPath(ring, arcs)).join("")).join("") };
    });
    return worldShapes;
  }

  async function drawMap(places) {
    const svg = document.getElementById("map");
    const shapes = await loadWorld();
    clear(svg);
    el("rect", { x: 0, y: 0, width: 960, height: 480, class: "sea" }, svg);
    for (const shape of shapes) {
      if (!shape.d) continue;
      const path = el("path", { d: shape.d, class: "country" }, svg);
      el("title", {}, path, shape.name);
    }
    svg.dataset.countries = String(shapes.length);
    svg.dataset.places = String(places.length);
    if (!places.length) { empty(svg, "No event places with coordinates"); return; }
    const most = Math.max(...places.map((p) => p.events));
    for (const place of places.slice().sort((a, b) => b.events - a.events)) {
      const [x, y] = project(place.lon, place.lat);
      const dot = el("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: (3 + 12 * Math.sqrt(place.events / most)).toFixed(1),
                                 class: "place" }, svg);
      el("title", {}, dot, `${place.name}${place.country ? " (" + place.country + ")" : ""}: ${place.events} events`);
    }
  }

  // --- table --------------------------------------------------------------------------
  function cell(row, text, className) {
    const td = document.createElement("td");
    if (className) td.className = className;
    if (text instanceof Node) td.appendChild(text); else td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function actor(name, code) { return name && code ? `${name} (${code})` : (name || code || "–"); }

  function addRows(events, replace) {
    const body = document.querySelector("#event-table tbody");
    if (replace) body.textContent = "";
    for (const e of events) {
      const row = document.createElement("tr");
      row.className = "event-row";
      cell(row, e.date || "–");
      cell(row, actor(e.source, e.source_code));
      cell(row, [e.cameo, e.plover, e.mode !== "occurred" ? `(${e.mode})` : ""].filter(Boolean).join(" "));
      cell(row, actor(e.target, e.target_code));
      cell(row, e.place ? [e.place.name, e.place.country].filter(Boolean).join(", ") : "–");
      cell(row, `${e.num_mentions}/${e.num_sources}/${e.num_articles}`);
      const link = document.createElement("a");
      link.href = "/articles/" + encodeURIComponent(e.article_id);
      link.textContent = e.sentence;
      cell(row, link, "evidence");
      body.appendChild(row);
    }
    if (!body.children.length) {
      const row = document.createElement("tr");
      cell(row, "No matching event.").colSpan = 7;
      body.appendChild(row);
    }
    document.getElementById("event-count").textContent =
      `${body.querySelectorAll("tr.event-row").length} shown${nextCursor ? ", more below" : ""}`;
    document.getElementById("more-events").hidden = !nextCursor;
  }

  async function loadMore() {
    const params = filters();
    params.set("cursor", nextCursor);
    const page = await getJSON("/api/events", params);
    nextCursor = page.next_cursor;
    addRows(page.results, false);
  }

  async function refresh() {
    const params = filters();
    history.replaceState(null, "", "/events" + (params.toString() ? "?" + params : ""));
    document.body.dataset.loading = "true";
    try {
      const [days, net, where, page] = await Promise.all([
        getJSON("/api/timeline", params), getJSON("/api/network", params),
        getJSON("/api/places", params), getJSON("/api/events", params)]);
      errorBox.hidden = true;
      nextCursor = page.next_cursor;
      drawTimeline(days.days);
      drawNetwork(net.dyads);
      await drawMap(where.places);
      addRows(page.results, true);
    } catch (error) {
      errorBox.textContent = error.message;
      errorBox.hidden = false;
    } finally {
      document.body.dataset.loading = "false";
      document.body.dataset.refreshed = String(Number(document.body.dataset.refreshed || 0) + 1);
    }
  }

  const legend = document.getElementById("quad-legend");
  for (let quad = 1; quad <= 4; quad++) {
    const swatch = document.createElement("span");
    swatch.className = "swatch q" + quad;
    legend.appendChild(swatch);
    legend.appendChild(document.createTextNode(QUADS[quad]));
  }
  let timer = null;
  form.addEventListener("change", () => { clearTimeout(timer); timer = setTimeout(refresh, 150); });
  form.addEventListener("submit", (event) => { event.preventDefault(); refresh(); });
  document.getElementById("more-events").addEventListener("click", loadMore);
  refresh();
})();

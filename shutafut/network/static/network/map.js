/* The relationship map: draws /map/data.json with cytoscape, the ladder chart with Chart.js.
   No inline script: data comes from json_script blocks and the canvas's data-url. Tests read window.shutafutMap. */
(function () {
  "use strict";
  var SECTOR_COLOURS = { public: "#1f5fa8", third: "#2f7d32", business: "#b35a00" };
  var RUNG_COLOURS = ["#8c939d", "#b3261e", "#5e7fa8", "#2f6fb0", "#2d8a52", "#14532d"];
  var LARGE = 300;

  function readJson(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }

  function fmt(value, digits) {
    if (value === null || value === undefined) { return "—"; }
    return Number(value).toFixed(digits);
  }

  function definitionList(rows) {
    var dl = el("dl", null, "map-facts");
    rows.forEach(function (row) {
      dl.appendChild(el("dt", row[0]));
      dl.appendChild(el("dd", row[1]));
    });
    return dl;
  }

  function showPanel(title, nodes) {
    document.getElementById("map-panel-title").textContent = title;
    var body = document.getElementById("map-panel-body");
    body.replaceChildren.apply(body, nodes);
  }

  function ladderChart(strings) {
    var data = readJson("ladder-data");
    var canvas = document.getElementById("ladder-chart");
    if (!data || !canvas || typeof window.Chart === "undefined") { return null; }
    var rtl = document.documentElement.dir === "rtl";
    return new window.Chart(canvas, {
      type: "bar",
      data: { labels: data.labels, datasets: [{ label: data.title, data: data.counts, backgroundColor: RUNG_COLOURS }] },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        plugins: { legend: { display: false }, tooltip: { rtl: rtl } },
        scales: { x: { reverse: rtl }, y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  }

  function start() {
    var container = document.getElementById("map-canvas");
    var status = document.getElementById("map-status");
    var strings = readJson("map-strings") || {};
    var api = { cy: null, data: null, renderMs: null, chart: null };
    window.shutafutMap = api;
    try { api.chart = ladderChart(strings); } catch (e) { /* the table stays */ }
    if (!container || typeof window.cytoscape === "undefined") { return; }
    var t0 = performance.now();
    status.textContent = strings.loading || "";
    api.ready = fetch(container.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (data) { return draw(api, container, status, strings, data, t0); })
      .catch(function (err) {
        status.textContent = (strings.failed || "") + " " + err.message;
        api.error = err.message;
      });
  }

  function draw(api, container, status, strings, data, t0) {
    api.data = data;
    var large = data.nodes.length >= LARGE;
    var maxDegree = 1;
    data.nodes.forEach(function (n) { if (n.degree > maxDegree) { maxDegree = n.degree; } });
    var elements = [];
    data.nodes.forEach(function (n) {
      var item = { group: "nodes", data: Object.assign({}, n) };
      if (data.preset_layout) { item.position = { x: n.x, y: n.y }; }
      elements.push(item);
    });
    data.edges.forEach(function (e, i) {
      elements.push({ group: "edges", data: Object.assign({ id: "e" + i }, e) });
    });
    // Plain selectors and mappers (no per-element functions): cytoscape caches them, which matters at 2,000 nodes.
    var size = large ? "6, 30" : "14, 48";
    var style = [
      { selector: "node", style: {
        "background-color": "#777",
        "width": "mapData(degree, 0, " + maxDegree + ", " + size + ")",
        "height": "mapData(degree, 0, " + maxDegree + ", " + size + ")",
        "label": "data(name)", "font-size": 11, "min-zoomed-font-size": large ? 14 : 8,
        "text-valign": "bottom", "text-margin-y": 3, "color": "#1b1f24",
        "text-background-color": "#ffffff", "text-background-opacity": 0.7
      } },
      { selector: "edge", style: {
        "width": large ? 0.6 : 1.5, "line-color": "#999",
        "opacity": large ? 0.5 : 0.85, "curve-style": large ? "haystack" : "bezier"
      } }
    ];
    Object.keys(SECTOR_COLOURS).forEach(function (code) {
      style.push({ selector: "node[sector = \"" + code + "\"]", style: { "background-color": SECTOR_COLOURS[code] } });
    });
    RUNG_COLOURS.forEach(function (colour, rung) {
      style.push({ selector: "edge[rung = " + rung + "]", style: {
        "line-color": colour, "width": Math.max(1, rung - 1) * (large ? 0.6 : 1.5)
      } });
    });
    style.push({ selector: ":selected", style: { "border-width": 3, "border-color": "#000", "line-color": "#000", "opacity": 1 } });
    api.fetchMs = Math.round(performance.now() - t0);
    var cy = window.cytoscape({
      container: container, elements: elements, style: style,
      layout: data.preset_layout ? { name: "preset", fit: true } : { name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: false },
      textureOnViewport: large, hideEdgesOnViewport: large, pixelRatio: large ? 1 : "auto",
      minZoom: 0.05, maxZoom: 6, wheelSensitivity: 0.3
    });
    api.cy = cy;
    return new Promise(function (resolve) {
      var finish = function () {
        api.renderMs = Math.round(performance.now() - t0);
        api.drawMs = api.renderMs - api.fetchMs;
        status.textContent = (strings.drawn || "").replace("%(nodes)s", data.nodes.length).replace("%(edges)s", data.edges.length);
        container.dataset.ready = "true";
        resolve(api);
      };
      cy.one("render", finish);
      cy.resize();
      cy.forceRender();
    }).then(function (result) { bind(cy, strings); return result; });
  }

  function sectorName(strings, code) {
    return (strings.sectors && strings.sectors[code]) || code;
  }

  function rungName(strings, rung) {
    if (rung === null || rung === undefined) { return strings.none || "—"; }
    return (strings.rungs && strings.rungs[rung]) || String(rung);
  }

  function bind(cy, strings) {
    cy.on("tap", "node", function (evt) {
      var n = evt.target.data();
      var facts = definitionList([
        [strings.sector, sectorName(strings, n.sector)],
        [strings.degree, n.degree],
        [strings.strength, fmt(n.strength, 0)],
        [strings.betweenness, fmt(n.betweenness, 3)],
        [strings.closeness, fmt(n.closeness, 3)],
        [strings.effective_size, fmt(n.effective_size, 2)]
      ]);
      var list = el("ul", null, "map-ties");
      evt.target.connectedEdges().sort(function (a, b) { return b.data("rung") - a.data("rung"); }).forEach(function (edge) {
        var other = edge.source().id() === n.id ? edge.target() : edge.source();
        var li = el("li");
        li.appendChild(el("span", other.data("name")));
        li.appendChild(document.createTextNode(" — "));
        li.appendChild(el("span", rungName(strings, edge.data("rung")), "rung-" + edge.data("rung")));
        if (edge.data("domain")) { li.appendChild(document.createTextNode(" (" + edge.data("domain") + ")")); }
        list.appendChild(li);
      });
      var heading = el("h3", strings.ties_heading);
      var nodes = [facts, heading];
      nodes.push(list.childElementCount ? list : el("p", strings.no_ties, "muted"));
      showPanel(n.name, nodes);
      document.getElementById("map-panel").dataset.kind = "node";
    });
    cy.on("tap", "edge", function (evt) {
      var e = evt.target.data();
      var a = evt.target.source().data("name"), b = evt.target.target().data("name");
      var rows = [
        [strings.rung, rungName(strings, e.rung)],
        [strings.domain, e.domain || "—"]
      ];
      if ("rating_source_to_target" in e) {
        rows.push([(strings.rating_by || "%(name)s").replace("%(name)s", a), rungName(strings, e.rating_source_to_target)]);
        rows.push([(strings.rating_by || "%(name)s").replace("%(name)s", b), rungName(strings, e.rating_target_to_source)]);
      }
      showPanel(a + " – " + b, [definitionList(rows)]);
      document.getElementById("map-panel").dataset.kind = "edge";
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());

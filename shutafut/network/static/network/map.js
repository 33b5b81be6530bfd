/* The relationship map: draws /map/data.json (cytoscape for small maps, a canvas of our own for large ones) and
   the ladder chart with Chart.js. No inline script: data comes from json_script blocks and the canvas's data-url.
   A large town's map is computed by a worker: while it runs, data.json answers with the job's status (HTTP 202),
   the page shows its progress and asks again. Tests read window.shutafutMap. */
(function () {
  "use strict";
  var SECTOR_COLOURS = { public: "#1f5fa8", third: "#2f7d32", business: "#b35a00" };
  var RUNG_COLOURS = ["#8c939d", "#b3261e", "#5e7fa8", "#2f6fb0", "#2d8a52", "#14532d"];
  var RUNG_WIDTHS = [1, 1, 1, 2, 3.5, 5.5];
  var LARGE = 300;        /* from here cytoscape draws lighter (haystack edges, no labels while moving) */
  var CANVAS_FROM = 1500; /* from here our canvas renderer draws the map (cytoscape is too slow beyond) */
  var POLL_MS = 1500;

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

  function fill(text, values) {
    return String(text || "").replace(/%\((\w+)\)s/g, function (_m, key) { return values[key]; });
  }

  function definitionList(rows) {
    var dl = el("dl", null, "map-facts");
    rows.forEach(function (row) {
      var dt = el("dt", row[0]);
      if (row[2]) { dt.title = row[2]; }
      dl.appendChild(dt);
      dl.appendChild(el("dd", row[1]));
    });
    return dl;
  }

  function showPanel(title, nodes, kind) {
    document.getElementById("map-panel-title").textContent = title;
    var body = document.getElementById("map-panel-body");
    body.replaceChildren.apply(body, nodes);
    document.getElementById("map-panel").dataset.kind = kind;
  }

  function ladderChart() {
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

  function sectorName(strings, code) {
    return (strings.sectors && strings.sectors[code]) || code;
  }

  function rungName(strings, rung) {
    if (rung === null || rung === undefined) { return strings.none || "—"; }
    return (strings.rungs && strings.rungs[rung]) || String(rung);
  }

  function metric(strings, key) {
    var m = (strings.metrics && strings.metrics[key]) || {};
    return [m.name || key, m.explanation || ""];
  }

  /* The most central organizations (bridging, then ties) get a label; the others show theirs on hover. */
  function labelledIds(nodes) {
    var k = Math.min(8, Math.max(3, Math.ceil(nodes.length / 8)));
    var ranked = nodes.filter(function (n) { return n.degree > 0; }).slice().sort(function (a, b) {
      return ((b.betweenness || 0) - (a.betweenness || 0)) || (b.degree - a.degree) || (a.name < b.name ? -1 : 1);
    });
    var out = {};
    ranked.slice(0, k).forEach(function (n) { out[String(n.id)] = true; });
    return out;
  }

  function nodePanel(strings, n, ties) {
    var rows = [[strings.sector, sectorName(strings, n.sector)]];
    [["degree", n.degree, 0], ["strength", n.strength, 0], ["betweenness", n.betweenness, 3],
      ["closeness", n.closeness, 3], ["effective_size", n.effective_size, 2]].forEach(function (m) {
      var names = metric(strings, m[0]);
      rows.push([names[0], m[2] ? fmt(m[1], m[2]) : fmt(m[1], 0), names[1]]);
    });
    var list = el("ul", null, "map-ties");
    ties.sort(function (a, b) { return b.rung - a.rung; }).forEach(function (t) {
      var li = el("li");
      li.appendChild(el("span", t.name));
      li.appendChild(document.createTextNode(" — "));
      li.appendChild(el("span", rungName(strings, t.rung), "rung-" + t.rung));
      if (t.domain) { li.appendChild(document.createTextNode(" (" + t.domain + ")")); }
      list.appendChild(li);
    });
    var nodes = [definitionList(rows), el("h3", strings.ties_heading)];
    nodes.push(list.childElementCount ? list : el("p", strings.no_ties, "muted"));
    showPanel(n.name, nodes, "node");
  }

  function edgePanel(strings, e, a, b) {
    var rows = [[strings.rung, rungName(strings, e.rung)], [strings.domain, e.domain || "—"]];
    if ("rating_source_to_target" in e) {
      rows.push([fill(strings.rating_by, { name: a }), rungName(strings, e.rating_source_to_target)]);
      rows.push([fill(strings.rating_by, { name: b }), rungName(strings, e.rating_target_to_source)]);
    }
    var nodes = [definitionList(rows)];
    if (e.explanation) {
      nodes.push(el("h3", strings.why));
      nodes.push(el("p", e.explanation, "map-why"));
    }
    showPanel(a + " – " + b, nodes, "edge");
  }

  function start() {
    var container = document.getElementById("map-canvas");
    var status = document.getElementById("map-status");
    var strings = readJson("map-strings") || {};
    var api = { cy: null, data: null, renderMs: null, chart: null, renderer: null, polls: 0 };
    window.shutafutMap = api;
    try { api.chart = ladderChart(); } catch (e) { /* the table stays */ }
    if (!container) { return; }
    var t0 = performance.now();
    status.textContent = strings.loading || "";
    api.ready = load(api, container, status, strings, t0).catch(function (err) {
      status.textContent = (strings.failed || "") + " " + err.message;
      api.error = err.message;
    });
  }

  function load(api, container, status, strings, t0) {
    return fetch(container.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (data) {
        if (data.status === "ready") {
          if (document.getElementById("map-job")) { window.location.reload(); return api; }
          return draw(api, container, status, strings, data, t0);
        }
        api.job = data;
        if (data.status === "failed") { throw new Error(data.error || ""); }
        showProgress(status, strings, data);
        api.polls += 1;
        return new Promise(function (resolve) { window.setTimeout(resolve, POLL_MS); })
          .then(function () { return load(api, container, status, strings, t0); });
      });
  }

  function showProgress(status, strings, job) {
    var percent = job.percent === null || job.percent === undefined ? "…" : job.percent + "%";
    status.textContent = job.status === "queued" ? strings.waiting : fill(strings.computing, { percent: percent });
    var bar = document.getElementById("map-job-progress");
    if (bar && job.percent !== null && job.percent !== undefined) { bar.value = job.percent; bar.textContent = percent; }
    var message = document.getElementById("map-job-message");
    if (message) { message.textContent = job.message || ""; }
  }

  function finished(api, container, status, strings, data, t0, labelled) {
    api.renderMs = Math.round(performance.now() - t0);
    api.drawMs = api.renderMs - api.fetchMs;
    status.textContent = fill(strings.drawn, { nodes: data.nodes.length, edges: data.edges.length });
    var note = document.getElementById("map-labels-note");
    var count = Object.keys(labelled).length;
    if (note && count) { note.textContent = fill(strings.labels_note, { n: count }); }
    container.dataset.ready = "true";
  }

  function draw(api, container, status, strings, data, t0) {
    api.data = data;
    api.fetchMs = Math.round(performance.now() - t0);
    var labelled = labelledIds(data.nodes);
    api.labelled = Object.keys(labelled);
    if (data.nodes.length >= CANVAS_FROM || typeof window.cytoscape === "undefined") {
      api.renderer = "canvas";
      drawCanvas(api, container, strings, data, labelled);
      finished(api, container, status, strings, data, t0, labelled);
      return Promise.resolve(api);
    }
    api.renderer = "cytoscape";
    return drawCytoscape(api, container, strings, data, labelled).then(function () {
      finished(api, container, status, strings, data, t0, labelled);
      return api;
    });
  }

  function drawCytoscape(api, container, strings, data, labelled) {
    var large = data.nodes.length >= LARGE;
    var maxDegree = 1;
    data.nodes.forEach(function (n) { if (n.degree > maxDegree) { maxDegree = n.degree; } });
    var elements = [];
    data.nodes.forEach(function (n) {
      var item = { group: "nodes", data: Object.assign({}, n), classes: labelled[String(n.id)] ? "labelled" : "" };
      if (data.preset_layout) { item.position = { x: n.x, y: n.y }; }
      elements.push(item);
    });
    data.edges.forEach(function (e, i) {
      elements.push({ group: "edges", data: Object.assign({ id: "e" + i }, e) });
    });
    // Plain selectors and mappers (no per-element functions): cytoscape caches them, which matters at 1,000 nodes.
    var size = large ? "6, 30" : "14, 48";
    var style = [
      { selector: "node", style: {
        "background-color": "#777",
        "width": "mapData(degree, 0, " + maxDegree + ", " + size + ")",
        "height": "mapData(degree, 0, " + maxDegree + ", " + size + ")",
        "label": "", "font-size": large ? 12 : 16, "min-zoomed-font-size": large ? 10 : 6,
        "text-valign": "bottom", "text-margin-y": 3, "color": "#1b1f24",
        "text-background-color": "#ffffff", "text-background-opacity": 0.8, "text-background-padding": 1,
        "text-wrap": "ellipsis", "text-max-width": 140
      } },
      { selector: "node.labelled, node.hovered, node:selected", style: { "label": "data(name)", "z-index": 10 } },
      { selector: "edge", style: {
        "width": 1, "line-color": "#999",
        "opacity": large ? 0.5 : 0.8, "curve-style": large ? "haystack" : "bezier"
      } }
    ];
    Object.keys(SECTOR_COLOURS).forEach(function (code) {
      style.push({ selector: "node[sector = \"" + code + "\"]", style: { "background-color": SECTOR_COLOURS[code] } });
    });
    RUNG_COLOURS.forEach(function (colour, rung) {
      style.push({ selector: "edge[rung = " + rung + "]", style: {
        "line-color": colour, "width": RUNG_WIDTHS[rung] * (large ? 0.5 : 1)
      } });
    });
    style.push({ selector: ":selected", style: { "border-width": 3, "border-color": "#000", "line-color": "#000", "opacity": 1 } });
    var cy = window.cytoscape({
      container: container, elements: elements, style: style,
      layout: data.preset_layout ? { name: "preset", fit: true } : {
        name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: false,
        idealEdgeLength: function () { return 90; }, nodeRepulsion: function () { return 9000; }, padding: 20
      },
      textureOnViewport: large, hideEdgesOnViewport: large, pixelRatio: large ? 1 : "auto",
      minZoom: 0.05, maxZoom: 6, wheelSensitivity: 0.3
    });
    api.cy = cy;
    return new Promise(function (resolve) {
      cy.one("render", resolve);
      cy.resize();
      cy.forceRender();
    }).then(function () { bindCytoscape(cy, strings); });
  }

  function bindCytoscape(cy, strings) {
    cy.on("mouseover", "node", function (evt) { evt.target.addClass("hovered"); });
    cy.on("mouseout", "node", function (evt) { evt.target.removeClass("hovered"); });
    cy.on("tap", "node", function (evt) {
      var n = evt.target.data();
      var ties = evt.target.connectedEdges().map(function (edge) {
        var other = edge.source().id() === n.id ? edge.target() : edge.source();
        return { name: other.data("name"), rung: edge.data("rung"), domain: edge.data("domain") };
      });
      nodePanel(strings, n, ties);
    });
    cy.on("tap", "edge", function (evt) {
      edgePanel(strings, evt.target.data(), evt.target.source().data("name"), evt.target.target().data("name"));
    });
  }

  /* A large map on one canvas: edges batched by rung and circles by sector (one path each), labels for the most
     central organizations, wheel to zoom, drag to move, hover for a name, click for the details. */
  function drawCanvas(api, container, strings, data, labelled) {
    var nodes = data.nodes, n = nodes.length;
    var canvas = el("canvas", null, "map-large");
    var tip = el("div", null, "map-tip");
    tip.hidden = true;
    container.replaceChildren(canvas, tip);
    container.style.position = "relative";
    var ctx = canvas.getContext("2d");
    var index = {}, xs = new Float64Array(n), ys = new Float64Array(n), radius = new Float64Array(n);
    var maxDegree = 1;
    nodes.forEach(function (node, i) {
      index[String(node.id)] = i;
      xs[i] = node.x === undefined ? (i % 100) * 24 : node.x;
      ys[i] = node.y === undefined ? Math.floor(i / 100) * 24 : node.y;
      if (node.degree > maxDegree) { maxDegree = node.degree; }
    });
    nodes.forEach(function (node, i) { radius[i] = 1.5 + 5 * Math.sqrt(node.degree / maxDegree); });
    var edges = data.edges.map(function (e) { return [index[String(e.source)], index[String(e.target)], e.rung, e]; });
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (var i = 0; i < n; i++) {
      minX = Math.min(minX, xs[i]); maxX = Math.max(maxX, xs[i]); minY = Math.min(minY, ys[i]); maxY = Math.max(maxY, ys[i]);
    }
    var view = { scale: 1, x: 0, y: 0 }, hover = -1, selected = -1, frame = 0;
    var width = 0, height = 0, dpr = window.devicePixelRatio || 1;

    function fit() {
      width = container.clientWidth; height = container.clientHeight;
      canvas.width = Math.round(width * dpr); canvas.height = Math.round(height * dpr);
      var spanX = Math.max(maxX - minX, 1), spanY = Math.max(maxY - minY, 1);
      view.scale = 0.95 * Math.min(width / spanX, height / spanY);
      view.x = (width - spanX * view.scale) / 2 - minX * view.scale;
      view.y = (height - spanY * view.scale) / 2 - minY * view.scale;
    }

    function render() {
      frame = 0;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, width, height);
      var s = view.scale, ox = view.x, oy = view.y;
      for (var rung = 2; rung < RUNG_COLOURS.length; rung++) {
        ctx.beginPath();
        edges.forEach(function (e) {
          if (e[2] !== rung) { return; }
          ctx.moveTo(xs[e[0]] * s + ox, ys[e[0]] * s + oy);
          ctx.lineTo(xs[e[1]] * s + ox, ys[e[1]] * s + oy);
        });
        ctx.strokeStyle = RUNG_COLOURS[rung];
        ctx.globalAlpha = 0.55;
        ctx.lineWidth = Math.max(0.4, RUNG_WIDTHS[rung] * Math.min(1, s * 1.5) * 0.5);
        ctx.stroke();
      }
      ctx.globalAlpha = 1;
      Object.keys(SECTOR_COLOURS).concat([""]).forEach(function (code) {
        ctx.beginPath();
        for (var i = 0; i < n; i++) {
          var sector = SECTOR_COLOURS[nodes[i].sector] ? nodes[i].sector : "";
          if (sector !== code) { continue; }
          var x = xs[i] * s + ox, y = ys[i] * s + oy;
          if (x < -10 || y < -10 || x > width + 10 || y > height + 10) { continue; }
          ctx.moveTo(x + radius[i], y);
          ctx.arc(x, y, radius[i], 0, 2 * Math.PI);
        }
        ctx.fillStyle = SECTOR_COLOURS[code] || "#777";
        ctx.fill();
      });
      ctx.font = "12px sans-serif";
      ctx.textAlign = "center";
      /* the hovered and selected names first (always shown), then the central ones that do not overlap them */
      var named = [hover, selected].filter(function (i) { return i >= 0; })
        .concat(Object.keys(labelled).map(function (id) { return index[id]; }));
      var taken = [];
      named.forEach(function (i, rank) {
        if (i === undefined) { return; }
        var x = xs[i] * s + ox, y = ys[i] * s + oy + radius[i] + 12;
        var text = nodes[i].name.length > 30 ? nodes[i].name.slice(0, 29) + "…" : nodes[i].name;
        var w = ctx.measureText(text).width;
        var box = [x - w / 2 - 2, y - 11, w + 4, 14];
        var clash = taken.some(function (b) {
          return box[0] < b[0] + b[2] && b[0] < box[0] + box[2] && box[1] < b[1] + b[3] && b[1] < box[1] + box[3];
        });
        if (clash && rank >= (hover >= 0) + (selected >= 0)) { return; }
        taken.push(box);
        ctx.fillStyle = "rgba(255,255,255,0.85)";
        ctx.fillRect(box[0], box[1], box[2], box[3]);
        ctx.fillStyle = "#1b1f24";
        ctx.fillText(text, x, y);
      });
      if (selected >= 0) {
        ctx.beginPath();
        ctx.arc(xs[selected] * s + ox, ys[selected] * s + oy, radius[selected] + 3, 0, 2 * Math.PI);
        ctx.lineWidth = 2; ctx.strokeStyle = "#000"; ctx.stroke();
      }
    }

    function schedule() { if (!frame) { frame = window.requestAnimationFrame(render); } }

    function nearest(px, py) {
      var best = -1, bestD = 64; /* within 8 pixels */
      for (var i = 0; i < n; i++) {
        var dx = xs[i] * view.scale + view.x - px, dy = ys[i] * view.scale + view.y - py;
        var d = dx * dx + dy * dy;
        if (d < bestD + radius[i] * radius[i]) { bestD = d; best = i; }
      }
      return best;
    }

    function point(evt) {
      var box = canvas.getBoundingClientRect();
      return [evt.clientX - box.left, evt.clientY - box.top];
    }

    var drag = null;
    canvas.addEventListener("wheel", function (evt) {
      evt.preventDefault();
      var p = point(evt), factor = Math.exp(-evt.deltaY * 0.0015);
      view.x = p[0] - (p[0] - view.x) * factor;
      view.y = p[1] - (p[1] - view.y) * factor;
      view.scale *= factor;
      schedule();
    }, { passive: false });
    canvas.addEventListener("pointerdown", function (evt) {
      var p = point(evt);
      drag = { x: p[0], y: p[1], vx: view.x, vy: view.y, moved: false };
      canvas.setPointerCapture(evt.pointerId);
    });
    canvas.addEventListener("pointermove", function (evt) {
      var p = point(evt);
      if (drag) {
        if (Math.abs(p[0] - drag.x) + Math.abs(p[1] - drag.y) > 3) { drag.moved = true; }
        view.x = drag.vx + p[0] - drag.x; view.y = drag.vy + p[1] - drag.y;
        schedule();
        return;
      }
      var found = nearest(p[0], p[1]);
      if (found !== hover) {
        hover = found;
        tip.hidden = found < 0;
        if (found >= 0) {
          tip.textContent = nodes[found].name;
          tip.style.insetInlineStart = "auto";
          tip.style.left = (p[0] + 12) + "px"; tip.style.top = (p[1] + 12) + "px";
        }
        schedule();
      }
    });
    canvas.addEventListener("pointerup", function (evt) {
      var p = point(evt), moved = drag && drag.moved;
      drag = null;
      if (moved) { return; }
      selected = nearest(p[0], p[1]);
      schedule();
      if (selected < 0) { return; }
      var id = String(nodes[selected].id);
      var ties = [];
      edges.forEach(function (e) {
        if (e[0] === selected || e[1] === selected) {
          var other = e[0] === selected ? e[1] : e[0];
          ties.push({ name: nodes[other].name, rung: e[2], domain: e[3].domain });
        }
      });
      nodePanel(strings, nodes[index[id]], ties);
    });
    window.addEventListener("resize", function () { fit(); schedule(); });
    fit();
    render();
    api.canvas = { nodes: n, edges: edges.length, view: view, render: render, nearest: nearest };
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());

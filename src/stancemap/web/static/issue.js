// The issue page: the world map (drawn by the server) answers the pointer, and the
// timeline is drawn with the vendored Vega-Lite from the page's own JSON (#issue-data).
// Pointing at a country, or tapping it, shows it in the preview box under the map (so
// nothing is drawn off screen and a tap never leaves the page at once); a second click
// or tap on the same country opens its page. Only the actors that count
// (views.COUNTED_KINDS) are on the map and the timeline.
(function () {
  "use strict";
  var COLORS = { support: "#2166ac", oppose: "#c8412e", mixed: "#8e5fb3", neutral: "#5c6670", "no statement": "#e9ebee" };
  var LABELS = { support: "supports", oppose: "opposes", mixed: "mixed", neutral: "neutral", "no statement": "no statement" };
  var source = document.getElementById("issue-data");
  if (!source) return;
  var data = JSON.parse(source.textContent);
  // A pointer that can hover previews by hovering, so one click opens; a finger taps once to preview.
  var canHover = window.matchMedia ? window.matchMedia("(hover: hover)").matches : true;

  // The timeline's tooltip: Vega's own could be drawn past the edge of a narrow window,
  // so this one is placed at the pointer and then pushed back inside the window.
  var tip = null;
  function showTip(event, value) {
    if (!tip) {
      tip = el("div", { "class": "chart-tip", role: "tooltip" });
      document.body.appendChild(tip);
    }
    if (!value || !event) { tip.hidden = true; return; }
    tip.textContent = "";
    Object.keys(value).forEach(function (k) {
      if (value[k] === "" || value[k] === null || value[k] === undefined) return;
      var row = el("div");
      row.appendChild(el("strong", {}, k + ": "));
      row.appendChild(document.createTextNode(String(value[k])));
      tip.appendChild(row);
    });
    tip.hidden = false;
    var w = tip.offsetWidth, h = tip.offsetHeight, pad = 6;
    var x = Math.min(Math.max(pad, event.clientX + 12), window.innerWidth - w - pad);
    var y = event.clientY + 14 + h > window.innerHeight - pad ? event.clientY - h - 10 : event.clientY + 14;
    tip.style.left = Math.max(pad, x) + window.scrollX + "px";
    tip.style.top = Math.max(pad, y) + window.scrollY + "px";
  }
  function tooltipHandler(_handler, event, _item, value) { showTip(event, value); }

  var options = { actions: false, renderer: "svg" };
  var byActor = {};
  data.positions.forEach(function (p) { byActor[p.actor] = p; });

  function go(path) { window.location.href = path; }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }

  var armed = null;  // the country clicked or tapped once: a second click opens its page
  function preview(datum) {
    var box = document.getElementById("map-preview");
    if (!box || !datum) return;
    var p = datum.actor ? byActor[datum.actor] : null;
    box.textContent = "";
    var head = el("p", { "class": "preview-head" });
    head.appendChild(el("strong", {}, p ? p.actor_name : (datum.country || "")));
    head.appendChild(document.createTextNode(" "));
    var stance = p ? p.stance : "none";
    head.appendChild(el("span", { "class": "stance stance-" + stance }, p ? LABELS[p.stance] : "no statement"));
    box.appendChild(head);
    if (!p) return;
    var who = [p.best.speaker, p.latest_date].filter(Boolean).join(" · ");
    if (who) box.appendChild(el("p", { "class": "muted small" }, who));
    var quote = el("p", { "class": "quote" });
    quote.appendChild(el("a", { href: "/articles/" + encodeURIComponent(p.best.article_id) + "#ev-" + p.best.statement_id },
      "“" + (p.best.evidence || "").slice(0, 220) + "”"));
    box.appendChild(quote);
    box.appendChild(el("a", { href: "/actors/" + encodeURIComponent(p.actor), "class": "preview-open" }, p.actor_name + "’s page →"));
  }

  // The map is drawn by the server (web/worldmap.py); here it only answers the pointer.
  function wireMap() {
    var box = document.getElementById("map");
    if (!box) return;
    function target(e) { return e.target.closest && e.target.closest("path[class^='s-'], circle.dot"); }
    function datum(shape) {
      var title = shape.querySelector("title");
      var name = title ? title.textContent.replace(/: [^:]*$/, "") : "";
      return { actor: shape.getAttribute("data-actor"), country: name };
    }
    box.addEventListener("mouseover", function (e) {
      var shape = target(e);
      if (!shape) return;
      var d = datum(shape);
      preview(d);
      if (canHover) armed = d.actor || null;
    });
    box.addEventListener("click", function (e) {
      var shape = target(e);
      if (!shape) return;
      var d = datum(shape);
      if (d.actor && d.actor === armed) { go("/actors/" + encodeURIComponent(d.actor)); return; }
      preview(d);
      armed = d.actor || null;
    });
  }

  // The chart library (about 240 KB compressed) is fetched only when the timeline comes
  // near the screen, so the page and its map arrive without it.
  function loadScripts(urls) {
    return urls.reduce(function (chain, url) {
      return chain.then(function () {
        return new Promise(function (resolve, reject) {
          var s = document.createElement("script");
          s.src = url;
          s.onload = resolve;
          s.onerror = function () { reject(new Error("could not load " + url)); };
          document.head.appendChild(s);
        });
      });
    }, Promise.resolve());
  }

  function whenNear(box, then) {
    if (!("IntersectionObserver" in window)) { then(); return; }
    var seen = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { seen.disconnect(); then(); }
    }, { rootMargin: "400px 0px" });
    seen.observe(box);
  }

  function drawTimeline() {
    var box = document.getElementById("timeline-chart");
    var dated = data.timeline.filter(function (e) { return e.date && e.counted; });
    if (!box) return Promise.resolve();
    if (!dated.length) { box.textContent = "No dated statement."; box.setAttribute("data-ready", "1"); return Promise.resolve(); }
    var actors = {}, days = {};
    dated.forEach(function (e) { actors[e.actor_name] = true; days[e.date] = true; });
    // A few days: one tick per day with a statement (the default would tick at noon, twice per label).
    var dayList = Object.keys(days).sort();
    var xAxis = { format: "%d %b %Y", labelAngle: 0, grid: true, labelOverlap: true };
    if (dayList.length <= 8) {
      xAxis.values = dayList.map(function (d) { return Date.parse(d + "T00:00:00Z"); });
    }
    var spec = {
      $schema: "https://vega.github.io/schema/vega-lite/v5.json",
      width: "container", height: Math.max(120, 24 * Object.keys(actors).length),
      autosize: { type: "fit-x", contains: "padding" }, background: null,
      data: { values: dated.map(function (e) {
        return { date: e.date, actor: e.actor, actor_name: e.actor_name, polarity: e.polarity,
                 speaker: e.speaker || "", evidence: (e.evidence || "").slice(0, 140), statement_id: e.statement_id };
      }) },
      mark: { type: "point", filled: true, size: 110, opacity: 0.9, cursor: "pointer" },
      encoding: {
        x: { field: "date", type: "temporal", timeUnit: "utcyearmonthdate", title: null, scale: { padding: 14 },
             axis: xAxis },
        y: { field: "actor_name", type: "nominal", title: null, sort: { field: "date", op: "min" } },
        color: { field: "polarity", type: "nominal", title: "Stance",
                 scale: { domain: ["support", "oppose", "neutral"], range: [COLORS.support, COLORS.oppose, COLORS.neutral] },
                 legend: { orient: "top" } },
        tooltip: [
          { field: "actor_name", title: "Actor" }, { field: "date", type: "temporal", title: "Date" },
          { field: "polarity", title: "Stance" }, { field: "speaker", title: "Speaker" }, { field: "evidence", title: "Said" }
        ]
      }
    };
    return vegaEmbed(box, spec, Object.assign({ tooltip: tooltipHandler }, options)).then(function (result) {
      var tapped = null;
      document.addEventListener("click", function (e) {
        if (!box.contains(e.target)) { tapped = null; showTip(null, null); }
      });
      result.view.addEventListener("click", function (event, item) {
        var id = item && item.datum && item.datum.statement_id;
        if (!id) { tapped = null; showTip(null, null); return; }
        if (canHover || tapped === id) { go("/statements/" + id); return; }
        tapped = id;  // a first tap shows the statement; a second opens it
        var d = item.datum;
        showTip(event, { Actor: d.actor_name, Date: d.date, Stance: d.polarity, Speaker: d.speaker, Said: d.evidence });
      });
      var svg = box.querySelector("svg");
      if (svg) svg.setAttribute("aria-hidden", "true");  // the list under the chart says the same, as text
      box.setAttribute("data-ready", "1");
    });
  }

  wireMap();
  var chart = document.getElementById("timeline-chart");
  if (chart) {
    whenNear(chart, function () {
      var urls = (chart.getAttribute("data-scripts") || "").split(" ").filter(Boolean);
      var needed = data.timeline.some(function (e) { return e.date && e.counted; });
      var ready = needed && typeof vegaEmbed === "undefined" ? loadScripts(urls) : Promise.resolve();
      ready.then(drawTimeline).catch(function (err) { chart.textContent = "The timeline could not be drawn: " + err; });
    });
  }
})();

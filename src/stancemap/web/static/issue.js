// The issue page's world map and timeline, drawn with the vendored Vega-Lite from the
// page's own JSON (the #issue-data block), with the vendored world-atlas shapes.
(function () {
  "use strict";
  var COLORS = { support: "#2166ac", oppose: "#c8412e", mixed: "#8e5fb3", neutral: "#9aa3ad", "no statement": "#e9ebee" };
  var LABELS = { support: "supports", oppose: "opposes", mixed: "mixed", neutral: "neutral", "no statement": "no statement" };
  var source = document.getElementById("issue-data");
  if (!source || typeof vegaEmbed === "undefined") return;
  var data = JSON.parse(source.textContent);
  var options = { actions: false, renderer: "svg" };

  function go(path) { window.location.href = path; }

  function drawMap() {
    var el = document.getElementById("map");
    if (!el) return Promise.resolve();
    var rows = data.positions.filter(function (p) { return p.map_key; }).map(function (p) {
      return {
        map_key: p.map_key, actor: p.actor, actor_name: p.actor_name, stance: LABELS[p.stance] || p.stance,
        speaker: p.best.speaker || "", date: p.latest_date || "", evidence: (p.best.evidence || "").slice(0, 140)
      };
    });
    var spec = {
      $schema: "https://vega.github.io/schema/vega-lite/v5.json",
      width: "container", height: Math.max(220, Math.round(el.clientWidth * 0.47)),
      autosize: { type: "fit-x", contains: "padding" },
      background: null,
      data: { url: "/static/vendor/world-atlas/countries-110m.json", format: { type: "topojson", feature: "countries" } },
      projection: { type: "equalEarth" },
      transform: [
        { filter: "datum.properties.name !== 'Antarctica'" },
        { calculate: "datum.id ? datum.id : 'name:' + datum.properties.name", as: "key" },
        { lookup: "key", from: { data: { values: rows }, key: "map_key",
          fields: ["actor", "actor_name", "stance", "speaker", "date", "evidence"] } },
        { calculate: "datum.stance ? datum.stance : 'no statement'", as: "shown" },
        { calculate: "datum.actor_name ? datum.actor_name : datum.properties.name", as: "country" }
      ],
      mark: { type: "geoshape", stroke: "#ffffff", strokeWidth: 0.6, cursor: "pointer" },
      encoding: {
        color: {
          field: "shown", type: "nominal", legend: null,
          scale: { domain: Object.keys(LABELS).map(function (k) { return LABELS[k]; }),
                   range: Object.keys(LABELS).map(function (k) { return COLORS[k]; }) }
        },
        tooltip: [
          { field: "country", title: "Country" }, { field: "shown", title: "Stance" },
          { field: "speaker", title: "Speaker" }, { field: "date", title: "Latest" },
          { field: "evidence", title: "Said" }
        ]
      }
    };
    return vegaEmbed(el, spec, options).then(function (result) {
      result.view.addEventListener("click", function (_event, item) {
        if (item && item.datum && item.datum.actor) go("/actors/" + encodeURIComponent(item.datum.actor));
      });
      el.setAttribute("data-ready", "1");
    });
  }

  function drawTimeline() {
    var el = document.getElementById("timeline-chart");
    var dated = data.timeline.filter(function (e) { return e.date; });
    if (!el) return Promise.resolve();
    if (!dated.length) { el.textContent = "No dated statement."; el.setAttribute("data-ready", "1"); return Promise.resolve(); }
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
    return vegaEmbed(el, spec, options).then(function (result) {
      result.view.addEventListener("click", function (_event, item) {
        if (item && item.datum && item.datum.statement_id) go("/statements/" + item.datum.statement_id);
      });
      el.setAttribute("data-ready", "1");
    });
  }

  drawMap().catch(function (err) { document.getElementById("map").textContent = "The map could not be drawn: " + err; });
  drawTimeline().catch(function (err) { document.getElementById("timeline-chart").textContent = "The timeline could not be drawn: " + err; });
})();

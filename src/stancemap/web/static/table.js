// Sortable, filterable tables. A header with data-sort holds a real button (Enter and
// Space work); aria-sort says the order. The .filters block named by data-table
// filters rows by words, by stance and by kind of actor, says how many rows are shown
// (aria-live) and keeps its state in the address (?filter=&hide=&people=1), so a
// filtered table can be shared and comes back on reload.
(function () {
  "use strict";

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    return cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
  }

  function makeSortable(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, index) {
      var kind = th.getAttribute("data-sort");
      if (!kind) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index), y = cellValue(b, index);
          var order = kind === "number" ? (parseFloat(x) || 0) - (parseFloat(y) || 0)
            : x.localeCompare(y, undefined, { sensitivity: "base" });
          return ascending ? order : -order;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  function makeFilter(box) {
    var table = document.getElementById(box.getAttribute("data-table"));
    if (!table) return;
    var text = box.querySelector(".filter-text");
    var checks = box.querySelectorAll(".filter-stances input");
    var count = box.querySelector(".filter-count");
    var people = box.querySelector(".filter-people");
    var empty = table.parentNode.querySelector(".filter-empty");

    var params = new URLSearchParams(window.location.search);
    if (text && params.get("filter")) text.value = params.get("filter");
    var hidden = (params.get("hide") || "").split(",");
    Array.prototype.forEach.call(checks, function (c) { if (hidden.indexOf(c.value) >= 0) c.checked = false; });
    if (people && params.get("people") === "1") people.checked = true;

    function remember() {
      var p = new URLSearchParams(window.location.search);
      var off = Array.prototype.filter.call(checks, function (c) { return !c.checked; }).map(function (c) { return c.value; });
      if (text && text.value.trim()) p.set("filter", text.value.trim()); else p.delete("filter");
      if (off.length) p.set("hide", off.join(",")); else p.delete("hide");
      if (people && people.checked) p.set("people", "1"); else p.delete("people");
      var q = p.toString();
      window.history.replaceState(null, "", window.location.pathname + (q ? "?" + q : "") + window.location.hash);
    }

    function apply() {
      var words = (text && text.value || "").toLowerCase().split(/\s+/).filter(Boolean);
      var allowed = {};
      Array.prototype.forEach.call(checks, function (c) { allowed[c.value] = c.checked; });
      var shown = 0, total = 0, rows = table.tBodies[0].rows;
      var withPeople = !!(people && people.checked);
      Array.prototype.forEach.call(rows, function (row) {
        var counted = row.getAttribute("data-counted") !== "0";
        if (counted || withPeople) total += 1;
        var hay = row.textContent.toLowerCase();
        var stance = row.getAttribute("data-stance");
        var ok = words.every(function (w) { return hay.indexOf(w) >= 0; }) &&
          (!stance || allowed[stance] !== false) && (counted || withPeople);
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      if (count) count.textContent = shown + " of " + total + " shown";
      if (empty) empty.hidden = shown > 0;
    }
    function changed() { apply(); remember(); }
    if (text) text.addEventListener("input", changed);
    if (people) people.addEventListener("change", changed);
    Array.prototype.forEach.call(checks, function (c) { c.addEventListener("change", changed); });
    apply();
  }

  document.querySelectorAll("table.sortable").forEach(makeSortable);
  document.querySelectorAll(".filters[data-table]").forEach(makeFilter);
})();

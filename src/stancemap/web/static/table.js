// Sortable, filterable tables: click a header with data-sort to sort by it; the
// .filters block named by data-table filters rows by words and by stance.
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
      th.tabIndex = 0;
      function sort() {
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
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") sort(); });
    });
  }

  function makeFilter(box) {
    var table = document.getElementById(box.getAttribute("data-table"));
    if (!table) return;
    var text = box.querySelector(".filter-text");
    var checks = box.querySelectorAll(".filter-stances input");
    var count = box.querySelector(".filter-count");
    var people = box.querySelector(".filter-people");
    function apply() {
      var words = (text && text.value || "").toLowerCase().split(/\s+/).filter(Boolean);
      var allowed = {};
      Array.prototype.forEach.call(checks, function (c) { allowed[c.value] = c.checked; });
      var shown = 0, rows = table.tBodies[0].rows;
      Array.prototype.forEach.call(rows, function (row) {
        var hay = row.textContent.toLowerCase();
        var stance = row.getAttribute("data-stance");
        var kind = row.getAttribute("data-kind");
        var ok = words.every(function (w) { return hay.indexOf(w) >= 0; }) &&
          (!stance || allowed[stance] !== false) &&
          (!people || people.checked || (kind !== "person" && kind !== "org"));
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      if (count) count.textContent = shown + " of " + rows.length + " shown";
    }
    if (text) text.addEventListener("input", apply);
    if (people) people.addEventListener("change", apply);
    Array.prototype.forEach.call(checks, function (c) { c.addEventListener("change", apply); });
    apply();
  }

  document.querySelectorAll("table.sortable").forEach(makeSortable);
  document.querySelectorAll(".filters[data-table]").forEach(makeFilter);
})();

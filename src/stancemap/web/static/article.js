// Article page: pointing at a highlight, or focusing it with the keyboard, marks its
// statement in the list beside the text, and the other way round. An address ending
// in #ev-N singles out statement N: its words stay highlighted, the others fade.
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  if (!text) return;
  var list = document.querySelector(".article-statements");

  function idsOf(el) {
    var a = el && el.closest && el.closest("a.hl, .st-mini");
    if (!a) return null;
    var ids = a.getAttribute("data-statements") || a.getAttribute("data-statement");
    return ids ? ids.split(" ") : null;
  }
  function mark(ids, on, cls) {
    ids.forEach(function (id) {
      var item = document.getElementById("st-" + id);
      if (item) item.classList.toggle(cls, on);
      text.querySelectorAll('[data-statements~="' + id + '"]').forEach(function (a) { a.classList.toggle(cls, on); });
    });
  }
  function pair(root) {
    if (!root) return;
    ["mouseover", "focusin"].forEach(function (type) {
      root.addEventListener(type, function (e) { var ids = idsOf(e.target); if (ids) mark(ids, true, "active"); });
    });
    ["mouseout", "focusout"].forEach(function (type) {
      root.addEventListener(type, function (e) { var ids = idsOf(e.target); if (ids) mark(ids, false, "active"); });
    });
  }
  pair(text);
  pair(list);

  var singled = null;
  function singleOut() {
    var m = /^#ev-(\d+)$/.exec(window.location.hash);
    if (singled) mark([singled], false, "single");
    singled = m ? m[1] : null;
    text.classList.toggle("singled", !!singled);
    if (!singled) return;
    mark([singled], true, "single");
    var first = text.querySelector('a.hl[data-statements~="' + singled + '"]');
    if (first) first.focus({ preventScroll: true });
  }
  window.addEventListener("hashchange", singleOut);
  singleOut();
})();

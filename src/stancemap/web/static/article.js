// Article page: pointing at a highlight marks its statement in the list beside the text.
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  if (!text) return;
  function mark(ids, on) {
    ids.forEach(function (id) {
      var item = document.getElementById("st-" + id);
      if (item) item.classList.toggle("active", on);
      text.querySelectorAll('[data-statements~="' + id + '"]').forEach(function (a) { a.classList.toggle("active", on); });
    });
  }
  text.addEventListener("mouseover", function (e) {
    var a = e.target.closest && e.target.closest("a.hl");
    if (a) mark(a.getAttribute("data-statements").split(" "), true);
  });
  text.addEventListener("mouseout", function (e) {
    var a = e.target.closest && e.target.closest("a.hl");
    if (a) mark(a.getAttribute("data-statements").split(" "), false);
  });
})();

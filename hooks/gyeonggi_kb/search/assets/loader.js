// Inlined after the search box of every page (ui.py). It loads nothing: the
// search engine and the index are fetched when the reader focuses the box,
// presses the search button or `/`, `s`, `f`. A page opened with `?q=` (the
// 404 page's search form) opens search with those words; a page opened from a
// result (`?h=` in its address) loads the engine to highlight what was found.
(function () {
  var root = document.currentScript.previousElementSibling;
  var input = root.querySelector(".kb-search__input");
  var opener = root.querySelector(".kb-search__open");
  var engine;
  root.hidden = false;
  function load() {
    return engine || (engine = import(new URL(root.getAttribute("data-kb-engine"), location.href).href));
  }
  function start() {
    root.classList.add("kb-search--open");
    opener.setAttribute("aria-expanded", "true");
    load().then(function (m) { if (!root.hasAttribute("data-kb-mounted")) { root.setAttribute("data-kb-mounted", ""); m.mount(root); } });
  }
  input.addEventListener("focus", start);
  opener.addEventListener("click", function () { start(); input.focus(); });
  addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || (e.key !== "/" && e.key !== "s" && e.key !== "f")) return;
    if (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName)) return;
    e.preventDefault();
    start();
    input.focus();
    input.select();
  });
  var params = new URLSearchParams(location.search);
  if (params.get("q")) {
    input.value = params.get("q");
    start();
    input.focus();
  }
  var marks = params.get("h");
  if (marks) addEventListener("DOMContentLoaded", function () { load().then(function (m) { m.highlightPage(marks); }); });
})();

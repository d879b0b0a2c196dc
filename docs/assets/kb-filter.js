/* Filter for the reference library's grouped lists (references/index).
 *
 * The page works without this script: the lists are plain HTML and the filter
 * box is `hidden`. Here the box is revealed and typing hides the list items
 * (and then the empty group headings) that do not contain the text. Matching
 * includes the group heading, so "EU" or "조례" finds a whole group. No
 * external code, no network; it runs only on pages that carry the box.
 */
(function () {
  "use strict";

  function normalise(text) {
    return (text || "").normalize("NFC").toLocaleLowerCase().replace(/\s+/g, " ").trim();
  }

  function setUp(box) {
    var input = box.querySelector("input");
    var status = box.querySelector("[data-kb-filter-none]");
    var scope = document.querySelector("[data-kb-filter-scope]");
    if (!input || !scope) {
      return;
    }
    var lists = Array.prototype.slice.call(scope.querySelectorAll("ul"));

    function heading(list) {
      var previous = list.previousElementSibling;
      return previous && /^H[3-6]$/.test(previous.tagName) ? previous : null;
    }

    function apply() {
      var query = normalise(input.value);
      var shown = 0;
      lists.forEach(function (list) {
        var head = heading(list);
        var groupText = head ? normalise(head.textContent) : "";
        var visible = 0;
        Array.prototype.forEach.call(list.children, function (item) {
          var match = !query || (groupText + " " + normalise(item.textContent)).indexOf(query) !== -1;
          item.hidden = !match;
          if (match) {
            visible += 1;
          }
        });
        list.hidden = visible === 0;
        if (head) {
          head.hidden = visible === 0;
        }
        shown += visible;
      });
      status.textContent = query && shown === 0 ? status.getAttribute("data-kb-filter-none") : "";
    }

    input.addEventListener("input", apply);
    box.hidden = false;
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-kb-filter]"), setUp);
})();

// Progressive enhancement only: every page works without this file.
// Type-ahead for search boxes with data-suggest: suggestions from search_suggest fill a
// <datalist>, which browsers present accessibly.
(function () {
  "use strict";
  var boxes = document.querySelectorAll("input[data-suggest]");
  Array.prototype.forEach.call(boxes, function (input, i) {
    var list = document.createElement("datalist");
    list.id = "suggest-" + i;
    input.parentNode.appendChild(list);
    input.setAttribute("list", list.id);
    var timer = null, last = "";
    input.addEventListener("input", function () {
      var q = input.value.trim();
      if (timer) clearTimeout(timer);
      if (q.length < 1 || q === last) return;
      timer = setTimeout(function () {
        last = q;
        fetch(input.getAttribute("data-suggest") + "?limit=8&q=" + encodeURIComponent(q))
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (body) {
            if (!body || !body.success) return;
            list.textContent = "";
            body.result.forEach(function (text) {
              var option = document.createElement("option");
              option.value = text;
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 150);
    });
  });
})();

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

// Forms with data-progress (file uploads) show upload progress: the form is sent with
// XMLHttpRequest; the server's answer (a redirect or the form with messages) replaces
// the page as a normal submission would.
(function () {
  "use strict";
  var forms = document.querySelectorAll("form[data-progress]");
  Array.prototype.forEach.call(forms, function (form) {
    form.addEventListener("submit", function (event) {
      var file = form.querySelector("input[type=file]");
      if (!file || !file.files || file.files.length === 0 || !window.FormData) return;  // nothing to show
      event.preventDefault();
      var box = form.querySelector(".progress");
      var bar = form.querySelector("progress");
      if (box) box.hidden = false;
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable && bar) bar.value = Math.round((e.loaded / e.total) * 100);
      });
      xhr.addEventListener("load", function () {
        if (xhr.responseURL && xhr.responseURL !== form.action && xhr.status < 400) {
          window.location.assign(xhr.responseURL);
          return;
        }
        document.open();
        document.write(xhr.responseText);
        document.close();
      });
      xhr.addEventListener("error", function () { form.submit(); });
      xhr.send(new FormData(form));
    });
  });
})();

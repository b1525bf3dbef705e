// Likely duplicates shown as a new person is typed, for every form[data-candidates]: the form as typed is posted to
// the page's Candidates handler (nothing is saved; the antiforgery token goes with it) and the panel it answers
// replaces the one above the form. Enhancement only: without this script, saving shows the same panel first.
(function () {
  "use strict";

  var watched = /^Input\.(Names\[\d+\]\.(Text|Script)|BirthDate|Gender|Ethnicity|Hometown)$/;

  function watch(form) {
    var region = form.querySelector("#duplicate-candidates");
    if (!region || !window.fetch || !window.FormData || !window.DOMParser || !window.URLSearchParams) { return; }
    var url = form.getAttribute("data-candidates");
    var timer = null;
    var asked = 0;
    var last = null;
    var controller = null;

    function named() {
      return Array.prototype.some.call(form.querySelectorAll("input[name$='].Text']"), function (input) {
        return input.value.trim().length >= 2;
      });
    }

    function show(html) {
      var body = new DOMParser().parseFromString(html, "text/html").body;
      region.replaceChildren.apply(region, Array.prototype.slice.call(body.childNodes));
    }

    function check() {
      var data = new FormData(form);
      data.delete("Confirm");
      var key = new URLSearchParams(data).toString();
      if (key === last) { return; }
      last = key;
      var mine = ++asked;
      if (controller) { controller.abort(); }
      controller = window.AbortController ? new AbortController() : null;
      fetch(url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "Accept": "text/html" },
        signal: controller ? controller.signal : undefined
      })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) { if (html !== null && mine === asked) { show(html); } })
        .catch(function () { if (mine === asked) { last = null; } });
    }

    form.addEventListener("input", function (e) {
      if (!e.target || !watched.test(e.target.name || "")) { return; }
      clearTimeout(timer);
      if (!named()) {
        asked++;
        last = null;
        region.replaceChildren();
        return;
      }
      timer = setTimeout(check, 400);
    });
  }

  document.querySelectorAll("form[data-candidates]").forEach(watch);
})();

// Enhancements only: every page works without this script.
(function () {
  "use strict";

  // Search suggestions as you type (the form still submits to /search without script).
  var input = document.querySelector("input[data-suggest]");
  if (input) {
    var list = document.createElement("ul");
    list.className = "suggestions";
    list.hidden = true;
    list.setAttribute("role", "listbox");
    input.parentNode.appendChild(list);
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { list.hidden = true; return; }
      timer = setTimeout(function () {
        fetch(input.dataset.suggest + "?limit=8&q=" + encodeURIComponent(q), { headers: { "Accept": "application/json" } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (items) {
            list.textContent = "";
            (Array.isArray(items) ? items : items.items || []).forEach(function (item) {
              var li = document.createElement("li");
              li.setAttribute("role", "option");
              var a = document.createElement("a");
              a.href = "/persons/" + item.id;
              a.textContent = item.name;
              li.appendChild(a);
              list.appendChild(li);
            });
            list.hidden = list.childNodes.length === 0;
          })
          .catch(function () { list.hidden = true; });
      }, 150);
    });
    input.addEventListener("blur", function () { setTimeout(function () { list.hidden = true; }, 200); });
  }

  // ==== testimony upload ====
  // Upload progress for forms marked data-progress (the form posts normally without script). The page the server
  // answers with is shown as it is: after a redirect the saved record, else the form again with its messages.
  document.querySelectorAll("form[data-progress]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      var bar = form.querySelector("progress");
      if (!bar || !window.XMLHttpRequest || !window.FormData) { return; }
      e.preventDefault();
      var posted = new URL(form.getAttribute("action") || window.location.href, window.location.href);
      posted.hash = "";
      var target = posted.href;
      var buttons = form.querySelectorAll("button[type=submit], input[type=submit]");
      var busy = function (on) { buttons.forEach(function (b) { b.disabled = on; }); bar.hidden = !on; };
      var xhr = new XMLHttpRequest();
      xhr.open("POST", target);
      xhr.upload.addEventListener("progress", function (p) {
        if (p.lengthComputable) { bar.max = 100; bar.value = Math.round(100 * p.loaded / p.total); }
      });
      xhr.addEventListener("load", function () {
        var redirected = xhr.responseURL && xhr.responseURL.split("#")[0] !== target;
        if (redirected && xhr.status < 400) { window.location.href = xhr.responseURL; return; }
        document.open(); document.write(xhr.responseText); document.close();
      });
      // On a network failure, fall back to the plain form post, which shows the browser's own error.
      xhr.addEventListener("error", function () { busy(false); form.submit(); });
      xhr.addEventListener("abort", function () { busy(false); });
      busy(true);
      bar.value = 0;
      xhr.send(new FormData(form));
    });
  });
  // ==== end testimony upload ====
})();

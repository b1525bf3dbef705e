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

  // Upload progress for forms marked data-progress (the form posts normally without script).
  document.querySelectorAll("form[data-progress]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      var bar = form.querySelector("progress");
      if (!bar || !window.XMLHttpRequest) { return; }
      e.preventDefault();
      var xhr = new XMLHttpRequest();
      xhr.open(form.method || "POST", form.action);
      xhr.upload.addEventListener("progress", function (p) { if (p.lengthComputable) { bar.max = p.total; bar.value = p.loaded; } });
      xhr.addEventListener("load", function () {
        if (xhr.responseURL && xhr.status < 400) { window.location.href = xhr.responseURL; }
        else { document.open(); document.write(xhr.responseText); document.close(); }
      });
      bar.hidden = false;
      xhr.send(new FormData(form));
    });
  });
})();

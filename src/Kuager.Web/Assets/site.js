// Enhancements only: every page works without this script.
(function () {
  "use strict";

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

// Several files on the ingestion form are posted one at a time, each with the form's other fields and its antiforgery
// token, while a <progress> element and its text say "n of m". The page's notice then counts all of them. Enhancement
// only: without this script the form posts every file at once and the server does the same work.
(function () {
  "use strict";

  function setUp(form) {
    var input = form.querySelector("input[type=file][name=files]");
    var progress = form.querySelector("progress.ingest-progress");
    var status = form.querySelector(".ingest-progress-text");
    if (!input || !progress || !status || !window.fetch || !window.FormData || !window.URL) { return; }

    function say(done, total) {
      progress.max = total;
      progress.value = done;
      status.textContent = status.getAttribute("data-template").replace("{0}", String(done)).replace("{1}", String(total));
    }

    form.addEventListener("submit", function (event) {
      var files = Array.prototype.slice.call(input.files || []);
      if (files.length < 2) { return; }
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      if (button) { button.disabled = true; }
      progress.hidden = false;
      status.hidden = false;
      var count = 0;
      var copies = 0;
      var i = 0;
      say(0, files.length);

      function next() {
        if (i === files.length) {
          window.location.assign("/ingestion?notice=ingested&count=" + count + "&copies=" + copies);
          return;
        }
        var data = new FormData(form);
        data.delete("files");
        if (i > 0) { data.set("Text", ""); }
        data.append("files", files[i], files[i].name);
        fetch(form.action, { method: "POST", body: data, credentials: "same-origin" }).then(function (response) {
          var url = new URL(response.url, window.location.href);
          if (url.searchParams.get("notice") !== "ingested") {
            // The server refused this file: show its message (the page it answered carries it) and stop.
            return response.text().then(function (html) {
              var error = window.DOMParser ? new DOMParser().parseFromString(html, "text/html").querySelector("p.error") : null;
              status.textContent = files[i].name + ": " + (error ? error.textContent : status.getAttribute("data-failed"));
              if (button) { button.disabled = false; }
            });
          }
          count += Number(url.searchParams.get("count") || 0);
          copies += Number(url.searchParams.get("copies") || 0);
          i += 1;
          say(i, files.length);
          next();
        }, function () {
          if (button) { button.disabled = false; }
          status.textContent = status.getAttribute("data-failed");
        });
      }

      next();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form.ingest-form"), setUp);
  });
})();

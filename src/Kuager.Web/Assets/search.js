// Search suggestions as you type, for every input[data-suggest]: people by name and testimonies and sources by their
// words, fetched from the search API. Enhancement only: without this script the form submits to /search as usual.
(function () {
  "use strict";

  var boxes = 0;

  function suggest(input) {
    var id = "suggestions-" + (++boxes);
    var list = document.createElement("ul");
    list.id = id;
    list.className = "suggestions";
    list.hidden = true;
    list.setAttribute("role", "listbox");
    if (input.labels && input.labels.length > 0) {
      list.setAttribute("aria-label", input.labels[0].textContent.trim());
    }

    // The box keeps its search role (people find it as "Search"); it says which list it fills and which option is picked.
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", id);
    input.parentNode.appendChild(list);

    var timer = null;
    var asked = 0;
    var active = -1;
    var controller = null;

    function options() { return list.querySelectorAll("[role=option]"); }

    function close() {
      list.hidden = true;
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function select(index) {
      var items = options();
      items.forEach(function (item, i) { item.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0 && items[index]) {
        input.setAttribute("aria-activedescendant", items[index].id);
        items[index].scrollIntoView({ block: "nearest" });
      }
    }

    function text(tag, className, value, dir) {
      var node = document.createElement(tag);
      if (className) { node.className = className; }
      node.setAttribute("dir", dir || "auto");
      node.textContent = value;
      return node;
    }

    // The snippet is plain text with highlight ranges: each stretch goes in as text, the ranges in <mark>.
    function snippet(hit) {
      var node = text("span", "snippet", "");
      var at = 0;
      (hit.highlights || []).forEach(function (h) {
        if (h.start > at) { node.appendChild(document.createTextNode(hit.snippet.slice(at, h.start))); }
        node.appendChild(text("mark", null, hit.snippet.slice(h.start, h.start + h.length)));
        at = h.start + h.length;
      });
      if (at < hit.snippet.length) { node.appendChild(document.createTextNode(hit.snippet.slice(at))); }
      return node;
    }

    function option(href, parts) {
      var li = document.createElement("li");
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.id = id + "-" + list.childNodes.length;
      var a = document.createElement("a");
      a.href = href;
      a.tabIndex = -1;
      parts.forEach(function (p) { a.appendChild(p); });
      li.appendChild(a);
      list.appendChild(li);
    }

    function kindLabel(hit) {
      var template = input.getAttribute("data-label-" + hit.kind) || hit.kind + " {0}";
      return template.replace("{0}", String(hit.id));
    }

    function render(people, texts) {
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      people.forEach(function (p) {
        var parts = [text("span", "name", p.name)];
        if (p.matched && p.matched !== p.name) {
          var matched = text("span", "matched", p.matched, p.matched_script === "ug-Arab" ? "rtl" : "auto");
          matched.setAttribute("lang", p.matched_script || "");
          parts.push(matched);
        }
        option("/persons/" + encodeURIComponent(p.id), parts);
      });
      texts.forEach(function (t) {
        option(t.url, [text("span", "name", kindLabel(t) + (t.title ? " · " + t.title : "")), snippet(t)]);
      });
      list.hidden = list.childNodes.length === 0;
    }

    function get(url, signal) {
      return fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin", signal: signal })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (items) { return Array.isArray(items) ? items : []; })
        .catch(function () { return []; });
    }

    function load(q) {
      var mine = ++asked;
      if (controller) { controller.abort(); }
      controller = window.AbortController ? new AbortController() : null;
      var signal = controller ? controller.signal : undefined;
      var base = input.getAttribute("data-suggest");
      var query = "&q=" + encodeURIComponent(q);
      Promise.all([get(base + "?limit=6" + query, signal), get(base + "/texts?limit=4" + query, signal)])
        .then(function (found) { if (mine === asked) { render(found[0], found[1]); } });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { asked++; close(); return; }
      timer = setTimeout(function () { load(q); }, 200);
    });

    input.addEventListener("keydown", function (e) {
      var items = options();
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (list.hidden || items.length === 0) { return; }
        e.preventDefault();
        var next = e.key === "ArrowDown" ? active + 1 : active - 1;
        select(next < 0 ? items.length - 1 : next >= items.length ? 0 : next);
      } else if (e.key === "Enter") {
        if (!list.hidden && active >= 0 && items[active]) {
          e.preventDefault();
          window.location.href = items[active].querySelector("a").href;
        }
      } else if (e.key === "Escape") {
        if (!list.hidden) { e.preventDefault(); close(); }
      }
    });

    // A click on a suggestion must land before the box loses focus and hides the list.
    list.addEventListener("mousedown", function (e) { e.preventDefault(); });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  document.querySelectorAll("input[data-suggest]").forEach(suggest);
})();

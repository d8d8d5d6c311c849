// estimator: small progressive enhancements. The page works without this file.
(function () {
  "use strict";

  function resultsOf(el) { return el.closest(".results"); }

  // "Show all work" stays as the reader left it when new results are swapped in.
  var allWork = false;
  function showAllWork(section) {
    if (!section) { return; }
    var toggle = section.querySelector("[data-toggle-work]");
    if (toggle) {
      toggle.setAttribute("aria-pressed", String(allWork));
      toggle.textContent = allWork ? "Hide all work" : "Show all work";
    }
    section.querySelectorAll(".work details").forEach(function (d) { d.open = allWork; });
  }

  // The lines' text area grows with its rows, so each row's result stays beside it.
  function fitLines() {
    var lines = document.getElementById("id_lines");
    if (!lines) { return; }
    var rows = lines.value.split("\n").length + 1;
    lines.rows = Math.min(50, Math.max(4, rows));
  }
  document.addEventListener("input", function (event) {
    if (event.target.id === "id_lines") { fitLines(); }
  });

  function say(section, text) {
    var out = section.querySelector(".copied");
    if (out) { out.textContent = text; }
  }

  function copy(section, text, what) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { say(section, what + " copied"); },
        function () { say(section, "Copy failed: select the " + what.toLowerCase() + " and copy it"); });
    } else {
      say(section, "Copying needs https; the " + what.toLowerCase() + " is: " + text.slice(0, 200));
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (button) {
      var section = resultsOf(button);
      if (button.dataset.copy === "link") {
        copy(section, section.dataset.shareUrl, "Link");
      } else {
        fetch(section.dataset.markdownPath, { headers: { "Accept": "text/markdown" } })
          .then(function (r) { return r.text(); })
          .then(function (text) { copy(section, text, "Markdown"); });
      }
      return;
    }
    var toggle = event.target.closest("[data-toggle-work]");
    if (toggle) {
      allWork = toggle.getAttribute("aria-pressed") !== "true";
      showAllWork(resultsOf(toggle));
    }
  });

  // The reference table filters as you type (the search form works without this too).
  document.addEventListener("input", function (event) {
    var rows = event.target.dataset && event.target.dataset.filter;
    if (!rows) { return; }
    var words = event.target.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    document.querySelectorAll(rows).forEach(function (row) {
      if (row.classList.contains("group")) { return; }
      var text = row.textContent.toLowerCase();
      row.hidden = !words.every(function (w) { return text.indexOf(w) !== -1; });
      if (!row.hidden) { shown += 1; }
    });
    document.querySelectorAll(rows.split(" ")[0] + " tbody").forEach(function (group) {
      group.hidden = !group.querySelector("tr:not(.group):not([hidden])");
    });
    var none = document.getElementById("reference-none");
    if (none) { none.hidden = shown !== 0; }
  });

  document.addEventListener("submit", function (event) {
    var message = event.target.dataset && event.target.dataset.confirm;
    if (message && !window.confirm(message)) { event.preventDefault(); }
  });

  // A result's distribution stays open as the reader left it when new results are swapped in
  // ("toggle" does not bubble: listen in the capture phase).
  var openSketches = {};
  document.addEventListener("toggle", function (event) {
    var details = event.target;
    if (!details.classList || !details.classList.contains("distribution")) { return; }
    var card = details.closest(".result");
    if (!card) { return; }
    if (details.open) { openSketches[card.id] = true; } else { delete openSketches[card.id]; }
  }, true);

  // A morphing swap: new results are written into the old elements in place, changing only the
  // text and attributes that differ and inserting or removing only the elements that came or
  // went, so the browser restyles and lays out what changed instead of the whole results
  // (hx-swap="morph" on the form, and every out-of-band swap of the same answer). A <details>
  // the reader opened stays open.
  function sameKind(a, b) {
    return a.nodeType === b.nodeType && a.nodeName === b.nodeName && (a.nodeType !== 1 || a.id === b.id);
  }

  function laterSibling(node, id) {
    for (; node; node = node.nextSibling) {
      if (node.nodeType === 1 && node.id === id) { return node; }
    }
    return null;
  }

  function morphAttributes(old, neu) {
    var i, name, value;
    for (i = 0; i < neu.attributes.length; i++) {
      name = neu.attributes[i].name;
      value = neu.attributes[i].value;
      if (old.getAttribute(name) !== value) { old.setAttribute(name, value); }
    }
    for (i = old.attributes.length - 1; i >= 0; i--) {
      name = old.attributes[i].name;
      if (!neu.hasAttribute(name) && !(name === "open" && old.nodeName === "DETAILS")) { old.removeAttribute(name); }
    }
  }

  function morphNode(old, neu, added) {
    if (old.nodeType !== 1) {
      if (old.nodeValue !== neu.nodeValue) { old.nodeValue = neu.nodeValue; }
      return;
    }
    morphAttributes(old, neu);
    if ("value" in old && old.nodeName !== "BUTTON" && old.value !== neu.value && old !== document.activeElement) {
      old.value = neu.value;
    }
    morphChildren(old, neu, added);
  }

  function morphChildren(old, neu, added) {
    var o = old.firstChild, n = neu.firstChild, next, match, gone;
    while (n) {
      next = n.nextSibling;
      match = o && sameKind(o, n) ? o : (n.nodeType === 1 && n.id ? laterSibling(o, n.id) : null);
      if (match) {
        while (o !== match) { gone = o; o = o.nextSibling; old.removeChild(gone); }  // went away
        morphNode(o, n, added);
        o = o.nextSibling;
      } else {
        old.insertBefore(n, o);  // came: moved from the answer into the page
        if (n.nodeType === 1) { added.push(n); }
      }
      n = next;
    }
    while (o) { gone = o; o = o.nextSibling; old.removeChild(gone); }
  }

  // Morphs `old` into `neu` (the same id); htmx processes what was added, as it would a swap.
  function morph(old, neu) {
    var added = [];
    morphNode(old, neu, added);
    added.forEach(function (el) { htmx.process(el); });
  }

  function incoming(fragment, id) {
    for (var n = fragment.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 1) { return n.id === id ? n : null; }
    }
    return null;
  }

  if (window.htmx) {
    htmx.defineExtension("morph", {
      handleSwap: function (style, target, fragment) {
        var neu = style === "morph" && incoming(fragment, target.id);
        if (!neu) { return false; }  // not ours: htmx swaps it
        morph(target, neu);
        return true;
      }
    });
    // An out-of-band element (hx-swap-oob="true") morphs into its namesake as well.
    document.addEventListener("htmx:oobBeforeSwap", function (event) {
      var detail = event.detail, target = detail.target;
      if (!detail.shouldSwap || detail.fragment.nodeType !== 11) { return; }  // 11: the outerHTML case
      var neu = incoming(detail.fragment, target.id);
      if (!neu || neu.nextElementSibling) { return; }
      morph(target, neu);
      detail.shouldSwap = false;
    });
  }

  // The address bar follows the inputs (the server's HX-Replace-Url), set after the new results
  // are painted: htmx's own history (off in the page's htmx-config) would first copy the whole
  // page for a history cache this site keeps empty, on every keystroke.
  document.addEventListener("htmx:afterSwap", function (event) {
    var xhr = event.detail && event.detail.xhr;
    var path = xhr && xhr.getResponseHeader("HX-Replace-Url");
    if (!path || path === "false") { return; }
    requestAnimationFrame(function () {
      setTimeout(function () { history.replaceState(history.state, "", path); }, 0);
    });
  });

  // After htmx swaps in new results, mark each field valid or invalid from its message, and
  // keep "show all work" as the reader left it.
  document.addEventListener("htmx:afterSettle", function () {
    if (allWork) { showAllWork(document.getElementById("results")); }
    Object.keys(openSketches).forEach(function (id) {
      var details = document.querySelector("#" + id + " details.distribution");
      if (details) { details.open = true; }
    });
    var notes = document.getElementById("field-notes");
    if (notes) {  // every field's message and unused note, sent in one swap: put each in its field
      notes.querySelectorAll("[data-error]").forEach(function (p) {
        var target = document.getElementById("error-" + p.dataset.error);
        if (target && target.textContent !== p.textContent) { target.textContent = p.textContent; }
      });
      notes.querySelectorAll("[data-unused]").forEach(function (p) {
        var target = document.getElementById("unused-" + p.dataset.unused);
        if (target && target.textContent !== p.textContent) { target.textContent = p.textContent; }
      });
    }
    document.querySelectorAll(".field-error[id^='error-']").forEach(function (error) {
      var input = document.getElementById("id_" + error.id.slice(6));
      if (!input) { return; }
      var bad = error.textContent.trim() !== "";
      input.toggleAttribute("aria-invalid", bad);
      if (bad) { input.setAttribute("aria-invalid", "true"); }
      input.closest(".field").classList.toggle("invalid", bad);
    });
    document.querySelectorAll(".unused-note[id^='unused-']").forEach(function (note) {
      var field = note.closest(".field");
      if (field) { field.classList.toggle("unused", note.textContent.trim() !== ""); }
    });
  });

  // "Add a component": the chosen kind's line goes at the end of the lines under a name no line
  // has yet (data-reserved: names the built-ins hold), and the results follow as if it were
  // typed. Without this file the button submits the form and the server adds the same line.
  function addComponent(button) {
    var lines = document.getElementById("id_lines");
    var select = document.getElementById("id_add_kind");
    if (!lines || !select) { return false; }
    var option = select.options[select.selectedIndex];
    var taken = {};
    (button.dataset.reserved || "").split(" ").forEach(function (name) { taken[name] = true; });
    lines.value.split("\n").forEach(function (row) {
      var named = /^\s*([a-z_][a-z0-9_]*)\s*=/.exec(row);
      if (named) { taken[named[1]] = true; }
    });
    var name = option.dataset.base;
    for (var n = 2; taken[name]; n += 1) { name = option.dataset.base + "_" + n; }
    var template = option.dataset.line;
    var line = name + template.slice(template.indexOf(" ="));
    var text = lines.value.replace(/\n+$/, "");
    lines.value = text ? text + "\n" + line : line;
    lines.focus();
    lines.setSelectionRange(lines.value.length, lines.value.length);
    lines.dispatchEvent(new Event("input", { bubbles: true }));
    return true;
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-add-component]");
    if (button && addComponent(button)) { event.preventDefault(); }
  });

  // Lines wrap: each line's result keeps beside its line by taking the height the line wraps
  // to, measured on a hidden copy of the text area's text (one layout, only when a row wraps).
  function alignLineResults() {
    var lines = document.getElementById("id_lines");
    var results = document.getElementById("line-results");
    if (!lines || !results || getComputedStyle(results).display === "none") { return; }
    var items = results.children;
    if (results.offsetTop > lines.offsetTop + 4) {  // stacked under the lines (a phone): nothing to align
      for (var j = 0; j < items.length; j += 1) { items[j].style.height = ""; }
      return;
    }
    var rows = lines.value.split("\n");
    var mirror = document.getElementById("lines-mirror");
    if (!mirror) {
      mirror = document.createElement("div");
      mirror.id = "lines-mirror";
      mirror.setAttribute("aria-hidden", "true");
      document.body.appendChild(mirror);
    }
    var style = getComputedStyle(lines);
    mirror.style.cssText = "position:absolute;visibility:hidden;left:-9999px;top:0;white-space:pre-wrap;" +
      "overflow-wrap:anywhere;font:" + style.font + ";width:" + lines.clientWidth + "px;padding:0 " +
      style.paddingRight + " 0 " + style.paddingLeft + ";box-sizing:border-box;";
    mirror.textContent = "";
    rows.forEach(function (row) {
      var div = document.createElement("div");
      div.textContent = row || " ";
      mirror.appendChild(div);
    });
    var line = parseFloat(style.lineHeight);
    for (var i = 0; i < items.length; i += 1) {
      var measured = mirror.children[i] ? mirror.children[i].offsetHeight : line;
      var height = measured > line * 1.5 ? measured + "px" : "";
      if (items[i].style.height !== height) { items[i].style.height = height; }
    }
  }
  document.addEventListener("input", function (event) {
    if (event.target.id === "id_lines") { alignLineResults(); }
  });
  document.addEventListener("htmx:afterSettle", alignLineResults);
  window.addEventListener("resize", alignLineResults);
  document.addEventListener("DOMContentLoaded", alignLineResults);
})();

/* Review screen: keyboard shortcuts and in-place updates.
 *
 * Every control is a plain form that works without JavaScript. This script sends the same
 * requests with fetch (header X-Requested-With: fetch), and the server answers with the
 * re-rendered workspace fragment, which replaces the old one. No inline scripts (CSP).
 */
(function () {
  "use strict";

  var LABELS = ["PER", "ORG", "LOC", "FAC", "NORP", "DATE", "WEAPON"];
  var undoStack = []; // mention ids (or arrays of ids for a bulk accept), latest last
  var busy = false;

  function ws() { return document.getElementById("review-workspace"); }
  function alertEl() { return document.getElementById("review-alert"); }

  function csrfToken() {
    var m = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    if (m) return decodeURIComponent(m[1]);
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function say(text, kind) {
    var el = alertEl();
    if (!el) return;
    el.textContent = text;
    el.className = "review-alert alert alert-" + (kind || "danger");
    el.hidden = false;
  }
  // An Undo button (or a link onwards) after the message: a relabel by digit key is never silent.
  function offerUndo() {
    var el = alertEl();
    if (!el) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-sm btn-outline-success ms-2 review-undo";
    button.textContent = msg("msgUndo");
    button.addEventListener("click", function () { undo(); });
    el.appendChild(button);
  }
  function offerLink(href, text) {
    var el = alertEl();
    if (!el || href.charAt(0) !== "/") return;
    var link = document.createElement("a");
    link.href = href;
    link.className = "btn btn-sm btn-success ms-2";
    link.textContent = text;
    el.appendChild(link);
  }
  function hush() { var el = alertEl(); if (el) el.hidden = true; }
  function msg(name) { var el = alertEl(); return (el && el.dataset[name]) || name; }

  function fromHex(hex) {
    var bytes = new Uint8Array((hex.match(/../g) || []).map(function (h) { return parseInt(h, 16); }));
    return new TextDecoder().decode(bytes);
  }

  function currentId() { var w = ws(); return w ? w.dataset.current : ""; }

  function swap(html) {
    var tpl = document.createElement("template");
    tpl.innerHTML = html.trim();
    var fresh = tpl.content.firstElementChild;
    if (!fresh || fresh.id !== "review-workspace") return;
    ws().replaceWith(fresh);
    reveal();
  }

  function reveal() {
    var id = currentId();
    if (!id) return;
    var mark = document.getElementById("m" + id);
    if (mark) mark.scrollIntoView({ block: "nearest", inline: "nearest" });
    var item = document.getElementById("item-" + id);
    if (item) item.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  function send(url, method, body) {
    if (busy) return Promise.resolve(null);
    busy = true;
    var opts = { method: method, headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" };
    if (method === "POST") {
      opts.headers["X-CSRFToken"] = csrfToken();
      opts.body = body;
    }
    return fetch(url, opts)
      .then(function (response) {
        return response.text().then(function (text) {
          if (!response.ok) {
            say(text || response.statusText, response.status === 409 ? "warning" : "danger");
            return null;
          }
          swap(text);
          var note = response.headers.get("X-Marsad-Message");
          if (note) {
            say(fromHex(note), "success");
            if (response.headers.get("X-Marsad-Undo")) offerUndo();
            var next = response.headers.get("X-Marsad-Next");
            if (next) offerLink(next, msg("msgDesk"));
          } else hush();
          return response;
        });
      })
      .catch(function () { say(msg("msgNetwork")); return null; })
      .finally(function () { busy = false; });
  }

  function post(url, fields) {
    var data = new FormData();
    data.append("version", ws().dataset.version);
    Object.keys(fields || {}).forEach(function (k) { data.append(k, fields[k]); });
    return send(url, "POST", data);
  }

  function actionUrl(id, action) { return ws().dataset.actionBase + id + "/" + action + "/"; }

  function remember(url, response) {
    if (!response) return;
    var m = url.match(/\/mentions\/(\d+)\/([\w-]+)\/$/);
    if (m && m[2] !== "undo") { undoStack.push(m[1]); return; }
    if (/\/mentions\/add\/$/.test(url)) { undoStack.push(currentId()); return; }
    var bulk = response.headers.get("X-Marsad-Accepted");
    if (bulk) undoStack.push(bulk.split(","));
  }

  function act(action, fields) {
    var id = currentId();
    if (!id) return;
    var url = actionUrl(id, action);
    post(url, fields).then(function (r) { remember(url, r); });
  }

  function undo() {
    var entry = undoStack.pop() || currentId();
    if (!entry) return;
    var ids = Array.isArray(entry) ? entry.slice() : [entry];
    var next = function () {
      var id = ids.shift();
      if (!id) return;
      post(actionUrl(id, "undo")).then(function (r) { if (r) next(); });
    };
    next();
  }

  function go(id) {
    if (!id) return;
    send(ws().dataset.reviewUrl + "?m=" + encodeURIComponent(id), "GET");
  }

  function move(step) {
    var items = Array.prototype.slice.call(document.querySelectorAll("#side-form .side-item"));
    if (!items.length) return;
    var idx = items.findIndex(function (li) { return li.dataset.id === currentId(); });
    var next = items[(idx + step + items.length) % items.length];
    go(next.dataset.id);
  }

  /* The selection inside the article text as offsets into the body. */
  function selectionSpan() {
    var sel = window.getSelection();
    var text = document.getElementById("article-text");
    if (!sel || sel.isCollapsed || !sel.rangeCount || !text) return null;
    var range = sel.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return null;
    var before = document.createRange();
    before.selectNodeContents(text);
    before.setEnd(range.startContainer, range.startOffset);
    var start = before.toString().length;
    var chosen = range.toString();
    return { start: start, end: start + chosen.length, text: chosen };
  }

  function addSelection() {
    var span = selectionSpan();
    if (!span) { say(msg("msgNoSelection"), "warning"); return; }
    var label = document.getElementById("add-label");
    var url = ws().dataset.addUrl;
    post(url, { start: span.start, end: span.end, text: span.text, label: label ? label.value : "PER" }).then(function (r) {
      if (r) { window.getSelection().removeAllRanges(); remember(url, r); }
    });
  }

  function toggleHelp(force) {
    var help = document.getElementById("review-help");
    if (help) help.open = force === undefined ? !help.open : force;
  }

  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!form.closest || !form.closest("#review-workspace")) return;
    ev.preventDefault();
    var submitter = ev.submitter;
    var url = (submitter && submitter.getAttribute("formaction")) || form.getAttribute("action") || window.location.pathname;
    var method = (form.getAttribute("method") || "get").toUpperCase();
    var data = new FormData(form, submitter);
    if (form.hasAttribute("data-working")) say(msg("msgWorking"), "info"); // at once, before the server answers
    if (method === "GET") {
      send(url + "?" + new URLSearchParams(data).toString(), "GET");
    } else {
      send(url, "POST", data).then(function (r) { remember(url, r); });
    }
  });

  document.addEventListener("click", function (ev) {
    var mark = ev.target.closest && ev.target.closest("#article-text mark.m");
    if (mark) {
      var sel = window.getSelection();
      if (sel && !sel.isCollapsed) return; // finishing a text selection, not choosing a span
      go(mark.dataset.id);
      return;
    }
    var link = ev.target.closest && ev.target.closest("#side-form a.side-text");
    if (link) {
      ev.preventDefault();
      go(link.closest(".side-item").dataset.id);
    }
  });

  document.addEventListener("selectionchange", function () {
    var span = selectionSpan();
    if (!span) return;
    var s = document.getElementById("add-start");
    var e = document.getElementById("add-end");
    if (s && e) { s.value = span.start; e.value = span.end; }
  });

  document.addEventListener("keydown", function (ev) {
    if (!ws() || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var tag = (ev.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || ev.target.isContentEditable) {
      if (ev.key === "Escape") ev.target.blur();
      return;
    }
    var key = ev.key;
    var reason;
    if (key >= "1" && key <= "7") {
      var label = LABELS[Number(key) - 1];
      if (selectionSpan()) {
        var picker = document.getElementById("add-label");
        if (picker) picker.value = label;
      } else {
        act("relabel", { label: label });
      }
    } else if (key === "j") move(1);
    else if (key === "k") move(-1);
    else if (key === "a") act("accept");
    else if (key === "r") {
      reason = document.getElementById("reject-reason");
      act("reject", { reason: reason ? reason.value : "" });
    } else if (key === "[") act("adjust", { step: "start:shrink" });
    else if (key === "]") act("adjust", { step: "end:shrink" });
    else if (key === "{") act("adjust", { step: "start:extend" });
    else if (key === "}") act("adjust", { step: "end:extend" });
    else if (key === "n") addSelection();
    else if (key === "u") undo();
    else if (key === "e") { var q = document.getElementById("entity-q"); if (q) q.focus(); }
    else if (key === "i" && document.getElementById("create-incident")) window.location.href = document.getElementById("create-incident").href;
    else if (key === "?") toggleHelp();
    else if (key === "Escape") toggleHelp(false);
    else return;
    ev.preventDefault();
  });

  document.addEventListener("DOMContentLoaded", reveal);
})();

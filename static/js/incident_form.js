/* Incident form: clicking a span in the article pane fills the field that last had focus;
 * a selected passage becomes the supporting quote. No inline scripts (CSP). */
(function () {
  "use strict";

  var lastField = null;

  document.addEventListener("focusin", function (ev) {
    var el = ev.target;
    if (el.closest && el.closest("#incident-form") && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) && el.type !== "hidden") {
      lastField = el;
    }
  });

  function offsets(text, node, offset) {
    var before = document.createRange();
    before.selectNodeContents(text);
    before.setEnd(node, offset);
    return before.toString().length;
  }

  function setQuote(start, end) {
    var s = document.getElementById("id_sources-0-quote_start");
    var e = document.getElementById("id_sources-0-quote_end");
    if (s && e) { s.value = start; e.value = end; }
  }

  function fill(field, mark) {
    var value = mark.textContent;
    if (field.tagName === "SELECT") {
      var wanted = mark.dataset.entity;
      var option = Array.prototype.find.call(field.options, function (o) {
        return (wanted && o.value === wanted) || o.textContent.trim().split(" · ")[0] === value;
      });
      if (option) field.value = option.value;
    } else if (/quote_start$/.test(field.name)) {
      field.value = mark.dataset.start;
    } else if (/quote_end$/.test(field.name)) {
      field.value = mark.dataset.end;
    } else if (field.type === "number") {
      var digits = value.replace(/[٠-٩]/g, function (d) { return String(d.charCodeAt(0) - 0x660); }).match(/\d+/);
      if (digits) field.value = digits[0];
    } else {
      field.value = value;
    }
    field.dispatchEvent(new Event("change", { bubbles: true }));
    field.focus();
  }

  document.addEventListener("click", function (ev) {
    var mark = ev.target.closest && ev.target.closest("#source-text mark.m");
    if (mark && lastField) {
      var sel = window.getSelection();
      if (sel && !sel.isCollapsed) return;
      fill(lastField, mark);
      return;
    }
    if (ev.target.id === "use-selection") {
      var text = document.getElementById("source-text");
      var selection = window.getSelection();
      if (!text || !selection || selection.isCollapsed) return;
      var range = selection.getRangeAt(0);
      if (!text.contains(range.startContainer)) return;
      var start = offsets(text, range.startContainer, range.startOffset);
      setQuote(start, start + range.toString().length);
    }
  });
})();

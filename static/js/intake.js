// Intake form: live character count, and a check before sending so that an over-long paste
// is refused in the browser with the text still in place.
(function () {
  "use strict";
  const form = document.getElementById("intake-form");
  if (!form) return;
  const text = form.querySelector("textarea[name=text]");
  const count = document.getElementById("intake-count");
  const maxChars = parseInt(form.dataset.maxChars, 10) || 0;
  const number = new Intl.NumberFormat(document.documentElement.lang || undefined);

  function update() {
    if (!text || !count) return;
    const n = text.value.length;
    count.textContent = n ? number.format(n) + " / " + number.format(maxChars) : "";
    const over = maxChars && n > maxChars;
    count.classList.toggle("text-danger", Boolean(over));
    text.classList.toggle("is-invalid", Boolean(over));
  }

  // A request too large for the server to read cannot come back filled in: the browser keeps a copy of
  // the pasted text while sending and puts it back when the page answers "too large" (data-restore).
  const KEEP = "marsad-intake-text";
  function store(action) {
    try { action(window.sessionStorage); } catch (e) { /* storage full or disabled: nothing kept */ }
  }
  if (text) {
    if (form.dataset.restore && !text.value) {
      store(function (s) { text.value = s.getItem(KEEP) || ""; });
    }
    store(function (s) { s.removeItem(KEEP); });
    text.addEventListener("input", update);
    update();
  }
  form.addEventListener("submit", function (event) {
    if (text && maxChars && text.value.length > maxChars) {
      event.preventDefault();
      count.textContent = form.dataset.tooLong;
      text.focus();
      return;
    }
    if (text && text.value) {
      store(function (s) { s.setItem(KEEP, text.value); });
    }
  });
})();

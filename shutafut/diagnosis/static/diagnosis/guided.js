/* The guided diagnosis, enhanced: every answer updates the preview (the page's own POST to the preview endpoint,
   which writes nothing); rows that only matter for one answer are shown with it; the result screen can be printed.
   Without this script the page is a plain multi-step form and the preview follows each "Next". */
(function () {
  "use strict";
  var form = document.querySelector(".g-form[data-preview-url]");
  var preview = document.getElementById("guided-preview");

  function answer() {
    var checked = form.querySelector("input[name=answer]:checked");
    return checked ? checked.value : "";
  }

  function showRows() {
    var rows = form.querySelector(".g-rows[data-rows-when]");
    if (!rows || !rows.dataset.rowsWhen) { return; }
    rows.hidden = rows.dataset.rowsWhen.split(" ").indexOf(answer()) === -1;
  }

  var timer = null;
  var pending = null;
  function refresh() {
    if (pending) { pending.abort(); }
    pending = new AbortController();
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    fetch(form.dataset.previewUrl, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      signal: pending.signal,
      headers: { "X-CSRFToken": token ? token.value : "" }
    }).then(function (response) {
      if (!response.ok) { return null; }
      return response.text();
    }).then(function (html) {
      if (html !== null && html !== undefined) {
        preview.innerHTML = html;
        preview.dataset.updated = String(Date.now());
      }
    }).catch(function () { /* the preview stays as it was; "Next" still shows the diagnosis */ });
  }

  function changed() {
    showRows();
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 250);
  }

  if (form && preview) {
    form.addEventListener("change", changed);
    form.addEventListener("input", function (event) {
      if (event.target.matches("input[type=text], input[type=number], textarea")) { changed(); }
    });
    showRows();
  }

  var print = document.querySelector(".g-print");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
}());

// A background job's status page: asks the job's JSON status every second, moves the progress bar and the
// message, and reloads the page when the work ends (the page then shows the result). No inline script (CSP).
(function () {
  "use strict";
  var box = document.querySelector("[data-job-status-url]");
  if (!box) { return; }
  var url = box.getAttribute("data-job-status-url");
  var bar = box.querySelector("progress");
  var state = box.querySelector("[data-job-state]");
  var message = box.querySelector("[data-job-message]");
  var waiting = box.querySelector("[data-job-waiting]");

  function show(status) {
    if (status.finished) { window.location.reload(); return false; }
    if (status.total > 0) {
      bar.max = status.total;
      bar.value = status.done;
      bar.textContent = status.percent + "%";
    } else {
      bar.removeAttribute("value");  // indeterminate until the task says how much there is
      bar.textContent = "";
    }
    if (state.textContent !== status.status_label) { state.textContent = status.status_label; }
    var text = status.message + (status.total > 0 ? " (" + status.done + " / " + status.total + ")" : "");
    if (message.textContent !== text) { message.textContent = text; }
    if (waiting) { waiting.hidden = !status.waiting_long; }
    return true;
  }

  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (status) { if (show(status)) { window.setTimeout(poll, 1000); } })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 500);
}());

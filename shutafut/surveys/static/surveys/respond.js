/* The respondent form: search box and save-on-change. Progressive enhancement: without this script every row
   has its own save button and the search box stays hidden. */
(function () {
  "use strict";
  var textsNode = document.getElementById("survey-texts");
  var texts = textsNode ? JSON.parse(textsNode.textContent) : {};

  var search = document.getElementById("survey-search");
  if (search) {
    search.closest(".survey-search").hidden = false;
    search.addEventListener("input", function () {
      var q = search.value.trim().toLowerCase();
      document.querySelectorAll(".survey-group").forEach(function (group) {
        var shown = 0;
        group.querySelectorAll(".survey-row").forEach(function (row) {
          var match = !q || (row.dataset.search || "").indexOf(q) !== -1;
          row.hidden = !match;
          if (match) { shown += 1; }
        });
        group.hidden = shown === 0;
      });
    });
  }

  function messages(errors) {
    var out = [];
    Object.keys(errors || {}).forEach(function (key) { out = out.concat(errors[key]); });
    return out.join(" ");
  }

  function send(form) {
    var status = form.querySelector(".save-status");
    var row = form.closest(".survey-row");
    if (!form.querySelector("input[name=rung]:checked")) {
      status.textContent = texts.needRung || "";
      return Promise.resolve();
    }
    status.textContent = texts.saving || "";
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    return fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRFToken": token ? token.value : "" }
    }).then(function (response) {
      return response.json().then(function (data) {
        if (data.ok) {
          status.textContent = data.message || texts.saved || "";
          row.classList.add("is-saved");
          row.classList.remove("has-error");
        } else {
          status.textContent = messages(data.errors);
          row.classList.add("has-error");
        }
      });
    }).catch(function () {
      status.textContent = texts.failed || "";
      row.classList.add("has-error");
    });
  }

  document.querySelectorAll("form.answer-form").forEach(function (form) {
    var queue = Promise.resolve();
    function save() { queue = queue.then(function () { return send(form); }); }
    form.classList.add("autosave");
    form.addEventListener("change", save);
    form.addEventListener("submit", function (event) { event.preventDefault(); save(); });
  });
})();

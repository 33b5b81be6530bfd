// Suggestions for the organization picker (organizations/picker.py): as the person types two characters or more,
// ask the town's suggest endpoint and fill the box's <datalist>; the browser shows the list. Each picker's widget
// brings this script, so a form with two pickers runs it twice: a box is bound once.
(function () {
  "use strict";
  document.querySelectorAll("input[data-organization-picker]:not([data-picker-bound])").forEach(function (input) {
    input.dataset.pickerBound = "1";
    var list = document.getElementById(input.getAttribute("list"));
    var url = input.dataset.organizationPicker;
    var timer = null;
    var asked = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var query = input.value.trim();
      if (query.length < 2 || query === asked) { return; }
      timer = setTimeout(function () {
        asked = query;
        fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            if (input.value.trim() !== query) { return; }
            list.replaceChildren.apply(list, data.results.map(function (label) {
              var option = document.createElement("option");
              option.value = label;
              return option;
            }));
          })
          .catch(function () { /* no suggestions: typing the exact name or number still works */ });
      }, 150);
    });
  });
})();

/* The links page: "copy" buttons copy the text of the field they name. Progressive enhancement: without this
   script the buttons stay hidden and each link and message can still be selected by hand. */
(function () {
  "use strict";
  var status = document.getElementById("copy-done");
  function copied() {
    if (status) { status.textContent = status.getAttribute("data-text") || ""; }
  }
  document.querySelectorAll("button.copy[data-copy-target]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var field = document.getElementById(button.getAttribute("data-copy-target"));
      if (!field) { return; }
      var text = field.value;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(copied, function () { field.select(); document.execCommand("copy"); copied(); });
      } else {
        field.select();
        document.execCommand("copy");
        copied();
      }
    });
  });
}());
